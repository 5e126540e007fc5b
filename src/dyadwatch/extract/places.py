"""Toponyms of a parsed document, resolved to a country, a point and a precision.

Detection: spaCy GPE/LOC/FAC entities trimmed of determiners and possessives; a phrase matcher
for names the model misses (the hand-kept sites table, countries, US states, cities of 100,000
people or more) and for demonyms ("Sudanese", "Texans": a nominal or adjectival reference to a
place, resolved to it and flagged as a metonym, since it never says where something happened);
datelines ("MANSFIELD --"); the place an organisation or facility is named for ("the Laurel
County Sheriff's Office", "Long Beach Airport"), which replaces a facility the gazetteer does
not know; the patterns of `toponym_rules` (towns in addresses and qualified by their state,
bare county names in lists, party affiliations, "-based", hyphened pairs, names the
recogniser cut short). Once the article's home
state is known, a name seen as a place once is a place everywhere in the article, and proper
names of towns in the home state are places too (the model often calls them people).
Resolution is `resolve.places.resolve`; "Paris, Texas" style qualifiers restrict the candidates
first, an unknown name takes the readings of the place it contains ("Northeast Georgia"), and
the source's home (`resolve.home`, from its URL or name) joins the article's places.
"""

from __future__ import annotations

import functools
import itertools
from collections.abc import Sequence
from pathlib import Path

from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token
from spacy.vocab import Vocab

from dyadwatch.extract.toponym_rules import (
    ADMIN_WORDS,
    COUNTY_LIST,
    DATELINE,
    based_in,
    contained_readings,
    county_lists,
    datelines,
    hyphened_pairs,
    named_counties,
    named_for_a_town,
    org_place,
    party_homes,
    qualified_towns,
    widened,
)
from dyadwatch.nlp.text import doc_text
from dyadwatch.records import ActorIndex, Place
from dyadwatch.resolve.gazetteer import DATA, Gazetteer, GazetteerEntry, normalize
from dyadwatch.resolve.home import Home, home_of
from dyadwatch.resolve.places import HOME_WEIGHT, Toponym, focus_of, locate, resolve

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
# The matcher adds names the recogniser missed (about a third of LGL's toponyms); towns are
# left to the recogniser, whose context avoids "Mobile" and "Reading" the adjectives.
MATCHED_CITY_POPULATION = 100_000
MIN_MATCHED_NAME = 3  # "US" and "UK" are left to the recogniser: "us" is a pronoun
MAX_LOCAL_NAME = 4  # tokens in a proper name tried against the home state's towns
HOME_KEY = "@home:"  # keys of the source's places: never the key of a name in the text
_TRIM_START = frozenset({"the", "a", "an", "this", "that", "these", "those"})
_LOCATIVE = frozenset({"in", "at", "near", "from", "of", "to", "outside", "around", "into"})
_HONORIFICS = frozenset(
    {"mr", "mrs", "ms", "dr", "sen", "rep", "gov", "judge", "officer", "coach", "chief", "sgt",
     "lt", "capt", "deputy", "detective", "sheriff"}
)


def places(
    doc: Doc,
    gazetteer: Gazetteer,
    actors: ActorIndex | None = None,
    *,
    country_context: Sequence[str] = (),
    home_hint: str | None = None,
) -> list[Place]:
    """Places named in `doc`, in text order, each with its best reading in this article.

    `home_hint` is the source's URL, domain or name: its country and the places it names count
    as the article's home ("onlineathens.com"), weighed like places of the text.
    """
    home = home_of(home_hint, gazetteer)
    anchors = [
        Toponym(0, 0, HOME_KEY + key, list(readings), home=True) for key, readings in home.places
    ]
    spans = _detect(doc, gazetteer)
    toponyms = _home_names(_toponyms(doc, spans, gazetteer, actors), home)
    context = _outside_context(country_context, actors, toponyms)
    if home.country:
        context += [home.country] * HOME_WEIGHT
    resolve([*toponyms, *anchors], context=context, home_country=home.country)
    local = _local_names(doc, spans, [*toponyms, *anchors], gazetteer, context)
    if local:
        spans = sorted(spans + local, key=lambda s: s.start)
        toponyms = _home_names(_toponyms(doc, spans, gazetteer, actors), home)
        resolve([*toponyms, *anchors], context=context, home_country=home.country)
    text = doc_text(doc)
    return [_place(text, t, toponyms, gazetteer) for t in toponyms]


def _outside_context(
    country_context: Sequence[str], actors: ActorIndex | None, toponyms: list[Toponym]
) -> list[str]:
    """The caller's countries and those of the actors, less the countries of actors named only
    by the article's toponyms: "Lebanon" as an actor is no evidence that the place "Lebanon" is
    the country, since a toponym does not vote for its own reading."""
    if actors is None:
        return [*country_context]
    spans = [(t.start, t.end) for t in toponyms]
    outside: set[str] = set()
    for mention in actors.mentions:
        if not any(start < mention.end and mention.start < end for start, end in spans):
            country = actors.actor(mention.actor).country
            if country:
                outside.add(country)
    own = {a.country for a in actors.actors if a.country} - outside
    named = [*country_context, *(a.country or "" for a in actors.actors)]
    return [c for c in named if c and c not in own]


