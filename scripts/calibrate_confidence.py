"""Calibrate event confidence on the development gold and write data/lexicon/confidence.csv.

For every coded event (asserted or future) in ../shared/data/events/{plv_train,plover_gsr}.jsonl
we record its features (PLOVER type, part of speech of the trigger, whether every actor is
known with a country or code) and whether a gold event of a compatible type exists in the same
record. The table holds the smoothed share of right events per feature group, with the
coarser groups as fall-backs; `extract/events.py` reads it as the event's confidence.

Run: .venv/bin/python scripts/calibrate_confidence.py [GOLD.jsonl ...]   (about a minute)
Only numbers leave this script: no development text is written.
"""

from __future__ import annotations

import csv
import sys
from collections import defaultdict
from pathlib import Path

from dyadwatch.annotate import Annotator
from dyadwatch.evaluate.events import compatible
from dyadwatch.evaluate.runner import article_of, load_gold
from dyadwatch.extract.event_context import confidence_features

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "events"
ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "src" / "dyadwatch" / "data" / "lexicon" / "confidence.csv"
GOLD_FILES = ("plv_train.jsonl", "plover_gsr.jsonl")
MIN_EVENTS = 8  # a group needs this many coded events to get its own row
PRIOR = 2.0  # pseudo-events pulling a small group toward its parent's rate


def main() -> int:
    files = tuple(sys.argv[1:]) or GOLD_FILES  # e.g. only plv_train.jsonl, to test on the other
    if not DATA.is_dir():
        print(f"no development data at {DATA}", file=sys.stderr)
        return 2
    annotator = Annotator.load()
    outcomes: list[tuple[tuple[str, str, str], bool]] = []
    for name in files:
        gold = load_gold(DATA / name)
        articles = [article_of(record, n) for n, record in enumerate(gold)]
        for record, article in zip(gold, articles, strict=True):
            doc = annotator.nlp(article.text)
            annotation = annotator.annotate_parsed(doc, article)
            gold_types = {e["type"] for e in record["events"]}
            for event in annotation.events:
                if event.modality not in {"asserted", "future"}:
                    continue
                right = any(compatible(gold_type, event.type) for gold_type in gold_types)
                outcomes.append((confidence_features(doc, event, annotation.actors), right))
    rows = table(outcomes)
    with OUT.open("w", newline="", encoding="utf-8") as out:
        out.write("# Event confidence by feature group (scripts/calibrate_confidence.py)\n")
        out.write(f"# on {', '.join(files)} ({len(outcomes)} coded events); '*' = any.\n")
        writer = csv.writer(out)
        writer.writerow(["type", "pos", "actors", "events", "confidence"])
        writer.writerows(rows)
    print(f"{len(rows)} groups from {len(outcomes)} events → {OUT}")
    return 0


def table(outcomes: list[tuple[tuple[str, str, str], bool]]) -> list[list[object]]:
    counts: dict[tuple[str, str, str], list[int]] = defaultdict(lambda: [0, 0])
    for (etype, pos, actors), right in outcomes:
        for key in ((etype, pos, actors), (etype, pos, "*"), (etype, "*", "*"), ("*", "*", "*")):
            counts[key][0] += 1
            counts[key][1] += right

    def rate(key: tuple[str, str, str]) -> float:
        n, right = counts[key]
        parent = _parent(key)
        prior = rate(parent) if parent else 0.5
        return (right + PRIOR * prior) / (n + PRIOR)

    keys = [k for k, (n, _) in counts.items() if n >= MIN_EVENTS or k == ("*", "*", "*")]
    return [[*k, counts[k][0], round(rate(k), 3)] for k in sorted(keys)]


def _parent(key: tuple[str, str, str]) -> tuple[str, str, str] | None:
    etype, pos, actors = key
    if actors != "*":
        return (etype, pos, "*")
    if pos != "*":
        return (etype, "*", "*")
    if etype != "*":
        return ("*", "*", "*")
    return None


if __name__ == "__main__":
    sys.exit(main())
