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
# An object shorter than this ("denied it", "confirmed the deal") names a topic, not a report.
MIN_OBJECT_TOKENS = 3
COMPLEMENT_DEPS = frozenset({"ccomp"})
NOUN_COMPLEMENT_DEPS = frozenset({"acl", "ccomp", "appos"})
# "Ben Carson: Clinton not fit to serve": a source of at most this many capitalised tokens,
# naming a person, organisation or group (or all proper nouns, not an upper-case dateline), before
# a colon that opens a paragraph (headline style).
HEADLINE_SOURCE_MAX = 4
HEADLINE_SOURCE_TYPES = frozenset({"PERSON", "ORG", "NORP", "GPE"})


def indirect_quotes(doc: Doc, cues: Cues, quoted: list[tuple[int, int]]) -> list[Found]:
    """Reported speech and thought outside quotation marks (`quoted` spans are skipped)."""
    verbs = cues.speech_verbs | cues.belief_verbs | cues.object_verbs
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
    found.extend(_headline_claims(doc, quoted))
    return found


def _headline_claims(doc: Doc, quoted: list[tuple[int, int]]) -> list[Found]:
    """Headline claims ("Putin: West wants war"): a named source, a colon, a claim."""
    found = []
    for sent in doc.sents:
        tokens = [t for t in sent if not t.is_space]
        colon = next(
            (k for k, t in enumerate(tokens[: HEADLINE_SOURCE_MAX + 1]) if t.text == ":"), None
        )
        if colon is None or colon == 0 or _inside(tokens[colon].idx, quoted):
            continue
        source, claim = tokens[:colon], tokens[colon + 1 :]
        at_paragraph_start = sent.start == 0 or "\n" in doc[sent.start - 1].text
        named = any(t.ent_type_ in HEADLINE_SOURCE_TYPES for t in source) or all(
            t.pos_ == "PROPN" and not t.text.isupper() for t in source
        )
        if not (at_paragraph_start and named and all(t.text[:1].isupper() for t in source)):
            continue
        content = _content(claim)
        if content is not None:
            colon_at = tokens[colon].idx
            speaker = (source[0].idx, source[-1].idx + len(source[-1].text))
            found.append(Found(*content, "indirect", (colon_at, colon_at + 1), speaker))
    return found


def _reported_clause(cue: Token, cues: Cues) -> Found | None:
    verbs = cues.speech_verbs | cues.belief_verbs
    complement = next((c for c in cue.children if c.dep_ in COMPLEMENT_DEPS), None)
    if complement is not None:
        content = _content(_clause(complement, verbs))
    elif (obj := _content_object(cue, cues)) is not None:
        content = _content(list(obj.subtree))
    elif cue.dep_ == "parataxis" and any(c.dep_ == "nsubj" for c in cue.children):
        # "This campaign, he says, is different": the cue interrupts the clause it reports.
        own = {t.i for t in cue.subtree}
        content = _content([t for t in _clause(cue.head, verbs) if t.i not in own])
    else:
        return None
    if content is None:
        return None
    return Found(*content, "indirect", cue_span(cue), attribution(cue, cues))


def _content_object(cue: Token, cues: Cues) -> Token | None:
    """The object of "announced new sanctions", when the verb reports what it takes."""
    if cue.lemma_.lower() not in cues.object_verbs:
        return None
    obj = next((c for c in cue.children if c.dep_ == "dobj"), None)
    if obj is None or obj.pos_ == "PRON" or len(list(obj.subtree)) < MIN_OBJECT_TOKENS:
        return None
    return obj


def _clause(root: Token, verbs: frozenset[str]) -> list[Token]:
    """The contiguous part of `root`'s subtree around it that no coordinated reporting verb
    takes over ("X said A, and Y said B": the content of the first "said" stops before "and")."""
    cuts = [
        t.left_edge.i
        for t in root.subtree
        if t.i != root.i and t.dep_ == "conj" and is_verb(t, verbs)
    ]
    start = max((c for c in cuts if c < root.i), default=root.left_edge.i - 1) + 1
    end = min((c for c in cuts if c > root.i), default=root.right_edge.i + 1)
    tokens = [t for t in root.subtree if start <= t.i < end]
    while len(tokens) > 1 and tokens[-1].dep_ == "cc":
        tokens = tokens[:-1]
    return tokens


def _noun_clause(noun: Token, cues: Cues) -> Found | None:
    for child in noun.children:
        if child.dep_ in NOUN_COMPLEMENT_DEPS and any(
            g.dep_ == "mark" and g.lower_ == "that" for g in child.children
        ):
            content = _content(list(child.subtree))
            if content is None:
                return None
            author = author_of(noun, cues)
            speaker = speaker_span(author) if author.i != noun.i else None
            cue = (noun.idx, noun.idx + len(noun.text))
            return Found(*content, "indirect", cue, speaker)
    return None


def _according_to(phrase: Span) -> Found | None:
    """Content of "according to X, ...": the clause the phrase modifies, minus the phrase."""
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
        tokens[0].is_punct
        or tokens[0].is_space
        or (tokens[0].dep_ == "mark" and tokens[0].lower_ == "that")
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
