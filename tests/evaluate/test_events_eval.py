"""The events scorer on hand-made gold/prediction pairs with known answers, and on the dev files."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from dyadwatch.evaluate.events import report, score
from dyadwatch.ontology import quad_class

TEXT = "Ruritania accused Freedonia of shelling border villages, and the two sides met in Geneva."
Ev = tuple[str, list[str], list[str], str]  # type, source names, target names, modality


def annotation(text: str, events: list[Ev], countries: dict[str, str] | None = None
               ) -> dict[str, Any]:
    """An annotation dict (DESIGN §3) with one actor per name, spans found in the text."""
    countries = countries or {}
    actors: dict[str, dict[str, Any]] = {}

    def actor_id(name: str) -> str:
        if name not in actors:
            actors[name] = {"id": f"a{len(actors) + 1}", "name": name,
                            "country": countries.get(name), "code": countries.get(name)}
        return str(actors[name]["id"])

    def spans(names: list[str]) -> list[list[int]]:
        return [[text.index(n), text.index(n) + len(n)] for n in names if n in text]

    coded = [{"type": t, "source": [actor_id(n) for n in src], "target": [actor_id(n) for n in tgt],
              "source_spans": spans(src), "target_spans": spans(tgt), "modality": modality,
              "quad_class": quad_class(t)} for t, src, tgt, modality in events]
    return {"text": text, "actors": list(actors.values()), "events": coded}


def gold(text: str, events: list[dict[str, Any]]) -> dict[str, Any]:
    return {"id": "g", "text": text, "events": events}


def gev(etype: str, source: list[str], target: list[str], modality: str = "asserted",
        **extra: Any) -> dict[str, Any]:
    return {"type": etype, "source": source, "target": target, "modality": modality, **extra}


ACCUSE = gev("ACCUSE", ["Ruritania"], ["Freedonia"])
CONSULT = gev("CONSULT", ["Ruritania", "Freedonia"], [], reciprocal=True)


def test_perfect_prediction() -> None:
    m = score([gold(TEXT, [ACCUSE])],
              [annotation(TEXT, [("ACCUSE", ["Ruritania"], ["Freedonia"], "asserted")])])
    assert (m["type_precision"], m["type_recall"], m["type_f1"], m["type_macro_f1"]) == (
        1.0, 1.0, 1.0, 1.0)
    assert (m["source_match"], m["target_match"], m["quad_agreement"]) == (1.0, 1.0, 1.0)
    assert m["extra_event_rate"] == 0.0
    assert m["modality_accuracy"] == 1.0
    assert m["per_type"]["ACCUSE"] == {"precision": 1.0, "recall": 1.0, "f1": 1.0,
                                       "support": 1, "predicted": 1}


def test_one_missed_event() -> None:
    m = score([gold(TEXT, [ACCUSE, CONSULT])],
              [annotation(TEXT, [("ACCUSE", ["Ruritania"], ["Freedonia"], "asserted")])])
    assert (m["type_precision"], m["type_recall"]) == (1.0, 0.5)
    assert m["type_macro_f1"] == 0.5  # ACCUSE 1.0, CONSULT 0.0
    assert m["per_type"]["CONSULT"]["support"] == 1


def test_one_extra_event() -> None:
    m = score([gold(TEXT, [ACCUSE])],
              [annotation(TEXT, [("ACCUSE", ["Ruritania"], ["Freedonia"], "asserted"),
                                 ("ASSAULT", ["Freedonia"], ["Ruritania"], "asserted")])])
    assert (m["type_precision"], m["type_recall"]) == (0.5, 1.0)
    assert m["extra_event_rate"] == 1.0
    assert m["type_macro_f1"] == 1.0  # macro over gold types only
    assert m["per_type"]["ASSAULT"]["support"] == 0


def test_yield_accepts_concede_or_retreat() -> None:
    text = "Freedonia released the prisoners and promised to lift the curfew."
    g = gold(text, [gev("YIELD", ["Freedonia"], []), gev("CONCEDE", ["Freedonia"], [])])
    p = annotation(text, [("CONCEDE", ["Freedonia"], [], "asserted"),
                          ("RETREAT", ["Freedonia"], [], "asserted")])
    m = score([g], [p])
    assert m["type_f1"] == 1.0
    assert m["quad_agreement"] == 1.0
    assert m["per_type"]["YIELD"]["f1"] == 1.0


def test_yield_only_corpus_scores_concede_under_yield() -> None:
    text = "Freedonia released the prisoners."
    m = score([gold(text, [gev("YIELD", ["Freedonia"], [])]), gold(text, [])],
              [annotation(text, [("RETREAT", ["Freedonia"], [], "asserted")]),
               annotation(text, [("CONCEDE", ["Freedonia"], [], "asserted")])])
    assert m["per_type"]["YIELD"]["predicted"] == 2
    assert "CONCEDE" not in m["per_type"]


def test_swapped_source_and_target() -> None:
    m = score([gold(TEXT, [ACCUSE])],
              [annotation(TEXT, [("ACCUSE", ["Freedonia"], ["Ruritania"], "asserted")])])
    assert m["type_f1"] == 1.0
    assert (m["source_match"], m["target_match"]) == (0.0, 0.0)


def test_pairing_prefers_the_event_with_matching_actors() -> None:
    m = score([gold(TEXT, [ACCUSE])],
              [annotation(TEXT, [("ACCUSE", ["Freedonia"], ["Ruritania"], "asserted"),
                                 ("ACCUSE", ["Ruritania"], ["Freedonia"], "asserted")])])
    assert (m["source_match"], m["target_match"]) == (1.0, 1.0)


def test_modality_filtering() -> None:
    text = "Ruritania did not attack Freedonia; it will meet Freedonia in Geneva."
    g = gold(text, [gev("ASSAULT", ["Ruritania"], ["Freedonia"], "negated"),
                    gev("AGREE", ["Ruritania"], ["Freedonia"], "future")])
    p = annotation(text, [("ASSAULT", ["Ruritania"], ["Freedonia"], "negated"),
                          ("AGREE", ["Ruritania"], ["Freedonia"], "future"),
                          ("ACCUSE", ["Ruritania"], ["Freedonia"], "hypothetical")])
    default = score([g], [p])
    assert (default["gold_events"], default["predicted_events"], default["type_f1"]) == (1, 1, 1.0)
    assert default["future_recall"] == 1.0
    every = score([g], [p], modalities=("asserted", "future", "negated", "hypothetical"))
    assert (every["gold_events"], every["predicted_events"], every["matched_events"]) == (2, 3, 2)


def test_future_recall_and_modality_accuracy() -> None:
    text = "Ruritania will send aid to Freedonia."
    g = gold(text, [gev("AGREE", ["Ruritania"], ["Freedonia"], "future")])
    m = score([g], [annotation(text, [("AGREE", ["Ruritania"], ["Freedonia"], "asserted")])])
    assert (m["type_f1"], m["modality_accuracy"], m["future_recall"]) == (1.0, 0.0, 0.0)
    assert m["future_sentence_recall"] == 0.0
    assert score([gold(TEXT, [ACCUSE])], [annotation(TEXT, [])])["future_recall"] is None


@pytest.mark.parametrize(("gold_source", "predicted", "as_span", "as_name"), [
    ("Iranian Foreign Minister Mohammad Javad Zarif", "Mohammad Javad Zarif", True, True),
    ("the government", "government", True, True),
    ("Security Council", "the U.N. Security Council", True, True),
    ("Zarif", "Mohammad Javad Zarif", False, True),
    ("the rebels", "the government", False, False),
    ("Ruritanian troops", "Freedonia", False, False),
    ("North Korea", "South Korea", True, True),  # the 50% rule's known blind spot
    ("Freedonia", "Ruritania accused Freedonia of shelling border villages", False, True),
])
def test_actor_token_overlap(gold_source: str, predicted: str, as_span: bool,
                             as_name: bool) -> None:
    text = f"{predicted} criticised the plan."
    g = gold(text, [gev("ACCUSE", [gold_source], [])])
    event = {"type": "ACCUSE", "source": ["a1"], "target": [], "modality": "asserted",
             "quad_class": 3}
    span_only = {"text": text, "actors": [{"id": "a1"}],
                 "events": [{**event, "source_spans": [[0, len(predicted)]]}]}
    name_only = {"text": text, "actors": [{"id": "a1", "name": predicted}], "events": [event]}
    assert score([g], [span_only])["source_match"] == float(as_span)
    assert score([g], [name_only])["source_match"] == float(as_name)


def test_country_code_match() -> None:
    text = "Officials in Zenda criticised the plan."
    g = gold(text, [gev("ACCUSE", ["Ruritanian officials"], [], source_codes=["RUR"])])
    p = annotation(text, [("ACCUSE", ["Zenda"], [], "asserted")], countries={"Zenda": "RUR"})
    assert score([g], [p])["source_match"] == 1.0


def test_implicit_target_needs_an_empty_prediction() -> None:
    text = "Ruritania condemned the decision."
    g = gold(text, [gev("ACCUSE", ["Ruritania"], [], target_implicit=True)])
    empty = annotation(text, [("ACCUSE", ["Ruritania"], [], "asserted")])
    filled = annotation(text, [("ACCUSE", ["Ruritania"], ["decision"], "asserted")])
    assert score([g], [empty])["target_match"] == 1.0
    assert score([g], [filled])["target_match"] == 0.0


def test_reciprocal_gold_accepts_a_dyad() -> None:
    dyad = annotation(TEXT, [("CONSULT", ["Ruritania"], ["Freedonia"], "asserted")])
    both = annotation(TEXT, [("CONSULT", ["Ruritania", "Freedonia"], [], "asserted")])
    for p in (dyad, both):
        m = score([gold(TEXT, [CONSULT])], [p])
        assert (m["source_match"], m["target_match"]) == (1.0, 1.0)


def test_report_and_length_check() -> None:
    m = score([gold(TEXT, [ACCUSE])],
              [annotation(TEXT, [("ACCUSE", ["Ruritania"], ["Freedonia"], "asserted")])])
    text = report(m)
    assert "F1 1.000" in text and "ACCUSE" in text and "extra-event rate 0.000" in text
    with pytest.raises(ValueError):
        score([gold(TEXT, [ACCUSE])], [])


def as_annotation(record: dict[str, Any]) -> dict[str, Any]:
    """A gold record in annotation shape: actors named by the gold strings, YIELD as RETREAT."""
    events: list[Ev] = [("RETREAT" if e["type"] == "YIELD" else e["type"], e["source"],
                         e["target"], e.get("modality") or "asserted") for e in record["events"]]
    countries = {name: code for e in record["events"] for role in ("source", "target")
                 for name, code in zip(e[role], e.get(f"{role}_codes") or [], strict=False)
                 if code}
    return annotation(record["text"], events, countries)


@pytest.mark.parametrize("name", ["plv_train.jsonl", "plover_gsr.jsonl"])
def test_gold_scored_against_itself(shared_data: Path, name: str) -> None:
    with (shared_data / "events" / name).open(encoding="utf-8") as f:
        records = [json.loads(line) for _, line in zip(range(20), f, strict=False)]
    m = score(records, [as_annotation(r) for r in records])
    assert m["records"] == 20
    assert m["type_f1"] == 1.0 and m["type_macro_f1"] == 1.0
    assert m["source_match"] == 1.0 and m["target_match"] == 1.0
    assert m["quad_f1"] == 1.0 and m["extra_event_rate"] == 0.0


def test_joint_sources_match_a_gold_split_into_source_and_target() -> None:
    split = gev("CONSULT", ["Ruritania"], ["Freedonia"])
    joint = annotation(TEXT, [("CONSULT", ["Ruritania", "Freedonia"], [], "asserted")])
    m = score([gold(TEXT, [split])], [joint])
    assert (m["source_match"], m["target_match"]) == (1.0, 1.0)
    alone = annotation(TEXT, [("CONSULT", ["Ruritania"], [], "asserted")])
    m = score([gold(TEXT, [split])], [alone])
    assert (m["source_match"], m["target_match"]) == (1.0, 0.0)


def test_reliability_bins_confidence() -> None:
    coded = annotation(TEXT, [("ACCUSE", ["Ruritania"], ["Freedonia"], "asserted"),
                              ("THREATEN", ["Ruritania"], [], "asserted")])
    coded["events"][0]["confidence"] = 0.85
    coded["events"][1]["confidence"] = 0.55
    m = score([gold(TEXT, [ACCUSE])], [coded])
    bins = {b["bin"]: (b["events"], b["precision"]) for b in m["reliability"]}
    assert bins["0.8-0.9"] == (1, 1.0) and bins["0.5-0.6"] == (1, 0.0)
    assert m["precision_at_0.8"] == 1.0
    assert "reliability" in report(m)
