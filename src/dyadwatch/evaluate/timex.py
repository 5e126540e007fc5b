"""TempEval-3 measures for time expressions: strict and relaxed span F1, value F1, type accuracy.

Relaxed matching pairs each gold expression with at most one overlapping prediction (the one
sharing most characters). As in TempEval-3, value precision is correct values over all
predictions and value recall correct values over all gold expressions, both counted on
relaxed-matched pairs; type accuracy is the share of matched pairs with the gold type.
"""

from __future__ import annotations

from typing import Any

from dyadwatch.evaluate.common import PRF, format_table, span_overlap


def score(gold: list[dict[str, Any]], predicted: list[dict[str, Any]]) -> dict[str, float]:
    """Micro-averaged measures over documents; `predicted[i]` annotates `gold[i]`."""
    if len(gold) != len(predicted):
        raise ValueError(f"[E070] {len(gold)} gold records but {len(predicted)} predictions")
    strict, relaxed, value = PRF(), PRF(), PRF()
    typed = 0
    for gold_record, annotation in zip(gold, predicted, strict=True):
        gold_timexes = gold_record.get("timexes", [])
        predicted_timexes = annotation.get("timexes", [])
        for counts in (strict, relaxed, value):
            counts.gold += len(gold_timexes)
            counts.predicted += len(predicted_timexes)
        exact = {(t["start"], t["end"]) for t in predicted_timexes}
        strict.tp += sum((t["start"], t["end"]) in exact for t in gold_timexes)
        for g, p in _relaxed_pairs(gold_timexes, predicted_timexes):
            relaxed.tp += 1
            value.tp += str(g.get("value")) == str(p.get("value"))
            typed += g.get("type") == p.get("type")
    return {
        **strict.as_dict("strict_"),
        **relaxed.as_dict("relaxed_"),
        **value.as_dict("value_"),
        "type_accuracy": round(typed / relaxed.tp, 4) if relaxed.tp else 0.0,
        "gold": float(strict.gold),
        "predicted": float(strict.predicted),
    }


def _relaxed_pairs(
    gold: list[dict[str, Any]], predicted: list[dict[str, Any]]
) -> list[tuple[dict[str, Any], dict[str, Any]]]:
    """One-to-one pairs of overlapping expressions, largest overlaps first."""
    candidates = sorted(
        (
            (span_overlap((g["start"], g["end"]), (p["start"], p["end"])), gi, pi)
            for gi, g in enumerate(gold)
            for pi, p in enumerate(predicted)
        ),
        reverse=True,
    )
    used_gold: set[int] = set()
    used_predicted: set[int] = set()
    pairs = []
    for overlap, gi, pi in candidates:
        if overlap > 0 and gi not in used_gold and pi not in used_predicted:
            used_gold.add(gi)
            used_predicted.add(pi)
            pairs.append((gold[gi], predicted[pi]))
    return pairs


def report(metrics: dict[str, float]) -> str:
    """A plain table of the measures."""
    rows = [
        [name, f"{metrics[f'{name}_precision']:.4f}", f"{metrics[f'{name}_recall']:.4f}",
         f"{metrics[f'{name}_f1']:.4f}"]
        for name in ("strict", "relaxed", "value")
    ]  # fmt: skip
    table = format_table(rows, ["timex", "precision", "recall", "f1"])
    return (
        f"{table}\ntype accuracy (matched): {metrics['type_accuracy']:.4f}"
        f"\ngold {int(metrics['gold'])}, predicted {int(metrics['predicted'])}"
    )
