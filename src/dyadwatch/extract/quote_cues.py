"""Attribution cues (data/lexicon/cues.yaml), the syntax that links a cue to its speaker, the
unresolved quote record shared by the direct and indirect finders, and the attributions a cue
makes without a verb: source adverbs ("reportedly") and record phrases ("In a CNN poll, ...")."""

from __future__ import annotations

import functools
from dataclasses import dataclass
from importlib import resources

import yaml
from pydantic import BaseModel, ValidationError, field_validator
from spacy.tokens import Doc, Span, Token

from dyadwatch.errors import DyadwatchError

Span_ = tuple[int, int]

PRONOUNS = frozenset({"he", "she", "they", "it", "i", "we", "you"})
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj"})
# Relations under which a reporting verb does not report ("the said report", "a say-so deal").
NON_REPORTING_DEPS = frozenset({"amod", "compound"})
# A content shorter than this ("he said so", "she thinks not") reports nothing to code.
MIN_CONTENT_WORDS = 2
# A comma or dash that opens an addition of these kinds running to the end of a content ends the
# content ("..., a provision that ...", "..., which is spread by mosquitoes"); cutting them raised
# overlap F1 on PolNeAR articles 0-199 and 200-399 alike (adding acl or advcl did not).
CLOSING_ASIDE_DEPS = frozenset({"appos", "relcl"})
ASIDE_OPENERS = frozenset({",", "—", "–", "--"})
# A dateline ("NEW YORK, Jan. 5 (AP) —") is at most this many tokens.
DATELINE_MAX = 12
# Words of a record phrase the parser may leave to the clause after it ("last month", "however").
RECORD_TAIL = 3
# Children that are not part of a speaker's name ("spokesman John Kirby, who ..." -> "John Kirby").
SPEAKER_RIGHT_CUT = frozenset({"relcl", "appos", "acl", "prep", "punct", "advmod", "cc"})


class Cues(BaseModel, frozen=True):
    """The attribution lexicon: lemma sets plus multi-word source phrases."""

    version: int
    speech_verbs: frozenset[str]
    quote_verbs: frozenset[str] = frozenset()
    belief_verbs: frozenset[str]
    stance_verbs: frozenset[str]
    object_verbs: frozenset[str]
    intention_verbs: frozenset[str]
    evidential_verbs: frozenset[str] = frozenset()
    construal_verbs: frozenset[str] = frozenset()
    verb_prepositions: frozenset[tuple[str, str]]
    noun_prepositions: frozenset[tuple[str, str]] = frozenset()
    adjective_prepositions: frozenset[tuple[str, str]] = frozenset()
    cue_nouns: frozenset[str]
    copular_nouns: frozenset[str] = frozenset()
    occasion_nouns: frozenset[str] = frozenset()
    source_adverbs: frozenset[str] = frozenset()
    record_nouns: frozenset[str] = frozenset()
    headline_labels: frozenset[str] = frozenset()
    source_phrases: tuple[tuple[str, ...], ...]

    @field_validator(
        "speech_verbs",
        "quote_verbs",
        "belief_verbs",
        "stance_verbs",
        "object_verbs",
        "intention_verbs",
        "evidential_verbs",
        "construal_verbs",
        "cue_nouns",
        "copular_nouns",
        "occasion_nouns",
        "source_adverbs",
        "record_nouns",
        "headline_labels",
        mode="before",
    )
    @classmethod
    def _lower(cls, value: object) -> object:
        return [str(x).lower() for x in value] if isinstance(value, list) else value

    @property
    def quoting_verbs(self) -> frozenset[str]:
        """Verbs that attribute a quotation next to them: the speech verbs and the quote verbs."""
        return self.speech_verbs | self.quote_verbs

    @field_validator("source_phrases", mode="before")
    @classmethod
    def _split(cls, value: object) -> object:
        return [str(x).lower().split() for x in value] if isinstance(value, list) else value

    @field_validator(
        "verb_prepositions", "noun_prepositions", "adjective_prepositions", mode="before"
    )
    @classmethod
    def _verb_and_preposition(cls, value: object) -> object:
        """ "lash out at" -> ("lash", "at"): the verb's lemma and the preposition it governs."""
        if not isinstance(value, list):
            return value
        return [(str(x).lower().split()[0], str(x).lower().split()[-1]) for x in value]


