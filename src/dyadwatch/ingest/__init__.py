"""Ingest: files, folders, stdin and URLs to `Article` or `Rejection` records.

Formats: `.txt` (metadata from a sibling NAME.meta.json), `.jsonl`, `.html`/`.htm`, RSS/Atom
feeds (`.xml`, `.rss`, `.atom`); other names are sniffed by content. A bad input is a
`Rejection` with a stable code (errors.Codes), never an exception.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import BinaryIO, TextIO

from dyadwatch.ingest.article import Defaults
from dyadwatch.ingest.sources import read_path, read_stdin, read_url
from dyadwatch.ingest.url import is_url
from dyadwatch.records import Article, Rejection
from dyadwatch.settings import Settings, get_settings

__all__ = ["Defaults", "read_inputs"]


def read_inputs(
    inputs: Iterable[str],
    *,
    defaults: Defaults = Defaults(),  # noqa: B008 - frozen dataclass, an immutable default
    settings: Settings | None = None,
    stdin: TextIO | BinaryIO | None = None,
) -> Iterator[Article | Rejection]:
    """Articles and rejections from each input in order, read lazily.

    An input is a file path, a folder (recursive, sorted), `-` for stdin or an http(s) URL.
    """
    settings = settings or get_settings()
    for item in inputs:
        if item == "-":
            yield from read_stdin(stdin or sys.stdin, defaults=defaults, settings=settings)
        elif is_url(item):
            yield from read_url(item, defaults=defaults, settings=settings)
        else:
            yield from read_path(Path(item), defaults=defaults, settings=settings)
