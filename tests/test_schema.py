"""Every annotation validates against the JSON Schema that ships with the package."""

from __future__ import annotations

import datetime as dt
import json
from importlib import resources

import jsonschema
import pytest

from dyadwatch.records import Article

TEXTS = [
    "Texas sued the federal government on Monday over its border policy.",
    "“We will not negotiate,” the Taliban said in a statement on Friday. Pakistan closed the "
    "border crossing near Torkham.",
    "Protesters marched in Paris, Texas, and in Paris, France, last week.",
    "",
]


@pytest.mark.parametrize("text", TEXTS)
def test_annotation_validates(annotator, text: str) -> None:  # type: ignore[no-untyped-def]
    schema = json.loads(
        resources.files("dyadwatch.data.schema").joinpath("annotation.schema.json").read_text()
    )
    article = Article(id="t", text=text, published=dt.date(2024, 3, 14))
    jsonschema.validate(annotator.annotate(article).to_dict(), schema)
