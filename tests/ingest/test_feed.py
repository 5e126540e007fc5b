"""RSS and Atom feeds: one article per entry; a broken or empty feed adds an E007."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from dyadwatch.ingest import read_inputs
from dyadwatch.records import Article, Rejection

INGEST = Path(__file__).parents[1] / "data" / "ingest"


def fields(item: Article | Rejection) -> tuple[object, ...]:
    if isinstance(item, Rejection):
        return (item.origin.rsplit("/", 1)[-1], item.code)
    return (
        item.origin.rsplit("/", 1)[-1] if item.origin else None,
        item.title,
        item.source,
        item.url,
        item.published,
    )


def test_rss2_entries() -> None:
    items = list(read_inputs([str(INGEST / "wire.rss")]))
    assert [fields(item) for item in items] == [
        (
            "wire.rss#1",
            "Ministers agree to reopen border crossing",
            "Example Wire & Co",
            "https://news.example.org/2024/03/border",
            dt.date(2024, 3, 5),
        ),
        (
            "wire.rss#2",
            "Parliament debates fishing quotas",
            "Example Wire & Co",
            "https://news.example.org/2024/03/fish",
            dt.date(2024, 3, 6),
        ),
        ("wire.rss#3", "Undated note", "Example Wire & Co", None, None),  # bad date kept
    ]
    first = items[0]
    assert isinstance(first, Article)
    # content:encoded wins over the teaser, and its markup is stripped into lines
    assert first.text == (
        "The foreign ministers of Arland and Belmark agreed on Tuesday to reopen the northern "
        "border crossing.\nOfficials said trucks would resume crossing next week."
    )


def test_atom_entries() -> None:
    items = list(read_inputs([str(INGEST / "agency.atom")]))
    assert [fields(item) for item in items] == [
        (
            "agency.atom#1",
            "Envoy visits the capital",
            "Agency Bulletin",
            "https://agency.example.net/envoy",
            dt.date(2024, 4, 1),  # published wins over updated
        ),
        (
            "agency.atom#2",
            "Regional leaders meet",
            "Agency Bulletin",
            "https://agency.example.net/summit",
            dt.date(2024, 4, 2),  # no published: updated
        ),
    ]


def test_truncated_feed_keeps_entries_and_adds_e007() -> None:
    items = list(read_inputs([str(INGEST / "truncated.rss")]))
    assert [fields(item)[0:2] for item in items] == [
        ("truncated.rss#1", "Talks resume in the port city"),
        ("truncated.rss#2", "E001"),  # the cut-off entry has no text
        ("truncated.rss", "E007"),
    ]
    assert "malformed feed (2 entries read)" in items[-1].reason  # type: ignore[union-attr]


def test_empty_feed_is_e007() -> None:
    (item,) = read_inputs([str(INGEST / "empty-feed.xml")])
    assert isinstance(item, Rejection)
    assert (item.code, item.reason) == ("E007", "feed without entries (rss20)")


def test_xml_that_is_not_a_feed(tmp_path: Path) -> None:
    path = tmp_path / "config.xml"
    path.write_text('<?xml version="1.0"?><config><item>value</item></config>')
    (item,) = read_inputs([str(path)])
    assert isinstance(item, Rejection) and item.code == "E007"


def test_garbage_with_feed_extension(tmp_path: Path) -> None:
    path = tmp_path / "junk.rss"
    path.write_text("this is not xml at all, just words in a file")
    (item,) = read_inputs([str(path)])
    assert isinstance(item, Rejection) and item.code == "E007"
