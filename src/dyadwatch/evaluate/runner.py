"""Annotate the records of a gold file and hand both to a scorer."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import logging
import zlib
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from dyadwatch.errors import Codes, DyadwatchError
from dyadwatch.records import Article

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

_log = logging.getLogger(__name__)

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
    parse_cache: Path | None = None,
) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """Metrics of `score` over the gold file, and the annotation dicts they were computed on.

    `on_record(done, total)` is called after each annotated record (progress display).
    `parse_cache` is a folder for the spaCy parses of the gold texts: the first run writes
    them, later runs of any kind on the same texts and pipeline skip the parser (the
    annotations are identical; only the extractors run again).
    """
    from dyadwatch.annotate import Annotator

    gold = load_gold(path, limit=limit)
    annotator = Annotator.load()
    articles = [article_of(record, n) for n, record in enumerate(gold)]
    if parse_cache is None:
        annotations = annotator.annotate_many(articles)
    else:
        docs = cached_parses(annotator.nlp, articles, parse_cache)
        annotations = map(annotator.annotate_parsed, docs, articles)
    predicted = []
    for annotation in annotations:
        predicted.append(annotation.to_dict())
        if on_record:
            on_record(len(predicted), len(gold))
    return score(gold, predicted), predicted


def cached_parses(nlp: Language, articles: list[Article], folder: Path) -> Iterator[Doc]:
    """The parses of `articles`, read from `folder` when this pipeline already parsed them.

    The file's name is a digest of the spaCy version, the pipeline's name, version and
    components, and every text, so an edited gold file or an upgraded model never reads a
    stale parse.
    """
    from spacy import __version__ as spacy_version
    from spacy.tokens import DocBin

    from dyadwatch.annotate import DEFAULT_BATCH_SIZE

    meta = nlp.meta
    digest = hashlib.sha256(
        json.dumps([spacy_version, meta.get("name"), meta.get("version"), nlp.pipe_names])
        .encode()
    )
    for article in articles:
        digest.update(hashlib.sha256(article.text.encode("utf-8")).digest())
    file = folder / f"parses-{digest.hexdigest()[:20]}.spacy"
    if file.is_file():
        try:
            kept = list(DocBin().from_disk(file).get_docs(nlp.vocab))
        except (OSError, ValueError, zlib.error) as exc:  # damaged by hand or a full disk
            _log.warning("parse cache %s unreadable (%s): parsing again", file, exc)
        else:
            if len(kept) == len(articles):
                yield from kept
                return
            _log.warning("parse cache %s holds %d parses, not %d: parsing again",
                         file, len(kept), len(articles))
    parsed = DocBin(store_user_data=False)
    for doc in nlp.pipe((a.text for a in articles), batch_size=DEFAULT_BATCH_SIZE):
        parsed.add(doc)
        yield doc
    partial = file.with_suffix(".part")
    try:
        folder.mkdir(parents=True, exist_ok=True)
        parsed.to_disk(partial)
        partial.replace(file)  # a run cut short leaves no half-written cache
    except OSError as exc:  # the figures stand; only the next run parses again
        _log.warning("parse cache not written to %s: %s", folder, exc)
