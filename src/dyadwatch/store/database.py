"""The one class through which dyadwatch reads and writes its database."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from types import TracebackType

from sqlalchemy import exists, select
from sqlalchemy.engine import Engine
from sqlalchemy.exc import SQLAlchemyError

from dyadwatch.errors import Codes, DyadwatchError
from dyadwatch.records import Annotation, Rejection
from dyadwatch.store import schema
from dyadwatch.store.engine import open_engine, reason, transaction
from dyadwatch.store.migrate import migrate
from dyadwatch.store.queries import EventRow, count_records, select_events
from dyadwatch.store.quote_queries import QuoteRow, select_quotes
from dyadwatch.store.writer import insert_annotation


class Store:
    """Articles, their annotations and rejections in SQLite or PostgreSQL.

    Every write is one transaction: an article is stored with all its records or not at all.
    """

    def __init__(self, engine: Engine) -> None:
        self._engine = engine

    @classmethod
    def open(cls, url: str, *, create: bool = True) -> Store:
        """Connect and apply pending migrations; E030 if the database cannot be used.

        `create=False` (read commands) refuses to create a missing SQLite file or to turn a
        database that dyadwatch has not set up into one.
        """
        engine = open_engine(url, create=create)
        try:
            migrate(engine, create=create)
        except SQLAlchemyError as exc:
            engine.dispose()
            raise DyadwatchError(Codes.E030, f"cannot migrate database: {reason(exc)}") from exc
        except BaseException:
            engine.dispose()
            raise
        return cls(engine)

    def has_article(self, content_hash: str) -> bool:
        stmt = select(exists().where(schema.articles.c.content_hash == content_hash))
        with transaction(self._engine, write=False) as conn:
            return bool(conn.scalar(stmt))

    def save(self, annotation: Annotation) -> bool:
        """Store one annotated article; False (nothing written) if its content hash is stored."""
        try:
            with transaction(self._engine, write=True) as conn:
                return insert_annotation(conn, annotation, ingested_at=_now())
        except SQLAlchemyError as exc:
            raise DyadwatchError(
                Codes.E030, f"cannot save article {annotation.article.id}: {reason(exc)}"
            ) from exc

    def save_rejection(self, rejection: Rejection) -> None:
        row = {
            "origin": rejection.origin,
            "code": rejection.code,
            "reason": rejection.reason,
            "at": _now(),
        }
        try:
            with transaction(self._engine, write=True) as conn:
                conn.execute(schema.rejections.insert().values(**row))
        except SQLAlchemyError as exc:
            raise DyadwatchError(
                Codes.E030, f"cannot save rejection of {rejection.origin}: {reason(exc)}"
            ) from exc

    def events(
        self,
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
        """Stored events matching every filter, oldest first (see `queries.select_events`)."""
        with transaction(self._engine, write=False) as conn:
            return select_events(
                conn,
                dyad=dyad,
                directed=directed,
                actor=actor,
                since=since,
                until=until,
                types=types,
                modalities=modalities,
                limit=limit,
            )

    def quotes(
        self,
        *,
        speaker_country: str | None = None,
        mentions: str | None = None,
        speaker: str | None = None,
        since: dt.date | None = None,
        until: dt.date | None = None,
        kinds: Sequence[str] = (),
        limit: int | None = None,
    ) -> list[QuoteRow]:
        """Stored quotes matching every filter, oldest article first (see
        `quote_queries.select_quotes`)."""
        with transaction(self._engine, write=False) as conn:
            return select_quotes(
                conn,
                speaker_country=speaker_country,
                mentions=mentions,
                speaker=speaker,
                since=since,
                until=until,
                kinds=kinds,
                limit=limit,
            )

    def stats(self) -> dict[str, int]:
        """Counts of articles, rejections, events, quotes, actors, mentions, timexes, places,
        then events per modality (`events_asserted`, `events_negated`, ...)."""
        with transaction(self._engine, write=False) as conn:
            return count_records(conn)

    def close(self) -> None:
        self._engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)
