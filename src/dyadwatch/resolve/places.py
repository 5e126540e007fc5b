"""Choose each toponym's reading from its gazetteer candidates and the article's focus.

A candidate's score is a prior (its kind, or its population on a log10 scale), a bonus for
countries, states, sites, continents and national capitals, and bonuses from the article's
focus: the countries and US states that its other toponyms, its actors and the caller's context
point to, and nearness to the other places it names. Local news rarely names its own state
("Palestine" in an East Texas paper is the Texas town), so a state that the other toponyms
point to outweighs the country prior of a homonym that nothing else in the article supports.
A toponym does not vote for its own reading: every mention of the same name is left out when
its candidates are scored.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from dyadwatch.resolve.gazetteer import Gazetteer, GazetteerEntry, normalize

# Priors on a log10(population) scale, set by hand on the first 100 LGL articles; region 5 -> 6
# (provinces over homonym towns: "Ontario") moved full-LGL acc@161 from 0.526 to 0.530.
PRIOR = {"site": 9.0, "country": 8.0, "continent": 8.0, "state": 7.0, "region": 6.0, "county": 4.5}
# A national capital ranks between a country and a state: "Washington" is the city unless the
# article is about Washington state (LGL: 22 of 23 unqualified "Washington" are the capital).
CAPITAL_PRIOR = 7.5
TOP_KINDS = frozenset({"site", "country", "continent", "state"})
# Added to countries, states, sites, continents and capitals, so that a town needs support
# from the article to outrank one ("Egypt" is never a town in Arizona).
TOP_BONUS = 3.0
METONYM_CITY = 500_000  # a city this big, used as a metonym, ranks as a capital ("Moscow said")
PRIMARY_NAME_BONUS = 1.0  # own name, not an alternate ("Augusta" is not Augsburg)
# Focus bonuses, set by hand on LGL articles 0-199 with articles 200-587 held out
# (`benchmarks/places_lgl.py --limit 200`, then `--offset 200`: held-out acc@161 0.535 -> 0.737):
# the entry's country or US state is supported by the rest of the article, a flat part for any
# support plus a part growing with its share of all support.
COUNTRY_BONUS, COUNTRY_SHARE_BONUS = 1.5, 1.5
STATE_BONUS, STATE_SHARE_BONUS = 1.5, 3.0
NEAR_KM, NEAR_BONUS = 100.0, 1.0  # within this distance of another place the article names
# Co-location: a reading with readings of other names of the article nearby ("Athens" with
# "Clarke County" is Athens, Georgia). Each other name counts min(1, CROWD / its readings), so
# that "Madison", a town in most states, supports little; the bonus is capped at COLOCATED_MAX.
# A name counts fully, however many its readings, when its readings and the toponym's meet in at
# most CROWD places ("Paris" and "Henry County" only in Tennessee): on LGL's even-numbered
# articles acc@161 0.822 -> 0.830, on the odd ones (held out) 0.798 -> 0.800.
COLOCATED_BONUS, COLOCATED_MAX, CROWD = 1.0, 2.0, 3
# A name whose most populous reading is this many times larger than the next votes for it,
# with half the weight of an unambiguous name.
DOMINANT_RATIO = 10
VOTE, DOMINANT_VOTE = 2, 1
HOME_STATE_VOTES = 2 * VOTE  # two unambiguous places in one state make it the home state
LOCAL_KINDS = frozenset({"city", "county"})
# The source's home ("onlineathens.com"): its reading votes as HOME_WEIGHT mentions, and local
# readings within HOME_KM of it gain HOME_BONUS, so that a local paper's "Dublin" is the suburb
# of its Columbus. Set on LGL articles 0-199 (200-587 held out), see `benchmarks/places_lgl.py`.
HOME_WEIGHT = 2
HOME_KM, HOME_BONUS = 150.0, 2.0
HOME_COUNTRY_BONUS = 3.0


@dataclass
class Toponym:
    """A place name in the text with its candidate readings and, once resolved, its reading."""

    start: int
    end: int
    key: str
    candidates: list[GazetteerEntry]
    qualifier: GazetteerEntry | None = None
    metonym: bool = False
    demonym: bool = False
    chosen: GazetteerEntry | None = None
    home: bool = False  # a place the source is named for, not a name in the text


@dataclass
class Focus:
    """Votes for countries and US states, by the name that cast them."""

    countries: Counter[str] = field(default_factory=Counter)
    states: Counter[str] = field(default_factory=Counter)
    by_key: dict[str, tuple[Counter[str], Counter[str]]] = field(default_factory=dict)
    points: list[tuple[str, float, float]] = field(default_factory=list)
    home: list[tuple[float, float]] = field(default_factory=list)
    home_country: str | None = None
    grid: Grid = field(default_factory=lambda: Grid([]))

    def without(self, key: str) -> tuple[Counter[str], Counter[str]]:
        """Country and state votes with those of the name `key` taken out."""
        own = self.by_key.get(key)
        if own is None:
            return self.countries, self.states
        return self.countries - own[0], self.states - own[1]

    def home_state(self) -> str | None:
        """The US state most of the article's places lie in, if one stands out."""
        if not self.states:
            return None
        (state, votes), *rest = [*self.states.most_common(2), ("", 0)]
        return state if votes >= HOME_STATE_VOTES and votes > 2 * rest[0][1] else None


