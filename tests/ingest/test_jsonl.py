"""JSON Lines: one article per good line; each bad line a Rejection at FILE:LINENO."""

from __future__ import annotations

import datetime as dt
import io
import json
from pathlib import Path

from dyadwatch.ingest import read_inputs
from dyadwatch.records import Article, Rejection
from dyadwatch.settings import get_settings

RECORDS = Path(__file__).parents[1] / "data" / "ingest" / "records.jsonl"
SENTENCE = "The delegation from the northern province arrived for talks on water rights."


def summary(item: Article | Rejection) -> tuple[str, str]:
    """(origin suffix, article id or rejection code)."""
    suffix = item.origin.rsplit(":", 1)[-1] if item.origin else ""
    return suffix, item.id if isinstance(item, Article) else item.code


def test_records_fixture_line_by_line() -> None:
    items = list(read_inputs([str(RECORDS)]))
    assert [summary(item) for item in items] == [
        ("1", "rec-1"),
        ("2", items[1].id if isinstance(items[1], Article) else "?"),  # no id: content hash
        # line 3 is blank and skipped
        ("4", "E005"),  # no text
        ("5", "E005"),  # truncated JSON
        ("6", "E005"),  # an array, not an object
        ("7", "E001"),  # empty text
        ("8", "E010"),  # too short
        ("9", "E005"),  # text is a number
        ("10", "E009"),  # id is a list
        ("11", "9"),  # numeric id kept as a string; invalid date dropped
    ]
    first, second, last = items[0], items[1], items[-1]
    assert isinstance(first, Article) and isinstance(second, Article) and isinstance(last, Article)
    assert (first.title, first.source, first.published) == (
        "Trade deal",
        "Example Wire",
        dt.date(2024, 5, 6),
    )
    assert first.origin == f"{RECORDS}:1"
    assert second.id.startswith("sha256:") and second.published is None
    assert last.published is None
    reasons = {item.origin: item.reason for item in items if isinstance(item, Rejection)}
    assert reasons[f"{RECORDS}:4"] == "record has no 'text' field"
    assert reasons[f"{RECORDS}:5"].startswith("malformed JSON:")


def test_overlong_line_is_skipped_and_the_file_goes_on(tmp_path: Path) -> None:
    path = tmp_path / "big.jsonl"
    long_line = json.dumps({"text": "word " * 400_000})  # 2 MB > cap for 100 chars
    good = json.dumps({"id": "after", "text": SENTENCE})
    path.write_text(long_line + "\n" + good + "\n")
    items = list(read_inputs([str(path)], settings=get_settings(max_article_chars=100)))
    assert [summary(item) for item in items] == [("1", "E004"), ("2", "after")]


def test_long_text_within_line_cap_is_e004(tmp_path: Path) -> None:
    path = tmp_path / "long.jsonl"
    path.write_text(json.dumps({"text": SENTENCE * 10}) + "\n")
    items = list(read_inputs([str(path)], settings=get_settings(max_article_chars=200)))
    assert [item.code for item in items if isinstance(item, Rejection)] == ["E004"]


def test_bom_crlf_and_cp1252_lines(tmp_path: Path) -> None:
    path = tmp_path / "mixed.jsonl"
    first = json.dumps({"id": "bom", "text": SENTENCE}).encode()
    second = json.dumps({"id": "cp", "text": "Café owners’ union " + SENTENCE}, ensure_ascii=False)
    path.write_bytes(b"\xef\xbb\xbf" + first + b"\r\n" + second.encode("cp1252") + b"\r\n")
    items = list(read_inputs([str(path)]))
    assert [summary(item) for item in items] == [("1", "bom"), ("2", "cp")]
    assert isinstance(items[1], Article) and items[1].text.startswith("Café owners’ union")


def test_deeply_nested_line_is_e005(tmp_path: Path) -> None:
    path = tmp_path / "deep.jsonl"
    path.write_text("[" * 100_000 + "]" * 100_000 + "\n")
    items = list(read_inputs([str(path)]))
    assert [summary(item) for item in items] == [("1", "E005")]


def test_jsonl_streams_lazily() -> None:
    """10,000 lines: the first article arrives after reading a small prefix of the input."""
    lines = (
        json.dumps({"id": f"n{number}", "text": f"{SENTENCE} Item {number}."}) + "\n"
        for number in range(10_000)
    )
    stream = io.BytesIO("".join(lines).encode())
    size = len(stream.getvalue())
    items = read_inputs(["-"], stdin=stream)
    first = next(items)
    assert isinstance(first, Article) and first.id == "n0"
    assert stream.tell() < 100_000 < size  # sniffed prefix plus one buffer, of ~1.1 MB
    assert 1 + sum(1 for _ in items) == 10_000


def test_empty_jsonl_file_is_e001(tmp_path: Path) -> None:
    path = tmp_path / "empty.jsonl"
    path.write_text("\n\n")
    (item,) = read_inputs([str(path)])
    assert isinstance(item, Rejection)
    assert (item.origin, item.code) == (str(path), "E001")


def test_jsonl_on_stdin() -> None:
    lines = json.dumps({"id": "s1", "text": SENTENCE}) + "\n{broken\n"
    items = list(read_inputs(["-"], stdin=io.BytesIO(lines.encode())))
    assert [(item.origin, summary(item)[1]) for item in items] == [
        ("<stdin>:1", "s1"),
        ("<stdin>:2", "E005"),
    ]
