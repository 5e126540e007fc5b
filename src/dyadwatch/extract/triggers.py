"""Find event triggers in a sentence: verbs, nominalisations and light-verb constructions."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from dyadwatch.extract.lexicon import Lexicon, TriggerEntry

OBJECT_DEPS = frozenset({"dobj", "attr", "oprd"})
QUANTITIES = frozenset({"part", "parts", "dozen", "hundred", "thousand", "million", "score",
                        "number", "group", "handful", "batch", "ton", "tonne", "kg", "tons",
                        "some", "all", "most", "many", "several", "few", "rest", "half"})
# Heads that a nominal event may modify and still be the event ("an aid package").
CONTAINERS = frozenset({"package", "program", "programme", "plan", "effort", "operation",
                        "campaign", "mission", "deal", "agreement", "talk", "meeting"})
NAMED_THINGS = frozenset({"ORG", "PERSON", "GPE", "FAC", "LAW", "EVENT", "WORK_OF_ART", "NORP"})
# Nouns whose "of" names an event of the past being remembered, not one reported now
# ("the anniversary of the Tiananmen protests", "in memory of the massacre").
REMEMBRANCES = frozenset({"anniversary", "commemoration", "memorial", "remembrance", "memory",
                          "legacy", "history", "memoir", "museum"})


@dataclass(frozen=True)
class Trigger:
    token: Token  # the word that names the event (a verb or a nominalisation)
    entry: TriggerEntry
    light_verb: Token | None = None  # "held" in "held talks": it carries the subject


def find_triggers(sent: SpacySpan, lexicon: Lexicon) -> list[Trigger]:
    """Candidate triggers of one sentence, each token used once."""
    found: list[Trigger] = []
    used: set[int] = set()
    for token in sent:
        if token.i in used:
            continue
        if token.pos_ in {"VERB", "AUX"} or (token.pos_ == "NOUN" and token.tag_ == "VB"):
            trigger = _verb_trigger(token, lexicon)
            if trigger:
                found.append(trigger)
                used.update({trigger.token.i, token.i})
    for token in sent:
        if token.i in used or token.pos_ != "ADJ":
            continue
        adjective = lexicon.adjective_entry(token.lemma_.lower())
        if adjective and any(c.dep_ == "xcomp" for c in token.children):
            found.append(Trigger(token, adjective))
            used.add(token.i)
    for token in sent:
        if token.i in used or token.pos_ not in {"NOUN", "PROPN"}:
            continue
        if token.ent_type_ in NAMED_THINGS:
            continue  # "Government of National Accord", "the Paris Agreement": names
        if token.dep_ in {"compound", "amod"} and token.head.lemma_.lower() not in CONTAINERS:
            continue  # "gulf war allies", "attack helicopters": a modifier, not an event
        if _remembered(token):
            continue
        entry = _noun_entry(token, lexicon)
        if entry:
            light = _light_verb_of(token, lexicon)
            if light is not None and light.i in used:
                continue  # "provided assistance": the verb's own event names it already
            found.append(Trigger(token, entry, light))
            used.add(token.i)
    return sorted(found, key=lambda t: t.token.i)


def _remembered(noun: Token) -> bool:
    """"the anniversary of the protests": an event named as the thing remembered."""
    of = noun.head
    return noun.dep_ == "pobj" and of.lower_ == "of" and of.head.lemma_.lower() in REMEMBRANCES


def _light_verb_of(noun: Token, lexicon: Lexicon) -> Token | None:
    """"held talks", "imposed sanctions"; with a preposition, "went on strike"."""
    if noun.dep_ in OBJECT_DEPS or noun.dep_ == "nsubjpass":
        return noun.head if _is_light(noun.head, lexicon) else None
    prep = noun.head
    if noun.dep_ == "pobj" and prep.dep_ == "prep" and prep.head.pos_ in {"VERB", "AUX"}:
        verb = prep.head
        if f"{verb.lemma_.lower()} {prep.lower_}" in lexicon.light_verbs:
            return verb
    return None


def _verb_trigger(verb: Token, lexicon: Lexicon) -> Trigger | None:
    lemma = verb_lemma(verb)
    # The patient: the object, or the subject of a passive ("were released").
    objects = [
        counted(c, QUANTITIES) for c in verb.children if c.dep_ in OBJECT_DEPS | {"nsubjpass"}
    ]
    if verb.lemma_.lower() == "set" and any(c.lower_ == "fire" for c in verb.subtree):
        lemma = "set fire"
    # "called for sanctions", "pushed for reform": a verb with its preposition
    prepositional = [  # the preposition right after the verb: not "called Kim on Monday"
        f"{verb.lemma_.lower()} {c.lower_}" for c in verb.children
        if c.dep_ == "prep" and c.i == verb.i + 1
    ]
    with_particle = lexicon.verb_entries(lemma) if lemma != verb.lemma_.lower() else []
    entries = with_particle or next(
        (found for key in prepositional if (found := lexicon.verb_entries(key))), []
    ) or lexicon.verb_entries(verb.lemma_.lower())
    for entry in entries:
        if entry.object is not None and any(_in_class(o, entry.object) for o in objects):
            return Trigger(verb, entry)
    if _is_light(verb, lexicon):
        for obj in (o for o in objects if o.dep_ in OBJECT_DEPS):
            noun_entry = _noun_entry(obj, lexicon)
            if noun_entry:
                return Trigger(obj, noun_entry, light_verb=verb)
    for entry in entries:
        if entry.object is None and not (entry.intransitive and _has_object(verb)):
            return Trigger(verb, entry)
    return None


def _has_object(verb: Token) -> bool:
    return any(c.dep_ in OBJECT_DEPS for c in verb.children)


def counted(token: Token, quantities: frozenset[str]) -> Token:
    """"dozens of activists" → "activists": what a quantity (or a number) counts."""
    if token.lemma_.lower() not in quantities and token.pos_ != "NUM":
        return token
    of = next((c for c in token.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    inner = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
    return inner if inner is not None else token


def _noun_entry(noun: Token, lexicon: Lexicon) -> TriggerEntry | None:
    lemma = noun.lemma_.lower()
    compound = " ".join(
        [
            c.lemma_.lower() for c in noun.children
            if c.dep_ in {"compound", "amod"} and c.i == noun.i - 1
        ]
        + [lemma]
    )
    of = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    complement = next((c for c in of.children if c.dep_ == "pobj"), None) if of else None
    keys = [compound, lemma]
    if complement is not None:  # "state of emergency", "state of siege"
        keys.insert(0, f"{lemma} of {complement.lemma_.lower()}")
    for key in keys:
        for entry in lexicon.noun_entries(key):
            if entry.object is None or any(
                _in_class(c, entry.object) for c in noun.children if c.dep_ in {"compound", "amod"}
            ):
                return entry
    return None


def verb_lemma(verb: Token) -> str:
    """The lemma with its particle ("carry out", "pull back")."""
    particles = [c.lower_ for c in verb.children if c.dep_ == "prt"]
    return f"{verb.lemma_.lower()} {particles[0]}" if particles else verb.lemma_.lower()


def _is_light(verb: Token, lexicon: Lexicon) -> bool:
    return (verb.pos_ in {"VERB", "AUX"} and verb_lemma(verb) in lexicon.light_verbs) or (
        verb.lemma_.lower() in lexicon.light_verbs and verb.pos_ in {"VERB", "AUX"}
    )


def _in_class(token: Token, lemmas: tuple[str, ...]) -> bool:
    if not lemmas:
        return True
    lemma = token.lemma_.lower()
    return (
        lemma in lemmas
        or token.lower_ in lemmas
        or lemma.rstrip("s") in lemmas
        or (bool(token.ent_type_) and token.ent_type_ in lemmas)
        or (token.pos_ == "PROPN" and any(  # "Sergeant Pablo Moncayo": the title's class
            t.dep_ == "compound" and t.lemma_.lower() in lemmas
            for t in token.subtree if t.i < token.i))
    )
