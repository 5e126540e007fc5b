"""Syntactic cues around a trigger that change how its event is coded (PLOVER rules).

"failed to agree" is a REJECT, "will impose" an announced threat, "will meet" an AGREE,
"sent troops as peacekeepers" AID: each predicate here reads one such cue from the parse.
"""

from __future__ import annotations

from spacy.tokens import Token

from dyadwatch.extract.event_context import clause_tokens


def peacekeeping(token: Token, governors: list[Token]) -> bool:
    """Peacekeepers are named in the event's clause ("sent troops as peacekeepers")."""
    if token.lemma_.lower() in {"meet", "visit", "talk", "meeting", "host"}:
        return False
    clause = clause_tokens(token, governors)
    return any(t.lower_.startswith("peacekeep") for t in token.sent if t.i in clause)


def failed(token: Token) -> bool:
    """The event is the complement of "fail"/"refuse" ("failed to reach agreement")."""
    current = token
    for _ in range(3):
        if current.dep_ not in {"xcomp", "dobj"}:
            return False
        current = current.head
        if current.lemma_ in {"fail", "refuse", "decline"}:
            return True
    return False


def asks_a_question(verb: Token) -> bool:
    return verb.lemma_ in {"ask", "wonder", "inquire", "enquire"} and any(
        c.dep_ == "ccomp" and any(m.lower_ in {"whether", "if"} or m.tag_ in {"WDT", "WP", "WRB"}
                                  for m in c.children)
        for c in verb.children
    )


def conditional_on(token: Token) -> bool:
    """"will withdraw ... unless X": the act depends on what the recipient does."""
    return any(
        c.dep_ == "advcl" and any(m.lower_ in {"unless", "until"} for m in c.children)
        for c in token.children
    )


def announced(token: Token, governors: list[Token]) -> bool:
    """A future act stated by its actor: "will impose", "said it would blockade"."""
    for anchor in [token, *governors]:
        if any(c.dep_ == "aux" and c.lower_ in {"will", "would", "wo", "'ll", "shall"}
               for c in anchor.children):
            return True
        if anchor.dep_ == "xcomp" and anchor.head.lemma_ in {"plan", "prepare", "vow", "swear",
                                                              "threaten", "pledge", "intend"}:
            return True
    return False


def refused(token: Token, governors: list[Token]) -> bool:
    """"will not accept", "would not meet": a stated refusal is a REJECT."""
    for anchor in [token, *governors]:
        children = {c.lower_ for c in anchor.children if c.dep_ in {"aux", "neg"}}
        if children & {"will", "would", "wo", "'ll"} and children & {"not", "n't", "never"}:
            return True
    return False


def intended(token: Token) -> bool:
    """Future or negated plans ("will meet", "no plans to sign"), not "did not meet"."""
    return any(
        c.dep_ == "aux" and c.lower_ in {"will", "shall", "'ll", "wo", "to"} for c in token.children
    ) or token.pos_ == "NOUN"
