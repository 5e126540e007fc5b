"""Acceptance of issue 2 on the sample article and its hand gold (tests/data/putin-kim-*)."""

from __future__ import annotations

import datetime as dt
import json
import math
from importlib import resources
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from dyadwatch.records import Article

TEST_DATA = Path(__file__).parent / "data"

PUBLISHED = dt.date(2023, 9, 13)


@pytest.fixture(scope="module")
def gold() -> dict[str, Any]:
    return json.loads((TEST_DATA / "putin-kim-vostochny.gold.json").read_text("utf-8"))


@pytest.fixture(scope="module")
def output() -> dict[str, Any]:
    from dyadwatch.annotate import Annotator

    text = (TEST_DATA / "putin-kim-vostochny.txt").read_text("utf-8")
    article = Article(id="sample", text=text, published=PUBLISHED)
    return Annotator.load().annotate(article).to_dict()


def _actors(output: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {a["id"]: a for a in output["actors"]}


def _countries(output: dict[str, Any], ids: list[str]) -> set[str]:
    actors = _actors(output)
    return {actors[i]["country"] for i in ids if actors[i]["country"]}


def _gold_countries(side: list[dict[str, Any]]) -> set[str]:
    return {a["country"] for a in side if a.get("country")}


def _matches(event: dict[str, Any], want: dict[str, Any], output: dict[str, Any]) -> bool:
    start, end = event["sentence"]
    if not start <= want["trigger"][0] < end:
        return False
    if event["type"] not in {want["type"], *want["alternatives"]}:
        return False
    if event["modality"] not in {want["modality"], *want["also_modalities"]}:
        return False
    source, target = _countries(output, event["source"]), _countries(output, event["target"])
    want_source, want_target = _gold_countries(want["source"]), _gold_countries(want["target"])
    direct = want_source <= source and want_target <= target
    swapped = want["symmetric"] and want_source <= target and want_target <= source
    together = want["symmetric"] and want_source | want_target <= source | target
    return direct or swapped or together


def test_every_required_event_is_found(gold: dict[str, Any], output: dict[str, Any]) -> None:
    missing = [
        f"{want['type']} {want['trigger_text']!r}"
        for want in gold["events"]
        if want["required"] and not any(_matches(e, want, output) for e in output["events"])
    ]
    assert not missing, f"required events not found: {missing}"


def test_nothing_asserted_from_no_plans_to_sign(output: dict[str, Any]) -> None:
    text = output["text"]
    start = text.index("no plans to sign")
    end = start + len("no plans to sign official documents")
    coded = [e for e in output["events"] if start <= e["trigger"][0] < end]
    assert coded, "the negated agreement should still be coded, as negated"
    assert all(e["modality"] != "asserted" for e in coded)


def _event_at(output: dict[str, Any], word: str, occurrence: str) -> dict[str, Any]:
    text = output["text"]
    at = text.index(occurrence) + occurrence.index(word)
    found = [e for e in output["events"] if e["trigger"][0] == at]
    assert found, f"no event triggered by {word!r} in {occurrence!r}"
    return found[0]


def test_event_dates(output: dict[str, Any]) -> None:
    summit = _event_at(output, "summit", "held his first summit")
    assert (summit["date"], summit["date_from"]) == ("2019-04-25", "timex")
    launch = _event_at(output, "fired", "North Korea fired two")
    assert launch["date"] == "2023-09-13"


def test_quotes_with_speakers(gold: dict[str, Any], output: dict[str, Any]) -> None:
    actors = _actors(output)
    required = [q for q in gold["quotes"] if q["required"]]
    found = []
    for want in required:
        for quote in output["quotes"]:
            overlap = min(quote["end"], want["end"]) - max(quote["start"], want["start"])
            if overlap <= 0.5 * (want["end"] - want["start"]):
                continue
            actor = actors.get(quote["speaker_actor"] or "")
            by_name = actor is not None and actor["name"] == want["speaker_name"]
            by_span = (
                want["speaker"] is not None and quote["speaker"] is not None
                and quote["speaker"][0] < want["speaker"][1]
                and want["speaker"][0] < quote["speaker"][1]
                and want["speaker_country"] is None
            )
            if by_name or by_span:
                found.append(want["text"][:30])
                break
    assert len(found) >= 9, f"only {len(found)} of {len(required)} quotes right: {found}"


def test_he_after_kirbys_quote_is_kirby(output: dict[str, Any]) -> None:
    actors = _actors(output)
    text = output["text"]
    he = text.index("” he added") + 2
    quote = next(q for q in output["quotes"] if q["speaker"] and q["speaker"][0] == he)
    assert actors[quote["speaker_actor"]]["name"] == "John Kirby"


def test_time_expressions(gold: dict[str, Any], output: dict[str, Any]) -> None:
    got = {(t["start"], t["end"]): t["value"] for t in output["timexes"]}
    for want in gold["timexes"]:
        assert got.get((want["start"], want["end"])) == want["value"], want


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371.0 * 2 * math.asin(math.sqrt(a))


@pytest.mark.parametrize(
    ("name", "limit_km"),
    [("Pyongyang", 161), ("Moscow", 161), ("Vladivostok", 161), ("Hangzhou", 161),
     ("Vostochny Cosmodrome", 50)],
)
def test_places(gold: dict[str, Any], output: dict[str, Any], name: str, limit_km: float) -> None:
    wanted = [p for p in gold["places"] if p["name"] == name]
    for want in wanted:
        got = [p for p in output["places"] if p["start"] < want["end"] and want["start"] < p["end"]]
        assert got, f"{name} at {want['start']} not found"
        assert got[0]["lat"] is not None
        assert _km(got[0]["lat"], got[0]["lon"], want["lat"], want["lon"]) <= limit_km


def test_every_offset_slices_its_text(output: dict[str, Any]) -> None:
    text = output["text"]
    for kind in ("mentions", "timexes", "places", "quotes"):
        for record in output[kind]:
            assert text[record["start"]:record["end"]] == record["text"], (kind, record)
    actor_ids = set(_actors(output))
    for event in output["events"]:
        assert 0 <= event["sentence"][0] <= event["trigger"][0] < event["trigger"][1]
        assert event["trigger"][1] <= event["sentence"][1] <= len(text)
        assert set(event["source"]) | set(event["target"]) <= actor_ids
        for start, end in event["source_spans"] + event["target_spans"]:
            assert 0 <= start < end <= len(text)


def test_output_validates_against_the_schema(output: dict[str, Any]) -> None:
    schema = json.loads(
        resources.files("dyadwatch.data.schema").joinpath("annotation.schema.json").read_text()
    )
    jsonschema.validate(output, schema)
