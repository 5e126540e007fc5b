"""`--jobs N`: worker processes give the same annotations, in input order, as one process."""

from __future__ import annotations

import json

import pytest

from dyadwatch.annotate import Annotator, encoded
from dyadwatch.batch.coding import make_coder, make_encoder
from dyadwatch.batch.parallel import annotate_parallel, encode_parallel, resolve_jobs
from dyadwatch.batch.worker import chunked, code_chunk, encode_chunk
from dyadwatch.errors import DyadwatchError
from dyadwatch.records import Annotation, Article, Rejection
from dyadwatch.settings import get_settings


@pytest.mark.parametrize(
    ("count", "size", "lengths"),
    [(0, 2, []), (1, 2, [1]), (4, 2, [2, 2]), (5, 2, [2, 2, 1]), (3, 0, [1, 1, 1])],
)
def test_chunked_keeps_order_and_sizes(
    articles: list[Article], count: int, size: int, lengths: list[int]
) -> None:
    chunks = list(chunked(articles[:count], size))
    assert [len(c) for c in chunks] == lengths
    assert [a for c in chunks for a in c] == articles[:count]


def test_resolve_jobs_zero_means_every_core() -> None:
    assert resolve_jobs(3) == 3
    assert resolve_jobs(0) >= 1


def test_jobs_and_dask_are_exclusive() -> None:
    with pytest.raises(DyadwatchError) as caught:
        make_coder(get_settings(), jobs=2, dask="local:2")
    assert caught.value.code == "E061"


def _single_process(articles: list[Article]) -> list[dict[str, object]]:
    return [a.to_dict() for a in Annotator.load().annotate_many(articles)]


@pytest.mark.slow
def test_worker_chunk_equals_single_process(articles: list[Article]) -> None:
    outcomes = code_chunk(articles, batch_size=2)
    assert all(isinstance(o, Annotation) for o in outcomes)
    assert [o.to_dict() for o in outcomes] == _single_process(articles)  # type: ignore[union-attr]


@pytest.mark.slow
def test_two_processes_equal_single_process_in_order(articles: list[Article]) -> None:
    # batch_size 1 and recycle_after 2: several chunks per worker and a replaced worker
    pairs = list(annotate_parallel(articles, jobs=2, batch_size=1, recycle_after=2))
    assert [article for article, _ in pairs] == articles
    annotations = [outcome for _, outcome in pairs]
    assert all(isinstance(o, Annotation) for o in annotations)
    assert [o.to_dict() for o in annotations] == _single_process(articles)  # type: ignore[union-attr]


@pytest.mark.slow
def test_workers_write_the_same_json_lines(articles: list[Article]) -> None:
    """`dyadwatch annotate` output: lines written in the workers equal lines written here."""
    expected = [json.dumps(d, ensure_ascii=False) for d in _single_process(articles)]
    in_process = make_encoder(get_settings())(articles)
    in_workers = encode_parallel(articles, jobs=2, batch_size=2)
    for pairs in (list(in_process), list(in_workers)):
        assert [article for article, _ in pairs] == articles
        assert [getattr(outcome, "line", None) for _, outcome in pairs] == expected


def test_a_rejection_stays_a_rejection() -> None:
    rejection = Rejection("x.txt", "E020", "annotation failed")
    assert encoded(rejection) is rejection
    assert isinstance(encode_chunk([]), list)
