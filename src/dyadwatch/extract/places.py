"""Toponyms of a parsed document, resolved to a country, a point and a precision.

Detection: spaCy GPE/LOC/FAC entities trimmed of determiners and possessives, plus a phrase
matcher for names the model misses (the hand-kept sites table, countries, US states and cities
of 100,000 people or more). Resolution ranks gazetteer
candidates in two tiers (countries, states, sites, continents and big cities before towns and
lesser regions, so "Egypt" never becomes a town in Arizona), then by population and the
article's country and US-state context, which comes from the caller and from the document's own
unambiguous places. "Paris, Texas" style qualifiers restrict the candidates.
"""

from __future__ import annotations

import functools
import itertools
import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.vocab import Vocab

from dyadwatch.records import ActorIndex, Place
from dyadwatch.resolve.gazetteer import DATA, Gazetteer, GazetteerEntry, normalize

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
# Kinds ranked in the first tier, so that a town never outranks a country or a US state. A city
# of this size joins a tier above them when its name is used as a metonym ("Washington warned").
TOP_KINDS = frozenset({"site", "country", "continent", "state"})
BIG_CITY = 500_000
# Priors on a log10(population) scale, set by hand on the first 100 LGL articles; region 5 -> 6
# (provinces over homonym towns: "Ontario") moved full-LGL acc@161 from 0.526 to 0.530.
PRIOR = {"site": 9.0, "country": 8.0, "continent": 8.0, "state": 7.0, "region": 6.0, "county": 4.5}
PRIMARY_NAME_BONUS = 1.0  # own name, not an alternate ("Augusta" is not Augsburg); LGL 100: +1 pt
CONTEXT_COUNTRY_BONUS = 1.5  # the entry's country is in the article's context ...
CONTEXT_SHARE_BONUS = 1.5  # ... plus this much times that country's share of the context
CONTEXT_STATE_BONUS = 2.0  # a US place in a state the article mentions
# The matcher adds names the recogniser missed (about a third of LGL's toponyms); towns are
# left to the recogniser, whose context avoids "Mobile" and "Reading" the adjectives.
MATCHED_CITY_POPULATION = 100_000
MIN_MATCHED_NAME = 3  # "US" and "UK" are left to the recogniser: "us" is a pronoun
_ADMIN_WORDS = frozenset({"county", "parish", "borough", "township"})
_TRIM_START = frozenset({"the", "a", "an", "this", "that", "these", "those"})


@dataclass
class _Mention:
    span: Span
    start: int
    end: int
    candidates: list[GazetteerEntry]
    qualifier: GazetteerEntry | None = None
    metonym: bool = False
    chosen: GazetteerEntry | None = None
    key: str = field(default="")


@dataclass
class _Context:
    countries: Counter[str] = field(default_factory=Counter)
    states: set[str] = field(default_factory=set)


def places(
    doc: Doc,
    gazetteer: Gazetteer,
    actors: ActorIndex | None = None,
    *,
    country_context: Sequence[str] = (),
) -> list[Place]:
    """Places named in `doc`, in text order, each with its best reading in this article."""
    mentions = [_mention(span, gazetteer) for span in _detect(doc, gazetteer)]
    mentions = [m for m in mentions if _capitalised(m.span) and (m.candidates or _proper(m.span))]
    _attach_qualifiers(doc, mentions, gazetteer)
    context = _context(mentions, country_context, actors)
    for mention in mentions:
        mention.metonym = _is_metonym(mention.span, actors)
        mention.chosen = _best(mention, context)
    # Second round: the first round's readings ("Georgia" the state) sharpen the context.
    context = _context(mentions, country_context, actors, resolved=True)
    for mention in mentions:
        mention.chosen = _best(mention, context)
    return [_place(doc, m, mentions, gazetteer) for m in mentions]


