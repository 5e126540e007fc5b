"""Stores on every backend (SQLite; PostgreSQL in a throw-away schema) and the test corpus."""

from __future__ import annotations

import datetime as dt
import os
import secrets
from collections.abc import Iterator, Sequence
from typing import Any

import pytest
from sqlalchemy import create_engine, make_url, text
from sqlalchemy.exc import OperationalError

from dyadwatch.records import Actor, Annotation, Article, Event, EventPlace, Mention, Quote
from dyadwatch.store import Store

POSTGRES_URL = os.environ.get(
    "DYADWATCH_TEST_POSTGRES", "postgresql+psycopg://postgres@127.0.0.1:5432/test"
)


PUTIN = Actor("a1", "Vladimir Putin", "person", "RUS", "GOV", "RUSGOV")
KIM = Actor("a2", "Kim Jong Un", "person", "PRK", "GOV", "PRKGOV")
RUSSIA = Actor("a3", "Russia", "state", "RUS", "GOV", "RUSGOV")
NORTH_KOREA = Actor("a4", "North Korea", "state", "PRK", "GOV", "PRKGOV")
UN = Actor("a5", "United Nations", "organization", None, "IGO", "UNO")
USA = Actor("a6", "United States", "state", "USA", "GOV", "USAGOV")
PROTESTERS = Actor("a7", "protesters", "group", None, None, None)


def span(text: str, phrase: str, after: int = 0) -> tuple[int, int]:
    start = text.index(phrase, after)
    return start, start + len(phrase)


def sentence_span(text: str, phrase: str) -> tuple[int, int]:
    """The sentence (ending in '.') that holds `phrase`."""
    start, end = span(text, phrase)
    first = text.rfind(". ", 0, start)
    first = 0 if first < 0 else first + 2
    return first, text.index(".", end) + 1


def event(
    text: str,
    trigger: str,
    type_: str,
    sources: Sequence[tuple[Actor, str]],
    targets: Sequence[tuple[Actor, str]],
    *,
    date: str | None,
    modality: str = "asserted",
    mode: str | None = None,
    place: EventPlace | None = None,
) -> Event:
    sentence = sentence_span(text, trigger)
    return Event(
        type=type_,
        mode=mode,
        contexts=("diplomatic",),
        cameo="042" if type_ == "CONSULT" else "112",
        quad_class=1 if type_ == "CONSULT" else 3,
        goldstein=1.9 if type_ == "CONSULT" else -2.0,
        source=tuple(a.id for a, _ in sources),
        target=tuple(a.id for a, _ in targets),
        source_spans=tuple(span(text, phrase, sentence[0]) for _, phrase in sources),
        target_spans=tuple(span(text, phrase, sentence[0]) for _, phrase in targets),
        date=date,
        date_from="timex" if date else "none",
        place=place,
        modality=modality,
        confidence=0.8,
        sentence=sentence,
        trigger=span(text, trigger),
    )


def annotation(
    article_id: str,
    text: str,
    published: dt.date | None,
    actors: Sequence[Actor],
    events: Sequence[Event],
    quotes: Sequence[Quote] = (),
) -> Annotation:
    mentions = tuple(Mention(*span(text, a.name), a.name, a.id) for a in actors if a.name in text)
    article = Article(
        article_id, text, title=f"Title {article_id}", source="Wire", published=published
    )
    return Annotation(article, tuple(actors), mentions, events=tuple(events), quotes=tuple(quotes))


