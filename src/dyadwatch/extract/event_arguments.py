"""Actor and recipient of a trigger, read from the dependency parse around it.

The recipient is looked for in a fixed order, nearest evidence first: the direct object (or
passive subject), the trigger's recipient prepositions, the party a threat or refusal is
conditioned on, the object's own complement ("aid to Gaza"), the clause the trigger embeds
("refused to meet with X"), the place the act is aimed at ("imposed a curfew in Kashmir"),
and last any party named after the trigger in its own clause. A non-actor object yields the
actor it is about (`ArgumentResolver.resolve_deep`); the subject of "faces criticism" is the
recipient of the criticism.
"""

from __future__ import annotations

from spacy.tokens import Token

from dyadwatch.extract.arguments import Argument, ArgumentResolver
from dyadwatch.extract.event_recipients import (
    PASSIVE_DEPS,
    PURPOSE_CLAUSES,
    SUBJECT_DEPS,
    clause_party,
    conditioned_party,
    embedded_recipient,
    generic_recipient,
    is_prep,
    locative_recipient,
    object_complement,
    objects_of,
    own_means,
    pobj,
    scene,
    subject_of,
)
from dyadwatch.extract.lexicon import TriggerEntry
from dyadwatch.extract.triggers import Trigger, verb_lemma
from dyadwatch.ontology import EventType

RECIPROCAL_PREPS = frozenset({"between", "among"})
EMBEDDED_CLAUSES = frozenset({"xcomp", "ccomp", "advcl"})
RECIPROCAL_TYPES = frozenset({EventType.AGREE, EventType.CONSULT, EventType.COOPERATE})
NAMED_MODIFIERS = frozenset({"NORP", "GPE", "ORG", "PERSON"})
# Verbs whose subject undergoes the act named by their object: "Iran faces criticism from the
# UN", "the plan drew condemnation".
UNDERGO_VERBS = frozenset({"face", "draw", "receive", "attract", "suffer", "endure", "incur",
                           "weather"})
# Verbs whose subject lives through, watches or remembers an event without taking part in it:
# "residents fled the fighting", "reporters covered the protests" name no fighters, no
# protesters.
BYSTANDER_VERBS = frozenset({"flee", "escape", "evade", "survive", "witness", "watch", "film",
                             "cover", "document", "avoid", "dodge", "fear", "recall",
                             "remember", "mourn", "commemorate"})


def verb_arguments(
    verb: Token, entry: TriggerEntry, resolver: ArgumentResolver
) -> tuple[list[Argument], list[Argument]]:
    """(actors, recipients) of a verbal (or predicate adjective) trigger."""
    subject = subject_of(verb)
    passive = next((c for c in verb.children if c.dep_ in PASSIVE_DEPS), None)
    objects = objects_of(verb)
    source: list[Argument] = []
    target: list[Argument] = []
    if passive is not None:
        target = resolver.resolve_deep(passive)
        agent = next((c for c in verb.children if c.dep_ == "agent"), None)
        source = resolver.resolve(pobj(agent)) if agent is not None else []
    else:
        subj_actors = resolver.resolve(subject)
        if entry.subject == "target":
            target = subj_actors
        else:
            source = subj_actors
        for obj in objects:
            if entry.subject == "target":
                source = source or resolver.resolve(obj)
            elif not own_means(obj, entry):
                target = target or resolver.resolve_deep(obj)
    for prep in verb.children:
        if not is_prep(prep):
            continue
        if prep.lower_ in RECIPROCAL_PREPS:
            found = resolver.resolve(pobj(prep))
            if len(found) > 1:
                source, target = source or found[:1], target or found[1:]
        elif prep.lower_ in entry.source:
            source = source or resolver.resolve(pobj(prep))
        elif prep.lower_ in entry.target and not target:
            target = resolver.resolve_deep(pobj(prep))
    # Joint actors ("Chad and Sudan agreed to exchange prisoners") act on each other: what
    # their embedded act or its place names is no recipient.
    if not target and entry.type is EventType.THREATEN:
        target = embedded_recipient(verb, resolver, clauses=frozenset({"xcomp"}), depth=1)
    if not target and (entry.type is EventType.THREATEN or any(
            c.dep_ == "neg" for c in verb.children)):
        # a threat, or a refusal until a condition is met ("will not end the strike until
        # the management is sacked"), is addressed to whoever must meet the condition
        target = conditioned_party(verb, resolver, source)
    joint = len(source) > 1 and entry.type in RECIPROCAL_TYPES
    if entry.subject == "source" and not joint:
        if not target:
            target = object_complement(objects, entry, resolver)
        if not target:
            target = generic_recipient(verb, resolver)
        if not target:
            target = embedded_recipient(verb, resolver, clauses=(
                EMBEDDED_CLAUSES if entry.embeds else PURPOSE_CLAUSES))
        if not target:
            target = locative_recipient(verb, entry, resolver, source)
        if not target and source:
            target = clause_party(verb, resolver, source)
    if entry.subject == "target" and not source:
        source = _nationality_of_objects(objects, resolver)
    if entry.type is EventType.ASSAULT and target and all(
            resolver.country(a.actor) is None for a in target):
        target = target + [a for a in scene(verb, objects, resolver) if a not in target]
    return source, _without(target, source)


