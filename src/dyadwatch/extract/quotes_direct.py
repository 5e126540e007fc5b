"""Direct and partial quotes: text between quotation marks, with the cue and speaker around it.

Marks are paired per paragraph, so one stray mark costs at most one paragraph, never the article
(textacy's `direct_quotations` gives up on an odd count). A quote left open at the end of a
paragraph is kept when it opened its paragraph, or opened a sentence and the next paragraph opens
another quote (the news convention for a quote running over several paragraphs).
"""

from __future__ import annotations

from dataclasses import dataclass

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

OPENING = "“«„"
CLOSING = "”»"
STRAIGHT = '"'
SENTENCE_END = frozenset({".", "!", "?"})
# Last character inside a quote (or right after it) that lets an attribution follow: “...,” he said.
OPEN_ENDINGS = frozenset(",?!—–-:")
# How far after a quote a "he said" may start, in tokens ("..., US State Department spokesman
# Matthew Miller said" is 7); set by reading invented and sample sentences, not tuned on data.
AFTER_WINDOW = 14
# An unattributed quote continues the previous speaker only when it reads as speech, not as a
# title or a scare-quoted phrase: at least this many words and a verb.
CONTINUATION_MIN_WORDS = 4
# An embedded quote counts as "direct" rather than "partial" when it is a clause this long that
# starts with a capital (“China does not need to ...”).
DIRECT_MIN_WORDS = 5


@dataclass(frozen=True)
class Marked:
    """A span between quotation marks (marks included)."""

    start: int
    end: int
    closed: bool
    paragraph: int
    paragraph_start: int


def marked_spans(text: str) -> list[Marked]:
    """Pair quotation marks paragraph by paragraph; straight marks get their role from context."""
    found: list[Marked] = []
    paragraphs = _paragraphs(text)
    for number, (p_start, p_end) in enumerate(paragraphs):
        open_at: int | None = None
        for i in range(p_start, p_end):
            role = _role(text, i, open_at is not None)
            if role == "open":
                open_at = i
            elif role == "close" and open_at is not None:
                found.append(Marked(open_at, i + 1, True, number, p_start))
                open_at = None
        if open_at is None:
            continue
        next_opens = number + 1 < len(paragraphs) and _opens_with_mark(text, paragraphs[number + 1])
        if open_at == p_start or (next_opens and _after_sentence_end(text[p_start:open_at])):
            end = len(text[:p_end].rstrip())
            if end - open_at > 1:
                found.append(Marked(open_at, end, False, number, p_start))
    return found


def direct_quotes(doc: Doc, cues: Cues) -> list[Found]:
    """Quotes in quotation marks that a cue attributes, plus uncued continuations (which share
    the cue of the quote they continue: one attribution in several fragments)."""
    text = doc.text
    marks = marked_spans(text)
    found: list[Found] = []
    previous: tuple[Found, Marked] | None = None
    for k, mark in enumerate(marks):
        inner_end = mark.end - 1 if mark.closed else mark.end
        inner = [t for t in doc if mark.start < t.idx < inner_end]
        words = [t for t in inner if t.is_alpha]
        if not words:
            continue
        before_from = marks[k - 1].end if k and marks[k - 1].paragraph == mark.paragraph else None
        after_to = marks[k + 1].start if k + 1 < len(marks) else len(text)
        quote = _attributed(doc, cues, mark, inner, before_from, after_to)
        if quote is None and previous is not None and _continues(mark, inner, previous[1]):
            prior = previous[0]
            quote = Found(mark.start, mark.end, "direct", prior.cue, prior.speaker, continues=True)
        if quote is not None:
            found.append(quote)
            previous = (quote, mark)
    return found


