"""Quotes attributed by a colon, across paragraphs and by a bare "X said." after the quote."""

from __future__ import annotations

import pytest

from .test_quotes import described

FOUND = [
    # a source named before a colon that opens a quote, without a verb
    (
        "The new figures did not surprise the economist Maria Lopez: “Prices always rise"
        " before an election.”",
        ("“Prices always rise before an election.”", "direct", ":", "Maria Lopez"),
    ),
    (
        "FARM INCOMES FALL - Harvest Monitor: “Yields dropped in every region we surveyed.”",
        ("“Yields dropped in every region we surveyed.”", "direct", ":", "Harvest Monitor"),
    ),
    # a transcript turn runs to the end of its paragraph
    (
        "Chris Matthews asked about the tax.\n\nMatthews: Well, the tax is bad. Nobody wants it.",
        ("Well, the tax is bad. Nobody wants it", "indirect", ":", "Matthews"),
    ),
    # a paragraph ending in a colon introduces the quote that opens the next one
    (
        "The governor told the crowd:\n\n“We will rebuild every bridge that the flood took.”",
        (
            "“We will rebuild every bridge that the flood took.”",
            "direct",
            "told",
            "The governor",
        ),
    ),
    # a sentence that only attributes the quote before it
    (
        "“The talks have failed.” the minister said.",
        ("“The talks have failed.”", "direct", "said", "the minister"),
    ),
    # a quote after a comma inside a reported clause is part of that clause
    (
        "She said that if the dam breaks, “the whole valley will be under water.”",
        (
            "that if the dam breaks, “the whole valley will be under water.”",
            "partial",
            "said",
            "She",
        ),
    ),
]


@pytest.mark.parametrize(("text", "expected"), FOUND)
def test_finds_quote_with_cue_and_speaker(extract, text: str, expected) -> None:
    found, _ = extract(text)
    assert expected in [described(text, q) for q in found]


def test_a_colon_without_a_named_source_attributes_nothing(extract) -> None:
    text = "The list was short:\n\n“bread, milk, eggs and some rice for the week”"
    found, _ = extract(text)
    assert [q for q in found if q.kind == "direct"] == []


def test_quote_is_not_attributed_across_a_paragraph_break(extract) -> None:
    # The parser may run the quote's sentence into the next paragraph; its verb is not the cue.
    text = (
        "“The mine is safe,” she said. “Every shaft was inspected in March.”\n\n"
        "Engineers later noted that two shafts had not been inspected."
    )
    found, _ = extract(text)
    second = next(q for q in found if q.text.startswith("“Every"))
    assert text[second.cue[0] : second.cue[1]] == "said"
    assert text[second.speaker[0] : second.speaker[1]] == "she"


def test_speaker_does_not_reach_into_the_paragraph_before(extract) -> None:
    text = "The vote was close.\n\nX.\n\nObservers noted that the count took two days."
    found, _ = extract(text)
    speakers = [text[q.speaker[0] : q.speaker[1]] for q in found if q.speaker]
    assert all("\n" not in s for s in speakers)


def test_capitalised_headline_is_read_word_by_word(extract) -> None:
    text = "Veteran Senator Jane Miller Endorses Tom Baker For Governor.\n\nIt came on Monday."
    found, _ = extract(text)
    assert ("Tom Baker For Governor", "indirect", "Endorses", "Veteran Senator Jane Miller") in [
        described(text, q) for q in found
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Washington Post Assembles An Army Of Reporters.\n\nThe paper hired staff.",  # a name
        "Regional Growth Figures Surprise Economists.\n\nGrowth was high.",  # not a cue
    ],
)
def test_headline_word_that_is_no_reporting_verb_attributes_nothing(extract, text: str) -> None:
    found, _ = extract(text)
    assert found == []
