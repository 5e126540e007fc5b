"""Modality of an event from the syntax around its trigger (DESIGN §2).

Precedence: negated > hypothetical > reported > future > asserted. PLOVER's auxiliary modes;
the cues are general English function words and hedges, not corpus-fitted lists.
"""

from __future__ import annotations

from spacy.tokens import Token

from dyadwatch.nlp.text import doc_text
from dyadwatch.ontology import Modality

FUTURE_AUX = frozenset({"will", "shall", "'ll", "wo"})
BACKSHIFTED_AUX = frozenset({"would", "'d"})
# Words of a time expression that lies ahead ("next month", "later this year", "tomorrow").
AHEAD_WORDS = frozenset({"next", "tomorrow", "later", "upcoming", "coming"})
HYPOTHETICAL_AUX = frozenset({"would", "could", "might", "may", "should", "must", "'d"})
# Verbs whose open complement ("plans to meet") has not happened yet.
INTENT_VERBS = frozenset({
    "plan", "intend", "expect", "hope", "want", "seek", "aim", "prepare", "schedule", "set",
    "try", "attempt", "wish", "go", "propose", "consider", "mull", "decide", "vow", "pledge",
    "promise", "agree", "offer", "invite", "urge", "ask", "call", "demand", "threaten",
})
INTENT_NOUNS = frozenset({"plan", "intention", "proposal", "bid", "attempt", "effort", "offer",
                          "invitation", "readiness", "willingness", "prospect", "hope",
                          "commitment", "pledge", "promise", "vow", "determination", "decision",
                          "agreement", "deal"})
FUTURE_MODIFIERS = frozenset({"planned", "upcoming", "proposed", "future", "next",
                              "forthcoming", "expected", "scheduled", "prospective"})
HEDGE_MODIFIERS = frozenset({"possible", "potential", "likely", "probable", "alleged",
                             "suspected", "rumored", "rumoured", "hypothetical"})
DOUBT_VERBS = frozenset({"doubt", "question", "wonder", "speculate", "deny"})
HEDGE_VERBS = frozenset({"appear", "seem"})
NEGATING_VERBS = frozenset({"fail", "refrain", "avoid", "cease", "stop"})
CONDITIONAL_MARKS = frozenset({"if", "unless", "whether"})
REPORTED_ADVERBS = frozenset({"reportedly", "allegedly", "purportedly", "supposedly",
                              "apparently", "rumoredly"})
SPEECH_VERBS = frozenset({"say", "tell", "report", "claim", "quote", "state", "add", "note",
                          "announce", "allege", "suggest", "believe", "indicate", "cite"})
UNNAMED_MODIFIERS = frozenset({"unnamed", "anonymous", "unidentified", "unspecified"})
# Bare "sources said" is hedged; "security sources", "diplomatic sources" name a kind of
# source and are coded as asserted, as the PLOVER gold standard does.
HEDGED_SOURCES = frozenset({"rumor", "rumour", "speculation"})
# Dependency labels through which an embedded clause inherits its governor's modality.
CONTROL_DEPS = frozenset({"xcomp", "acl", "conj", "pcomp", "pobj", "prep", "dobj", "advcl"})


def modality(trigger: Token, *, governors: list[Token] | None = None) -> Modality:
    """The modality of the event expressed by `trigger` (and its light verb, if any)."""
    anchors = [trigger, *(governors or [])]
    if any(_negated(t) for t in anchors):
        return Modality.NEGATED
    if any(_hypothetical(t) for t in anchors):
        return Modality.HYPOTHETICAL
    if _reported(trigger):
        return Modality.REPORTED
    if any(_future(t) for t in anchors):
        return Modality.FUTURE
    return Modality.ASSERTED


def _control_chain(token: Token) -> list[Token]:
    """The token and the governors whose modality it shares ("had no plans to sign")."""
    chain = [token]
    current = token
    while current.dep_ in CONTROL_DEPS and current.head.i != current.i:
        if current.dep_ == "advcl" and not _is_purpose(current):
            break
        current = current.head
        chain.append(current)
        if current.pos_ in {"VERB", "AUX"} and current.dep_ not in {"xcomp", "conj", "advcl"}:
            break
    return chain


def _is_purpose(token: Token) -> bool:
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children)


def _negated(trigger: Token) -> bool:
    for token in _control_chain(trigger):
        for child in token.children:
            if child.dep_ == "neg" or (child.dep_ == "det" and child.lower_ in {"no", "neither"}):
                return True
        if token.i != trigger.i and token.lemma_ in NEGATING_VERBS:
            return True
        if token.dep_ == "pobj" and token.head.lower_ == "without":
            return True
    return False


