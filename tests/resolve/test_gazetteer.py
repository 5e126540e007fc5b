"""The gazetteer: name variants, countries at their GeoNames points, US states, sites."""

from __future__ import annotations

import pytest

from dyadwatch.evaluate.places import haversine_km
from dyadwatch.resolve.gazetteer import Gazetteer, GazetteerEntry, normalize
from dyadwatch.resolve.home import home_of


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return Gazetteer.load()


@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("U.S.", "us"),
        ("St. Louis", "saint louis"),
        ("Kraków", "krakow"),
        ("the Netherlands", "netherlands"),
        ("Nagorno-Karabakh", "nagorno karabakh"),
        ("Russia’s Far East", "russia's far east"),
        ("W.Va.", "wva"),
    ],
)
def test_normalize_folds_case_accents_periods_and_articles(name: str, key: str) -> None:
    assert normalize(name) == key


def test_load_is_built_once_per_process() -> None:
    assert Gazetteer.load() is Gazetteer.load()


@pytest.mark.parametrize(
    ("name", "iso3", "point"),
    [
        ("Egypt", "EGY", (27.0, 30.0)),
        ("Russia", "RUS", (60.0, 100.0)),
        ("U.S.", "USA", (39.76, -98.5)),
        ("Britain", "GBR", (54.0, -2.0)),
        ("North Korea", "PRK", (40.0, 127.0)),
        ("Ivory Coast", "CIV", (8.0, -5.0)),
    ],
)
def test_countries_resolve_to_their_country_point_not_a_capital(
    gazetteer: Gazetteer, name: str, iso3: str, point: tuple[float, float]
) -> None:
    countries = [e for e in gazetteer.candidates(name) if e.kind == "country"]
    assert [e.country for e in countries] == [iso3]
    entry = countries[0]
    assert entry.lat is not None and entry.lon is not None
    assert haversine_km(entry.lat, entry.lon, *point) < 50


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("Texas", "TX"),
        ("Tex.", "TX"),
        ("Ill.", "IL"),
        ("W.Va.", "WV"),
        ("NY", "NY"),
        ("D.C.", "DC"),
    ],
)
def test_us_states_by_name_code_or_abbreviation(gazetteer: Gazetteer, name: str, code: str) -> None:
    state = gazetteer.us_state(name)
    assert state is not None and state.admin1 == code and state.country == "USA"


def test_cities_carry_population_and_admin1(gazetteer: Gazetteer) -> None:
    springfields = [e for e in gazetteer.candidates("Springfield") if e.kind == "city"]
    assert {"IL", "MA", "MO"} <= {e.admin1 for e in springfields}
    assert all(e.population > 0 for e in springfields)


def test_alternate_names_of_large_cities(gazetteer: Gazetteer) -> None:
    assert any(e.country == "UKR" for e in gazetteer.candidates("Kiev"))


@pytest.mark.parametrize(
    ("name", "iso3", "precision"),
    [
        ("Vostochny Cosmodrome", "RUS", "site"),
        ("Punggye-ri", "PRK", "site"),
        ("Zaporizhzhia nuclear plant", "UKR", "site"),
        ("Strait of Hormuz", None, "site"),
        ("Gaza Strip", "PSE", "region"),
    ],
)
def test_sites_table(gazetteer: Gazetteer, name: str, iso3: str | None, precision: str) -> None:
    sites = [e for e in gazetteer.candidates(name) if e.kind == "site"]
    assert len(sites) == 1
    assert (sites[0].country, sites[0].precision) == (iso3, precision)


def test_sites_table_is_a_general_table(gazetteer: Gazetteer) -> None:
    assert len({e.name for e in gazetteer.site_names().values()}) > 50


def test_unknown_name_has_no_candidates(gazetteer: Gazetteer) -> None:
    assert gazetteer.candidates("Qwertzuiopville") == []


def test_small_gazetteer_from_names() -> None:
    entry = GazetteerEntry("Testville", "USA", 40.0, -90.0, "city", "city", 5_000, "IL")
    small = Gazetteer.from_names([(entry, ["Testville", "Test Ville"])])
    assert small.candidates("testville") == [entry]
    assert small.candidates("Test-Ville") == [entry]


@pytest.mark.parametrize(
    ("hint", "country", "names"),
    [
        ("http://www.palestineherald.com/local/story.html", None, ["palestine"]),
        ("onlineathens.com", None, ["athens"]),
        ("https://www.kansascity.com/news", None, ["kansas city"]),  # the longest name wins
        ("thisisoxfordshire.co.uk", "GBR", ["oxfordshire"]),
        ("lfpress.ca", "CAN", []),
        ("Athens Banner-Herald", None, ["athens"]),
        ("dailyherald.com", None, []),  # newspaper words are no homes
        ("example.tv", None, []),  # a vanity domain names no country
        (None, None, []),
        ("", None, []),
    ],
)
def test_home_of_a_source(
    gazetteer: Gazetteer, hint: str | None, country: str | None, names: list[str]
) -> None:
    home = home_of(hint, gazetteer)
    assert home.country == country
    assert [key for key, _ in home.places] == names


def test_home_readings_stay_in_the_domain_country(gazetteer: Gazetteer) -> None:
    us = dict(home_of("onlineathens.com", gazetteer).places)["athens"]
    assert us and {e.country for e in us} == {"USA"}
    uk = dict(home_of("cambridge-news.co.uk", gazetteer).places)["cambridge"]
    assert uk and {e.country for e in uk} == {"GBR"}
