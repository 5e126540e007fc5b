"""Where the recipient of an act is looked for when its frame names none, and the parse
helpers the argument readers share.

In order (see `event_arguments`): the party a threat or refusal is conditioned on, the object's
own complement ("aid to Gaza"), the clause the trigger embeds ("refused to meet with X"), the
place the act is aimed at ("imposed a curfew in Kashmir"), the scene of an attack on unnamed
victims, and last any party named after the trigger in its own clause.
"""

from __future__ import annotations

from spacy.tokens import Token

from dyadwatch.extract.arguments import Argument, ArgumentResolver
from dyadwatch.extract.lexicon import TriggerEntry
from dyadwatch.extract.modality import SPEECH_VERBS
from dyadwatch.extract.triggers import QUANTITIES, counted, verb_lemma
from dyadwatch.ontology import EventType

SUBJECT_DEPS = frozenset({"nsubj", "csubj"})
PASSIVE_DEPS = frozenset({"nsubjpass"})
OBJECT_DEPS = frozenset({"dobj", "dative"})
# "suspended aid to Gaza", "lifted the ban on Cypriot ships": the object's complement names
# whom the act concerns.
OBJECT_COMPLEMENT_PREPS = frozenset({"to", "on", "against", "toward", "towards", "with"})
# Prepositions of an embedded act whose object is that act's recipient ("refused to meet with
# X", "agreed to lend $1 billion to Indonesia", "threatened to withdraw from the agreement").
EMBEDDED_PREPS = ("to", "with", "against", "on", "from", "into", "at", "toward", "towards")
# Any act's goal, when its frame names no other recipient.  These fallbacks, the embedded and
# the locative recipient moved target match on PLV train (even records) from 0.56 to 0.76.
GENERIC_PREPS = frozenset({"to", "against", "toward", "towards", "upon", "on"})
PURPOSE_CLAUSES = frozenset({"advcl", "ccomp"})
CONDITION_MARKS = frozenset({"if", "unless", "until"})
# The place an act is aimed at stands as its recipient when nothing else does ("imposed a
# curfew in Kashmir", "declared a ceasefire in Tripoli"); not a protest's venue, nor the venue
# of a meeting at home (see `locative_recipient`).
LOCATIVE_PREPS = frozenset({"in", "at", "inside"})
# The actor's own means, never the recipient: "withdrew its troops", "mobilized the army".
OWN_MEANS = frozenset({"troop", "force", "army", "soldier", "unit", "military", "navy",
                       "warship", "ship", "jet", "aircraft", "tank", "missile", "weapon",
                       "personnel", "reservist", "police", "contingent", "peacekeeper"})
# What these make is no recipient: "agreed to set up a company in Berlin" → Berlin.
CREATION_VERBS = frozenset({"set up", "establish", "build", "create", "form", "found",
                            "construct", "open", "launch", "start", "develop", "organize",
                            "organise", "hold", "undertake", "conduct", "extend"})
POSSESSIVE_PRONOUNS = frozenset({"its", "their", "his", "her", "our", "my", "own"})


def embedded_recipient(
    governor: Token,
    resolver: ArgumentResolver,
    *,
    clauses: frozenset[str] = frozenset({"xcomp"}),
    depth: int = 2,
) -> list[Argument]:
    """The recipient of the act a verb embeds: "refused to meet with Pence" → Pence.

    `clauses` are the dependency labels of the clauses searched: the open complement of a
    verb like "refuse" or "agree", or a purpose clause ("gave $5m to promote trade in X").
    """
    for clause in governor.children:
        subject = next((c for c in clause.children if c.dep_ in SUBJECT_DEPS), None)
        if clause.dep_ not in clauses or (clause.pos_ not in {"VERB", "AUX"} and not (
                clause.dep_ == "ccomp" and subject is not None)):
            continue
        infinitive = any(c.dep_ == "aux" and c.lower_ == "to" for c in clause.children)
        # "started a hunger strike, protesting the plan": a participle says what the act is for
        participle = clause.tag_ == "VBG" and clauses is PURPOSE_CLAUSES
        if clause.dep_ == "advcl" and not (infinitive or participle):
            continue
        if clause.dep_ == "ccomp" and clauses is PURPOSE_CLAUSES and not infinitive:
            continue  # "welcomed Putin to mediate" is read, "said that ..." is not
        if clause.dep_ == "ccomp":  # "demanded that Yediyurappa step down"
            found = resolver.resolve_deep(subject)
            if found:
                return found
        objects = objects_of(clause)
        created = verb_lemma(clause) in CREATION_VERBS
        for obj in objects:
            if not created and not own_means(obj, None):
                found = resolver.resolve_deep(obj)
                if found:
                    return found
        for name in EMBEDDED_PREPS:
            for prep in clause.children:
                if is_prep(prep) and prep.lower_ == name:
                    found = resolver.resolve_deep(pobj(prep))
                    if found:
                        return found
        found = object_complement(objects, None, resolver)
        if found:
            return found
        if depth > 1:
            found = embedded_recipient(clause, resolver, clauses=clauses, depth=depth - 1)
            if found:
                return found
        for place_of in [clause, *objects]:  # "refused to deploy peacekeepers in Iraq"
            found = located_at(place_of, resolver)
            if found:
                return found
    return []


