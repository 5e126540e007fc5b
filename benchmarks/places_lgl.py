"""Geoparse LGL (../shared/data/places/lgl.jsonl) and print the places scores.

Usage: .venv/bin/python benchmarks/places_lgl.py [--offset N] [--limit N] [--errors]

Each article's URL is passed as the source's home hint, as `dyadwatch eval places` does.
"""

from __future__ import annotations

import argparse
import json
import time
from dataclasses import asdict
from pathlib import Path

from dyadwatch.evaluate.places import haversine_km, report, score
from dyadwatch.extract.places import places
from dyadwatch.nlp.pipeline import load_nlp
from dyadwatch.resolve.gazetteer import Gazetteer

LGL = Path(__file__).resolve().parents[2] / "shared" / "data" / "places" / "lgl.jsonl"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--limit", type=int, default=0)
    parser.add_argument("--offset", type=int, default=0)
    parser.add_argument("--errors", action="store_true", help="print wrong or missed toponyms")
    args = parser.parse_args()
    gold = [json.loads(line) for line in LGL.open(encoding="utf-8")][args.offset :]
    if args.limit:
        gold = gold[: args.limit]
    nlp = load_nlp()
    started = time.perf_counter()
    gazetteer = Gazetteer.load()
    loaded = time.perf_counter() - started
    predicted, spent = [], 0.0
    for doc, record in zip(nlp.pipe((r["text"] for r in gold), batch_size=16), gold, strict=True):
        t0 = time.perf_counter()
        found = places(doc, gazetteer, home_hint=record.get("url") or record.get("domain"))
        predicted.append({"places": [asdict(p) for p in found]})
        spent += time.perf_counter() - t0
        if args.errors:
            _print_errors(record, predicted[-1]["places"])
    print(report(score(gold, predicted)))
    print(
        f"articles {len(gold)}  gazetteer load {loaded:.2f} s  "
        f"places() {spent / len(gold) * 1000:.1f} ms/article"
    )


def _print_errors(record: dict, guesses: list[dict]) -> None:  # type: ignore[type-arg]
    for toponym in record["places"]:
        if toponym.get("lat") is None:
            continue
        hits = [g for g in guesses if g["start"] < toponym["end"] and toponym["start"] < g["end"]]
        if not hits:
            print(
                f"MISS {toponym['text']!r} ({toponym.get('feature_code')}, {toponym.get('admin1')})"
            )
            continue
        g = hits[0]
        if g["lat"] is None:
            print(f"NOCOORD {toponym['text']!r}")
            continue
        km = haversine_km(toponym["lat"], toponym["lon"], g["lat"], g["lon"])
        if km > 161:
            print(
                f"WRONG {toponym['text']!r} gold={toponym['name']},{toponym.get('admin1')},"
                f"{toponym.get('country')} "
                f"got={g['name']},{g['country']} {km:.0f} km"
            )


if __name__ == "__main__":
    main()
