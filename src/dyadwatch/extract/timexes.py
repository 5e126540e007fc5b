"""Time expressions: TimeML extents found in a parsed `Doc`, with TIMEX3 types and values.

Candidates are spaCy's DATE and TIME entities plus a few expressions its NER misses ("now",
"currently", "the future"; a token Matcher over data/timex/vocabulary.yaml). Entities are cut
to TimeML extents: leading prepositions go ("on Tuesday" -> "Tuesday"), ranges are split ("the
quarter ended Sept. 30" -> two), adjacent pieces join when the whole reads ("Friday" +
"morning", not "recently" + "last October"), ages, amounts, greetings, names of programmes
("ABC's This Week"), bare plural units ("for years") and bare numbers are dropped, and words
the normaliser cannot read are shed. Only these spans are normalised; free text is never
searched for dates. In text order, each stated date becomes the reference time of the
anaphoric expressions after it ("the following year", "a year earlier"); the governing verb's
tense picks between the previous and the next "Friday".
"""

from __future__ import annotations

import datetime as dt
import functools
import re

from spacy.matcher import Matcher
from spacy.tokens import Doc, Span, Token
from spacy.vocab import Vocab

from dyadwatch.records import Timex
from dyadwatch.resolve.calendar import ANY_REFERENCE, Reference
from dyadwatch.resolve.dates import TimexValue, interpret, is_anaphoric, normalise, vocabulary

ENTITY_LABELS = ("DATE", "TIME")
FUTURE_AUXILIARIES = frozenset({"will", "'ll", "shall", "wo", "going"})
PRESENT_PERFECT = frozenset({"has", "have", "'ve"})
PAST_PERFECT = frozenset({"had", "'d"})
HEAD_NOUNS = frozenset({"period", "quarter", "year", "month", "week", "half"})
_PLURAL_UNITS = frozenset({"days", "weeks", "months", "years", "hours", "minutes", "decades"})
_UNIT_WORDS = _PLURAL_UNITS | {"day", "week", "month", "year", "hour", "minute", "decade", "half"}
_YEARISH = re.compile(r"(1[0-9]{3}|20[0-9]{2})s?|'\d0s")
_ANY_DAY = dt.date(2000, 1, 1)
_DETERMINERS = frozenset({"this", "that", "last", "next", "the", "current", "latest", "same"})
_MONTHS_TO_DATE = re.compile(r"(?:the )?(?:first |latest |past )?(?:six|nine|\d) months")
_YEAR_BACK_PHRASE = re.compile(
    r"the (?:same|corresponding|comparable) (?:period|quarter) (?:last year|a year (?:ago|earlier))"
)
_BARE_NUMBER = re.compile(r"[\d.,/-]+")
_SENTENCE_ENDS = frozenset({".", "!", "?", ":", "--"})
_DECADE = re.compile(r"(?:early |mid |late |mid-)?(?:\d0s|'\d0s)")
_CLOCK = re.compile(r"\d\s?[ap]\.?m\b|\bnoon\b|\bmidnight\b|\d:\d\d")


def timexes(doc: Doc, published: dt.date | None) -> list[Timex]:
    """Time expressions of `doc` in text order, normalised against `published`.

    Each DATE value that is not itself read off the reference time becomes the reference time
    of the expressions after it (TimeML's anaphoric anchoring: "the following year", "a
    year earlier" after "the third quarter").
    """
    found: list[Timex] = []
    reference = Reference()
    for span in _candidates(doc):
        tense = clause_tense(span)
        normalised = normalise(span.text, published, tense=tense, reference=reference)
        if normalised.type == "DATE" and not is_anaphoric(span.text):
            reference = reference.after(normalised.value)
        elif _MONTHS_TO_DATE.fullmatch(span.text.lower()):
            reference = reference.over_months_to_date(published)
        if _ends_at_a_date(span, normalised.value):
            normalised = TimexValue("DURATION", "P1Y")
        found.append(
            Timex(span.start_char, span.end_char, span.text, normalised.type, normalised.value)
        )
    return found


def _ends_at_a_date(span: Span, value: str) -> bool:
    """ "the fiscal year ended Sept. 30": a year-long period named by its end, not a calendar
    year (TimeML: a DURATION)."""
    doc = span.doc
    return (
        span.end < len(doc)
        and doc[span.end].lower_ in ("ended", "ending")
        and span[-1].lower_ == "year"
        and bool(re.fullmatch(r"\d{4}", value))
    )


