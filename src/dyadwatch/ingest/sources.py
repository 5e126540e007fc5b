"""Where inputs come from: files, folders, stdin and URLs, each dispatched to a format reader."""

from __future__ import annotations

import io
import os
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO, TextIO, cast

from dyadwatch.errors import Codes
from dyadwatch.ingest.article import Defaults
from dyadwatch.ingest.feed import read_feed
from dyadwatch.ingest.html import read_html
from dyadwatch.ingest.jsonl import read_jsonl
from dyadwatch.ingest.reject import Reject
from dyadwatch.ingest.sniff import (
    SNIFF_BYTES,
    Format,
    format_of_content_type,
    format_of_path,
    sniff,
)
from dyadwatch.ingest.streams import binary, prefixed
from dyadwatch.ingest.text import META_SUFFIX, read_text
from dyadwatch.ingest.url import fetch
from dyadwatch.records import Article, Rejection
from dyadwatch.settings import Settings

Item = Article | Rejection

# Markup (HTML pages, feeds) is bulkier than its text: news pages measure 5-20 bytes of HTML
# per character of extracted text, so 20x the article cap (20 MB by default) bounds one page.
MARKUP_BYTES_PER_CHAR = 20
STDIN = "<stdin>"


def read_path(path: Path, *, defaults: Defaults, settings: Settings) -> Iterator[Item]:
    """A file, or every file under a folder (recursive, sorted, hidden and metadata skipped)."""
    if path.is_dir():
        for file in _walk(path):
            if isinstance(file, Rejection):
                yield file
            else:
                yield from read_file(file, defaults=defaults, settings=settings)
    elif path.exists():
        yield from read_file(path, defaults=defaults, settings=settings)
    else:
        yield Rejection(str(path), Codes.E008, "no such file or directory")


def read_file(path: Path, *, defaults: Defaults, settings: Settings) -> Iterator[Item]:
    """One file, by its extension or, failing that, by its content."""
    origin = str(path)
    try:
        with path.open("rb") as stream:
            yield from read_stream(
                stream,
                origin=origin,
                form=format_of_path(path),
                meta_path=_meta_path(path),
                defaults=defaults,
                settings=settings,
            )
    except OSError as exc:
        yield Rejection(origin, Codes.E008, f"cannot read file: {exc.strerror or exc}")


def read_stdin(
    stream: TextIO | BinaryIO, *, defaults: Defaults, settings: Settings
) -> Iterator[Item]:
    """Standard input, sniffed; JSON Lines on stdin is streamed like a file."""
    try:
        yield from read_stream(
            binary(stream),
            origin=STDIN,
            form=None,
            defaults=defaults,
            settings=settings,
            binary_code=Codes.E002,
        )
    except (OSError, ValueError) as exc:  # closed or unreadable stdin
        yield Rejection(STDIN, Codes.E008, f"cannot read standard input: {exc}")


def read_url(url: str, *, defaults: Defaults, settings: Settings) -> Iterator[Item]:
    """A fetched page or feed; the content decides over a Content-Type that says HTML or text."""
    try:
        fetched = fetch(url, settings=settings, max_bytes=markup_cap(settings))
    except Reject as reject:
        yield reject.at(url)
        return
    sniffed = sniff(fetched.data[:SNIFF_BYTES])
    declared = format_of_content_type(fetched.content_type)
    form = sniffed if sniffed in (Format.FEED, Format.BINARY) else declared or sniffed
    if form is Format.HTML:
        yield read_html(
            fetched.data, origin=url, defaults=defaults, settings=settings, url=fetched.url
        )
        return
    text_defaults = Defaults(defaults.published, defaults.source, defaults.title, fetched.url)
    stream = cast(BinaryIO, io.BytesIO(fetched.data))
    yield from read_stream(stream, origin=url, form=form, defaults=text_defaults, settings=settings)


def read_stream(
    stream: BinaryIO,
    *,
    origin: str,
    form: Format | None,
    defaults: Defaults,
    settings: Settings,
    meta_path: Path | None = None,
    binary_code: str = Codes.E008,
) -> Iterator[Item]:
    """Dispatch one binary stream to its reader; `form` None means sniff the first bytes.

    `binary_code` is the code for binary content: E008 (unsupported type) for a file or URL
    whose name or Content-Type did not promise text, E002 for stdin.
    """
    if form is None:
        prefix = stream.read(SNIFF_BYTES)
        form = sniff(prefix)
        stream = prefixed(prefix, stream)
    if form is Format.BINARY:
        yield Rejection(origin, binary_code, "unsupported type: binary content, not text")
    elif form is Format.JSON:
        yield Rejection(origin, Codes.E008, "a JSON document, not JSON Lines (one object per line)")
    elif form is Format.JSONL:
        yield from read_jsonl(stream, origin=origin, defaults=defaults, settings=settings)
    elif form is Format.TEXT:
        yield read_text(
            stream, origin=origin, meta_path=meta_path, defaults=defaults, settings=settings
        )
    else:
        data = stream.read(markup_cap(settings) + 1)
        if len(data) > markup_cap(settings):
            yield Rejection(origin, Codes.E004, over_cap(markup_cap(settings), settings))
        elif form is Format.HTML:
            yield read_html(data, origin=origin, defaults=defaults, settings=settings)
        else:
            yield from read_feed(data, origin=origin, defaults=defaults, settings=settings)


def _walk(folder: Path) -> Iterator[Path | Rejection]:
    """Files under `folder` sorted by path, leaving out hidden names and *.meta.json.

    Folders and files are interleaved by name (a/b/x before a/c), so the order is the sorted
    order of the paths; symbolic links to folders are not followed (no cycles).
    """
    try:
        entries = sorted(os.scandir(folder), key=lambda entry: entry.name)
    except OSError as exc:
        yield Rejection(str(folder), Codes.E008, f"cannot list folder: {exc.strerror or exc}")
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        if entry.is_dir(follow_symlinks=False):
            yield from _walk(Path(entry.path))
        elif not entry.name.endswith(META_SUFFIX):
            yield Path(entry.path)


def _meta_path(path: Path) -> Path | None:
    if format_of_path(path) not in (Format.TEXT, None) or path.name.endswith(META_SUFFIX):
        return None
    return path.with_name(path.name.removesuffix(path.suffix) + META_SUFFIX)


def markup_cap(settings: Settings) -> int:
    return MARKUP_BYTES_PER_CHAR * settings.max_article_chars


def over_cap(cap: int, settings: Settings) -> str:
    return (
        f"input larger than {cap:,} bytes cannot fit "
        f"max_article_chars={settings.max_article_chars:,}"
    )
