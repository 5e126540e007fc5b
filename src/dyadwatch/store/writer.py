"""Write one Annotation into the tables of `store.schema`, inside the caller's transaction.

Each `insert_*` function writes one kind of record; `insert_annotation` calls them in order.
Actor ids in an Annotation are local to it (a1, a2, ...): they are mapped to the canonical
rows of `actors`, which are shared by all articles.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping, Sequence
from typing import Any

from sqlalchemy import Table, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import Connection

from dyadwatch.errors import Codes, DyadwatchError
from dyadwatch.records import Actor, Annotation, Article, Event, Mention, Place, Quote, Timex
from dyadwatch.store import schema
from dyadwatch.store.periods import day_range


def insert_annotation(
    conn: Connection, annotation: Annotation, *, ingested_at: dt.datetime
) -> bool:
    """Insert the article and everything found in it; False if its content hash is stored."""
    article_pk = insert_article(conn, annotation.article, ingested_at=ingested_at)
    if article_pk is None:
        return False
    actor_pks = insert_actors(conn, annotation.actors, article_id=annotation.article.id)
    insert_mentions(conn, article_pk, annotation.mentions, actor_pks)
    insert_timexes(conn, article_pk, annotation.timexes)
    insert_places(conn, article_pk, annotation.places)
    insert_events(conn, article_pk, annotation.events, actor_pks)
    insert_quotes(conn, article_pk, annotation.quotes, actor_pks)
    return True


def insert_article(conn: Connection, article: Article, *, ingested_at: dt.datetime) -> int | None:
    """The new article's key, or None when an article with the same content hash exists."""
    stmt = (
        _upsert(conn, schema.articles)
        .values(
            article_id=article.id,
            content_hash=article.content_hash,
            title=article.title,
            source=article.source,
            url=article.url,
            published=article.published,
            language=article.language,
            origin=article.origin,
            text=article.text,
            ingested_at=ingested_at,
        )
        .on_conflict_do_nothing(index_elements=["content_hash"])
        .returning(schema.articles.c.id)
    )
    return conn.execute(stmt).scalar()


def actor_key(actor: Actor) -> str:
    """The identity of a canonical actor across articles: name, country, sector and kind."""
    return json.dumps([actor.name, actor.country, actor.sector, actor.kind], ensure_ascii=False)


class ActorKeys(dict[str, int]):
    """Local actor id (a1) -> actors.id; a record naming an unknown actor is an error (E020)."""

    def __init__(self, pairs: Mapping[str, int], *, article_id: str) -> None:
        super().__init__(pairs)
        self.article_id = article_id

    def __missing__(self, actor_id: str) -> int:
        raise DyadwatchError(
            Codes.E020,
            f"article {self.article_id}: a record refers to unknown actor {actor_id!r}",
        )


def insert_actors(conn: Connection, actors: Sequence[Actor], *, article_id: str) -> ActorKeys:
    """Find or create the canonical row of each actor; map local ids to row keys."""
    if not actors:
        return ActorKeys({}, article_id=article_id)
    rows = [
        {
            "key": actor_key(a),
            "name": a.name,
            "kind": a.kind,
            "country": a.country,
            "sector": a.sector,
            "code": a.code,
            "kb_id": a.kb_id,
        }
        for a in actors
    ]
    conn.execute(_upsert(conn, schema.actors).on_conflict_do_nothing(index_elements=["key"]), rows)
    keys = {row["key"] for row in rows}
    found = conn.execute(
        select(schema.actors.c.key, schema.actors.c.id).where(schema.actors.c.key.in_(keys))
    )
    pk_by_key = {key: pk for key, pk in found}
    return ActorKeys({a.id: pk_by_key[actor_key(a)] for a in actors}, article_id=article_id)


def insert_mentions(
    conn: Connection, article_pk: int, mentions: Sequence[Mention], actor_pks: ActorKeys
) -> None:
    _insert_many(
        conn,
        schema.mentions,
        [
            {
                "article_id": article_pk,
                "actor_id": actor_pks[m.actor],
                "start": m.start,
                "end": m.end,
                "text": m.text,
                "kind": m.kind,
            }
            for m in mentions
        ],
    )


def insert_timexes(conn: Connection, article_pk: int, timexes: Sequence[Timex]) -> None:
    _insert_many(
        conn,
        schema.timexes,
        [
            {
                "article_id": article_pk,
                "start": t.start,
                "end": t.end,
                "text": t.text,
                "type": t.type,
                "value": t.value,
            }
            for t in timexes
        ],
    )


