"""Invented articles shared by the batch tests."""

from __future__ import annotations

import datetime as dt

import pytest

from dyadwatch.records import Article

TEXTS = (
    "The foreign minister of Norway met his Swedish counterpart in Oslo on Monday. "
    '"We agreed to work together on fisheries," the minister told reporters.',
    "Protesters gathered outside the parliament in Lima on Friday to denounce the new tax. "
    "Police used tear gas to disperse the crowd, witnesses said.",
    "Kenya accused Uganda of sending troops across the border last week. "
    "The Ugandan government denied the claim and called for talks.",
    "The European Union announced sanctions against three Belarusian officials on Tuesday.",
    "Japan will send emergency aid to the Philippines after the typhoon, officials said.",
)


@pytest.fixture(scope="session")
def articles() -> list[Article]:
    return [
        Article(id=f"test:{n}", text=text, published=dt.date(2024, 3, 4), source="test")
        for n, text in enumerate(TEXTS)
    ]