def build_corpus() -> list[Annotation]:
    """Four invented articles: a visit, an accusation by an IGO, a negated and a hypothetical
    event, a month-dated threat, an undated protest."""
    one = (
        "Vladimir Putin hosted Kim Jong Un at a cosmodrome on Wednesday. "
        "Kim Jong Un said his country stood with Russia."
    )
    two = (
        "The United Nations accused North Korea of breaking sanctions on Monday. "
        "Russia did not criticise North Korea."
    )
    three = "The United States could warn North Korea this month. Talks were expected."
    four = "Thousands of protesters marched against the United States."
    speaker = span(one, "Kim Jong Un said")[0]
    quote = Quote(
        *span(one, "his country stood with Russia"),
        "his country stood with Russia",
        "indirect",
        cue=span(one, "said"),
        speaker=(speaker, speaker + len("Kim Jong Un")),
        speaker_actor=KIM.id,
        mentioned_actors=(RUSSIA.id, RUSSIA.id),
    )
    return [
        annotation(
            "one",
            one,
            dt.date(2023, 9, 13),
            [PUTIN, KIM, RUSSIA],
            [
                event(
                    one,
                    "hosted",
                    "CONSULT",
                    [(KIM, "Kim Jong Un")],
                    [(PUTIN, "Vladimir Putin")],
                    date="2023-09-13",
                    mode="visit",
                    place=EventPlace("Vostochny", "RUS", 51.88, 128.33, "site"),
                )
            ],
            [quote],
        ),
        annotation(
            "two",
            two,
            dt.date(2023, 10, 2),
            [UN, NORTH_KOREA, RUSSIA],
            [
                event(
                    two,
                    "accused",
                    "ACCUSE",
                    [(UN, "United Nations")],
                    [(NORTH_KOREA, "North Korea")],
                    date="2023-10-02",
                ),
                event(
                    two,
                    "criticise",
                    "ACCUSE",
                    [(RUSSIA, "Russia")],
                    [(NORTH_KOREA, "North Korea")],
                    date="2023-10-02",
                    modality="negated",
                ),
            ],
        ),
        annotation(
            "three",
            three,
            dt.date(2023, 9, 20),
            [USA, NORTH_KOREA],
            [
                event(
                    three,
                    "warn",
                    "THREATEN",
                    [(USA, "United States")],
                    [(NORTH_KOREA, "North Korea")],
                    date="2023-09",
                    modality="hypothetical",
                )
            ],
        ),
        annotation(
            "four",
            four,
            None,
            [PROTESTERS, USA],
            [
                event(
                    four,
                    "marched",
                    "PROTEST",
                    [(PROTESTERS, "protesters")],
                    [(USA, "United States")],
                    date=None,
                )
            ],
        ),
    ]


@pytest.fixture
def corpus() -> list[Annotation]:
    return build_corpus()


@pytest.fixture
def unicode_article() -> Annotation:
    """Characters outside ASCII and the BMP before the evidence: offsets count code points."""
    text_ = "Évian 🚀 déjà vu. Vladimir Putin hosted Kim Jong Un in Vladivostok."
    visit = event(
        text_, "hosted", "CONSULT", [(KIM, "Kim Jong Un")], [(PUTIN, "Vladimir Putin")],
        date="2023-09-13",
    )  # fmt: skip
    return annotation("unicode", text_, dt.date(2023, 9, 13), [PUTIN, KIM], [visit])


@pytest.fixture
def crowd_articles() -> list[Annotation]:
    """Two articles that mention one actor with neither country nor code."""
    return [
        annotation(f"crowd{n}", text_, None, [PROTESTERS], [])
        for n, text_ in enumerate(["Angry protesters gathered.", "Many protesters marched on."])
    ]


@pytest.fixture
def postgres_url() -> Iterator[str]:
    """A throw-away schema on the test server; skips when the server is unreachable."""
    admin = create_engine(POSTGRES_URL, connect_args={"connect_timeout": 3})
    try:
        with admin.connect() as conn:
            conn.execute(text("select 1"))
    except OperationalError as exc:
        admin.dispose()
        pytest.skip(f"PostgreSQL not reachable at {POSTGRES_URL}: {exc.orig}")
    schema = f"dw_test_{secrets.token_hex(6)}"
    with admin.begin() as conn:
        conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    url = make_url(POSTGRES_URL).update_query_dict({"options": f"-csearch_path={schema}"})
    try:
        yield url.render_as_string(hide_password=False)
    finally:
        with admin.begin() as conn:
            conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def store_url(request: pytest.FixtureRequest, tmp_path: Any) -> str:
    if request.param == "postgres":
        return str(request.getfixturevalue("postgres_url"))
    return f"sqlite:///{tmp_path / 'sub' / 'dyadwatch.db'}"


@pytest.fixture
def store(store_url: str) -> Iterator[Store]:
    with Store.open(store_url) as opened:
        yield opened


@pytest.fixture
def filled(store: Store, corpus: list[Annotation]) -> Store:
    for item in corpus:
        assert store.save(item)
    return store
