"""Choose how articles are coded: in this process, in `--jobs N` processes, or on Dask.

Every choice is a `Coder`: a function from a stream of articles to each article with its
annotation (or E020 rejection), in input order. The ingest loop and the CLI take a coder and
know nothing of processes or clusters.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING, Any

from dyadwatch.annotate import EncodedOutcome, Outcome, encoded
from dyadwatch.errors import Codes, DyadwatchError
from dyadwatch.records import Article
from dyadwatch.settings import Settings

if TYPE_CHECKING:
    from dyadwatch.annotate import Annotator

Coder = Callable[[Iterable[Article]], Iterator[tuple[Article, Outcome]]]
Encoder = Callable[[Iterable[Article]], Iterator[tuple[Article, EncodedOutcome]]]


def make_coder(
    settings: Settings,
    *,
    jobs: int = 1,
    dask: str | None = None,
    annotator: Annotator | None = None,
) -> Coder:
    """A coder for `settings`: Dask at address `dask`, else `jobs` processes, else in-process."""
    elsewhere = _in_workers(settings, jobs, dask, encode=False)
    if elsewhere is not None:
        return elsewhere
    if annotator is None:
        from dyadwatch.annotate import Annotator

        annotator = Annotator.load(actor_files=settings.actors)
    return functools.partial(annotator.annotate_isolated, batch_size=settings.batch_size)


def make_encoder(settings: Settings, *, jobs: int = 1, dask: str | None = None) -> Encoder:
    """Like `make_coder`, each annotation written as its JSON line where it was coded: in the
    workers when there are workers, so that the one writer only copies strings."""
    elsewhere = _in_workers(settings, jobs, dask, encode=True)
    if elsewhere is not None:
        return elsewhere
    code = make_coder(settings)

    def encode(articles: Iterable[Article]) -> Iterator[tuple[Article, EncodedOutcome]]:
        for article, outcome in code(articles):
            yield article, encoded(outcome)

    return encode


def _in_workers(
    settings: Settings, jobs: int, dask: str | None, *, encode: bool
) -> Callable[[Iterable[Article]], Iterator[tuple[Article, Any]]] | None:
    """The Dask or `--jobs` coder asked for (encoding in the workers or not); None for this
    process. Dask and the process pool are imported only when asked for."""
    if dask and jobs != 1:
        raise DyadwatchError(Codes.E061, "--jobs and --dask are exclusive: Dask sizes its cluster")
    if dask:
        from dyadwatch.batch import dask as cluster

        return functools.partial(
            cluster.encode_on_dask if encode else cluster.annotate_on_dask,
            address=dask, actor_files=settings.actors, partition_size=settings.batch_size,
        )
    if jobs != 1:
        from dyadwatch.batch import parallel

        return functools.partial(
            parallel.encode_parallel if encode else parallel.annotate_parallel,
            jobs=jobs, actor_files=settings.actors, batch_size=settings.batch_size,
        )
    return None
