"""Time expressions: TimeML extents found in a parsed `Doc`, with TIMEX3 types and values.

Candidates are spaCy's DATE and TIME entities plus a few expressions its NER misses ("now",
"currently", "the future"; a token Matcher over data/timex/vocabulary.yaml). Entities are cut
to TimeML extents: leading prepositions go ("on Tuesday" -> "Tuesday"), ranges are split ("the
quarter ended Sept. 30" -> two), adjacent pieces join ("Friday" + "morning"), ages and bare
numbers are dropped. Only these spans are normalised; free text is never searched for dates.
"""

from __future__ import annotations

import datetime as dt
import functools
import re

from spacy.matcher import Matcher
from spacy.tokens import Doc, Span
from spacy.vocab import Vocab

from dyadwatch.records import Timex
from dyadwatch.resolve.dates import normalise, vocabulary

ENTITY_LABELS = ("DATE", "TIME")
FUTURE_AUXILIARIES = frozenset({"will", "'ll", "shall", "wo", "going"})
PERFECT_AUXILIARIES = frozenset({"has", "have", "had", "'ve", "'s", "'d"})
HEAD_NOUNS = frozenset({"period", "quarter", "year", "month", "week", "half"})
_PLURAL_UNITS = frozenset({"days", "weeks", "months", "years", "hours", "minutes", "decades"})
_YEARISH = re.compile(r"(1[0-9]{3}|20[0-9]{2})s?|'\d0s")
_YEAR_BACK = re.compile(r"\byear[- ](ago|earlier)\b", re.IGNORECASE)
_BARE_NUMBER = re.compile(r"[\d.,/-]+")


def timexes(doc: Doc, published: dt.date | None) -> list[Timex]:
    """Time expressions of `doc` in text order, normalised against `published`."""
    found: list[Timex] = []
    for span in _candidates(doc):
        normalised = normalise(span.text, published, tense=clause_tense(span))
        value = normalised.value
        if _YEAR_BACK.search(span.text) and re.fullmatch(r"\d{4}", value):
            value = _same_quarter(found, span, value)
        found.append(Timex(span.start_char, span.end_char, span.text, normalised.type, value))
    return found


def _same_quarter(found: list[Timex], span: Span, year: str) -> str:
    """ "a year earlier" after "the third quarter" in the same sentence is that quarter's year."""
    for timex in reversed(found):
        if timex.start < span.sent.start_char:
            break
        if m := re.fullmatch(r"\d{4}-(Q\d|H\d)", timex.value):
            return f"{year}-{m.group(1)}"
    return year


def clause_tense(span: Span) -> str | None:
    """ "past", "present" or "future" of the verb that governs `span`, None without one."""
    token = span.root
    while token.pos_ not in ("VERB", "AUX") and token.head.i != token.i:
        token = token.head
    if token.pos_ not in ("VERB", "AUX"):
        return None
    auxiliaries = [c for c in token.children if c.dep_ in ("aux", "auxpass")]
    words = {a.lower_ for a in auxiliaries}
    if words & FUTURE_AUXILIARIES or token.lower_ in FUTURE_AUXILIARIES:
        return "future"
    tags = {token.tag_, *(a.tag_ for a in auxiliaries)}
    if words & PERFECT_AUXILIARIES or "VBD" in tags or (token.tag_ == "VBN" and not auxiliaries):
        return "past"
    if token.tag_ == "VB" and (words & {"to"} or "MD" in tags):
        return "future"  # infinitives and modals mostly point ahead: "set to resume Monday"
    if tags & {"VBZ", "VBP", "VBG"}:
        return "present"
    return None


def _candidates(doc: Doc) -> list[Span]:
    entities = [e for e in doc.ents if e.label_ in ENTITY_LABELS]
    taken = {i for e in entities for i in range(e.start, e.end)}
    recovered = [
        doc[start:end]
        for _, start, end in _matcher(doc.vocab)(doc)
        if not taken.intersection(range(start, end))
    ]
    pieces: list[Span] = []
    for span in sorted(entities + _longest(recovered), key=lambda s: s.start):
        pieces.extend(p for p in map(_trim, _split(_extend(span))) if p is not None and _keep(p))
    return _join_adjacent(pieces)


