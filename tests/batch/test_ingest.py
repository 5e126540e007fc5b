"""Ingest with a coder: any coder stores the same thing; the store has one writer, here."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from dyadwatch.batch.coding import make_coder
from dyadwatch.batch.ingest import ingest
from dyadwatch.records import Article
from dyadwatch.settings import get_settings
from dyadwatch.store import Store


def _write_jsonl(path: Path, articles: list[Article]) -> None:
    lines = [json.dumps({"id": a.id, "text": a.text, "published": "2024-03-04"}) for a in articles]
    path.write_text("\n".join(lines) + "\n", "utf-8")


@pytest.mark.slow
def test_ingest_with_two_jobs_stores_what_one_process_stores(
    articles: list[Article], tmp_path: Path
) -> None:
    source = tmp_path / "articles.jsonl"
    _write_jsonl(source, [*articles, articles[0]])  # the repeat is a duplicate, not re-coded
    settings = get_settings(batch_size=2)
    figures = []
    for jobs in (1, 2):
        with Store.open(f"sqlite:///{tmp_path / f'jobs{jobs}.db'}") as store:
            report = ingest(
                [str(source)], store=store, settings=settings,
                coder=make_coder(settings, jobs=jobs),
            )
            figures.append((report.as_dict() | {"seconds": 0}, store.stats()))
    assert figures[0] == figures[1]
    assert figures[0][0]["stored"] == len(articles)
    assert figures[0][0]["duplicates"] == 1
