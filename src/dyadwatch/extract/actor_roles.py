"""Reading an actor's country and sector from the words around a name or a role noun.

Also the small word tests the resolver shares: name-like tokens, quoted regions.

"Russian Foreign Minister Sergei Lavrov", "Ethiopian and Mozambican troops", "police in
Baghdad", "former prime minister X": title words before the head, appositions and
of/at/in-phrases after it, each looked up as a knowledge-base name or a role noun.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from spacy.tokens import Span, Token

from dyadwatch.resolve.kb import Entry, KnowledgeBase, RoleNoun

NOT_NAMES = frozenset({"DATE", "TIME", "MONEY", "PERCENT", "CARDINAL", "ORDINAL", "QUANTITY"})
PREMODIFIERS = frozenset({"compound", "amod", "nmod", "poss", "case", "det", "punct", "nummod",
                          "npadvmod"})
# Premodifiers coordinated inside one phrase ("Ethiopian and Mozambican troops")
COORDINATION = frozenset({"conj", "cc"})
# Words that put a title in the past: the holder is coded as a former official (PLOVER ELI)
FORMER = frozenset({"former", "ex", "ex-", "ousted", "deposed", "exiled", "erstwhile"})
# Postmodifying prepositions that place a role phrase in a country ("police in Baghdad");
# only for unnamed groups and bodies: a person "in Paris" is visiting, not of, Paris.
PLACE_PREPOSITIONS = frozenset({"in", "across", "throughout"})


@dataclass(frozen=True)
class KbSpan:
    """A knowledge-base name found in the text, with the kind of alias that matched."""

    span: Span
    entry: Entry
    kind: str


@dataclass(frozen=True)
class Description:
    country: str | None
    sector: str | None
    code: str | None  # an own code (UNO) when the phrase belongs to a body without country


def role_of(token: Token, kb: KnowledgeBase) -> RoleNoun | None:
    nouns = kb.role_nouns
    return nouns.get(token.lower_) or nouns.get(token.lemma_.lower()) or nouns.get(
        token.lower_.rstrip(".")) or nouns.get(_singular(token.lower_) or "")


def is_plural(token: Token) -> bool:
    """Plural noun, also when tagged as a name ("Rebels seized ..." at a sentence start)."""
    return token.tag_ in ("NNS", "NNPS") or (
        token.tag_ == "NNP" and _singular(token.lower_) is not None)


def _singular(word: str) -> str | None:
    """The singular of a regular plural (capitalised plurals keep their -s as lemma)."""
    if word.endswith("men"):
        return word[:-3] + "man"
    if word.endswith("ies"):
        return word[:-3] + "y"
    if word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return None


def describe(tokens: list[Token], head: RoleNoun | None, kb: KnowledgeBase,
             by_start: dict[int, KbSpan], published: dt.date | None) -> Description:
    """Country, sector and own code read from modifier tokens, nearest first.

    A strong role noun fixes the sector, a weak one only fills it; a named body ("Pentagon
    spokesman", "UN envoy") counts as strong. "former" turns a sector into `former_sector`.
    """
    country = code = strong = weak = None
    if head is not None:
        strong, weak = (head.sector, None) if head.strong else (None, head.sector)
    skip: set[int] = set()
    former = by_title = False
    for token in tokens:
        if token.i in skip:
            continue
        item = by_start.get(token.i)
        if item is not None:
            skip |= set(range(item.span.start, item.span.end))
            standing = kb.standing(item.entry, published)
            if item.entry.kind not in ("state", "region") and standing.sector and strong is None:
                strong = standing.sector
                if standing.country is None:
                    code = standing.code
            country = country or standing.country
            continue
        former = former or token.lower_ in FORMER
        role = role_of(token, kb)
        if role is not None and role.sector:
            if role.strong and (strong is None or (by_title and role.kind == "organization")):
                # "Senate President X": the body a title belongs to names the sector
                strong, by_title = role.sector, role.kind == "person"
            elif weak is None:
                weak = role.sector
    sector = strong or weak
    if former and sector is not None and sector not in ("IGO", "NGO"):
        sector = kb.former_sector
    return Description(None if code else country, sector, code)


def modifiers(span: Span, *, after: bool = True, places: bool = False,
              ) -> tuple[list[Token], list[Token]]:
    """Title words before a name or role noun, and its appositive / of-phrase after it.

    With `places`, in-phrases naming a place count too ("rebels in Darfur").
    """
    root, doc = span.root, span.doc
    before: list[Token] = []
    i = span.start - 1
    while i >= span.sent.start and root in doc[i].ancestors and (
            doc[i].dep_ in PREMODIFIERS or doc[i].text in "()"
            or (doc[i].dep_ in COORDINATION and doc[i].head.dep_ in PREMODIFIERS)):
        if not doc[i].is_punct:
            before.insert(0, doc[i])
        i -= 1
    following: list[Token] = []
    for child in root.rights if after else ():
        words = [t for t in child.subtree if not t.is_punct]
        named = any(t.ent_type_ in ("ORG", "GPE") for t in words)
        placed = any(t.ent_type_ in ("GPE", "LOC") for t in words)
        preposition = child.lower_ if child.dep_ == "prep" else None
        if child.dep_ == "appos" or (preposition in ("of", "at") and named) or (
                places and preposition in PLACE_PREPOSITIONS and placed):
            following.extend(words)
    return before, following


def coordinated_states(before: list[Token], by_start: dict[int, KbSpan]) -> list[KbSpan]:
    """State names among premodifiers joined by a conjunction, first to last.

    "Ethiopian and Mozambican troops" → [Ethiopian, Mozambican]; a single state → [].
    """
    states = [by_start[t.i] for t in before
              if t.i in by_start and by_start[t.i].entry.kind == "state"]
    joined = any(t.dep_ == "cc" for t in before)
    if len(states) < 2 or not joined:
        return []
    if len({s.entry.id for s in states}) < len(states):
        return []
    return states


def name_like(token: Token) -> bool:
    """A capitalised surname used as a name: not "in May", nor the modal in "May I"."""
    following = token.nbor(1) if token.i + 1 < len(token.doc) else None
    if following is not None and following.tag_ in ("VBD", "VBZ"):
        return True  # "May said": a modal is never followed by a finite verb
    if token.ent_type_ in NOT_NAMES and token.dep_ not in ("nsubj", "nsubjpass"):
        return False
    return token.pos_ == "PROPN"


_QUOTE_PAIRS = re.compile(r"“[^”]*”|\"[^\"]*\"")


def quoted_regions(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in _QUOTE_PAIRS.finditer(text)]


def inside(char: int, regions: list[tuple[int, int]]) -> bool:
    return any(start < char < end for start, end in regions)
