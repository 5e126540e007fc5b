"""Toponyms: detection, resolution by context, qualifiers, metonyms, and the sample article."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from dyadwatch.evaluate.places import haversine_km
from dyadwatch.extract.places import places
from dyadwatch.records import Actor, ActorIndex, Mention, Place
from dyadwatch.resolve.gazetteer import Gazetteer

TEST_DATA = Path(__file__).resolve().parents[1] / "data"
SAMPLE = "putin-kim-vostochny"


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return Gazetteer.load()


def _find(found: list[Place], text: str) -> Place:
    matches = [p for p in found if p.text == text]
    assert matches, f"{text!r} not among {[p.text for p in found]}"
    return matches[0]


def _near(place: Place, lat: float, lon: float, km: float) -> bool:
    assert place.lat is not None and place.lon is not None
    return haversine_km(place.lat, place.lon, lat, lon) <= km


# text, toponym, country, precision, approximate point
CASES = [
    (
        "Protesters filled the streets of Cairo as Egypt braced for a vote.",
        "Egypt",
        "EGY",
        "country",
        (27.0, 30.0),
    ),
    (
        "Protesters filled the streets of Cairo as Egypt braced for a vote.",
        "Cairo",
        "EGY",
        "city",
        (30.06, 31.25),
    ),
    (
        "The mayor of Paris, Texas, opened a new library on Monday.",
        "Paris",
        "USA",
        "city",
        (33.66, -95.56),
    ),
    (
        "Flooding closed roads in Springfield, Ill., after the storm.",
        "Springfield",
        "USA",
        "city",
        (39.80, -89.64),
    ),
    (
        "Officials in Atlanta said heavy rain flooded roads across Georgia.",
        "Georgia",
        "USA",
        "region",
        (32.75, -83.5),
    ),
    (
        "Russian tanks rolled through Georgia toward Tbilisi and Gori.",
        "Georgia",
        "GEO",
        "country",
        (42.0, 43.5),
    ),
    (
        "North Korea fired a rocket from the Sohae Satellite Launching Station.",
        "Sohae Satellite Launching Station",
        "PRK",
        "site",
        (39.66, 124.7),
    ),
    (
        "Tankers slowed near the Strait of Hormuz as tensions rose.",
        "Strait of Hormuz",
        None,
        "site",
        (26.57, 56.25),
    ),
    ("Talks in Kiev ended without a deal.", "Kiev", "UKR", "city", (50.45, 30.52)),
    (
        "The company moved its headquarters from Ohio to Brazil.",
        "Brazil",
        "BRA",
        "country",
        (-10.0, -55.0),
    ),
    (
        "Inspectors visited the Zaporizhzhia nuclear plant on Friday.",
        "Zaporizhzhia nuclear plant",
        "UKR",
        "site",
        (47.51, 34.58),
    ),
]


@pytest.mark.parametrize(("text", "toponym", "country", "precision", "point"), CASES)
def test_resolves_toponyms(  # type: ignore[no-untyped-def]
    nlp,
    gazetteer: Gazetteer,
    text: str,
    toponym: str,
    country: str | None,
    precision: str,
    point: tuple[float, float],
) -> None:
    place = _find(places(nlp(text), gazetteer), toponym)
    assert place.country == country
    assert place.precision == precision
    assert _near(place, *point, km=161)


def test_a_person_named_jordan_is_no_place(nlp, gazetteer: Gazetteer) -> None:  # type: ignore[no-untyped-def]
    found = places(nlp("Michael Jordan scored 30 points for the Bulls in Chicago."), gazetteer)
    assert "Jordan" not in {p.text for p in found}
    assert _find(found, "Chicago").country == "USA"


def test_lowercase_common_words_are_no_places(nlp, gazetteer: Gazetteer) -> None:  # type: ignore[no-untyped-def]
    found = places(nlp("The fleet patrolled the east coast and the metro area."), gazetteer)
    assert found == []


def test_caller_country_context_breaks_ties(nlp, gazetteer: Gazetteer) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("Storms knocked out power in Georgia overnight.")
    assert _find(places(doc, gazetteer, country_context=["USA"]), "Georgia").country == "USA"
    assert _find(places(doc, gazetteer), "Georgia").country == "GEO"


@pytest.mark.parametrize(
    ("text", "toponym", "metonym"),
    [
        ("Moscow said it would respond to the new sanctions.", "Moscow", True),
        ("Washington warned that it would not tolerate further tests.", "Washington", True),
        ("Beijing and Tokyo rejected the proposal.", "Tokyo", True),
        ("She moved to Moscow last year to study music.", "Moscow", False),
        ("The summit was held in Vladivostok.", "Vladivostok", False),
    ],
)
def test_metonym_flag_from_the_parse(  # type: ignore[no-untyped-def]
    nlp, gazetteer: Gazetteer, text: str, toponym: str, metonym: bool
) -> None:
    place = _find(places(nlp(text), gazetteer), toponym)
    assert place.metonym is metonym
    assert place.lat is not None  # metonyms keep their place record


def test_metonymic_washington_is_the_capital(nlp, gazetteer: Gazetteer) -> None:  # type: ignore[no-untyped-def]
    place = _find(places(nlp("Washington warned Pyongyang on Tuesday."), gazetteer), "Washington")
    assert place.metonym and _near(place, 38.9, -77.04, km=50)


def test_metonym_flag_from_actor_mentions(nlp, gazetteer: Gazetteer) -> None:  # type: ignore[no-untyped-def]
    text = "A deal with Kyiv is far off."
    start = text.index("Kyiv")
    actors = ActorIndex(
        actors=[Actor("a1", "Government of Ukraine", "state", "UKR", "GOV", "UKRGOV")],
        mentions=[Mention(start, start + 4, "Kyiv", "a1", kind="metonym")],
    )
    place = _find(places(nlp(text), gazetteer, actors), "Kyiv")
    assert place.metonym and place.country == "UKR"


def test_offsets_are_evidence(nlp, gazetteer: Gazetteer) -> None:  # type: ignore[no-untyped-def]
    text = "The Ukrainian army shelled positions near Russia’s Far East, said officials in Seoul."
    for place in places(nlp(text), gazetteer):
        assert text[place.start : place.end] == place.text


def test_sample_article_acceptance(nlp, gazetteer: Gazetteer) -> None:  # type: ignore[no-untyped-def]
    text = (TEST_DATA / f"{SAMPLE}.txt").read_text(encoding="utf-8")
    gold = json.loads((TEST_DATA / f"{SAMPLE}.gold.json").read_text(encoding="utf-8"))["places"]
    found = places(nlp(text), gazetteer)
    for toponym in gold:
        if not toponym.get("required"):
            continue
        limit = 50 if toponym["precision"] == "site" else 161
        hits = [p for p in found if p.start < toponym["end"] and toponym["start"] < p.end]
        assert hits, f"{toponym['text']} at {toponym['start']} not detected"
        assert _near(hits[0], toponym["lat"], toponym["lon"], km=limit), (toponym, hits[0])
        assert hits[0].country == toponym["country"]
    assert _find(found, "Vostochny Cosmodrome").precision == "site"
    pyongyang = [p for p in found if p.text == "Pyongyang"]
    assert any(p.metonym for p in pyongyang)  # "Pyongyang appeared to want ..."
