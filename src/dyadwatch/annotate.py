"""The per-article pipeline of DESIGN §1: one spaCy pass, then the extractors in order.

`annotate_doc` is the pure function (parsed article + knowledge → Annotation); `Annotator`
holds what is loaded once per process (pipeline, knowledge base, gazetteer, lexicon) and maps
it over articles, in batches, for the CLI, the store and the Dask workers alike.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from dyadwatch.errors import Codes
from dyadwatch.extract.actor_places import place_actors
from dyadwatch.extract.actors import actors as extract_actors
from dyadwatch.extract.events import events as extract_events
from dyadwatch.extract.lexicon import Lexicon, load_lexicon
from dyadwatch.extract.places import places as extract_places
from dyadwatch.extract.quotes import quotes as extract_quotes
from dyadwatch.extract.timexes import timexes as extract_timexes
from dyadwatch.nlp.pipeline import load_nlp
from dyadwatch.records import Annotation, Article, Encoded, Rejection
from dyadwatch.resolve.gazetteer import Gazetteer
from dyadwatch.resolve.kb import KnowledgeBase

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

DEFAULT_BATCH_SIZE = 32  # long articles in batches of 1,000 hold GBs (DESIGN §7)

Outcome = Annotation | Rejection
EncodedOutcome = Encoded | Rejection


def encoded(outcome: Outcome) -> EncodedOutcome:
    """An annotation as its JSON line; a rejection as it is."""
    if isinstance(outcome, Rejection):
        return outcome
    return Encoded(json.dumps(outcome.to_dict(), ensure_ascii=False))


def annotate_doc(
    doc: Doc,
    article: Article,
    *,
    kb: KnowledgeBase,
    gazetteer: Gazetteer,
    lexicon: Lexicon,
) -> Annotation:
    """Annotate one parsed article: actors, time expressions, places, quotes, events."""
    # 1. actors and their mentions (knowledge base + in-document coreference)
    actor_index = extract_actors(doc, kb, article.published)
    # 2. time expressions, normalised against the publication date
    timexes = extract_timexes(doc, article.published)
    # 3. places, disambiguated by the countries the article is about
    countries = tuple(dict.fromkeys(a.country for a in actor_index.actors if a.country))
    places = extract_places(
        doc, gazetteer, actor_index, country_context=countries,
        home_hint=article.url or article.source,
    )
    place_actors(actor_index, places)  # "Donbas residents": the country of their place
    # 4. quotes with their speakers
    quotes = extract_quotes(doc, actor_index)
    # 5. events (may add ad hoc actors for unnamed but acting groups)
    events = extract_events(
        doc, actor_index, published=article.published, timexes=timexes, places=places,
        lexicon=lexicon, kb=kb,
    )
    return Annotation(
        article=article,
        actors=tuple(actor_index.actors),
        mentions=tuple(sorted(actor_index.mentions, key=lambda m: (m.start, m.end))),
        timexes=tuple(timexes),
        places=tuple(places),
        quotes=tuple(quotes),
        events=tuple(events),
    )


@dataclass
class Annotator:
    """Everything `annotate_doc` needs, loaded once per process."""

    nlp: Language
    kb: KnowledgeBase
    gazetteer: Gazetteer
    lexicon: Lexicon

    @classmethod
    def load(cls, *, actor_files: Sequence[Path] = ()) -> Annotator:
        return cls(
            nlp=load_nlp(),
            kb=KnowledgeBase.load(extra=tuple(actor_files)),
            gazetteer=Gazetteer.load(),
            lexicon=load_lexicon(),
        )

    def annotate(self, article: Article) -> Annotation:
        return self.annotate_parsed(self.nlp(article.text), article)

    def annotate_many(
        self, articles: Iterable[Article], *, batch_size: int = DEFAULT_BATCH_SIZE
    ) -> Iterator[Annotation]:
        """Annotations in input order, parsed with `nlp.pipe` in batches."""
        pairs = ((article.text, article) for article in articles)
        for doc, article in self.nlp.pipe(pairs, as_tuples=True, batch_size=batch_size):
            yield self.annotate_parsed(doc, article)

    def annotate_isolated(
        self, articles: Iterable[Article], *, batch_size: int = DEFAULT_BATCH_SIZE
    ) -> Iterator[tuple[Article, Outcome]]:
        """Like `annotate_many`, but an article whose annotation fails is an E020 rejection."""
        pairs = ((article.text, article) for article in articles)
        for doc, article in self.nlp.pipe(pairs, as_tuples=True, batch_size=batch_size):
            try:
                yield article, self.annotate_parsed(doc, article)
            except Exception as exc:
                origin = article.origin or article.id
                yield article, Rejection(origin, Codes.E020, f"annotation failed: {exc!r}")

    def annotate_parsed(self, doc: Doc, article: Article) -> Annotation:
        """Annotate an article whose text `doc` has already been parsed by `self.nlp`."""
        return annotate_doc(
            doc, article, kb=self.kb, gazetteer=self.gazetteer, lexicon=self.lexicon
        )