def generic_recipient(verb: Token, resolver: ArgumentResolver) -> list[Argument]:
    """"suspended aid to Gaza", "turned against the regime": a goal that is an actor."""
    for prep in verb.children:
        if is_prep(prep) and prep.lower_ in GENERIC_PREPS:
            found = resolver.resolve_deep(pobj(prep))
            if found:
                return found
    return []


def conditioned_party(
    verb: Token, resolver: ArgumentResolver, source: list[Argument] | None = None
) -> list[Argument]:
    """"threatened to stop talks if the United States deploys missiles" → the United States:
    a threat is addressed to whoever must meet its condition, the first subject in the
    condition that is not the actor itself ("until he is satisfied Vietnam is doing ...")."""
    own = {a.actor for a in source or []}
    for clause in [verb, *(c for c in verb.children if c.dep_ == "xcomp")]:
        for cond in clause.children:
            if cond.dep_ == "advcl" and any(
                m.dep_ == "mark" and m.lower_ in CONDITION_MARKS for m in cond.children
            ):
                for subject in (t for t in cond.subtree if t.dep_ in SUBJECT_DEPS | PASSIVE_DEPS):
                    found = [a for a in resolver.resolve(subject) if a.actor not in own]
                    if found:
                        return found
    return []


def locative_recipient(
    token: Token,
    entry: TriggerEntry,
    resolver: ArgumentResolver,
    source: list[Argument],
    *,
    governor: Token | None = None,
) -> list[Argument]:
    """"imposed a curfew in parts of Kashmir" → Kashmir; not for protests.

    A meeting abroad makes the place its host ("attended a summit in the United Kingdom":
    PLOVER's visitor and host); a meeting at home has no recipient by place.
    """
    if entry.type is EventType.PROTEST:
        return []
    found = located_at(token, resolver) or (
        located_at(governor, resolver) if governor is not None else []
    )
    if entry.type is EventType.CONSULT:
        countries = {resolver.country(a.actor) for a in source} - {None}
        places = {resolver.country(a.actor) for a in found}
        if None in places or places & countries:
            return []
    return found


def located_at(token: Token, resolver: ArgumentResolver) -> list[Argument]:
    """A place the token is located at, or its adjective or participle modifier is
    ("a ceasefire effective from Sunday in Somalia")."""
    modifiers = [c for c in token.children if c.dep_ in {"amod", "acl"} and c.i > token.i]
    for holder in (token, *modifiers):
        for prep in holder.children:
            if is_prep(prep) and prep.lower_ in LOCATIVE_PREPS:
                found = resolver.resolve_place(pobj(prep))
                if found:
                    return found
    return []