def resolve(
    toponyms: Sequence[Toponym],
    *,
    context: Iterable[str] = (),
    home_country: str | None = None,
    rounds: int = 2,
) -> None:
    """Set `chosen` on every toponym: a first round on the unambiguous names, then rounds on the
    readings the previous round chose ("Georgia" the state makes "Columbus" Georgian).

    `home_country` is the country of the source's domain ("lfpress.ca"): its readings gain
    HOME_COUNTRY_BONUS ("London" in a Canadian paper is London, Ontario, unless the article says
    otherwise)."""
    outside = Counter(c for c in context if c)
    focus = _focus(toponyms, outside, resolved=False)
    focus.home_country = home_country
    for round_ in range(rounds):
        for toponym in toponyms:
            toponym.chosen = _best(toponym, focus)
        if round_ < rounds - 1:
            focus = _focus(toponyms, outside, resolved=True)
            focus.home_country = home_country


def focus_of(toponyms: Sequence[Toponym], context: Iterable[str] = ()) -> Focus:
    """The focus of resolved toponyms (for detection rules that need the home state)."""
    return _focus(toponyms, Counter(c for c in context if c), resolved=True)


def _focus(toponyms: Sequence[Toponym], outside: Counter[str], *, resolved: bool) -> Focus:
    focus = Focus(countries=Counter(outside), grid=Grid(toponyms))
    for toponym in toponyms:
        votes = _votes(toponym, resolved)
        if votes is None:
            continue
        country, state, weight = votes
        weight *= HOME_WEIGHT if toponym.home else 1
        own = focus.by_key.setdefault(toponym.key, (Counter(), Counter()))
        focus.countries[country] += weight
        own[0][country] += weight
        if state:
            focus.states[state] += weight
            own[1][state] += weight
        entry = toponym.chosen
        if resolved and entry is not None and _local(entry):
            focus.points.append((toponym.key, entry.lat or 0.0, entry.lon or 0.0))
            if toponym.home:
                focus.home.append((entry.lat or 0.0, entry.lon or 0.0))
    return focus


def _votes(toponym: Toponym, resolved: bool) -> tuple[str, str | None, int] | None:
    """The country and US state a toponym points to, with the weight of its vote."""
    if resolved and toponym.chosen is not None:
        entry = toponym.chosen
        if entry.country is None:
            return None
        return entry.country, _state(entry), VOTE
    top = [c for c in toponym.candidates if c.kind in TOP_KINDS] or toponym.candidates
    if not top:
        return None
    countries = {c.country for c in top}
    states = {_state(c) for c in top}
    if len(countries) == 1 and None not in countries:
        country = next(iter(countries))
        state = next(iter(states)) if len(states) == 1 else None
        return country, state, VOTE  # type: ignore[return-value]
    if len(top) < 2:
        return None
    first, second = sorted(top, key=lambda c: -c.population)[:2]
    if first.country is not None and first.population >= DOMINANT_RATIO * max(1, second.population):
        return first.country, _state(first), DOMINANT_VOTE
    return None


def _local(entry: GazetteerEntry) -> bool:
    """A town or county: national capitals are named everywhere and locate nothing nearby."""
    return entry.kind in LOCAL_KINDS and not entry.capital and entry.lat is not None


def _state(entry: GazetteerEntry) -> str | None:
    return entry.admin1 if entry.country == "USA" else None


def _best(toponym: Toponym, focus: Focus) -> GazetteerEntry | None:
    if not toponym.candidates:
        return None
    countries, states = focus.without(toponym.key)
    country_total = sum(countries.values()) or 1.0
    state_total = sum(states.values()) or 1.0
    points = [(lat, lon) for key, lat, lon in focus.points if key != toponym.key]
    grid = focus.grid

    def score(entry: GazetteerEntry) -> float:
        value = _prior(entry, toponym.metonym)
        if normalize(entry.name) == toponym.key:
            value += PRIMARY_NAME_BONUS
        if entry.country is not None and entry.country == focus.home_country:
            value += HOME_COUNTRY_BONUS
        if entry.country and countries[entry.country] > 0:
            value += COUNTRY_BONUS + COUNTRY_SHARE_BONUS * countries[entry.country] / country_total
        state = _state(entry)
        if state and states[state] > 0:
            value += STATE_BONUS + STATE_SHARE_BONUS * states[state] / state_total
        if entry.kind in LOCAL_KINDS and entry.lat is not None and entry.lon is not None:
            if any(_km(entry.lat, entry.lon, lat, lon) <= NEAR_KM for lat, lon in points):
                value += NEAR_BONUS
            if any(_km(entry.lat, entry.lon, lat, lon) <= HOME_KM for lat, lon in focus.home):
                value += HOME_BONUS
            value += COLOCATED_BONUS * min(COLOCATED_MAX, grid.support(entry, toponym.key))
        return value

    return max(toponym.candidates, key=score)


