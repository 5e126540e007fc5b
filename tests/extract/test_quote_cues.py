"""Which attributions the cue lexicon finds: source adverbs, record phrases, quote-only verbs,
transcript turns and headline labels, with the words it leaves alone."""

from __future__ import annotations

import pytest

from dyadwatch.extract.quote_cues import load_cues

from .test_quotes import described

FOUND = [
    # a source adverb attributes its whole clause to nobody named
    (
        "The ministry is reportedly preparing new sanctions against the company.",
        (
            "The ministry is reportedly preparing new sanctions against the company",
            "indirect",
            "reportedly",
            None,
        ),
    ),
    # a sentence opened by a poll: the clause after the phrase, the poll as its source
    (
        "In a Gallup poll released Monday, 45 percent of voters said the economy was improving.",
        (
            "45 percent of voters said the economy was improving",
            "indirect",
            "In",
            "a Gallup poll released Monday",
        ),
    ),
    (
        "In a survey last month, most farmers backed the new subsidy rules.",
        ("most farmers backed the new subsidy rules", "indirect", "In", "a survey last month"),
    ),
    # a quote-only verb still attributes the quotation next to it
    (
        "“We will keep fighting for every vote,” she continued.",
        ("“We will keep fighting for every vote,”", "direct", "continued", "she"),
    ),
    # stance verbs and verb-preposition pairs added to the lexicon
    (
        "The mayor likened the proposal to a tax on the poor.",
        ("the proposal to a tax on the poor", "indirect", "likened", "The mayor"),
    ),
    (
        "The union vouched for his rival.",
        ("his rival", "indirect", "vouched for", "The union"),
    ),
    (
        "The singer is known as the queen of the desert blues.",
        ("the queen of the desert blues", "indirect", "known as", None),
    ),
    # a transcript names its speakers in capitals, in full and then by surname
    (
        "KATE SMITH: Why not debate in New York?\n\nSMITH: Then one more will not hurt.",
        ("Why not debate in New York?", "indirect", ":", "KATE SMITH"),
    ),
    (
        "KATE SMITH: Why not debate in New York?\n\nSMITH: Then one more will not hurt.",
        ("Then one more will not hurt", "indirect", ":", "SMITH"),
    ),
    # a headline verb the tagger ran into a person's name
    (
        "Hillary Clinton Slams Donald Trump On Abortion After Court Ruling.\n\nThe text.",
        (
            "Donald Trump On Abortion After Court Ruling",
            "indirect",
            "Slams",
            "Hillary Clinton",
        ),
    ),
    # a headline source before a colon
    (
        "Carson: Clinton is not fit to serve",
        ("Clinton is not fit to serve", "indirect", ":", "Carson"),
    ),
]

NOT_FOUND = [
    # "allegedly" and "in the polls" inside a clause attribute too rarely to count
    ("The company allegedly hid its losses from investors.", "allegedly"),
    ("Smith leads the governor in the polls by ten points.", "in"),
    # quote-only verbs report nothing without a quotation
    ("The senator continued to attack the plan on Monday.", "continued"),
    ("The governor maintained a comfortable lead in the northern districts.", "maintained"),
    # verbs and pairs left out of the lexicon
    ("He spoke on the economy for an hour at the town hall.", "spoke on"),
    ("The senator celebrated her birthday with her staff.", "celebrated"),
    # a newsroom label before a colon is no source
    ("Breaking: Senate passes the budget bill after a long night", ":"),
    # a place's name keeps its words, though "States" inflects "state"
    ("United States Warns Iran Over Missile Tests.\n\nThe text.", "states"),
]


@pytest.mark.parametrize(("text", "expected"), FOUND)
def test_finds_attribution(extract, text: str, expected) -> None:
    found, _ = extract(text)
    assert expected in [described(text, q) for q in found]
    assert all(text[q.start : q.end] == q.text for q in found)


@pytest.mark.parametrize(("text", "cue"), NOT_FOUND)
def test_leaves_words_that_attribute_nothing_here(extract, text: str, cue: str) -> None:
    found, _ = extract(text)
    cues = [described(text, q)[2] for q in found]
    assert all(c is None or c.lower() != cue for c in cues)


def test_lexicon_keeps_the_cues_a_reader_expects() -> None:
    cues = load_cues()
    assert {"say", "tell", "warn", "announce"} <= cues.speech_verbs
    assert ("according", "to") in cues.source_phrases
    assert {"continue", "maintain"} <= cues.quoting_verbs - cues.speech_verbs


def test_quote_only_verbs_are_no_indirect_cues() -> None:
    cues = load_cues()
    indirect = (
        cues.speech_verbs
        | cues.belief_verbs
        | cues.stance_verbs
        | cues.object_verbs
        | cues.intention_verbs
    )
    assert not cues.quote_verbs & indirect
