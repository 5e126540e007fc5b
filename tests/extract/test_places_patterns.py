"""Toponyms found by the patterns of local news: party affiliations, "-based", names the
recogniser cut short, facilities and common nouns named for towns."""

from __future__ import annotations

import pytest

from dyadwatch.extract.places import places
from dyadwatch.resolve.gazetteer import Gazetteer


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return Gazetteer.load()


# sentence, expected toponym texts (with their country) among the places found
FOUND = [
    # a legislator's home after the party letter: a state or a town
    ("The bill was drafted by Rep. Charles Rangel, D-N.Y., and passed.", [("N.Y.", "USA")]),
    ("Sen. Jane Roe, R-Elbow Lake, voted against it.", [("Elbow Lake", "USA")]),
    # a place before "-based"
    ("A Northbrook-based retailer closed two stores.", [("Northbrook", "USA")]),
    # the longest known name around the one the recogniser found
    ("She lives in Gun Barrel City now.", [("Gun Barrel City", "USA")]),
    ("The team played in Belle Plaine on Friday.", [("Belle Plaine", "USA")]),
    # a facility or a person named for the town they belong to
    ("The plane landed at Long Beach Airport on Monday.", [("Long Beach", "USA")]),
    ("The council met at Whitestown Town Hall.", [("Whitestown", "USA")]),
    ("A Crafton man was arrested on Tuesday.", [("Crafton", "USA")]),
    # two towns hyphened into one name
    ("The Watertown-Mayer team won the title.", [("Watertown", "USA"), ("Mayer", "USA")]),
]

NOT_PLACES = [
    "The D-Day landings began at dawn.",  # a party letter needs a comma or bracket before it
    "She switched to a plant-based diet.",
    "The Jones family moved to a farm.",  # a family is a person's
    "Fans of Mad Men gathered.",  # a title, not "a Mad man"
    "Angela Martin-Mulu was charged with fraud.",  # a person's double name
]


@pytest.mark.parametrize(("sentence", "expected"), FOUND)
def test_toponyms_in_local_news_patterns(  # type: ignore[no-untyped-def]
    nlp, gazetteer: Gazetteer, sentence: str, expected: list[tuple[str, str]]
) -> None:
    found = [(p.text, p.country) for p in places(nlp(sentence), gazetteer)]
    assert found == expected


@pytest.mark.parametrize("sentence", NOT_PLACES)
def test_words_around_these_patterns_are_no_places(  # type: ignore[no-untyped-def]
    nlp, gazetteer: Gazetteer, sentence: str
) -> None:
    assert places(nlp(sentence), gazetteer) == []


def test_a_sentence_opening_article_is_not_part_of_the_name(  # type: ignore[no-untyped-def]
    nlp, gazetteer: Gazetteer
) -> None:
    found = places(nlp("The Dublin school board met on Tuesday."), gazetteer)
    assert [p.text for p in found] == ["Dublin"]


def test_a_street_named_for_a_place_does_not_name_the_place(  # type: ignore[no-untyped-def]
    nlp, gazetteer: Gazetteer
) -> None:
    found = places(nlp("Crews repaved Madison Creek Road and Oak Street."), gazetteer)
    assert "Madison" not in [p.text for p in found]


def test_names_that_meet_in_one_place_locate_each_other(  # type: ignore[no-untyped-def]
    nlp, gazetteer: Gazetteer
) -> None:
    found = places(nlp("The Watertown-Mayer team won the title."), gazetteer)
    # Watertown is a town in many states, Mayer in few: together they are in Minnesota
    assert all(p.lat is not None and 43.5 < p.lat < 49.5 for p in found)
    assert all(p.lon is not None and -97.5 < p.lon < -89.5 for p in found)
