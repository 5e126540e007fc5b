"""Score extract.timexes on the TempEval-3 TimeBank+AQUAINT gold (../shared/data/timex).

Usage: .venv/bin/python benchmarks/timex_tbaq.py [--limit N] [--errors]
Development only: reads the shared data, ships nothing from it.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
from pathlib import Path

from dyadwatch.evaluate.timex import report, score
from dyadwatch.extract.timexes import timexes
from dyadwatch.nlp.pipeline import load_nlp

GOLD = Path(__file__).resolve().parents[2] / "shared" / "data" / "timex" / "tbaq.jsonl"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--gold", type=Path, default=GOLD)
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--errors", action="store_true", help="print mismatched expressions")
    args = parser.parse_args()
    gold = [json.loads(line) for line in args.gold.read_text("utf-8").splitlines() if line]
    gold = gold[: args.limit]
    nlp = load_nlp()
    predicted = []
    for record, doc in zip(gold, nlp.pipe((r["text"] for r in gold), batch_size=16), strict=True):
        published = dt.date.fromisoformat(record["published"]) if record.get("published") else None
        predicted.append({"timexes": [t.__dict__ for t in timexes(doc, published)]})
        if args.errors:
            _print_errors(record, predicted[-1]["timexes"])
    print(report(score(gold, predicted)))


def _print_errors(record: dict, predicted: list[dict]) -> None:
    by_span = {(p["start"], p["end"]): p for p in predicted}
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
