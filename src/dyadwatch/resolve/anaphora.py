"""TIMEX3 values of expressions that point at the reference time rather than the publication date.

TimeML resolves anaphoric expressions ("the following year", "that day", "the previous
Friday") against the time the text is talking about, and TimeBank's financial news values "a
year earlier", "the year-ago period" and "the latest period" as the quarter under discussion.
Each rule returns None when the document has named no such time, so that the deictic rules of
`resolve.dates` apply instead.
"""

from __future__ import annotations

import re

from dyadwatch.resolve.calendar import Anchor
from dyadwatch.resolve.timex_words import TimexValue, vocabulary

_SHIFT = {"following": 1, "next": 1, "previous": -1, "preceding": -1, "prior": -1, "same": 0,
          "that": 0, "that same": 0}  # fmt: skip
_UNITS = {"year": "Y", "month": "M", "week": "W", "day": "D"}
_YEAR_BACK = re.compile(
    r"(?:about |nearly |almost )?(?:a|one) year (?:ago|earlier|before)"
    r"|(?:the )?(?:comparable |corresponding |same )?year (?:ago|earlier)(?: period| quarter)?"
    r"|(?:the )?(?:comparable|corresponding|same) (?:period|quarter)"
    r"(?: a year (?:ago|earlier)| last year| of last year| the year before)?"
    r"|last year (?:period|quarter)|the (?:period|quarter) a year (?:ago|earlier)"
)
_PERIOD = re.compile(r"(?:the|this|that|the latest|the most recent|the same) (?:quarter|period)")
_PERIOD_OF_YEAR = re.compile(r"the (\d{4}) (?:period|quarter)")


_MARKERS = re.compile(
    r"\b(?:year (?:ago|earlier|before)|that|same|following|previous|preceding"
    r"|prior|comparable|corresponding|latest|period)\b"
)


def refers_back(s: str) -> bool:
    """True for expressions read off the reference time, which therefore do not move it."""
    return bool(_MARKERS.search(s)) or bool(_PERIOD.fullmatch(s))


def anaphoric(s: str, a: Anchor) -> TimexValue | None:
    """ "the following year", "that day", "later that year", "the next morning", "the previous
    Friday": a unit or weekday counted from the reference time."""
    vocab = vocabulary()
    s = re.sub(r"^(?:earlier|later|early|late) (?=that )", "", s)
    words = "|".join(_SHIFT)
    m = re.fullmatch(rf"(?:the )?({words}) (\w+)", s)
    if not m or (m.group(1) == "next" and not s.startswith("the ")):
        return None
    word, unit = m.group(1), m.group(2)
    if unit in vocab["weekdays"] and _SHIFT[word] == -1:
        return TimexValue("DATE", a.weekday_before_reference(vocab["weekdays"][unit]))
    if unit in vocab["day_parts"]:
        day = a.from_reference("D", _SHIFT[word])
        return TimexValue("TIME", f"{day}T{vocab['day_parts'][unit]}")
    if unit not in _UNITS or (word == "next" and unit != "day"):
        return None
    return TimexValue("DATE", a.from_reference(_UNITS[unit], _SHIFT[word]))


def period_reference(s: str, a: Anchor) -> TimexValue | None:
    """ "a year earlier", "the year-ago quarter", "the latest period", "the 1988 period": the
    quarter or half under discussion, a year back or in the year named."""
    if _YEAR_BACK.fullmatch(s):
        value = a.period_year_back()
        if value is None and re.search(r"\b(?:period|quarter)\b", s):
            value = a.shifted("Y", -1)  # "the same period last year", no quarter named yet
    elif _PERIOD.fullmatch(s):
        value = a.latest_period() if re.search(r"latest|most recent", s) else a.period_in(None)
    elif m := _PERIOD_OF_YEAR.fullmatch(s):
        value = a.period_in(m.group(1)) or m.group(1)
    else:
        return None
    return None if value is None else TimexValue("DATE", value)
