"""Candidate actor spans: knowledge-base names the document means as actors.

The KB's PhraseMatcher finds every name; the longest wins. A name inside a person's name
("Jordan Peterson") is not one; an ambiguous name ("Jordan", "Georgia", "the Security Council")
is kept only where context says it is meant; a region, a metonym or a demonym stands as an actor
only in a party's position ("Texas sued", "Moscow said", "the Russians said").
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from spacy.tokens import Doc, Span, Token

from dyadwatch.extract.actor_roles import KbSpan
from dyadwatch.resolve.kb import KnowledgeBase, RoleNoun

LOCATIVE = frozenset({"in", "near", "at", "outside", "inside", "around", "into", "across",
                      "throughout", "toward", "towards", "over", "from", "to"})
NOUNS = frozenset({"NOUN", "PROPN"})
# Modifiers that make an ambiguous body name national ("Russia's Security Council",
# "National Security Council"), not the UN organ the bare name usually means
NATIONAL_MODIFIERS = frozenset({"national", "'s", "’s", "state", "federal", "provincial",
                                "supreme"})
# A region name stands for its country only as the subject of a clause ("Texas sued");
# elsewhere it is a place, or a modifier that gives a role phrase its country.
REGION_ACTOR_DEPS = frozenset({"nsubj", "nsubjpass", "dobj"})
# Prepositions whose object is acted upon, so a place there is a party ("a curfew on Kashmir").
TARGET_PREPS = frozenset({"on", "against", "upon", "toward", "towards"})


def kb_spans(
    doc: Doc,
    ents: Sequence[Span],
    kb: KnowledgeBase,
    *,
    trim_name: Callable[[Span], Span | None],
    role: Callable[[Token], RoleNoun | None],
) -> list[KbSpan]:
    """KB names of `doc` that are meant as the KB entry, longest first-served."""
    from spacy.util import filter_spans

    matcher = kb.matcher(doc.vocab)
    spans = filter_spans(Span(doc, s, e) for _, s, e in matcher(doc))
    people = [t for e in ents if e.label_ == "PERSON" and (t := trim_name(e))]
    out = []
    for span in spans:
        hits = kb.lookup(span.text)
        if not hits:
            continue
        entry, hit = hits[0]
        inside_person = any(p.start <= span.start and span.end <= p.end and len(p) > len(span)
                            for p in people)
        if inside_person:
            continue  # "Jordan Peterson", "Victoria Nuland", "Hunter Biden"
        if hit.ambiguous and not (_ambiguous_is_meant(span, ents, role)
                                  if entry.kind == "state" else _international(span)):
            continue
        out.append(KbSpan(span, entry, hit.kind))
    return out


def stands_as_actor(item: KbSpan, ents: Sequence[Span]) -> bool:
    """A KB name in a position where it is an actor, not a place or a modifier."""
    span, root = item.span, item.span.root
    if item.kind == "demonym":
        # "the Russians said" is an actor; "Russian shells" is not
        return root.pos_ in NOUNS and root.dep_ not in ("amod", "compound")
    if item.entry.kind == "region" and (not party_position(root) or not any(
            e.label_ in ("GPE", "LOC") and e.start <= span.start and span.end <= e.end
            for e in ents)):
        return False  # "in Texas", "Texas officials" (a role phrase's modifier)
    if item.entry.kind in ("state", "region") and any(
            e.label_ not in ("GPE", "NORP", "PERSON") and e.start <= span.start
            and span.end <= e.end and len(e) > len(span) for e in ents):
        return False  # "Bank of Korea", "George Washington University"
    if item.kind == "metonym" and item.entry.kind == "state":
        head = root.head if root.dep_ == "pobj" else None
        return head is None or head.lower_ not in LOCATIVE or span.start == 0
    return True


def party_position(root: Token) -> bool:
    """Subject, object or possessor ("Kashmir's ceasefire"), or object of a preposition of
    the acted-upon."""
    return root.dep_ in REGION_ACTOR_DEPS or root.dep_ == "poss" or (
        root.dep_ == "pobj" and root.head.lower_ in TARGET_PREPS)


def _international(span: Span) -> bool:
    """"the Security Council" is the UN's; "Russia's Security Council" a national one."""
    if span.start == 0:
        return True
    previous = span.doc[span.start - 1]
    return previous.lower_ not in NATIONAL_MODIFIERS and previous.ent_type_ not in (
        "GPE", "NORP")


def _ambiguous_is_meant(
    span: Span, ents: Sequence[Span], role: Callable[[Token], RoleNoun | None]
) -> bool:
    """An ambiguous name ("Jordan", "Georgia") is the country unless context says otherwise.

    Not the country: after "City," ("Atlanta, Georgia"), after a title ("Mr. Jordan"), or
    when a person with that name appears in the document ("Jordan Smith ... Jordan said").
    """
    doc = span.doc
    if span.start >= 2 and doc[span.start - 1].text == "," \
            and doc[span.start - 2].ent_type_ == "GPE":
        return False
    if span.start >= 1 and role(doc[span.start - 1]) is not None:
        return False
    return not any(e.label_ == "PERSON" and len(e) > 1 and span.text in e.text.split()
                   for e in ents)
