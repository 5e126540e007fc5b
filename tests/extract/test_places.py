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


@pytest.mark.parametrize(
    ("text", "toponym", "country"),
    [
        ("Sudanese refugees crossed the border at dawn.", "Sudanese", "SDN"),
        ("Two Americans were among the injured.", "Americans", "USA"),
        ("Minnesotans braced for another flood.", "Minnesotans", "USA"),
    ],
)
def test_demonyms_refer_to_their_place_and_are_no_event_places(  # type: ignore[no-untyped-def]
    nlp, gazetteer: Gazetteer, text: str, toponym: str, country: str
) -> None:
    place = _find(places(nlp(text), gazetteer), toponym)
    assert place.country == country and place.metonym


def test_a_dateline_is_a_place(nlp, gazetteer: Gazetteer) -> None:  # type: ignore[no-untyped-def]
    text = "Storm damage report. SHREVEPORT -- Crews worked through the night in Caddo Parish."
    found = places(nlp(text), gazetteer)
    dateline = _find(found, "SHREVEPORT")
    assert dateline.country == "USA" and not dateline.metonym
    assert _near(dateline, 32.5, -93.75, km=50)


def test_the_place_an_organisation_is_named_for(nlp, gazetteer: Gazetteer) -> None:  # type: ignore[no-untyped-def]
    text = "The Laurel County Sheriff's Office said the road in Kentucky reopened."
    county = _find(places(nlp(text), gazetteer), "Laurel County")
    assert county.country == "USA" and _near(county, 37.1, -84.1, km=80)


def test_counties_have_points(nlp, gazetteer: Gazetteer) -> None:  # type: ignore[no-untyped-def]
    text = "Deputies in Rapides Parish arrested two men."
    parish = _find(places(nlp(text), gazetteer), "Rapides Parish")
    assert parish.precision == "region" and _near(parish, 31.2, -92.5, km=80)


def test_unqualified_washington_is_the_capital(nlp, gazetteer: Gazetteer) -> None:  # type: ignore[no-untyped-def]
    place = _find(places(nlp("She flew to Washington for the hearing."), gazetteer), "Washington")
    assert _near(place, 38.9, -77.04, km=50)


def test_washington_state_in_a_pacific_northwest_article(nlp, gazetteer: Gazetteer) -> None:  # type: ignore[no-untyped-def]
    text = "Fires spread from Spokane toward Yakima as Washington declared an emergency in Tacoma."
    place = _find(places(nlp(text), gazetteer, country_context=["USA"]), "Washington")
    assert place.precision == "region" and _near(place, 47.5, -120.5, km=50)


def test_home_state_beats_a_foreign_homonym(nlp, gazetteer: Gazetteer) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Tyler police and Smith County deputies searched Longview, Texas, on Friday. "
        "The suspect was later found in Palestine."
    )
    place = _find(places(nlp(text), gazetteer), "Palestine")
    assert place.country == "USA" and _near(place, 31.76, -95.63, km=50)


def test_a_name_seen_as_a_place_is_a_place_throughout(nlp, gazetteer: Gazetteer) -> None:  # type: ignore[no-untyped-def]
    text = "Flooding hit Fargo, N.D., overnight. Fargo officials asked for sandbags."
    found = [p for p in places(nlp(text), gazetteer) if p.text == "Fargo"]
    assert len(found) == 2 and all(_near(p, 46.88, -96.79, km=50) for p in found)


def test_a_local_papers_domain_sets_its_home(nlp, gazetteer: Gazetteer) -> None:  # type: ignore[no-untyped-def]
    text = "The Dublin school board met on Tuesday. Dublin will add two buses next year."
    without = _find(places(nlp(text), gazetteer), "Dublin")
    assert without.country == "IRL"
    found = places(nlp(text), gazetteer, home_hint="http://www.columbuslocalnews.com/a/1")
    dublin = [p for p in found if p.text == "Dublin"]
    assert len(dublin) == 2 and all(_near(p, 40.10, -83.11, km=50) for p in dublin)


def test_the_home_towns_name_is_the_home_town(nlp, gazetteer: Gazetteer) -> None:  # type: ignore[no-untyped-def]
    text = "The Athens city council voted on Friday to repave the main square."
    assert _find(places(nlp(text), gazetteer), "Athens").country == "GRC"
    found = places(nlp(text), gazetteer, home_hint="athensreview.com")
    assert _find(found, "Athens").country == "USA"


