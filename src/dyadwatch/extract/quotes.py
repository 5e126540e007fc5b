"""Quotes of an article: direct, partial and indirect, each with its cue, speaker and the actor
the speaker is.

Speakers resolve through the actor index; a pronoun ("he added") takes the previous quote's
speaker, else the last person named outside quotation marks (the "he" after a quote that names
Putin is not Putin); a noun ("the ministry", "the spokesman") takes the closest earlier actor
whose name or title holds that noun.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import replace

from spacy.tokens import Doc

from dyadwatch.extract.quote_cues import Cues, Found, adverb_claims, load_cues, record_claims
from dyadwatch.extract.quotes_copular import poll_claims, viewpoint_claims
from dyadwatch.extract.quotes_direct import continuations, direct_quotes, marked_spans
from dyadwatch.extract.quotes_indirect import indirect_quotes
from dyadwatch.extract.quotes_trailing import second_parts, trailing_claims
from dyadwatch.nlp.text import doc_text
from dyadwatch.records import ActorIndex, Mention, Quote

PERSON_PRONOUNS = frozenset({"he", "she", "him", "her"})
GROUP_PRONOUNS = frozenset({"it", "they"})
# A pronoun speaker takes the previous quote's speaker only if that quote is this many paragraphs
# back at most; beyond, the last person named is the better guess (a reading of news style).
PRONOUN_PARAGRAPH_WINDOW = 2
# How far before a name a role noun may stand ("spokesman John Kirby"), in characters.
TITLE_WINDOW = 40
_WORD = re.compile(r"[A-Za-z][A-Za-z-]*")
_SENTENCE_BREAK = re.compile(r"[.!?]\s|\n")


def quotes(doc: Doc, actors: ActorIndex) -> list[Quote]:
    """All quotes of `doc` in text order, speakers resolved against `actors`."""
    cues = load_cues()
    direct = direct_quotes(doc, cues)
    # Reports inside quotation marks ("I think ...") belong to the quote, attributed or not; a
    # report of the same cue that runs beyond the quote ("Kasich: ‘We will win’ in Ohio") stays.
    text = doc_text(doc)
    marked = [(m.start, m.end) for m in marked_spans(text)]
    indirect = [
        _over_marks(q, marked)
        for q in indirect_quotes(doc, cues, marked) + _source_claims(doc, cues, marked)
        if not any(
            (_overlaps(q, d) and (q.cue != d.cue or _holds(d, q))) or _said_apart(q, d)
            for d in direct
            if d.kind == "direct"
        )
    ]
    # Reports the parser did not hang from their closing attribution ("..., records show.").
    indirect += [
        q
        for q in trailing_claims(doc, cues, marked)
        if not any(_overlaps(q, other) for other in indirect + direct)
    ]
    # "A, he said, and B.": B is a second fragment of the report of A.
    for part in second_parts(doc, cues, marked):
        first = next((q for q in indirect if q.cue == part.cue and q.end <= part.start), None)
        if first is not None and not any(_overlaps(part, q) for q in indirect + direct):
            indirect.append(replace(part, speaker=first.speaker))
    found = _fold_partials(direct, _through_partials(indirect, direct, text))
    found = sorted(found + continuations(doc, found), key=lambda q: (q.start, q.end))
    found = _nearest_reports(doc, found, cues)
    resolver = _Resolver(text, actors, marked)
    return [resolver.quote(q) for q in found]


def _source_claims(doc: Doc, cues: Cues, marked: list[tuple[int, int]]) -> list[Found]:
    """Attributions made without a reporting verb: "reportedly", "In a CNN poll, ...", "... led
    in a CNN poll"."""
    return (
        adverb_claims(doc, cues, marked)
        + record_claims(doc, cues, marked)
        + poll_claims(doc, cues, marked)
        + viewpoint_claims(doc, cues, marked)
    )


class _Resolver:
    """Resolves speakers in text order, remembering earlier quotes' speaker actors."""

    def __init__(self, text: str, actors: ActorIndex, marked: list[tuple[int, int]]) -> None:
        self.text = text
        self.actors = actors
        self.breaks = [m.start() for m in re.finditer(r"\n+", text)]
        self.outside = [m for m in actors.mentions if not _inside(m, marked)]
        self.history: list[tuple[int, str]] = []  # (paragraph, speaker actor) of earlier quotes

    def quote(self, found: Found) -> Quote:
        actor = self.speaker_actor(found)
        if actor is not None:
            self.history.append((self.paragraph(found.start), actor))
        mentioned = dict.fromkeys(m.actor for m in self.actors.mentions_in(found.start, found.end))
        return Quote(
            start=found.start,
            end=found.end,
            text=self.text[found.start : found.end],
            kind=found.kind,
            cue=found.cue,
            speaker=found.speaker,
            speaker_actor=actor,
            mentioned_actors=tuple(mentioned),
        )

    def speaker_actor(self, found: Found) -> str | None:
        if found.speaker is None:
            return None
        if found.continues and self.history:
            return self.history[-1][1]
        words = self.text[found.speaker[0] : found.speaker[1]]
        if words.lower() in PERSON_PRONOUNS | GROUP_PRONOUNS:
            return self.pronoun(words.lower(), found.start, found.speaker)
        mention = self.actors.mention_at(*found.speaker)
        if mention is not None:
            return mention.actor
        return self.nominal(words, found.speaker[0])

    def pronoun(self, word: str, start: int, speaker: tuple[int, int]) -> str | None:
        person = word in PERSON_PRONOUNS
        paragraph = self.paragraph(start)
        for where, actor in reversed(self.history):
            if paragraph - where > PRONOUN_PARAGRAPH_WINDOW:
                break
            if (self._kind(actor) in {"person", None}) == person:
                return actor
        if person:
            before = [
                m for m in self.outside if m.end <= speaker[0] and self._kind(m.actor) == "person"
            ]
            if before:
                return before[-1].actor
        mention = self.actors.mention_at(*speaker)
        return mention.actor if mention is not None else None

    def nominal(self, words: str, start: int) -> str | None:
        """A noun speaker ("the ministry"): the closest earlier actor so named or titled."""
        nouns = _WORD.findall(words)
        if not nouns:
            return None
        head = nouns[-1].lower()
        for mention in sorted(self.outside, key=lambda m: m.start, reverse=True):
            if mention.end > start:
                continue
            if head in _WORD.findall(self._name(mention).lower()) or self._titled(mention, head):
                return mention.actor
        return None

    def _titled(self, mention: Mention, head: str) -> bool:
        """The name comes right after the role noun, with only capitalised words between."""
        words = _WORD.findall(self.text[max(0, mention.start - TITLE_WINDOW) : mention.start])
        lowered = [w.lower() for w in words]
        if head not in lowered:
            return False
        after = words[len(lowered) - lowered[::-1].index(head) :]
        return all(w[:1].isupper() for w in after)

    def paragraph(self, char: int) -> int:
        return bisect.bisect_left(self.breaks, char)

    def _kind(self, actor_id: str) -> str | None:
        try:
            return self.actors.actor(actor_id).kind
        except KeyError:
            return None

    def _name(self, mention: Mention) -> str:
        try:
            return self.actors.actor(mention.actor).name
        except KeyError:
            return mention.text


