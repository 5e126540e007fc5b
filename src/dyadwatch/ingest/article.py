"""Text plus metadata to an `Article`, or a `Rejection` saying why not.

Every reader ends here, so the checks (empty, too long, too short, not English) and the
metadata rules (input first, then command-line defaults; id = given id or content hash) hold
for every format.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import Any

from dyadwatch.errors import Codes
from dyadwatch.ingest.dates import parse_published
from dyadwatch.ingest.decode import normalise_text
from dyadwatch.ingest.language import detect_language
from dyadwatch.ingest.reject import Reject
from dyadwatch.records import Article, Rejection
from dyadwatch.settings import Settings

META_TEXT_FIELDS = ("title", "source", "url")


@dataclass(frozen=True)
class Defaults:
    """Metadata given on the command line, applied where the input has none."""

    published: dt.date | None = None
    source: str | None = None
    title: str | None = None
    url: str | None = None


@dataclass(frozen=True)
class Meta:
    """Metadata found in the input itself; None where the input has none."""

    id: str | None = None
    title: str | None = None
    source: str | None = None
    url: str | None = None
    published: dt.date | None = None
    language: str | None = None


def meta_from_mapping(record: Mapping[str, Any]) -> Meta:
    """Metadata from a JSON object (`.meta.json` or a JSONL record); unknown keys are ignored.

    A string field of the wrong type raises Reject(E009); an unreadable `published` value keeps
    the article with published=None, as a missing date would.
    """
    fields: dict[str, Any] = {}
    for key in ("id", *META_TEXT_FIELDS, "language"):
        value = record.get(key)
        if key == "id" and isinstance(value, int) and not isinstance(value, bool):
            value = str(value)
        if value is not None and not isinstance(value, str):
            raise Reject(Codes.E009, f"metadata field {key!r} must be a string, not {_kind(value)}")
        fields[key] = (value.strip() or None) if isinstance(value, str) else None
    return Meta(published=parse_published(record.get("published")), **fields)


def build_article(
    text: str, meta: Meta, *, origin: str, defaults: Defaults, settings: Settings
) -> Article | Rejection:
    """Normalise the text, check it, and merge input metadata over the defaults."""
    text = normalise_text(text)
    if not text.strip():
        return Rejection(origin, Codes.E001, "empty text (nothing but whitespace)")
    if len(text) > settings.max_article_chars:
        return Rejection(origin, Codes.E004, _too_long(len(text), settings))
    words = len(text.split())
    if words < settings.min_article_words:
        return Rejection(
            origin,
            Codes.E010,
            f"too short to code: {words} words, fewer than min_article_words="
            f"{settings.min_article_words}",
        )
    if meta.language:
        language = meta.language.lower().replace("_", "-").split("-")[0]
        if language != "en":
            return Rejection(
                origin, Codes.E003, f"not English: metadata declares {meta.language!r}"
            )
    else:
        guess = detect_language(text)
        if not guess.english:
            return Rejection(origin, Codes.E003, f"not English: {guess.describe()}")
        language = guess.language
    article = Article(
        id=meta.id or "",
        text=text,
        title=meta.title or defaults.title,
        source=meta.source or defaults.source,
        url=meta.url or defaults.url,
        published=meta.published or defaults.published,
        language=language,
        origin=origin,
    )
    return article if article.id else replace(article, id=article.content_hash)


def _too_long(chars: int, settings: Settings) -> str:
    return f"text of {chars:,} characters exceeds max_article_chars={settings.max_article_chars:,}"


def _kind(value: object) -> str:
    return {dict: "an object", list: "an array", bool: "a boolean"}.get(
        type(value), type(value).__name__
    )