def test_a_country_domain_favours_its_country(nlp, gazetteer: Gazetteer) -> None:  # type: ignore[no-untyped-def]
    text = "A new bus route will link the hospital with downtown London next spring."
    assert _find(places(nlp(text), gazetteer), "London").country == "GBR"
    found = places(nlp(text), gazetteer, home_hint="http://www.lfpress.ca/news/1")
    assert _find(found, "London").country == "CAN"


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("Layoffs hit Clarke, Madison and Oconee counties this spring.", ["Clarke", "Oconee"]),
        ("Flood warnings covered Rapides and Avoyelles parishes.", ["Rapides", "Avoyelles"]),
    ],
)
def test_bare_county_names_in_a_list(  # type: ignore[no-untyped-def]
    nlp, gazetteer: Gazetteer, text: str, names: list[str]
) -> None:
    found = places(nlp(text), gazetteer)
    for name in names:
        place = _find(found, name)
        assert place.country == "USA" and place.name.endswith(("County", "Parish"))


def test_lists_of_ordinary_words_before_counties_are_no_places(nlp, gazetteer: Gazetteer) -> None:  # type: ignore[no-untyped-def]
    found = places(nlp("Rural and urban counties disagreed about the budget."), gazetteer)
    assert found == []


@pytest.mark.parametrize(
    ("text", "name", "point"),
    [
        ("Greer, South Carolina, is growing fast.", "Greer", (34.94, -82.23)),
        ("Jane Doe, 19, of 1935 Orchard St., Alexandria, was charged.", "Alexandria", None),
        ("Roselle police ticketed hundreds of drivers last month.", "Roselle", None),
    ],
)
def test_towns_in_addresses_and_qualified_by_their_state(  # type: ignore[no-untyped-def]
    nlp, gazetteer: Gazetteer, text: str, name: str, point: tuple[float, float] | None
) -> None:
    place = _find(places(nlp(text), gazetteer), name)  # detected; which one needs context
    if point is not None:
        assert _near(place, *point, km=30)


@pytest.mark.parametrize(
    ("text", "name", "country"),
    [
        ("Heavy rain is expected across North Texas this weekend.", "North Texas", "USA"),
        ("Aid convoys reached Southern Sudan on Monday.", "Southern Sudan", "SDN"),
        ("Volunteers cleaned the banks of the Naugatuck River.", "Naugatuck River", "USA"),
        ("He walked down North Avenue in Baltimore.", "North Avenue", None),  # no "North" place
    ],
)
def test_an_unknown_name_takes_the_place_it_contains(  # type: ignore[no-untyped-def]
    nlp, gazetteer: Gazetteer, text: str, name: str, country: str | None
) -> None:
    assert _find(places(nlp(text), gazetteer), name).country == country


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("The Mount Pleasant City Council approved the budget on Monday.", "Mount Pleasant"),
        ("Members of the Whitestown Town Council met in Lebanon, Indiana.", "Whitestown"),
    ],
)
def test_a_town_names_its_municipal_bodies(  # type: ignore[no-untyped-def]
    nlp, gazetteer: Gazetteer, text: str, name: str
) -> None:
    assert _find(places(nlp(text), gazetteer), name).country == "USA"


def test_sri_lankas_possessive_is_a_place(nlp, gazetteer: Gazetteer) -> None:  # type: ignore[no-untyped-def]
    text = "Leaders like Sri Lanka's former president spoke at the summit."
    assert _find(places(nlp(text), gazetteer), "Sri Lanka").country == "LKA"


def test_an_actor_named_only_by_the_toponym_is_no_context(nlp, gazetteer: Gazetteer) -> None:  # type: ignore[no-untyped-def]
    text = "Snow closed schools in Georgia, and Atlanta opened shelters."
    start = text.index("Georgia")
    actors = ActorIndex(
        actors=[Actor("a1", "Georgia", "state", "GEO", None, "GEO")],
        mentions=[Mention(start, start + 7, "Georgia", "a1")],
    )
    # annotate passes the actors' countries as context too: neither counts for "Georgia"
    found = places(nlp(text), gazetteer, actors, country_context=["GEO"])
    assert _find(found, "Georgia").country == "USA"
