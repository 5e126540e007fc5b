"""The PLOVER event ontology and its CAMEO crosswalk (DESIGN.md §2).

The tables live in `dyadwatch/data/ontology/` (built by scripts/build_ontology.py from the
PLOVER manual, CAMEO2PLOVER and the CAMEO code list); they are read once, on first use, and
validated then. QuadClass follows the PLOVER type; a CAMEO code keeps CAMEO's own quad class,
which differs for CONCEDE (CAMEO 08 Yield is material cooperation) and a few noted rows.
"""

from __future__ import annotations

import csv
import functools
import io
from dataclasses import dataclass
from enum import IntEnum, StrEnum
from importlib import resources


class EventType(StrEnum):
    """The 16 PLOVER event types, in the manual's order."""

    AGREE = "AGREE"
    CONSULT = "CONSULT"
    SUPPORT = "SUPPORT"
    CONCEDE = "CONCEDE"
    COOPERATE = "COOPERATE"
    AID = "AID"
    RETREAT = "RETREAT"
    REQUEST = "REQUEST"
    ACCUSE = "ACCUSE"
    REJECT = "REJECT"
    THREATEN = "THREATEN"
    PROTEST = "PROTEST"
    SANCTION = "SANCTION"
    MOBILIZE = "MOBILIZE"
    COERCE = "COERCE"
    ASSAULT = "ASSAULT"


class Modality(StrEnum):
    """PLOVER's auxiliary modes, plus `reported` for attributed claims."""

    ASSERTED = "asserted"
    NEGATED = "negated"
    HYPOTHETICAL = "hypothetical"
    REPORTED = "reported"
    FUTURE = "future"


class QuadClass(IntEnum):
    """The four CAMEO/PLOVER quad classes (GDELT's QuadClass numbering)."""

    VERBAL_COOPERATION = 1
    MATERIAL_COOPERATION = 2
    VERBAL_CONFLICT = 3
    MATERIAL_CONFLICT = 4


@dataclass(frozen=True)
class CameoCode:
    """One CAMEO event code with its root, Goldstein score and CAMEO quad class."""

    code: str
    name: str
    root: str
    goldstein: float
    quad_class: int


@dataclass(frozen=True)
class PloverType:
    """One PLOVER event type as the manual defines it."""

    type: EventType
    quad_class: QuadClass
    modes: tuple[str, ...]
    score: float
    requires_recipient: bool
    description: str


@dataclass(frozen=True)
class _Tables:
    cameo: dict[str, CameoCode]
    types: dict[EventType, PloverType]
    mode_scores: dict[tuple[EventType, str], float]
    contexts: tuple[str, ...]
    crosswalk: dict[tuple[EventType, str, str], str]


def _read(name: str) -> list[dict[str, str]]:
    source = resources.files("dyadwatch") / "data" / "ontology" / name
    return list(csv.DictReader(io.StringIO(source.read_text(encoding="utf-8"))))


