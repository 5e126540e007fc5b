"""Typed records that flow through the pipeline (DESIGN.md §1 and §3).

Every record that carries a span keeps character offsets into the article text exactly as
printed, so `text[start:end]` is the evidence.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
from dataclasses import dataclass, field, fields, is_dataclass
from typing import Any

Span = tuple[int, int]


@dataclass(frozen=True)
class Article:
    """One article ready to annotate: normalised text plus metadata."""

    id: str
    text: str
    title: str | None = None
    source: str | None = None
    url: str | None = None
    published: dt.date | None = None
    language: str = "en"
    origin: str | None = None  # path, URL or "<stdin>" it came from

    @property
    def content_hash(self) -> str:
        """sha256 of the whitespace-normalised text: the key for exact duplicates."""
        normalised = " ".join(self.text.split())
        return "sha256:" + hashlib.sha256(normalised.encode("utf-8")).hexdigest()

    def meta_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "title": self.title,
            "source": self.source,
            "url": self.url,
            "published": self.published.isoformat() if self.published else None,
            "language": self.language,
        }


@dataclass(frozen=True)
class Rejection:
    """An input that could not become an article, with a stable code and a reason."""

    origin: str
    code: str
    reason: str


@dataclass(frozen=True)
class Encoded:
    """An annotation already written as its JSON line (DESIGN §3), as a worker sends it: a
    string costs the single writer far less to receive than the records it was made from."""

    line: str


@dataclass(frozen=True)
class Actor:
    """A canonical actor found in one article (ids are local: a1, a2, ...)."""

    id: str
    name: str
    kind: str  # person | organization | state | group | region
    country: str | None
    sector: str | None
    code: str | None  # CAMEO-style: RUSGOV, PRKMIL, UNO, ...
    kb_id: str | None = None  # the knowledge-base entry it resolved to, if any


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    text: str
    actor: str  # Actor.id
    kind: str = "name"  # name | alias | metonym | role | pronoun | demonym


@dataclass(frozen=True)
class Timex:
    start: int
    end: int
    text: str
    type: str  # DATE | TIME | DURATION | SET
    value: str  # TIMEX3 value: 2023-09-13, 2023-W37, P4Y, PRESENT_REF, ...


@dataclass(frozen=True)
class Place:
    start: int
    end: int
    text: str
    name: str
    country: str | None
    lat: float | None
    lon: float | None
    precision: str  # country | region | city | site
    metonym: bool = False  # "Moscow said": a place name standing for an actor


@dataclass(frozen=True)
class Quote:
    start: int
    end: int
    text: str
    kind: str  # direct | partial | indirect
    cue: Span | None
    speaker: Span | None
    speaker_actor: str | None
    mentioned_actors: tuple[str, ...] = ()


@dataclass(frozen=True)
class EventPlace:
    name: str
    country: str | None
    lat: float | None
    lon: float | None
    precision: str


@dataclass(frozen=True)
class Event:
    type: str
    mode: str | None
    contexts: tuple[str, ...]
    cameo: str
    quad_class: int
    goldstein: float
    source: tuple[str, ...]
    target: tuple[str, ...]
    source_spans: tuple[Span, ...]
    target_spans: tuple[Span, ...]
    date: str | None
    date_from: str  # timex | published | none
    place: EventPlace | None
    modality: str
    confidence: float
    sentence: Span
    trigger: Span


@dataclass(frozen=True)
class Annotation:
    """The output contract of DESIGN.md §3 for one article."""

    article: Article
    actors: tuple[Actor, ...] = ()
    mentions: tuple[Mention, ...] = ()
    timexes: tuple[Timex, ...] = ()
    places: tuple[Place, ...] = ()
    quotes: tuple[Quote, ...] = ()
    events: tuple[Event, ...] = ()
    extra: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        def clean(record: Any) -> dict[str, Any]:
            out: dict[str, Any] = _plain(record)
            out.pop("kb_id", None)
            return out

        return {
            "article": self.article.meta_dict(),
            "text": self.article.text,
            "actors": [clean(a) for a in self.actors],
            "mentions": [clean(m) for m in self.mentions],
            "timexes": [clean(t) for t in self.timexes],
            "places": [clean(p) for p in self.places],
            "quotes": [clean(q) for q in self.quotes],
            "events": [clean(e) for e in self.events],
        }


def _plain(value: Any) -> Any:
    """Records as dicts, tuples as lists (a stable JSON shape); what `dataclasses.asdict` gives,
    without its deep copy of every leaf (the records are frozen and their leaves immutable:
    `asdict` was the largest cost of writing an annotation)."""
    if is_dataclass(value) and not isinstance(value, type):
        return {name: _plain(getattr(value, name)) for name in _field_names(type(value))}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    return value


@functools.cache
def _field_names(record_type: type) -> tuple[str, ...]:
    return tuple(f.name for f in fields(record_type))


@dataclass
class ActorIndex:
    """Actors and mentions of one document, with lookups by character span.

    Built by `extract.actors`; read by the quote, place and event extractors.
    """

    actors: list[Actor] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)

    def actor(self, actor_id: str) -> Actor:
        for actor in self.actors:
            if actor.id == actor_id:
                return actor
        raise KeyError(actor_id)

    def mentions_in(self, start: int, end: int) -> list[Mention]:
        """Mentions that overlap [start, end), in text order."""
        return sorted(
            (m for m in self.mentions if m.start < end and start < m.end),
            key=lambda m: (m.start, -m.end),
        )

    def mention_at(self, start: int, end: int) -> Mention | None:
        """The longest mention overlapping [start, end), if any."""
        found = self.mentions_in(start, end)
        return max(found, key=lambda m: m.end - m.start) if found else None
