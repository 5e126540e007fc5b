"""The gold runner: annotations of gold texts, with the spaCy parses kept between runs."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from dyadwatch.evaluate import quotes
from dyadwatch.evaluate.runner import evaluate

RECORDS = [
    {
        "id": "a",
        "text": "“We will not retreat an inch,” the minister said on Monday.",
        "quotes": [{"start": 0, "end": 30, "speaker": [31, 43], "cue": [44, 48]}],
    },
    {
        "id": "b",
        "text": "Officials said the harbour would reopen next week.",
        "quotes": [{"start": 15, "end": 49, "speaker": [0, 9], "cue": [10, 14]}],
    },
]


def write_gold(path: Path, records: list[dict]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


def test_cached_parses_give_the_same_figures_without_parsing(
    tmp_path: Path, annotator, monkeypatch: pytest.MonkeyPatch
) -> None:
    gold = write_gold(tmp_path / "gold.jsonl", RECORDS)
    cache = tmp_path / "parses"
    first, first_predictions = evaluate(gold, quotes.score, parse_cache=cache)
    assert len(list(cache.glob("parses-*.spacy"))) == 1
    assert not list(cache.glob("*.part"))

    def no_parsing(*args: object, **kwargs: object) -> None:
        raise AssertionError("the parser ran although the parses were kept")

    monkeypatch.setattr(annotator.nlp, "pipe", no_parsing)
    second, second_predictions = evaluate(gold, quotes.score, parse_cache=cache)
    assert second == first
    assert second_predictions == first_predictions
    assert first["matched"] == 2.0


def test_edited_gold_texts_are_parsed_again(tmp_path: Path) -> None:
    cache = tmp_path / "parses"
    evaluate(write_gold(tmp_path / "one.jsonl", RECORDS), quotes.score, parse_cache=cache)
    edited = [dict(RECORDS[0], text=RECORDS[0]["text"].replace("Monday", "Sunday")), RECORDS[1]]
    metrics, _ = evaluate(write_gold(tmp_path / "two.jsonl", edited), quotes.score,
                          parse_cache=cache)
    assert len(list(cache.glob("parses-*.spacy"))) == 2
    assert metrics["matched"] == 2.0


def test_no_cache_by_default(tmp_path: Path) -> None:
    gold = write_gold(tmp_path / "gold.jsonl", RECORDS)
    metrics, predictions = evaluate(gold, quotes.score)
    assert metrics["matched"] == 2.0 and len(predictions) == 2
    assert list(tmp_path.iterdir()) == [gold]


def test_a_damaged_cache_is_parsed_again(tmp_path: Path) -> None:
    gold = write_gold(tmp_path / "gold.jsonl", RECORDS)
    cache = tmp_path / "parses"
    first, _ = evaluate(gold, quotes.score, parse_cache=cache)
    (kept,) = cache.glob("parses-*.spacy")
    kept.write_bytes(b"not a DocBin")
    again, _ = evaluate(gold, quotes.score, parse_cache=cache)
    assert again == first
    assert kept.read_bytes() != b"not a DocBin"  # written anew


def test_an_unwritable_cache_costs_only_the_cache(tmp_path: Path) -> None:
    gold = write_gold(tmp_path / "gold.jsonl", RECORDS)
    blocked = tmp_path / "a-file"
    blocked.write_text("in the way", encoding="utf-8")
    metrics, _ = evaluate(gold, quotes.score, parse_cache=blocked / "parses")
    assert metrics["matched"] == 2.0
