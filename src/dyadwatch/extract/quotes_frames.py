"""Attitude frames beyond "X said Y": stance nouns ("his support for the bill", "Rubio won
support from governors"), attitude adjectives ("were critical of the plan"), cue nouns with "be"
("his answer was that ..."), appearance ("the team appeared paralyzed"), viewing-as ("voters see
him as a uniter"), passive stance ("the plan was praised by the union"), what a speech verb says
without a clause ("said no") and the clause before ", said X". Each returns the content tokens
(and for nouns and adjectives the cue and author); `quotes_indirect` turns them into quotes."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from dyadwatch.extract.quote_cues import SUBJECT_DEPS, Cues
from dyadwatch.extract.quote_extents import COMPLEMENT_DEPS, restrictive_edge

# Complements of "seem"/"appear" that make a judgement ("seemed tired", "appears to be winning").
# Prepositions that name who holds a stance someone receives ("support from unions").
RECEIVED_FROM = frozenset({"from", "among"})
# Adverbs that stand for what was said ("said so", "did not say when").
SAID_ADVERBS = frozenset({"so", "otherwise", "when", "why", "how", "where"})
# Objects of a speech verb that name whom it addresses ("assured them", "informed me").
ADDRESSEE_PRONOUNS = frozenset({"me", "us", "you", "him", "her", "them"})
FINITE_TAGS = frozenset({"VBZ", "VBD", "VBP", "MD"})
APPEARANCE_DEPS = frozenset({"xcomp", "acomp", "oprd", "attr"})
# Prepositions of a likeness that makes a judgement too ("seems like a comparable moment").
LIKENESS = frozenset({"like"})
# Relations of an attitude adjective to the verb whose subject holds it ("is critical of",
# "remained skeptical of"); past participles used as adjectives ("worried about") count.
PREDICATIVE_DEPS = frozenset({"acomp", "oprd", "xcomp"})
# Prepositions after which a stance noun without a holder is still attributed ("questions
# about X", "calls for Y", "opposition to Z"), as PolNeAR codes them: right in three of five uses
# before "about", about half before "for" and "to", on even- and odd-numbered records alike. Not
# "of" (it may name the holder: "the support of minorities"), "on" or "at" (a physical target:
# "attacks on the consulate"): right in a third of uses or fewer on odd-numbered records.
UNHELD_PREPOSITIONS = frozenset({"about", "for", "to", "against"})
# Relations of a noun that opens a connective rather than a stance ("thanks to X").
CONNECTIVE_DEPS = frozenset({"prep", "advmod", "npadvmod", "cc"})
# Relations of a verb whose subject is its head's ("began delivering a critique of X").
SHARED_SUBJECT_DEPS = frozenset({"xcomp", "advcl", "conj"})


@dataclass(frozen=True)
class NounStance:
    """A stance noun's content, its cue (noun to preposition) and the author who holds it (None
    for a stance the sentence gives nobody: "questions about the deal")."""

    content: list[Token]
    cue: tuple[int, int]
    author: Token | None


def noun_stance(noun: Token, cues: Cues) -> NounStance | None:
    """A stance noun with its author and its object ("his support for the bill", "criticism of
    the plan by the union"); without an author only before a preposition of its topic
    ("questions about X"), where PolNeAR attributes it still."""
    names = {noun.lemma_.lower(), noun.lower_}
    # The parser hangs the preposition of an object on its verb too ("took a swipe | at X").
    after = [*noun.rights]
    if noun.dep_ == "dobj":
        after += [c for c in noun.head.rights if c.i > noun.i]
    prep = next(
        (
            c
            for c in after
            if c.dep_ == "prep" and any((n, c.lower_) in cues.noun_prepositions for n in names)
        ),
        None,
    )
    received = received_stance(noun, cues)
    if prep is None:
        return received
    obj = next((g for g in prep.children if g.dep_ in {"pobj", "pcomp"}), None)
    if received is not None:
        return _received_topic(noun, prep, obj, received)
    author = noun_author(noun)
    if obj is None or (author is None and not _unheld(noun, prep)):
        return None
    content = list(noun.doc[obj.left_edge.i : restrictive_edge(obj) + 1])
    return NounStance(content, (noun.idx, prep.idx + len(prep.text)), author)


def _received_topic(
    noun: Token, prep: Token, obj: Token | None, received: NounStance
) -> NounStance:
    """A received stance with a topic of its own ("faced criticism from X for the move"): the
    topic is the content, not the one who receives the stance."""
    holder = received.author
    if obj is None or holder is None or holder.head.i == prep.i:
        return received
    content = list(noun.doc[obj.left_edge.i : restrictive_edge(obj) + 1])
    return NounStance(content, (noun.idx, prep.idx + len(prep.text)), holder)


def _unheld(noun: Token, prep: Token) -> bool:
    """A stance noun attributed without a holder: before a preposition of its topic, not
    opening a connective ("thanks to") and not definite ("the case for X" points back to a
    stance held by someone named before; such nouns were right in 3 of 10 PolNeAR uses)."""
    definite = any(c.dep_ == "det" and c.lower_ == "the" for c in noun.children)
    return prep.lower_ in UNHELD_PREPOSITIONS and noun.dep_ not in CONNECTIVE_DEPS and not definite


def adjective_stance(adjective: Token, cues: Cues) -> NounStance | None:
    """An attitude stated by a predicative adjective and its preposition ("Republicans have been
    critical of her email use"): the content is the prepositional object, the author the subject
    of the verb the adjective completes; None without a subject."""
    if adjective.dep_ not in PREDICATIVE_DEPS or adjective.tag_ not in {"JJ", "JJR", "VBN"}:
        return None
    lemma = adjective.lower_
    # The parser hangs the preposition on the adjective or on the verb ("was upbeat | about").
    after = [*adjective.rights, *(c for c in adjective.head.rights if c.i > adjective.i)]
    prep = next(
        (c for c in after if c.dep_ == "prep" and (lemma, c.lower_) in cues.adjective_prepositions),
        None,
    )
    obj = next((g for g in prep.children if g.dep_ in {"pobj", "pcomp"}), None) if prep else None
    author = next((c for c in adjective.head.children if c.dep_ == "nsubj"), None)
    if prep is None or obj is None or author is None:
        return None
    content = list(adjective.doc[obj.left_edge.i : restrictive_edge(obj) + 1])
    return NounStance(content, (adjective.idx, prep.idx + len(prep.text)), author)


def copular_claim(verb: Token, cues: Cues) -> NounStance | None:
    """A claim stated as what a cue noun is ("his answer was that ...", "the message is that
    ..."): the complement clause of "be", the noun as cue, its possessor or "of"/"from" phrase
    as author (the noun itself when it has none)."""
    if verb.lemma_ != "be":
        return None
    noun = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    clause = next((c for c in verb.rights if c.dep_ in COMPLEMENT_DEPS), None)
    if noun is None or clause is None or noun.pos_ != "NOUN":
        return None
    if noun.lemma_.lower() not in cues.cue_nouns | cues.copular_nouns:
        return None
    author = next((c for c in noun.children if c.dep_ == "poss"), None) or next(
        (
            g
            for c in noun.children
            if c.dep_ == "prep" and c.lower_ in {"of", "from", "by"}
            for g in c.children
            if g.dep_ == "pobj"
        ),
        noun,
    )
    return NounStance(list(clause.subtree), (noun.idx, verb.idx + len(verb.text)), author)


def received_stance(noun: Token, cues: Cues) -> NounStance | None:
    """A stance someone receives ("Rubio won support from governors", "Clinton has the backing
    of unions"): the holder follows "from", "among" or "the ... of"; the content is the subject
    of the verb whose object the noun is."""
    if noun.dep_ != "dobj" or noun.lemma_.lower() not in {n for n, _ in cues.noun_prepositions}:
        return None
    definite = any(c.dep_ == "det" and c.lower_ == "the" for c in noun.children)
    # The parser hangs "from" on the noun or on the verb ("won support | from governors").
    after = [c for c in noun.rights] + [c for c in noun.head.rights if c.i > noun.i]
    prep = next(
        (
            c
            for c in after
            if c.dep_ == "prep" and (c.lower_ in RECEIVED_FROM or (definite and c.lower_ == "of"))
        ),
        None,
    )
    holder = next((g for g in prep.children if g.dep_ == "pobj"), None) if prep else None
    subject = next((c for c in noun.head.children if c.dep_ == "nsubj"), None)
    if prep is None or holder is None or subject is None:
        return None
    content = list(noun.doc[subject.left_edge.i : restrictive_edge(subject) + 1])
    return NounStance(content, (noun.idx, noun.idx + len(noun.text)), holder)


def appearance(cue: Token) -> list[Token] | None:
    """How things seem: "it appears that X" -> X; "the team appeared paralyzed" -> the whole
    clause, subject to complement; None for "appeared on television"."""
    complement = next((c for c in cue.children if c.dep_ in COMPLEMENT_DEPS), None)
    if complement is not None:
        return list(complement.subtree)
    parts = [
        c
        for c in cue.children
        if c.dep_ in APPEARANCE_DEPS or (c.dep_ == "prep" and c.lower_ in LIKENESS)
    ]
    subject = [c for c in cue.children if c.dep_ in SUBJECT_DEPS]
    if not parts or not subject:
        return None
    tokens = [t for c in subject + parts for t in c.subtree] + [cue]
    return tokens + [c for c in cue.children if c.dep_ in {"aux", "neg"}]


def construal(cue: Token) -> list[Token] | None:
    """The object and its "as" complement of a verb of viewing ("see Cruz as a uniter"); None
    without "as" ("saw the film")."""
    obj = next((c for c in cue.children if c.dep_ == "dobj"), None)
    if obj is None:
        return passive_construal(cue)
    as_phrase = next((c for c in cue.rights if c.dep_ == "prep" and c.lower_ == "as"), None)
    if as_phrase is None:
        as_phrase = next((c for c in obj.rights if c.dep_ == "prep" and c.lower_ == "as"), None)
    if as_phrase is None:
        return None
    return list(cue.doc[obj.left_edge.i : as_phrase.right_edge.i + 1])


def passive_construal(cue: Token) -> list[Token] | None:
    """A view stated in the passive ("the change was seen by some as a demotion", "the walk-off
    is considered one of the largest"): the whole clause, subject to complement, as the
    attribution corpora code it."""
    subject = next((c for c in cue.children if c.dep_ == "nsubjpass"), None)
    if subject is None:
        return None
    holders = [g for c in cue.children if c.dep_ == "agent" for g in c.children]
    complement = next(
        (
            c
            for c in [*cue.rights, *(r for h in holders for r in h.rights)]
            if (c.dep_ == "prep" and c.lower_ == "as") or c.dep_ == "oprd"
        ),
        None,
    )
    if complement is None:
        return None
    return list(cue.doc[subject.left_edge.i : complement.right_edge.i + 1])


def passive_object(cue: Token) -> list[Token] | None:
    """What a passive stance verb with an agent is about: "the plan was praised by the union" ->
    "the plan" (without an agent, nobody holds the stance)."""
    subject = next((c for c in cue.children if c.dep_ == "nsubjpass"), None)
    if subject is None or not any(c.dep_ == "agent" for c in cue.children):
        return None
    return list(cue.doc[subject.left_edge.i : restrictive_edge(subject) + 1])


def noun_author(noun: Token) -> Token | None:
    """Who holds a stance noun: its possessor ("his", "Clinton's"), its "by" agent, the subject
    it is predicated of ("Dayton is a supporter of X"), the name it stands beside ("Adelson, a
    supporter of X"), the subject of the verb whose object it is ("voiced support for X") or
    the subject of the act done "in support of" something."""
    for child in noun.children:
        if child.dep_ == "poss":
            return child
        if child.dep_ == "prep" and child.lower_ == "by":
            return next((g for g in child.children if g.dep_ == "pobj"), None)
    head = noun.head
    if noun.dep_ == "attr" and head.lemma_ == "be":
        return next((c for c in head.children if c.dep_ == "nsubj"), None)
    if noun.dep_ == "appos" and head.pos_ in {"PROPN", "NOUN", "PRON"}:
        return head
    if noun.dep_ == "dobj" and head.pos_ == "VERB":
        # "Trump raised questions about X", "she voiced support for Y": the doer holds it.
        return _doer(head)
    if noun.dep_ == "pobj" and head.dep_ == "prep" and head.head.pos_ == "VERB":
        # "came out in support of X", "roused the crowd with criticism of Y".
        return _doer(head.head)
    return None


def _doer(verb: Token) -> Token | None:
    """The subject of a verb, or of the verb it shares its subject with ("began delivering")."""
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is None and verb.dep_ in SHARED_SUBJECT_DEPS and verb.head.pos_ in {"VERB", "AUX"}:
        subject = next((c for c in verb.head.children if c.dep_ == "nsubj"), None)
    return subject


def what_was_said(cue: Token, cues: Cues) -> list[Token] | None:
    """What a speech verb without a clause says: its object ("said the same", "claimed
    self-defense", "said that"), an answer ("said yes", "said so"), or the clause the parser
    took for an infinitive ("said legalizing it could help"). Only verbs whose object is what
    they report take it ("read the files" reads no report); verbs that address someone ("told
    reporters", "urged voters") have the addressee as object, not the content."""
    if cue.lemma_.lower() in cues.intention_verbs:
        return None
    reports_object = cue.lemma_.lower() in cues.object_verbs
    for child in cue.rights:
        if child.dep_ == "dobj" and reports_object:
            if _addressee(child):
                return None
            return list(cue.doc[child.left_edge.i : clause_end(child) + 1])
        if child.dep_ == "intj" or (child.dep_ == "advmod" and child.lower_ in SAID_ADVERBS):
            return [child]
        if child.dep_ == "xcomp" and child.tag_ == "VBG" and reports_object:
            return list(child.subtree)
    return None


def clause_end(obj: Token) -> int:
    """Where the object of a speech verb ends, or the clause it is in fact the subject of (the
    parser read "saying a state law | is hurting the economy" as an object and a stray verb)."""
    doc = obj.doc
    end = restrictive_edge(obj)
    following = doc[end + 1] if end + 1 < len(doc) else None
    if following is None or following.tag_ not in FINITE_TAGS:
        return end
    verb = following.head if following.dep_ in {"aux", "auxpass"} else following
    if verb.i <= end or any(c.dep_ in SUBJECT_DEPS for c in verb.children):
        return end
    return verb.right_edge.i


def _addressee(token: Token) -> bool:
    return token.ent_type_ == "PERSON" or token.lower_ in ADDRESSEE_PRONOUNS


def paragraph_between(a: Token, b: Token) -> bool:
    return any("\n" in t.text for t in a.doc[min(a.i, b.i) : max(a.i, b.i)])


def leading_clause(cue: Token) -> list[Token]:
    """The words from the start of the cue's paragraph up to the comma before its clause
    ("Obama's rise surprised many, said several observers")."""
    doc = cue.doc
    before = {t.i for c in cue.lefts if c.dep_ in COMPLEMENT_DEPS for t in c.subtree}
    left = cue.i
    while left > 0 and doc[left - 1].text != "," and left - 1 not in before:
        left -= 1
    if left == 0 or doc[left - 1].text != ",":
        return []
    start = left - 1
    while start > 0 and "\n" not in doc[start - 1].text:
        start -= 1
    return list(doc[start : left - 1])


def second_complement(cue: Token, complement: Token) -> list[Token]:
    """A second "that" clause the parser hung on the cue rather than on the first clause ("said
    the U.S. needs a guest-worker program, but that he would not support mass deportation"):
    the words from the end of the first clause to the end of the second."""
    if complement.i < cue.i:
        return []
    end = complement.right_edge.i
    for conj in cue.rights:
        if conj.dep_ != "conj" or conj.i < complement.i or not has_that(conj):
            continue
        gap = cue.doc[end + 1 : conj.left_edge.i]
        if all((t.is_punct or t.dep_ == "cc") and "\n" not in t.text for t in gap):
            return list(cue.doc[end + 1 : conj.right_edge.i + 1])
    return []


def stray_subject(cue: Token, complement: Token) -> list[Token]:
    """The subject of a complement clause that the parser took for the cue's object ("hoped the
    meeting, requested by X, would be a moment of catharsis"): the object's words, when the clause
    after it has no subject of its own."""
    if complement.i < cue.i or any(c.dep_ in SUBJECT_DEPS | {"expl"} for c in complement.children):
        return []
    obj = next((c for c in cue.rights if c.dep_ == "dobj" and c.i < complement.i), None)
    if obj is None or complement.tag_ not in FINITE_TAGS | {"VB"}:
        return []
    return list(cue.doc[obj.left_edge.i : complement.left_edge.i])


def has_that(clause: Token) -> bool:
    return any(c.dep_ == "mark" and c.lower_ == "that" for c in clause.children)