def insert_places(conn: Connection, article_pk: int, places: Sequence[Place]) -> None:
    _insert_many(
        conn,
        schema.places,
        [
            {
                "article_id": article_pk,
                "start": p.start,
                "end": p.end,
                "text": p.text,
                "name": p.name,
                "country": p.country,
                "lat": p.lat,
                "lon": p.lon,
                "precision": p.precision,
                "metonym": p.metonym,
            }
            for p in places
        ],
    )


def insert_events(
    conn: Connection, article_pk: int, events: Sequence[Event], actor_pks: ActorKeys
) -> None:
    if not events:
        return
    rows = [_event_row(article_pk, position, e) for position, e in enumerate(events)]
    stmt = schema.events.insert().returning(schema.events.c.id, sort_by_parameter_order=True)
    event_pks = conn.execute(stmt, rows).scalars().all()
    _insert_many(
        conn,
        schema.event_actors,
        [
            row
            for event_pk, e in zip(event_pks, events, strict=True)
            for role, ids, spans in (
                ("source", e.source, e.source_spans),
                ("target", e.target, e.target_spans),
            )
            for row in _event_actor_rows(event_pk, role, ids, spans, actor_pks)
        ],
    )


def insert_quotes(
    conn: Connection, article_pk: int, quotes: Sequence[Quote], actor_pks: ActorKeys
) -> None:
    if not quotes:
        return
    rows = [
        {
            "article_id": article_pk,
            "position": position,
            "start": q.start,
            "end": q.end,
            "text": q.text,
            "kind": q.kind,
            "cue_start": q.cue[0] if q.cue else None,
            "cue_end": q.cue[1] if q.cue else None,
            "speaker_start": q.speaker[0] if q.speaker else None,
            "speaker_end": q.speaker[1] if q.speaker else None,
            "speaker_actor_id": actor_pks[q.speaker_actor] if q.speaker_actor else None,
        }
        for position, q in enumerate(quotes)
    ]
    stmt = schema.quotes.insert().returning(schema.quotes.c.id, sort_by_parameter_order=True)
    quote_pks = conn.execute(stmt, rows).scalars().all()
    _insert_many(
        conn,
        schema.quote_mentions,
        [
            {"quote_id": quote_pk, "actor_id": actor_pk}
            for quote_pk, q in zip(quote_pks, quotes, strict=True)
            for actor_pk in dict.fromkeys(actor_pks[a] for a in q.mentioned_actors)
        ],
    )


def _event_row(article_pk: int, position: int, event: Event) -> dict[str, Any]:
    days = day_range(event.date)
    place = event.place
    return {
        "article_id": article_pk,
        "position": position,
        "type": event.type,
        "mode": event.mode,
        "contexts": list(event.contexts),
        "cameo": event.cameo,
        "quad_class": event.quad_class,
        "goldstein": event.goldstein,
        "modality": event.modality,
        "confidence": event.confidence,
        "date": event.date,
        "date_from": event.date_from,
        "day_first": days[0] if days else None,
        "day_last": days[1] if days else None,
        "place_name": place.name if place else None,
        "place_country": place.country if place else None,
        "place_lat": place.lat if place else None,
        "place_lon": place.lon if place else None,
        "place_precision": place.precision if place else None,
        "sentence_start": event.sentence[0],
        "sentence_end": event.sentence[1],
        "trigger_start": event.trigger[0],
        "trigger_end": event.trigger[1],
    }


def _event_actor_rows(
    event_pk: int,
    role: str,
    ids: Sequence[str],
    spans: Sequence[tuple[int, int]],
    actor_pks: ActorKeys,
) -> list[dict[str, Any]]:
    return [
        {
            "event_id": event_pk,
            "role": role,
            "position": position,
            "actor_id": actor_pks[actor_id],
            "start": spans[position][0] if position < len(spans) else None,
            "end": spans[position][1] if position < len(spans) else None,
        }
        for position, actor_id in enumerate(ids)
    ]


def _insert_many(conn: Connection, table: Table, rows: list[dict[str, Any]]) -> None:
    if rows:
        conn.execute(table.insert(), rows)


def _upsert(conn: Connection, table: Table) -> postgresql.Insert | sqlite.Insert:
    """INSERT with ON CONFLICT support; the two dialects spell the same SQL."""
    if conn.dialect.name == "postgresql":
        return postgresql.insert(table)
    return sqlite.insert(table)
