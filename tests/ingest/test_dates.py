"""Publication dates: absolute forms parse, relative or partial or invalid ones give None."""

from __future__ import annotations

import datetime as dt
import time

import pytest

from dyadwatch.ingest.dates import parse_published

D = dt.date(2023, 9, 13)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2023-09-13", D),
        ("2023-09-13T23:30:00-05:00", D),  # the date as written, not shifted to UTC
        ("20230913", D),
        ("Wed, 13 Sep 2023 10:00:00 GMT", D),
        ("Wed, 13 Sep 2023 10:00:00 +0900", D),
        ("13 September 2023", D),
        ("September 13, 2023", D),
        ("Sept. 13, 2023", D),
        ("09/13/2023", D),
        (time.strptime("2023-09-13", "%Y-%m-%d"), D),
        (dt.datetime(2023, 9, 13, 8, 0), D),
        (D, D),
        # negatives: invalid, relative, partial, placeholders, wrong types
        ("2023-02-30", None),
        ("2023-13-01", None),
        ("0001-01-01", None),
        ("yesterday", None),
        ("next Tuesday", None),
        ("May 2023", None),
        ("not a date", None),
        ("", None),
        ("x" * 500, None),
        (20230913, None),
        (None, None),
        (["2023-09-13"], None),
    ],
)
def test_parse_published(value: object, expected: dt.date | None) -> None:
    assert parse_published(value) == expected