def clause_tense(span: Span) -> str | None:
    """ "past", "perfect", "present" or "future" of the verb that governs `span`, else None."""
    token = span.root
    if token.dep_ == "poss" or (token.i + 1 < len(token.doc) and token.nbor().tag_ == "POS"):
        return "past"  # "Thursday's closing price": a possessed event has happened
    if _after_forward_cue(span):
        return "future"  # "a pact effective June 1": the date the act takes effect
    while token.pos_ not in ("VERB", "AUX") and token.head.i != token.i:
        token = token.head
    if token.pos_ not in ("VERB", "AUX"):
        return None
    return _verb_tense(token)


def _verb_tense(token: Token) -> str | None:
    """The tense of one verb; a bare participle takes the tense of the clause it hangs from
    ("rising ... from $29.75 in March" after "has fluctuated": last March)."""
    auxiliaries = [c for c in token.children if c.dep_ in ("aux", "auxpass")]
    words = {a.lower_ for a in auxiliaries}
    if words & FUTURE_AUXILIARIES or token.lower_ in FUTURE_AUXILIARIES:
        return "future"
    if token.lemma_ in vocabulary()["forward_verbs"]:
        return "future"  # "postponed the vote until Tuesday": the date lies after the act
    tags = {token.tag_, *(a.tag_ for a in auxiliaries)}
    if words & PRESENT_PERFECT and "VBD" not in tags:
        return "perfect"  # "has set Nov. 10 as the deadline": the perfect reaches into now
    if words & PAST_PERFECT or "VBD" in tags or (token.tag_ == "VBN" and not auxiliaries):
        return "past"
    if _borrows_tense(token):
        governor = token.head
        while governor.pos_ not in ("VERB", "AUX") and governor.head.i != governor.i:
            governor = governor.head
        if governor.pos_ in ("VERB", "AUX") and governor.i != token.i:
            return _verb_tense(governor)
    if token.tag_ == "VB" and (words & {"to"} or "MD" in tags):
        if "to" in words and _in_past_perfect(token.head):
            return "past"  # "had been due to expire Friday": a plan that has lapsed
        if "to" in words and _governed_by_past(token):
            return None  # "staged celebrations to mark its entry Friday": either side
        return "future"  # infinitives and modals mostly point ahead: "set to resume Monday"
    if token.tag_ == "VBG" and any(a.lemma_ == "be" and a.tag_ in ("VBZ", "VBP")
                                   for a in auxiliaries):
        return "future"  # "is arriving Tuesday": a present progressive with a date is planned
    if tags & {"VBZ", "VBP", "VBG"}:
        return "present"
    return None


def _borrows_tense(token: Token) -> bool:
    """A participle adjunct with no auxiliary of its own ("rising to a high in June")."""
    if token.tag_ != "VBG" or token.dep_ not in ("advcl", "conj", "acl", "xcomp"):
        return False
    return not any(c.dep_ in ("aux", "auxpass") for c in token.children)


def _after_forward_cue(span: Span) -> bool:
    """Whether a word that dates what is still to come ("effective") stands before `span`."""
    doc, i = span.doc, span.start - 1
    while i >= 0 and doc[i].lower_ in ("on", "from", "as", "of"):
        i -= 1
    return i >= 0 and doc[i].lower_ in vocabulary()["forward_cues"]


def _governed_by_past(token: Token) -> bool:
    """Whether the verb an infinitive hangs from is in the simple past ("staged ... to mark")
    and states no intention."""
    governor = token.head
    while governor.pos_ not in ("VERB", "AUX") and governor.head.i != governor.i:
        governor = governor.head
    if governor.i == token.i or governor.pos_ not in ("VERB", "AUX"):
        return False
    if governor.lemma_ in vocabulary()["intention_verbs"]:
        return False  # "planned to leave Thursday": the plan points ahead
    tags = {governor.tag_, *(c.tag_ for c in governor.children if c.dep_ in ("aux", "auxpass"))}
    return "VBD" in tags


def _in_past_perfect(token: Token) -> bool:
    """Whether the verb governing `token` ("had been due", "had planned") is a past perfect."""
    while token.pos_ not in ("VERB", "AUX") and token.head.i != token.i:
        token = token.head
    return any(c.lower_ in PAST_PERFECT for c in token.children if c.dep_ in ("aux", "auxpass"))


