"""The places scorer: detection by overlap, accuracy within 161 km, country accuracy."""

from __future__ import annotations

import json
import math
from pathlib import Path

import pytest

from dyadwatch.evaluate.places import haversine_km, report, score

GOLD = [
    {
        "text": "From Paris to Lyon and Nice.",
        "places": [
            {"start": 5, "end": 10, "name": "Paris", "lat": 48.85, "lon": 2.35, "country": "FRA"},
            {"start": 14, "end": 18, "name": "Lyon", "lat": 45.76, "lon": 4.84, "country": "FRA"},
            {"start": 23, "end": 27, "name": "Nice", "lat": 43.70, "lon": 7.27, "country": "FRA"},
            {"start": 0, "end": 4, "name": "nowhere", "lat": None, "lon": None},
        ],
    }
]


def _place(start: int, end: int, lat: float, lon: float, country: str) -> dict[str, object]:
    return {
        "start": start,
        "end": end,
        "text": "",
        "name": "",
        "country": country,
        "lat": lat,
        "lon": lon,
        "precision": "city",
    }


def test_haversine_london_paris() -> None:
    assert haversine_km(51.5074, -0.1278, 48.8566, 2.3522) == pytest.approx(344, abs=3)


def test_score_counts_undetected_as_wrong() -> None:
    predicted = [
        {
            "places": [
                _place(5, 10, 48.86, 2.34, "FRA"),  # right
                _place(14, 17, 33.66, -95.55, "USA"),  # overlaps Lyon, wrong place and country
            ]
        }
    ]
    metrics = score(GOLD, predicted)
    assert metrics["toponyms"] == 3
    assert metrics["detection_recall"] == pytest.approx(2 / 3, abs=1e-3)
    assert metrics["accuracy_161km"] == pytest.approx(1 / 3, abs=1e-3)
    assert metrics["accuracy_161km_detected"] == pytest.approx(0.5)
    assert metrics["country_accuracy"] == pytest.approx(1 / 3, abs=1e-3)
    assert metrics["country_accuracy_detected"] == pytest.approx(1 / 2, abs=1e-3)
    assert metrics["median_error_km"] > 100


def test_score_perfect_and_empty() -> None:
    perfect = [
        {
            "places": [
                _place(p["start"], p["end"], p["lat"], p["lon"], "FRA")
                for p in GOLD[0]["places"][:3]
            ]
        }
    ]
    assert score(GOLD, perfect)["accuracy_161km"] == 1.0
    empty = score(GOLD, [{"places": []}])
    assert empty["detection_recall"] == 0.0 and math.isnan(empty["median_error_km"])


def test_score_rejects_misaligned_inputs() -> None:
    with pytest.raises(ValueError):
        score(GOLD, [])


def test_report_is_a_table() -> None:
    text = report(score(GOLD, [{"places": []}]))
    assert "accuracy_161km" in text and "country_accuracy" in text


@pytest.mark.slow
def test_lgl_subset_scores(nlp, shared_data: Path) -> None:  # type: ignore[no-untyped-def]
    from dataclasses import asdict

    from dyadwatch.extract.places import places
    from dyadwatch.resolve.gazetteer import Gazetteer

    lines = (shared_data / "places" / "lgl.jsonl").read_text(encoding="utf-8").splitlines()
    gold = [json.loads(line) for line in lines[:20]]
    gazetteer = Gazetteer.load()
    predicted = [{"places": [asdict(p) for p in places(nlp(r["text"]), gazetteer)]} for r in gold]
    metrics = score(gold, predicted)
    assert metrics["detection_recall"] > 0.5
    assert metrics["accuracy_161km"] > 0.4


def test_detection_precision_counts_predictions_without_a_gold_toponym() -> None:
    predicted = [
        {
            "places": [
                _place(5, 10, 48.86, 2.34, "FRA"),  # Paris
                _place(0, 4, 0.0, 0.0, "FRA"),  # "From": a gold toponym without a point counts
                _place(11, 13, 0.0, 0.0, "FRA"),  # "to": no gold toponym there
            ]
        }
    ]
    assert score(GOLD, predicted)["detection_precision"] == pytest.approx(2 / 3, abs=1e-3)
    assert score(GOLD, [{"places": []}])["detection_precision"] == 0.0
