"""`dyadwatch eval KIND GOLD.jsonl`: annotate a gold file and score it (DESIGN §4)."""

from __future__ import annotations

import argparse
import importlib
import json
import sys
from pathlib import Path

KINDS = ("events", "quotes", "timex", "places")


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "eval", help="score dyadwatch against a gold file",
        description="Annotate each record of a gold JSONL file and print the measures of "
        "DESIGN §4 (events, quotes, timex, places).",
    )
    parser.add_argument("kind", choices=KINDS)
    parser.add_argument("gold", type=Path, metavar="GOLD.jsonl")
    parser.add_argument("--limit", type=int, default=None, help="score only the first N records")
    parser.add_argument("--json", action="store_true", help="print the metrics as JSON")
    parser.add_argument("--predictions", type=Path, default=None, metavar="FILE",
                        help="also write the annotations as JSONL to FILE")
    parser.add_argument("--parse-cache", type=Path, default=None, metavar="DIR",
                        help="keep the spaCy parses of the gold texts in DIR; later runs on "
                        "the same texts and pipeline skip the parser (identical figures)")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from dyadwatch.cli.progress import record_progress
    from dyadwatch.evaluate.runner import evaluate

    if not args.gold.is_file():
        print(f"dyadwatch eval: no such gold file: {args.gold}", file=sys.stderr)
        return 2
    scorer = importlib.import_module(f"dyadwatch.evaluate.{args.kind}")
    with record_progress(f"eval {args.kind}") as on_record:
        metrics, predictions = evaluate(
            args.gold, scorer.score, limit=args.limit, on_record=on_record,
            parse_cache=args.parse_cache,
        )
    if args.predictions:
        with args.predictions.open("w", encoding="utf-8") as out:
            for record in predictions:
                out.write(json.dumps(record, ensure_ascii=False) + "\n")
    if args.json:
        print(json.dumps(metrics, indent=2, default=str))
    else:
        print(scorer.report(metrics))
    return 0
