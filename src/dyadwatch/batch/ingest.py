"""Read inputs, skip what is stored, annotate the rest and store each article in one go.

Coding may happen elsewhere (worker processes, a Dask cluster: `batch.coding`); reading,
duplicate checks and writing stay here, so the store has one writer.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from dyadwatch.batch.coding import Coder, make_coder
from dyadwatch.errors import Codes, DyadwatchError
from dyadwatch.ingest import Defaults, read_inputs
from dyadwatch.records import Annotation, Article, Rejection
from dyadwatch.settings import Settings
from dyadwatch.store import Store

if TYPE_CHECKING:
    from dyadwatch.annotate import Annotator


@dataclass
class IngestReport:
    """What one ingest run did; rejections are listed, never dropped."""

    read: int = 0
    stored: int = 0
    duplicates: int = 0
    events: int = 0
    quotes: int = 0
    rejections: list[Rejection] = field(default_factory=list)
    seconds: float = 0.0

    def as_dict(self) -> dict[str, object]:
        return {
            "read": self.read,
            "stored": self.stored,
            "duplicates": self.duplicates,
            "rejected": len(self.rejections),
            "events": self.events,
            "quotes": self.quotes,
            "seconds": round(self.seconds, 2),
        }


Progress = Callable[[IngestReport], None]


def ingest(
    inputs: Iterable[str],
    *,
    store: Store,
    settings: Settings,
    annotator: Annotator | None = None,
    coder: Coder | None = None,
    defaults: Defaults | None = None,
    on_article: Progress | None = None,
) -> IngestReport:
    """Ingest every input; a bad input or a failing article is reported and the run goes on.

    Articles are coded by `coder` (see `batch.coding.make_coder`), by default in this process
    with `annotator` (loaded here if not given).
    """
    code = coder or make_coder(settings, annotator=annotator)
    report = IngestReport()
    started = time.perf_counter()
    seen: set[str] = set()

    def fresh_articles() -> Iterator[Article]:
        for item in read_inputs(inputs, defaults=defaults or Defaults(), settings=settings):
            report.read += 1
            if isinstance(item, Rejection):
                _reject(store, report, item)
            elif item.content_hash in seen or store.has_article(item.content_hash):
                report.duplicates += 1
            else:
                seen.add(item.content_hash)
                yield item
            if on_article:
                on_article(report)

    for _article, outcome in code(fresh_articles()):
        if isinstance(outcome, Rejection):
            _reject(store, report, outcome)
        else:
            _store(store, report, outcome)
        if on_article:
            on_article(report)
    report.seconds = time.perf_counter() - started
    return report


def _store(store: Store, report: IngestReport, annotation: Annotation) -> None:
    """Save one article; an inconsistent annotation (E020) is rejected, a dead store is fatal."""
    try:
        saved = store.save(annotation)
    except DyadwatchError as exc:
        if exc.code != Codes.E020:
            raise
        origin = annotation.article.origin or annotation.article.id
        _reject(store, report, Rejection(origin, exc.code, exc.message))
        return
    if saved:
        report.stored += 1
        report.events += len(annotation.events)
        report.quotes += len(annotation.quotes)
    else:
        report.duplicates += 1


def _reject(store: Store, report: IngestReport, rejection: Rejection) -> None:
    store.save_rejection(rejection)
    report.rejections.append(rejection)

