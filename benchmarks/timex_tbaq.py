"""Score extract.timexes on the TempEval-3 TimeBank+AQUAINT gold (../shared/data/timex).

Usage: .venv/bin/python benchmarks/timex_tbaq.py [--limit N] [--part timebank|aquaint] [--errors]
Prints the figures over the chosen records and, for the whole set, per part: develop on the
TimeBank part and hold the AQUAINT part out. Development only: ships nothing from the data.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
from pathlib import Path

from dyadwatch.evaluate.timex import report, score
from dyadwatch.extract.timexes import timexes
from dyadwatch.nlp.pipeline import load_nlp

PARTS = ("timebank", "aquaint")
GOLD = Path(__file__).resolve().parents[2] / "shared" / "data" / "timex" / "tbaq.jsonl"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--gold", type=Path, default=GOLD)
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--part", choices=PARTS, default=None, help="only this part's records")
    parser.add_argument("--errors", action="store_true", help="print mismatched expressions")
    args = parser.parse_args()
    gold = [json.loads(line) for line in args.gold.read_text("utf-8").splitlines() if line]
    if args.part:
        gold = [r for r in gold if _part(r) == args.part]
    gold = gold[: args.limit]
    nlp = load_nlp()
    predicted = []
    for record, doc in zip(gold, nlp.pipe((r["text"] for r in gold), batch_size=16), strict=True):
        published = dt.date.fromisoformat(record["published"]) if record.get("published") else None
        predicted.append({"timexes": [t.__dict__ for t in timexes(doc, published)]})
        if args.errors:
            _print_errors(record, predicted[-1]["timexes"])
    print(report(score(gold, predicted)))
    for part in PARTS if args.part is None else ():
        chosen = [i for i, record in enumerate(gold) if _part(record) == part]
        if chosen:
            print(f"\n{part}:")
            print(report(score([gold[i] for i in chosen], [predicted[i] for i in chosen])))


def _part(record: dict) -> str:
    """ "timebank" or "aquaint", from the record id ("tbaq-timebank-wsj_0006")."""
    return str(record["id"]).split("-")[1]


def _print_errors(record: dict, predicted: list[dict]) -> None:
    by_span = {(p["start"], p["end"]): p for p in predicted}
    print(f"## {record['id']}")
    for g in record["timexes"]:
        p = by_span.pop((g["start"], g["end"]), None)
        if p is None:
            print(f"MISS  {g['text']!r} {g['type']} {g['value']}  [{record['published']}]")
        elif (p["type"], p["value"]) != (g["type"], g["value"]):
            print(
                f"VALUE {g['text']!r} gold {g['type']} {g['value']} got {p['type']} "
                f"{p['value']}  [{record['published']}]"
            )
    for p in by_span.values():
        print(f"EXTRA {p['text']!r} {p['type']} {p['value']}")


if __name__ == "__main__":
    main()
