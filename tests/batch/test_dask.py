"""`--dask`: a 2-worker LocalCluster gives the same annotations, in order, as one process."""

from __future__ import annotations

import pytest

from dyadwatch.annotate import Annotator
from dyadwatch.errors import DyadwatchError
from dyadwatch.records import Annotation, Article

pytest.importorskip("distributed", reason="the dask extra is not installed")

from dyadwatch.batch.dask import annotate_on_dask


def test_a_bad_address_is_refused_before_any_work(articles: list[Article]) -> None:
    with pytest.raises(DyadwatchError) as caught:
        list(annotate_on_dask(articles, address="my-cluster"))
    with pytest.raises(DyadwatchError):
        list(annotate_on_dask(articles, address="local:two"))
    assert caught.value.code == "E061"


@pytest.mark.slow
def test_two_dask_workers_equal_single_process(articles: list[Article]) -> None:
    pairs = list(annotate_on_dask(articles, address="local:2", partition_size=2))
    assert [article for article, _ in pairs] == articles
    annotations = [outcome for _, outcome in pairs]
    assert all(isinstance(o, Annotation) for o in annotations)
    expected = [a.to_dict() for a in Annotator.load().annotate_many(articles)]
    assert [o.to_dict() for o in annotations] == expected  # type: ignore[union-attr]
