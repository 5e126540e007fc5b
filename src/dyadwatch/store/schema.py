"""The current database schema, as SQLAlchemy Core tables, for the writer and the queries.

The numbered migrations in `migrations/` build the database; this module only describes what
they have built so far. Change both together: a test checks that migrating an empty database
yields exactly these tables, columns and indexes.

Spans are stored as `start`/`end` character offsets into `articles.text` (the names of the
output contract); SQLAlchemy quotes `end`, which is a reserved word in SQL.
"""

from __future__ import annotations

from sqlalchemy import (
    JSON,
    Boolean,
    CheckConstraint,
    Column,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    Table,
    Text,
)

# Deterministic constraint and index names, identical on SQLite and PostgreSQL, so that later
# migrations can refer to them by name.
NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

metadata = MetaData(naming_convention=NAMING_CONVENTION)


def _article_fk() -> Column[int]:
    return Column(
        "article_id",
        Integer,
        ForeignKey("articles.id", ondelete="CASCADE"),
        nullable=False,
        index=True,
    )


articles = Table(
    "articles",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("article_id", Text, nullable=False, index=True),
    Column("content_hash", Text, nullable=False, unique=True),
    Column("title", Text),
    Column("source", Text),
    Column("url", Text),
    Column("published", Date, index=True),
    Column("language", Text, nullable=False),
    Column("origin", Text),
    Column("text", Text, nullable=False),
    Column("ingested_at", DateTime(timezone=True), nullable=False),
)

# Canonical across articles. `key` encodes (name, country, sector, kind): a UNIQUE constraint
# over the nullable columns themselves would treat two NULL countries as different actors.
actors = Table(
    "actors",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("key", Text, nullable=False, unique=True),
    Column("name", Text, nullable=False),
    Column("kind", Text, nullable=False),
    Column("country", Text, index=True),
    Column("sector", Text),
    Column("code", Text, index=True),
    Column("kb_id", Text),
)

mentions = Table(
    "mentions",
    metadata,
    Column("id", Integer, primary_key=True),
    _article_fk(),
    Column("actor_id", Integer, ForeignKey("actors.id"), nullable=False, index=True),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("text", Text, nullable=False),
    Column("kind", Text, nullable=False),
)

events = Table(
    "events",
    metadata,
    Column("id", Integer, primary_key=True),
    _article_fk(),
    Column("position", Integer, nullable=False),
    Column("type", Text, nullable=False, index=True),
    Column("mode", Text),
    Column("contexts", JSON, nullable=False),
    Column("cameo", Text, nullable=False),
    Column("quad_class", Integer, nullable=False),
    Column("goldstein", Float, nullable=False),
    Column("modality", Text, nullable=False, index=True),
    Column("confidence", Float, nullable=False),
    Column("date", Text),
    Column("date_from", Text, nullable=False),
    # The first and last day of the TIMEX3 `date` value (a day, week, month or year), for
    # --since/--until; NULL when the value is not a calendar period (PRESENT_REF, ...).
    Column("day_first", Date, index=True),
    Column("day_last", Date),
    Column("place_name", Text),
    Column("place_country", Text),
    Column("place_lat", Float),
    Column("place_lon", Float),
    Column("place_precision", Text),
    Column("sentence_start", Integer, nullable=False),
    Column("sentence_end", Integer, nullable=False),
    Column("trigger_start", Integer, nullable=False),
    Column("trigger_end", Integer, nullable=False),
)

event_actors = Table(
    "event_actors",
    metadata,
    Column("event_id", Integer, ForeignKey("events.id", ondelete="CASCADE"), primary_key=True),
    Column("role", Text, primary_key=True),
    Column("position", Integer, primary_key=True),
    Column("actor_id", Integer, ForeignKey("actors.id"), nullable=False),
    Column("start", Integer),
    Column("end", Integer),
    CheckConstraint("role IN ('source', 'target')", name="role"),
    Index("ix_event_actors_actor_role", "actor_id", "role"),
)

quotes = Table(
    "quotes",
    metadata,
    Column("id", Integer, primary_key=True),
    _article_fk(),
    Column("position", Integer, nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("text", Text, nullable=False),
    Column("kind", Text, nullable=False),
    Column("cue_start", Integer),
    Column("cue_end", Integer),
    Column("speaker_start", Integer),
    Column("speaker_end", Integer),
    Column("speaker_actor_id", Integer, ForeignKey("actors.id"), index=True),
)

quote_mentions = Table(
    "quote_mentions",
    metadata,
    Column("quote_id", Integer, ForeignKey("quotes.id", ondelete="CASCADE"), primary_key=True),
    Column("actor_id", Integer, ForeignKey("actors.id"), primary_key=True),
)

timexes = Table(
    "timexes",
    metadata,
    Column("id", Integer, primary_key=True),
    _article_fk(),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("text", Text, nullable=False),
    Column("type", Text, nullable=False),
    Column("value", Text, nullable=False),
)

places = Table(
    "places",
    metadata,
    Column("id", Integer, primary_key=True),
    _article_fk(),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("text", Text, nullable=False),
    Column("name", Text, nullable=False),
    Column("country", Text),
    Column("lat", Float),
    Column("lon", Float),
    Column("precision", Text, nullable=False),
    Column("metonym", Boolean, nullable=False),
)

rejections = Table(
    "rejections",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("origin", Text, nullable=False),
    Column("code", Text, nullable=False, index=True),
    Column("reason", Text, nullable=False),
    Column("at", DateTime(timezone=True), nullable=False),
)
