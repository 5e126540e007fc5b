"""Writing: one transaction per article, idempotent re-ingest, canonical actors, migrations."""

from __future__ import annotations

import dataclasses
import sqlite3
import threading
from pathlib import Path

import pytest
from sqlalchemy import create_engine, inspect, text

from dyadwatch.errors import Codes, DyadwatchError
from dyadwatch.records import Annotation, Mention, Rejection
from dyadwatch.store import Store, resolve_url, schema
from dyadwatch.store.migrate import available

EMPTY = {
    "articles": 0, "rejections": 0, "events": 0, "quotes": 0, "actors": 0,
    "mentions": 0, "timexes": 0, "places": 0,
}  # fmt: skip


def counts(store: Store) -> dict[str, int]:
    return {k: v for k, v in store.stats().items() if k in EMPTY}


def test_save_twice_keeps_one_article(store: Store, corpus: list[Annotation]) -> None:
    first = corpus[0]
    assert not store.has_article(first.article.content_hash)
    assert store.save(first) is True
    assert store.has_article(first.article.content_hash)
    before = counts(store)
    assert store.save(first) is False
    assert counts(store) == before
    assert before == EMPTY | {"articles": 1, "events": 1, "quotes": 1, "actors": 3, "mentions": 3}


def test_same_text_with_other_whitespace_is_a_duplicate(
    store: Store, corpus: list[Annotation]
) -> None:
    first = corpus[0]
    spaced = dataclasses.replace(
        first.article, id="copy", text=first.article.text.replace(" ", "  ", 1)
    )
    assert store.save(first)
    assert store.save(Annotation(spaced)) is False


def test_actors_are_shared_across_articles(store: Store, corpus: list[Annotation]) -> None:
    for item in corpus:
        store.save(item)
    # Putin, Kim, Russia, North Korea, UN, United States, protesters: each stored once.
    assert store.stats()["actors"] == 7


def test_actor_without_country_is_stored_once(
    store: Store, crowd_articles: list[Annotation]
) -> None:
    for item in crowd_articles:
        assert store.save(item)
    assert store.stats()["actors"] == 1


def test_failure_after_events_leaves_nothing(
    store: Store, corpus: list[Annotation], monkeypatch: pytest.MonkeyPatch
) -> None:
    from dyadwatch.store import writer

    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(writer, "insert_quotes", broken)
    with pytest.raises(RuntimeError, match="disk on fire"):
        store.save(corpus[0])
    assert counts(store) == EMPTY
    monkeypatch.undo()
    assert store.save(corpus[0]) is True


def test_record_naming_an_unknown_actor_is_rejected_whole(
    store: Store, corpus: list[Annotation]
) -> None:
    item = corpus[0]
    stray = Mention(0, 8, "Vladimir", "a99")
    bad = dataclasses.replace(item, mentions=(*item.mentions, stray))
    with pytest.raises(DyadwatchError) as caught:
        store.save(bad)
    assert caught.value.code == Codes.E020
    assert "a99" in caught.value.message
    assert counts(store) == EMPTY


def test_concurrent_saves_of_one_article_store_it_once(
    store: Store, corpus: list[Annotation]
) -> None:
    item = corpus[1]
    results: list[bool] = []
    threads = [threading.Thread(target=lambda: results.append(store.save(item))) for _ in "ab"]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(results) == [False, True]
    assert store.stats()["articles"] == 1


def test_evidence_offsets_count_characters_not_bytes(
    store: Store, unicode_article: Annotation
) -> None:
    store.save(unicode_article)
    (row,) = store.events()
    text_ = unicode_article.article.text
    assert row.sentence == text_[row.sentence_start : row.sentence_end]
    assert row.sentence == "Vladimir Putin hosted Kim Jong Un in Vladivostok."
    assert row.trigger == "hosted"


def test_rejections_are_counted(store: Store) -> None:
    store.save_rejection(Rejection("feed.xml", Codes.E007, "empty feed"))
    assert store.stats()["rejections"] == 1


def test_reopening_applies_no_migration_twice(store_url: str) -> None:
    for _ in range(2):
        Store.open(store_url).close()
    with Store.open(store_url) as store:
        engine = store._engine
        with engine.connect() as conn:
            versions = conn.execute(text("select version from schema_version")).scalars().all()
    assert versions == [m.version for m in available()]


def test_migrations_build_the_declared_schema(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'schema.db'}"
    Store.open(url).close()
    engine = create_engine(url)
    found = inspect(engine)
    for table in schema.metadata.sorted_tables:
        assert {c["name"] for c in found.get_columns(table.name)} == set(table.c.keys())
        assert {i["name"] for i in found.get_indexes(table.name)} == {i.name for i in table.indexes}
    engine.dispose()


def test_newer_schema_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "future.db"
    Store.open(f"sqlite:///{path}").close()
    with sqlite3.connect(path) as conn:
        conn.execute("insert into schema_version values (999, '2030-01-01')")
    with pytest.raises(DyadwatchError, match="newer than this dyadwatch"):
        Store.open(f"sqlite:///{path}")


def test_read_only_open_does_not_create_a_database(tmp_path: Path) -> None:
    missing = tmp_path / "missing" / "dw.db"
    with pytest.raises(DyadwatchError, match="no database at") as caught:
        Store.open(f"sqlite:///{missing}", create=False)
    assert caught.value.code == Codes.E030
    assert not missing.exists()


def test_read_only_open_refuses_a_foreign_database(tmp_path: Path) -> None:
    path = tmp_path / "other.db"
    with sqlite3.connect(path) as conn:
        conn.execute("create table notes (body text)")
    with pytest.raises(DyadwatchError, match="not a dyadwatch database"):
        Store.open(f"sqlite:///{path}", create=False)


def test_open_creates_folders(tmp_path: Path) -> None:
    path = tmp_path / "a" / "b" / "dw.db"
    Store.open(str(resolve_url(str(path)))).close()
    assert path.is_file()


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("postgresql+psycopg://postgres@127.0.0.1:1/test", "cannot open database"),
        ("mysql://root@localhost/dw", "unsupported database"),
        ("postgresql+psycopg://nobody:secret@127.0.0.1:1/x", "***"),
    ],
)
def test_unusable_database_is_a_clear_error(url: str, message: str) -> None:
    with pytest.raises(DyadwatchError) as caught:
        Store.open(url)
    assert caught.value.code == Codes.E030
    assert message in caught.value.message
    assert "secret" not in caught.value.message


def test_resolve_url_prefers_option_then_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("DYADWATCH_DB", raising=False)
    assert resolve_url(None) == "sqlite:///dyadwatch.db"
    monkeypatch.setenv("DYADWATCH_DB", "postgresql://db.example/dw")
    assert resolve_url(None) == "postgresql://db.example/dw"
    assert resolve_url("sqlite:///x.db") == "sqlite:///x.db"
    assert resolve_url("data/events.db") == "sqlite:///data/events.db"
    assert resolve_url("/srv/dw.db") == "sqlite:////srv/dw.db"
