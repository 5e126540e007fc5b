"""JSON Lines: one article per object with a `text` field, streamed line by line.

A bad line becomes a Rejection with origin `FILE:LINENO` and the rest of the file goes on.
Blank lines are skipped. Keys other than text, id, title, source, url, published and language
are ignored, so gold files can be read directly.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import BinaryIO

from dyadwatch.errors import Codes
from dyadwatch.ingest.article import Defaults, build_article, meta_from_mapping
from dyadwatch.ingest.decode import decode_bytes
from dyadwatch.ingest.reject import Reject
from dyadwatch.records import Article, Rejection
from dyadwatch.settings import Settings

# A line may hold the longest allowed text with every character escaped as \uXXXX (6 bytes),
# plus metadata and keys we ignore (gold annotations can be larger than the text).
JSON_BYTES_PER_CHAR = 6
EXTRA_LINE_BYTES = 1024 * 1024
# Over-long lines are skipped in chunks of this size, never held whole.
SKIP_CHUNK_BYTES = 1024 * 1024


def read_jsonl(
    stream: BinaryIO, *, origin: str, defaults: Defaults, settings: Settings
) -> Iterator[Article | Rejection]:
    """Articles and rejections from a binary JSON Lines stream, one line in memory at a time."""
    line_cap = JSON_BYTES_PER_CHAR * settings.max_article_chars + EXTRA_LINE_BYTES
    lineno = records = 0
    while True:
        line = stream.readline(line_cap + 1)
        if not line:
            if not records:
                yield Rejection(origin, Codes.E001, "no records: the JSON Lines input is empty")
            return
        lineno += 1
        where = f"{origin}:{lineno}"
        if len(line) > line_cap:
            size = len(line) + _skip_rest_of_line(stream)
            yield Rejection(
                where, Codes.E004, f"JSON line of {size:,} bytes exceeds the cap of {line_cap:,}"
            )
            continue
        if lineno == 1:
            line = line.removeprefix(b"\xef\xbb\xbf")
        if not line.strip():
            continue
        records += 1
        try:
            yield _record(line, where=where, defaults=defaults, settings=settings)
        except Reject as reject:
            yield reject.at(where)


def _record(
    line: bytes, *, where: str, defaults: Defaults, settings: Settings
) -> Article | Rejection:
    try:
        decoded = line.decode("utf-8")
    except UnicodeDecodeError:
        decoded = decode_bytes(line)  # JSON should be UTF-8; cp1252 files exist all the same
    record = _loads(decoded)
    if not isinstance(record, dict):
        raise Reject(Codes.E005, f"a JSON line must be an object, not {type(record).__name__}")
    text = record.get("text")
    if text is None:
        raise Reject(Codes.E005, "record has no 'text' field")
    if not isinstance(text, str):
        raise Reject(Codes.E005, f"record field 'text' must be a string, not {type(text).__name__}")
    meta = meta_from_mapping(record)
    return build_article(text, meta, origin=where, defaults=defaults, settings=settings)


def _loads(text: str) -> object:
    try:
        return json.loads(text)
    except ValueError as exc:
        raise Reject(Codes.E005, f"malformed JSON: {exc}") from exc
    except RecursionError as exc:
        raise Reject(Codes.E005, "malformed JSON: nested too deeply") from exc


def _skip_rest_of_line(stream: BinaryIO) -> int:
    skipped = 0
    while True:
        chunk = stream.readline(SKIP_CHUNK_BYTES)
        skipped += len(chunk)
        if not chunk or chunk.endswith(b"\n"):
            return skipped
