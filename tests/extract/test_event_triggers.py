"""Which words trigger which event, and which mentions are background, not events."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from dyadwatch.records import Article

PUBLISHED = dt.date(2024, 3, 14)


def coded(annotator: Any, text: str) -> list[tuple[str, str | None, str, str]]:
    """(type, mode, trigger, modality) of each event."""
    out = annotator.annotate(Article(id="t", text=text, published=PUBLISHED)).to_dict()
    return [(e["type"], e["mode"], text[e["trigger"][0]:e["trigger"][1]], e["modality"])
            for e in out["events"]]


TRIGGERS = [
    # text, type, mode, trigger
    ("The United Nations called for a ceasefire in Gaza.", "REQUEST", None, "called"),
    ("Teachers in Chile went on strike on Monday.", "PROTEST", "strike", "strike"),
    ("Bolivia declared a state of siege in Santa Cruz.", "COERCE", "martial-law", "state"),
    ("France withdrew its observers from Mali.", "SANCTION", "withdraw", "withdrew"),
    ("Italy returned the stolen statues to Peru.", "RETREAT", None, "returned"),
    ("Mexico reduced tariffs on Chinese steel.", "CONCEDE", None, "reduced"),
    ("The air force carried out strikes against rebel positions in Idlib.", "ASSAULT", None,
     "strikes"),
    ("The Kremlin opened talks with Kyiv.", "CONSULT", None, "talks"),
    ("Kenya sent peacekeepers to Haiti.", "AID", None, "sent"),
    ("Police in Lagos were pressuring the striking workers to return to work.", "REQUEST",
     None, "pressuring"),
    # people protesting demonstrate; a state or an organisation protesting disapproves
    ("Thousands of students protested in Santiago on Sunday.", "PROTEST", "demo", "protested"),
    ("Farmers protested outside parliament against the new tax.", "PROTEST", "demo",
     "protested"),
    ("Russia protested the expulsion of its diplomats.", "ACCUSE", "disapprove", "protested"),
    ("A human rights group protested the arrests.", "ACCUSE", "disapprove", "protested"),
]


@pytest.mark.parametrize(("text", "etype", "mode", "trigger"), TRIGGERS)
def test_trigger_codes_its_event(
    annotator: Any, text: str, etype: str, mode: str | None, trigger: str
) -> None:
    assert [e[:3] for e in coded(annotator, text)] == [(etype, mode, trigger)]


def test_a_verb_and_its_own_object_are_one_event(annotator: Any) -> None:
    assert [e[0] for e in coded(annotator, "Japan provided humanitarian assistance to Nepal.")] \
        == ["AID"]


def test_peacekeepers_are_military_assistance(annotator: Any) -> None:
    out = annotator.annotate(Article(id="t", text="Kenya sent peacekeepers to Haiti.",
                                     published=PUBLISHED)).to_dict()
    assert "peacekeeping" in out["events"][0]["contexts"]


def test_an_announced_boycott_is_a_threat(annotator: Any) -> None:
    events = coded(annotator, "The opposition said it would boycott the elections.")
    assert [(e[0], e[3]) for e in events] == [("THREATEN", "asserted")]


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        # a consequence told by a participle is part of the act
        ("Egyptian police opened fire on the demonstrators, killing two people.", ["fire"]),
        # a background clause ("after ...") and a relative clause are not coded
        ("NATO strengthened its forces in Poland after Russia seized Crimea.", ["strengthened"]),
        ("Sweden condemned the attack, which killed two Turkish soldiers.", ["condemned"]),
        # the content of a request is not a second event
        ("Ghana rejected a request from Togo to extradite the suspects.", ["rejected"]),
        # a coordinated clause with its own subject is an event of its own
        ("Turkey criticized Greece on Monday, and the Greek government accused Ankara of "
         "provocations.", ["criticized", "accused"]),
    ],
)
def test_only_main_events_are_coded(annotator: Any, text: str, kept: list[str]) -> None:
    assert [e[2] for e in coded(annotator, text)] == kept


@pytest.mark.parametrize(
    ("text", "forbidden"),
    [
        ("Russian pilots flew fighter jets over the Baltic.", "CONSULT"),  # flying is no visit
        ("Xi Jinping called Vladimir Putin on Monday.", "REQUEST"),  # "called X on" != "call on"
        # a past event named as the thing remembered is not an event of the day
        ("Thousands marked the anniversary of the Tiananmen protests in Hong Kong.", "PROTEST"),
        ("Veterans gathered in memory of the 1994 massacre.", "ASSAULT"),
    ],
)
def test_not_this_event(annotator: Any, text: str, forbidden: str) -> None:
    assert all(e[0] != forbidden for e in coded(annotator, text))


def test_a_remembered_protest_still_lets_the_day_s_protest_count(annotator: Any) -> None:
    events = coded(annotator, "Students demonstrated in Hong Kong on the anniversary of the "
                              "crackdown.")
    assert [e[:3] for e in events] == [("PROTEST", "demo", "demonstrated")]


@pytest.mark.parametrize(
    "text",
    [
        # who flees, covers or survives an event is no party to it
        "Residents of Donetsk fled the fighting.",
        "Journalists covered the protests in Minsk.",
        "Thousands of civilians escaped the bombing of Aleppo.",
    ],
)
def test_bystanders_are_not_parties(annotator: Any, text: str) -> None:
    assert coded(annotator, text) == []


def test_the_party_named_in_the_event_still_acts(annotator: Any) -> None:
    events = coded(annotator, "Refugees fled the Syrian army's offensive in Idlib.")
    assert [e[0] for e in events] == ["ASSAULT"]
