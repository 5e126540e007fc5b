"""Attributions made by a colon: headline and transcript claims ("Putin: West wants war",
"MATTHEWS: Well, ...") and a quote introduced by its source ("- Philip Bump: “...”")."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from dyadwatch.extract.quote_cues import Found, Span_, content_span

# "Ben Carson: Clinton not fit to serve": a source of at most this many capitalised tokens,
# naming a person, organisation or group (or all proper nouns, not an upper-case dateline), before
# a colon that opens a paragraph (headline or transcript style).
HEADLINE_SOURCE_MAX = 4
HEADLINE_SOURCE_TYPES = frozenset({"PERSON", "ORG", "NORP", "GPE"})
# Who may introduce a quote with a bare colon ("Pew Research: “...”"): a person or organisation.
QUOTE_SOURCE_TYPES = frozenset({"PERSON", "ORG"})


def colon_claims(doc: Doc, quoted: list[tuple[int, int]]) -> list[Found]:
    """Claims after "Source:" at the start of a paragraph, up to the end of the paragraph. The
    source is named when it is an entity here or elsewhere in the article (headlines and
    upper-case transcript names fool the tagger)."""
    found = []
    names = {
        word.lower()
        for ent in doc.ents
        if ent.label_ in HEADLINE_SOURCE_TYPES
        for word in ent.text.split()
        if not word.isupper()
    }
    for sent in doc.sents:
        tokens = [t for t in sent if not t.is_space]
        colon = next(
            (k for k, t in enumerate(tokens[: HEADLINE_SOURCE_MAX + 1]) if t.text == ":"), None
        )
        if colon is None or colon == 0 or _inside(tokens[colon].idx, quoted):
            continue
        source = tokens[:colon]
        at_paragraph_start = sent.start == 0 or "\n" in doc[sent.start - 1].text
        named = (
            sent.start == 0  # the title line: "Poll: ...", "Clinton camp: ..."
            or any(t.ent_type_ in HEADLINE_SOURCE_TYPES for t in source)
            or all(t.pos_ == "PROPN" and not t.text.isupper() for t in source)
            or source[-1].lower_ in names
        )
        if not (at_paragraph_start and named and all(t.text[:1].isupper() for t in source)):
            continue
        content = content_span(_to_paragraph_end(tokens[colon]))
        if content is not None:
            colon_at = tokens[colon].idx
            speaker = (source[0].idx, source[-1].idx + len(source[-1].text))
            found.append(Found(*content, "indirect", (colon_at, colon_at + 1), speaker))
    return found


def colon_source(before: list[Token]) -> Span_ | None:
    """The source named before a colon that opens a quote ("More from Pew Research:", "Here is
    Clinton in 1992:"): the last person or organisation in the words before it."""
    last = next((t for t in reversed(before) if t.ent_type_ in QUOTE_SOURCE_TYPES), None)
    if last is None:
        return _capitalised_name(before)
    first = last
    while first.ent_iob_ == "I" and first.i > 0 and first.nbor(-1) in before:
        if first.nbor(-1).is_punct:
            break  # "FALL - Harvest Monitor": the tagger ran a heading into the name
        first = first.nbor(-1)
    return (first.idx, last.idx + len(last.text))


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


def _inside(char: int, spans: list[tuple[int, int]]) -> bool:
    return any(start <= char < end for start, end in spans)
