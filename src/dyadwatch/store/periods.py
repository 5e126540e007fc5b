"""Calendar periods of TIMEX3 values, for filtering events by date."""

from __future__ import annotations

import calendar
import datetime as dt
import re

_PERIOD = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?|-W(\d{2}))?(?:T.*)?$")


def day_range(value: str | None) -> tuple[dt.date, dt.date] | None:
    """First and last day of a TIMEX3 calendar value: a day, ISO week, month or year.

    A time (`2023-09-13T10:00`) counts as its day; other values (PRESENT_REF, P4Y, 2023-SU)
    have no range.
    """
    match = _PERIOD.match(value or "")
    if not match:
        return None
    year, month, day, week = match.groups()
    try:
        if week:
            return (
                dt.date.fromisocalendar(int(year), int(week), 1),
                dt.date.fromisocalendar(int(year), int(week), 7),
            )
        if day:
            single = dt.date(int(year), int(month), int(day))
            return single, single
        if month:
            last = calendar.monthrange(int(year), int(month))[1]
            return dt.date(int(year), int(month), 1), dt.date(int(year), int(month), last)
        return dt.date(int(year), 1, 1), dt.date(int(year), 12, 31)
    except ValueError:
        return None
