"""Plain text files and stdin, with metadata from a sibling NAME.meta.json."""

from __future__ import annotations

import json
from pathlib import Path
from typing import BinaryIO

from dyadwatch.errors import Codes
from dyadwatch.ingest.article import Defaults, Meta, build_article, meta_from_mapping
from dyadwatch.ingest.decode import decode_bytes
from dyadwatch.ingest.reject import Reject
from dyadwatch.records import Article, Rejection
from dyadwatch.settings import Settings

# UTF-8 needs at most 4 bytes a character (plus a 3-byte BOM): a plain-text input larger than
# this cannot fit max_article_chars and is rejected before it is read whole.
TEXT_BYTES_PER_CHAR = 4
MAX_META_BYTES = 1024 * 1024
META_SUFFIX = ".meta.json"


def read_text(
    stream: BinaryIO, *, origin: str, meta_path: Path | None, defaults: Defaults, settings: Settings
) -> Article | Rejection:
    """One article from a plain-text stream, read only up to the size any article can have."""
    cap = TEXT_BYTES_PER_CHAR * settings.max_article_chars + 3
    data = stream.read(cap + 1)
    if len(data) > cap:
        reason = f"input larger than {cap:,} bytes cannot fit max_article_chars"
        return Rejection(origin, Codes.E004, f"{reason}={settings.max_article_chars:,}")
    try:
        meta = read_meta(meta_path) if meta_path else Meta()
        text = decode_bytes(data)
    except Reject as reject:
        return reject.at(origin)
    return build_article(text, meta, origin=origin, defaults=defaults, settings=settings)


def read_meta(path: Path) -> Meta:
    """Metadata from a sibling NAME.meta.json; Meta() when there is none."""
    try:
        with path.open("rb") as stream:
            data = stream.read(MAX_META_BYTES + 1)
    except FileNotFoundError:
        return Meta()
    except OSError as exc:
        raise Reject(Codes.E009, f"cannot read {path.name}: {exc.strerror or exc}") from exc
    if len(data) > MAX_META_BYTES:
        raise Reject(Codes.E009, f"{path.name} is larger than {MAX_META_BYTES:,} bytes")
    try:
        record = json.loads(decode_bytes(data))
    except (ValueError, RecursionError) as exc:
        raise Reject(Codes.E009, f"{path.name} is not valid JSON: {exc}") from exc
    except Reject as reject:
        raise Reject(Codes.E009, f"{path.name}: {reject.reason}") from reject
    if not isinstance(record, dict):
        raise Reject(Codes.E009, f"{path.name} must hold a JSON object")
    try:
        return meta_from_mapping(record)
    except Reject as reject:
        raise Reject(Codes.E009, f"{path.name}: {reject.reason}") from reject
