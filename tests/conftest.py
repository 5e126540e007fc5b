"""Shared fixtures: the spaCy pipeline once per session, paths to test and development data."""

from __future__ import annotations

from pathlib import Path

import pytest

TESTS = Path(__file__).parent
TEST_DATA = TESTS / "data"
SHARED_DATA = TESTS.parent.parent / "shared" / "data"


@pytest.fixture(scope="session")
def nlp():  # type: ignore[no-untyped-def]
    from dyadwatch.nlp.pipeline import load_nlp

    return load_nlp()


@pytest.fixture(scope="session")
def annotator():  # type: ignore[no-untyped-def]
    """The whole per-article pipeline (`Annotator`), loaded once per session."""
    from dyadwatch.annotate import Annotator

    return Annotator.load()


@pytest.fixture(scope="session")
def shared_data() -> Path:
    if not SHARED_DATA.is_dir():
        pytest.skip(f"development data not found at {SHARED_DATA}")
    return SHARED_DATA
