"""store stage: articles and their annotations in SQLite (default) or PostgreSQL."""

from dyadwatch.store.database import Store
from dyadwatch.store.engine import resolve_url
from dyadwatch.store.queries import EventRow

__all__ = ["EventRow", "Store", "resolve_url"]
