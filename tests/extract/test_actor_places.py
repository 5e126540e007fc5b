"""Actors the knowledge base cannot place take the country of the places named in them."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from dyadwatch.extract.actor_places import place_actors
from dyadwatch.records import Actor, ActorIndex, Article, Mention, Place


def actor_named(annotator: Any, text: str, name: str) -> dict[str, Any]:
    out = annotator.annotate(Article(id="t", text=text, published=dt.date(2024, 5, 2))).to_dict()
    return next(a for a in out["actors"] if a["name"] == name)


@pytest.mark.parametrize(
    ("text", "name", "code"),
    [
        ("Donbas residents protested against the shelling.", "Donbas residents", "UKRCVL"),
        ("Police in Kharkiv arrested two men.", "Police in Kharkiv", "UKRCOP"),
        ("Officials in Atlanta, Georgia, said the storm had passed.",
         "Officials in Atlanta, Georgia", "USAGOV"),
    ],
)
def test_a_group_takes_the_country_of_its_place(
    annotator: Any, text: str, name: str, code: str
) -> None:
    assert actor_named(annotator, text, name)["code"] == code


def place(start: int, end: int, country: str | None, *, metonym: bool = False) -> Place:
    return Place(start, end, "x", "x", country, None, None, "city", metonym)


def index() -> ActorIndex:
    actor = Actor("a1", "residents", "group", None, "CVL", None)
    return ActorIndex([actor], [Mention(0, 20, "x" * 20, "a1", "role")])


@pytest.mark.parametrize(
    ("places", "code"),
    [
        ([place(0, 6, "UKR")], "UKRCVL"),
        ([place(0, 6, "UKR"), place(10, 16, "UKR")], "UKRCVL"),
        ([place(0, 6, "UKR"), place(10, 16, "RUS")], None),  # two countries: undecided
        ([place(0, 6, "UKR", metonym=True)], None),  # a place standing for an actor
        ([place(15, 30, "UKR")], None),  # outside the mention
        ([place(0, 6, None)], None),
    ],
)
def test_only_one_country_inside_the_mention_decides(places: list[Place], code: str | None) -> None:
    actors = index()
    place_actors(actors, places)
    assert actors.actors[0].code == code


def test_actors_with_a_country_keep_it() -> None:
    actors = ActorIndex([Actor("a1", "Russian troops", "group", "RUS", "MIL", "RUSMIL")],
                        [Mention(0, 14, "Russian troops", "a1", "role")])
    place_actors(actors, [place(0, 7, "UKR")])
    assert actors.actors[0].code == "RUSMIL"
