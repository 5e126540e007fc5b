"""Database URLs and engines: SQLite by default, PostgreSQL for a shared server.

SQLite is configured to behave like PostgreSQL where the store relies on it: foreign keys are
enforced, DDL and DML run inside explicit transactions, and writers take the write lock when
their transaction begins (BEGIN IMMEDIATE), so two ingest processes wait for each other instead
of failing on a lock upgrade.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from sqlalchemy import create_engine, event
from sqlalchemy.engine import URL, Connection, Engine, make_url
from sqlalchemy.exc import ArgumentError, SQLAlchemyError

from dyadwatch.errors import Codes, DyadwatchError
from dyadwatch.settings import get_settings

# Seconds a writer waits for another process's SQLite write lock before failing; one article's
# transaction takes milliseconds, so this only trips when a writer is stuck.
SQLITE_BUSY_TIMEOUT_S = 30
# Seconds to wait for a PostgreSQL server before reporting it unreachable (E030).
POSTGRES_CONNECT_TIMEOUT_S = 10

_WRITE = "dyadwatch_write"


def resolve_url(url: str | None) -> str:
    """The database URL: --db value, else $DYADWATCH_DB, else sqlite:///dyadwatch.db.

    A value without a scheme is a SQLite file path (`data/events.db`, `~/dw.db`).
    """
    value = url or get_settings().db
    if "://" in value:
        return value
    return f"sqlite:///{Path(value).expanduser()}"


def open_engine(url: str, *, create: bool) -> Engine:
    """An engine for `url` whose server (or file) answers; E030 when it does not.

    With `create=False` a missing SQLite file is an error instead of a new empty database.
    """
    parsed = _parse(url)
    backend = parsed.get_backend_name()
    if backend == "sqlite":
        engine = _sqlite_engine(parsed, create=create)
    elif backend in ("postgresql", "postgres"):
        engine = _postgres_engine(parsed)
    else:
        raise DyadwatchError(
            Codes.E030, f"unsupported database {backend!r}: use sqlite:/// or postgresql://"
        )
    try:
        with engine.connect():
            pass
    except SQLAlchemyError as exc:
        engine.dispose()
        raise DyadwatchError(
            Codes.E030, f"cannot open database {display_url(parsed)}: {reason(exc)}"
        ) from exc
    return engine


@contextlib.contextmanager
def transaction(engine: Engine, *, write: bool) -> Iterator[Connection]:
    """One transaction: committed when the block ends, rolled back if it raises."""
    with engine.connect() as conn:
        if write:
            conn.execution_options(**{_WRITE: True})
        with conn.begin():
            yield conn


def display_url(url: URL | str) -> str:
    return make_url(url).render_as_string(hide_password=True)


def reason(exc: SQLAlchemyError) -> str:
    """The driver's message without SQLAlchemy's statement dump and background link."""
    orig = getattr(exc, "orig", None)
    text = str(orig if orig is not None else exc)
    return " ".join(text.split()) or type(exc).__name__


def _parse(url: str) -> URL:
    try:
        return make_url(url)
    except ArgumentError as exc:
        raise DyadwatchError(Codes.E030, f"not a database URL: {url!r}") from exc


def _sqlite_engine(url: URL, *, create: bool) -> Engine:
    database = url.database or ""
    if database and database != ":memory:" and not database.startswith("file:"):
        path = Path(database).expanduser()
        if not path.exists():
            if not create:
                raise DyadwatchError(
                    Codes.E030,
                    f"no database at {path}: run `dyadwatch ingest` first or pass --db",
                )
            path.parent.mkdir(parents=True, exist_ok=True)
        url = url.set(database=str(path))
    engine = create_engine(url, connect_args={"timeout": SQLITE_BUSY_TIMEOUT_S})

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        # Hand transaction control to the "begin" hook below (the sqlite3 module's own
        # implicit transactions skip DDL and cannot take the write lock up front).
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Connection) -> None:
        write = conn.get_execution_options().get(_WRITE, False)
        conn.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")

    return engine


def _postgres_engine(url: URL) -> Engine:
    if "+" not in url.drivername:
        url = url.set(drivername="postgresql+psycopg")
    connect_args: dict[str, Any] = {}
    if "connect_timeout" not in url.query:
        connect_args["connect_timeout"] = POSTGRES_CONNECT_TIMEOUT_S
    return create_engine(url, connect_args=connect_args, pool_pre_ping=True)