def _home_names(toponyms: list[Toponym], home: Home) -> list[Toponym]:
    """The name of the source's home town means that town ("Athens" in an Athens paper)."""
    readings = dict(home.places)
    for toponym in toponyms:
        own = readings.get(toponym.key)
        if own and not toponym.demonym:
            toponym.candidates = [c for c in toponym.candidates if c in own] or toponym.candidates
    return toponyms


def _toponyms(
    doc: Doc, spans: list[Span], gazetteer: Gazetteer, actors: ActorIndex | None
) -> list[Toponym]:
    found = []
    for span in spans:
        toponym = _toponym(span, gazetteer)
        if not toponym.candidates and _proper(span):
            toponym.candidates = contained_readings(span, gazetteer)
        if _capitalised(span) and (toponym.candidates or _proper(span)):
            dateline = span.label_ == DATELINE
            toponym.metonym = toponym.demonym or (not dateline and _is_metonym(span, actors))
            found.append(toponym)
    _attach_qualifiers(doc, found, gazetteer)
    return found


def _toponym(span: Span, gazetteer: Gazetteer) -> Toponym:
    key = normalize(span.text)
    if span.label_ == COUNTY_LIST:
        counties = [
            c
            for suffix in ("County", "Parish")
            for c in gazetteer.candidates(f"{span.text} {suffix}")
            if c.kind == "county"
        ]
        return Toponym(span.start_char, span.end_char, key, counties)
    candidates = gazetteer.candidates(span.text)
    demonyms = gazetteer.demonym(span.text)
    if demonyms and (span.label_ == "NORP" or not candidates):
        return Toponym(span.start_char, span.end_char, key, list(demonyms), demonym=True)
    return Toponym(span.start_char, span.end_char, key, candidates)


def _detect(doc: Doc, gazetteer: Gazetteer) -> list[Span]:
    """Entity spans, matcher hits, datelines and organisations' places, longest kept."""
    spans = datelines(doc)  # first: they win over an entity of the same span
    spans += county_lists(doc, gazetteer)  # "Madison" in "Clarke and Madison counties"
    ents = doc.ents  # rebuilt from the tokens on every access: read it once
    spans += [
        widened(t, gazetteer)
        for e in ents
        if e.label_ in PLACE_LABELS and not named_for_a_town(e, gazetteer, _big(gazetteer))
        if (t := _trim(e)) is not None
    ]
    people = [e for e in ents if e.label_ == "PERSON"]
    places_matcher, demonym_matcher = _matchers(doc.vocab, gazetteer)
    for matcher, label in ((places_matcher, "LOC"), (demonym_matcher, "NORP")):
        for _, start, end in matcher(doc):
            if _initial(doc[start]) and not _inside_person(
                doc, start, end, people
            ):
                span = Span(doc, start, end, label=label)
                spans.append(widened(span, gazetteer) if label == "LOC" else span)
    organisations = [e for e in ents if e.label_ in ("ORG", "FAC")]
    spans += [s for e in organisations if (s := org_place(e, gazetteer, _big(gazetteer)))]
    counties = named_counties(doc, gazetteer)
    spans = [s for s in spans if not _around_county(s, counties)] + counties
    spans += qualified_towns(doc, gazetteer)
    spans += party_homes(doc, gazetteer) + based_in(doc, gazetteer) + hyphened_pairs(doc, gazetteer)
    return _longest(spans)


def _around_county(span: Span, counties: list[Span]) -> bool:
    """A facility named for its county ("the Henderson County Jail"): the county is the place."""
    return span.label_ == "FAC" and any(
        span.start <= c.start and c.end <= span.end and (c.start, c.end) != (span.start, span.end)
        for c in counties
    )


def _longest(spans: list[Span]) -> list[Span]:
    chosen: list[Span] = []
    taken: set[int] = set()
    for span in sorted(spans, key=lambda s: (-(s.end - s.start), s.start)):
        if not taken.intersection(range(span.start, span.end)):
            chosen.append(span)
            taken.update(range(span.start, span.end))
    return sorted(chosen, key=lambda s: s.start)


@functools.lru_cache(maxsize=2)
def _big(gazetteer: Gazetteer) -> frozenset[str]:
    """Keys of places big enough to stand for themselves in an organisation's name."""
    return frozenset(gazetteer.well_known_keys(MATCHED_CITY_POPULATION))


def _local_names(
    doc: Doc,
    spans: list[Span],
    toponyms: list[Toponym],
    gazetteer: Gazetteer,
    context: Sequence[str],
) -> list[Span]:
    """Proper names not yet taken that name a place seen elsewhere in the article or a town or
    county in its home state (one sense per discourse; local papers' own towns)."""
    home = focus_of(toponyms, context).home_state()
    seen = {t.key for t in toponyms if t.chosen is not None and not t.demonym}
    taken = {i for s in spans for i in range(s.start, s.end)}
    people = {i: e for e in doc.ents if e.label_ == "PERSON" for i in range(e.start, e.end)}
    found = []
    i = 0
    while i < len(doc):
        if i in taken or doc[i].pos_ != "PROPN" or not _initial(doc[i]):
            i += 1
            continue
        run = i
        while run < len(doc) and run - i < MAX_LOCAL_NAME and doc[run].pos_ == "PROPN":
            run += 1
        for end in range(run, i, -1):
            span = Span(doc, i, end, label="GPE")
            if taken.intersection(range(i, end)) or not _local(span, people, seen, home, gazetteer):
                continue
            found.append(span)
            i = end - 1
            break
        i += 1
    return found


