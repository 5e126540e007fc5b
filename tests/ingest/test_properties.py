"""Properties: ingest never raises on arbitrary bytes, and re-ingesting its text is a no-op."""

from __future__ import annotations

import io
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dyadwatch.ingest import read_inputs
from dyadwatch.records import Article, Rejection

EXTENSIONS = ["", ".txt", ".jsonl", ".html", ".rss", ".xml", ".bin"]
# Arbitrary bytes plus bytes built from format-looking pieces, so the readers past the sniffer
# see hostile input too.
PIECES = st.sampled_from(
    [b"{", b"}", b'"text"', b":", b"\n", b"<", b">", b"<rss>", b"<item>", b"<html>", b"<p>",
     b"\x00", b"\xff", b"\xef\xbb\xbf", b"word ", b"The minister said ", b"\r\n", b"&amp;"]
)  # fmt: skip
CONTENT = st.one_of(st.binary(max_size=2000), st.lists(PIECES, max_size=60).map(b"".join))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=CONTENT, extension=st.sampled_from(EXTENSIONS))
def test_read_inputs_never_raises_on_files(data: bytes, extension: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"input{extension}"
        path.write_bytes(data)
        items = list(read_inputs([str(path), folder]))
    assert items
    assert all(isinstance(item, Article | Rejection) for item in items)
    for item in items:
        if isinstance(item, Rejection):
            assert item.code.startswith("E") and item.reason and item.origin


@settings(max_examples=100, deadline=None)
@given(data=CONTENT)
def test_read_inputs_never_raises_on_stdin(data: bytes) -> None:
    items = list(read_inputs(["-"], stdin=io.BytesIO(data)))
    assert all(isinstance(item, Article | Rejection) for item in items)


@settings(max_examples=100, deadline=None)
@given(text=st.text(max_size=300))
def test_reingesting_article_text_is_idempotent(text: str) -> None:
    padded = "The minister said that the talks would continue next week. " + text
    (first,) = read_inputs(["-"], stdin=io.StringIO(padded))
    if isinstance(first, Article):
        (second,) = read_inputs(["-"], stdin=io.StringIO(first.text))
        assert isinstance(second, Article)
        assert second.text == first.text
        assert second.id == first.id
