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
# Measured 2026-11-29 (closing note): PLV type F1 0.659, source 0.939; GSR type F1 0.728;
# TBAQ strict 0.891, value 0.813; LGL[:200] acc@161 0.781, country 0.866; PolNeAR[:100]
# overlap F1 0.721, speaker 0.901. Floors sit a little below; raise them as quality rises,
# never lower them to let a change through.
GATES: list[tuple[str, str, int | None, dict[str, float]]] = [
    ("events", "events/plv_train.jsonl", None, {"type_f1": 0.64, "source_match": 0.91}),
    ("events", "events/plover_gsr.jsonl", None, {"type_f1": 0.71}),
    ("timex", "timex/tbaq.jsonl", None, {"strict_f1": 0.875, "value_f1": 0.80}),
    ("places", "places/lgl.jsonl", 200, {"accuracy_161km": 0.765, "country_accuracy": 0.85}),
    ("quotes", "quotes/polnear_train.jsonl", 100, {"overlap_f1": 0.70, "speaker_accuracy": 0.88}),
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
