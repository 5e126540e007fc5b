"""Read queries over the store: events with their evidence, and table counts.

A country or actor code matches an actor whose `country` or whose `code` equals it, so RUS
matches RUSGOV actors of Russia and UNO matches the United Nations (an IGO has no country).
SQL `NULL = 'RUS'` is not true: an actor without a country never matches a country code.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, and_, exists, func, or_, select
from sqlalchemy.engine import Connection

from dyadwatch.ontology import Modality
from dyadwatch.store import schema

# Bound parameters per IN (...) list when fetching the actors of many events: well under
# SQLite's and PostgreSQL's limits on parameters per statement.
ID_CHUNK = 500

COUNTED_TABLES = (
    "articles",
    "rejections",
    "events",
    "quotes",
    "actors",
    "mentions",
    "timexes",
    "places",
)


@dataclass(frozen=True)
class EventRow:
    """One stored event with its article, its actors and the text that is its evidence."""

    event_id: int
    type: str
    mode: str | None
    contexts: tuple[str, ...]
    cameo: str
    quad_class: int
    goldstein: float
    modality: str
    confidence: float
    date: str | None
    date_from: str
    place_name: str | None
    place_country: str | None
    place_lat: float | None
    place_lon: float | None
    place_precision: str | None
    article_id: str
    article_title: str | None
    article_source: str | None
    article_url: str | None
    article_published: dt.date | None
    sentence: str
    sentence_start: int
    sentence_end: int
    trigger: str
    trigger_start: int
    trigger_end: int
    source_names: tuple[str, ...] = ()
    source_codes: tuple[str | None, ...] = ()
    source_countries: tuple[str | None, ...] = ()
    target_names: tuple[str, ...] = ()
    target_codes: tuple[str | None, ...] = ()
    target_countries: tuple[str | None, ...] = ()


def select_events(
    conn: Connection,
    *,
    dyad: tuple[str, str] | None = None,
    directed: bool = False,
    actor: str | None = None,
    since: dt.date | None = None,
    until: dt.date | None = None,
    types: Sequence[str] = (),
    modalities: Sequence[str] = (),
    limit: int | None = None,
) -> list[EventRow]:
    """Events that pass every given filter, oldest first (undated events last).

    `since`/`until` keep events whose date period overlaps the range (an event dated
    "2023-09" is inside `since=2023-09-13`); undated events are dropped by either.
    """
    e, a = schema.events, schema.articles
    stmt = (
        select(
            e,
            a.c.article_id.label("article_ref"),
            a.c.title,
            a.c.source,
            a.c.url,
            a.c.published,
            substring(a.c.text, e.c.sentence_start, e.c.sentence_end).label("sentence"),
            substring(a.c.text, e.c.trigger_start, e.c.trigger_end).label("trigger"),
        )
        .join(a, a.c.id == e.c.article_id)
        .order_by(e.c.day_first.is_(None), e.c.day_first, e.c.id)
    )
    if dyad:
        first, second = dyad
        forward = and_(_side_has("source", first), _side_has("target", second))
        backward = and_(_side_has("source", second), _side_has("target", first))
        # PLOVER codes joint actors ("Kim and Putin met") together as sources.
        either = [forward, backward]
        if first != second:
            either.append(and_(_side_has("source", first), _side_has("source", second)))
        stmt = stmt.where(forward if directed else or_(*either))
    if actor:
        stmt = stmt.where(_side_has(None, actor))
    if since:
        stmt = stmt.where(e.c.day_last >= since)
    if until:
        stmt = stmt.where(e.c.day_first <= until)
    if types:
        stmt = stmt.where(e.c.type.in_(types))
    if modalities:
        stmt = stmt.where(e.c.modality.in_(modalities))
    if limit is not None:
        stmt = stmt.limit(limit)
    rows = conn.execute(stmt).mappings().all()
    sides = _actors_of(conn, [row["id"] for row in rows])
    return [_event_row(row, sides.get(row["id"], {})) for row in rows]


def count_records(conn: Connection) -> dict[str, int]:
    """Rows per table, then events per modality (`events_asserted`, ...), every key present."""
    counts = {
        name: conn.scalar(select(func.count()).select_from(schema.metadata.tables[name])) or 0
        for name in COUNTED_TABLES
    }
    by_modality = dict.fromkeys((f"events_{m.value}" for m in Modality), 0)
    e = schema.events
    for modality, n in conn.execute(select(e.c.modality, func.count()).group_by(e.c.modality)):
        by_modality[f"events_{modality}"] = n
    return counts | by_modality


def _side_has(role: str | None, code: str) -> ColumnElement[bool]:
    """EXISTS an actor of the event (in `role`, or either role) whose country or code is `code`."""
    ea, ac = schema.event_actors, schema.actors
    conditions = [ea.c.event_id == schema.events.c.id, has_code(ac, code)]
    if role:
        conditions.append(ea.c.role == role)
    return exists().where(ea.c.actor_id == ac.c.id, *conditions)


def has_code(actors: Any, code: str) -> ColumnElement[bool]:
    """The actor's country or its full code is `code` ("RUS" matches RUSGOV's actors too)."""
    return or_(actors.c.country == code, actors.c.code == code)


def substring(text: Any, start: Any, end: Any) -> Any:
    """text[start:end] in SQL (NULL when the span is): substr counts characters from 1 on
    SQLite and PostgreSQL."""
    return func.substr(text, start + 1, end - start)


Side = dict[str, list[tuple[str, str | None, str | None]]]


def _actors_of(conn: Connection, event_ids: list[int]) -> dict[int, Side]:
    """role -> [(name, code, country)] in stored order, per event."""
    ea, ac = schema.event_actors, schema.actors
    found: dict[int, Side] = defaultdict(lambda: defaultdict(list))
    for chunk in id_chunks(event_ids):
        stmt = (
            select(ea.c.event_id, ea.c.role, ac.c.name, ac.c.code, ac.c.country)
            .join(ac, ac.c.id == ea.c.actor_id)
            .where(ea.c.event_id.in_(chunk))
            .order_by(ea.c.event_id, ea.c.role, ea.c.position)
        )
        for event_id, role, name, code, country in conn.execute(stmt):
            found[event_id][role].append((name, code, country))
    return found


def id_chunks(ids: list[int]) -> Iterable[list[int]]:
    """`ids` in slices of ID_CHUNK, for IN (...) lists that every database accepts."""
    for i in range(0, len(ids), ID_CHUNK):
        yield ids[i : i + ID_CHUNK]


def _event_row(row: Any, side: Side) -> EventRow:
    sources, targets = side.get("source", []), side.get("target", [])
    return EventRow(
        event_id=row["id"],
        type=row["type"],
        mode=row["mode"],
        contexts=tuple(row["contexts"]),
        cameo=row["cameo"],
        quad_class=row["quad_class"],
        goldstein=row["goldstein"],
        modality=row["modality"],
        confidence=row["confidence"],
        date=row["date"],
        date_from=row["date_from"],
        place_name=row["place_name"],
        place_country=row["place_country"],
        place_lat=row["place_lat"],
        place_lon=row["place_lon"],
        place_precision=row["place_precision"],
        article_id=row["article_ref"],
        article_title=row["title"],
        article_source=row["source"],
        article_url=row["url"],
        article_published=row["published"],
        sentence=row["sentence"],
        sentence_start=row["sentence_start"],
        sentence_end=row["sentence_end"],
        trigger=row["trigger"],
        trigger_start=row["trigger_start"],
        trigger_end=row["trigger_end"],
        source_names=tuple(name for name, _, _ in sources),
        source_codes=tuple(code for _, code, _ in sources),
        source_countries=tuple(country for _, _, country in sources),
        target_names=tuple(name for name, _, _ in targets),
        target_codes=tuple(code for _, code, _ in targets),
        target_countries=tuple(country for _, _, country in targets),
    )
