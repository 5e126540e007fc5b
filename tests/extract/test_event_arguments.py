"""Recipients of coded events: objects, complements, embedded acts, places; negatives included."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from dyadwatch.records import Article

PUBLISHED = dt.date(2024, 3, 14)


def code(annotator: Any, text: str) -> list[dict[str, Any]]:
    out = annotator.annotate(Article(id="t", text=text, published=PUBLISHED)).to_dict()
    actors = {a["id"]: a for a in out["actors"]}

    def countries(ids: list[str]) -> list[str]:
        return sorted(actors[i]["country"] or actors[i]["code"] or actors[i]["name"] for i in ids)

    return [
        {"type": e["type"], "source": countries(e["source"]), "target": countries(e["target"]),
         "trigger": text[e["trigger"][0]:e["trigger"][1]], "mode": e["mode"],
         "contexts": e["contexts"], "modality": e["modality"]}
        for e in out["events"]
    ]


RECIPIENTS = [
    # text, type, source, target: how the recipient is found
    # the embedded act's preposition
    ("Japan refused to meet with the Chinese delegation.", "REJECT", ["JPN"], ["CHN"]),
    ("Canada agreed to lend 200 million dollars to Ukraine.", "AGREE", ["CAN"], ["UKR"]),
    ("Moldova refused to send soldiers to Ukraine.", "REJECT", ["MDA"], ["UKR"]),
    # the object's complement
    ("Brazil suspended military aid to Bolivia.", "SANCTION", ["BRA"], ["BOL"]),
    # a non-actor object leads to the actor it is about
    ("Sweden rejected an offer made by the Taliban.", "REJECT", ["SWE"], ["AFG"]),
    ("Poland lifted the ban on Ukrainian grain.", "CONCEDE", ["POL"], ["UKR"]),
    ("Egypt arrested a Turkish journalist.", "COERCE", ["EGY"], ["TUR"]),
    ("Hamas filed a complaint against visiting Israeli officials.", "ACCUSE", ["PSE"], ["ISR"]),
    # the subject of a demanded clause
    ("The protesters demanded that the government release the prisoners.", "REQUEST",
     ["protester"], ["government"]),
    # own troops are no recipient; the place they leave or face is
    ("Russia withdrew its troops from Moldova.", "RETREAT", ["RUS"], ["MDA"]),
    ("India mobilized troops for an offensive against Pakistan.", "MOBILIZE", ["IND"], ["PAK"]),
    # the place a measure applies to
    ("Israel imposed a curfew in Hebron.", "COERCE", ["ISR"], ["Hebron"]),
    ("India imposed a curfew in parts of Kashmir.", "COERCE", ["IND"], ["Kashmir"]),
    ("Turkey refused to deploy soldiers in Libya.", "REJECT", ["TUR"], ["LBY"]),
    # a complement of the object or of the nominal trigger
    ("Italy announced a suspension of air links with Serbia.", "SANCTION", ["ITA"], ["SRB"]),
    ("The European Union repeated its demand that Israel lift the blockade.", "REQUEST", ["EU"],
     ["ISR"]),
    # a threat is addressed to whoever must meet its condition
    ("Russia threatened to halt the talks if the United States deploys new missiles.",
     "THREATEN", ["RUS"], ["USA"]),
    # a meeting abroad: the place is the host
    ("Nigerian President Buhari attended a summit in France.", "CONSULT", ["NGA"], ["FRA"]),
    # the host is the source of a hosted visit (CAMEO 043)
    ("Macron hosted the Japanese prime minister.", "CONSULT", ["FRA"], ["JPN"]),
    # the subject of "faces criticism" undergoes the act
    ("Iran faces criticism from the United Nations.", "ACCUSE", ["UNO"], ["IRN"]),
    # a place reached through the object's modifier, or a goal hung on its relative clause
    ("The rebels declared a ceasefire effective from Sunday in Darfur.", "RETREAT", ["rebel"],
     ["Darfur"]),
    ("Italy returned a statue that was stolen in 1990 to Greece.", "RETREAT", ["ITA"], ["GRC"]),
    ("Kenya reduced tariffs on Ugandan exports.", "CONCEDE", ["KEN"], ["UGA"]),
    # unnamed victims: the place of the attack is coded beside them
    ("Gunmen killed 12 people in two attacks in Nigeria.", "ASSAULT", ["gunman"],
     ["NGA", "people"]),
    # a refusal until a condition is met, a threat: addressed to who must act, or the victim
    ("The workers will not end the strike until the company raises wages.", "REJECT",
     ["worker"], ["company"]),
    # (Haifa, unknown to the actor stage, takes its country from the place stage)
    ("Hezbollah threatened to shell Haifa if Israel attacks Beirut.", "THREATEN", ["LBN"],
     ["ISR"]),
    # two named bodies of one country are two actors
    # (a body named after a place the actor stage does not know takes the place's country:
    # see test_the_recipient_body_is_named for its name)
    ("The Ohio Department of Health gave a grant to the Dayton Housing Authority.", "AID",
     ["USA"], ["USA"]),
    ("The army cracked down on protesters in Kashmir.", "COERCE", ["army"],
     ["protesters in Kashmir"]),
    # last resort: the party named nearest after the trigger in its clause
    ("The governor imposed a curfew after clashes between farmers and the Fulani herders.",
     "COERCE", ["governor"], ["farmer"]),
]


def test_the_recipient_body_is_named(annotator: Any) -> None:
    text = "The Ohio Department of Health gave a grant to the Dayton Housing Authority."
    out = annotator.annotate(Article(id="t", text=text, published=PUBLISHED)).to_dict()
    names = {a["id"]: a["name"] for a in out["actors"]}
    assert [names[i] for i in out["events"][0]["target"]] == ["Dayton Housing Authority"]


@pytest.mark.parametrize(("text", "etype", "source", "target"), RECIPIENTS)
def test_recipient_is_found(
    annotator: Any, text: str, etype: str, source: list[str], target: list[str]
) -> None:
    events = code(annotator, text)
    assert [(e["type"], e["source"], e["target"]) for e in events] == [(etype, source, target)]


@pytest.mark.parametrize(
    "text",
    [
        "Chad and Sudan agreed to exchange prisoners.",  # joint actors: no recipient
        "India and China held talks in New Delhi on Monday.",  # a venue at home
        # whoever reports the act is no party to it
        "Rebels attacked the village, according to the Syrian army.",
        "Rebels attacked the village, the Syrian army said.",
    ],
)
def test_no_recipient(annotator: Any, text: str) -> None:
    events = code(annotator, text)
    assert events and all(e["target"] == [] for e in events), events


def test_topic_of_talks_is_not_the_partner(annotator: Any) -> None:
    events = code(annotator, "Erdogan discussed Libya with Donald Trump in a phone call.")
    discussed = next(e for e in events if e["trigger"] == "discussed")
    assert discussed["target"] == ["USA"]
