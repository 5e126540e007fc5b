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
    (
        "Net income rose in the quarter ended Sept. 30.",
        [("the quarter", "DATE", "2012-Q4"), ("Sept. 30", "DATE", "2012-09-30")],
    ),
    ("Troops arrived in the 1990s.", [("the 1990s", "DATE", "199X")]),
]

NOT_TIMEXES = [
    "We will not hesitate to act.",  # "we" is not Wednesday
    "You may go now if you wish to leave, but we may stay.",  # "may" is a modal verb
    "The firm sold 1500 units and hired 44 workers.",  # numbers are not years
    "A 52-year-old man was arrested.",  # ages are not durations
    "The man, 52 years old, was arrested.",
    "Sat on the mat, the cat purred.",  # "Sat" is a verb, not Saturday
]


@pytest.mark.parametrize(("sentence", "expected"), FOUND)
def test_time_expressions_in_sentences(
    nlp: Language, sentence: str, expected: list[tuple[str, str, str]]
) -> None:
    found = timexes(nlp(sentence), PUBLISHED)
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