@functools.cache
def load_cues() -> Cues:
    """Read and validate the packaged cue lexicon (cached per process)."""
    path = resources.files("dyadwatch") / "data" / "lexicon" / "cues.yaml"
    try:
        return Cues.model_validate(yaml.safe_load(path.read_text(encoding="utf-8")))
    except ValidationError as exc:
        raise DyadwatchError("E301", f"invalid cue lexicon {path}: {exc}") from exc


def is_verb(token: Token, lemmas: frozenset[str]) -> bool:
    """A verb (not an adjective such as "the said report") whose lemma is in `lemmas`."""
    return (
        token.pos_ == "VERB"
        and token.lemma_.lower() in lemmas
        and token.dep_ not in NON_REPORTING_DEPS
    )


def cue_span(token: Token) -> Span_:
    """The cue verb with its particle ("point out")."""
    end = token.idx + len(token.text)
    for child in token.rights:
        if child.dep_ == "prt" and child.i == token.i + 1:
            end = child.idx + len(child.text)
    return (token.idx, end)


def source_phrase_at(token: Token, cues: Cues) -> Span | None:
    """The phrase span ("according to") when one starts at `token`."""
    doc = token.doc
    first = token.lower_
    for phrase in cues.source_phrases:
        if phrase and phrase[0] != first:
            continue
        end = token.i + len(phrase)
        if end <= len(doc) and tuple(t.lower_ for t in doc[token.i : end]) == phrase:
            return doc[token.i : end]
    return None


def phrase_object(phrase: Span) -> Token | None:
    """The noun a source phrase introduces: the object of its last preposition."""
    for token in reversed(phrase):
        for child in token.children:
            if child.dep_ == "pobj":
                return child
    following = phrase.doc[phrase.end] if phrase.end < len(phrase.doc) else None
    if following is not None and following.pos_ in {"PROPN", "NOUN", "PRON", "DET", "ADJ"}:
        return following
    return None


def speaker_of(cue: Token) -> Token | None:
    """The speaker of a reporting verb: its subject, the agent of a passive, or the subject of
    the clause it hangs from ("He resigned, saying ...", "quoted X as saying")."""
    for child in cue.children:
        if child.dep_ == "nsubj":
            return child
    for child in cue.children:
        if child.dep_ == "agent":
            for grand in child.children:
                if grand.dep_ == "pobj":
                    return grand
    if any(child.dep_ == "nsubjpass" for child in cue.children):
        return None
    head = cue.head
    if cue.dep_ == "acl" and head.pos_ in {"NOUN", "PROPN"}:
        return head  # "a statement saying that ...", "calls saying ..."
    if cue.dep_ == "advcl" and cue.tag_ == "VBN":
        return None  # "Asked if ..., the candidate said": the one asked, not the asker
    if head.i != cue.i and cue.dep_ in {"advcl", "xcomp", "conj", "pcomp"}:
        if cue.dep_ == "pcomp" and head.head.i != head.i:
            head = head.head
        if head.lemma_.lower() == "quote":
            for child in head.children:
                if child.dep_ == "dobj":
                    return child
        if cue.dep_ == "xcomp" and head.dep_ == "acomp" and head.head.i != head.i:
            head = head.head  # "was quick to embrace", "were more likely to support"
        return speaker_of(head) if head.pos_ in {"VERB", "AUX"} else None
    return inverted_subject(cue)


