"""Code articles in worker processes (`--jobs N`), results in input order.

Each worker loads the pipeline once and codes chunks of `batch_size` articles with
`batch.worker.code_chunk`, the function the Dask workers run too. A worker is replaced after
`recycle_after` articles so that its memory stays bounded (DESIGN §6: < 1.5 GB). Only a few
chunks per worker are in flight, so a stream of any length is coded in constant memory.
"""

from __future__ import annotations

import multiprocessing
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from pathlib import Path
from typing import TypeVar

from dyadwatch.annotate import DEFAULT_BATCH_SIZE, EncodedOutcome, Outcome
from dyadwatch.batch.worker import chunked, code_chunk, encode_chunk
from dyadwatch.records import Article

R = TypeVar("R")

# Articles a worker codes before it is replaced. Measured on 10,000 AFP/Xinhua articles with
# `ingest --jobs 2` (benchmarks/README.md): sampled each minute, workers stayed at 515-664 MB,
# a generation growing by up to about 50 MB (spaCy's StringStore keeps every new string), and
# each generation coded for about 15 minutes, so its few seconds of loading cost about 1 %.
RECYCLE_AFTER = 2_000

CHUNKS_IN_FLIGHT_PER_WORKER = 2  # keeps every worker busy while the parent stores results


def resolve_jobs(jobs: int) -> int:
    """`jobs` worker processes; 0 or less means one per CPU core."""
    return jobs if jobs > 0 else os.cpu_count() or 1


def annotate_parallel(
    articles: Iterable[Article],
    *,
    jobs: int,
    actor_files: Iterable[Path] = (),
    batch_size: int = DEFAULT_BATCH_SIZE,
    recycle_after: int = RECYCLE_AFTER,
) -> Iterator[tuple[Article, Outcome]]:
    """Each article with its annotation (or E020 rejection), coded by `jobs` worker processes."""
    return _in_workers(code_chunk, articles, jobs, tuple(actor_files), batch_size, recycle_after)


def encode_parallel(
    articles: Iterable[Article],
    *,
    jobs: int,
    actor_files: Iterable[Path] = (),
    batch_size: int = DEFAULT_BATCH_SIZE,
    recycle_after: int = RECYCLE_AFTER,
) -> Iterator[tuple[Article, EncodedOutcome]]:
    """`annotate_parallel`, each annotation written as its JSON line by the worker."""
    return _in_workers(encode_chunk, articles, jobs, tuple(actor_files), batch_size, recycle_after)


def _in_workers(
    task: Callable[..., list[R]],
    articles: Iterable[Article],
    jobs: int,
    files: tuple[Path, ...],
    batch_size: int,
    recycle_after: int,
) -> Iterator[tuple[Article, R]]:
    jobs = resolve_jobs(jobs)
    chunks = chunked(articles, batch_size)
    # spawn: workers start clean (no copied locks or threads) and the parent never loads spaCy
    with ProcessPoolExecutor(
        max_workers=jobs,
        mp_context=multiprocessing.get_context("spawn"),
        max_tasks_per_child=max(1, recycle_after // batch_size),
    ) as pool:
        pending: deque[tuple[list[Article], Future[list[R]]]] = deque()
        for chunk in chunks:
            future = pool.submit(task, chunk, actor_files=files, batch_size=batch_size)
            pending.append((chunk, future))
            if len(pending) >= jobs * CHUNKS_IN_FLIGHT_PER_WORKER:
                yield from _done(*pending.popleft())
        while pending:
            yield from _done(*pending.popleft())


def _done(chunk: list[Article], future: Future[list[R]]) -> Iterator[tuple[Article, R]]:
    yield from zip(chunk, future.result(), strict=True)

