"""Calendar arithmetic for TIMEX3 values: the anchor that relative expressions resolve against.

Two anchors, as in TimeML: the publication date for deictic expressions ("last week", "two
years ago", "Tuesday") and the reference time, the date the text is currently talking about,
for anaphoric ones ("the following year", "that day", "the previous Friday") and for the
quarter under discussion in financial news ("a year earlier" after "the third quarter" is the
third quarter of the year before). Without a publication date, values are underspecified
(`XXXX-WXX-2`) rather than guessed from today.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

SEASON_ORDER = ("WI", "SP", "SU", "FA")
MAX_WEEK_SHIFT = 50_000  # weeks; beyond this the Gregorian calendar of `datetime` runs out
# How much nearer a date on the wrong side of the clause tense must be to win: in a past-tense
# clause of a Nov. 2 article "Nov. 20" is this Nov. 20 (18 days ahead, weighted 72) rather than
# last year's (347 days back); beyond about 2.4 months ahead last year's wins. Calibrated on
# TempEval-3 TBAQ value F1: 1 (tense ignored) 0.763, 2 0.7695, 4-6 0.7706, 8 0.7695.
TENSE_BIAS = 4
_CALENDAR = re.compile(r"\d{4}(-\d\d(-\d\d)?|-W\d\d|-Q\d|-H\d|-(SP|SU|FA|WI))?")
_PERIOD = re.compile(r"(\d{4})-([QH]\d)")


def ymd(year: int, month: int, day: int) -> str:
    return f"{year:04d}-{month:02d}-{day:02d}"


@dataclass(frozen=True)
class Reference:
    """What the text is talking about so far: the last calendar date and the last quarter/half
    (or a bare year when the text reports the months to date)."""

    date: str | None = None
    period: str | None = None

    def after(self, value: str) -> Reference:
        """The reference once a DATE value has been read."""
        if _PERIOD.fullmatch(value):
            return Reference(value, value)
        if _CALENDAR.fullmatch(value):
            return Reference(value, self.period)
        return self

    def over_months_to_date(self, published: dt.date | None) -> Reference:
        """The reference once "the nine months" or "the first six months" has been read: the
        year to date is under discussion, so "a year earlier" is last year, not a quarter."""
        year = self.period[:4] if self.period else published and f"{published.year:04d}"
        return Reference(self.date, year) if year else self


NO_REFERENCE = Reference()
ANY_REFERENCE = Reference("2000-01-01", "2000-Q1")  # for asking whether a rule applies at all


@dataclass(frozen=True)
class Anchor:
    """The publication date, clause tense and reference time relative expressions resolve on.

    `tense` is "past", "perfect" (present perfect), "present", "future" or None.
    """

    published: dt.date | None
    tense: str | None
    reference: Reference = Reference()

    @property
    def looks_back(self) -> bool:
        """Past tense or present perfect: dates of the clause lie mostly before publication."""
        return self.tense in ("past", "perfect")

    def day(self, offset: int) -> str:
        if self.published is None:
            return "XXXX-XX-XX"
        try:
            return (self.published + dt.timedelta(days=offset)).isoformat()
        except OverflowError:  # beyond the calendar of `datetime`
            return "XXXX-XX-XX"

    def reference_day(self) -> str:
        """The day the text is talking about: the last full date named, else publication."""
        value = self.reference.date
        if value is not None and re.fullmatch(r"\d{4}-\d\d-\d\d", value):
            return value
        return self.day(0)

    def shifted(self, unit: str, n: int) -> str:
        """The calendar unit `n` units away from the anchor, at that unit's granularity."""
        return shift(self.published, unit, n)

    def quarter(self, offset: int) -> str:
        return self.shifted("Q", offset)

    def decade(self, offset: int) -> str:
        return "XXX" if self.published is None else f"{self.published.year // 10 + offset}"

    def century(self, offset: int) -> str:
        return "XX" if self.published is None else f"{self.published.year // 100 + offset:02d}"

    def weekend(self, offset: int | None) -> str:
        if offset is None:
            offset = {"past": -1 if self.published and self.published.isoweekday() < 6 else 0,
                      "future": 0}.get(self.tense or "past", 0)  # fmt: skip
        return self.shifted("WE", offset)

    def weekday(self, weekday: int, modifier: str | None) -> str:
        """The date of a weekday: previous for past tense or "last", next for future or "next"."""
        if self.published is None:
            return f"XXXX-WXX-{weekday}"
        today = self.published.isoweekday()
        if modifier in ("last", "past", "this past"):
            delta = -((today - weekday) % 7 or 7)
        elif modifier in ("next", "coming", "this coming"):
            delta = (weekday - today) % 7 or 7
        elif modifier == "this":
            delta = weekday - today
        elif self.tense == "future":
            delta = (weekday - today) % 7
        elif self.tense in ("present", "perfect"):
            delta = (weekday - today + 3) % 7 - 3  # the nearest one
        else:
            delta = -((today - weekday) % 7)
        return self.day(delta)

    def partial_date(self, month: int, day: int, weekday: int | None = None) -> str:
        """A month and day without a year; a weekday given with it ("Monday, Oct. 26") decides."""
        if weekday is not None and self.published is not None:
            around = _years_around(self.published)
            years = [y for y in around if _weekday_of(y, month, day) == weekday]
            if len(years) == 1:
                return ymd(years[0], month, day)
        return f"{self.year_for(month, day)}-{month:02d}-{day:02d}"

    def year_for(self, month: int, day: int = 15) -> str:
        """The year of the occurrence of a month and day nearest the publication date.

        The clause tense weighs against occurrences on its wrong side (TENSE_BIAS), so a past
        tense moves "April 25" to last year only when last year's is not much farther away.
        """
        if self.published is None:
            return "XXXX"

        def cost(year: int) -> float:
            days = (_safe_date(year, month, day) - self.published).days  # type: ignore[operator]
            wrong_side = (self.looks_back and days > 0) or (self.tense == "future" and days < 0)
            return abs(days) * (TENSE_BIAS if wrong_side else 1)

        return f"{min(_years_around(self.published), key=cost):04d}"

    def month_value(self, month: int, modifier: str | None) -> str:
        if self.published is None:
            return f"XXXX-{month:02d}"
        year = self.published.year
        if modifier == "last":
            year -= month >= self.published.month
        elif modifier == "next":
            year += month <= self.published.month
        elif modifier != "this":
            return f"{self.year_for(month)}-{month:02d}"
        return f"{year:04d}-{month:02d}"

    def year_of_period(self, letter: str, n: int) -> str:
        """Year of "the third quarter" or "the first half": last year when still to come."""
        if self.published is None:
            return "XXXX"
        current = (self.published.month - 1) // (3 if letter == "Q" else 6) + 1
        late = self.looks_back and n > current
        return f"{self.published.year - late:04d}"

    def season(self, season: str, modifier: str | None) -> str:
        if self.published is None:
            return f"XXXX-{season}"
        year, now = self.published.year, SEASON_ORDER[self.published.month % 12 // 3]
        ahead = SEASON_ORDER.index(season) > SEASON_ORDER.index(now)
        if modifier in ("last", "past", "this past", "the last", "the past") or (
            modifier in (None, "the") and self.looks_back
        ):
            year -= ahead or (season == now and modifier is not None)
        elif modifier in ("next", "the next", "coming", "the coming"):
            year += not ahead
        return f"{year:04d}-{season}"

    def nth_weekday(self, month: int, weekday: int, nth: int, after: int = 0) -> str:
        """The `nth` ISO `weekday` of `month` (-1: the last) in the year nearest publication,
        `after` days on ("Election Day": the day after the first Monday of November)."""
        year = self.year_for(month, 28)
        if year == "XXXX":
            return f"XXXX-{month:02d}-XX"
        if nth > 0:
            first = dt.date(int(year), month, 1)
            day = first + dt.timedelta(days=(weekday - first.isoweekday()) % 7 + 7 * (nth - 1))
        else:
            last = dt.date(int(year) + month // 12, month % 12 + 1, 1) - dt.timedelta(days=1)
            day = last - dt.timedelta(days=(last.isoweekday() - weekday) % 7)
        day += dt.timedelta(days=after)
        return ymd(day.year, day.month, day.day)

    def easter(self, offset: int) -> str:
        """Easter Sunday (Western computus) of the year nearest publication, `offset` days on
        ("Good Friday": -2)."""
        from dateutil.easter import easter

        year = self.year_for(4, 10)
        if year == "XXXX":
            return "XXXX-XX-XX"
        day = easter(int(year)) + dt.timedelta(days=offset)
        return ymd(day.year, day.month, day.day)

    def period_year_back(self) -> str | None:
        """The quarter or half under discussion, a year earlier: "a year ago" in earnings news.

        A quarter still to come (a forecast: "the third quarter of 1990") is compared with
        nothing yet: the year-ago period is that of the last quarter ended by publication.
        """
        period = self.reference.period
        if period is None:
            return None
        if "-Q" in period and self.published is not None and period > self.quarter(0):
            period = self.quarter(-1)
        year, _, part = period.partition("-")
        return f"{int(year) - 1:04d}" + (f"-{part}" if part else "")

    def period_in(self, year: str | None) -> str | None:
        """The quarter or half under discussion, in `year` when given: "the 1988 period"."""
        if self.reference.period is None:
            return None
        own_year, _, part = self.reference.period.partition("-")
        return (year or own_year) + (f"-{part}" if part else "")

    def latest_period(self) -> str | None:
        """ "the latest quarter": the quarter under discussion, unless it has not ended by
        publication (a forecast named it), then the last quarter that has."""
        value = self.period_in(None)
        if value is None or self.published is None or "-Q" not in value:
            return value
        return min(value, self.quarter(-1))

    def from_reference(self, unit: str, n: int) -> str:
        """`n` units from the reference time ("the following year"); the publication date
        stands in when the text has named no date of that granularity yet."""
        granularity = {"Y": 4, "M": 7, "W": 10, "D": 10}.get(unit)
        value = self.reference.date
        if granularity is None or value is None or len(value) < granularity or "-W" in value:
            return self.shifted(unit, n)
        if unit != "Y" and ("-Q" in value or "-H" in value or value[5:7] in SEASON_ORDER):
            return self.shifted(unit, n)
        return shift(_start_of(value), unit, n)

    def weekday_before_reference(self, weekday: int) -> str:
        """ "the previous Friday": the last such weekday before the reference day."""
        value = self.reference.date
        if value is None or not re.fullmatch(r"\d{4}-\d\d-\d\d", value):
            return self.weekday(weekday, "last")
        day = dt.date.fromisoformat(value)
        return (day - dt.timedelta(days=(day.isoweekday() - weekday) % 7 or 7)).isoformat()


def shift(anchor: dt.date | None, unit: str, n: int) -> str:
    """The calendar unit `n` units away from `anchor`, at that unit's granularity."""
    p = anchor
    if unit in ("DE", "CE"):
        return shift(anchor, "Y", n * (10 if unit == "DE" else 100))
    if p is None:
        return {"Y": "XXXX", "M": "XXXX-XX", "W": "XXXX-WXX", "WE": "XXXX-WXX-WE",
                "Q": "XXXX-QX"}.get(unit, "XXXX-XX-XX")  # fmt: skip
    if unit == "Y":
        return f"{p.year + n:04d}"
    if unit == "M":
        y, m = divmod(p.year * 12 + p.month - 1 + n, 12)
        return f"{y:04d}-{m + 1:02d}"
    if unit == "Q":
        y, q = divmod(p.year * 4 + (p.month - 1) // 3 + n, 4)
        return f"{y:04d}-Q{q + 1}"
    if unit in ("W", "WE"):
        if abs(n) > MAX_WEEK_SHIFT:
            return "XXXX-WXX"
        y, w, _ = (p + dt.timedelta(weeks=n)).isocalendar()
        return f"{y:04d}-W{w:02d}" + ("-WE" if unit == "WE" else "")
    if unit.startswith("T"):
        n = 0
    try:
        return (p + dt.timedelta(days=n)).isoformat()
    except OverflowError:  # beyond the calendar of `datetime`
        return "XXXX-XX-XX"


def _start_of(value: str) -> dt.date:
    year = int(value[:4])
    month = int(value[5:7]) if len(value) >= 7 and value[5:7].isdigit() else 1
    day = int(value[8:10]) if len(value) >= 10 else 1
    return _safe_date(year, month, day)


def _years_around(published: dt.date) -> tuple[int, int, int]:
    return (published.year - 1, published.year, published.year + 1)


def _safe_date(year: int, month: int, day: int) -> dt.date:
    """The date, with an impossible day (Feb. 30) moved to the month's last."""
    year = min(max(year, dt.MINYEAR), dt.MAXYEAR)
    for last in range(day, 27, -1) if day > 28 else (day,):
        try:
            return dt.date(year, month, last)
        except ValueError:
            continue
    return dt.date(year, month, 28)


def _weekday_of(year: int, month: int, day: int) -> int | None:
    try:
        return dt.date(year, month, day).isoweekday()
    except ValueError:
        return None
