"""Publication dates from metadata: ISO 8601, RFC 822 (feeds) and common written forms.

Only absolute dates with day, month and year are accepted: "yesterday" or "May 2023" say
nothing reliable about the publication day, so they give None like an unreadable value does.
"""

from __future__ import annotations

import datetime as dt
import re
import time
from email.utils import parsedate_to_datetime
from typing import Any

# Plausible publication years; anything outside is a typo or a placeholder ("0001-01-01").
EARLIEST_YEAR = 1900
LATEST_YEAR = 2100
# dateparser is slow on long strings and a date field is never long.
MAX_DATE_CHARS = 64

_ISO_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:[T ]|$)")
_COMPACT_DATE = re.compile(r"^(\d{4})(\d{2})(\d{2})$")
_DATEPARSER_SETTINGS: dict[str, Any] = {
    "PARSERS": ["custom-formats", "absolute-time"],  # no relative dates, no timestamps
    "STRICT_PARSING": True,  # day, month and year must all be present
    "DATE_ORDER": "MDY",  # English-language news: 09/13/2023
    "RETURN_AS_TIMEZONE_AWARE": False,
}


def parse_published(value: object) -> dt.date | None:
    """The calendar date `value` names (as written, not shifted to UTC), or None."""
    if isinstance(value, dt.datetime):
        return _plausible(value.date())
    if isinstance(value, dt.date):
        return _plausible(value)
    if isinstance(value, time.struct_time):
        return _date(value.tm_year, value.tm_mon, value.tm_mday)
    if not isinstance(value, str):
        return None
    text = value.strip()
    if not text or len(text) > MAX_DATE_CHARS:
        return None
    iso = _ISO_DATE.match(text) or _COMPACT_DATE.match(text)
    if iso:
        return _date(*(int(part) for part in iso.groups()))
    try:
        return _plausible(parsedate_to_datetime(text).date())
    except (TypeError, ValueError, IndexError):
        pass
    return _dateparser(text)


def _dateparser(text: str) -> dt.date | None:
    import dateparser

    try:
        parsed = dateparser.parse(text, languages=["en"], settings=_DATEPARSER_SETTINGS)
    except (ValueError, TypeError, OverflowError):
        return None
    return _plausible(parsed.date()) if parsed else None


def _date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return _plausible(dt.date(year, month, day))
    except ValueError:
        return None


def _plausible(date: dt.date) -> dt.date | None:
    return date if EARLIEST_YEAR <= date.year <= LATEST_YEAR else None