def _prior(entry: GazetteerEntry, metonym: bool) -> float:
    if entry.capital or (metonym and entry.kind == "city" and entry.population >= METONYM_CITY):
        return CAPITAL_PRIOR + TOP_BONUS
    value = PRIOR.get(entry.kind, math.log10(max(entry.population, 10)))
    return value + TOP_BONUS if entry.kind in TOP_KINDS else value


class Grid:
    """Every local reading of every toponym in one-degree cells, for co-location support."""

    def __init__(self, toponyms: Sequence[Toponym]) -> None:
        self._cells: dict[tuple[int, int], list[tuple[str, float, float, float]]] = {}
        self._points: dict[str, list[tuple[float, float]]] = {}
        self._pairs: dict[tuple[str, str], int] = {}
        for toponym in toponyms:
            if toponym.key in self._points or toponym.demonym:
                continue
            local = [c for c in toponym.candidates if _local(c)]
            self._points[toponym.key] = [(c.lat or 0.0, c.lon or 0.0) for c in local]
            weight = min(1.0, CROWD / max(1, len(local)))
            for entry in local:
                assert entry.lat is not None and entry.lon is not None
                cell = (math.floor(entry.lat), math.floor(entry.lon))
                self._cells.setdefault(cell, []).append(
                    (toponym.key, entry.lat, entry.lon, weight)
                )

    def support(self, entry: GazetteerEntry, key: str) -> float:
        """How many other names of the article have a reading within NEAR_KM of `entry`.

        Each counts with its own weight (few readings, much weight), or fully when its
        readings and those of `key` meet in at most CROWD places: "Paris" and "Henry County"
        have many readings each but lie together only in Tennessee.
        """
        if entry.lat is None or entry.lon is None or not self._cells:
            return 0.0
        best: dict[str, float] = {}
        for other, weight in self._near(entry.lat, entry.lon):
            if other != key:
                weight = max(weight, min(1.0, CROWD / max(1, self._meetings(key, other))))
                best[other] = max(weight, best.get(other, 0.0))
        return sum(best.values())

    def _near(self, lat: float, lon: float) -> list[tuple[str, float]]:
        """The names with a reading within NEAR_KM of a point, with their weights."""
        found = []
        for dlat in (-1, 0, 1):
            for dlon in (-1, 0, 1):
                cell = (math.floor(lat) + dlat, math.floor(lon) + dlon)
                for other, olat, olon, weight in self._cells.get(cell, ()):
                    if _km(lat, lon, olat, olon) <= NEAR_KM:
                        found.append((other, weight))
        return found

    def _meetings(self, key: str, other: str) -> int:
        """How many pairs of readings of two names lie within NEAR_KM of each other."""
        pair = (key, other)
        if pair not in self._pairs:
            self._pairs[pair] = sum(
                name == other for lat, lon in self._points.get(key, ()) for name, _ in
                self._near(lat, lon)
            )
        return self._pairs[pair]


def locate(toponym: Toponym, toponyms: Sequence[Toponym], gazetteer: Gazetteer) -> tuple[
    float | None, float | None
]:
    """A point for a reading without one (a US county without towns): the mean of the
    article's towns in its state, else the state's point."""
    entry = toponym.chosen
    if entry is None:
        return None, None
    if entry.lat is not None and entry.lon is not None:
        return entry.lat, entry.lon
    points = [
        (t.chosen.lat, t.chosen.lon)
        for t in toponyms
        if t.chosen is not None
        and t.chosen.kind == "city"
        and t.chosen.country == entry.country
        and t.chosen.admin1 == entry.admin1
        and t.chosen.lat is not None
        and t.chosen.lon is not None
    ]
    if not points:
        state = gazetteer.us_state(entry.admin1) if entry.admin1 else None
        return (state.lat, state.lon) if state else (None, None)
    return (sum(p[0] for p in points) / len(points), sum(p[1] for p in points) / len(points))


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    h = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(
        math.radians(lon2 - lon1) / 2
    ) ** 2
    return 12_742.0 * math.asin(min(1.0, math.sqrt(h)))
