"""Apply the pending numbered migrations, recording each in a `schema_version` table.

All pending migrations run in one transaction (both SQLite and PostgreSQL have transactional
DDL), so a failed upgrade leaves the database as it was. On PostgreSQL an advisory lock makes
concurrent openers wait for the first one's upgrade; on SQLite the write transaction does.
"""

from __future__ import annotations

import datetime as dt
import importlib
import pkgutil
import re
from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import Column, DateTime, Integer, MetaData, Table, func, inspect, select
from sqlalchemy.engine import Connection, Engine

from dyadwatch.errors import Codes, DyadwatchError
from dyadwatch.store import migrations as migrations_package
from dyadwatch.store.engine import display_url, transaction

# Any fixed 64-bit number shared by all dyadwatch processes ("dyadwatch" in ASCII, truncated).
MIGRATION_LOCK_KEY = 0x6479616477617463

_MODULE_NAME = re.compile(r"^(\d{4})_\w+$")

schema_version = Table(
    "schema_version",
    MetaData(),
    Column("version", Integer, primary_key=True, autoincrement=False),
    Column("applied_at", DateTime(timezone=True), nullable=False),
)


@dataclass(frozen=True)
class Migration:
    version: int
    name: str
    upgrade: Callable[[Connection], None]


def available() -> list[Migration]:
    """The migrations shipped with the package, in version order (1, 2, ... without gaps)."""
    found = []
    for info in pkgutil.iter_modules(migrations_package.__path__):
        match = _MODULE_NAME.match(info.name)
        if match:
            module = importlib.import_module(f"{migrations_package.__name__}.{info.name}")
            found.append(Migration(int(match.group(1)), info.name, module.upgrade))
    found.sort(key=lambda m: m.version)
    if [m.version for m in found] != list(range(1, len(found) + 1)):
        raise RuntimeError(f"migrations are not numbered 1..n: {[m.name for m in found]}")
    return found


def migrate(engine: Engine, *, create: bool) -> int:
    """Bring the database to the latest schema version and return that version.

    With `create=False` a database without a `schema_version` table is an error (E030): read
    commands must not turn an unrelated or empty file into a dyadwatch database.
    """
    pending = available()
    latest = pending[-1].version
    with transaction(engine, write=True) as conn:
        if conn.dialect.name == "postgresql":
            conn.execute(select(func.pg_advisory_xact_lock(MIGRATION_LOCK_KEY)))
        if not inspect(conn).has_table(schema_version.name):
            if not create:
                raise DyadwatchError(
                    Codes.E030,
                    f"{display_url(engine.url)} is not a dyadwatch database "
                    "(no schema_version table)",
                )
            schema_version.create(conn)
        current = conn.scalar(select(func.max(schema_version.c.version))) or 0
        if current > latest:
            raise DyadwatchError(
                Codes.E030,
                f"database schema version {current} is newer than this dyadwatch "
                f"(knows up to {latest}): upgrade dyadwatch",
            )
        for migration in pending[current:]:
            migration.upgrade(conn)
            conn.execute(
                schema_version.insert().values(
                    version=migration.version, applied_at=dt.datetime.now(dt.UTC)
                )
            )
    return latest
