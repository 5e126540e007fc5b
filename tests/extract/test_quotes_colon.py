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


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a kicker before the source, an audience after it
        (
            "EXCLUSIVE – Jane Miller: Voters Want Lower Taxes.\n\nShe spoke on Monday.",
            ("Voters Want Lower Taxes", "indirect", ":", "Jane Miller"),
        ),
        (
            "Miller to farm union: the subsidy will stay.\n\nShe spoke on Monday.",
            ("the subsidy will stay", "indirect", ":", "Miller"),
        ),
        # a sentence-case title names its source in lower case after the name
        (
            "Baker camp: the count was unfair.\n\nThe campaign asked for a recount.",
            ("the count was unfair", "indirect", ":", "Baker camp"),
        ),
    ],
)
def test_title_line_colon_names_its_source(extract, text: str, expected) -> None:
    found, _ = extract(text)
    assert expected in [described(text, q) for q in found]


@pytest.mark.parametrize(
    "text",
    [
        # function words show a phrase, not a source
        "THE FIX IS IN: Panel Ignores The Budget Gap.\n\nThe panel met on Monday.",
        "Big Win For Farmers: Senate Passes Subsidy Bill.\n\nThe vote was close.",
        # short entries of a list, each name opening one paragraph
        "The candidates' goals:\n\nMiller: Win in a walk.\n\nBaker: Finish second.",
    ],
)
def test_colon_that_is_no_attribution_claims_nothing(extract, text: str) -> None:
    found, _ = extract(text)
    assert [q for q in found if q.cue and text[q.cue[0] : q.cue[1]] == ":"] == []


def test_interview_turn_labels_are_no_sources(extract) -> None:
    # "Q:" and "A:" frame the turns; the reports inside them are the attributions.
    text = (
        "Q: Will the plant close this year?\n\n"
        "A: I think the owners will sell it before the winter comes. We tried hard."
    )
    found, _ = extract(text)
    described_found = [described(text, q) for q in found]
    assert all(cue != ":" for _, _, cue, _ in described_found)
    assert ("the owners will sell it before the winter comes", "indirect", "think", "I") in (
        described_found
    )
