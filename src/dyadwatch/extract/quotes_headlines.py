"""Attributions in an article's headline, its first line: "Le Pen Backs Trump And Denounces
Clinton", "Rose Bowl skywriters blast Trump". PolNeAR reads "X <cue verb> Y" there as a report
whose content is Y, even a one-word object the body finders reject as a mere topic."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from dyadwatch.extract.quote_cues import Cues, Found, content_span

HEADLINE_SOURCE_TYPES = frozenset({"PERSON", "ORG", "NORP", "GPE"})
# Endings that turn a headline verb into its lemma ("Endorses", "Dismissed", "Backs").
INFLECTIONS = ("es", "s", "ed", "d")
# Question words that open a headline before its subject ("Why Republicans Won't Renounce X").
HEADLINE_OPENERS = frozenset({"why", "how", "when", "where", "what", "as"})
# Words after which a capitalised headline word is a verb in its base form ("Just Called",
# "Won't Renounce").
VERB_OPENERS = frozenset({"just", "to", "will", "would", "may", "might", "can", "could"})
NEGATIONS = frozenset({"n't", "n’t", "’t", "'t", "not"})
# Prepositions that close a headline report's object with circumstances, not topic ("Endorses
# Ryan With Trump's Blessing", "blast Trump in new ad"); "on", "over", "about", "for" and "to"
# name the topic or the second object ("hits Trump on violence", "Compares X To Y") and stay, and
# PolNeAR keeps "after" clauses in the content ("blast Obama after North Korea claims a test")
# (PolNeAR headlines in the quote harness).
CIRCUMSTANCE_PREPOSITIONS = frozenset(
    {"with", "in", "at", "during", "amid", "as", "while", "despite", "ahead"}
)
# Marks that end a headline's clause: its source starts after them, its content stops there.
CLAUSE_BREAKS = frozenset({":", ";", ",", "—", "–"})


def headline_claims(doc: Doc, cues: Cues) -> list[Found]:
    """Reports in the headline, read word by word: the tagger takes a title-cased headline's
    verbs for names, and a telegraphic one's for nouns ("Obama rips rhetoric")."""
    words = _first_line(doc)
    lower = [t for t in words if t.is_alpha and not t.is_stop and not t.text[:1].isupper()]
    return _word_by_word(words, cues, title=not lower)


def _report_verbs(cues: Cues) -> frozenset[str]:
    return frozenset(
        cues.speech_verbs
        | cues.stance_verbs
        | cues.object_verbs
        | cues.intention_verbs
        | cues.belief_verbs
    )


def _first_line(doc: Doc) -> list[Token]:
    words: list[Token] = []
    for token in doc:
        if "\n" in token.text:
            break
        if not token.is_space:
            words.append(token)
    return words


def _word_by_word(words: list[Token], cues: Cues, *, title: bool) -> list[Found]:
    """A headline read word by word, the tagger's labels aside ("Le Pen Backs Trump And
    Denounces Clinton", "Panel Just Dismissed X", "skywriters blast Trump"): the first word
    after the subject whose lemma, by its inflection, is a report verb is the cue; the words
    before it are the source (in title case naming someone: "Growth Figures Surprise X" is no
    report) and those after it, to a circumstance, a colon or a second cue verb joined by "And"
    or a comma, the content."""
    verbs = _report_verbs(cues)
    if words and words[0].lower_ in HEADLINE_OPENERS:
        words = words[1:]
    k = _next_cue(words, 1, verbs)
    while k is not None and (source := _source(words, k, title=title)) is None:
        k = _next_cue(words, k + 1, verbs)  # "Amid protests, Miller claims ...": not "protests"
    if k is None or source is None:
        return []
    speaker = (source[0].idx, source[-1].idx + len(source[-1].text))
    found = []
    while k is not None:
        token = words[k]
        then = _next_cue(words, k + 2, verbs, joined=True)
        rest = words[k + 1 : len(words) if then is None else then - 1]
        preposition = rest[0] if rest and rest[0].pos_ == "ADP" else None
        if preposition is not None and rest[1:]:
            rest = rest[1:]
        cut = next(
            (
                j
                for j, t in enumerate(rest)
                if (t.text in CLAUSE_BREAKS and t.text != ",")
                or (j and preposition is None and t.lower_ in CIRCUMSTANCE_PREPOSITIONS)
            ),
            len(rest),
        )
        content = content_span(rest[:cut], min_words=1)
        if content is None:
            break
        end = preposition or token
        found.append(Found(*content, "indirect", (token.idx, end.idx + len(end.text)), speaker))
        k = then
    return found


