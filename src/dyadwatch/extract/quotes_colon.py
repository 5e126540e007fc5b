"""Attributions made by a colon: headline and transcript claims ("Putin: West wants war",
"MATTHEWS: Well, ...") and a quote introduced by its source ("- Philip Bump: “...”"). Headlines
without a colon are `quotes_headlines`' (re-exported here for the finders that call both)."""

from __future__ import annotations

from collections import Counter

from spacy.tokens import Doc, Token

from dyadwatch.extract.quote_cues import Cues, Found, Span_, content_span, in_spans
from dyadwatch.extract.quotes_headlines import headline_claims as headline_claims

# "Ben Carson: Clinton not fit to serve": a source of at most this many capitalised tokens,
# naming a person, organisation or group (or all proper nouns, not an upper-case dateline), before
# a colon that opens a paragraph (headline or transcript style).
HEADLINE_SOURCE_MAX = 4
HEADLINE_SOURCE_TYPES = frozenset({"PERSON", "ORG", "NORP", "GPE"})
# The title line's source may come with a kicker and an audience ("EXCLUSIVE – Roger Stone:",
# "Former AG Mukasey at RNC:"): its colon may stand this many tokens in.
TITLE_SOURCE_MAX = 8
KICKER_DASHES = frozenset({"–", "—"})
# Lower-case words that end a title-line source and open its audience or occasion.
AUDIENCE_MARKERS = frozenset({"to", "at", "on"})
# Parts of speech that show a title phrase ("FIX IS IN:", "The Ninth Circle:"), not a source.
FUNCTION_WORDS = frozenset({"ADP", "AUX", "DET", "PRON", "CCONJ", "SCONJ"})
# A paragraph "Name: ..." of at most this many words, its name opening no other paragraph, is an
# entry of a list ("Rubio: Finish second"); 2 of 14 such claims were right on PolNeAR (harness,
# all parts), both transcript turns.
LABEL_MAX_WORDS = 5
# A name (or surname) that opens at least this many paragraphs with a colon is a transcript speaker.
TRANSCRIPT_TURNS = 2
# Who may introduce a quote with a bare colon ("Pew Research: “...”"): a person or organisation.
QUOTE_SOURCE_TYPES = frozenset({"PERSON", "ORG"})


def colon_claims(doc: Doc, cues: Cues, quoted: list[tuple[int, int]]) -> list[Found]:
    """Claims after "Source:" at the start of a paragraph, up to the end of the paragraph. The
    source is named when it is an entity here or elsewhere in the article (headlines and
    upper-case transcript names fool the tagger), or when it opens several paragraphs (the
    speakers of a transcript: "TAPPER: ...")."""
    found = []
    names = {
        word.lower()
        for ent in doc.ents
        if ent.label_ in HEADLINE_SOURCE_TYPES
        for word in ent.text.split()
        if not word.isupper()
    }
    openers = [
        (first, _colon_after(doc, first, TITLE_SOURCE_MAX if first == 0 else HEADLINE_SOURCE_MAX))
        for first in _paragraph_starts(doc)
    ]
    # A transcript names a speaker in full once, then by surname ("KATE BOLDUAN:", "BOLDUAN:").
    turns = Counter(doc[colon - 1].lower_ for first, colon in openers if colon not in {None, first})
    labels = cues.headline_labels
    for first, colon in openers:
        if colon is None or colon == first or in_spans(doc[colon].idx, quoted):
            continue
        source = list(doc[first:colon]) if first else _title_source(list(doc[first:colon]))
        if not source:
            continue
        if len(source) == 1 and len(source[0].text) == 1:
            continue  # an interview's "Q:" and "A:": the turn is no one's claim, its reports are
        named = (
            first == 0  # the title line: "Poll: ...", "Clinton camp: ..."
            or any(t.ent_type_ in HEADLINE_SOURCE_TYPES for t in source)
            or all(t.pos_ == "PROPN" and not t.text.isupper() for t in source)
            or source[-1].lower_ in names
            or turns[source[-1].lower_] >= TRANSCRIPT_TURNS
        )
        # A sentence-case title names its source so ("Clinton camp:"); a paragraph capitalises it.
        capitalised = source[:1] if first == 0 else source
        if not (named and all(t.text[:1].isupper() for t in capitalised)):
            continue
        if " ".join(t.lower_ for t in source) in labels:
            continue
        words = _to_paragraph_end(doc[colon])
        if first and turns[source[-1].lower_] < TRANSCRIPT_TURNS and _is_label(words):
            continue
        content = content_span(words)
        if content is not None:
            colon_at = doc[colon].idx
            speaker = (source[0].idx, source[-1].idx + len(source[-1].text))
            found.append(Found(*content, "indirect", (colon_at, colon_at + 1), speaker))
    return found