@functools.cache
def _tables() -> _Tables:
    """Read and validate the ontology tables (once per process)."""
    cameo: dict[str, CameoCode] = {}
    for row in _read("cameo.csv"):
        try:
            goldstein = float(row["goldstein"])
        except ValueError as e:
            raise ValueError(f"CAMEO {row['code']}: no Goldstein score") from e
        cameo[row["code"]] = CameoCode(row["code"], row["name"], row["root"], goldstein,
                                       int(QuadClass(int(row["quad_class"]))))
    for code in cameo.values():
        root = cameo.get(code.root)
        if root is None or root.quad_class != code.quad_class or not code.code.startswith(
                code.root):
            raise ValueError(f"CAMEO {code.code}: root {code.root} missing or inconsistent")
    types = {
        EventType(row["type"]): PloverType(
            EventType(row["type"]), QuadClass(int(row["quad_class"])),
            tuple(row["modes"].split()), float(row["score"]),
            row["requires_recipient"] == "yes", row["description"])
        for row in _read("plover.csv")
    }
    if set(types) != set(EventType):
        raise ValueError(f"plover.csv lacks types {sorted(set(EventType) - set(types))}")
    mode_scores: dict[tuple[EventType, str], float] = {}
    for row in _read("modes.csv"):
        etype = EventType(row["type"])
        if row["mode"] not in types[etype].modes:
            raise ValueError(f"modes.csv: {etype}/{row['mode']} not a mode of the type")
        if row["score"]:
            mode_scores[(etype, row["mode"])] = float(row["score"])
    contexts = tuple(row["context"] for row in _read("contexts.csv"))
    crosswalk: dict[tuple[EventType, str, str], str] = {}
    for row in _read("crosswalk.csv"):
        etype = EventType(row["type"])
        key = (etype, row["mode"], row["context"])
        if row["cameo"] not in cameo:
            raise ValueError(f"crosswalk {key}: unknown CAMEO code {row['cameo']}")
        code = cameo[row["cameo"]]
        if row["mode"] and row["mode"] not in types[etype].modes:
            raise ValueError(f"crosswalk {key}: unknown mode")
        if row["context"] and row["context"] not in contexts:
            raise ValueError(f"crosswalk {key}: unknown context")
        if code.quad_class != types[etype].quad_class and not row["note"]:
            raise ValueError(f"crosswalk {key}: quad class differs from CAMEO's without a note")
        crosswalk[key] = code.code
    missing = [t for t in EventType if (t, "", "") not in crosswalk]
    if missing:
        raise ValueError(f"crosswalk has no root entry for {missing}")
    return _Tables(cameo, types, mode_scores, contexts, crosswalk)


def event_type(name: str) -> EventType:
    """The EventType named `name` (case-insensitive); ValueError when it is not PLOVER."""
    try:
        return EventType(name.upper())
    except ValueError as e:
        raise ValueError(f"unknown PLOVER event type {name!r}") from e


def plover_type(name: str) -> PloverType:
    """The manual's definition of a type: quad class, modes, PLOVER score, description."""
    return _tables().types[event_type(name)]


def quad_class(event_type_name: str) -> int:
    """PLOVER quad class (1-4) of an event type."""
    return int(plover_type(event_type_name).quad_class)


def modes(event_type_name: str) -> tuple[str, ...]:
    """The valid modes of an event type in the current PLOVER manual (may be empty)."""
    return plover_type(event_type_name).modes


def contexts() -> tuple[str, ...]:
    """The 37 PLOVER contexts, in the manual's order."""
    return _tables().contexts


def plover_score(event_type_name: str, mode: str | None = None) -> float:
    """The manual's PLOVER conflict/cooperation score of a type, or of type + mode if listed."""
    etype = event_type(event_type_name)
    tables = _tables()
    return tables.mode_scores.get((etype, mode or ""), tables.types[etype].score)


def cameo(code: str) -> CameoCode:
    """The CAMEO code `code` (e.g. "042"); KeyError when it is not a CAMEO code."""
    try:
        return _tables().cameo[code]
    except KeyError:
        raise KeyError(f"unknown CAMEO code {code!r}") from None


def cameo_for(event_type_name: str, mode: str | None = None, *,
              context: str | None = None) -> CameoCode:
    """The most specific CAMEO code for a PLOVER type, mode and context.

    Looks up (type, mode, context), then (type, mode), then (type, context), then the type's
    root code. CONSULT/visit gives 042 (the visitor is PLOVER's actor); the reversed dyad of a
    GDELT-style export, host -> visitor, is 043. ValueError for a mode or context that PLOVER
    does not define.
    """
    etype = event_type(event_type_name)
    tables = _tables()
    mode = mode or ""
    context = context or ""
    if mode and mode not in tables.types[etype].modes:
        raise ValueError(f"{mode!r} is not a mode of {etype}")
    if context and context not in tables.contexts:
        raise ValueError(f"{context!r} is not a PLOVER context")
    for key in ((etype, mode, context), (etype, mode, ""), (etype, "", context)):
        if key in tables.crosswalk:
            return tables.cameo[tables.crosswalk[key]]
    return tables.cameo[tables.crosswalk[(etype, "", "")]]
