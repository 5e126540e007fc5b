"""Event coding on invented sentences: type, actors' countries, modality; negatives included."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from dyadwatch.records import Article

PUBLISHED = dt.date(2024, 3, 14)


def code(annotator: Any, text: str) -> list[dict[str, Any]]:
    out = annotator.annotate(Article(id="t", text=text, published=PUBLISHED)).to_dict()
    actors = {a["id"]: a for a in out["actors"]}
    return [
        {
            "type": e["type"],
            "source": sorted(actors[i]["country"] or actors[i]["code"] or "?" for i in e["source"]),
            "target": sorted(actors[i]["country"] or actors[i]["code"] or "?" for i in e["target"]),
            "modality": e["modality"],
            "trigger": text[e["trigger"][0]:e["trigger"][1]],
            "mode": e["mode"],
            "date": e["date"],
        }
        for e in out["events"]
    ]


CASES = [
    # text, type, source countries, target countries, modality
    ("Russian President Vladimir Putin met Chinese President Xi Jinping in Beijing on Tuesday.",
     "CONSULT", ["RUS"], ["CHN"], "asserted"),
    ("The United States imposed new sanctions on Iran over its nuclear programme.",
     "SANCTION", ["USA"], ["IRN"], "asserted"),
    ("North Korea was condemned by the United Nations Security Council.",
     "ACCUSE", ["UNO"], ["PRK"], "asserted"),
    ("Turkey threatened to attack Kurdish militants in Syria.",
     "THREATEN", ["TUR"], [], "asserted"),
    ("France urged Russia to withdraw its troops from Ukraine.",
     "REQUEST", ["FRA"], ["RUS"], "asserted"),
    ("Japan will send humanitarian aid to Ukraine next month.",
     "AGREE", ["JPN"], ["UKR"], "future"),
    ("Israel did not attack Lebanon on Sunday.",
     "ASSAULT", ["ISR"], ["LBN"], "negated"),
    ("Iran could attack Israel if the negotiations fail.",
     "ASSAULT", ["IRN"], ["ISR"], "hypothetical"),
    ("Unnamed officials said that China had supplied weapons to Russia.",
     "AID", ["CHN"], ["RUS"], "reported"),
    ("India and Pakistan held talks in Islamabad on Monday.",
     "CONSULT", ["IND", "PAK"], [], "asserted"),
    ("Senior Hungarian and Romanian officials agreed on the plan on Wednesday.",
     "AGREE", ["HUN", "ROU"], [], "asserted"),
    ("Egypt established diplomatic relations with Israel.",
     "SUPPORT", ["EGY"], ["ISR"], "asserted"),
    ("Syria said it would not accept more refugees from Iraq.",
     "REJECT", ["SYR"], [], "asserted"),
    ("Thousands of students demonstrated in Jakarta against the government.",
     "PROTEST", [], [], "asserted"),
    ("Germany agreed to send tanks to Ukraine.",
     "AGREE", ["DEU"], ["UKR"], "future"),
    ("The Iraqi government said it was prepared to impose martial law.",
     "THREATEN", ["IRQ"], [], "asserted"),
    ("Nigeria announced that it will withdraw its troops from Chad unless a ceasefire holds.",
     "THREATEN", ["NGA"], [], "asserted"),
    ("Hungarian farmers blocked the main highway to Budapest on Monday.",
     "PROTEST", [], [], "asserted"),
]


@pytest.mark.parametrize(("text", "etype", "source", "target", "modality"), CASES)
def test_event_is_coded(
    annotator: Any, text: str, etype: str, source: list[str], target: list[str], modality: str
) -> None:
    events = code(annotator, text)
    matching = [
        e for e in events
        if e["type"] == etype and set(source) <= set(e["source"]) | set(e["target"])
        and set(target) <= set(e["target"]) | set(e["source"])
    ]
    assert matching, f"no {etype} {source}->{target} in {events}"
    assert matching[0]["modality"] == modality, matching[0]


def test_embedded_action_is_folded_into_the_threat(annotator: Any) -> None:
    events = code(annotator, "Turkey threatened to attack Kurdish militants in Syria.")
    assert [e["type"] for e in events] == ["THREATEN"]
    assert events[0]["mode"] == "violence"


def test_request_takes_the_object_as_target_and_absorbs_the_demand(annotator: Any) -> None:
    events = code(annotator, "France urged Russia to withdraw its troops from Ukraine.")
    assert [e["type"] for e in events] == ["REQUEST"]


@pytest.mark.parametrize(
    "text",
    [
        "The weather in Paris was mild on Tuesday.",
        "Analysts discussed the history of the region at length.",
        "Shares of Apple rose 3 percent in early trading.",
    ],
)
def test_no_event_without_an_actor_acting(annotator: Any, text: str) -> None:
    assert code(annotator, text) == []


def test_question_is_hypothetical(annotator: Any) -> None:
    events = code(annotator, "Will China invade Taiwan?")
    assert events and all(e["modality"] != "asserted" for e in events)


def test_event_date_from_its_own_time_expression(annotator: Any) -> None:
    events = code(annotator, "Putin visited Beijing on May 16, 2023, and met Xi Jinping.")
    visit = next(e for e in events if e["trigger"] == "visited")
    assert visit["date"] == "2023-05-16"


def test_event_without_time_expression_takes_the_publication_date(annotator: Any) -> None:
    events = code(annotator, "Germany condemned the attack on the embassy.")
    assert events and events[0]["date"] == PUBLISHED.isoformat()


def test_purpose_clause_is_part_of_the_act_it_serves(annotator: Any) -> None:
    events = code(annotator, "Japan sent troops to Iraq to help the reconstruction.")
    assert [e["trigger"] for e in events] == ["sent"]


def test_nominal_object_of_a_verb_is_not_a_second_event(annotator: Any) -> None:
    events = code(annotator, "The United Nations condemned the bombing of the hospital.")
    assert [e["type"] for e in events] == ["ACCUSE"]


def test_a_scathing_attack_is_an_accusation(annotator: Any) -> None:
    events = code(annotator, "Boris Johnson launched a scathing attack on the European Union.")
    assert [e["type"] for e in events] == ["ACCUSE"]


def test_an_announced_sanction_is_a_threat(annotator: Any) -> None:
    events = code(annotator, "The European Union said it would impose sanctions on Belarus.")
    assert [(e["type"], e["modality"]) for e in events] == [("THREATEN", "asserted")]


def test_the_two_leaders_refers_to_the_last_pair(annotator: Any) -> None:
    events = code(
        annotator,
        "Vladimir Putin met Xi Jinping in Beijing on Tuesday. "
        "The two leaders signed a trade agreement.",
    )
    signed = next(e for e in events if e["trigger"] == "signed")
    assert signed["source"] == ["CHN", "RUS"]


@pytest.mark.parametrize(
    ("value", "date"),
    [("2023-09-13", "2023-09-13"), ("2023-09-13T10:00", "2023-09-13"), ("2013-W11-WE", "2013-W11"),
     ("2012-Q3", "2012"), ("2019-04", "2019-04"), ("XXXX-04-25", None), ("PAST_REF", None),
     ("P4Y", None)],
)
def test_event_dates_keep_the_certain_calendar_part(value: str, date: str | None) -> None:
    from dyadwatch.extract.event_context import calendar_value

    assert calendar_value(value) == date


def test_a_demand_that_someone_must_act_is_a_request(annotator: Any) -> None:
    events = code(annotator, "Russia said on Tuesday that Sudan must return the helicopter.")
    assert [(e["type"], e["source"], e["target"]) for e in events] == [
        ("REQUEST", ["RUS"], ["SDN"])
    ]


def test_would_in_a_direct_quote_is_a_conditional(annotator: Any) -> None:
    text = "“Any arms transfer from Iran to Russia would violate the embargo,” Blinken said."
    events = [e for e in code(annotator, text) if e["trigger"] == "transfer"]
    assert events and events[0]["modality"] == "hypothetical"


def test_would_in_reported_speech_is_future(annotator: Any) -> None:
    events = code(annotator, "Syria said it would allow United Nations inspectors to visit.")
    assert events and all(e["modality"] != "hypothetical" for e in events)


def test_asking_whether_is_not_a_request(annotator: Any) -> None:
    events = code(annotator, "Reporters asked whether Russia would help North Korea.")
    assert all(e["type"] != "REQUEST" for e in events)


def test_a_number_of_things_is_not_a_pair_of_actors(annotator: Any) -> None:
    events = code(
        annotator,
        "Putin met Kim on Monday. North Korea fired two missiles into the sea on Tuesday.",
    )
    fired = next(e for e in events if e["trigger"] == "fired")
    assert fired["target"] == []


@pytest.mark.parametrize(
    ("text", "etype", "modality"),
    [
        # "would" with a date ahead and no condition is a plan; with a condition, a hypothesis
        ("Japan would hold talks with China next month.", "AGREE", "future"),
        ("Japan would hold talks with China if Beijing agreed.", "CONSULT", "hypothetical"),
        ("Iran will join forces with Russia.", "AGREE", "future"),
        ("The minister will lead a delegation on a visit to China next week.", "AGREE",
         "future"),
        # PLOVER: an announced retreat is a CONCEDE, still ahead
        ("The rebels said they will release Colonel Pedro Ruiz.", "CONCEDE", "future"),
        # an announced boycott is a threat, and it was made
        ("The opposition said they will boycott the election.", "THREATEN", "asserted"),
        # a promise of, or an agreement to, an act: the act lies ahead
        ("Germany promised military aid to Ukraine.", "AGREE", "future"),
        ("Russia agreed to a ceasefire in Aleppo.", "AGREE", "future"),
        ("Kenya reiterated its commitment to cooperate with Somalia.", "AGREE", "future"),
        # the agreement reached is the act itself
        ("Jordan and Britain agreed on a trade pact.", "AGREE", "asserted"),
    ],
)
def test_planned_acts(annotator: Any, text: str, etype: str, modality: str) -> None:
    events = code(annotator, text)
    assert [(e["type"], e["modality"]) for e in events] == [(etype, modality)], events
    assert events[0]["source"]
