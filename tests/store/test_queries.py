"""Reading: the dyad, actor, date, type and modality filters, and the counts."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from dyadwatch.records import Actor, Annotation, Article, Event
from dyadwatch.store import Store
from dyadwatch.store.periods import day_range


def triggers(store: Store, **filters: Any) -> list[str]:
    return [row.trigger for row in store.events(**filters)]


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        ({}, ["warn", "hosted", "accused", "criticise", "marched"]),
        ({"dyad": ("RUS", "PRK")}, ["hosted", "criticise"]),
        ({"dyad": ("PRK", "RUS")}, ["hosted", "criticise"]),
        ({"dyad": ("RUS", "PRK"), "directed": True}, ["criticise"]),
        ({"dyad": ("PRK", "RUS"), "directed": True}, ["hosted"]),
        ({"dyad": ("UNO", "PRK"), "directed": True}, ["accused"]),
        ({"dyad": ("RUSGOV", "PRKGOV")}, ["hosted", "criticise"]),
        ({"dyad": ("USA", "RUS")}, []),
        ({"actor": "UNO"}, ["accused"]),
        ({"actor": "USA"}, ["warn", "marched"]),
        ({"actor": "IGO"}, []),
        ({"since": dt.date(2023, 10, 1)}, ["accused", "criticise"]),
        ({"until": dt.date(2023, 9, 15)}, ["warn", "hosted"]),
        ({"since": dt.date(2023, 9, 14), "until": dt.date(2023, 9, 30)}, ["warn"]),
        ({"types": ["ACCUSE"]}, ["accused", "criticise"]),
        ({"types": ["ACCUSE", "PROTEST"]}, ["accused", "criticise", "marched"]),
        ({"modalities": ["negated", "hypothetical"]}, ["warn", "criticise"]),
        ({"dyad": ("RUS", "PRK"), "modalities": ["asserted"]}, ["hosted"]),
        ({"limit": 2}, ["warn", "hosted"]),
    ],
)
def test_filters(filled: Store, filters: dict[str, Any], expected: list[str]) -> None:
    # Oldest first by the first day of each event's period ("2023-09" before 2023-09-13),
    # undated events last.
    assert triggers(filled, **filters) == expected


def test_actor_without_a_country_never_matches_a_country(filled: Store) -> None:
    # Protesters (no country, no code) march against the United States: only USA matches.
    (protest,) = filled.events(types=["PROTEST"])
    assert protest.source_countries == (None,)
    assert triggers(filled, dyad=("USA", "USA")) == []


def test_event_row_carries_article_actors_place_and_evidence(filled: Store) -> None:
    (visit,) = filled.events(types=["CONSULT"])
    assert (visit.type, visit.mode, visit.cameo, visit.quad_class) == ("CONSULT", "visit", "042", 1)
    assert (visit.modality, visit.date, visit.date_from) == ("asserted", "2023-09-13", "timex")
    assert visit.contexts == ("diplomatic",)
    assert (visit.place_name, visit.place_country, visit.place_lat) == ("Vostochny", "RUS", 51.88)
    assert visit.article_id == "one"
    assert visit.article_published == dt.date(2023, 9, 13)
    assert (visit.source_names, visit.source_codes) == (("Kim Jong Un",), ("PRKGOV",))
    assert (visit.target_names, visit.target_countries) == (("Vladimir Putin",), ("RUS",))
    assert visit.sentence == "Vladimir Putin hosted Kim Jong Un at a cosmodrome on Wednesday."
    assert visit.trigger == "hosted"
    assert visit.sentence_start == 0
    assert visit.trigger_start == visit.sentence.index("hosted")


def test_stats_count_every_table_and_modality(filled: Store) -> None:
    assert filled.stats() == {
        "articles": 4, "rejections": 0, "events": 5, "quotes": 1, "actors": 7,
        "mentions": 10, "timexes": 0, "places": 0,
        "events_asserted": 3, "events_negated": 1, "events_hypothetical": 1,
        "events_reported": 0, "events_future": 0,
    }  # fmt: skip


def test_stats_of_an_empty_store_are_zero(store: Store) -> None:
    assert set(store.stats().values()) == {0}


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2023-09-13", (dt.date(2023, 9, 13), dt.date(2023, 9, 13))),
        ("2023-09-13T10:00", (dt.date(2023, 9, 13), dt.date(2023, 9, 13))),
        ("2023-09", (dt.date(2023, 9, 1), dt.date(2023, 9, 30))),
        ("2024-02", (dt.date(2024, 2, 1), dt.date(2024, 2, 29))),
        ("2023-W37", (dt.date(2023, 9, 11), dt.date(2023, 9, 17))),
        ("2019", (dt.date(2019, 1, 1), dt.date(2019, 12, 31))),
        ("PRESENT_REF", None),
        ("P4Y", None),
        ("2023-SU", None),
        ("2023-13", None),
        ("2023-02-30", None),
        ("", None),
        (None, None),
    ],
)
def test_day_range(value: str | None, expected: tuple[dt.date, dt.date] | None) -> None:
    assert day_range(value) == expected


def test_joint_actors_match_an_undirected_dyad(tmp_path: Any) -> None:
    text = "Kim Jong Un and Vladimir Putin met in Vladivostok."
    kim = Actor("a1", "Kim Jong Un", "person", "PRK", "GOV", "PRKGOV")
    putin = Actor("a2", "Vladimir Putin", "person", "RUS", "GOV", "RUSGOV")
    at = text.index("met")
    met = Event(
        type="CONSULT", mode=None, contexts=(), cameo="040", quad_class=1, goldstein=1.0,
        source=("a1", "a2"), target=(), source_spans=((0, 11), (16, 30)), target_spans=(),
        date="2019-04-25", date_from="published", place=None, modality="asserted",
        confidence=0.8, sentence=(0, len(text)), trigger=(at, at + 3),
    )
    article = Article("joint", text, published=dt.date(2019, 4, 25))
    with Store.open(f"sqlite:///{tmp_path / 'joint.db'}") as store:
        store.save(Annotation(article, (kim, putin), events=(met,)))
        assert triggers(store, dyad=("RUS", "PRK")) == ["met"]
        assert triggers(store, dyad=("RUS", "PRK"), directed=True) == []
