"""HTML pages: trafilatura text and metadata; textless or broken pages are E006."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from dyadwatch.ingest import Defaults, read_inputs
from dyadwatch.ingest.html import fragment_text
from dyadwatch.records import Article, Rejection

INGEST = Path(__file__).parents[1] / "data" / "ingest"


def test_statement_page() -> None:
    (article,) = read_inputs([str(INGEST / "statement.html")])
    assert isinstance(article, Article)
    assert article.title == "Minister condemns attack on convoy"
    assert article.source == "Example Times"
    assert article.url == "https://times.example.com/world/convoy"
    assert article.published == dt.date(2024, 2, 14)
    assert "condemned on Wednesday an attack on an aid convoy" in article.text
    assert "“We will not accept attacks on humanitarian workers,”" in article.text
    for boilerplate in ("tracking", "Copyright", "color: black", "Home"):
        assert boilerplate not in article.text


@pytest.mark.parametrize(
    ("markup", "code"),
    [
        (b"", "E001"),  # an empty .html file is an empty text
        (b"<html><head><title>x</title></head><body></body></html>", "E006"),
        (b"<html><body><script>var a = 1;</script></body></html>", "E006"),
        (b"<<<>>><</>", "E006"),
        (b"<html><body><p>Only three words.</p></body></html>", "E010"),
        (b"\x00\x00\x00\x01binary junk with an .html name", "E002"),
    ],
)
def test_bad_pages(tmp_path: Path, markup: bytes, code: str) -> None:
    path = tmp_path / "page.html"
    path.write_bytes(markup)
    (item,) = read_inputs([str(path)])
    assert isinstance(item, Rejection)
    assert item.code == code, item


def test_textless_fixture_is_e006() -> None:
    (item,) = read_inputs([str(INGEST / "textless.html")])
    assert isinstance(item, Rejection) and item.code == "E006"


def test_page_without_metadata_takes_defaults(tmp_path: Path) -> None:
    path = tmp_path / "bare.htm"
    path.write_text(
        "<html><body><p>The governor ordered an evacuation of the valley after heavy rain "
        "flooded several villages overnight.</p></body></html>"
    )
    defaults = Defaults(published=dt.date(2024, 7, 1), source="cli", title="cli title")
    (article,) = read_inputs([str(path)], defaults=defaults)
    assert isinstance(article, Article)
    assert (article.published, article.source, article.title) == (
        dt.date(2024, 7, 1),
        "cli",
        "cli title",
    )


@pytest.mark.parametrize(
    ("fragment", "text"),
    [
        ("<p>One <b>bold</b> word</p><p>Two&nbsp;paras</p>", "One bold word\nTwo paras"),
        ("Line<br>break<br/>again", "Line\nbreak\nagain"),
        ("<ul><li>first</li><li>second</li></ul>", "first\nsecond"),
        ("<script>alert(1)</script><p>kept</p><style>p{}</style>", "kept"),
        ("AT&amp;T and &quot;quotes&quot;", 'AT&T and "quotes"'),
        ("", ""),
        ("<", "<"),
    ],
)
def test_fragment_text(fragment: str, text: str) -> None:
    assert fragment_text(fragment) == text
