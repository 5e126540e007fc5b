"""Calendar arithmetic: the publication date and the reference time as anchors."""

from __future__ import annotations

import datetime as dt

import pytest

from dyadwatch.resolve.calendar import Anchor, Reference, shift

WEDNESDAY = dt.date(2013, 3, 20)  # ISO week 2013-W12

YEARS = [
    # month, day, tense, year: the nearest occurrence, weighed against the clause tense
    (10, 25, "past", "2012"),  # last October is much nearer than next
    (10, 25, "future", "2013"),
    (10, 25, None, "2012"),  # 7 months back beats 7.2 months ahead
    (4, 25, "past", "2013"),  # a month ahead is still this year's (AP style omits the year)
    (4, 25, "future", "2013"),
    (1, 13, "future", "2013"),  # two months back beats ten ahead even in a future clause
    (12, 15, "past", "2012"),
    (12, 15, "perfect", "2012"),  # the present perfect looks back like the past
    (6, 1, "future", "2013"),
]


@pytest.mark.parametrize(("month", "day", "tense", "year"), YEARS)
def test_year_of_a_month_and_day(month: int, day: int, tense: str | None, year: str) -> None:
    assert Anchor(WEDNESDAY, tense).year_for(month, day) == year


def test_weekday_given_with_a_date_decides_the_year() -> None:
    anchor = Anchor(dt.date(1998, 4, 24), "past")
    assert anchor.partial_date(10, 26, weekday=1) == "1998-10-26"  # Monday, Oct. 26, 1998
    assert anchor.partial_date(10, 26, weekday=None) == "1997-10-26"  # past tense, no weekday
    assert anchor.partial_date(10, 26, weekday=3) == "1997-10-26"  # no year fits: tense decides


WEEKDAYS = [
    # weekday, tense, date
    (5, "past", "2013-03-15"),
    (5, "future", "2013-03-22"),
    (5, "perfect", "2013-03-22"),  # nearest: "has set Friday as the deadline"
    (1, "perfect", "2013-03-18"),
    (3, "past", "2013-03-20"),
]


@pytest.mark.parametrize(("weekday", "tense", "date"), WEEKDAYS)
def test_weekday_by_tense(weekday: int, tense: str, date: str) -> None:
    assert Anchor(WEDNESDAY, tense).weekday(weekday, None) == date


def test_reference_follows_calendar_values_only() -> None:
    reference = Reference().after("2012-10-23")
    assert reference == Reference("2012-10-23", None)
    assert reference.after("P4Y") == reference
    assert reference.after("PRESENT_REF") == reference
    assert reference.after("199") == reference  # a decade is no reference time
    quarter = reference.after("2012-Q3")
    assert quarter == Reference("2012-Q3", "2012-Q3")
    assert quarter.after("2012-09-30") == Reference("2012-09-30", "2012-Q3")


REFERENCED = [
    # reference date, unit, n, value
    ("1995", "Y", 1, "1996"),
    ("1995-03", "M", 1, "1995-04"),
    ("2012-10-23", "D", 0, "2012-10-23"),
    ("2012-10-23", "D", 1, "2012-10-24"),
    ("2012-10-23", "W", -1, "2012-W42"),
    ("2012-Q3", "Y", -1, "2011"),
    ("2012-Q3", "M", 1, "2013-04"),  # no month in a quarter: the publication date stands in
    ("1995", "D", 1, "2013-03-21"),  # no day in a year: the publication date stands in
]


@pytest.mark.parametrize(("reference", "unit", "n", "value"), REFERENCED)
def test_units_from_the_reference_time(reference: str, unit: str, n: int, value: str) -> None:
    anchor = Anchor(WEDNESDAY, "past", Reference(reference, None))
    assert anchor.from_reference(unit, n) == value


def test_without_reference_the_publication_date_anchors() -> None:
    anchor = Anchor(WEDNESDAY, "past")
    assert anchor.from_reference("Y", 1) == "2014"
    assert anchor.period_year_back() is None
    assert anchor.period_in("1988") is None
    assert anchor.weekday_before_reference(5) == "2013-03-15"
    assert anchor.reference_day() == "2013-03-20"


def test_quarter_under_discussion() -> None:
    anchor = Anchor(WEDNESDAY, "past", Reference("2012-09-30", "2012-Q3"))
    assert anchor.period_year_back() == "2011-Q3"
    assert anchor.period_in(None) == "2012-Q3"
    assert anchor.period_in("2011") == "2011-Q3"
    assert anchor.reference_day() == "2012-09-30"


def test_previous_weekday_of_the_reference_day() -> None:
    anchor = Anchor(WEDNESDAY, "past", Reference("1989-10-27", None))  # a Friday
    assert anchor.weekday_before_reference(5) == "1989-10-20"
    assert anchor.weekday_before_reference(1) == "1989-10-23"


SHIFTS = [
    (WEDNESDAY, "Y", -2, "2011"),
    (WEDNESDAY, "M", -3, "2012-12"),
    (WEDNESDAY, "Q", -5, "2011-Q4"),
    (WEDNESDAY, "W", -1, "2013-W11"),
    (WEDNESDAY, "WE", 0, "2013-W12-WE"),
    (WEDNESDAY, "DE", -1, "2003"),
    (WEDNESDAY, "D", 12, "2013-04-01"),
    (None, "W", -1, "XXXX-WXX"),
    (None, "D", 1, "XXXX-XX-XX"),
    (WEDNESDAY, "W", 10**9, "XXXX-WXX"),
]


@pytest.mark.parametrize(("anchor", "unit", "n", "value"), SHIFTS)
def test_shift(anchor: dt.date | None, unit: str, n: int, value: str) -> None:
    assert shift(anchor, unit, n) == value


def test_months_to_date_put_the_year_under_discussion() -> None:
    reference = Reference("2012-09-30", "2012-Q3").over_months_to_date(WEDNESDAY)
    assert reference == Reference("2012-09-30", "2012")
    anchor = Anchor(WEDNESDAY, "past", reference)
    assert anchor.period_year_back() == "2011"
    assert Reference().over_months_to_date(WEDNESDAY) == Reference(None, "2013")
    assert Reference().over_months_to_date(None) == Reference()


def test_latest_quarter_has_ended() -> None:
    forecast = Anchor(WEDNESDAY, "present", Reference(None, "2013-Q2"))
    assert forecast.latest_period() == "2012-Q4"  # the quarter named is still to come
    reported = Anchor(WEDNESDAY, "past", Reference(None, "2012-Q3"))
    assert reported.latest_period() == "2012-Q3"
    assert Anchor(WEDNESDAY, "past").latest_period() is None


def test_a_forecast_quarter_is_compared_with_the_last_one_reported() -> None:
    forecast = Anchor(WEDNESDAY, "past", Reference(None, "2014-Q3"))
    assert forecast.period_year_back() == "2011-Q4"  # the year-ago period of 2012-Q4
    current = Anchor(WEDNESDAY, "past", Reference(None, "2013-Q1"))
    assert current.period_year_back() == "2012-Q1"
