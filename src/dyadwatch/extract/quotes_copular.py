"""Attributions made by a preposition rather than a reporting verb: a clause measured "in" a poll
("Kasich was at 25 percent in the latest Fox poll") and a view given "to" someone ("To Smith, it
was a betrayal").

A copular frame ("X is for / against Y", the subject a person, group or pronoun) was measured too
and left out: on PolNeAR it was right 4 times in 8 on the even articles and 0 in 2 on the odd. So
was "it is (un)clear / (un)certain [whether] <clause>": 8 right in 27 on the even, 9 in 17 on the
odd, the writer's open questions mostly not annotated."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from dyadwatch.extract.quote_cues import Cues, Found, in_spans, paragraph_break, source_claim

# Determiners that make a singular poll noun a particular poll ("the latest poll", "a new survey");
# with a plural ("in the polls") the phrase was right in 2 of 7 uses on PolNeAR's even articles.
RECORD_DEPS = frozenset({"det", "poss"})
# Relations by which the noun a poll phrase hangs from belongs to the measured clause ("held a
# lead in the poll", "was ahead in the polls").
MEASURE_DEPS = frozenset({"dobj", "attr", "advmod", "acomp", "npadvmod"})
# Sentence openers that give a clause as someone's view ("To Smith, ..."). Not "For": "For many
# voters, ..." is a view, but "For Obama, it was a day of celebration" is not, and with "For" the
# frame was right in 8 of 26 uses on PolNeAR (to 6 of 7 with "To", on both halves).
VIEWPOINT_OPENERS = frozenset({"to"})
VIEWPOINT_PRONOUNS = frozenset(
    {"him", "her", "them", "us", "me", "many", "others", "some", "anyone", "everyone", "most"}
)
VIEWPOINT_NOUNS = frozenset(
    {
        "voter",
        "supporter",
        "critic",
        "people",
        "american",
        "democrat",
        "republican",
        "conservative",
        "liberal",
        "activist",
        "analyst",
        "expert",
        "official",
        "student",
        "worker",
        "resident",
    }
)
# A measured clause longer than this many tokens before the poll phrase is a sentence the poll
# only closes, not the claim it makes (not tuned: a guard against run-on parses).
MEASURE_MAX = 40


def poll_claims(doc: Doc, cues: Cues, quoted: list[tuple[int, int]]) -> list[Found]:
    """Clauses measured in a named record ("Clinton led Sanders 2-1 in a CNN poll"): the clause
    before "in", from its subject on, attributed to the record. A phrase that opens its sentence
    is `record_claims`'s."""
    found = []
    for token in doc:
        if token.lower_ != "in" or token.dep_ != "prep" or in_spans(token.idx, quoted):
            continue
        record = next((c for c in token.children if c.dep_ == "pobj"), None)
        if record is None or record.lemma_.lower() not in cues.record_nouns:
            continue
        if not _particular(record):
            continue
        verb = _governing_verb(token)
        if verb is None:
            continue
        subject = next((c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
        if subject is None or subject.i > token.i or subject.tag_ in {"WDT", "WP"}:
            continue
        start = subject.left_edge.i
        if token.i - start > MEASURE_MAX:
            continue
        clause = [t for t in doc[start : token.i] if not paragraph_break(t, token)]
        if (claim := source_claim(clause, token, record)) is not None:
            found.append(claim)
    return found


def viewpoint_claims(doc: Doc, cues: Cues, quoted: list[tuple[int, int]]) -> list[Found]:
    """Clauses opened by "To" and the people whose view they give ("To many voters, the race is
    over", "To Smith, it was a betrayal"): the clause after the comma, said by them."""
    found = []
    for sent in doc.sents:
        words = [t for t in sent if not (t.is_space or t.is_punct)]
        if words and words[0].dep_ == "cc" and len(words) > 1:
            words = words[1:]  # "But to others, ..."
        opener = words[0] if words else None
        if opener is None or opener.lower_ not in VIEWPOINT_OPENERS or opener.dep_ != "prep":
            continue
        holder = next((c for c in opener.children if c.dep_ == "pobj"), None)
        if holder is None or not _people(holder) or in_spans(opener.idx, quoted):
            continue
        comma = holder.right_edge.i + 1
        if comma >= sent.end or doc[comma].text != "," or opener.head.i <= comma:
            continue
        clause = [t for t in opener.head.subtree if t.i > comma and not paragraph_break(t, opener)]
        if (claim := source_claim(clause, opener, holder)) is not None:
            found.append(claim)
    return found


def _people(holder: Token) -> bool:
    """A person, a people or a group of them ("Smith", "many Democrats", "them", "others")."""
    if holder.ent_type_ in {"PERSON", "NORP"} or holder.lower_ in VIEWPOINT_PRONOUNS:
        return True
    if holder.tag_ == "NNP" and holder.ent_type_ not in {"DATE", "TIME", "EVENT", "WORK_OF_ART"}:
        return True  # "To Sharp, ...": a name the recogniser left untyped
    return holder.tag_ == "NNS" and holder.lemma_.lower() in VIEWPOINT_NOUNS


def _particular(record: Token) -> bool:
    """A poll of its own: one with a determiner ("a new poll") or a pollster's name ("Gallup
    polls"), not the polls in general ("in the polls")."""
    if any(t.pos_ == "PROPN" for t in record.lefts):
        return True
    return record.tag_ == "NN" and any(c.dep_ in RECORD_DEPS for c in record.children)


def _governing_verb(prep: Token) -> Token | None:
    """The verb before the preposition whose clause it modifies, directly or through a noun of
    that clause ("had a lead in the poll")."""
    head = prep.head
    if head.pos_ not in {"VERB", "AUX"} and head.dep_ in MEASURE_DEPS:
        head = head.head
    return head if head.pos_ in {"VERB", "AUX"} and head.i < prep.i else None
