"""TIMEX3 values of time expressions against an invented publication date."""

from __future__ import annotations

import datetime as dt

import pytest

from dyadwatch.resolve.calendar import Reference
from dyadwatch.resolve.dates import TimexValue, clean, interpret, is_anaphoric, normalise

WEDNESDAY = dt.date(2013, 3, 20)  # ISO week 2013-W12

CASES = [
    # text, tense, type, value
    ("Tuesday", "past", "DATE", "2013-03-19"),
    ("the full year", "past", "DATE", "2013"),  # the year an earnings report covers
    ("a full year", "past", "DURATION", "P1Y"),
    ("months ago", "past", "DATE", "PAST_REF"),  # no count: vague, not one month
    ("a month ago", "past", "DATE", "2013-02"),
    ("a week or so ago", "past", "DATE", "2013-W11"),
    ("Wednesday", "past", "DATE", "2013-03-20"),
    ("Friday", "past", "DATE", "2013-03-15"),
    ("Friday", "future", "DATE", "2013-03-22"),
    ("Friday", None, "DATE", "2013-03-15"),
    ("next Tuesday", "past", "DATE", "2013-03-26"),
    ("last Wednesday", None, "DATE", "2013-03-13"),
    ("Tuesday morning", "past", "TIME", "2013-03-19TMO"),
    ("today", None, "DATE", "2013-03-20"),
    ("yesterday", None, "DATE", "2013-03-19"),
    ("tomorrow", None, "DATE", "2013-03-21"),
    ("last night", None, "TIME", "2013-03-19TNI"),
    ("this morning", None, "TIME", "2013-03-20TMO"),
    ("2 p.m.", None, "TIME", "2013-03-20T14:00"),
    ("10:30 a.m. Thursday", "future", "TIME", "2013-03-21T10:30"),
    ("noon", None, "TIME", "2013-03-20T12:00"),
    ("last week", None, "DATE", "2013-W11"),
    ("this week", None, "DATE", "2013-W12"),
    ("next week", None, "DATE", "2013-W13"),
    ("this year", None, "DATE", "2013"),
    ("last year", None, "DATE", "2012"),
    ("early next year", None, "DATE", "2014"),
    ("earlier this month", None, "DATE", "2013-03"),
    ("last month", None, "DATE", "2013-02"),
    ("April 25, 2019", None, "DATE", "2019-04-25"),
    ("25 April 2019", None, "DATE", "2019-04-25"),
    ("Sept. 13, 2023", None, "DATE", "2023-09-13"),
    ("April 25", "past", "DATE", "2013-04-25"),  # a month ahead: this year's, whatever the tense
    ("October 25", "past", "DATE", "2012-10-25"),
    ("October 25", "future", "DATE", "2013-10-25"),
    ("April 25", "future", "DATE", "2013-04-25"),
    ("March 2", "past", "DATE", "2013-03-02"),
    ("December", "past", "DATE", "2012-12"),
    ("January", None, "DATE", "2013-01"),
    ("June last year", None, "DATE", "2012-06"),
    ("March 1998", None, "DATE", "1998-03"),
    ("1998", None, "DATE", "1998"),
    ("fiscal 1998", None, "DATE", "1998"),
    ("nineteen ninety-six", None, "DATE", "1996"),
    ("the 1990s", None, "DATE", "199"),  # TIMEX3 decades have three digits
    ("the late 1970s", None, "DATE", "197"),
    ("the nineties", None, "DATE", "199"),
    ("the last half of the '80s", None, "DATE", "198"),
    ("the last decade", None, "DATE", "200"),
    ("the 20th century", None, "DATE", "19"),
    ("the third quarter", None, "DATE", "2013-Q3"),
    ("the third quarter", "past", "DATE", "2012-Q3"),
    ("the third quarter of 1998", None, "DATE", "1998-Q3"),
    ("third-quarter", None, "DATE", "2013-Q3"),
    ("the first half", None, "DATE", "2013-H1"),
    ("last fall", None, "DATE", "2012-FA"),
    ("this summer", None, "DATE", "2013-SU"),
    ("now", None, "DATE", "PRESENT_REF"),
    ("currently", None, "DATE", "PRESENT_REF"),
    ("recently", None, "DATE", "PAST_REF"),
    ("the past", None, "DATE", "PAST_REF"),
    ("the future", None, "DATE", "FUTURE_REF"),
    ("four years", None, "DURATION", "P4Y"),
    ("three days", None, "DURATION", "P3D"),
    ("two hours", None, "DURATION", "PT2H"),
    ("the past decade", None, "DURATION", "P10Y"),
    ("two decades", None, "DURATION", "P20Y"),
    ("the past three months", None, "DURATION", "P3M"),
    ("five-year", None, "DURATION", "P5Y"),
    ("2 1/2 years", None, "DURATION", "P2Y6M"),
    ("twenty four hours", None, "DURATION", "PT24H"),
    ("several years", None, "DURATION", "PXY"),
    ("weeks", None, "DURATION", "PXW"),
    ("two years ago", None, "DATE", "2011"),
    ("three days ago", None, "DATE", "2013-03-17"),
    ("a month ago", None, "DATE", "2013-02"),
    ("a year earlier", None, "DATE", "2012"),
    ("several years ago", None, "DATE", "PAST_REF"),
    ("daily", None, "SET", "P1D"),
    ("every week", None, "SET", "P1W"),
    ("every Thursday", None, "SET", "XXXX-WXX-4"),
    ("Christmas", "future", "DATE", "2013-12-25"),
    ("New Year's Day", None, "DATE", "2013-01-01"),  # listed as "new year's day"
    ("Valentine's Day", None, "DATE", "2013-02-14"),
    # holidays on a weekday of a month, and counted from Easter (2013: March 31)
    ("Election Day", None, "DATE", "2012-11-06"),  # the Tuesday after the first Monday
    ("Memorial Day", "future", "DATE", "2013-05-27"),  # the last Monday of May
    ("Mother's Day", "future", "DATE", "2013-05-12"),
    ("Martin Luther King Jr. Day", "past", "DATE", "2013-01-21"),
    ("Good Friday", "future", "DATE", "2013-03-29"),
    ("Easter", "future", "DATE", "2013-03-31"),
    ("Easter week", "future", "DATE", "2013-W13"),
    ("something odd", None, "DATE", "XXXX-XX-XX"),
    # weekday given with the date, spelled-out days, clock words, weeks and seasons of dates
    ("Monday, March 25", "past", "DATE", "2013-03-25"),
    ("this coming Sunday, March twenty fourth", None, "DATE", "2013-03-24"),
    ("March eighth", "past", "DATE", "2013-03-08"),
    ("4 in the morning", "future", "TIME", "2013-03-20T04:00"),
    ("10 at night", None, "TIME", "2013-03-20T22:00"),
    ("the week of April 8", "future", "DATE", "2013-W15"),
    ("the winter of nineteen ninety-four", None, "DATE", "1994-WI"),
    ("year-end", "future", "DATE", "2013"),
    ("earlier in the year", "past", "DATE", "2013"),
    # counts: "couple" is two, ranges are vague, halves of small units
    ("a couple of years", None, "DURATION", "P2Y"),
    ("the next couple of years", None, "DURATION", "P2Y"),
    ("eight trading days", None, "DURATION", "P8D"),
    ("the year-earlier nine months", None, "DURATION", "P9M"),
    ("two to three weeks", None, "DURATION", "PXW"),
    ("the next 12 to 18 months", None, "DURATION", "PXM"),
    ("a minute and a half", None, "DURATION", "PT1M30S"),
    ("two and a half days", None, "DURATION", "P2DT12H"),
    # deictic, so unaffected by the reference time
    ("the quarter", "past", "DATE", "2012-Q4"),
    ("a year earlier", "past", "DATE", "2012"),
    ("the year-ago period", "past", "DATE", "2012"),
]


