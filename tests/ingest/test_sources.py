"""Folders, stdin and content sniffing: every input becomes records, in a deterministic order."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from dyadwatch.ingest import read_inputs
from dyadwatch.ingest.sniff import Format, sniff
from dyadwatch.records import Article, Rejection

INGEST = Path(__file__).parents[1] / "data" / "ingest"
STORY = "The mayor of the port city announced on Monday that the new bridge would open in May."
HTML = f"<!DOCTYPE html><html><body><article><p>{STORY}</p></article></body></html>"
RSS = (
    '<?xml version="1.0"?><rss version="2.0"><channel><title>Feed</title>'
    f"<item><title>Bridge</title><description>{STORY}</description></item></channel></rss>"
)
JSONL = json.dumps({"id": "j1", "text": STORY}) + "\n"


def kinds(items: list[Article | Rejection], root: Path) -> list[tuple[str, str]]:
    """(origin relative to root, article title or id / rejection code)."""
    out = []
    for item in items:
        origin = str(Path(item.origin or "").relative_to(root))
        out.append((origin, item.code if isinstance(item, Rejection) else "article"))
    return out


def test_folder_recursion_sorted_skipping_hidden_and_meta(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "a" / "deeper").mkdir(parents=True)
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "story.txt").write_text(STORY)
    (tmp_path / ".hidden.txt").write_text(STORY)
    (tmp_path / "z.txt").write_text(STORY)
    (tmp_path / "z.meta.json").write_text('{"id": "zed"}')
    (tmp_path / "b" / "page.html").write_text(HTML)
    (tmp_path / "a" / "deeper" / "feed.rss").write_text(RSS)
    (tmp_path / "a" / "records.jsonl").write_text(JSONL)
    (tmp_path / "a" / "noext").write_text(STORY)
    (tmp_path / "a" / "image.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00")
    (tmp_path / "a" / "doc.json").write_text(json.dumps({"text": STORY}, indent=2))
    items = list(read_inputs([str(tmp_path)]))
    assert kinds(items, tmp_path) == [
        ("a/deeper/feed.rss#1", "article"),
        ("a/doc.json", "E008"),  # a JSON document, not JSON Lines
        ("a/image.png", "E008"),  # binary, unsupported
        ("a/noext", "article"),  # sniffed as text
        ("a/records.jsonl:1", "article"),
        ("b/page.html", "article"),
        ("z.txt", "article"),
    ]
    assert items[-1].id == "zed"  # type: ignore[union-attr]
    assert list(read_inputs([str(tmp_path)])) == items  # deterministic


def test_fixture_folder_is_read_whole() -> None:
    items = list(read_inputs([str(INGEST)]))
    articles = [item for item in items if isinstance(item, Article)]
    assert len(articles) == 11
    assert not any(item.origin and item.origin.endswith(".meta.json") for item in items)


def test_missing_path_is_e008_and_batch_goes_on(tmp_path: Path) -> None:
    (tmp_path / "ok.txt").write_text(STORY)
    items = list(read_inputs([str(tmp_path / "missing.txt"), str(tmp_path / "ok.txt")]))
    assert [(type(item).__name__, getattr(item, "code", None)) for item in items] == [
        ("Rejection", "E008"),
        ("Article", None),
    ]
    assert items[0].reason == "no such file or directory"  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("content", "origin", "result"),
    [
        (STORY, "<stdin>", "article"),
        (HTML, "<stdin>", "article"),
        (RSS, "<stdin>#1", "article"),
        (JSONL, "<stdin>:1", "article"),
        ("", "<stdin>", "E001"),
        ("Fünf Männer wurden am Montag in der Hauptstadt festgenommen, teilte die Polizei mit.",
         "<stdin>", "E003"),
        ('{\n  "text": "pretty printed"\n}', "<stdin>", "E008"),
    ],
)  # fmt: skip
def test_stdin_is_sniffed(content: str, origin: str, result: str) -> None:
    for stream in (io.StringIO(content), io.BytesIO(content.encode())):
        (item,) = read_inputs(["-"], stdin=stream)
        code = item.code if isinstance(item, Rejection) else "article"
        assert (item.origin, code) == (origin, result)


def test_binary_stdin_is_e002() -> None:
    (item,) = read_inputs(["-"], stdin=io.BytesIO(b"\x7fELF\x02\x01\x01\x00\x00\x00\x00\x00"))
    assert isinstance(item, Rejection) and item.code == "E002"


def test_stdin_text_metadata_comes_from_defaults() -> None:
    from dyadwatch.ingest import Defaults

    defaults = Defaults(title="From the CLI", source="cli", url="https://example.org/x")
    (item,) = read_inputs(["-"], stdin=io.StringIO(STORY), defaults=defaults)
    assert isinstance(item, Article)
    assert (item.title, item.source, item.url, item.origin) == (
        "From the CLI",
        "cli",
        "https://example.org/x",
        "<stdin>",
    )


@pytest.mark.parametrize(
    ("prefix", "form"),
    [
        (b"Plain words in a sentence.", Format.TEXT),
        (b"[Reuters] Plain words in a sentence.", Format.TEXT),
        (b"<Reuters> says hello", Format.HTML),
        (b"\xef\xbb\xbf<!doctype html><html>", Format.HTML),
        (b"<div>fragment</div>", Format.HTML),
        (b'<?xml version="1.0"?>\n<rss version="2.0">', Format.FEED),
        (b'<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom">', Format.FEED),
        (b'<?xml version="1.0"?><rdf:RDF xmlns:rdf="x">', Format.FEED),
        (b'{"text": "a"}\n{"text": "b"}', Format.JSONL),
        (b'{"text": broken}\n{"text": "b"}\n', Format.JSONL),
        (b'{\n  "text": "a"\n}', Format.JSON),
        (b'[{"text": "a"}]', Format.JSON),
        (b"\x00\x01\x02\x03", Format.BINARY),
        (b"", Format.TEXT),
    ],
)
def test_sniff(prefix: bytes, form: Format) -> None:
    assert sniff(prefix) is form
