"""TempEval-3 timex measures on hand-made gold and predictions."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from spacy.language import Language

from dyadwatch.evaluate.timex import report, score

# Floors a little under the first 30 tbaq documents when written (strict 0.902, value 0.786).
FLOOR_STRICT_F1 = 0.87
FLOOR_VALUE_F1 = 0.75


def _timex(start: int, end: int, type_: str = "DATE", value: str = "2013") -> dict[str, object]:
    return {"start": start, "end": end, "text": "", "type": type_, "value": value}


def test_perfect_prediction_scores_one() -> None:
    gold = [{"timexes": [_timex(0, 4), _timex(10, 20, "DURATION", "P4Y")]}]
    metrics = score(gold, [{"timexes": [_timex(0, 4), _timex(10, 20, "DURATION", "P4Y")]}])
    for name in ("strict_f1", "relaxed_f1", "value_f1", "type_accuracy"):
        assert metrics[name] == 1.0


def test_overlap_counts_as_relaxed_not_strict_match() -> None:
    gold = [{"timexes": [_timex(3, 12)]}]  # "on Tuesday" gold "Tuesday"-like shift
    metrics = score(gold, [{"timexes": [_timex(0, 12)]}])
    assert metrics["strict_f1"] == 0.0
    assert metrics["relaxed_f1"] == 1.0
    assert metrics["value_f1"] == 1.0


def test_value_precision_and_recall_count_all_predictions_and_gold() -> None:
    gold = [{"timexes": [_timex(0, 4, value="2013"), _timex(10, 14, value="2012")]}]
    predicted = [{"timexes": [_timex(0, 4, value="2013"), _timex(10, 14, value="2011"),
                              _timex(30, 34)]}]  # fmt: skip
    metrics = score(gold, predicted)
    assert metrics["value_precision"] == round(1 / 3, 4)
    assert metrics["value_recall"] == 0.5
    assert metrics["strict_recall"] == 1.0
    assert metrics["strict_precision"] == round(2 / 3, 4)


def test_one_prediction_matches_at_most_one_gold_expression() -> None:
    gold = [{"timexes": [_timex(0, 5), _timex(6, 10)]}]
    metrics = score(gold, [{"timexes": [_timex(0, 10)]}])
    assert metrics["relaxed_recall"] == 0.5
    assert metrics["relaxed_precision"] == 1.0


def test_type_accuracy_among_matched() -> None:
    gold = [{"timexes": [_timex(0, 4, "DATE"), _timex(10, 14, "DURATION")]}]
    metrics = score(gold, [{"timexes": [_timex(0, 4, "DATE"), _timex(10, 14, "DATE")]}])
    assert metrics["type_accuracy"] == 0.5


def test_empty_inputs_and_mismatched_lengths() -> None:
    assert score([{"timexes": []}], [{"timexes": []}])["strict_f1"] == 0.0
    with pytest.raises(ValueError, match="E070"):
        score([{"timexes": []}], [])


def test_report_lists_every_measure() -> None:
    text = report(score([{"timexes": [_timex(0, 4)]}], [{"timexes": [_timex(0, 4)]}]))
    for word in ("strict", "relaxed", "value", "type accuracy"):
        assert word in text


@pytest.mark.slow
def test_tempeval_subset_stays_above_floor(nlp: Language, shared_data: Path) -> None:
    from dyadwatch.extract.timexes import timexes

    lines = (shared_data / "timex" / "tbaq.jsonl").read_text("utf-8").splitlines()[:30]
    gold = [json.loads(line) for line in lines]
    predicted = [
        {
            "timexes": [
                t.__dict__ for t in timexes(nlp(r["text"]), dt.date.fromisoformat(r["published"]))
            ]
        }
        for r in gold
    ]
    metrics = score(gold, predicted)
    assert metrics["strict_f1"] >= FLOOR_STRICT_F1
    assert metrics["value_f1"] >= FLOOR_VALUE_F1
