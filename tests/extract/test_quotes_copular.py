"""Which clauses a poll phrase inside a sentence attributes ("X led in the latest poll") and which
a sentence opened by "To" someone gives as their view, with the look-alikes left alone."""

from __future__ import annotations

import pytest

from dyadwatch.extract.quote_cues import load_cues
from dyadwatch.extract.quotes_copular import poll_claims, viewpoint_claims

FOUND = [
    (
        "The senator led the governor by nine points in the latest Harbor College poll.",
        "The senator led the governor by nine points",
        "the latest Harbor College poll",
    ),
    (
        "The mayor held a narrow lead in a new survey of city voters.",
        "The mayor held a narrow lead",
        "a new survey of city voters",
    ),
]

NOT_FOUND = [
    "The senator is ahead in polls.",
    "In a new poll, the mayor held a narrow lead.",
    "Voters who took part in the survey were paid.",
    "The governor spent the night in the old town hall.",
]


@pytest.mark.parametrize(("text", "content", "source"), FOUND)
def test_a_poll_phrase_attributes_the_clause_before_it(nlp, text, content, source):
    doc = nlp(text)
    (found,) = poll_claims(doc, load_cues(), [])
    assert text[found.start : found.end] == content
    assert found.cue is not None and text[found.cue[0] : found.cue[1]] == "in"
    assert found.speaker is not None and text[found.speaker[0] : found.speaker[1]] == source


@pytest.mark.parametrize("text", NOT_FOUND)
def test_polls_in_general_and_other_places_attribute_nothing(nlp, text):
    assert poll_claims(nlp(text), load_cues(), []) == []


def test_a_poll_phrase_inside_a_quotation_is_the_quotation_s(nlp):
    text = "“The mayor held a narrow lead in a new survey,” the aide said."
    assert poll_claims(nlp(text), load_cues(), [(0, text.index("”") + 1)]) == []


VIEWS = [
    (
        "To many voters, the new tariff is a betrayal.",
        "the new tariff is a betrayal",
        "many voters",
    ),
    (
        "To Smith, the vote was a turning point for the party.",
        "the vote was a turning point for the party",
        "Smith",
    ),
    (
        "But to others, the mayor is a careful manager who saved the city's budget.",
        "the mayor is a careful manager who saved the city's budget",
        "others",
    ),
    (
        "To Okafor, the strike was the only way left.",
        "the strike was the only way left",
        "Okafor",
    ),
]

NO_VIEWS = [
    "To be sure, the vote was close.",
    "To the north, the river floods every spring.",
    "For many voters, the new tariff is a betrayal.",
    "The minister spoke to many farmers about the tariff.",
]


@pytest.mark.parametrize(("text", "content", "holder"), VIEWS)
def test_a_sentence_opened_by_to_someone_gives_their_view(nlp, text, content, holder):
    (found,) = viewpoint_claims(nlp(text), load_cues(), [])
    assert text[found.start : found.end] == content
    assert found.cue is not None and text[found.cue[0] : found.cue[1]].lower() == "to"
    assert found.speaker is not None and text[found.speaker[0] : found.speaker[1]] == holder


@pytest.mark.parametrize("text", NO_VIEWS)
def test_other_openers_give_nobody_s_view(nlp, text):
    assert viewpoint_claims(nlp(text), load_cues(), []) == []
