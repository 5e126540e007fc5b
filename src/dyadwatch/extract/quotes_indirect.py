"""Indirect quotes from the dependency parse: "X said (that) ...", "according to X, ...",
"X's claim that ...". The content is the complement clause without its "that"."""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from dyadwatch.extract.quote_cues import (
    Cues,
    Found,
    attribution,
    author_of,
    cue_span,
    is_verb,
    phrase_object,
    source_phrase_at,
    speaker_span,
)

# A complement shorter than this ("he said so", "she thinks not") reports nothing to code.
MIN_CONTENT_WORDS = 2
COMPLEMENT_DEPS = frozenset({"ccomp"})
NOUN_COMPLEMENT_DEPS = frozenset({"acl", "ccomp", "appos"})


def indirect_quotes(doc: Doc, cues: Cues, quoted: list[tuple[int, int]]) -> list[Found]:
    """Reported speech and thought outside quotation marks (`quoted` spans are skipped)."""
    verbs = cues.speech_verbs | cues.belief_verbs
    found: list[Found] = []
    for token in doc:
        if _inside(token.idx, quoted) or _is_question(token.sent, quoted):
            continue
        quote = None
        if is_verb(token, verbs):
            quote = _reported_clause(token, cues)
        elif token.pos_ == "NOUN" and token.lemma_.lower() in cues.cue_nouns:
            quote = _noun_clause(token, cues)
        else:
            phrase = source_phrase_at(token, cues)
            if phrase is not None and (token.i == 0 or doc[token.i - 1].lower_ != phrase[0].lower_):
                quote = _according_to(phrase)
        if quote is not None:
            found.append(quote)
    return found


def _reported_clause(cue: Token, cues: Cues) -> Found | None:
    complement = next((c for c in cue.children if c.dep_ in COMPLEMENT_DEPS), None)
    if complement is None:
        return None
    content = _content(list(complement.subtree))
    if content is None:
        return None
    return Found(*content, "indirect", cue_span(cue), attribution(cue, cues))


def _noun_clause(noun: Token, cues: Cues) -> Found | None:
    for child in noun.children:
        if child.dep_ in NOUN_COMPLEMENT_DEPS and any(
            g.dep_ == "mark" and g.lower_ == "that" for g in child.children
        ):
            content = _content(list(child.subtree))
            if content is None:
                return None
            author = author_of(noun, cues)
            speaker = speaker_span(author) if author is not noun else None
            cue = (noun.idx, noun.idx + len(noun.text))
            return Found(*content, "indirect", cue, speaker)
    return None


def _according_to(phrase: Span) -> Found | None:
    """"According to X, ...": the content is the clause the phrase modifies, minus the phrase."""
    head = phrase[0].head
    if phrase.start <= head.i < phrase.end:
        return None
    own = {t.i for t in phrase[0].subtree} | set(range(phrase.start, phrase.end))
    content = _content([t for t in head.subtree if t.i not in own])
    if content is None:
        return None
    source = phrase_object(phrase)
    speaker = speaker_span(source) if source is not None else None
    return Found(*content, "indirect", (phrase.start_char, phrase.end_char), speaker)


def _content(tokens: list[Token]) -> tuple[int, int] | None:
    """Character span of a clause without its leading "that" and edge punctuation."""
    tokens = sorted(tokens, key=lambda t: t.i)
    while tokens and (
        tokens[0].is_punct or tokens[0].is_space or (tokens[0].dep_ == "mark" and tokens[0].lower_ == "that")
    ):
        tokens = tokens[1:]
    while tokens and (tokens[-1].is_space or tokens[-1].text in {",", ".", ";", ":", "—", "–"}):
        tokens = tokens[:-1]
    if sum(1 for t in tokens if t.is_alpha) < MIN_CONTENT_WORDS:
        return None
    return (tokens[0].idx, tokens[-1].idx + len(tokens[-1].text))


def _inside(char: int, spans: list[tuple[int, int]]) -> bool:
    return any(start <= char < end for start, end in spans)


def _is_question(sent: Span, quoted: list[tuple[int, int]]) -> bool:
    """A sentence that ends in a question mark of its own ("Did he say that ...?")."""
    last = next((t for t in reversed(sent) if not t.is_space), None)
    return last is not None and last.text == "?" and not _inside(last.idx, quoted)
