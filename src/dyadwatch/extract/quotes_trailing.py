"""Reports closed by their attribution ("The plant is under pressure from imports, said the
company's chief executive."; "The plane was insured for $35 million, records show, and ...")
that the parser did not read as a complement clause: it hung the reporting verb from the clause
as a conjunct, or joined the next paragraph to the sentence. Read from the surface: a comma, a
short attribution (a noun phrase and a reporting verb in either order, then at most a time or
an occasion), and the end of the sentence or a coordinated clause; the content is the sentence
up to the comma."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from dyadwatch.extract.quote_cues import Cues, Found, content_span, in_spans, is_verb
from dyadwatch.extract.quote_extents import ends_sentence

# The attribution after the comma: at most this many tokens ("a former spokesman for Ukraine's
# Foreign Ministry, Oleg Voloshyn" is 10), and at most this many after the verb ("on Saturday",
# "in a telephone interview").
ATTRIBUTION_MAX = 14
TAIL_MAX = 6
# A content of fewer words than this is a fragment, not a report.
CONTENT_MIN_WORDS = 4
# What may follow an attribution inside its sentence: a new clause of its own.
CLAUSE_LINKS = frozenset({"and", "but"})
NOUN_TAGS = frozenset({"NN", "NNS", "NNP", "NNPS", "PRP"})
# Verbs besides the speech verbs that close a report ("..., records show", "..., aides believe").
CLOSING_VERBS = frozenset({"show", "believe", "think"})
# How participles and gerunds may stand in a source ("fundraising documents", "the so-called
# experts"), and the prepositions of a title ("a spokesman for the ministry", "head of").
MODIFIER_DEPS = frozenset({"amod", "compound", "nmod"})
TITLE_PREPOSITIONS = frozenset({"of", "for", "at"})
# Sources that "show" (the tagger reads "records show" as two nouns).
RECORDS = frozenset({"record", "document", "datum", "data", "figure", "filing", "poll", "survey"})
# What may come after the verb of "X said": a time or an occasion ("on Saturday", "Tuesday", "in
# an interview"), not an object of its own ("Clinton promised a country of ...").
TAIL_OPENERS = frozenset({"IN", "RB", "RBR"})


def trailing_claims(doc: Doc, cues: Cues, quoted: list[tuple[int, int]]) -> list[Found]:
    """Sentences ending in ", <source> <verb>" or ", <verb> <source>" read as reports."""
    verbs = cues.speech_verbs | CLOSING_VERBS
    reports = _reports(cues)
    found = []
    for token in doc:
        if token.lemma_.lower() not in verbs or not _verb_form(token):
            continue
        if in_spans(token.idx, quoted):
            continue
        claim = _claim(doc, token, reports)
        if claim is not None and not any(_straddles(claim, span) for span in quoted):
            found.append(claim)
    return found


def second_parts(doc: Doc, cues: Cues, quoted: list[tuple[int, int]]) -> list[Found]:
    """The clauses after attributions that interrupt their sentence ("A, he said, and B."):
    fragments of the report before the attribution, with its cue."""
    reports = _reports(cues)
    found = []
    for token in doc:
        if not is_verb(token, cues.speech_verbs) or in_spans(token.idx, quoted):
            continue
        attribution = _attribution(doc, token)
        if attribution is None:
            continue
        rest = _second_part(doc, attribution[1], reports)
        if rest is None:
            continue
        part = Found(*rest, "indirect", (token.idx, token.idx + len(token.text)), None)
        if not any(_straddles(part, span) for span in quoted):
            found.append(part)
    return found


def _reports(cues: Cues) -> frozenset[str]:
    """Verbs that make a clause a report of its own."""
    return cues.speech_verbs | cues.belief_verbs | cues.stance_verbs | cues.intention_verbs


def _attribution(doc: Doc, verb: Token) -> tuple[int, int, list[Token]] | None:
    """The comma that opens the attribution of `verb`, the index that ends it, and its source
    words; None when `verb` does not close a clause that way."""
    comma = _opening_comma(doc, verb)
    if comma is None:
        return None
    end = _attribution_end(doc, verb)
    if end is None or end - comma - 1 > ATTRIBUTION_MAX:
        return None
    source = [t for t in doc[comma + 1 : end] if t.i != verb.i]
    return (comma, end, source) if _noun_phrase(source, verb) else None


def _claim(doc: Doc, verb: Token, reports: frozenset[str]) -> Found | None:
    attribution = _attribution(doc, verb)
    if attribution is None:
        return None
    comma, _, source = attribution
    start = _sentence_start(doc, comma)
    clause = list(doc[start:comma])
    if sum(1 for t in clause if t.is_alpha) < CONTENT_MIN_WORDS or not any(
        t.pos_ in {"VERB", "AUX"} for t in clause
    ):
        return None
    if (start > 0 and doc[start - 1].is_quote) or doc[comma - 1].is_quote:
        return None  # a quotation: the direct finder's
    if any(is_verb(t, reports) for t in clause):
        return None  # "X found considerable support, the group said": the inner report's
    content = content_span(clause)
    if content is None:
        return None
    head = [t for t in source if t.i < verb.i] or [t for t in source if t.i > verb.i]
    names = _first_phrase(head)
    speaker = (names[0].idx, names[-1].idx + len(names[-1].text)) if names else None
    return Found(*content, "indirect", (verb.idx, verb.idx + len(verb.text)), speaker)


def _second_part(doc: Doc, end: int, reports: frozenset[str]) -> tuple[int, int] | None:
    """The clause after the comma and "and" or "but" that close an attribution, up to the
    sentence's end; None when the attribution closes its sentence or the clause reports."""
    if doc[end].text != ",":
        return None
    first = end + 2  # after the comma and the "and" or "but"
    rest: list[Token] = []
    for token in doc[first:]:
        if ends_sentence(token) or token.is_quote or token.text in {".", "?", "!", ";"}:
            break
        rest.append(token)
    if any(is_verb(t, reports) for t in rest):
        return None  # "..., and aviation experts say ...": a report of its own
    return content_span(rest)


