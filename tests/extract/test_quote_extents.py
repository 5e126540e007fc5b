"""Where an indirect quote's content starts and ends: not past the time or concession of the act
("endorsed X before backing Y", "despite ..."), not into what the speaker did next (", saying
...", "- as ..."), not across the end of its sentence or paragraph; but over a preposition of
what the act aims at ("challenged him to a debate") and over a question joined to the object
("talked about X and what she learned")."""

from __future__ import annotations

import pytest

from dyadwatch.extract.quote_cues import Found
from dyadwatch.extract.quote_extents import within_sentence

from .test_quotes import described

CONTENTS = [
    # the time or the concession of a stance is not what it is about
    (
        "The senator endorsed the governor before backing the mayor.",
        ("the governor", "indirect", "endorsed", "The senator"),
    ),
    (
        "The union opposed the merger despite the pay offer.",
        ("the merger", "indirect", "opposed", "The union"),
    ),
    # what the speaker was doing, after a comma or a dash, also after a coordinated verb
    (
        "She said her father had been fair to workers and would do the same as president,"
        " saying he supports equal pay.",
        (
            "her father had been fair to workers and would do the same as president",
            "indirect",
            "said",
            "She",
        ),
    ),
    (
        "He said the deal was dead - as the talks collapsed.",
        ("the deal was dead", "indirect", "said", "He"),
    ),
    # an embedded question coordinated with the object is content, a coordinated act is not
    (
        "The senator talked about her work abroad and what she learned from it.",
        (
            "her work abroad and what she learned from it",
            "indirect",
            "talked about",
            "The senator",
        ),
    ),
    (
        "The mayor criticized the budget and left the meeting early.",
        ("the budget", "indirect", "criticized", "The mayor"),
    ),
    # negatives: a preposition that completes the content stays, an occasion noun's too when
    # the preposition says what the act aims at
    (
        "The senator challenged him to a debate.",
        ("him to a debate", "indirect", "challenged", "The senator"),
    ),
    (
        "The council called for talks with the rebels.",
        ("talks with the rebels", "indirect", "called for", "The council"),
    ),
    (
        "The governor warned that the river would flood Lt. Gov. Smith's district.",
        (
            "that the river would flood Lt. Gov. Smith's district",
            "indirect",
            "warned",
            "The governor",
        ),
    ),
]


@pytest.mark.parametrize(("text", "expected"), CONTENTS)
def test_content_ends_where_the_report_does(extract, text: str, expected) -> None:
    found, _ = extract(text)
    quotes = [described(text, q) for q in found]
    assert expected in quotes
    for quote in found:
        assert text[quote.start : quote.end] == quote.text


def _found(text: str, content: str, cue: str) -> Found:
    start = text.index(content)
    cue_start = text.index(cue)
    return Found(start, start + len(content), "indirect", (cue_start, cue_start + len(cue)), None)


SENTENCES = [
    # a content after its cue ends with its sentence, or its paragraph
    (
        "The mayor praised the budget. Then the council voted.",
        "the budget. Then the council voted",
        "praised",
        "the budget",
    ),
    (
        "The mayor praised the budget\n\nThe council voted on Monday.",
        "the budget\n\nThe council voted on Monday",
        "praised",
        "the budget",
    ),
    # a content before its cue starts with its sentence
    (
        "Taxes rose. Prices will fall, the minister said.",
        "Taxes rose. Prices will fall",
        "said",
        "Prices will fall",
    ),
    # negatives: a short title's full stop, and a stop before a small letter, end nothing
    (
        "The mayor praised Lt. Gov. Smith for the plan.",
        "Lt. Gov. Smith for the plan",
        "praised",
        "Lt. Gov. Smith for the plan",
    ),
    (
        "The mayor praised the plan of 2 p.m. talks.",
        "the plan of 2 p.m. talks",
        "praised",
        "the plan of 2 p.m. talks",
    ),
]


@pytest.mark.parametrize(("text", "content", "cue", "expected"), SENTENCES)
def test_content_stays_in_its_sentence(nlp, text: str, content: str, cue: str, expected) -> None:
    doc = nlp(text)
    trimmed = within_sentence(doc, _found(text, content, cue))
    assert trimmed is not None
    assert text[trimmed.start : trimmed.end] == expected


def test_content_around_its_cue_is_left_alone(nlp) -> None:
    text = "Taxes, the minister said. Rose."
    found = Found(0, len(text) - 1, "indirect", (text.index("said"), text.index("said") + 4), None)
    assert within_sentence(nlp(text), found) == found
