"""RSS and Atom feeds (feedparser): one article per entry.

An entry's origin is `FEED#N` (N counts entries from 1). A feed that feedparser flags as
malformed ("bozo") yields the entries it could read and one E007 rejection for the feed.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Iterator
from typing import Any

from dyadwatch.errors import Codes
from dyadwatch.ingest.article import Defaults, Meta, build_article
from dyadwatch.ingest.dates import parse_published
from dyadwatch.ingest.decode import looks_binary
from dyadwatch.ingest.html import fragment_text
from dyadwatch.records import Article, Rejection
from dyadwatch.settings import Settings


def read_feed(
    data: bytes, *, origin: str, defaults: Defaults, settings: Settings
) -> Iterator[Article | Rejection]:
    """Articles from the entries of an RSS 2.0, RSS 1.0 (RDF) or Atom feed."""
    if looks_binary(data):
        yield Rejection(origin, Codes.E002, "binary content (NUL or control bytes), not a feed")
        return
    import feedparser

    # A stream, never bytes or str: feedparser treats a string as a URL or file name to open.
    parsed = feedparser.parse(io.BytesIO(data), resolve_relative_uris=False, sanitize_html=True)
    if not parsed.get("version"):
        reason = "not a recognised RSS or Atom document"
        exception = parsed.get("bozo_exception")
        yield Rejection(origin, Codes.E007, f"{reason}: {exception}" if exception else reason)
        return
    feed_title = _text(parsed.feed.get("title"))
    for number, entry in enumerate(parsed.entries, start=1):
        yield _entry_article(
            entry,
            origin=f"{origin}#{number}",
            feed_title=feed_title,
            defaults=defaults,
            settings=settings,
        )
    problem = _problem(parsed)
    if problem:
        yield Rejection(origin, Codes.E007, problem)


def _problem(parsed: Any) -> str | None:
    import feedparser

    exception = parsed.get("bozo_exception")
    benign = isinstance(exception, feedparser.CharacterEncodingOverride)
    if parsed.get("bozo") and not benign:
        read = f"{len(parsed.entries)} entries read" if parsed.entries else "no entries read"
        return f"malformed feed ({read}): {exception}"
    if not parsed.entries:
        return f"feed without entries ({parsed.version})"
    return None


def _entry_article(
    entry: Any, *, origin: str, feed_title: str | None, defaults: Defaults, settings: Settings
) -> Article | Rejection:
    contents = [c.get("value", "") for c in entry.get("content") or () if c.get("value")]
    body = max(contents, key=len) if contents else entry.get("summary") or ""
    source = entry.get("source") or {}
    meta = Meta(
        title=_text(entry.get("title")),
        source=_text(source.get("title")) or feed_title,
        url=_text(entry.get("link")),
        published=_published(entry),
    )
    return build_article(
        fragment_text(body), meta, origin=origin, defaults=defaults, settings=settings
    )


def _published(entry: Any) -> dt.date | None:
    """The date as written in the feed; feedparser's parsed dates are shifted to UTC."""
    for key in ("published", "updated"):
        # dict.get: FeedParserDict.get maps a missing "updated" to "published", with a warning.
        raw, parsed = dict.get(entry, key), dict.get(entry, f"{key}_parsed")
        date = parse_published(raw) or parse_published(parsed)
        if date:
            return date
    return None


def _text(value: object) -> str | None:
    """Feed titles may carry markup or entities ("AT&amp;T"): plain text, or None if empty."""
    return (fragment_text(value) or None) if isinstance(value, str) else None
