"""PostgreSQL: the store lives in the schema it is pointed at and answers as SQLite does."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import create_engine, inspect, make_url

from dyadwatch.records import Annotation
from dyadwatch.store import Store, schema


@pytest.mark.postgres
class TestPostgres:
    def test_tables_are_created_in_the_schema_on_the_search_path(self, postgres_url: str) -> None:
        Store.open(postgres_url).close()
        options = make_url(postgres_url).query["options"]
        assert isinstance(options, str)
        schema_name = options.removeprefix("-csearch_path=")
        engine = create_engine(postgres_url)
        try:
            tables = set(inspect(engine).get_table_names(schema=schema_name))
        finally:
            engine.dispose()
        assert tables == set(schema.metadata.tables) | {"schema_version"}

    def test_answers_exactly_as_sqlite(
        self, postgres_url: str, tmp_path: Path, corpus: list[Annotation]
    ) -> None:
        answers = []
        for url in (postgres_url, f"sqlite:///{tmp_path / 'same.db'}"):
            with Store.open(url) as store:
                for item in corpus:
                    store.save(item)
                answers.append((store.events(), store.events(dyad=("RUS", "PRK")), store.stats()))
        assert answers[0] == answers[1]
