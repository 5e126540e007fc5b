"""Which reader an input needs: by file extension, else by its first bytes."""

from __future__ import annotations

import enum
import json
import re
from pathlib import PurePath

from dyadwatch.ingest.decode import bom_encoding, looks_binary

# Enough bytes to see a feed's root element past an XML declaration, comments and a doctype.
SNIFF_BYTES = 64 * 1024


class Format(enum.Enum):
    TEXT = "text"
    JSONL = "jsonl"
    HTML = "html"
    FEED = "feed"
    BINARY = "binary"
    JSON = "json"  # a JSON document that is not JSON Lines: not supported


EXTENSIONS = {
    ".txt": Format.TEXT,
    ".jsonl": Format.JSONL,
    ".ndjson": Format.JSONL,
    ".html": Format.HTML,
    ".htm": Format.HTML,
    ".xhtml": Format.HTML,
    ".xml": Format.FEED,
    ".rss": Format.FEED,
    ".atom": Format.FEED,
}
CONTENT_TYPES = {
    "text/html": Format.HTML,
    "application/xhtml+xml": Format.HTML,
    "application/rss+xml": Format.FEED,
    "application/atom+xml": Format.FEED,
    "application/rdf+xml": Format.FEED,
    "application/xml": Format.FEED,
    "text/xml": Format.FEED,
    "application/x-ndjson": Format.JSONL,
    "application/jsonl": Format.JSONL,
    "text/plain": Format.TEXT,
}

_FEED_ROOT = re.compile(rb"<(?:[\w-]+:)?(?:rss|feed|RDF)[\s>]")
_HTML_START = re.compile(
    rb"<(?:!doctype\s+html|html|head|body|meta|title|article|div|p|h[1-6]|table|span)[\s>/]",
    re.IGNORECASE,
)
# JSON Lines with a malformed first record still has objects starting lines further down.
_OBJECT_LINE = re.compile(rb"^\{", re.MULTILINE)
# A JSON document ({"a": ..., [{...}]); "[Reuters] Putin said" is text.
_JSON_START = re.compile(rb'^[\[{]\s*["{\[]')
_XML_START = re.compile(rb"^\s*(?:<\?xml|<!--|<!doctype)", re.IGNORECASE)


def format_of_path(path: PurePath) -> Format | None:
    """The format a file name announces, or None when its content must decide."""
    return EXTENSIONS.get(path.suffix.lower())


def format_of_content_type(content_type: str) -> Format | None:
    """The format an HTTP Content-Type announces, or None when the content must decide."""
    return CONTENT_TYPES.get(content_type.split(";")[0].strip().lower())


def sniff(prefix: bytes) -> Format:
    """Guess the format from the first bytes of an input (at most SNIFF_BYTES are read)."""
    if looks_binary(prefix):
        return Format.BINARY
    encoding = bom_encoding(prefix)
    if encoding in ("utf-16", "utf-32"):
        prefix = prefix.decode(encoding, errors="ignore").encode("utf-8")
    head = prefix.lstrip(b"\xef\xbb\xbf \t\r\n")
    if head.startswith(b"<"):
        if _FEED_ROOT.search(head[:4096]):
            return Format.FEED
        if _HTML_START.search(head[:4096]) or not _XML_START.match(head):
            return Format.HTML
        return Format.FEED
    if _first_line_is_object(head) or (
        head.startswith(b"{") and len(_OBJECT_LINE.findall(head)) >= 2
    ):
        return Format.JSONL
    if _JSON_START.match(head):
        return Format.JSON
    return Format.TEXT


def _first_line_is_object(head: bytes) -> bool:
    line, newline, _ = head.partition(b"\n")
    if not newline and len(head) >= SNIFF_BYTES:
        # One line longer than the sniffed prefix: a long JSON Lines record, checked per line.
        return head.startswith(b'{"')
    try:
        return isinstance(json.loads(line), dict)
    except ValueError:  # JSONDecodeError and UnicodeDecodeError
        return False
