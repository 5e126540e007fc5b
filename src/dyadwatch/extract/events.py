"""PLOVER events from a parsed article: trigger → actors → modality → codes → date and place.

A pure function of the parsed document and the records the earlier stages produced.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from dyadwatch import ontology
from dyadwatch.extract import event_cues
from dyadwatch.extract.arguments import Argument, ArgumentResolver
from dyadwatch.extract.event_arguments import noun_arguments, verb_arguments
from dyadwatch.extract.event_context import confidence, event_date, event_place
from dyadwatch.extract.event_recipients import PASSIVE_DEPS, subject_of
from dyadwatch.extract.lexicon import Lexicon, TriggerEntry, load_lexicon
from dyadwatch.extract.modality import is_question, modality
from dyadwatch.extract.triggers import Trigger, find_triggers, verb_lemma
from dyadwatch.ontology import EventType, Modality
from dyadwatch.records import ActorIndex, Event, Place, Timex
from dyadwatch.resolve.kb import KnowledgeBase

COOPERATIVE = frozenset({EventType.CONSULT, EventType.SUPPORT, EventType.COOPERATE, EventType.AID})
# Responses without an object take the initiator of the conjoined act as target
# ("Kim invited Putin ... and Putin accepted").
RESPONSE_LEMMAS = frozenset({"accept", "agree", "refuse", "decline", "reject", "welcome"})
# "talks about arms deals": a nominal event named as the topic of another is not coded.
DIPLOMATIC_PROTEST_VERBS = frozenset({"lodge", "file", "issue", "deliver", "send", "convey",
                                      "register", "submit", "express", "voice"})
# Sectors of people who protest in the street rather than by statement: "residents, students,
# farmers protested" is a demonstration (PLOVER PROTEST), "the ministry protested" is ACCUSE.
CROWD_SECTORS = frozenset({"CVL", "EDU", "LAB", "AGR", "REF", "OPP", "REL"})
VERBAL_ATTACK = frozenset({"verbal", "scathing", "blistering", "stinging", "withering",
                           "rhetorical", "extraordinary", "personal", "sharp", "bitter"})
# Objects that make "fight", "attack", "hit" figurative.
ABSTRACT_OBJECTS = frozenset({
    "epidemic", "pandemic", "disease", "virus", "outbreak", "corruption", "poverty", "crime",
    "inflation", "proposal", "plan", "policy", "idea", "decision", "law", "bill", "measure",
    "ruling", "report", "claim", "budget", "deal", "agreement", "fire", "blaze", "drought",
    "hunger", "climate", "change", "case", "charge", "allegation", "election", "result",
    "record", "target", "market", "price", "low", "high", "limit", "problem", "issue",
    "trend", "wall", "headline", "note", "jackpot", "ground", "road", "stride", "snag",
})
ATTACK_NOUNS = frozenset({"bombing", "bomb", "explosion", "blast", "attack", "strike",
                          "airstrike", "shelling", "missile", "rocket", "mine", "ambush",
                          "shooting", "gunfire", "raid", "landmine", "grenade", "suicide"})
CONCESSIONS = frozenset({EventType.AGREE, EventType.CONCEDE, EventType.RETREAT})
# Light verbs that make "strikes" military, not a labour action.
MILITARY_LIGHT_VERBS = frozenset({"carry out", "conduct", "fly", "order"})
COERCIVE = frozenset({EventType.SANCTION, EventType.COERCE, EventType.ASSAULT})
# PLOVER THREATEN restrict: "boycotts, strikes, blockades" announced are threats.
RESTRICTING_PROTESTS = frozenset({"boycott", "strike", "obstruct"})
# Troops sent or arriving as peacekeepers are military assistance (PLOVER AID).
PEACEKEEPING_TYPES = frozenset({EventType.MOBILIZE, EventType.CONSULT})
THREAT_MODES = {EventType.ASSAULT: "violence", EventType.SANCTION: "relations",
                EventType.COERCE: "restrict", EventType.PROTEST: "restrict"}
# Speech acts that, with an obliged clause, make a demand ("said Sudan must return").
DEMAND_FRAMES = frozenset({"say", "declare", "announce", "insist", "conclude", "state", "tell",
                           "stress", "add", "reiterate", "maintain", "argue", "write"})
REQUEST_ENTRY = TriggerEntry(lemma=("say",), type=EventType.REQUEST, embeds=True)
NOUN_GOVERNED_DEPS = frozenset({"nsubj", "nsubjpass", "dobj"})
TOPIC_PREPS = frozenset({"about", "regarding", "concerning", "over"})
# "after the meeting", "at the request of": a nominal event named as the circumstance of
# another clause is background, reported in its own right elsewhere.
CIRCUMSTANCE_PREPS = frozenset({
    "after", "before", "during", "amid", "following", "since", "despite", "upon", "ahead", "at",
})


# Subordinators of a clause that reports an event in its own right (other adverbial clauses,
# "after X seized Crimea", "until the EU provides details", are background or conditions).
CONTRAST_MARKS = frozenset({"while", "whereas", "although", "though", "whilst"})


# An embedded event folded into its governor gives it a mode ("refused to meet" → REJECT meet).
EMBEDDED_MODES = {
    (EventType.REQUEST, EventType.CONSULT): "meet",
    (EventType.REJECT, EventType.CONSULT): "meet",
    (EventType.REQUEST, EventType.AID): "assist",
    (EventType.REJECT, EventType.AID): "assist",
    (EventType.REQUEST, EventType.RETREAT): "yield",
    (EventType.REJECT, EventType.RETREAT): "yield",
    (EventType.THREATEN, EventType.ASSAULT): "violence",
    (EventType.THREATEN, EventType.COERCE): "arrest",
    (EventType.THREATEN, EventType.SANCTION): "relations",
}


@dataclass
class _Draft:
    trigger: Trigger
    source: list[Argument]
    target: list[Argument]
    folded_into: int | None = None  # index of the governing draft that absorbs this one
    embeds_action: bool = False  # "agreed to share", "invited X to visit": the act is ahead


def events(
    doc: Doc,
    actors: ActorIndex,
    *,
    published: dt.date | None,
    timexes: Sequence[Timex] = (),
    places: Sequence[Place] = (),
    lexicon: Lexicon | None = None,
    kb: KnowledgeBase | None = None,
) -> list[Event]:
    """All events of the document, in text order.

    `kb` lets unlinked demonyms in argument position resolve to their state.
    """
    lexicon = lexicon or load_lexicon()
    resolver = ArgumentResolver(actors, kb)
    out: list[Event] = []
    for sent in doc.sents:
        drafts = [_draft(t, resolver) for t in find_triggers(sent, lexicon)]
        drafts += _deontic_requests(sent, drafts, resolver)
        drafts.sort(key=lambda d: d.trigger.token.i)
        _fold_embedded(drafts)
        _fold_nominal_objects(drafts)
        _fill_response_targets(drafts)
        coded = [d for d in drafts if d.folded_into is None and _codable(d)]
        for draft in _main_events(coded):
            out.append(_event(draft, actors, published, timexes, places))
            parties = list({a.actor: a for a in draft.source + draft.target}.values())
            if len(parties) == 2:
                resolver.recent = parties
                if all(actors.actor(a.actor).kind == "person" for a in parties):
                    resolver.recent_people = parties
    return out


def _draft(trigger: Trigger, resolver: ArgumentResolver) -> _Draft:
    token, entry = trigger.token, trigger.entry
    if token.pos_ in {"VERB", "AUX", "ADJ"}:
        source, target = verb_arguments(token, entry, resolver)
    else:
        source, target = noun_arguments(trigger, resolver)
    return _Draft(trigger, source, target)


def _deontic_requests(
    sent: SpacySpan, drafts: list[_Draft], resolver: ArgumentResolver
) -> list[_Draft]:
    """"X said Y must do Z": a demand by X of Y (PLOVER REQUEST), whatever Z is."""
    taken = {d.trigger.token.i for d in drafts}
    found = []
    for verb in sent:
        if verb.lemma_ not in DEMAND_FRAMES or verb.i in taken:
            continue
        for clause in verb.children:
            if clause.dep_ != "ccomp" or not _obliged(clause):
                continue
            source = resolver.resolve(subject_of(verb))
            target = resolver.resolve(next((c for c in clause.children if c.dep_ == "nsubj"), None))
            target = [a for a in target if all(a.actor != s.actor for s in source)]
            if source and target:
                found.append(_Draft(Trigger(verb, REQUEST_ENTRY), source, target))
                break
    return found


def _obliged(clause: Token) -> bool:
    """The clause states an obligation: "must", "should", "has to", "needs to"."""
    if any(c.dep_ == "aux" and c.lower_ in {"must", "should", "ought"} for c in clause.children):
        return True
    return clause.lemma_ in {"have", "need"} and any(
        c.dep_ == "xcomp" and any(a.lower_ == "to" for a in c.children) for c in clause.children
    )


def _fold_embedded(drafts: list[_Draft]) -> None:
    """Fold "agreed to meet", "urged X to withdraw", "threatened to attack" into the governor,
    and purpose clauses ("sent troops to help X") into the act they serve."""
    by_token = {d.trigger.token.i: n for n, d in enumerate(drafts)}
    for n, d in enumerate(drafts):
        if d.trigger.light_verb is not None:
            by_token.setdefault(d.trigger.light_verb.i, n)
    for index, draft in enumerate(drafts):
        anchor = draft.trigger.light_verb or draft.trigger.token
        if anchor.head.i not in by_token or by_token[anchor.head.i] == index:
            continue
        governor_index = by_token[anchor.head.i]
        governor = drafts[governor_index]
        purpose = anchor.dep_ == "advcl" and any(
            c.dep_ == "aux" and c.lower_ == "to" for c in anchor.children
        )
        if purpose:
            draft.folded_into = governor_index
            continue
        if anchor.dep_ not in {"xcomp", "ccomp"} or not governor.trigger.entry.embeds:
            continue
        draft.folded_into = governor_index
        governor.embeds_action = governor.embeds_action or anchor.dep_ == "xcomp"
        key = (governor.trigger.entry.type, draft.trigger.entry.type)
        if governor.trigger.entry.type is EventType.AGREE and draft.trigger.entry.type in COERCIVE:
            # "ready to impose martial law", "vowed to fight": a threat, not an agreement
            governor.trigger = Trigger(
                governor.trigger.token,
                governor.trigger.entry.model_copy(update={
                    "type": EventType.THREATEN, "mode": THREAT_MODES[draft.trigger.entry.type],
                }),
                governor.trigger.light_verb,
            )
            continue
        if (not governor.target and draft.target and len(governor.source) < 2
                and governor.trigger.entry.type is EventType.AGREE):
            governor.target = [a for a in draft.target if a not in governor.source]
        if key in EMBEDDED_MODES and governor.trigger.entry.mode is None:
            governor.trigger = Trigger(
                governor.trigger.token,
                governor.trigger.entry.model_copy(update={"mode": EMBEDDED_MODES[key]}),
                governor.trigger.light_verb,
            )


def _fold_nominal_objects(drafts: list[_Draft]) -> None:
    """"condemned the bombing": a nominal event that is the object of another event's verb
    is what that event is about, not a second event."""
    verbs = {d.trigger.token.i: n for n, d in enumerate(drafts)
             if d.trigger.token.pos_ in {"VERB", "AUX"}}
    for draft in drafts:
        token = draft.trigger.token
        if token.pos_ not in {"NOUN", "PROPN"} or draft.trigger.light_verb is not None:
            continue
        head = token.head
        if token.dep_ == "pobj" and head.dep_ == "prep":
            head = head.head
        if token.dep_ in {"dobj", "pobj", "nsubjpass"} and head.i in verbs:
            draft.folded_into = verbs[head.i]
            governor = drafts[verbs[head.i]]
            # "agreed to a ceasefire", "promised military aid": the act is ahead; "agreed on a
            # pact" names the agreement reached, not an act to come
            governor.embeds_action = governor.embeds_action or (
                governor.trigger.entry.embeds and token.dep_ != "nsubjpass"
                and draft.trigger.entry.type is not EventType.AGREE)


def _main_events(drafts: list[_Draft]) -> list[_Draft]:
    """Drop events whose trigger lies inside the clause or phrase of another coded event.

    "rejected an offer made by the Taliban", "opened fire, killing two", "refused to respond
    to a request from X", "condemned the attack, which killed ...": the dominated trigger
    names a circumstance, a consequence or the content of the dominating event, not a second
    event. On the development gold (PLV even half and the GSR) such dominated events were
    right one time in ten.
    """
    anchors = {
        i: n for n, d in enumerate(drafts)
        for i in {d.trigger.token.i} | ({d.trigger.light_verb.i} if d.trigger.light_verb else set())
    }
    kept = []
    for n, draft in enumerate(drafts):
        anchor = draft.trigger.light_verb or draft.trigger.token
        # A clause with its own subject that is coordinate or contrasted, not background:
        # "Kim invited Putin and Putin accepted", "while Kim visited Russia, ..."
        own_clause = any(c.dep_ in {"nsubj", "nsubjpass"} for c in anchor.children) and (
            anchor.dep_ == "conj" or (anchor.dep_ == "advcl" and any(
                c.dep_ == "mark" and c.lower_ in CONTRAST_MARKS for c in anchor.children))
        )
        if not own_clause and any(anchors.get(t.i, n) != n for t in anchor.ancestors):
            continue
        kept.append(draft)
    return kept


def _fill_response_targets(drafts: list[_Draft]) -> None:
    for draft in drafts:
        token = draft.trigger.token
        if draft.target or token.lemma_.lower() not in RESPONSE_LEMMAS or token.dep_ != "conj":
            continue
        initiator = next((d for d in drafts if d.trigger.token.i == token.head.i), None)
        if initiator and {a.actor for a in draft.source} & {a.actor for a in initiator.target}:
            draft.target = [a for a in initiator.source if a not in draft.source]


def _codable(draft: _Draft) -> bool:
    token = draft.trigger.token
    if draft.trigger.entry.type is EventType.REQUEST and event_cues.asks_a_question(token):
        return False  # "reporters asked whether Russia would help": a question, no demand
    if (
        draft.trigger.entry.type is EventType.ASSAULT
        and draft.trigger.entry.object is None
        and token.pos_ in {"VERB", "AUX"}
        and not draft.target
        and any(c.dep_ == "dobj" and c.lemma_.lower() in ABSTRACT_OBJECTS for c in token.children)
    ):
        return False  # "fight the epidemic", "attack the proposal": no victim, no assault
    if (
        token.pos_ in {"NOUN", "PROPN"}
        and token.dep_ == "pobj"
        and token.head.lower_ in TOPIC_PREPS | CIRCUMSTANCE_PREPS
    ):
        return False
    if draft.trigger.entry.type is EventType.CONSULT and len(draft.source) + len(draft.target) < 2:
        return False  # a consultation has at least two parties
    if draft.source:
        return True
    if not draft.target:
        return False
    passive = any(c.dep_ in PASSIVE_DEPS for c in token.children)
    # "A roadside bombing killed two soldiers": the attacker is unknown, the victims are not.
    inanimate_attack = draft.trigger.entry.type is EventType.ASSAULT and any(
        c.dep_ == "nsubj" and c.lemma_.lower() in ATTACK_NOUNS for c in token.children
    )
    return passive or inanimate_attack


def _event(
    draft: _Draft,
    actors: ActorIndex,
    published: dt.date | None,
    timexes: Sequence[Timex],
    places: Sequence[Place],
) -> Event:
    trigger = draft.trigger
    token, entry = trigger.token, trigger.entry
    governors = [trigger.light_verb] if trigger.light_verb is not None else []
    if not governors and token.pos_ in {"NOUN", "PROPN"} and token.dep_ in NOUN_GOVERNED_DEPS:
        governors = [token.head]
    mod = modality(token, governors=governors)
    event_type, mode = EventType(entry.type), entry.mode
    if event_type is EventType.MOBILIZE and draft.target and token.lemma_ in {"fire", "launch"}:
        event_type, mode = EventType.ASSAULT, None  # fired at someone: an attack
    if event_type is EventType.PROTEST and trigger.light_verb is not None and (
        trigger.light_verb.lemma_.lower() in DIPLOMATIC_PROTEST_VERBS
    ):
        event_type, mode = EventType.ACCUSE, "disapprove"  # "lodged a protest with Albania"
    if event_type is EventType.PROTEST and trigger.light_verb is not None and (
        verb_lemma(trigger.light_verb) in MILITARY_LIGHT_VERBS
    ):
        event_type, mode = EventType.ASSAULT, None  # "carried out strikes against Hamas"
    if event_type is EventType.ACCUSE and token.lemma_.lower() == "protest" and draft.source \
            and all(_crowd(actors, a) for a in draft.source):
        event_type, mode = EventType.PROTEST, "demo"  # "thousands of students protested"
    if event_type is EventType.ASSAULT and any(
        c.dep_ == "amod" and c.lemma_.lower() in VERBAL_ATTACK for c in token.children
    ):
        event_type, mode = EventType.ACCUSE, "disapprove"  # "a scathing attack on the plan"
    contexts = tuple(entry.contexts)
    if event_type in PEACEKEEPING_TYPES and event_cues.peacekeeping(token, governors):
        # PLOVER AID: "military and police assistance including ... personnel"
        event_type, mode = EventType.AID, None
        contexts = (*contexts, "peacekeeping")
    intended = mod in {Modality.FUTURE, Modality.NEGATED} and event_cues.intended(token)
    if intended and event_type in COOPERATIVE:
        event_type, mode = EventType.AGREE, None  # PLOVER: future cooperation is an AGREE
    refusal = event_cues.failed(token) or event_cues.refused(token, governors)
    if mod is Modality.NEGATED and refusal and event_type in COOPERATIVE | CONCESSIONS:
        event_type, mode, mod = EventType.REJECT, None, Modality.ASSERTED  # "failed to agree"
    elif (
        (mod is Modality.FUTURE and (event_type in COERCIVE or mode in RESTRICTING_PROTESTS))
        or (mod in {Modality.FUTURE, Modality.HYPOTHETICAL} and event_cues.conditional_on(token))
    ) and event_cues.announced(token, governors) and not is_question(token):
        # PLOVER: an announced coercive act, or any act made conditional ("will withdraw
        # unless ..."), is a threat, and the threat itself was made.
        event_type, mode, mod = EventType.THREATEN, THREAT_MODES.get(event_type), Modality.ASSERTED
    elif mod is Modality.FUTURE and event_type is EventType.RETREAT:
        event_type, mode = EventType.CONCEDE, None
    embeds_action = draft.embeds_action or (
        entry.embeds
        and any(c.dep_ == "xcomp" and c.pos_ in {"VERB", "AUX"} for c in token.children)
    )
    if event_type is EventType.AGREE and embeds_action and mod is Modality.ASSERTED:
        mod = Modality.FUTURE  # what was agreed, promised or invited has not happened yet
    if mode is not None and mode not in ontology.modes(event_type):
        mode = None
    context = contexts[0] if contexts else None
    code = ontology.cameo_for(event_type, mode, context=context)
    sent = token.sent
    date, date_from = event_date(token, governors, timexes, published)
    return Event(
        type=event_type.value,
        mode=mode,
        contexts=contexts,
        cameo=code.code,
        quad_class=ontology.quad_class(event_type),
        goldstein=code.goldstein,
        source=tuple(a.actor for a in draft.source),
        target=tuple(a.actor for a in draft.target),
        source_spans=tuple(a.span for a in draft.source),
        target_spans=tuple(a.span for a in draft.target),
        date=date,
        date_from=date_from,
        place=event_place(token, governors, places),
        modality=mod.value,
        confidence=confidence(
            event_type.value, token, [a.actor for a in draft.source + draft.target], actors
        ),
        sentence=(sent.start_char, sent.end_char),
        trigger=(token.idx, token.idx + len(token)),
    )


def _crowd(actors: ActorIndex, argument: Argument) -> bool:
    actor = actors.actor(argument.actor)
    return actor.kind == "group" and actor.sector in CROWD_SECTORS
