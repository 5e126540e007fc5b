"""Code articles on a Dask cluster: `--dask local[:N]` (a LocalCluster) or `--dask tcp://HOST:PORT`.

Partitions of articles go to the workers, which run `batch.worker.code_chunk`, the function
`--jobs` runs: the pipeline loads once per worker process, from the installed package. Results
come back partition by partition, in input order, to the caller, which is the one writer of
the store. Dask and distributed are the optional `dask` extra, imported only here.
"""

from __future__ import annotations

import contextlib
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any, TypeVar

from dyadwatch.annotate import EncodedOutcome, Outcome
from dyadwatch.batch.parallel import resolve_jobs
from dyadwatch.batch.worker import chunked, code_chunk, encode_chunk
from dyadwatch.errors import Codes, DyadwatchError
from dyadwatch.records import Article

# Articles per partition: large enough that scheduling and pickling are a small share of a
# task (one article takes 0.1-0.5 s), small enough to balance two workers on a 121-article demo.
PARTITION_SIZE = 32
PARTITIONS_IN_FLIGHT_PER_WORKER = 2

R = TypeVar("R")


def annotate_on_dask(
    articles: Iterable[Article],
    *,
    address: str,
    actor_files: Iterable[Path] = (),
    partition_size: int = PARTITION_SIZE,
) -> Iterator[tuple[Article, Outcome]]:
    """Each article with its annotation (or E020 rejection), coded by the cluster at `address`."""
    return _on_cluster(code_chunk, articles, address, tuple(actor_files), partition_size)


def encode_on_dask(
    articles: Iterable[Article],
    *,
    address: str,
    actor_files: Iterable[Path] = (),
    partition_size: int = PARTITION_SIZE,
) -> Iterator[tuple[Article, EncodedOutcome]]:
    """`annotate_on_dask`, each annotation written as its JSON line by the worker: the one
    writer then receives strings, not records (its CPU competes with the workers')."""
    return _on_cluster(encode_chunk, articles, address, tuple(actor_files), partition_size)


def _on_cluster(
    task: Callable[..., list[R]],
    articles: Iterable[Article],
    address: str,
    files: tuple[Path, ...],
    partition_size: int,
) -> Iterator[tuple[Article, R]]:
    with _client(address) as client:
        workers = max(1, len(client.scheduler_info().get("workers", {})))
        pending: deque[tuple[list[Article], Any]] = deque()
        for chunk in chunked(articles, partition_size):
            future = client.submit(
                task, chunk, actor_files=files, batch_size=partition_size, pure=False
            )
            pending.append((chunk, future))
            if len(pending) >= workers * PARTITIONS_IN_FLIGHT_PER_WORKER:
                yield from _gathered(*pending.popleft())
        while pending:
            yield from _gathered(*pending.popleft())


def _gathered(chunk: list[Article], future: Any) -> Iterator[tuple[Article, Any]]:
    outcomes = future.result()
    future.release()
    yield from zip(chunk, outcomes, strict=True)


@contextlib.contextmanager
def _client(address: str) -> Iterator[Any]:
    """A client of an existing scheduler, or of a LocalCluster with one process per worker."""
    try:
        from dask.distributed import Client, LocalCluster
    except ImportError as exc:
        raise DyadwatchError(
            Codes.E060, "Dask is not installed: pip install 'dyadwatch[dask]'"
        ) from exc
    count = address.partition(":")[2] if address.startswith("local:") else "0"
    if (address == "local" or address.startswith("local:")) and count.isdigit():
        workers = resolve_jobs(int(count))
        with LocalCluster(
            n_workers=workers, threads_per_worker=1, processes=True,
            dashboard_address=None,
        ) as cluster, Client(cluster) as client:
            yield client
    elif "://" in address:
        with Client(address) as client:
            yield client
    else:
        raise DyadwatchError(
            Codes.E061, f"--dask wants local, local:N or tcp://HOST:PORT, not {address!r}"
        )