@pytest.mark.parametrize(("text", "tense", "type_", "value"), CASES)
def test_values_against_the_publication_date(
    text: str, tense: str | None, type_: str, value: str
) -> None:
    assert normalise(text, WEDNESDAY, tense=tense) == TimexValue(type_, value)


UNANCHORED = [
    ("Tuesday", "DATE", "XXXX-WXX-2"),
    ("last week", "DATE", "XXXX-WXX"),
    ("this year", "DATE", "XXXX"),
    ("earlier this month", "DATE", "XXXX-XX"),
    ("yesterday", "DATE", "XXXX-XX-XX"),
    ("April 25", "DATE", "XXXX-04-25"),
    ("April 25, 2019", "DATE", "2019-04-25"),
    ("four years", "DURATION", "P4Y"),
    ("now", "DATE", "PRESENT_REF"),
]


@pytest.mark.parametrize(("text", "type_", "value"), UNANCHORED)
def test_without_publication_date_relative_values_are_underspecified(
    text: str, type_: str, value: str
) -> None:
    assert normalise(text, None, tense="past") == TimexValue(type_, value)


def test_clean_drops_possessives_dots_and_hyphens() -> None:
    assert clean("Last Year’s") == "last year"
    assert clean("Sept. 30") == "sept 30"
    assert clean("third-quarter") == "third quarter"
    assert clean("5 p.m. EST") == "5 pm est"


