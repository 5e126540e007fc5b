"""Where an event stands: its clause, date, place, and calibrated confidence."""

from __future__ import annotations

import csv
import datetime as dt
import functools
import re
from collections.abc import Sequence
from importlib import resources

from spacy.tokens import Doc, Token

from dyadwatch.records import Actor, ActorIndex, Event, EventPlace, Place, Timex

CALENDAR_VALUE = re.compile(r"\d{4}(?:-\d{2}(?:-\d{2})?|-W\d{2})?(?![\dX])")
# Confidence without a calibration table (the table ships with the package).
UNCALIBRATED = 0.5


def clause_tokens(token: Token, governors: list[Token]) -> set[int]:
    """Tokens whose syntactic path to the trigger stays in its own clause."""
    anchors = {token.i, *(g.i for g in governors)}
    if token.pos_ in {"NOUN", "PROPN"} and token.head.pos_ in {"VERB", "AUX"}:
        anchors.add(token.head.i)
    inside: set[int] = set()
    for other in token.sent:
        current = other
        for _ in range(12):
            if current.i in anchors:
                inside.add(other.i)
                break
            if current.pos_ in {"VERB", "AUX"} and current.dep_ not in {"aux", "auxpass"}:
                break
            if current.head.i == current.i:
                break
            current = current.head
    return inside


def event_date(
    token: Token, governors: list[Token], timexes: Sequence[Timex], published: dt.date | None
) -> tuple[str | None, str]:
    sent = token.sent
    clause = clause_tokens(token, governors)
    for timex in timexes:
        in_sentence = sent.start_char <= timex.start < sent.end_char
        if not in_sentence or timex.type not in {"DATE", "TIME"}:
            continue
        span = token.doc.char_span(timex.start, timex.end, alignment_mode="expand")
        value = calendar_value(timex.value)
        if span is not None and value and any(t.i in clause for t in span):
            return value, "timex"
    if published is not None:
        return published.isoformat(), "published"
    return None, "none"


def calendar_value(value: str) -> str | None:
    """The calendar part of a TIMEX3 value: a day, ISO week, month or year.

    Coarser or odd periods keep what is certain: "2013-W11-WE" → "2013-W11", "2012-Q3" →
    "2012"; a time keeps its day; underspecified values ("XXXX-04-25", PAST_REF) give None.
    """
    match = CALENDAR_VALUE.match(value)
    return match.group(0) if match else None


def event_place(
    token: Token, governors: list[Token], places: Sequence[Place]
) -> EventPlace | None:
    sent = token.sent
    clause = clause_tokens(token, governors)
    rank = {"site": 0, "city": 1, "region": 2, "country": 3}
    candidates = []
    for place in places:
        if place.metonym or not (sent.start_char <= place.start < sent.end_char):
            continue
        span = token.doc.char_span(place.start, place.end, alignment_mode="expand")
        if span is None or not any(t.i in clause for t in span):
            continue
        if span.root.dep_ not in {"pobj"} or span.root.head.lower_ not in {
            "in", "at", "near", "into", "on", "off", "outside", "inside", "across", "over", "to"
        }:
            continue
        candidates.append(place)
    if not candidates:
        return None
    best = min(candidates, key=lambda p: rank.get(p.precision, 4))
    return EventPlace(best.name, best.country, best.lat, best.lon, best.precision)


def confidence_features(doc: Doc, event: Event, actors: Sequence[Actor]) -> tuple[str, str, str]:
    """The features confidence is calibrated on: type, trigger part of speech, actor status."""
    span = doc.char_span(*event.trigger, alignment_mode="expand")
    pos = span.root.pos_ if span is not None else "NOUN"
    by_id = {a.id: a for a in actors}
    ids = event.source + event.target
    known = all(by_id[i].country or by_id[i].code for i in ids if i in by_id)
    return event.type, _pos_group(pos), "known" if ids and known else "partial"


def _pos_group(pos: str) -> str:
    return "VERB" if pos in {"VERB", "AUX"} else "ADJ" if pos == "ADJ" else "NOUN"


@functools.cache
def _confidence_table() -> dict[tuple[str, str, str], float]:
    """data/lexicon/confidence.csv (scripts/calibrate_confidence.py), empty if absent."""
    path = resources.files("dyadwatch.data.lexicon").joinpath("confidence.csv")
    if not path.is_file():
        return {}
    lines = [line for line in path.read_text("utf-8").splitlines() if not line.startswith("#")]
    return {
        (row["type"], row["pos"], row["actors"]): float(row["confidence"])
        for row in csv.DictReader(lines)
    }


def confidence(event_type: str, trigger: Token, ids: Sequence[str], actors: ActorIndex) -> float:
    """The calibrated share of right events among those with the same features."""
    table = _confidence_table()
    known = all(actors.actor(i).country or actors.actor(i).code for i in ids)
    status = "known" if ids and known else "partial"
    pos = _pos_group(trigger.pos_)
    for key in ((event_type, pos, status), (event_type, pos, "*"), (event_type, "*", "*"),
                ("*", "*", "*")):
        if key in table:
            return table[key]
    return UNCALIBRATED