def _detect(doc: Doc, gazetteer: Gazetteer) -> list[Span]:
    """Trimmed entity spans and name-matcher hits, the longer kept where they overlap."""
    spans = [t for e in doc.ents if e.label_ in PLACE_LABELS if (t := _trim(e)) is not None]
    matcher = _name_matcher(doc.vocab, gazetteer)
    people = [e for e in doc.ents if e.label_ == "PERSON"]
    for _, start, end in matcher(doc):
        if (doc[start].is_title or doc[start].is_upper) and not _inside_person(
            doc, start, end, people
        ):
            spans.append(Span(doc, start, end, label="LOC"))
    chosen: list[Span] = []
    taken: set[int] = set()
    for span in sorted(spans, key=lambda s: (-(s.end - s.start), s.start)):
        if not taken.intersection(range(span.start, span.end)):
            chosen.append(span)
            taken.update(range(span.start, span.end))
    return sorted(chosen, key=lambda s: s.start)


def _inside_person(doc: Doc, start: int, end: int, people: list[Span]) -> bool:
    """A name match within a person's name ("Michael Jordan", "Jordan scored") is no place,
    unless a preposition shows it is one ("talks with Kyiv", which the model calls a person)."""
    for person in people:
        if person.start <= start and end <= person.end:
            if (person.start, person.end) != (start, end):
                return True
            return not (start > 0 and doc[start - 1].dep_ == "prep")
    return False


def _capitalised(span: Span) -> bool:
    return any(t.is_title or t.is_upper for t in span)


def _proper(span: Span) -> bool:
    """An unresolved GPE/LOC is kept only when it looks like a name ("east coast" does not)."""
    return span.label_ in {"GPE", "LOC"} and all(
        t.is_title or t.is_upper for t in span if t.is_alpha
    )


def _trim(span: Span) -> Span | None:
    """Drop leading determiners and trailing possessives; take in a following "County"."""
    start, end = span.start, span.end
    if end < len(span.doc) and span.doc[end].lower_ in _ADMIN_WORDS:
        end += 1
    while start < end and (span.doc[start].lower_ in _TRIM_START or span.doc[start].is_punct):
        start += 1
    while end > start and (span.doc[end - 1].tag_ == "POS" or span.doc[end - 1].is_punct):
        end -= 1
    return Span(span.doc, start, end, label=span.label_) if end > start else None


@functools.lru_cache(maxsize=4)
def _name_matcher(vocab: Vocab, gazetteer: Gazetteer) -> PhraseMatcher:
    """A case-insensitive matcher, built once, for names the entity recogniser misses: the sites
    table, and countries, US states and big cities (longer than MIN_MATCHED_NAME letters)."""
    from spacy.lang.en import English

    tokenizer = English(vocab=vocab).tokenizer
    matcher = PhraseMatcher(vocab, attr="LOWER")
    names = set(gazetteer.site_names())
    names |= {n.replace("'", "’") for n in names if "'" in n}
    names |= {
        k for k in gazetteer.well_known_keys(MATCHED_CITY_POPULATION) if len(k) > MIN_MATCHED_NAME
    }
    matcher.add("PLACE", [tokenizer(name) for name in sorted(names)])
    return matcher


def _mention(span: Span, gazetteer: Gazetteer) -> _Mention:
    return _Mention(
        span,
        span.start_char,
        span.end_char,
        gazetteer.candidates(span.text),
        key=normalize(span.text),
    )


def _attach_qualifiers(doc: Doc, mentions: list[_Mention], gazetteer: Gazetteer) -> None:
    """Qualified names ("Paris, Texas", "Springfield, Ill."): the second narrows the first."""
    for first, second in itertools.pairwise(mentions):
        between = doc.text[first.end : second.start]
        if between.strip() != ",":
            continue
        state = gazetteer.us_state(second.span.text)
        countries = {c.country for c in second.candidates if c.kind == "country"}
        if state is not None:
            narrowed = [
                c for c in first.candidates if c.country == "USA" and c.admin1 == state.admin1
            ]
            second.candidates = [state]
        elif countries:
            narrowed = [
                c for c in first.candidates if c.country in countries and c.kind != "country"
            ]
        else:
            continue
        if narrowed:
            first.candidates = narrowed
            first.qualifier = state


def _top(candidates: list[GazetteerEntry]) -> list[GazetteerEntry]:
    top = [c for c in candidates if _tier(c) == 2]
    return top or candidates


def _tier(entry: GazetteerEntry, metonym: bool = False) -> int:
    if metonym and entry.kind == "city" and entry.population >= BIG_CITY:
        return 3
    return 2 if entry.kind in TOP_KINDS else 1