def clause_party(verb: Token, resolver: ArgumentResolver, source: list[Argument],
                  ) -> list[Argument]:
    """Last resort: the actor named nearest after the trigger inside its own clause, not in
    an attribution ("..., police said", "according to X").  For verbal and nominal triggers
    it moved target match on PLV train from 0.806 to 0.842 (tuned on even records: 0.834 →
    0.858; held-out odd 0.777 → 0.826) and on the GSR from 0.743 to 0.811."""
    subject = subject_of(verb)
    frames = [t for t in verb.subtree if t.i != verb.i and (
        t.dep_ == "parataxis" or t.lower_ == "according"
        or (t.pos_ == "VERB" and t.lemma_ in SPEECH_VERBS))]
    skip = {t.i for head in [subject, *frames] if head is not None for t in head.subtree}
    tokens = [t for t in verb.subtree if t.i > verb.i and t.i not in skip]
    starts = {t.idx for t in tokens}
    end = max((t.idx + len(t) for t in tokens), default=0)
    own = {a.actor for a in source}
    for mention in sorted(resolver.index.mentions, key=lambda m: m.start):
        if mention.start in starts and mention.end <= end and mention.actor not in own \
                and mention.kind != "pronoun":
            return [Argument(mention.actor, (mention.start, mention.end))]
    return []


def scene(verb: Token, objects: list[Token], resolver: ArgumentResolver) -> list[Argument]:
    """Where an attack on unnamed victims took place: "killed 48 people in two attacks in
    Afghanistan" → Afghanistan, coded beside the victims, who have no country of their own."""
    holders = [verb, *objects]
    holders += [p for h in list(holders) for c in h.children
                if is_prep(c) and c.lower_ in LOCATIVE_PREPS and (p := pobj(c)) is not None]
    for holder in holders:
        found = located_at(holder, resolver)
        if found:
            return found
    return []


def object_complement(
    objects: list[Token], entry: TriggerEntry | None, resolver: ArgumentResolver
) -> list[Argument]:
    preps = OBJECT_COMPLEMENT_PREPS | set(entry.target if entry is not None else ())
    for obj in objects:
        for prep in counted(obj, QUANTITIES).children:  # "dozens of artifacts to X"
            if is_prep(prep) and prep.lower_ in preps:
                found = resolver.resolve_deep(pobj(prep))
                if found:
                    return found
    for obj in objects:
        # "returned a painting that was stolen in 1989 to the Art Register": the parser hangs
        # the verb's goal inside the object's modifiers; the last "to" is the verb's.
        goals = [t for t in obj.subtree if t.i > obj.i and is_prep(t) and t.lower_ == "to"]
        if goals:
            found = resolver.resolve(pobj(goals[-1]))
            if found:
                return found
    return []


def own_means(obj: Token, entry: TriggerEntry | None) -> bool:
    """The object is the actor's own forces or means, not a recipient ("its troops").

    `entry` is None for an embedded act, whose frame is unknown: there bare "troops" is own.
    """
    if entry is not None and not entry.object_recipient:
        return True
    obj = counted(obj, QUANTITIES)  # "some of its troops"
    if obj.lemma_.lower() not in OWN_MEANS:
        return False
    if any(c.dep_ == "poss" and c.lower_ in POSSESSIVE_PRONOUNS for c in obj.children):
        return True
    named = any(c.dep_ in {"amod", "compound", "poss"} and c.ent_type_ for c in obj.children)
    return entry is None and not named


def subject_of(verb: Token | None) -> Token | None:
    """The subject of a verb, inherited through control and coordination."""
    current: Token | None = verb
    for _ in range(6):
        if current is None:
            return None
        subject = next((c for c in current.children if c.dep_ in SUBJECT_DEPS), None)
        if subject is not None:
            return subject
        if current.dep_ == "xcomp":
            governor = current.head
            obj = next((c for c in governor.children if c.dep_ in OBJECT_DEPS), None)
            if obj is not None and obj.i < current.i:
                return obj
            current = governor
        elif current.dep_ in {"conj", "advcl", "acl", "relcl", "pcomp", "acomp"}:
            current = current.head
            if current.pos_ in {"NOUN", "PROPN"} and current.dep_ != "ROOT":
                current = current.head
        else:
            return None
    return None


def objects_of(verb: Token) -> list[Token]:
    return [c for c in verb.children if c.dep_ in OBJECT_DEPS and c.pos_ != "ADP"]


def is_prep(token: Token) -> bool:
    """A preposition heading a complement; "sent troops to Angola" parses "to" as dative."""
    return token.dep_ == "prep" or (token.dep_ == "dative" and token.pos_ == "ADP")


def pobj(prep: Token | None) -> Token | None:
    if prep is None:
        return None
    return next((c for c in prep.children if c.dep_ in {"pobj", "pcomp"}), None)
