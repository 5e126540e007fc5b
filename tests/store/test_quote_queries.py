"""Reading quotes: speaker country, mentioned actors, speaker name, dates, kinds."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

import pytest

from dyadwatch.records import Actor, Annotation, Article, Mention, Quote
from dyadwatch.store import Store

LAVROV = Actor("a1", "Sergei Lavrov", "person", "RUS", "GOV", "RUSGOV")
KIM = Actor("a2", "Kim Jong Un", "person", "PRK", "GOV", "PRKGOV")
RUSSIA = Actor("a3", "Russia", "state", "RUS", "GOV", "RUSGOV")
NORTH_KOREA = Actor("a4", "North Korea", "state", "PRK", "GOV", "PRKGOV")
BLINKEN = Actor("a5", "Antony Blinken", "person", "USA", "GOV", "USAGOV")
PUTIN = Actor("a6", "Vladimir Putin", "person", "RUS", "GOV", "RUSGOV")
UN = Actor("a7", "United Nations", "organization", None, "IGO", "UNO")


def span(text: str, phrase: str) -> tuple[int, int]:
    start = text.index(phrase)
    return start, start + len(phrase)


def quote(
    text: str,
    content: str,
    kind: str,
    cue: str,
    speaker: str,
    speaker_actor: Actor | None,
    mentioned: Sequence[Actor] = (),
) -> Quote:
    return Quote(
        *span(text, content),
        content,
        kind,
        cue=span(text, cue),
        speaker=span(text, speaker),
        speaker_actor=speaker_actor.id if speaker_actor else None,
        mentioned_actors=tuple(a.id for a in mentioned),
    )


def article(
    article_id: str,
    text: str,
    published: dt.date | None,
    actors: Sequence[Actor],
    quotes: Sequence[Quote],
) -> Annotation:
    mentions = tuple(Mention(*span(text, a.name), a.name, a.id) for a in actors if a.name in text)
    return Annotation(
        Article(article_id, text, title=f"Title {article_id}", source="Wire", published=published),
        tuple(actors),
        mentions,
        quotes=tuple(quotes),
    )


LAVROV_TEXT = (
    "Sergei Lavrov said North Korea was a good neighbour. Kim Jong Un praised Russia warmly."
)
SPOKESWOMAN_TEXT = "“The United Nations must not meddle,” a Russian spokeswoman said."
BLINKEN_TEXT = "Antony Blinken said Russia and North Korea were isolated."
PUTIN_TEXT = "Vladimir Putin said North Korea was ready for talks."


def build_corpus() -> list[Annotation]:
    """Four invented articles: a Russian and a North Korean speaker on each other, an
    unresolved Russian spokeswoman, an American on both, an undated Russian statement."""
    t = LAVROV_TEXT
    lavrov = article(
        "lavrov",
        t,
        dt.date(2023, 9, 14),
        [LAVROV, NORTH_KOREA, KIM, RUSSIA],
        [
            quote(t, "North Korea was a good neighbour", "indirect", "said", "Sergei Lavrov",
                  LAVROV, [NORTH_KOREA]),
            quote(t, "Russia", "indirect", "praised", "Kim Jong Un", KIM, [RUSSIA]),
        ],
    )  # fmt: skip
    t = SPOKESWOMAN_TEXT
    spokeswoman = article(
        "spokeswoman",
        t,
        dt.date(2023, 10, 2),
        [UN],
        [quote(t, "“The United Nations must not meddle,”", "direct", "said",
               "a Russian spokeswoman", None, [UN])],
    )  # fmt: skip
    t = BLINKEN_TEXT
    blinken = article(
        "blinken",
        t,
        dt.date(2023, 9, 20),
        [BLINKEN, RUSSIA, NORTH_KOREA],
        [quote(t, "Russia and North Korea were isolated", "indirect", "said", "Antony Blinken",
               BLINKEN, [RUSSIA, NORTH_KOREA])],
    )  # fmt: skip
    t = PUTIN_TEXT
    putin = article(
        "putin",
        t,
        None,
        [PUTIN, NORTH_KOREA],
        [quote(t, "North Korea was ready for talks", "indirect", "said", "Vladimir Putin", PUTIN,
               [NORTH_KOREA])],
    )  # fmt: skip
    return [lavrov, spokeswoman, blinken, putin]


@pytest.fixture
def quoted(store: Store) -> Store:
    for item in build_corpus():
        assert store.save(item)
    return store


def contents(store: Store, **filters: Any) -> list[str]:
    return [row.text for row in store.quotes(**filters)]


LAVROV_ON_PRK = "North Korea was a good neighbour"
KIM_ON_RUS = "Russia"
SPOKESWOMAN = "“The United Nations must not meddle,”"
BLINKEN_ON_BOTH = "Russia and North Korea were isolated"
PUTIN_ON_PRK = "North Korea was ready for talks"


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        # oldest article first, undated articles last
        ({}, [LAVROV_ON_PRK, KIM_ON_RUS, BLINKEN_ON_BOTH, SPOKESWOMAN, PUTIN_ON_PRK]),
        ({"speaker_country": "RUS", "mentions": "PRK"}, [LAVROV_ON_PRK, PUTIN_ON_PRK]),
        ({"speaker_country": "RUSGOV", "mentions": "PRKGOV"}, [LAVROV_ON_PRK, PUTIN_ON_PRK]),
        (
            {"speaker_country": "RUS", "mentions": "PRK", "since": dt.date(2023, 9, 1)},
            [LAVROV_ON_PRK],
        ),
        ({"speaker_country": "PRK"}, [KIM_ON_RUS]),
        ({"speaker_country": "USA", "mentions": "RUS"}, [BLINKEN_ON_BOTH]),
        ({"speaker_country": "CHN"}, []),
        ({"mentions": "RUS"}, [KIM_ON_RUS, BLINKEN_ON_BOTH]),
        ({"mentions": "UNO"}, [SPOKESWOMAN]),
        ({"mentions": "IGO"}, []),  # a sector is not a code
        ({"speaker": "lavrov"}, [LAVROV_ON_PRK]),
        ({"speaker": "Spokeswoman"}, [SPOKESWOMAN]),  # the speaker's words, no actor
        ({"speaker": "Vladimir"}, [PUTIN_ON_PRK]),
        ({"kinds": ["direct"]}, [SPOKESWOMAN]),
        ({"kinds": ["partial"]}, []),
        ({"until": dt.date(2023, 9, 15)}, [LAVROV_ON_PRK, KIM_ON_RUS]),
        ({"since": dt.date(2023, 9, 15), "until": dt.date(2023, 9, 30)}, [BLINKEN_ON_BOTH]),
        ({"limit": 2}, [LAVROV_ON_PRK, KIM_ON_RUS]),
    ],
)
def test_filters(quoted: Store, filters: dict[str, Any], expected: list[str]) -> None:
    assert contents(quoted, **filters) == expected


def test_speaker_without_actor_never_matches_a_country(quoted: Store) -> None:
    # "a Russian spokeswoman" resolved to no actor: RUS cannot claim her quote.
    assert SPOKESWOMAN not in contents(quoted, speaker_country="RUS")


def test_row_carries_speaker_mentions_article_and_offsets(quoted: Store) -> None:
    (row,) = quoted.quotes(speaker="Lavrov")
    assert (row.kind, row.cue, row.speaker) == ("indirect", "said", "Sergei Lavrov")
    assert (row.speaker_name, row.speaker_code, row.speaker_country) == (
        "Sergei Lavrov", "RUSGOV", "RUS",
    )  # fmt: skip
    assert row.mentioned_names == ("North Korea",)
    assert row.mentioned_codes == ("PRKGOV",)
    assert (row.article_id, row.article_title, row.article_source) == (
        "lavrov", "Title lavrov", "Wire",
    )  # fmt: skip
    assert row.article_published == dt.date(2023, 9, 14)
    assert LAVROV_TEXT[row.start : row.end] == row.text


def test_quote_mentioning_several_actors_lists_them_by_name(quoted: Store) -> None:
    (row,) = quoted.quotes(speaker_country="USA")
    assert row.mentioned_names == ("North Korea", "Russia")
    assert set(row.mentioned_countries) == {"PRK", "RUS"}


def test_unresolved_speaker_keeps_its_words(quoted: Store) -> None:
    (row,) = quoted.quotes(kinds=["direct"])
    assert row.speaker == "a Russian spokeswoman"
    assert row.speaker_name is None and row.speaker_code is None