def _hypothetical(trigger: Token) -> bool:
    chain = _control_chain(trigger)
    for token in chain:
        for child in token.children:
            if child.dep_ == "aux" and child.lower_ in HYPOTHETICAL_AUX:
                if child.lower_ in BACKSHIFTED_AUX and (_backshifted(token) or _dated_ahead(chain)):
                    continue  # "said it would allow": future in the past, see _future
                return True
            if child.dep_ == "mark" and child.lower_ in CONDITIONAL_MARKS:
                return True
            if child.dep_ == "amod" and child.lower_ in HEDGE_MODIFIERS:
                return True
        if token.i != trigger.i and token.lemma_ in HEDGE_VERBS:
            return True
    top = chain[-1]
    if top.dep_ == "ROOT" and is_question(top):
        return True
    if any(t.lemma_ in DOUBT_VERBS for t in trigger.ancestors):
        return True  # "analysts doubt that Russia is willing to supply ..."
    return any(
        c.dep_ == "mark" and c.lower_ in CONDITIONAL_MARKS
        for t in trigger.ancestors if t.dep_ in {"advcl", "ccomp"}
        for c in t.children
    )


def is_question(token: Token) -> bool:
    """The token's sentence ends with a question mark (closing quotes aside)."""
    return token.sent.text.rstrip().rstrip("”\"’'").endswith("?")


def _backshifted(clause: Token) -> bool:
    """"X said it would ...": reported speech shifts "will" to "would" (not a conditional)."""
    if any(c.dep_ == "mark" and c.lower_ in CONDITIONAL_MARKS for c in clause.children):
        return False
    head = clause
    while head.dep_ == "conj":
        head = head.head
    if head.dep_ != "ccomp" or head.head.lemma_ not in SPEECH_VERBS | {"announce", "promise"}:
        return False
    # Direct speech keeps the speaker's own tense: "would" in a quotation is a conditional.
    before = doc_text(clause.doc)[clause.sent.start_char : clause.idx]
    opened = before.count("“") + before.count('"') - before.count("”")
    return opened % 2 == 0


def _dated_ahead(chain: list[Token]) -> bool:
    """"would hold talks next month": a "would" clause dated ahead, with no condition, is a
    plan reported in the past, not a hypothesis."""
    if any(c.dep_ == "mark" and c.lower_ in CONDITIONAL_MARKS for t in chain for c in t.children):
        return False
    return any(w.lower_ in AHEAD_WORDS for t in chain for c in t.children
               if c.dep_ in {"npadvmod", "prep", "advmod", "tmod"} for w in c.subtree)


def _reported(trigger: Token) -> bool:
    if any(c.lower_ in REPORTED_ADVERBS for t in _control_chain(trigger) for c in t.children):
        return True
    for ancestor in trigger.ancestors:
        if ancestor.lemma_ not in SPEECH_VERBS:
            continue
        speakers = [c for c in ancestor.children if c.dep_ in {"nsubj", "nsubjpass", "dobj"}]
        if ancestor.head.lemma_ == "quote" or (ancestor.head.head.lemma_ == "quote"):
            quote = ancestor.head if ancestor.head.lemma_ == "quote" else ancestor.head.head
            speakers += [c for c in quote.children if c.dep_ in {"nsubj", "dobj"}]
        if any(_unnamed(s) for s in speakers):
            return True
    return any(
        t.lower_ == "according" and any(_unnamed(p) for p in t.subtree if p.dep_ == "pobj")
        for t in trigger.sent
    )


def _unnamed(speaker: Token) -> bool:
    if speaker.lemma_ in HEDGED_SOURCES:
        return True
    if speaker.lemma_ == "source" and not any(
        c.dep_ in {"amod", "compound"} for c in speaker.children
    ):
        return True
    return any(c.dep_ == "amod" and c.lower_ in UNNAMED_MODIFIERS for c in speaker.children)


def _future(trigger: Token) -> bool:
    chain = _control_chain(trigger)
    for token in chain:
        for child in token.children:
            if child.dep_ == "aux" and child.lower_ in FUTURE_AUX:
                return True
            if child.dep_ == "aux" and child.lower_ in BACKSHIFTED_AUX and (
                    _backshifted(token) or _dated_ahead(chain)):
                return True
            if child.dep_ in {"amod", "compound"} and child.lower_ in FUTURE_MODIFIERS:
                return True
            if child.dep_ == "aux" and child.lower_ == "to" and token.i == trigger.i:
                governor = token.head
                if governor.lemma_ in INTENT_VERBS or governor.lemma_ in INTENT_NOUNS:
                    return True
        if token.i != trigger.i and token.lemma_ == "go" and any(
            c.lower_ == "to" for c in trigger.children
        ):
            return True
    return False