def _verb_form(token: Token) -> bool:
    """A finite reporting verb, or "show(s)" the tagger took for a noun ("records show")."""
    return token.tag_ in {"VBD", "VBZ", "VBP"} or (
        token.tag_ in {"NN", "NNS"} and token.lower_ in {"show", "shows"}
    )


def _opening_comma(doc: Doc, verb: Token) -> int | None:
    """The comma that sets off the attribution: before the verb ("..., said X") or before the
    noun phrase in front of it ("..., X said")."""
    for k in range(verb.i - 1, max(verb.i - ATTRIBUTION_MAX, -1) - 1, -1):
        token = doc[k]
        if token.text == ",":
            # a comma inside the source ("a spokesman, John Smith, said") is not its opening
            if k > 0 and _inside_source(doc, k, verb):
                continue
            return k
        if token.is_quote or ends_sentence(token) or _finite(token):
            return None
    return None


def _finite(token: Token) -> bool:
    """A verb that is not a participle or gerund inside a name or title."""
    return token.pos_ in {"VERB", "AUX"} and token.tag_ not in {"VBN", "VBG"}


def _inside_source(doc: Doc, comma: int, verb: Token) -> bool:
    """A comma between two parts of a source ("a spokeswoman, Anna Richardson White, said"):
    the words before it are a noun phrase opened by another comma close by."""
    for k in range(comma - 1, max(comma - 6, -1), -1):
        token = doc[k]
        if token.text == ",":
            words = list(doc[k + 1 : comma])
            return bool(words) and _noun_phrase(words, verb)
        if token.pos_ in {"VERB", "AUX"} or ends_sentence(token):
            return False
    return False


def _attribution_end(doc: Doc, verb: Token) -> int | None:
    """Index of the token that ends the attribution: the sentence's end, or the comma before a
    coordinated clause; None when the verb has a clause of its own after it."""
    for k in range(verb.i + 1, min(verb.i + ATTRIBUTION_MAX + 1, len(doc))):
        token = doc[k]
        if ends_sentence(token) or (token.text in {".", "?", "!"} and _last(doc, k)):
            return k
        if token.text == "," and k + 1 < len(doc) and doc[k + 1].lower_ in CLAUSE_LINKS:
            return k
        if token.pos_ in {"VERB", "AUX"} or token.is_quote or token.text in {":", ";"}:
            return None
        if token.lower_ in {"that", "if", "whether"}:
            return None
    return None


def _last(doc: Doc, k: int) -> bool:
    """A full stop with nothing but spaces and quotation marks after it in its paragraph."""
    for token in doc[k + 1 :]:
        if "\n" in token.text:
            return True
        if not (token.is_space or token.is_quote):
            return False
    return True


def _noun_phrase(words: list[Token], verb: Token) -> bool:
    """A source: words with a noun or pronoun and no verb but the reporting one (participles
    and gerunds only as modifiers of a noun: "fundraising documents"), ending in the subject
    when it stands before the verb, and followed by at most a time or an occasion."""
    before = [t for t in words if t.i < verb.i]
    after = [t for t in words if t.i > verb.i]
    source = before or after
    if not any(t.tag_ in NOUN_TAGS for t in source):
        return False
    if any(_finite(t) or (t.tag_ in {"VBN", "VBG"} and t.dep_ not in MODIFIER_DEPS)
           for t in words):
        return False
    if not before:
        return True
    if verb.dep_ in {"relcl", "acl"} or before[-1].tag_ not in NOUN_TAGS:
        return False
    if any(t.tag_ == "CC" or (t.tag_ == "IN" and t.lower_ not in TITLE_PREPOSITIONS)
           for t in before):
        return False
    if verb.tag_.startswith("NN") and before[-1].lemma_.lower() not in RECORDS:
        return False  # "records show", not "the early-morning news shows"
    if not after or verb.lemma_.lower() == "tell":
        return len(after) <= TAIL_MAX
    opener = after[0]
    return len(after) <= TAIL_MAX and (
        opener.tag_ in TAIL_OPENERS or opener.ent_type_ in {"DATE", "TIME"}
    )


def _straddles(found: Found, span: tuple[int, int]) -> bool:
    """A quotation that the content cuts through rather than holds or leaves out."""
    inside = found.start <= span[0] and span[1] <= found.end
    return not inside and found.start < span[1] and span[0] < found.end


def _first_phrase(words: list[Token]) -> list[Token]:
    """The words of the source up to its first comma, without punctuation at the edges."""
    phrase: list[Token] = []
    for token in words:
        if token.text == "," and phrase:
            break
        phrase.append(token)
    while phrase and (phrase[0].is_punct or phrase[0].is_space):
        phrase = phrase[1:]
    while phrase and (phrase[-1].is_punct or phrase[-1].is_space):
        phrase = phrase[:-1]
    return phrase


def _sentence_start(doc: Doc, comma: int) -> int:
    """Index of the first token of the sentence that holds `comma`, read from the surface."""
    for k in range(comma - 1, -1, -1):
        if ends_sentence(doc[k]) or doc[k].is_quote:
            return k + 1
    return 0
