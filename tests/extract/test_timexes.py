"""Time expressions found in parsed text: TimeML extents, types and values."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from spacy.language import Language

from dyadwatch.extract.timexes import timexes

TESTS_DATA = Path(__file__).parents[1] / "data"
PUBLISHED = dt.date(2013, 3, 20)  # a Wednesday

FOUND = [
    # sentence, expected (text, type, value) in order
    ("The minister spoke to reporters on Tuesday.", [("Tuesday", "DATE", "2013-03-19")]),
    ("The talks will resume on Friday.", [("Friday", "DATE", "2013-03-22")]),
    # a present progressive with a date is an arrangement ahead
    ("The delegation is arriving on Tuesday.", [("Tuesday", "DATE", "2013-03-26")]),
    ("Officials met last week in Geneva.", [("last week", "DATE", "2013-W11")]),
    ("Exports rose sharply this year.", [("this year", "DATE", "2013")]),
    ("The deal was signed earlier this month.", [("earlier this month", "DATE", "2013-03")]),
    ("It was their first meeting in four years.", [("four years", "DURATION", "P4Y")]),
    (
        "They first met on April 25, 2019 in Vladivostok.",
        [("April 25, 2019", "DATE", "2019-04-25")],
    ),
    ("Prices are high now.", [("now", "DATE", "PRESENT_REF")]),
    ("The company is currently reviewing its options.", [("currently", "DATE", "PRESENT_REF")]),
    ("Inflation has recently slowed.", [("recently", "DATE", "PAST_REF")]),
    ("Sales fell in the third quarter.", [("the third quarter", "DATE", "2012-Q3")]),
    ("The army withdrew two years ago.", [("two years ago", "DATE", "2011")]),
    ("Profit doubled over the past decade.", [("the past decade", "DURATION", "P10Y")]),
    ("The summit ended on Tuesday morning.", [("Tuesday morning", "TIME", "2013-03-19TMO")]),
    ("Polls close at 8 p.m. tomorrow.", [("8 p.m. tomorrow", "TIME", "2013-03-21T20:00")]),
    ("The ferry runs daily.", [("daily", "SET", "P1D")]),
    # holiday names the recogniser misses or cuts ("Mother's [Day]"); not "easter eggs"
    ("The cafe was full on Mother's Day.", [("Mother's Day", "DATE", "2013-05-12")]),
    ("Pilgrims gathered on Good Friday.", [("Good Friday", "DATE", "2013-03-29")]),
    ("The children painted easter eggs.", []),
    (
        "Net income rose in the quarter ended Sept. 30.",
        [("the quarter", "DATE", "2012-Q4"), ("Sept. 30", "DATE", "2012-09-30")],
    ),
    ("Troops arrived in the 1990s.", [("the 1990s", "DATE", "199")]),
    # extents: lists and counts of months split, ranges of counts kept whole
    ("Prices fell between 1994 and 1997.", [("1994", "DATE", "1994"), ("1997", "DATE", "1997")]),
    (
        "Shipments will resume within two to three weeks.",
        [("two to three weeks", "DURATION", "PXW")],
    ),
    (
        "Jobs grew for the first nine months of 2012.",
        [("the first nine months", "DURATION", "P9M"), ("2012", "DATE", "2012")],
    ),
    ("The banks must wait at least 30 days.", [("at least 30 days", "DURATION", "P30D")]),
    (
        "The storm hit the coast. Three days later, the power came back.",
        [("Three days", "DURATION", "P3D")],
    ),
    ("He urged him to run in this year's election.", [("this year", "DATE", "2013")]),
    ("The fair opens each July.", [("each July", "SET", "XXXX-07")]),
    ("The club meets every Thursday.", [("every Thursday", "SET", "XXXX-WXX-4")]),
    ("It was the deadliest war of the 20th century.", [("the 20th century", "DATE", "19")]),
    (
        "Sales rose 5% from the same period last year.",
        [("the same period last year", "DATE", "2012")],
    ),
    # recovered words, but not as the modifier of a count
    ("Investors worry about current market conditions.", [("current", "DATE", "PRESENT_REF")]),
    ("In the past, Russia has often objected.", [("the past", "DATE", "PAST_REF")]),
    ("Prices rose over the past two years.", [("the past two years", "DURATION", "P2Y")]),
    # tense of the governing verb
    ("Officials postponed the vote until Tuesday.", [("Tuesday", "DATE", "2013-03-26")]),
    ("The offer had been due to expire Friday.", [("Friday", "DATE", "2013-03-15")]),
    (
        "Net income for the fiscal year ended Sept. 30 rose 4%.",
        [("the fiscal year", "DURATION", "P1Y"), ("Sept. 30", "DATE", "2012-09-30")],
    ),
    (
        "The team planned to leave for the capital on Thursday.",
        [("Thursday", "DATE", "2013-03-21")],
    ),
    # the reference time: the date the text has reached
    (
        "Profit rose in the third quarter but fell in the first nine months. A year earlier, "
        "the company earned $5 million.",
        [
            ("the third quarter", "DATE", "2012-Q3"),
            ("the first nine months", "DURATION", "P9M"),
            ("A year earlier", "DATE", "2011"),
        ],
    ),
    (
        "The firm expects a loss in the second quarter. Sales fell in the latest quarter.",
        [("the second quarter", "DATE", "2013-Q2"), ("the latest quarter", "DATE", "2012-Q4")],
    ),
    (
        "Profit rose 5% in the third quarter. A year earlier, the company lost money.",
        [("the third quarter", "DATE", "2012-Q3"), ("A year earlier", "DATE", "2011-Q3")],
    ),
    (
        "The war ended in 1995. The following year, the troops left.",
        [("1995", "DATE", "1995"), ("The following year", "DATE", "1996")],
    ),
    (
        "The attack came on Oct. 23, 2012. Earlier that day, the family had gone out.",
        [("Oct. 23, 2012", "DATE", "2012-10-23"), ("Earlier that day", "DATE", "2012-10-23")],
    ),
    (
        "The shooting happened on Oct. 23, 2012, at 10 p.m. near the house.",
        [("Oct. 23, 2012", "DATE", "2012-10-23"), ("10 p.m.", "TIME", "2012-10-23T22:00")],
    ),
    # touching pieces join only when the whole reads; a clock time takes the date after a comma
    (
        "He testified for more than four hours Friday.",
        [("more than four hours", "DURATION", "PT4H"), ("Friday", "DATE", "2013-03-15")],
    ),
    (
        "Attacks have continued, most recently last October.",
        [("recently", "DATE", "PAST_REF"), ("last October", "DATE", "2012-10")],
    ),
    (
        "The offer expires at 5 p.m. EST, March 22.",
        [("5 p.m. EST, March 22", "TIME", "2013-03-22T17:00")],
    ),
    # extents: a count before "a year ago" is not part of it; no trailing punctuation
    ("Sales rose to 40 stores, up from seven a year ago.", [("a year ago", "DATE", "2012")]),
    (
        "The paper said on Thursday, March 14:\n\nThe rules must change.",
        [("Thursday, March 14", "DATE", "2013-03-14")],
    ),
    # dates and halves the recogniser misses
    ("The Aug. 7 Embassy bombings killed 200 people.", [("Aug. 7", "DATE", "2012-08-07")]),
    ("The crew worked 5 1/2 hours in the rain.", [("5 1/2 hours", "DURATION", "PT5H30M")]),
    ("``Today is the day,'' he said.", [("Today", "DATE", "2013-03-20")]),
]

ANCHORED_ELSEWHERE = [
    # published, sentence, expected (text, type, value)
    (
        dt.date(1989, 11, 2),  # present perfect: the nearest Nov. 10, not last year's
        "The company has set Nov. 10 as the deadline for bids.",
        [("Nov. 10", "DATE", "1989-11-10")],
    ),
    (
        dt.date(1989, 10, 27),  # a date shortly ahead in a past-tense clause is this year's
        "The board declared a dividend, payable Dec. 7 to stock of record Nov. 22.",
        [("Dec. 7", "DATE", "1989-12-07"), ("Nov. 22", "DATE", "1989-11-22")],
    ),
    (
        dt.date(2013, 3, 18),  # a possessed weekday names an event that has happened
        "The bonds were priced at a premium over Thursday's closing price.",
        [("Thursday", "DATE", "2013-03-14")],
    ),
    (
        dt.date(1998, 4, 24),  # the weekday decides the year
        "The newspaper said in an editorial on Monday, Oct. 26, that the law was unfair.",
        [("Monday, Oct. 26", "DATE", "1998-10-26")],
    ),
    (
        dt.date(1989, 10, 26),  # "effective" dates what is still to come, whatever the tense
        "The union approved a new contract effective Feb. 1.",
        [("Feb. 1", "DATE", "1990-02-01")],
    ),
    (
        dt.date(1989, 11, 2),  # a participle adjunct takes the tense of its clause
        "The shares have fluctuated, climbing to a peak in June from a low in March.",
        [("June", "DATE", "1989-06"), ("March", "DATE", "1989-03")],
    ),
    (
        dt.date(1999, 3, 13),  # an infinitive under a simple past: the nearest Friday
        "The government staged celebrations to mark the anniversary on Friday.",
        [("Friday", "DATE", "1999-03-12")],
    ),
]

NOT_TIMEXES = [
    "We will not hesitate to act.",  # "we" is not Wednesday
    "You may go now if you wish to leave, but we may stay.",  # "may" is a modal verb
    "The firm sold 1500 units and hired 44 workers.",  # numbers are not years
    "A 52-year-old man was arrested.",  # ages are not durations
    "The man, 52 years old, was arrested.",
    "Sat on the mat, the cat purred.",  # "Sat" is a verb, not Saturday
    "Boxes sell for as little as 99 cents.",  # amounts
    "He was in his 30s when he moved.",  # ages
    "Good evening and welcome.",  # greetings
    "She spoke on ABC's This Week program.",  # names of programmes
    "This is VOA Today.",
    "He spent years abroad.",  # bare plural units: TimeBank tags few
    "It has not been Kellogg's year.",  # a stretch of someone's life or fortunes
    "Shares rose 5% on the day.",  # "the day": TimeBank leaves it untagged
]


@pytest.mark.parametrize(("sentence", "expected"), FOUND)
def test_time_expressions_in_sentences(
    nlp: Language, sentence: str, expected: list[tuple[str, str, str]]
) -> None:
    found = timexes(nlp(sentence), PUBLISHED)
    assert [(t.text, t.type, t.value) for t in found] == expected


@pytest.mark.parametrize(("published", "sentence", "expected"), ANCHORED_ELSEWHERE)
def test_time_expressions_against_other_publication_dates(
    nlp: Language, published: dt.date, sentence: str, expected: list[tuple[str, str, str]]
) -> None:
    found = timexes(nlp(sentence), published)
    assert [(t.text, t.type, t.value) for t in found] == expected


@pytest.mark.parametrize("sentence", NOT_TIMEXES)
def test_words_that_are_not_time_expressions(nlp: Language, sentence: str) -> None:
    found = [t.text for t in timexes(nlp(sentence), PUBLISHED) if t.text.lower() != "now"]
    assert found == []


def test_without_publication_date_weekdays_are_underspecified(nlp: Language) -> None:
    found = timexes(nlp("The minister spoke to reporters on Tuesday."), None)
    assert [(t.text, t.value) for t in found] == [("Tuesday", "XXXX-WXX-2")]


def test_offsets_point_at_the_text(nlp: Language) -> None:
    text = "On Monday, three days after the vote, officials said the count would take weeks."
    for timex in timexes(nlp(text), PUBLISHED):
        assert text[timex.start : timex.end] == timex.text


def test_sample_article_matches_its_gold(nlp: Language) -> None:
    text = (TESTS_DATA / "putin-kim-vostochny.txt").read_text("utf-8")
    meta = json.loads((TESTS_DATA / "putin-kim-vostochny.meta.json").read_text("utf-8"))
    gold = json.loads((TESTS_DATA / "putin-kim-vostochny.gold.json").read_text("utf-8"))
    found = timexes(nlp(text), dt.date.fromisoformat(meta["published"]))
    expected = [(t["start"], t["end"], t["text"], t["type"], t["value"]) for t in gold["timexes"]]
    assert [(t.start, t.end, t.text, t.type, t.value) for t in found] == expected