def _extend(span: Span) -> Span:
    """Take in the time noun an entity modifies: "the year-ago" + "quarter"."""
    doc = span.doc
    if span.end < len(doc) and doc[span.end].lower_ in HEAD_NOUNS and span.root.head.i == span.end:
        return doc[span.start : span.end + 1]
    return span


@functools.cache
def _matcher(vocab: Vocab) -> Matcher:
    matcher = Matcher(vocab)
    for words in vocabulary()["recover"]:
        matcher.add("TIMEX", [[{"LOWER": str(w)} for w in words]])
    return matcher


def _longest(spans: list[Span]) -> list[Span]:
    """Non-overlapping spans, the longest first."""
    kept: list[Span] = []
    for span in sorted(spans, key=lambda s: (-(s.end - s.start), s.start)):
        if all(span.end <= k.start or k.end <= span.start for k in kept):
            kept.append(span)
    return kept


def _split(span: Span) -> list[Span]:
    """Cut an entity at range words: "Aug. 26 to Oct. 20", "the year ended June 30"."""
    split_words = set(vocabulary()["split_words"])
    parts, start = [], span.start
    for token in span:
        spaced = token.i > 0 and bool(span.doc[token.i - 1].whitespace_)
        if token.lower_ in split_words and spaced and start < token.i < span.end - 1:
            parts.append(span.doc[start : token.i])
            start = token.i + 1
    parts.append(span.doc[start : span.end])
    return parts


def _trim(span: Span) -> Span | None:
    """Drop the words around a time expression that TimeML leaves outside its extent."""
    leading = set(vocabulary()["leading_trim"])
    doc, start, end = span.doc, span.start, span.end
    while start < end and (doc[start].lower_ in leading or _drop_article(doc, start, end)):
        start += 1
    while start < end and (
        doc[end - 1].is_punct or doc[end - 1].lower_ in ("'s", "’s", "of", "or", "and", "the")
    ):
        end -= 1
    return doc[start:end] if start < end else None


def _drop_article(doc: Doc, start: int, end: int) -> bool:
    """An article before a count, ordinal or plural unit: "the two days" -> "two days"."""
    if doc[start].lower_ not in ("the", "a", "an") or start + 1 >= end:
        return False
    following = doc[start + 1]
    if following.like_num and doc[start].lower_ != "the":
        return not _YEARISH.fullmatch(following.text)
    months = vocabulary()["months"]
    return (
        following.lower_ in _PLURAL_UNITS
        or following.lower_.rstrip(".") in months
        or bool(re.fullmatch(r"\d+(st|nd|rd|th)", following.lower_))
    )


def _keep(span: Span) -> bool:
    """False for ages ("52 years old"), bare numbers, and words TimeML does not tag."""
    text = span.text.lower()
    if text in vocabulary()["not_timex"] or not re.search(r"[a-z0-9]", text):
        return False
    doc = span.doc
    after = doc[span.end].lower_ if span.end < len(doc) else ""
    before = doc[span.start - 1].lower_ if span.start > 0 else ""
    if "old" in text.replace("-", " ").split() or after == "old" or before in ("aged", "age"):
        return False
    if _BARE_NUMBER.fullmatch(text):
        return bool(_YEARISH.fullmatch(text)) or "/" in text or text.count("-") == 2
    return True


def _join_adjacent(spans: list[Span]) -> list[Span]:
    """Join touching pieces into one expression: "Friday" + "morning", "5 p.m. EST" + "Nov. 9"."""
    joined: list[Span] = []
    for span in spans:
        if joined and joined[-1].end == span.start:
            joined[-1] = span.doc[joined[-1].start : span.end]
        elif not joined or joined[-1].end <= span.start:
            joined.append(span)
    return joined