def _candidates(doc: Doc) -> list[Span]:
    matches = _matcher(doc.vocab)(doc)
    holidays = [
        doc[start:end] for key, start, end in matches if doc.vocab.strings[key] == "HOLIDAY"
    ]
    # A holiday name holds what the recogniser tagged of it ("Mother's [Day]").
    entities = [
        e
        for e in doc.ents
        if e.label_ in ENTITY_LABELS and not any(h.start <= e.start and e.end <= h.end and
                                                 len(h) > len(e) for h in holidays)
    ]
    taken = {i for e in entities for i in range(e.start, e.end)}
    recovered = [
        doc[start:end]
        for _, start, end in matches
        if not taken.intersection(range(start, end)) and not _modifies_a_count(doc, end)
    ]
    pieces: list[Span] = []
    for span in sorted(entities + _longest(recovered), key=lambda s: s.start):
        trimmed = (_trim(piece) for piece in _split(_extend(span)))
        pieces.extend(_readable(p) for p in trimmed if p is not None and _keep(p))
    return _join_adjacent(pieces)


def _modifies_a_count(doc: Doc, end: int) -> bool:
    """A recovered word that only modifies a longer expression: "the past [few] years"."""
    units = vocabulary()["units"]
    is_unit = [t.lower_ in units["date"] or t.lower_ in units["time"] for t in doc[end : end + 3]]
    if not is_unit:
        return False
    following = doc[end].lower_
    return is_unit[0] or (
        (doc[end].like_num or following in vocabulary()["vague_numbers"]) and any(is_unit[1:])
    )


def _extend(span: Span) -> Span:
    """Take in the time noun an entity modifies ("the year-ago" + "quarter", "the 1988
    period"), the determiner spaCy leaves out of a bare unit ("this" + "year's"), the
    quantifier of a set ("each" + "July") and the period a year back ("the same period" +
    "last year")."""
    doc = span.doc
    vocab = vocabulary()
    if (
        len(span) == 1
        and span.start > 0
        and doc[span.start - 1].lower_ in ("each", "every")
        and (span[0].lower_ in vocab["weekdays"] or span[0].lower_.rstrip(".") in vocab["months"])
    ):
        return doc[span.start - 1 : span.end]  # "each July": a set, not one July
    if span.start >= 3 and _YEAR_BACK_PHRASE.fullmatch(doc[span.start - 3 : span.end].text.lower()):
        return doc[span.start - 3 : span.end]  # "the same period" + "last year"
    if span.end < len(doc) and doc[span.end].lower_ in HEAD_NOUNS and span.root.head.i == span.end:
        start = span.start - (span.start > 0 and doc[span.start - 1].lower_ == "the")
        return doc[start : span.end + 1]
    if (
        len(span) == 1
        and span.start > 0
        and span[0].lower_ in HEAD_NOUNS
        and doc[span.start - 1].lower_ in _DETERMINERS
        and doc[span.start - 1].head.i == span.start
    ):
        return doc[span.start - 1 : span.end]
    return span


@functools.cache
def _matcher(vocab: Vocab) -> Matcher:
    """The recovered expressions of the vocabulary, calendar dates written out ("Aug. 7",
    "March 12, 1999") that the recogniser took for part of a name ("the Aug. 7 Embassy
    bombings"), and counts with a half ("5 1/2 hours"), which it takes for quantities."""
    matcher = Matcher(vocab)
    for words in vocabulary()["recover"]:
        matcher.add("TIMEX", [[{"LOWER": str(w)} for w in words]])
    for words in vocabulary()["holiday_names"]:  # capitalised: "Easter", not "easter eggs"
        first, *rest = [str(w) for w in words]
        pattern: list[dict[str, object]] = [{"LOWER": first, "IS_TITLE": True}]
        matcher.add("HOLIDAY", [pattern + [{"LOWER": w} for w in rest]])
    months = [m.title() for m in vocabulary()["months"]]
    month = {"ORTH": {"IN": months + [f"{m}." for m in months]}}
    day = {"TEXT": {"REGEX": r"^(?:[1-9]|[12]\d|3[01])$"}}
    year = {"TEXT": {"REGEX": r"^(?:1[89]\d\d|20\d\d)$"}}
    matcher.add("TIMEX", [[month, day], [month, day, {"ORTH": ","}, year]])
    units = sorted(_PLURAL_UNITS | {"hours", "minutes"})
    matcher.add("TIMEX", [[{"LIKE_NUM": True}, {"ORTH": "1/2"}, {"LOWER": {"IN": units}}]])
    return matcher


def _longest(spans: list[Span]) -> list[Span]:
    """Non-overlapping spans, the longest first."""
    kept: list[Span] = []
    for span in sorted(spans, key=lambda s: (-(s.end - s.start), s.start)):
        if all(span.end <= k.start or k.end <= span.start for k in kept):
            kept.append(span)
    return kept


