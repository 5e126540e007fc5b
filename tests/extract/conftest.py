"""Fixtures shared by the quote tests."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from spacy.language import Language

from dyadwatch.extract.quotes import quotes
from dyadwatch.records import ActorIndex, Quote


@pytest.fixture(scope="module")
def extract(nlp: Language) -> Callable[[str], tuple[list[Quote], ActorIndex]]:
    """Quotes of a text, with one stand-in actor per named entity (`test_quotes.entity_index`)."""
    from .test_quotes import entity_index

    def run(text: str) -> tuple[list[Quote], ActorIndex]:
        doc = nlp(text)
        index = entity_index(doc)
        return quotes(doc, index), index

    return run