def _local(
    span: Span, people: dict[int, Span], seen: set[str], home: str | None, gazetteer: Gazetteer
) -> bool:
    person = people.get(span.start)
    if person is not None and (person.start, person.end) != (span.start, span.end):
        return False
    before = span.doc[span.start - 1].lower_.rstrip(".") if span.start > 0 else ""
    if before in _HONORIFICS:
        return False
    key = normalize(span.text)
    if key in seen:
        return True
    # A town of the home state needs a preposition before a single word ("in Fargo"): "Center"
    # and "Day" are towns too.
    if home is None or ((person is not None or len(span) == 1) and before not in _LOCATIVE):
        return False
    return any(
        c.country == "USA" and c.admin1 == home and c.kind in {"city", "county"}
        for c in gazetteer.candidates(span.text)
    )


def _inside_person(doc: Doc, start: int, end: int, people: list[Span]) -> bool:
    """A name match within a person's name ("Michael Jordan", "Jordan scored") is no place,
    unless a preposition shows it is one ("talks with Kyiv", "like Sri Lanka's president",
    which the model calls persons)."""
    for person in people:
        if person.start <= start and end <= person.end:
            person_end = person.end - (doc[person.end - 1].tag_ == "POS")
            if (person.start, person_end) != (start, end):
                return True
            return not (start > 0 and doc[start - 1].dep_ == "prep")
    return False


def _capitalised(span: Span) -> bool:
    return any(_initial(t) for t in span)


def _initial(token: Token) -> bool:
    """Written with a capital initial ("Texas", "DeKalb", "MANSFIELD")."""
    return token.text[:1].isupper()


def _proper(span: Span) -> bool:
    """An unresolved GPE/LOC is kept only when it looks like a name ("east coast" does not)."""
    return span.label_ in {"GPE", "LOC", DATELINE} and all(
        _initial(t) for t in span if t.is_alpha
    )


def _trim(span: Span) -> Span | None:
    """Drop leading determiners and trailing possessives; take in a following "County"."""
    start, end = span.start, span.end
    if end < len(span.doc) and span.doc[end].lower_ in ADMIN_WORDS:
        end += 1
    while start < end and (span.doc[start].lower_ in _TRIM_START or span.doc[start].is_punct):
        start += 1
    while end > start and (span.doc[end - 1].tag_ == "POS" or span.doc[end - 1].is_punct):
        end -= 1
    return Span(span.doc, start, end, label=span.label_) if end > start else None


@functools.lru_cache(maxsize=4)
def _matchers(vocab: Vocab, gazetteer: Gazetteer) -> tuple[PhraseMatcher, PhraseMatcher]:
    """Case-insensitive matchers, built once: one for names the entity recogniser misses (the
    sites table, countries, US states and big cities longer than MIN_MATCHED_NAME letters), one
    for demonyms."""
    from spacy.lang.en import English

    tokenizer = English(vocab=vocab).tokenizer
    names = set(gazetteer.site_names())
    names |= {n.replace("'", "’") for n in names if "'" in n}
    names |= {
        k for k in gazetteer.well_known_keys(MATCHED_CITY_POPULATION) if len(k) > MIN_MATCHED_NAME
    }
    matchers = []
    for table in (names, gazetteer.demonym_keys()):
        matcher = PhraseMatcher(vocab, attr="LOWER")
        matcher.add("PLACE", [tokenizer(name) for name in sorted(table)])
        matchers.append(matcher)
    return matchers[0], matchers[1]


def _attach_qualifiers(doc: Doc, toponyms: list[Toponym], gazetteer: Gazetteer) -> None:
    """Qualified names ("Paris, Texas", "Springfield, Ill."): the second narrows the first."""
    text = doc_text(doc)
    for first, second in itertools.pairwise(toponyms):
        between = text[first.end : second.start]
        if between.strip() != ",":
            continue
        second_text = text[second.start : second.end]
        state = gazetteer.us_state(second_text)
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


def _place(
    doc_text: str, toponym: Toponym, toponyms: list[Toponym], gazetteer: Gazetteer
) -> Place:
    entry: GazetteerEntry | None = toponym.chosen
    text = doc_text[toponym.start : toponym.end]
    if entry is None:
        return Place(
            toponym.start, toponym.end, text, text, None, None, None, "region", toponym.metonym
        )
    lat, lon = locate(toponym, toponyms, gazetteer)
    return Place(
        toponym.start,
        toponym.end,
        text,
        entry.name,
        entry.country,
        lat,
        lon,
        entry.precision,
        toponym.metonym,
    )