def inverted_subject(cue: Token) -> Token | None:
    """A name right after the verb ("..., said Putin") when the parser found no subject."""
    for child in cue.rights:
        if child.dep_ in {"dobj", "attr", "npadvmod", "dep", "appos", "nsubj"} and child.pos_ in {
            "PROPN",
            "NOUN",
        }:
            return child
    return None


def speaker_span(head: Token) -> Span_:
    """The speaker's words: a person's name when the phrase holds one, else the noun phrase up
    to its head (with coordinated subjects), without appositions or relative clauses."""
    doc = head.doc
    if head.lower_ in PRONOUNS:
        return (head.idx, head.idx + len(head.text))
    if head.ent_type_ == "PERSON":
        ent = _entity_at(doc, head)
        if ent is not None:
            return (ent.start_char, ent.end_char)
    left = head.left_edge.i
    right = head.i
    for child in head.rights:
        if child.dep_ == "conj":
            right = max(right, child.i)
        elif child.dep_ not in SPEAKER_RIGHT_CUT and child.i == right + 1:
            right = child.i
    # The parser may open a subject in the paragraph before ("X.\n\nFact-checkers noted").
    breaks = [t.i for t in doc[left : head.i] if "\n" in t.text]
    if breaks:
        left = breaks[-1] + 1
    while left < right and doc[left].is_punct:
        left += 1
    return (doc[left].idx, doc[right].idx + len(doc[right].text))


def author_of(head: Token, cues: Cues) -> Token:
    """The author behind a cue noun ("a statement from the ministry" -> "ministry"), else `head`."""
    if head.lemma_.lower() not in cues.cue_nouns:
        return head
    for child in head.children:
        if child.dep_ == "poss":
            return child
        if child.dep_ == "prep" and child.lower_ in {"from", "by", "of"}:
            for grand in child.children:
                if grand.dep_ == "pobj":
                    return grand
    return head


def content_span(tokens: list[Token], *, min_words: int = MIN_CONTENT_WORDS) -> Span_ | None:
    """Character span of a clause without edge punctuation. A leading "that" stays, as in the
    attribution corpora (PolNeAR, PARC): keeping it raised overlap and exact F1 on PolNeAR."""
    tokens = _after_dateline(sorted(tokens, key=lambda t: t.i))
    tokens = _without_closing_aside(tokens)
    while tokens and (tokens[0].is_punct or tokens[0].is_space):
        tokens = tokens[1:]
    while tokens and (tokens[-1].is_space or tokens[-1].text in {",", ".", ";", ":", "—", "–"}):
        tokens = tokens[:-1]
    if sum(1 for t in tokens if t.is_alpha) < min_words:
        return None
    return (tokens[0].idx, tokens[-1].idx + len(tokens[-1].text))


def _without_closing_aside(tokens: list[Token]) -> list[Token]:
    """The content without a non-restrictive addition that closes it (“... the Hyde Amendment, a
    federal provision that ...”, “... the Zika virus, which is spread by mosquitoes”): the
    writer's gloss on a noun of the report, not the report."""
    while tokens:
        last = tokens[-1]
        while last.is_punct and last.i > tokens[0].i:
            last = last.doc[last.i - 1]
        first = tokens[0].i
        cut = None
        for token in tokens:
            left = token.left_edge.i
            if (
                token.dep_ in CLOSING_ASIDE_DEPS
                and token.right_edge.i >= last.i
                and left - 1 > first
                and token.head.i < left
                and token.doc[left - 1].text in ASIDE_OPENERS
            ):
                cut = left - 1
                break
        if cut is None:
            return tokens
        tokens = [t for t in tokens if t.i < cut]
    return tokens


def _after_dateline(tokens: list[Token]) -> list[Token]:
    """The tokens after a dateline that opens them ("WASHINGTON (AP) — ...")."""
    if not tokens or not (tokens[0].is_alpha and tokens[0].text.isupper() and len(tokens[0]) > 1):
        return tokens
    for k, token in enumerate(tokens[:DATELINE_MAX]):
        if token.text in {"—", "--", "–"}:
            return tokens[k + 1 :]
    return tokens