def _context(
    mentions: list[_Mention],
    country_context: Sequence[str],
    actors: ActorIndex | None,
    *,
    resolved: bool = False,
) -> _Context:
    """Countries and US states that the article's unambiguous places and its actors point to."""
    context = _Context()
    context.countries.update(c for c in country_context if c)
    if actors is not None:
        context.countries.update(a.country for a in actors.actors if a.country)
    for mention in mentions:
        top = [mention.chosen] if resolved and mention.chosen else _top(mention.candidates)
        countries = {c.country for c in top}
        country = next(iter(countries)) if len(countries) == 1 else None
        if country is not None:
            context.countries[country] += 1
            states = {c.admin1 for c in top if c.country == "USA"}
            if len(states) == 1 and None not in states:
                context.states.add(next(iter(states)))  # type: ignore[arg-type]
    return context


def _best(mention: _Mention, context: _Context) -> GazetteerEntry | None:
    if not mention.candidates:
        return None
    total = sum(context.countries.values()) or 1

    def score(entry: GazetteerEntry) -> tuple[int, float]:
        value = PRIOR.get(entry.kind, math.log10(max(entry.population, 10)))
        if normalize(entry.name) == mention.key:
            value += PRIMARY_NAME_BONUS
        if entry.country and entry.country in context.countries:
            share = context.countries[entry.country] / total
            value += CONTEXT_COUNTRY_BONUS + CONTEXT_SHARE_BONUS * share
        if entry.country == "USA" and entry.kind != "state" and entry.admin1 in context.states:
            value += CONTEXT_STATE_BONUS
        return _tier(entry, mention.metonym), value

    return max(mention.candidates, key=score)


def _is_metonym(span: Span, actors: ActorIndex | None) -> bool:
    """The place name is the subject of a speech or action verb, or an actor mention says so."""
    if actors is not None and any(
        m.kind == "metonym" for m in actors.mentions_in(span.start_char, span.end_char)
    ):
        return True
    root = span.root
    while root.dep_ == "conj" and root.head.i != root.i:
        root = root.head  # "the United States and South Korea warned"
    if root.dep_ not in {"nsubj", "nsubjpass"} and not (
        root.dep_ == "pobj" and root.head.dep_ == "agent"
    ):
        return False
    verb = root.head.head if root.dep_ == "pobj" else root.head
    return verb.lemma_.lower() in _metonym_verbs()


@functools.cache
def _metonym_verbs() -> frozenset[str]:
    lines = Path(DATA / "metonym_verbs.txt").read_text(encoding="utf-8").splitlines()
    return frozenset(line.strip() for line in lines if line.strip() and not line.startswith("#"))


def _place(doc: Doc, mention: _Mention, mentions: list[_Mention], gazetteer: Gazetteer) -> Place:
    entry = mention.chosen
    text = doc.text[mention.start : mention.end]
    if entry is None:
        return Place(
            mention.start, mention.end, text, text, None, None, None, "region", mention.metonym
        )
    lat, lon = entry.lat, entry.lon
    if lat is None or lon is None:
        lat, lon = _locate_from_context(entry, mentions, gazetteer)
    return Place(
        mention.start,
        mention.end,
        text,
        entry.name,
        entry.country,
        lat,
        lon,
        entry.precision,
        mention.metonym,
    )


def _locate_from_context(
    entry: GazetteerEntry, mentions: list[_Mention], gazetteer: Gazetteer
) -> tuple[float | None, float | None]:
    """A place without coordinates (a US county): the mean of the article's towns in its state,
    else the state's point."""
    points = [
        (m.chosen.lat, m.chosen.lon)
        for m in mentions
        if m.chosen is not None
        and m.chosen.kind == "city"
        and m.chosen.country == entry.country
        and m.chosen.admin1 == entry.admin1
        and m.chosen.lat is not None
        and m.chosen.lon is not None
    ]
    if not points:
        state = gazetteer.us_state(entry.admin1) if entry.admin1 else None
        return (state.lat, state.lon) if state else (None, None)
    return (sum(p[0] for p in points) / len(points), sum(p[1] for p in points) / len(points))
