"""The PLOVER/CAMEO tables: what the manual says, and what the crosswalk promises."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from dyadwatch import ontology
from dyadwatch.ontology import EventType, Modality, QuadClass

MANUAL_QUADS = {
    QuadClass.VERBAL_COOPERATION: ["AGREE", "CONSULT", "SUPPORT", "CONCEDE"],
    QuadClass.MATERIAL_COOPERATION: ["COOPERATE", "AID", "RETREAT"],
    QuadClass.VERBAL_CONFLICT: ["REQUEST", "ACCUSE", "REJECT", "THREATEN"],
    QuadClass.MATERIAL_CONFLICT: ["PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"],
}


def test_sixteen_types_and_five_modalities() -> None:
    assert len(EventType) == 16
    assert [m.value for m in Modality] == [
        "asserted", "negated", "hypothetical", "reported", "future"]


@pytest.mark.parametrize(("quad", "types"), MANUAL_QUADS.items())
def test_quad_class_follows_the_manual(quad: QuadClass, types: list[str]) -> None:
    for name in types:
        assert ontology.quad_class(name) == quad
        assert ontology.quad_class(name.lower()) == quad


@pytest.mark.parametrize(("etype", "expected"), [
    ("CONSULT", ("visit", "third-party", "multilateral", "phone")),
    ("MOBILIZE", ("troops", "weapons", "police", "militia")),
    ("AGREE", ()),
    ("SUPPORT", ()),
])
def test_modes_of_the_current_manual(etype: str, expected: tuple[str, ...]) -> None:
    assert ontology.modes(etype) == expected


def test_assault_modes_include_new_weapons() -> None:
    assert {"aerial", "drone", "heavy-weapons", "targeted", "crowd-control"} <= set(
        ontology.modes("ASSAULT"))
    assert "assassinate" not in ontology.modes("ASSAULT")


def test_contexts() -> None:
    contexts = ontology.contexts()
    assert len(contexts) == 37
    assert len(set(contexts)) == 37
    assert {"military", "diplomatic", "economic", "cbrn", "trafficking"} <= set(contexts)


@pytest.mark.parametrize(("etype", "mode", "context", "code"), [
    ("CONSULT", "visit", None, "042"),
    ("CONSULT", "visit", "diplomatic", "042"),
    ("CONSULT", "phone", None, "041"),
    ("CONSULT", "third-party", None, "044"),
    ("CONSULT", None, "diplomatic", "040"),
    ("ASSAULT", "aerial", None, "195"),
    ("ASSAULT", "firearms", "military", "193"),
    ("ASSAULT", None, "military", "190"),
    ("ASSAULT", "unconventional", "cbrn", "204"),
    ("MOBILIZE", "weapons", None, "150"),
    ("MOBILIZE", "troops", None, "154"),
    ("AGREE", None, "economic", "0311"),
    ("AGREE", None, "trafficking", "030"),
    ("COERCE", "arrest", None, "173"),
    ("COERCE", "restrict", "military", "191"),
    ("SANCTION", "discontinue", "economic", "163"),
    ("RETREAT", "withdraw", None, "0874"),
    ("RETREAT", "release", None, "0841"),
    ("ACCUSE", "investigate", None, "090"),
    ("PROTEST", "demo", None, "141"),
    ("THREATEN", "violence", "cbrn", "1385"),
])
def test_cameo_for_picks_the_specific_code(
        etype: str, mode: str | None, context: str | None, code: str) -> None:
    assert ontology.cameo_for(etype, mode, context=context).code == code


# Where CAMEO files the PLOVER type/mode under another quad class (crosswalk.csv notes why).
QUAD_EXCEPTIONS = {("CONCEDE", ""), ("SANCTION", "convict")}


@pytest.mark.parametrize(("etype", "mode"), [(etype, "") for etype in EventType] + [
    (etype, mode) for etype in EventType for mode in ontology.modes(etype)])
def test_every_type_and_mode_has_a_cameo_code_of_its_quad_class(
        etype: EventType, mode: str) -> None:
    code = ontology.cameo_for(etype, mode or None)
    assert len(code.root) == 2 and code.code.startswith(code.root)
    if (etype, mode) not in QUAD_EXCEPTIONS and etype != "CONCEDE":
        assert code.quad_class == ontology.quad_class(etype)


def test_cameo_code_records() -> None:
    visit = ontology.cameo("042")
    assert (visit.name, visit.root, visit.goldstein, visit.quad_class) == (
        "Make a visit", "04", 1.9, 1)
    assert ontology.cameo("195").quad_class == QuadClass.MATERIAL_CONFLICT
    assert ontology.cameo("195").goldstein == -10.0
    assert ontology.cameo("20").quad_class == 4


def test_concede_is_verbal_though_cameo_yield_is_material() -> None:
    assert ontology.quad_class("CONCEDE") == 1
    assert ontology.cameo_for("CONCEDE").quad_class == 2


def test_plover_scores() -> None:
    assert ontology.plover_score("ACCUSE") == -3.0  # the manual's printed 3 is a sign slip
    assert ontology.plover_score("CONSULT", "visit") == 4.0
    assert ontology.plover_score("CONSULT") == 2.5
    assert ontology.plover_score("PROTEST", "vandalize") == -5.0  # unscored mode: type score


@pytest.mark.parametrize(("call", "error"), [
    (lambda: ontology.quad_class("YIELD"), ValueError),
    (lambda: ontology.cameo_for("CONSULT", "aerial"), ValueError),
    (lambda: ontology.cameo_for("AGREE", context="weather"), ValueError),
    (lambda: ontology.cameo("999"), KeyError),
])
def test_unknown_names_are_refused(call: Callable[[], object], error: type[Exception]) -> None:
    with pytest.raises(error):
        call()
