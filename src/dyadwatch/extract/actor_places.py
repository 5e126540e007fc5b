"""Countries for actors the knowledge base could not place, from the places named in them.

The actor stage knows states, not every town and province: "Donbas residents", "students in
Bordeaux" and a region acting on its own ("Kashmir rejected") come out of it without a country.
The place stage resolves those names against the gazetteer, with the article's context; an
actor whose mentions hold resolved places of one country takes that country.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from dyadwatch.records import ActorIndex, Place


def place_actors(actors: ActorIndex, places: Sequence[Place]) -> None:
    """Give each actor without a country the one country of the places inside its mentions."""
    placed = [p for p in places if p.country and not p.metonym]
    for n, actor in enumerate(actors.actors):
        if actor.country is not None or actor.kind == "state":
            continue
        countries = {
            place.country
            for mention in actors.mentions if mention.actor == actor.id
            for place in placed if mention.start <= place.start and place.end <= mention.end
        }
        if len(countries) == 1:
            country = str(countries.pop())
            code = actor.code or country + (actor.sector or "")
            actors.actors[n] = replace(actor, country=country, code=code)
