"""Headline reports read word by word: "X <cue verb> Y" on the first line, content Y."""

from __future__ import annotations

import pytest

from dyadwatch.extract.quote_cues import load_cues
from dyadwatch.extract.quotes_headlines import headline_claims

BODY = "\n\nThe statement came on Monday."


def claims(nlp, headline: str) -> list[tuple[str, str, str | None]]:
    text = headline + BODY
    found = headline_claims(nlp(text), load_cues())
    for f in found:
        assert f.cue is not None and f.speaker is not None
        assert 0 <= f.start < f.end <= len(headline)
    return [
        (text[f.start : f.end], text[f.cue[0] : f.cue[1]], text[f.speaker[0] : f.speaker[1]])
        for f in found
    ]


@pytest.mark.parametrize(
    ("headline", "expected"),
    [
        # title case: the tagger reads the verbs as names; a second verb after "And"
        (
            "Senator Jane Miller Backs Tom Baker And Denounces Carl Stone.",
            [
                ("Tom Baker", "Backs", "Senator Jane Miller"),
                ("Carl Stone", "Denounces", "Senator Jane Miller"),
            ],
        ),
        # a circumstance after the object is not part of it
        (
            "Governor Jane Miller Endorses Tom Baker With Party Blessing.",
            [("Tom Baker", "Endorses", "Governor Jane Miller")],
        ),
        # a negation before the verb
        (
            "Why Democrats Won't Renounce Tom Baker.",
            [("Tom Baker", "Renounce", "Democrats")],
        ),
        # sentence case: a one-word object is the content
        ("Union leaders blast Baker.", [("Baker", "blast", "Union leaders")]),
        (
            "Mayor Stone rips plan over 'hidden fees'.",
            [("plan over 'hidden fees'", "rips", "Mayor Stone")],
        ),
        # the subject before a comma-bounded aside
        ("Miller, campaigning in Ohio, trashes Baker.", [("Baker", "trashes", "Miller")]),
        # the subject after an opening phrase
        ("Amid protests, Miller claims victory.", [("victory", "claims", "Miller")]),
    ],
)
def test_headline_report_is_read_word_by_word(nlp, headline: str, expected) -> None:
    assert claims(nlp, headline) == expected


@pytest.mark.parametrize(
    "headline",
    [
        "Regional Growth Figures Surprise Economists.",  # "surprise" is no report verb
        "Washington Post Assembles An Army Of Reporters.",  # a name, not a verb
        "Nomination questions are likely to move to the fore.",  # a noun before its verb
        "Rubio is tested as rivals sense trouble.",  # no noun phrase before the cue
    ],
)
def test_headline_without_a_report_attributes_nothing(nlp, headline: str) -> None:
    assert claims(nlp, headline) == []


def test_only_the_first_line_is_a_headline(nlp) -> None:
    text = "Storm Hits Coast\n\nUnion leaders blast Baker."
    assert headline_claims(nlp(text), load_cues()) == []