def _nearest_reports(doc: Doc, found: list[Found], cues: Cues) -> list[Found]:
    """An uncued quote continues the report closest before it in its paragraph: in “A,” said
    X. B, X said, but “C.” the quote C is the second report's, not the first's. Only a report
    of a main clause's speech verb takes it over ("..., referring to Y. “C.”", "..., who noted
    that B. “C.”" still continue A)."""
    text = doc_text(doc)
    result = []
    for quote in found:
        if quote.continues and quote.cue is not None:
            between = [
                q
                for q in found
                if not q.continues
                and q.cue is not None
                and quote.cue[1] <= q.cue[0] < quote.start
                and q.end <= quote.start
                and "\n" not in text[q.cue[0] : quote.start]
                and _main_speech_verb(doc, q.cue, cues)
            ]
            if between:
                report = max(between, key=lambda q: q.cue[0] if q.cue else -1)
                quote = replace(quote, cue=report.cue, speaker=report.speaker)
        result.append(quote)
    return result


def _main_speech_verb(doc: Doc, cue: tuple[int, int], cues: Cues) -> bool:
    """A speech verb of a main clause ("X said", not "who noted", "praised Y")."""
    span = doc.char_span(*cue, alignment_mode="expand")
    if span is None:
        return False
    verb = span[0]
    return (
        verb.tag_ in {"VBD", "VBZ", "VBP"}
        and verb.lemma_.lower() in cues.speech_verbs
        and verb.dep_ not in {"relcl", "acl", "advcl"}
    )


def _fold_partials(direct: list[Found], indirect: list[Found]) -> list[Found]:
    """A partial quote inside a reported clause of the same cue ("she said the plan was “dead”")
    is part of that one report: keep the clause, as a partial quote."""
    folded = [
        replace(q, kind="partial")
        if any(_holds(q, d) for d in direct if d.kind == "partial")
        else q
        for q in indirect
    ]
    kept = [d for d in direct if not (d.kind == "partial" and any(_holds(q, d) for q in indirect))]
    return kept + folded


def _through_partials(indirect: list[Found], direct: list[Found], text: str) -> list[Found]:
    """A reported clause that stops short of a quoted fragment of its own cue later in the same
    sentence (she noted the attacks, her work and her jobs plan, from “Buffalo to Albany”: the
    parser split the list) runs to the end of that fragment."""
    extended = []
    for quote in indirect:
        end = quote.end
        for part in direct:
            gap = text[end : part.start]
            if (
                part.kind == "partial"
                and part.cue == quote.cue
                and part.start >= end
                and not _SENTENCE_BREAK.search(gap)
                and not any(
                    end <= span[0] < part.start for span in (quote.cue, quote.speaker) if span
                )
            ):
                end = part.end
        extended.append(replace(quote, end=end) if end != quote.end else quote)
    return extended


def _over_marks(quote: Found, marked: list[tuple[int, int]]) -> Found:
    """A reported clause that ends inside a quoted fragment (the parse stopped at a closing mark:
    he said there is a “long road ahead”) runs to the end of that fragment."""
    end = quote.end
    for start, stop in marked:
        if quote.start < start < end < stop:
            end = stop
    return replace(quote, end=end) if end != quote.end else quote


def _said_apart(report: Found, quote: Found) -> bool:
    """A clause of the cue verb of a whole quoted sentence that lies apart from it (“Too much
    hate,” she said, blaming Trump): the quote is what was said; the clause is no second part."""
    return (
        report.cue is not None
        and report.cue == quote.cue
        and not quote.continues
        and not _overlaps(report, quote)
    )


def _holds(outer: Found, inner: Found) -> bool:
    return outer.cue == inner.cue and outer.start <= inner.start and inner.end <= outer.end


def _overlaps(a: Found, b: Found) -> bool:
    return a.start < b.end and b.start < a.end


def _inside(mention: Mention, spans: list[tuple[int, int]]) -> bool:
    return any(start <= mention.start and mention.end <= end for start, end in spans)