def _is_label(words: list[Token]) -> bool:
    """A short entry of a list ("Sanders: Win in a walk", "Iowa: Tim Albrecht"), no claim."""
    return sum(t.is_alpha for t in words) <= LABEL_MAX_WORDS


def _paragraph_starts(doc: Doc) -> list[int]:
    """Index of the first token of each paragraph."""
    starts = [0] if len(doc) and not doc[0].is_space else []
    starts += [t.i + 1 for t in doc[:-1] if t.is_space and "\n" in t.text]
    return [i for i in starts if not doc[i].is_space]


def _title_source(words: list[Token]) -> list[Token]:
    """The source of the title line's colon claim: after a kicker ("EXCLUSIVE – Roger Stone:"),
    before the audience or occasion ("Clinton to Planned Parenthood:", "Mukasey at RNC:"); none
    when function words show a phrase, not a name ("FIX IS IN:", "Big Win For Bernie:"), unless
    it opens with one."""
    dashes = [k for k, t in enumerate(words) if t.text in KICKER_DASHES]
    if dashes:
        words = words[dashes[-1] + 1 :]
    cut = next((k for k, t in enumerate(words) if k and t.lower_ in AUDIENCE_MARKERS), None)
    if cut is not None:
        words = words[:cut]
    named = bool(words) and words[0].ent_type_ in QUOTE_SOURCE_TYPES  # "Clinton Wades In:"
    if sum(t.is_alpha for t in words) > HEADLINE_SOURCE_MAX or (
        any(t.pos_ in FUNCTION_WORDS and not (named and t.pos_ == "ADP") for t in words)
    ):
        return []
    return words


def _colon_after(doc: Doc, first: int, window: int) -> int | None:
    """Index of a colon among the first `window` + 1 tokens of a paragraph."""
    for token in doc[first : first + window + 1]:
        if "\n" in token.text:
            return None
        if token.text == ":":
            return token.i
    return None


def colon_source(before: list[Token]) -> Span_ | None:
    """The source named before a colon that opens a quote ("More from Pew Research:", "Here is
    Clinton in 1992:"): the last person or organisation in the words before it."""
    last = next((t for t in reversed(before) if t.ent_type_ in QUOTE_SOURCE_TYPES), None)
    if last is None:
        return _capitalised_name(before) or _from_source(before)
    first = last
    while first.ent_iob_ == "I" and first.i > 0 and first.nbor(-1) in before:
        if first.nbor(-1).is_punct:
            break  # "FALL - Harvest Monitor": the tagger ran a heading into the name
        first = first.nbor(-1)
    return (first.idx, last.idx + len(last.text))


def _from_source(before: list[Token]) -> Span_ | None:
    """The source a heading takes a quote from ("From the report:", "More from Jones:"): the
    noun phrase after a "from" that opens the paragraph's words before the colon."""
    words = [t for t in before if not t.is_space]
    starts = [k for k, t in enumerate(words[:3]) if t.lower_ == "from"]
    if not starts or len(words) - starts[0] - 1 > HEADLINE_SOURCE_MAX:
        return None
    phrase = words[starts[0] + 1 :]
    if not phrase or not any(t.pos_ in {"NOUN", "PROPN"} for t in phrase):
        return None
    return (phrase[0].idx, phrase[-1].idx + len(phrase[-1].text))


def _capitalised_name(before: list[Token]) -> Span_ | None:
    """A name the tagger missed right before the colon ("- Pew Research:"): up to
    HEADLINE_SOURCE_MAX capitalised words after a dash or at the start of the paragraph, not
    in capitals throughout (a heading)."""
    words: list[Token] = []
    for token in reversed(before):
        capitalised = token.text[:1].isupper() and not token.text.isupper()
        if not (token.is_alpha and capitalised and not token.is_stop):
            break
        words.insert(0, token)
    opener = before[len(before) - len(words) - 1] if len(words) < len(before) else None
    if not words or len(words) > HEADLINE_SOURCE_MAX:
        return None
    if opener is not None and opener.text not in {"-", "—", "–"}:
        return None
    return (words[0].idx, words[-1].idx + len(words[-1].text))


def _to_paragraph_end(colon: Token) -> list[Token]:
    """The tokens after `colon` up to the end of its paragraph (a headline is one line, though the
    parser may run its sentence on into the next paragraph; a transcript turn may hold several
    sentences)."""
    tokens = []
    for token in colon.doc[colon.i + 1 :]:
        if "\n" in token.text:
            break
        tokens.append(token)
    return tokens