def _source(words: list[Token], k: int, *, title: bool) -> list[Token] | None:
    """The source of the cue `words[k]`, if its words name one."""
    source = [t for t in _subject(words, k) if t.lower_ != "just" and t.lower_ not in NEGATIONS]
    while source and (not source[-1].is_alpha or source[-1].pos_ == "AUX"):
        source = source[:-1]
    if not source or not (_names_someone(source) if title else _noun_phrase(source)):
        return None
    return source


def _subject(words: list[Token], k: int) -> list[Token]:
    """The words before the cue `words[k]` in its clause ("Amid discord, Trump claims ..."), or
    before an aside that ends right before it ("Biden, stumping for Clinton, trashes Trump")."""
    breaks = [j for j in range(k) if words[j].text in CLAUSE_BREAKS]
    if not breaks:
        return words[:k]
    if breaks[-1] == k - 1 and len(breaks) >= 2 and words[breaks[-2] + 1].text.islower():
        start = breaks[-3] + 1 if len(breaks) >= 3 else 0
        return words[start : breaks[-2]]
    return words[breaks[-1] + 1 : k]


def _next_cue(
    words: list[Token], start: int, verbs: frozenset[str], *, joined: bool = False
) -> int | None:
    """Index in `words` of the next headline cue verb from `start` on; with `joined`, only one
    right after "And" or a comma (a second report of the same source)."""
    for k in range(max(start, 1), len(words) - 1):
        token, before = words[k], words[k - 1]
        if token.text == ":" or token.is_quote:
            return None
        if joined and before.lower_ not in {"and", ","}:
            continue
        if not token.is_alpha:
            continue
        opener = before.lower_ in VERB_OPENERS or before.lower_ in NEGATIONS
        after_aside = before.text == "," and token.lower_.endswith("s")  # "Biden, ..., trashes"
        if not (joined or opener or after_aside) and (not before.is_alpha or before.is_stop):
            continue
        if not _headline_lemmas(token.lower_) & verbs or words[k + 1].pos_ == "AUX":
            continue  # "Nomination questions are likely ...": a noun before its verb
        if joined or _headline_verb(token, before, opener) or _plural_subject(token, before):
            return k
    return None


def _noun_phrase(source: list[Token]) -> bool:
    """A sentence-case headline's subject ("Rose Bowl skywriters"): ending in a noun or a name,
    with no auxiliary, pronoun or function word ("Rubio is tested as rivals sense ...")."""
    last = source[-1]
    plural = last.text.islower() and last.text.endswith("s")  # "skywriters", tagged a verb
    if (
        last.pos_ not in {"NOUN", "PROPN"}
        and last.ent_type_ not in HEADLINE_SOURCE_TYPES
        and not plural
    ):
        return False
    return not any(
        t.pos_ in {"AUX", "PRON"}
        or (t.is_alpha and t.is_stop and t.lower_ not in {"of", "and", "the"})
        for t in source
    )


def _names_someone(source: list[Token]) -> bool:
    """A headline source that is a name here, or whose last word is part of a name in the
    article ("Pence Endorses Ryan": the tagger misses "Pence" but finds "Mike Pence" below)."""
    if any(t.ent_type_ in HEADLINE_SOURCE_TYPES for t in source):
        return True
    last = source[-1]
    return last.pos_ == "PROPN" and any(
        last.lower_ == t.lower_ for ent in last.doc.ents if ent.label_ == "PERSON" for t in ent
    )


def _headline_verb(token: Token, before: Token, opener: bool) -> bool:
    """A capitalised headline word in a verb's place: inflected as a verb ("Endorses",
    "Dismissed") or after an auxiliary, a negation or "Just"/"To" ("Will Back", "Won't
    Renounce"), and not part of a name ("Washington Post", "United States")."""
    # The tagger runs a name on over the verb ("Ben Carson Slams Hillary" as one person); a
    # name's first word is never the verb, and names of places or bodies ("United States") keep
    # their words.
    if token.ent_type_ in HEADLINE_SOURCE_TYPES and not (
        token.ent_type_ == "PERSON" and token.ent_iob_ == "I"
    ):
        return False
    inflected = token.lower_.endswith(("s", "ed")) and not token.lower_.endswith("ss")
    return inflected or opener or before.pos_ == "AUX"


def _plural_subject(token: Token, before: Token) -> bool:
    """A lower-case verb in its base form after a plural noun ("skywriters blast Trump")."""
    return (
        token.text.islower()
        and before.text[-1:] == "s"
        and before.is_alpha
        and token.ent_type_ not in HEADLINE_SOURCE_TYPES
    )


def _headline_lemmas(word: str) -> set[str]:
    """The lemmas a headline word may inflect: "endorses" -> {"endorses", "endors", "endorse"}."""
    return {word} | {word[: -len(end)] for end in INFLECTIONS if word.endswith(end)}
