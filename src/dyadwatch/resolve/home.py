"""The home of a news source, read from its URL, domain or name.

Local papers rarely name their own town or state ("Dublin" in a Columbus paper is Dublin,
Ohio), but their domains often do: "palestineherald.com", "onlineathens.com",
"thisisoxfordshire.co.uk". A country-code domain gives the country; place names inside the
domain or the source's name give candidate towns and regions, restricted to that country, or to
the United States under a generic domain (.com, .net, .org: where US local news lives). Which
Athens "onlineathens" means is left to the resolver, which weighs the candidates against the
article's other places like any toponym.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from dyadwatch.resolve.gazetteer import DATA, Gazetteer, GazetteerEntry, normalize

# A place inside a domain must be at least this long ("la" in "latimes", "me" in "timesme" are
# not places) and a town at least this big: small towns named "Beacon" or "Post" are words of
# newspaper titles more often than their homes.
MIN_NAME_LETTERS = 4
MIN_TOWN_POPULATION = 5_000
GENERIC_TLDS = frozenset({"com", "net", "org", "us", "info", "biz", "news"})
# Country-code domains that sites use for their letters, not their country.
VANITY_TLDS = frozenset({"tv", "fm", "io", "co", "me", "ly", "ai", "am", "cc", "ws", "to"})
SECOND_LEVEL = frozenset({"co", "com", "org", "net", "gov", "ac", "edu"})
_TLD_ALPHA2 = {"uk": "GB"}
_HOME_KINDS = frozenset({"city", "state", "region", "country"})
_LETTERS = re.compile(r"[^a-z]+")


@dataclass(frozen=True)
class Home:
    """The country of a source's domain and the places its domain or name mentions."""

    country: str | None = None
    places: tuple[tuple[str, tuple[GazetteerEntry, ...]], ...] = field(default=())


def home_of(hint: str | None, gazetteer: Gazetteer) -> Home:
    """The home a URL, a bare domain or a source's name points to (empty when none)."""
    if not hint or not hint.strip():
        return Home()
    labels, tld = _labels(hint.strip().lower())
    country = _country_of_tld(tld) if tld else None
    allowed = {country} if country else ({"USA"} if tld is None or tld in GENERIC_TLDS else set())
    if tld is not None and not allowed:
        return Home()
    names = _names(gazetteer)
    hits = []
    for label in labels:
        for start, end, key in _hits(label, names):
            readings = tuple(
                e
                for e in gazetteer.candidates(key)
                if e.country in allowed
                and e.kind in _HOME_KINDS
                and normalize(e.name) == key
                and (e.kind != "city" or e.population >= MIN_TOWN_POPULATION)
            )
            if readings:
                hits.append((label, start, end, key, readings))
    taken: set[tuple[str, int]] = set()
    found: list[tuple[str, tuple[GazetteerEntry, ...]]] = []
    for label, start, end, key, readings in sorted(hits, key=lambda h: h[1] - h[2]):
        letters = {(label, i) for i in range(start, end)}
        if not taken & letters:  # the longest name wins: "kansascity" over "kansas"
            taken |= letters
            found.append((key, readings))
    return Home(country, tuple(found))


def _labels(hint: str) -> tuple[list[str], str | None]:
    """The name-bearing parts of a hint and its top-level domain (None for a source's name)."""
    if " " in hint or "." not in hint:
        return [_LETTERS.sub("", hint)], None
    host = urlsplit(hint if "//" in hint else "//" + hint).hostname or ""
    parts = [p for p in host.split(".") if p and p != "www"]
    if len(parts) < 2:
        return [], None
    tld = parts.pop()
    while len(parts) > 1 and parts[-1] in SECOND_LEVEL:
        parts.pop()
    return [_LETTERS.sub("", p) for p in parts], tld


@functools.cache
def _country_of_tld(tld: str) -> str | None:
    import pycountry

    if len(tld) != 2 or tld in VANITY_TLDS:
        return None
    country = pycountry.countries.get(alpha_2=_TLD_ALPHA2.get(tld, tld).upper())
    return country.alpha_3 if country is not None else None


def _hits(label: str, names: dict[str, tuple[str, ...]]) -> list[tuple[int, int, str]]:
    """Every place name inside a run of letters, with its position."""
    return [
        (start, end, key)
        for start in range(len(label))
        for end in range(start + MIN_NAME_LETTERS, len(label) + 1)
        for key in names.get(label[start:end], ())
    ]


@functools.lru_cache(maxsize=2)
def _names(gazetteer: Gazetteer) -> dict[str, tuple[str, ...]]:
    """Lookup keys of places a source may be named for, by their letters without spaces
    ("middletown": "middletown" and "middle town"), minus newspaper words."""
    keys = gazetteer.well_known_keys(MIN_TOWN_POPULATION) | gazetteer.region_keys()
    names: dict[str, list[str]] = {}
    for key in sorted(keys - _newspaper_words()):
        letters = key.replace(" ", "")
        if len(letters) >= MIN_NAME_LETTERS:
            names.setdefault(letters, []).append(key)
    return {letters: tuple(found) for letters, found in names.items()}


@functools.cache
def _newspaper_words() -> frozenset[str]:
    lines = Path(DATA / "newspaper_words.txt").read_text(encoding="utf-8").splitlines()
    return frozenset(line.strip() for line in lines if line.strip() and not line.startswith("#"))