def _split(span: Span) -> list[Span]:
    """Cut an entity at range words ("Aug. 26 to Oct. 20", "the year ended June 30"), between
    listed dates ("1994 and 1997") and before the date that anchors a count of months ("the
    first nine months of 1997"); "two to three weeks" stays whole."""
    split_words = set(vocabulary()["split_words"])
    doc, parts, start = span.doc, [], span.start
    for token in span:
        spaced = token.i > 0 and bool(doc[token.i - 1].whitespace_)
        if not start < token.i < span.end - 1:
            continue
        if (
            (token.lower_ in split_words and spaced and _stands_alone(doc[start : token.i]))
            or (token.lower_ in ("and", "or", ",") and _between_dates(doc, token.i))
            or (token.lower_ == "of" and _count_of_date(doc, token.i, span.end))
        ):
            parts.append(doc[start : token.i])
            start = token.i + 1
    parts.append(doc[start : span.end])
    return parts


def _stands_alone(piece: Span) -> bool:
    """Whether the words before a range word are a time expression by themselves."""
    vocab = vocabulary()
    words = {**vocab["months"], **vocab["weekdays"], **vocab["units"]["date"],
             **vocab["units"]["time"], **vocab["day_parts"], **vocab["clock_words"],
             **vocab["references"], "today": 0, "tomorrow": 0, "yesterday": 0}  # fmt: skip
    return any(
        t.lower_.rstrip(".") in words or _YEARISH.fullmatch(t.text) or t.lower_ in ("a.m.", "p.m.")
        for t in piece
    )


def _between_dates(doc: Doc, i: int) -> bool:
    """ "1994 and 1997", "April 24 and 25": a list of dates, not "two and a half years"."""
    before, after = doc[i - 1], doc[i + 1]
    if doc[i].lower_ == ",":  # "1994, 1995" but not "March 1, 2011"
        return bool(_YEARISH.fullmatch(before.text) and _YEARISH.fullmatch(after.text))
    months = vocabulary()["months"]
    return before.like_num and (after.like_num or after.lower_.rstrip(".") in months)


def _count_of_date(doc: Doc, i: int, end: int) -> bool:
    """ "the first nine months | of | 1997": a count of units anchored on a year."""
    if doc[i - 1].lower_ not in _PLURAL_UNITS or doc[i - 2].like_num is False:
        return False
    rest = doc[i + 1 : end].text.lower()
    return bool(re.fullmatch(r"(?:the|this|last|next) year|(1[0-9]{3}|20[0-9]{2})", rest))


def _trim(span: Span) -> Span | None:
    """Drop the words around a time expression that TimeML leaves outside its extent."""
    leading = set(vocabulary()["leading_trim"])
    doc, start, end = span.doc, span.start, span.end
    while start < end and (
        doc[start].lower_ in leading
        or _drop_article(doc, start, end)
        or _count_before_article(doc, start, end)
    ):
        if doc[start].lower_ == "at" and start + 1 < end and doc[start + 1].lower_ == "least":
            break  # "at least 30 days" is one expression
        start += 1
    while start < end and (
        doc[end - 1].is_punct
        or doc[end - 1].is_space
        or doc[end - 1].lower_ in ("'s", "’s", "of", "or", "and", "the")
    ):
        end -= 1
    if end - start > 1 and doc[end - 1].lower_ == "later" and doc[end - 2].lower_ in _UNIT_WORDS:
        end -= 1  # "three days later": TimeML tags the duration, "later" is its signal
    return doc[start:end] if start < end else None


def _readable(span: Span) -> Span:
    """The largest part of an unreadable entity that the normaliser reads: "recently last
    October" -> "last October", "April month" -> "April"; a lone unit word does not count."""
    if len(span) < 2 or _reads(span):
        return span
    parts = [span[k:] for k in range(1, len(span))] + [span[:-k] for k in range(1, len(span))]
    units = {**vocabulary()["units"]["date"], **vocabulary()["units"]["time"]}
    for part in parts:
        words = [t.lower_ for t in part if t.lower_ not in ("the", "a", "an")]
        if part[0].is_punct or part[-1].is_punct or all(w in units for w in words):
            continue
        if _reads(part):
            return part
    return span


def _reads(span: Span) -> bool:
    """Whether a rule of the normaliser reads the whole span, whatever the anchors."""
    return interpret(span.text, _ANY_DAY, reference=ANY_REFERENCE) is not None


