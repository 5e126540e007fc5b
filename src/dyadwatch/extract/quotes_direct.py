"""Direct and partial quotes: text between quotation marks (`quotes_marks`), with the cue and
speaker around it."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from dyadwatch.extract.quote_cues import (
    Cues,
    Found,
    attribution,
    cue_span,
    is_verb,
    phrase_object,
    source_phrase_at,
    speaker_span,
)
from dyadwatch.extract.quotes_colon import colon_source
from dyadwatch.extract.quotes_marks import Marked, after_sentence_end, marked_spans
from dyadwatch.nlp.text import doc_text

__all__ = ["direct_quotes", "marked_spans"]

SENTENCE_END = frozenset({".", "!", "?"})
# Last character inside a quote (or right after it) that lets an attribution follow: “...,” he said.
OPEN_ENDINGS = frozenset(",?!—–-:")
# How far after a quote a "he said" may start, in tokens ("..., US State Department spokesman
# Matthew Miller said" is 7); set by reading invented and sample sentences, not tuned on data.
AFTER_WINDOW = 14
# How far after a quote that ends open the verb of an attribution the lexicon does not list may
# stand ("..., Sandy Paradis shot back"): a name of three words, then the verb.
SPEAKING_WINDOW = 4
# An unattributed quote continues the previous speaker only when it reads as speech, not as a
# title or a scare-quoted phrase: at least this many words and a verb.
CONTINUATION_MIN_WORDS = 4
# An embedded quote counts as "direct" rather than "partial" when it is a clause this long that
# starts with a capital (“China does not need to ...”).
DIRECT_MIN_WORDS = 5
# A quoted title ("Meet the Press") has at least this many capitalised words; one capitalised
# word ("Armageddon") is as often a scare-quoted claim.
TITLE_MIN_WORDS = 2
# Verbs whose object is whom they address ("told “Good Morning America”"), not what was said.
ADDRESSING_VERBS = frozenset({"tell", "inform", "assure", "remind"})


def direct_quotes(doc: Doc, cues: Cues) -> list[Found]:
    """Quotes in quotation marks that a cue attributes, plus uncued continuations (which share
    the cue of the quote they continue: one attribution in several fragments)."""
    text = doc_text(doc)
    marks = marked_spans(text)
    found: list[Found] = []
    previous: tuple[Found, Marked] | None = None
    for k, mark in enumerate(marks):
        inner = _tokens_from(doc, mark.inner_start, mark.inner_end)
        words = [t for t in inner if t.is_alpha]
        if not words:
            continue
        before_from = marks[k - 1].end if k and marks[k - 1].paragraph == mark.paragraph else None
        after_to = marks[k + 1].start if k + 1 < len(marks) else len(text)
        quote = _attributed(doc, text, cues, mark, inner, before_from, after_to)
        if (
            quote is None
            and previous is not None
            and _continues(mark, inner, previous[1].paragraph)
        ):
            prior = previous[0]
            quote = Found(mark.start, mark.end, "direct", prior.cue, prior.speaker, continues=True)
        if quote is not None:
            found.append(quote)
            if not _aside(quote, previous, mark):
                previous = (quote, mark)
    return found


def _aside(quote: Found, previous: tuple[Found, Marked] | None, mark: Marked) -> bool:
    """A partial quote inside another report (“Revenues are up,” said X, who noted that prices
    had “cratered.” “Things are moving.”): what follows continues the direct quote before it."""
    if previous is None or quote.kind != "partial" or quote.cue == previous[0].cue:
        return False
    prior, prior_mark = previous
    return prior.kind == "direct" and prior_mark.paragraph == mark.paragraph


def continuations(doc: Doc, found: list[Found]) -> list[Found]:
    """Uncued quotes that continue a reported clause before them (X said that A. “B.”): the
    fragments of that report, sharing its cue and speaker, as `direct_quotes` does for a quote
    that continues a quote. A claimed quote between the report and the mark ends the report's
    run."""
    text = doc_text(doc)
    reports = sorted((q for q in found if q.kind != "direct" and q.cue), key=lambda q: q.start)
    added: list[Found] = []
    claimed_until = -1
    for mark in marked_spans(text):
        if any(q.start < mark.end and mark.start < q.end for q in found):
            claimed_until = mark.start
            continue
        before = [q for q in reports if q.end <= mark.start]
        if not before or claimed_until > before[-1].end:
            continue
        report = before[-1]
        inner = _tokens_from(doc, mark.inner_start, mark.inner_end)
        if _continues(mark, inner, _paragraph_of(text, report.end)):
            added.append(Found(mark.start, mark.end, "direct", report.cue, report.speaker, True))
    return added


def _paragraph_of(text: str, char: int) -> int:
    """Number of the paragraph holding `char`, counted as `marked_spans` counts them."""
    return sum(1 for line in text[:char].split("\n")[:-1] if line.strip())


def _attributed(
    doc: Doc,
    text: str,
    cues: Cues,
    mark: Marked,
    inner: list[Token],
    before_from: int | None,
    after_to: int,
) -> Found | None:
    span = (mark.start, mark.end)
    inner_text = text[mark.inner_start : mark.inner_end].rstrip()
    opens = _opens_sentence(text, mark)
    ends_open = inner_text[-1:] in OPEN_ENDINGS or text[mark.end : mark.end + 1] == ","
    kind = "direct" if opens or _is_clause(inner) else "partial"
    if ends_open and mark.closed:
        after = _after(doc, mark.end, after_to)
        listed = next((t for t in after if is_verb(t, cues.quoting_verbs)), None)
        if (verb := listed or _speaking_verb(after)) is not None:
            return Found(*span, kind, cue_span(verb), attribution(verb, cues, outside=span))
    elif mark.closed and (verb := _bare_attribution(_after(doc, mark.end, after_to), cues)):
        return Found(*span, kind, cue_span(verb), attribution(verb, cues, outside=span))
    before = _before(doc, mark, before_from)
    if before and (before[-1].text in {":", ","} or is_verb(before[-1], cues.quoting_verbs)):
        for token in reversed(before):
            phrase = source_phrase_at(token, cues)
            if phrase is not None:
                source = phrase_object(phrase)
                speaker = speaker_span(source) if source is not None else None
                return Found(*span, "direct", (phrase.start_char, phrase.end_char), speaker)
            if is_verb(token, cues.quoting_verbs | cues.stance_verbs):
                cue_kind = "direct" if _introduced(before, token, inner) else kind
                return Found(*span, cue_kind, cue_span(token), attribution(token, cues))
        named = colon_source(before[:-1]) if before[-1].text == ":" else None
        if named is not None:
            colon = before[-1].idx
            return Found(*span, "direct", (colon, colon + 1), named)
        doer = _colon_doer(before)
        if doer is not None:
            return Found(*span, "direct", cue_span(doer), attribution(doer, cues))
    governor = _governing_cue(inner, cues, span)
    if governor is not None:
        return Found(*span, kind, cue_span(governor), attribution(governor, cues, outside=span))
    return None


def _colon_doer(before: list[Token]) -> Token | None:
    """The verb of a clause whose colon opens a whole quoted sentence ("She then addressed the
    crowd again: “Here is what I regret.”"), when it has a subject: what follows the colon is
    what its subject said."""
    if before[-1].text != ":" or len(before) < 3:
        return None
    verb = before[-2].sent.root if before[-2].sent.root in before else None
    if verb is None or verb.pos_ != "VERB" or not any(c.dep_ == "nsubj" for c in verb.children):
        return None
    return verb


def _introduced(before: list[Token], verb: Token, inner: list[Token]) -> bool:
    """A quote the verb introduces as speech of its own (He said: “...”; He said, “We ...”),
    not a fragment after a comma inside a reported clause (he said that if we go, “all is
    lost”)."""
    if before[-1].text == ":":
        return True
    if before[-1].text != ",":
        return False
    words = [t for t in inner if t.is_alpha]
    return before[-2:-1] == [verb] or (bool(words) and words[0].text[:1].isupper())


def _governing_cue(inner: list[Token], cues: Cues, span: tuple[int, int]) -> Token | None:
    """The nearest reporting or stance verb above the quote in the parse (Kim pledged his “...”)."""
    lemmas = cues.quoting_verbs | cues.stance_verbs
    for token in inner:
        top, head = token, token.head
        while span[0] <= head.idx < span[1] and head.head.i != head.i:
            top, head = head, head.head
        if span[0] <= head.idx < span[1]:
            continue
        below = None
        for ancestor in [head, *head.ancestors]:
            if is_verb(ancestor, lemmas) and not _aspectual(ancestor, below, cues):
                if _title_aside(inner, below or top):
                    return None
                return ancestor if _same_paragraph(ancestor, span) else None
            below = ancestor
        return None
    return None


def _title_aside(inner: list[Token], below: Token | None) -> bool:
    """A quoted title reached through a preposition of the verb ("told ABC's “Good Morning
    America”", "said on “Meet the Press”"): where it was said, not what."""
    words = [t for t in inner if t.is_alpha]
    capitalised = [t for t in words if t.text[:1].isupper()]
    titled = len(capitalised) >= TITLE_MIN_WORDS and all(
        t in capitalised or t.is_stop for t in words
    )
    if not titled or below is None:
        return False
    return below.dep_ == "prep" or (below.dep_ == "dobj" and below.head.lemma_ in ADDRESSING_VERBS)


def _same_paragraph(token: Token, span: tuple[int, int]) -> bool:
    """No paragraph break between `token` and `span` (the parser may run a sentence that ends a
    quote on into the next paragraph)."""
    text = doc_text(token.doc)
    return "\n" not in text[min(token.idx, span[1]) : max(token.idx, span[0])]


def _aspectual(verb: Token, below: Token | None, cues: Cues) -> bool:
    """A verb that governs the quote only through its infinitive and reports nothing by it
    ("will continue to be “a champion”"), unlike an intention ("pledged to fight “to the end”")."""
    return (
        below is not None
        and below.dep_ == "xcomp"
        and below.head.i == verb.i
        and verb.lemma_.lower() not in cues.intention_verbs | cues.stance_verbs
    )


def _continues(mark: Marked, inner: list[Token], previous: int) -> bool:
    """An uncued quote right after another quote or report that ended in paragraph `previous`
    (same paragraph, or the next one when the quote opens it)."""
    words = sum(1 for t in inner if t.is_alpha)
    has_verb = any(t.pos_ in {"VERB", "AUX"} for t in inner)
    near = mark.paragraph == previous or (
        mark.paragraph == previous + 1 and mark.start == mark.paragraph_start
    )
    return near and has_verb and words >= CONTINUATION_MIN_WORDS


def _is_clause(inner: list[Token]) -> bool:
    words = [t for t in inner if t.is_alpha]
    return (
        len(words) >= DIRECT_MIN_WORDS
        and words[0].text[:1].isupper()
        and any(t.pos_ in {"VERB", "AUX"} for t in inner)
    )


def _speaking_verb(after: list[Token]) -> Token | None:
    """Any verb right after a quote that ends open, with a named or pronoun subject beside it
    (“They’re all here for the free stuff,” Bennett shot back): how the quote was said, even by
    a verb the lexicon does not list."""
    for k, token in enumerate(after[:SPEAKING_WINDOW]):
        if token.pos_ != "VERB" or token.tag_ not in {"VBD", "VBZ"}:
            continue
        subject = next((c for c in token.children if c.dep_ == "nsubj"), None)
        if subject is None or subject.pos_ not in {"PROPN", "PRON"}:
            return None
        if subject.i < token.i and subject.left_edge.i != after[0].i:
            return None
        if subject.i > token.i and k != 0:
            return None
        return token
    return None


def _bare_attribution(after: list[Token], cues: Cues) -> Token | None:
    """The verb of a sentence that only attributes the quote before it, closed by a full stop
    (“We won.” Trump said.): a speech verb with nothing to report of its own."""
    if not after or after[-1].i + 1 >= len(after[-1].doc):
        return None
    if after[-1].nbor(1).text not in SENTENCE_END:
        return None
    for token in after:
        if is_verb(token, cues.quoting_verbs):
            own = {c.dep_ for c in token.children}
            return None if own & {"ccomp", "dobj", "xcomp"} else token
    return None


def _after(doc: Doc, start: int, stop: int) -> list[Token]:
    """Tokens after a quote up to the end of its sentence, the next quote or the window."""
    tokens: list[Token] = []
    for token in doc[_first_at(doc, start) :]:
        if token.idx >= stop or "\n" in token.text or len(tokens) >= AFTER_WINDOW:
            break
        if token.text in SENTENCE_END:
            break
        tokens.append(token)
    return tokens


def _before(doc: Doc, mark: Marked, previous_end: int | None) -> list[Token]:
    """Tokens of the sentence before a quote's opening mark, after any earlier quote; for a
    quote that opens its paragraph, the sentence that ends the paragraph before with a colon
    (“He told the crowd:” then the quote as a paragraph of its own)."""
    start = max(mark.paragraph_start, previous_end or 0)
    if mark.start == mark.paragraph_start:
        text = doc_text(doc)
        lead = text[:start].rstrip()
        if not lead.endswith(":") or (previous_end or 0) >= len(lead):
            return []
        start = max(lead.rfind("\n") + 1, previous_end or 0)
    tokens = [t for t in _tokens_from(doc, start, mark.start, whole=True) if not t.is_space]
    cut = max((i + 1 for i, t in enumerate(tokens) if t.text in SENTENCE_END), default=0)
    return tokens[cut:]


def _tokens_from(doc: Doc, start: int, stop: int, *, whole: bool = False) -> list[Token]:
    """Tokens from the first one at or after `start` that start before `stop` (with `whole`:
    that end at `stop` at the latest). Token offsets grow, so this stops at the first miss."""
    tokens: list[Token] = []
    for token in doc[_first_at(doc, start) :]:
        if token.idx >= stop or (whole and token.idx + len(token.text) > stop):
            break
        tokens.append(token)
    return tokens


def _first_at(doc: Doc, char: int) -> int:
    """Index of the first token starting at or after `char`."""
    lo, hi = 0, len(doc)
    while lo < hi:
        mid = (lo + hi) // 2
        if doc[mid].idx < char:
            lo = mid + 1
        else:
            hi = mid
    return lo


def _opens_sentence(text: str, mark: Marked) -> bool:
    return after_sentence_end(text[mark.paragraph_start : mark.start])