def _entity_at(doc: Doc, token: Token) -> Span | None:
    for ent in doc.ents:
        if ent.start <= token.i < ent.end:
            return ent
    return None


@dataclass(frozen=True)
class Found:
    """A quote found in the text, before its speaker is resolved to an actor."""

    start: int
    end: int
    kind: str  # direct | partial | indirect
    cue: Span_ | None
    speaker: Span_ | None
    continues: bool = False  # no cue of its own: cue and speaker are the previous quote's


def attribution(cue: Token, cues: Cues, *, outside: Span_ | None = None) -> Span_ | None:
    """Speaker span of a cue verb, ignoring a subject the parser placed inside `outside`."""
    head = speaker_of(cue)
    if head is None:
        return None
    if outside is not None and outside[0] <= head.idx < outside[1]:
        return None
    return speaker_span(author_of(head, cues))


def adverb_claims(doc: Doc, cues: Cues, quoted: list[Span_]) -> list[Found]:
    """Clauses attributed by a source adverb ("The FBI is reportedly making arrangements ..."):
    the whole clause the adverb modifies, subject included, with no speaker named."""
    found = []
    for token in doc:
        if token.lower_ not in cues.source_adverbs or in_spans(token.idx, quoted):
            continue
        head = token.head
        if token.dep_ != "advmod" or head.pos_ not in {"VERB", "AUX"}:
            continue
        clause = [t for t in head.subtree if not paragraph_break(t, token)]
        content = content_span(clause)
        if content is not None:
            cue = (token.idx, token.idx + len(token.text))
            found.append(Found(*content, "indirect", cue, None))
    return found


def record_claims(doc: Doc, cues: Cues, quoted: list[Span_]) -> list[Found]:
    """Clauses opened by "In" and a record ("In a CNN poll released Monday, 31% of voters said
    ..."): the clause after the phrase, attributed to the record the phrase names."""
    found = []
    for sent in doc.sents:
        opener = next((t for t in sent if not (t.is_space or t.is_punct)), None)
        if opener is None or opener.lower_ != "in" or opener.dep_ != "prep":
            continue
        record = next((c for c in opener.children if c.dep_ == "pobj"), None)
        if record is None or record.lemma_.lower() not in cues.record_nouns:
            continue
        if in_spans(opener.idx, quoted):
            continue
        phrase_end = opener.right_edge.i
        clause = [
            t for t in opener.head.subtree if t.i > phrase_end and not paragraph_break(t, opener)
        ]
        # The parser may leave a time or an adverb of the phrase to the clause ("In a poll last
        # month, Mr. Cruz ...", "In the poll, however, ..."): the clause starts after its comma.
        comma = next((k for k, t in enumerate(clause[: RECORD_TAIL + 1]) if t.text == ","), None)
        clause = clause[comma + 1 :] if comma is not None else clause
        if (claim := source_claim(clause, opener, record)) is not None:
            found.append(claim)
    return found


def source_claim(clause: list[Token], cue: Token, source: Token) -> Found | None:
    """An indirect quote of `clause` with a one-word cue and the phrase of `source` as speaker
    ("In a CNN poll, ...", "led in a Gallup survey", "To many voters, ...")."""
    content = content_span(clause)
    if content is None:
        return None
    speaker = (source.left_edge.idx, source.right_edge.idx + len(source.right_edge.text))
    return Found(*content, "indirect", (cue.idx, cue.idx + len(cue.text)), speaker)


def in_spans(char: int, spans: list[Span_]) -> bool:
    """`char` lies in one of the half-open `spans` (quoted text, say)."""
    return any(start <= char < end for start, end in spans)


def paragraph_break(token: Token, cue: Token) -> bool:
    """A paragraph break between `token` and the cue (the parser may join paragraphs)."""
    low, high = sorted((token.i, cue.i))
    return any("\n" in t.text for t in token.doc[low : high + 1])