def _count_before_article(doc: Doc, start: int, end: int) -> bool:
    """A number that counts something else before "a year ago" ("up from seven a year ago")."""
    return doc[start].like_num and start + 1 < end and doc[start + 1].lower_ in ("a", "an")


def _drop_article(doc: Doc, start: int, end: int) -> bool:
    """An article before a count, ordinal or plural unit: "the two days" -> "two days"."""
    if doc[start].lower_ not in ("the", "a", "an") or start + 1 >= end:
        return False
    following = doc[start + 1]
    if following.like_num and doc[start].lower_ != "the":
        return not _YEARISH.fullmatch(following.text)
    months = vocabulary()["months"]
    return (
        following.lower_ in _PLURAL_UNITS
        or following.lower_.rstrip(".") in months
        or (
            bool(re.fullmatch(r"\d+(st|nd|rd|th)", following.lower_))
            and not (start + 2 < end and doc[start + 2].lower_ in ("century", "centuries"))
        )
    )


def _keep(span: Span) -> bool:
    """False for ages ("52 years old"), bare numbers, and words TimeML does not tag."""
    text = span.text.lower()
    if text in vocabulary()["not_timex"] or not re.search(r"[a-z0-9]", text):
        return False
    doc = span.doc
    after = doc[span.end].lower_ if span.end < len(doc) else ""
    before = doc[span.start - 1].lower_ if span.start > 0 else ""
    if "old" in text.replace("-", " ").split() or after == "old" or before in ("aged", "age"):
        return False
    vocab = vocabulary()
    if any(t.lower_ in vocab["not_timex_words"] for t in span):
        return False  # an amount: "as little as 99 cents"
    if before in vocab["age_determiners"] and _DECADE.fullmatch(text):
        return False  # an age: "in his 30s"
    if before in vocab["greeting_words"] and text in vocab["day_parts"]:
        return False  # a greeting: "Good evening"
    if _in_a_name(span):
        return False
    if len(span) == 1 and text in _PLURAL_UNITS | {"hours", "minutes", "centuries"}:
        return False  # "for years": TimeBank tags under a third of the bare plural units
    possessed = before in ("'s", "’s") or (span.start > 0 and doc[span.start - 1].tag_ == "PRP$")
    if len(span) == 1 and text in _UNIT_WORDS and possessed:
        return False  # "Kellogg's year", "his year in kindergarten": a stretch of a life
    if _BARE_NUMBER.fullmatch(text):
        return bool(_YEARISH.fullmatch(text)) or "/" in text or text.count("-") == 2
    return True


def _in_a_name(span: Span) -> bool:
    """A time word capitalised inside a sentence belongs to a name: "ABC's This Week", "VOA
    Today", "Monday Night Football"."""
    words = vocabulary()["name_words"]
    if span.text.lower() in vocabulary()["holidays"]:
        return False
    return any(
        t.lower_ in words and t.is_title and not _opens_sentence(t) for t in span
    )


def _opens_sentence(token: Token) -> bool:
    """Whether `token` opens a sentence or a paragraph, after opening quotes if any."""
    i = token.i - 1
    while i >= 0 and _mark(token.doc[i]) and token.doc[i].text not in _SENTENCE_ENDS:
        i -= 1
    return i < 0 or i < token.sent.start or token.doc[i].is_space or (
        token.doc[i].text in _SENTENCE_ENDS
    )


def _mark(token: Token) -> bool:
    """Punctuation, including the backquotes of ``quoted'' text that spaCy leaves unmarked."""
    return not token.is_space and not any(c.isalnum() for c in token.text)


def _join_adjacent(spans: list[Span]) -> list[Span]:
    """Join touching pieces into one expression ("Friday" + "morning", "5 p.m. EST" + "Nov. 9"),
    and a clock time and the date after its comma ("5 p.m. EST, Nov. 6"), when the normaliser
    reads the whole: "more than four hours" + "Friday" and "recently" + "last October" stay
    apart."""
    joined: list[Span] = []
    for span in spans:
        previous = joined[-1] if joined else None
        if previous is not None and _joins(previous, span):
            joined[-1] = span.doc[previous.start : span.end]
        elif previous is None or previous.end <= span.start:
            joined.append(span)
    return joined


def _joins(first: Span, second: Span) -> bool:
    doc = first.doc
    whole = doc[first.start : second.end]
    if first.end == second.start:
        return _reads(whole) or not (_reads(first) and _reads(second))
    return (
        first.end + 1 == second.start
        and doc[first.end].text == ","
        and _CLOCK.search(first.text.lower()) is not None
        and _reads(whole)
    )