def _attributed(
    doc: Doc,
    cues: Cues,
    mark: Marked,
    inner: list[Token],
    before_from: int | None,
    after_to: int,
) -> Found | None:
    text = doc.text
    span = (mark.start, mark.end)
    inner_text = text[mark.start + 1 : mark.end - 1 if mark.closed else mark.end].rstrip()
    opens = _opens_sentence(text, mark)
    ends_open = inner_text[-1:] in OPEN_ENDINGS or text[mark.end : mark.end + 1] == ","
    kind = "direct" if opens or _is_clause(inner) else "partial"
    if ends_open and mark.closed:
        for token in _after(doc, mark.end, after_to):
            if is_verb(token, cues.speech_verbs):
                return Found(*span, kind, cue_span(token), attribution(token, cues, outside=span))
    before = _before(doc, mark, before_from)
    if before and (before[-1].text in {":", ","} or is_verb(before[-1], cues.speech_verbs)):
        for token in reversed(before):
            phrase = source_phrase_at(token, cues)
            if phrase is not None:
                source = phrase_object(phrase)
                speaker = speaker_span(source) if source is not None else None
                return Found(*span, "direct", (phrase.start_char, phrase.end_char), speaker)
            if is_verb(token, cues.speech_verbs | cues.stance_verbs):
                cue_kind = "direct" if before[-1].text in {":", ","} else kind
                return Found(*span, cue_kind, cue_span(token), attribution(token, cues))
    governor = _governing_cue(inner, cues, span)
    if governor is not None:
        return Found(*span, kind, cue_span(governor), attribution(governor, cues, outside=span))
    return None


def _governing_cue(inner: list[Token], cues: Cues, span: tuple[int, int]) -> Token | None:
    """The nearest reporting or stance verb above the quote in the parse (Kim pledged his “...”)."""
    lemmas = cues.speech_verbs | cues.stance_verbs
    for token in inner:
        head = token.head
        while span[0] <= head.idx < span[1] and head.head.i != head.i:
            head = head.head
        if span[0] <= head.idx < span[1]:
            continue
        for ancestor in [head, *head.ancestors]:
            if is_verb(ancestor, lemmas):
                return ancestor
        return None
    return None


def _continues(mark: Marked, inner: list[Token], previous: Marked) -> bool:
    """An uncued quote right after another one (same paragraph, or the next paragraph)."""
    words = sum(1 for t in inner if t.is_alpha)
    has_verb = any(t.pos_ in {"VERB", "AUX"} for t in inner)
    near = mark.paragraph == previous.paragraph or (
        mark.paragraph == previous.paragraph + 1 and mark.start == mark.paragraph_start
    )
    return near and has_verb and words >= CONTINUATION_MIN_WORDS


def _is_clause(inner: list[Token]) -> bool:
    words = [t for t in inner if t.is_alpha]
    return (
        len(words) >= DIRECT_MIN_WORDS
        and words[0].text[:1].isupper()
        and any(t.pos_ in {"VERB", "AUX"} for t in inner)
    )


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
    """Tokens of the sentence before a quote's opening mark, after any earlier quote."""
    start = max(mark.paragraph_start, previous_end or 0)
    tokens = [t for t in doc[_first_at(doc, start) :] if t.idx + len(t.text) <= mark.start]
    tokens = [t for t in tokens if not t.is_space]
    cut = max((i + 1 for i, t in enumerate(tokens) if t.text in SENTENCE_END), default=0)
    return tokens[cut:]


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
    return _after_sentence_end(text[mark.paragraph_start : mark.start])


def _after_sentence_end(prefix: str) -> bool:
    """Whether text after `prefix` (within a paragraph) starts a sentence or follows a colon."""
    prefix = prefix.rstrip()
    if not prefix or prefix[-1] in ".!?:":
        return True
    return prefix[-1] in CLOSING + STRAIGHT and prefix[-2:-1] in {".", "!", "?"}


def _paragraphs(text: str) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    start = 0
    for line in text.split("\n"):
        end = start + len(line)
        if line.strip():
            lead = len(line) - len(line.lstrip())
            spans.append((start + lead, end))
        start = end + 1
    return spans


def _opens_with_mark(text: str, paragraph: tuple[int, int]) -> bool:
    return text[paragraph[0] : paragraph[0] + 1] in set(OPENING + STRAIGHT)


def _role(text: str, i: int, is_open: bool) -> str | None:
    """The role of the character at `i`: "open", "close" or None."""
    char = text[i]
    if char in OPENING:
        return "open"
    if char in CLOSING:
        return "close"
    if char != STRAIGHT:
        return None
    before = text[i - 1] if i else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    opens = before.isspace() or before in "([{—–-/" or before in OPENING
    closes = after.isspace() or after in ".,;:!?)]}—–-'’" or after in CLOSING
    if opens and not closes:
        return "open"
    if closes and not opens:
        return "close"
    return "close" if is_open else "open"
