"""Score predicted places against gold toponyms (LGL-style JSONL, DESIGN.md §4).

A gold toponym counts when it has coordinates. It is detected when a predicted place overlaps
its span, and correct when that place lies within 161 km (100 miles, the usual geoparsing
threshold) of the gold point; an undetected toponym counts as wrong. Country accuracy is given
both ways: over every gold toponym with a country (a miss is wrong, like acc@161, so it is
bounded by detection recall) and over the detected ones (the resolver's own figure, as
resolution-only evaluations such as Mordecai's report it). Detection precision is the share of
predicted places that overlap a gold toponym, located or not: meaningful on gold sets that, like
LGL, annotate every toponym.
"""

from __future__ import annotations

import math
import statistics
from typing import Any

from dyadwatch.evaluate.common import format_table, span_overlap

ACCURACY_KM = 161.0
EARTH_RADIUS_KM = 6371.0088


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance between two points in kilometres."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(h)))


def score(gold: list[dict[str, Any]], predicted: list[dict[str, Any]]) -> dict[str, float]:
    """Detection recall and precision, accuracy@161 km (all and detected), median error, country
    accuracy."""
    if len(gold) != len(predicted):
        raise ValueError(f"{len(gold)} gold records but {len(predicted)} predictions")
    located = detected = correct = 0
    errors: list[float] = []
    country_gold = country_correct = country_detected = 0
    guessed = guessed_right = 0
    for record, annotation in zip(gold, predicted, strict=True):
        guesses = annotation.get("places", [])
        spans = [(t["start"], t["end"]) for t in record.get("places", [])]
        guessed += len(guesses)
        guessed_right += sum(
            any(span_overlap(s, (g["start"], g["end"])) > 0 for s in spans) for g in guesses
        )
        for toponym in record.get("places", []):
            if toponym.get("lat") is None or toponym.get("lon") is None:
                continue
            located += 1
            match = _best_overlap(toponym, guesses)
            if toponym.get("country"):
                country_gold += 1
                country_correct += match is not None and match.get("country") == toponym["country"]
                country_detected += match is not None
            if match is None:
                continue
            detected += 1
            if match.get("lat") is None or match.get("lon") is None:
                continue
            km = haversine_km(toponym["lat"], toponym["lon"], match["lat"], match["lon"])
            errors.append(km)
            correct += km <= ACCURACY_KM
    return {
        "toponyms": float(located),
        "detection_recall": _ratio(detected, located),
        "detection_precision": _ratio(guessed_right, guessed),
        "accuracy_161km": _ratio(correct, located),
        "accuracy_161km_detected": _ratio(correct, detected),
        "median_error_km": round(statistics.median(errors), 1) if errors else float("nan"),
        "country_accuracy": _ratio(country_correct, country_gold),
        "country_accuracy_detected": _ratio(country_correct, country_detected),
    }


def _best_overlap(toponym: dict[str, Any], guesses: list[dict[str, Any]]) -> dict[str, Any] | None:
    span = (toponym["start"], toponym["end"])
    overlapping = [(span_overlap(span, (g["start"], g["end"])), g) for g in guesses]
    overlapping = [(n, g) for n, g in overlapping if n > 0]
    return max(overlapping, key=lambda pair: pair[0])[1] if overlapping else None


def _ratio(part: int, whole: int) -> float:
    return round(part / whole, 4) if whole else 0.0


def report(metrics: dict[str, float]) -> str:
    """The metrics as a plain table."""
    rows = [[name, f"{value:g}"] for name, value in metrics.items()]
    return format_table(rows, ["metric", "value"])