REFERENCE = Reference("2012-10-26", "2012-Q3")  # a Friday; the quarter under discussion Q3

REFERENCED = [
    # text, tense, type, value: anaphoric expressions read off the reference time
    ("a year earlier", "past", "DATE", "2011-Q3"),
    ("a year ago", "past", "DATE", "2011-Q3"),
    ("the year-ago quarter", "past", "DATE", "2011-Q3"),
    ("the comparable period last year", "past", "DATE", "2011-Q3"),
    ("the latest quarter", "past", "DATE", "2012-Q3"),
    ("the latest period", "past", "DATE", "2012-Q3"),
    ("that quarter", "past", "DATE", "2012-Q3"),
    ("the 2011 period", "past", "DATE", "2011-Q3"),
    ("the following year", "past", "DATE", "2013"),
    ("the previous year", "past", "DATE", "2011"),
    ("that year", "past", "DATE", "2012"),
    ("later that year", "past", "DATE", "2012"),
    ("the following month", "past", "DATE", "2012-11"),
    ("that day", "past", "DATE", "2012-10-26"),
    ("earlier that day", "past", "DATE", "2012-10-26"),
    ("the next day", "past", "DATE", "2012-10-27"),
    ("the same day", "past", "DATE", "2012-10-26"),
    ("that night", "past", "TIME", "2012-10-26TNI"),
    ("the next morning", "past", "TIME", "2012-10-27TMO"),
    ("the previous Friday", "past", "DATE", "2012-10-19"),
    ("the morning", "past", "TIME", "2012-10-26TMO"),
    ("10 p.m.", "past", "TIME", "2012-10-26T22:00"),
    # deictic expressions keep the publication date
    ("next year", "future", "DATE", "2014"),
    ("two years ago", "past", "DATE", "2011"),
    ("this morning", "past", "TIME", "2013-03-20TMO"),
    ("the third quarter", "past", "DATE", "2012-Q3"),
    ("the fourth quarter", "future", "DATE", "2013-Q4"),
    ("Friday", "past", "DATE", "2013-03-15"),
]


@pytest.mark.parametrize(("text", "tense", "type_", "value"), REFERENCED)
def test_values_against_the_reference_time(
    text: str, tense: str | None, type_: str, value: str
) -> None:
    assert normalise(text, WEDNESDAY, tense=tense, reference=REFERENCE) == TimexValue(type_, value)


ANAPHORIC = [
    ("a year earlier", True),
    ("the year-ago period", True),
    ("the latest quarter", True),
    ("that day", True),
    ("the following year", True),
    ("the previous Friday", True),
    ("the third quarter", False),
    ("last year", False),
    ("two years ago", False),
    ("Friday", False),
    ("Sept. 30", False),
]


@pytest.mark.parametrize(("text", "anaphoric"), ANAPHORIC)
def test_anaphoric_expressions_are_recognised(text: str, anaphoric: bool) -> None:
    assert is_anaphoric(text) is anaphoric


def test_interpret_returns_none_where_no_rule_reads_the_whole_text() -> None:
    assert interpret("recently last October", WEDNESDAY) is None
    assert interpret("April month", WEDNESDAY) is None
    assert interpret("last October", WEDNESDAY, tense="past") == TimexValue("DATE", "2012-10")
    assert normalise("April month", WEDNESDAY) == TimexValue("DURATION", "PXM")


def test_every_recovered_holiday_name_has_a_date() -> None:
    # `holiday_names` lists surface tokens for detection; each must be valued by one of the
    # three holiday lists, or a recovered name would come out undated.
    from dyadwatch.resolve.timex_words import vocabulary

    for words in vocabulary()["holiday_names"]:
        text = "".join(w if str(w).startswith(("'", "’")) else f" {w}" for w in words).strip()
        value = normalise(text.title(), WEDNESDAY)
        assert value.type == "DATE" and value.value[:4] != "XXXX", (text, value)
