"""Read queries over stored quotes: who said what about whom, and when it was published.

Codes match as in `queries`: an actor whose `country` or whose `code` equals the code, so RUS
matches RUSGOV speakers of Russia and UNO the United Nations. A quote "mentions" an actor when a
mention of that actor lies inside the quote's content (`quote_mentions`, filled by the writer).
Dates are the article's publication date: quotes of undated articles are dropped by
`since`/`until`.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, exists, func, or_, select
from sqlalchemy.engine import Connection

from dyadwatch.store import schema
from dyadwatch.store.queries import has_code, id_chunks, substring


@dataclass(frozen=True)
class QuoteRow:
    """One stored quote with its speaker, the actors it mentions and its article."""

    quote_id: int
    text: str
    kind: str
    start: int
    end: int
    cue: str | None
    speaker: str | None
    speaker_name: str | None
    speaker_code: str | None
    speaker_country: str | None
    article_id: str
    article_title: str | None
    article_source: str | None
    article_url: str | None
    article_published: dt.date | None
    mentioned_names: tuple[str, ...] = ()
    mentioned_codes: tuple[str | None, ...] = ()
    mentioned_countries: tuple[str | None, ...] = ()


def select_quotes(
    conn: Connection,
    *,
    speaker_country: str | None = None,
    mentions: str | None = None,
    speaker: str | None = None,
    since: dt.date | None = None,
    until: dt.date | None = None,
    kinds: Sequence[str] = (),
    limit: int | None = None,
) -> list[QuoteRow]:
    """Quotes that pass every given filter, oldest article first (undated articles last).

    `speaker` matches, ignoring case, part of the speaker actor's name or of the speaker's words
    in the text ("Lavrov", "spokeswoman").
    """
    q, a = schema.quotes, schema.articles
    ac = schema.actors.alias("speaker_actors")  # `actors` itself is correlated by `_mentions`
    speaker_words = substring(a.c.text, q.c.speaker_start, q.c.speaker_end)
    cue_words = substring(a.c.text, q.c.cue_start, q.c.cue_end)
    stmt = (
        select(
            q.c.id,
            q.c.text,
            q.c.kind,
            q.c.start,
            q.c.end,
            cue_words.label("cue"),
            speaker_words.label("speaker"),
            ac.c.name.label("speaker_name"),
            ac.c.code.label("speaker_code"),
            ac.c.country.label("speaker_country"),
            a.c.article_id.label("article_ref"),
            a.c.title,
            a.c.source,
            a.c.url,
            a.c.published,
        )
        .join(a, a.c.id == q.c.article_id)
        .outerjoin(ac, ac.c.id == q.c.speaker_actor_id)
        .order_by(a.c.published.is_(None), a.c.published, a.c.id, q.c.position)
    )
    if speaker_country:
        stmt = stmt.where(has_code(ac, speaker_country))
    if mentions:
        stmt = stmt.where(_mentions(mentions))
    if speaker:
        pattern = f"%{speaker.lower()}%"
        stmt = stmt.where(
            or_(func.lower(ac.c.name).like(pattern), func.lower(speaker_words).like(pattern))
        )
    if since:
        stmt = stmt.where(a.c.published >= since)
    if until:
        stmt = stmt.where(a.c.published <= until)
    if kinds:
        stmt = stmt.where(q.c.kind.in_(kinds))
    if limit is not None:
        stmt = stmt.limit(limit)
    rows = conn.execute(stmt).mappings().all()
    mentioned = _mentioned_actors(conn, [row["id"] for row in rows])
    return [_quote_row(row, mentioned.get(row["id"], [])) for row in rows]


def _mentions(code: str) -> ColumnElement[bool]:
    """EXISTS an actor mentioned in the quote whose country or code is `code`."""
    qm, ac = schema.quote_mentions, schema.actors
    return exists().where(
        qm.c.quote_id == schema.quotes.c.id, qm.c.actor_id == ac.c.id, has_code(ac, code)
    )


Mentioned = list[tuple[str, str | None, str | None]]


def _mentioned_actors(conn: Connection, quote_ids: list[int]) -> dict[int, Mentioned]:
    """quote id -> [(name, code, country)] of the actors its content mentions, by name."""
    qm, ac = schema.quote_mentions, schema.actors
    found: dict[int, Mentioned] = defaultdict(list)
    for chunk in id_chunks(quote_ids):
        stmt = (
            select(qm.c.quote_id, ac.c.name, ac.c.code, ac.c.country)
            .join(ac, ac.c.id == qm.c.actor_id)
            .where(qm.c.quote_id.in_(chunk))
            .order_by(qm.c.quote_id, ac.c.name)
        )
        for quote_id, name, code, country in conn.execute(stmt):
            found[quote_id].append((name, code, country))
    return found


def _quote_row(row: Any, mentioned: Mentioned) -> QuoteRow:
    return QuoteRow(
        quote_id=row["id"],
        text=row["text"],
        kind=row["kind"],
        start=row["start"],
        end=row["end"],
        cue=row["cue"],
        speaker=row["speaker"],
        speaker_name=row["speaker_name"],
        speaker_code=row["speaker_code"],
        speaker_country=row["speaker_country"],
        article_id=row["article_ref"],
        article_title=row["title"],
        article_source=row["source"],
        article_url=row["url"],
        article_published=row["published"],
        mentioned_names=tuple(name for name, _, _ in mentioned),
        mentioned_codes=tuple(code for _, code, _ in mentioned),
        mentioned_countries=tuple(country for _, _, country in mentioned),
    )