def noun_arguments(
    trigger: Trigger, resolver: ArgumentResolver
) -> tuple[list[Argument], list[Argument]]:
    """(actors, recipients) of a nominal trigger ("Russia's invasion of Ukraine")."""
    noun, entry = trigger.token, trigger.entry
    source: list[Argument] = []
    target: list[Argument] = []
    for child in noun.children:
        if child.dep_ == "amod" and child.ent_type_ not in NAMED_MODIFIERS:
            continue  # "joint military exercises": an adjective, not a party
        if child.dep_ in {"poss", "compound", "amod", "nmod"} and child.i < noun.i:
            found = [a for a in resolver.resolve(child) if a not in source]
            if found and child.dep_ == "poss":
                source = found + source
            elif found:
                source += found
    if len(source) > 1 and not target and entry.type is not EventType.AGREE:
        source, target = source[:1], source[1:]
    for prep in noun.children:
        if not is_prep(prep):
            continue
        if prep.lower_ in RECIPROCAL_PREPS:
            found = resolver.resolve(pobj(prep))
            if source:
                target = target or found
            else:
                source, target = found[:1], found[1:]
        elif prep.lower_ in entry.source or prep.lower_ in {"from", "by"}:
            source = source or resolver.resolve(pobj(prep))
        elif prep.lower_ in entry.target and not target:
            target = resolver.resolve_deep(pobj(prep))
    governor = trigger.light_verb or (noun.head if noun.dep_ in {"dobj", "nsubjpass"} else None)
    if governor is None and noun.dep_ == "pobj" and noun.head.lower_ == "on":
        # "is on a visit to X", "will lead a delegation on a visit to X"
        holder = noun.head.head
        holder = holder.head if holder.dep_ == "dobj" else holder
        governor = holder if holder.pos_ in {"VERB", "AUX"} else None
    if governor is not None and noun.dep_ == "dobj" and verb_lemma(governor) in UNDERGO_VERBS:
        target = target or resolver.resolve(subject_of(governor))
        governor = None
    if governor is not None and trigger.light_verb is None \
            and governor.lemma_.lower() in BYSTANDER_VERBS:
        governor = None
    if governor is not None and (trigger.light_verb is not None or not source):
        subject_actors = resolver.resolve(subject_of(governor))
        if subject_actors:
            if source and not target:
                target = source
            source = subject_actors
        light = trigger.light_verb is not None
        own = [c for c in noun.children if light and c.lower_ in {"with", "to"}]
        for prep in [*governor.children, *own]:
            if is_prep(prep) and (
                prep.lower_ in entry.target or (light and prep.lower_ in {"with", "to"})
            ):
                target = target or resolver.resolve_deep(pobj(prep))
            elif light and prep.dep_ == "dative":
                target = target or resolver.resolve(prep)
    if source and not target:
        target = clause_subject(noun, resolver)  # "its demand that Israel ease restrictions"
    if source and not target:
        # "voiced his support of X", "launched an investigation of X": with the actor known,
        # the "of" complement is what the act is directed at.
        of = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        target = resolver.resolve_deep(pobj(of)) if of is not None else []
    if source and not target and trigger.light_verb is not None:
        target = locative_recipient(noun, entry, resolver, source, governor=trigger.light_verb)
    if source and not target and entry.type not in RECIPROCAL_TYPES:
        target = clause_party(trigger.light_verb or noun, resolver, source)
    return source, _without(target, source)


def clause_subject(noun: Token, resolver: ArgumentResolver) -> list[Argument]:
    """The subject of a clause complementing a noun: "the demand that Israel withdraw"."""
    for clause in noun.children:
        if clause.dep_ in {"acl", "ccomp"} and clause.pos_ in {"VERB", "AUX"}:
            found = resolver.resolve(
                next((c for c in clause.children if c.dep_ in SUBJECT_DEPS), None))
            if found:
                return found
    return []


def _nationality_of_objects(objects: list[Token], resolver: ArgumentResolver) -> list[Argument]:
    """"receive North Korean shells": the provider is the object's nationality."""
    for obj in objects:
        for child in obj.children:
            if child.dep_ in {"amod", "compound", "nmod"} and child.ent_type_ in {"NORP", "GPE"}:
                found = resolver.resolve(child)
                if found:
                    return found
    return []


def _without(target: list[Argument], source: list[Argument]) -> list[Argument]:
    return [a for a in target if all(a.actor != s.actor for s in source)]

