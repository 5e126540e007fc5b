"""Annotate the records of a gold file and hand both to a scorer."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from dyadwatch.errors import Codes, DyadwatchError
from dyadwatch.records import Article

Scorer = Callable[[list[dict[str, Any]], list[dict[str, Any]]], dict[str, Any]]


def load_gold(path: Path, *, limit: int | None = None) -> list[dict[str, Any]]:
    records = []
    with path.open(encoding="utf-8") as lines:
        for number, line in enumerate(lines, 1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError as exc:
                raise DyadwatchError(Codes.E005, f"{path}:{number}: not JSON: {exc}") from exc
            if "text" not in record:
                raise DyadwatchError(Codes.E005, f"{path}:{number}: gold record has no text")
            records.append(record)
            if limit is not None and len(records) >= limit:
                break
    return records


def article_of(record: dict[str, Any], number: int) -> Article:
    published = record.get("published")
    try:
        date = dt.date.fromisoformat(str(published)[:10]) if published else None
    except ValueError:
        date = None
    return Article(
        id=str(record.get("id", f"gold:{number}")), text=record["text"],
        title=record.get("title"), source=record.get("source"), url=record.get("url"),
        published=date,
    )


def evaluate(
    path: Path,
    score: Scorer,
    *,
    limit: int | None = None,
    on_record: Callable[[int, int], None] | None = None,
) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """Metrics of `score` over the gold file, and the annotation dicts they were computed on.

    `on_record(done, total)` is called after each annotated record (progress display).
    """
    from dyadwatch.annotate import Annotator

    gold = load_gold(path, limit=limit)
    annotator = Annotator.load()
    articles = [article_of(record, n) for n, record in enumerate(gold)]
    predicted = []
    for annotation in annotator.annotate_many(articles):
        predicted.append(annotation.to_dict())
        if on_record:
            on_record(len(predicted), len(gold))
    return score(gold, predicted), predicted
