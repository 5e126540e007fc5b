"""Future modality on PLV, split by a reading of what each `future` label describes.

Usage: .venv/bin/python benchmarks/future_audit.py

PLV's modality column is model output ("ZSP model output (modality_L2), not a human label", as
the file says), and issue 3 asks that its `future` events be coded future. `data/
plv_future_audit.csv` records, for each of the 88 PLV events labelled future, whether the
sentence reports a planned or promised act (`future`: "will meet", "agreed to lift", "said
they would boycott") or an act already done or under way (`completed`, `ongoing`: "signed a
pact", "launched an investigation", "granted a pardon"). The audit was made once, by reading
each sentence, before this script scored anything against it; it holds ids only, no text.

Prints, for all 88 and for each verdict: gold events, the share type-matched by a predicted
event, the share type-matched and coded future (the evaluation's `future_recall`), and the
share of their sentences with any event coded future. Development only: reads
../shared/data, ships nothing.
"""

from __future__ import annotations

import csv
import json
from collections import Counter
from pathlib import Path

from dyadwatch.annotate import Annotator
from dyadwatch.evaluate.events import compatible
from dyadwatch.records import Article

GOLD = Path(__file__).resolve().parents[2] / "shared" / "data" / "events" / "plv_train.jsonl"
AUDIT = Path(__file__).resolve().parent / "data" / "plv_future_audit.csv"


def main() -> None:
    with AUDIT.open(encoding="utf-8") as rows:
        verdicts = {row["id"]: row["verdict"] for row in csv.DictReader(rows)}
    annotator = Annotator.load()
    counts: Counter[tuple[str, str]] = Counter()
    with GOLD.open(encoding="utf-8") as lines:
        for line in lines:
            record = json.loads(line)
            golds = [e for e in record["events"] if e.get("modality") == "future"]
            if not golds:
                continue
            verdict = verdicts[record["id"]]
            events = annotator.annotate(Article(id=record["id"], text=record["text"])).events
            predicted = [(str(e.type), str(e.modality)) for e in events]
            for gold in golds:
                same = [m for kind, m in predicted if compatible(gold["type"], kind)]
                for group in ("all", verdict):
                    counts[group, "events"] += 1
                    counts[group, "typed"] += bool(same)
                    counts[group, "future"] += "future" in same
                    counts[group, "sentence"] += any(m == "future" for _, m in predicted)
    print(f"{'labels':<10} {'events':>6} {'typed':>7} {'typed+future':>13} {'sentence future':>16}")
    for group in ("all", "future", "completed", "ongoing"):
        n = counts[group, "events"]
        if n:
            print(f"{group:<10} {n:>6} {counts[group, 'typed'] / n:>7.3f} "
                  f"{counts[group, 'future'] / n:>13.3f} {counts[group, 'sentence'] / n:>16.3f}")


if __name__ == "__main__":
    main()
