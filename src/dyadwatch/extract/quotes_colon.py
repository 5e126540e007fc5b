"""Attributions made by a colon: headline and transcript claims ("Putin: West wants war",
"MATTHEWS: Well, ...") and a quote introduced by its source ("- Philip Bump: “...”"); and
headlines whose capitals defeat the tagger ("Le Pen Backs Trump", read word by word)."""

from __future__ import annotations

from collections import Counter

from spacy.tokens import Doc, Token

from dyadwatch.extract.quote_cues import Cues, Found, Span_, content_span

# "Ben Carson: Clinton not fit to serve": a source of at most this many capitalised tokens,
# naming a person, organisation or group (or all proper nouns, not an upper-case dateline), before
# a colon that opens a paragraph (headline or transcript style).
HEADLINE_SOURCE_MAX = 4
HEADLINE_SOURCE_TYPES = frozenset({"PERSON", "ORG", "NORP", "GPE"})
# A name that opens at least this many paragraphs with a colon is a transcript speaker.
TRANSCRIPT_TURNS = 2
# Endings that turn a headline verb into its lemma ("Endorses", "Dismissed", "Backs").
INFLECTIONS = ("es", "s", "ed", "d")
# Question words that open a headline before its subject ("Why Republicans Won't Renounce X").
HEADLINE_OPENERS = frozenset({"why", "how", "when", "where", "what", "as"})
# Words after which a capitalised headline word is a verb in its base form ("Just Called").
VERB_OPENERS = frozenset({"just", "to", "will", "would", "may", "might", "can", "could"})
# Who may introduce a quote with a bare colon ("Pew Research: “...”"): a person or organisation.
QUOTE_SOURCE_TYPES = frozenset({"PERSON", "ORG"})


def colon_claims(doc: Doc, quoted: list[tuple[int, int]]) -> list[Found]:
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
    openers = [(first, _colon_after(doc, first)) for first in _paragraph_starts(doc)]
    turns = Counter(
        " ".join(t.text for t in doc[first:colon]) for first, colon in openers if colon is not None
    )
    for first, colon in openers:
        if colon is None or colon == first or _inside(doc[colon].idx, quoted):
            continue
        source = list(doc[first:colon])
        named = (
            first == 0  # the title line: "Poll: ...", "Clinton camp: ..."
            or any(t.ent_type_ in HEADLINE_SOURCE_TYPES for t in source)
            or all(t.pos_ == "PROPN" and not t.text.isupper() for t in source)
            or source[-1].lower_ in names
            or turns[" ".join(t.text for t in source)] >= TRANSCRIPT_TURNS
        )
        if not (named and all(t.text[:1].isupper() for t in source)):
            continue
        content = content_span(_to_paragraph_end(doc[colon]))
        if content is not None:
            colon_at = doc[colon].idx
            speaker = (source[0].idx, source[-1].idx + len(source[-1].text))
            found.append(Found(*content, "indirect", (colon_at, colon_at + 1), speaker))
    return found


def _paragraph_starts(doc: Doc) -> list[int]:
    """Index of the first token of each paragraph."""
    starts = [0] if len(doc) and not doc[0].is_space else []
    starts += [t.i + 1 for t in doc[:-1] if t.is_space and "\n" in t.text]
    return [i for i in starts if not doc[i].is_space]


def _colon_after(doc: Doc, first: int) -> int | None:
    """Index of a colon among the first HEADLINE_SOURCE_MAX + 1 tokens of a paragraph."""
    for token in doc[first : first + HEADLINE_SOURCE_MAX + 1]:
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


def _inside(char: int, spans: list[tuple[int, int]]) -> bool:
    return any(start <= char < end for start, end in spans)


def headline_claims(doc: Doc, cues: Cues) -> list[Found]:
    """A headline's report read word by word ("Le Pen Backs Trump", "Panel Just Dismissed X"):
    the tagger reads a capitalised headline verb as a name, so the first word after the subject
    whose lemma, by its inflection, is a reporting or stance verb is the cue; the words before it
    are the source (naming someone: "Growth Figures Surprise X" is no report) and those after
    it, to the end of the line, the content."""
    verbs = (
        cues.speech_verbs
        | cues.stance_verbs
        | cues.object_verbs
        | cues.intention_verbs
        | cues.belief_verbs
    )
    line = _to_paragraph_end(doc[0]) if len(doc) else []
    words = [doc[0], *line] if len(doc) and not doc[0].is_space else []
    lower = [t for t in words if t.is_alpha and not t.is_stop and not t.text[:1].isupper()]
    if lower:
        return []  # a headline in sentence case: the parse holds, the other finders read it
    if words and words[0].lower_ in HEADLINE_OPENERS:
        words = words[1:]
    for k, token in enumerate(words[1:-1], start=1):
        if token.text == ":" or token.is_quote:
            return []
        before = words[k - 1]
        if not (token.is_alpha and before.is_alpha) or (
            before.is_stop and before.lower_ not in VERB_OPENERS
        ):
            continue
        if not _headline_lemmas(token.lower_) & verbs or not _headline_verb(token, before):
            continue
        rest = words[k + 1 :]
        preposition = rest[0] if rest and rest[0].pos_ == "ADP" else None
        if preposition is not None and rest[1:]:
            rest = rest[1:]
        cut = next((j for j, t in enumerate(rest) if t.text == ":"), len(rest))
        content = content_span(rest[:cut], min_words=1)
        source = [t for t in words[:k] if t.lower_ != "just"]
        if content is None or not any(t.ent_type_ in HEADLINE_SOURCE_TYPES for t in source):
            return []
        cue_end = (preposition or token).idx + len((preposition or token).text)
        speaker = (source[0].idx, source[-1].idx + len(source[-1].text))
        return [Found(*content, "indirect", (token.idx, cue_end), speaker)]
    return []


def _headline_verb(token: Token, before: Token) -> bool:
    """A capitalised headline word in a verb's place: inflected as a verb ("Endorses",
    "Dismissed") or after an auxiliary or "Just"/"To" ("Will Back", "Just Called"), and not part
    of a name ("Washington Post", "United States")."""
    if token.ent_type_ in HEADLINE_SOURCE_TYPES:
        return False
    inflected = token.lower_.endswith(("s", "ed")) and not token.lower_.endswith("ss")
    return inflected or before.lower_ in VERB_OPENERS or before.pos_ == "AUX"


def _headline_lemmas(word: str) -> set[str]:
    """The lemmas a headline word may inflect: "endorses" -> {"endorses", "endors", "endorse"}."""
    return {word} | {word[: -len(end)] for end in INFLECTIONS if word.endswith(end)}
