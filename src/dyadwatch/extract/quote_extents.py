"""Where a quote's content starts and ends: the clause of "X said Y" without a coordinated report
or the speaker's circumstances (`reported_clause`), a phrase without its non-restrictive
additions (`restrictive_edge`), what continues a verb's object (`completes_object`), and no
content past the end of its sentence (`within_sentence`)."""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc, Token

from dyadwatch.extract.quote_cues import (
    SUBJECT_DEPS,
    Cues,
    Found,
    content_span,
    is_verb,
    source_phrase_at,
)

COMPLEMENT_DEPS = frozenset({"ccomp"})
# Dependents of a phrase that, after a comma, add to it rather than restrict it.
NON_RESTRICTIVE_DEPS = frozenset({"relcl", "appos", "acl"})
# Conjunctions of a clause that, after a comma at the end of a report, add the speaker's
# circumstances rather than content (", as he faces a runoff").
ADJUNCT_MARKS = frozenset({"as", "while", "after", "before"})
# What sets off such an addition.
ASIDE_OPENERS = frozenset({",", "—", "–", "-", "--"})
# Dependents of the verb that continue its object ("announced a concert in support of X").
TRAILING_CONTENT_DEPS = frozenset({"prep", "xcomp", "oprd", "ccomp"})
# Prepositions after the object that give the occasion or the time, not the content ("criticized
# the plan at a rally", "during a debate", "endorsed Sanders before backing Clinton"). Dropping
# "at" and "during" raised overlap F1 on PolNeAR articles 1-200 and 201-400 alike; dropping "in"
# or "on" too lowered both. The time prepositions from "before" on raised it on even- and
# odd-numbered PolNeAR records alike (0.7325 -> 0.7332 and 0.7431 -> 0.7452 with the rest).
CIRCUMSTANCE_PREPOSITIONS = frozenset(
    {"at", "during", "before", "after", "despite", "amid", "since", "until", "throughout"}
)
# Prepositions of what an act aims at, which an occasion noun may complete ("challenged him to
# a debate", "asked for an interview").
AIMS = frozenset({"to", "for", "against", "about", "of"})
# Words that open an embedded question, not a relative clause ("who", "which" open both).
QUESTION_WORDS = frozenset({"what", "where", "when", "why", "how", "whether"})
SENTENCE_ENDS = frozenset({".", "?", "!"})
# Longest word before a split-off full stop that is read as an abbreviation ("Lt.", "Gov.").
ABBREVIATION_LENGTH = 3


def restrictive_edge(token: Token) -> int:
    """Index of the last token of `token`'s phrase before a non-restrictive addition set off by a
    comma ("Clinton's email use, which an inquiry called careless" -> "Clinton's email use")."""
    doc = token.doc
    listed = any(c.dep_ in {"cc", "conj"} for c in token.subtree if c.i > token.i)
    for child in token.rights:
        left = child.left_edge.i
        if child.dep_ == "appos" and listed:
            continue  # "Trump, Carson, and Fiorina": a list the parser read as appositions
        if child.dep_ in NON_RESTRICTIVE_DEPS and left > token.i and doc[left - 1].text == ",":
            return left - 2
    return token.right_edge.i


def reported_clause(root: Token, cues: Cues) -> list[Token]:
    """The contiguous part of `root`'s subtree around it that no coordinated report takes over:
    in "X said A, and Y said B" the content of the first "said" stops before "and"; in "she said
    A and that B", "he said he would go and tell them" it does not. A source phrase after a comma
    ("..., according to exit polls") ends it too: that is a report of its own."""
    verbs = cues.speech_verbs | cues.belief_verbs
    cuts = [
        t.left_edge.i
        for t in root.subtree
        if t.i != root.i
        and (_another_report(t, verbs) or _speaker_adjunct(t, root) or _writer_addition(t, root))
    ] + [
        t.i - 1
        for t in root.subtree
        if t.i > root.i and t.doc[t.i - 1].text == "," and source_phrase_at(t, cues) is not None
    ]
    start = max((c for c in cuts if c < root.i), default=root.left_edge.i - 1) + 1
    end = min((c for c in cuts if c > root.i), default=root.right_edge.i + 1)
    tokens = [t for t in root.subtree if start <= t.i < end]
    while len(tokens) > 1 and (tokens[-1].dep_ == "cc" or tokens[-1].text in ASIDE_OPENERS):
        tokens = tokens[:-1]
    return tokens


