"""What a worker process does with a chunk of articles: the same per-article coding as the CLI.

The pipeline, knowledge base and lexicons load once per process, on the first chunk. Memory is
bounded by replacing the process, not by reloading in it: spaCy's StringStore keeps every
string it has seen, and matchers cached per `Vocab` (extract/timexes.py) would keep an old
pipeline alive after a reload.
"""

from __future__ import annotations

import functools
import itertools
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path

from dyadwatch.annotate import DEFAULT_BATCH_SIZE, Annotator, EncodedOutcome, Outcome, encoded
from dyadwatch.records import Article


def code_chunk(
    articles: Sequence[Article],
    *,
    actor_files: tuple[Path, ...] = (),
    batch_size: int = DEFAULT_BATCH_SIZE,
) -> list[Outcome]:
    """Annotations (or E020 rejections) of `articles`, in order, by this process's annotator."""
    annotator = worker_annotator(actor_files)
    return [outcome for _, outcome in annotator.annotate_isolated(articles, batch_size=batch_size)]


def encode_chunk(
    articles: Sequence[Article],
    *,
    actor_files: tuple[Path, ...] = (),
    batch_size: int = DEFAULT_BATCH_SIZE,
) -> list[EncodedOutcome]:
    """`code_chunk`, with each annotation written as its JSON line here, in the worker."""
    outcomes = code_chunk(articles, actor_files=actor_files, batch_size=batch_size)
    return [encoded(outcome) for outcome in outcomes]


@functools.cache
def worker_annotator(actor_files: tuple[Path, ...]) -> Annotator:
    """This process's annotator, loaded on first use."""
    return Annotator.load(actor_files=actor_files)


def chunked(articles: Iterable[Article], size: int) -> Iterator[list[Article]]:
    """Consecutive lists of `size` articles (the last may be shorter), read lazily."""
    iterator = iter(articles)
    while chunk := list(itertools.islice(iterator, max(1, size))):
        yield chunk