def _writer_addition(token: Token, root: Token) -> bool:
    """A concession or comparison after a comma at the end of a report ("..., despite recent
    suggestions that ...", "..., compared with 41 percent for Mrs. Clinton")."""
    if token.i < root.i or token.head.i != root.i:
        return False
    left = token.left_edge.i
    if left == 0 or token.doc[left - 1].text not in ASIDE_OPENERS:
        return False
    return token.lower_ in {"despite", "compared", "unlike"}


def _speaker_adjunct(token: Token, root: Token) -> bool:
    """A clause after a comma or dash at the end of the report that tells what the speaker was
    doing ("..., referring to the convention", "..., as he faces a runoff"), not what was said;
    it may hang from a verb coordinated with the report's ("... and would do the same, saying
    ...")."""
    if token.i < root.i or not (token.head.i == root.i or _coordinated_with(token.head, root)):
        return False
    doc = token.doc
    left = token.left_edge.i
    if token.dep_ != "advcl" or left == 0 or doc[left - 1].text not in ASIDE_OPENERS:
        return False
    if token.tag_ == "VBG" and not any(c.dep_ in SUBJECT_DEPS for c in token.children):
        return True
    return any(c.dep_ == "mark" and c.lower_ in ADJUNCT_MARKS for c in token.children)


def _coordinated_with(token: Token, root: Token) -> bool:
    """A verb coordinated with the root of a report ("has been X and would do Y")."""
    return token.dep_ == "conj" and token.head.i == root.i and token.pos_ in {"VERB", "AUX"}


def _another_report(token: Token, verbs: frozenset[str]) -> bool:
    """A coordinated reporting verb that opens a report of its own: with a subject of its own
    and no "that" of a complement ("A said X, and B said Y"), or with a complement clause of its
    own ("he said X but did not suggest Y")."""
    if token.dep_ != "conj" or not is_verb(token, verbs):
        return False
    if any(c.dep_ in COMPLEMENT_DEPS for c in token.children):
        return True
    return any(c.dep_ in SUBJECT_DEPS for c in token.children) and not any(
        c.dep_ == "mark" and c.lower_ == "that" for c in token.children
    )


def within_sentence(doc: Doc, found: Found) -> Found | None:
    """The content cut at the sentence or paragraph end nearest its cue: a report after its cue
    ends with its sentence, one before its cue starts with it (the parser may join two sentences,
    or two paragraphs, into one clause). None when no words are left."""
    if found.cue is None or (found.cue[0] < found.end and found.start < found.cue[1]):
        return found
    span = doc.char_span(found.start, found.end, alignment_mode="expand")
    if span is None:
        return found
    breaks = [t.i for t in span if ends_sentence(t)]
    if not breaks:
        return found
    after_cue = found.cue[1] <= found.start
    kept = doc[span.start : breaks[0]] if after_cue else doc[breaks[-1] + 1 : span.end]
    content = content_span(list(kept), min_words=1)
    if content is None:
        return None
    return replace(found, start=content[0], end=content[1])


def ends_sentence(token: Token) -> bool:
    """A paragraph break, or a full stop, question or exclamation mark before a capital (not
    the stop of a short title the tokenizer split off: "Lt. Gov. Holcomb")."""
    if "\n" in token.text:
        return True
    doc = token.doc
    if token.text not in SENTENCE_ENDS or token.i == 0:
        return False
    before = doc[token.i - 1]
    if before.is_title and before.is_alpha and len(before) <= ABBREVIATION_LENGTH:
        return False
    following = token.i + 1
    while following < len(doc) and doc[following].is_quote and doc[following].is_punct:
        following += 1
    return following < len(doc) and doc[following].text[:1].isupper()


def completes_object(token: Token, cues: Cues) -> bool:
    """A dependent of the verb after its object that belongs to the content ("supports the bill
    to expand visas", "called for X to resign"), not a finite adverbial clause ("as he faces
    ..."), a coordinated verb, a time ("on Monday") or an occasion ("in a tweet"); an embedded
    question coordinated with the object is content too."""
    if token.dep_ == "advcl":
        return is_infinitive(token)
    if token.dep_ == "conj":
        # "knows all the secrets and where they are kept": a question joined to the object
        return token.left_edge.lower_ in QUESTION_WORDS
    if token.dep_ == "prep" and any(
        is_time(g) or (g.lemma_.lower() in cues.occasion_nouns and token.lower_ not in AIMS)
        for g in token.children
    ):
        return False
    if token.dep_ == "prep" and token.lower_ in CIRCUMSTANCE_PREPOSITIONS:
        return False
    return token.dep_ in TRAILING_CONTENT_DEPS


def is_time(token: Token) -> bool:
    return token.ent_type_ in {"DATE", "TIME"}


def is_infinitive(token: Token) -> bool:
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children)
