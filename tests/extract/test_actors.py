"""Actors of a document: KB names, titled people, role phrases, metonyms, coreference."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import pytest

from dyadwatch.extract.actors import actors
from dyadwatch.records import Actor, ActorIndex
from dyadwatch.resolve.kb import KnowledgeBase

TEST_DATA = Path(__file__).parents[1] / "data"
SAMPLE = "putin-kim-vostochny"
DAY = dt.date(2023, 9, 13)


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return KnowledgeBase.load()


@pytest.fixture(scope="module")
def resolve(nlp, kb):  # type: ignore[no-untyped-def]
    def run(text: str, published: dt.date | None = DAY) -> ActorIndex:
        return actors(nlp(text), kb, published)

    return run


def actor_of(index: ActorIndex, text: str, occurrence: int = 0) -> Actor | None:
    """The actor whose mention covers the `occurrence`-th whole-word match of `text`."""
    found = [m for m in re.finditer(rf"(?<!\w){re.escape(text)}(?!\w)", _text(index))]
    match = found[occurrence]
    mention = index.mention_at(match.start(), match.end())
    return index.actor(mention.actor) if mention else None


def _text(index: ActorIndex) -> str:
    return index._text  # type: ignore[attr-defined,no-any-return]


@pytest.fixture(scope="module")
def resolved(resolve):  # type: ignore[no-untyped-def]
    def run(text: str, published: dt.date | None = DAY) -> ActorIndex:
        index = resolve(text, published)
        index._text = text  # type: ignore[attr-defined]
        return index

    return run


def test_sample_article_gold_actors(resolved) -> None:  # type: ignore[no-untyped-def]
    text = (TEST_DATA / f"{SAMPLE}.txt").read_text(encoding="utf-8")
    gold = json.loads((TEST_DATA / f"{SAMPLE}.gold.json").read_text(encoding="utf-8"))
    index = resolved(text, dt.date.fromisoformat(gold["published"]))
    for expected in gold["actors"]:
        for mention_text in expected["mentions"]:
            bare = re.sub(r"^(The|the) ", "", mention_text)
            hits = [actor_of(index, bare, i)
                    for i in range(len(re.findall(rf"(?<!\w){re.escape(bare)}(?!\w)", text)))]
            matching = [a for a in hits if a is not None and a.country == expected["country"]
                        and a.sector == expected["sector"]]
            assert matching, (expected["name"], mention_text, hits)
            # an occurrence may belong to a longer phrase ("South Korea’s Ministry"), never to
            # another country
            assert all(a is None or a.country == expected["country"] for a in hits), hits
            assert matching[0].kind == expected["kind"] or expected["kind"] == "organization"


def test_sample_article_structure(resolved) -> None:  # type: ignore[no-untyped-def]
    text = (TEST_DATA / f"{SAMPLE}.txt").read_text(encoding="utf-8")
    index = resolved(text)
    for mention in index.mentions:
        assert text[mention.start:mention.end] == mention.text
    ids = [a.id for a in index.actors]
    assert ids == [f"a{i}" for i in range(1, len(ids) + 1)]
    first = {a.id: min(m.start for m in index.mentions if m.actor == a.id) for a in index.actors}
    assert list(first.values()) == sorted(first.values())
    kirby = actor_of(index, "John Kirby")
    assert kirby is not None and kirby.code == "USAGOV" and kirby.kb_id == "john-kirby"
    he = next(m for m in index.mentions if m.text == "he")
    assert he.actor == kirby.id and he.kind == "pronoun"  # the quote's "Putin" is skipped
    moscow = next(m for m in index.mentions if m.text == "Moscow")
    assert moscow.kind == "metonym"
    assert actor_of(index, "Pyongyang", 2) is None  # "fired near Pyongyang": a place
    assert actor_of(index, "Russian", 0) is None  # a title word of Putin, not an actor
    assert actor_of(index, "Vladimir", 0).kb_id == "vladimir-putin"  # type: ignore[union-attr]
    assert len({a.kb_id for a in index.actors if a.kb_id}) == len(
        [a for a in index.actors if a.kb_id])


# text, mention text (occurrence), expected (name, country, sector, code) or None for no actor
CASES = [
    ("Russian Foreign Minister Sergei Lavrov met Chinese Foreign Minister Wang Yi in Beijing.",
     "Wang Yi", ("Wang Yi", "CHN", "GOV", "CHNGOV")),
    ("Russian Foreign Minister Sergei Lavrov met Chinese Foreign Minister Wang Yi in Beijing.",
     "Beijing", None),
    ("Pentagon spokesman Pat Ryder said the drills would continue.",
     "Pat Ryder", ("Pat Ryder", "USA", "MIL", "USAMIL")),
    ("Kremlin spokesman Ivan Petrov declined to comment on the report.",
     "Ivan Petrov", ("Ivan Petrov", "RUS", "GOV", "RUSGOV")),
    ("Japanese Defense Minister Taro Suzuki said the missile fell into the sea.",
     "Taro Suzuki", ("Taro Suzuki", "JPN", "GOV", "JPNGOV")),
    ("Venezuelan opposition leader Maria Gonzalez criticized the vote.",
     "Maria Gonzalez", ("Maria Gonzalez", "VEN", "OPP", "VENOPP")),
    ("Moscow rejected the proposal on Monday.", "Moscow", ("Russia", "RUS", None, "RUS")),
    ("The Kremlin said the talks were useful.", "Kremlin",
     ("Government of Russia", "RUS", "GOV", "RUSGOV")),
    ("The White House said it was monitoring the situation.", "White House",
     ("Government of United States", "USA", "GOV", "USAGOV")),
    ("Jordan Smith, a lawyer, said the company would appeal.", "Jordan",
     ("Jordan Smith", None, None, None)),
    ("Jordan Smith, a lawyer, said he would appeal. Jordan declined to comment further.",
     "Jordan", ("Jordan Smith", None, None, None)),
    ("Jordan closed its border with Syria on Sunday.", "Jordan", ("Jordan", "JOR", None, "JOR")),
    # not the state of Georgia: a group of officials whose place the place stage resolves
    ("Officials in Atlanta, Georgia, said the storm had passed.", "Georgia",
     ("Officials in Atlanta, Georgia", None, "GOV", None)),
    ("Georgia accused Russia of violating its airspace.", "Georgia",
     ("Georgia", "GEO", None, "GEO")),
    ("Turkey said it would host the talks in Istanbul.", "Turkey", ("Turkey", "TUR", None, "TUR")),
    ("The family ate turkey and potatoes.", "turkey", None),
    ("Elections will be held in May, the commission said.", "May", None),
    ("Theresa May met Angela Merkel in Berlin. May said the talks were useful.", "May",
     ("Theresa May", "GBR", "ELI", "GBRELI")),  # in 2023: a former prime minister
    ("Hamas said it had fired the rockets.", "Hamas", ("Hamas", "PSE", "REB", "PSEREB")),
    ("North Korean leader Kim Jong-un inspected the factory.", "Kim Jong-un",
     ("Kim Jong Un", "PRK", "GOV", "PRKGOV")),
    ("Zelensky thanked the allies for the new package.", "Zelensky",
     ("Volodymyr Zelenskyy", "UKR", "GOV", "UKRGOV")),
    ("The UN Security Council will meet on Friday.", "UN Security Council",
     ("United Nations Security Council", None, "IGO", "UNO")),
    ("US troops arrived in Poland on Monday.", "US troops", (None, "USA", "MIL", "USAMIL")),
    ("Israeli police arrested two men in Haifa.", "Israeli police",
     (None, "ISR", "COP", "ISRCOP")),
    ("Iranian state media reported the launch.", "Iranian state media",
     (None, "IRN", "MED", "IRNMED")),
    ("Russian lawmakers approved the bill.", "Russian lawmakers", (None, "RUS", "LEG", "RUSLEG")),
    ("A Syrian rebel commander said the town had fallen.", "Syrian rebel commander",
     (None, "SYR", "REB", "SYRREB")),
    ("Russian artillery shells hit the city.", "Russian", None),
    ("The Washington Post reported the plan on Sunday.", "Washington",
     ("The Washington Post", "USA", "MED", "USAMED")),
    ("Students at George Washington University protested.", "Washington",
     (None, "USA", "EDU", "USAEDU")),
    ("Hunter Biden said he would testify.", "Hunter Biden", ("Hunter Biden", None, None, None)),
    ("The Haaretz newspaper reported the deal.", "Haaretz",
     ("Haaretz", "ISR", "MED", "ISRMED")),
    ("Congress party spokesman Vithal Rao said the vote was lost.", "Congress", None),
    ("Anna Berg, a professor at Seoul National University, said the plan would fail.",
     "Anna Berg", ("Anna Berg", "KOR", "EDU", "KOREDU")),
]


@pytest.mark.parametrize(("text", "mention", "expected"), CASES)
def test_actor_table(resolved, text: str, mention: str,  # type: ignore[no-untyped-def]
                     expected: tuple[str | None, ...] | None) -> None:
    occurrence = 1 if text.count(mention) > 1 and mention in ("May", "Jordan") else 0
    actor = actor_of(resolved(text), mention, occurrence)
    if expected is None:
        assert actor is None
        return
    assert actor is not None
    name, country, sector, code = expected
    assert (actor.country, actor.sector, actor.code) == (country, sector, code)
    if name is not None:
        assert actor.name == name


@pytest.mark.parametrize(
    ("published", "expected"),
    [(dt.date(2019, 5, 1), ("USA", "GOV")), (dt.date(2022, 5, 1), ("USA", "ELI")),
     (None, ("USA", "GOV"))],
)
def test_dated_roles(resolved, published, expected) -> None:  # type: ignore[no-untyped-def]
    actor = actor_of(resolved("Trump said he would visit Seoul.", published), "Trump")
    assert actor is not None and (actor.country, actor.sector) == expected


def test_surname_and_title_coreference(resolved) -> None:  # type: ignore[no-untyped-def]
    text = ("Finnish Foreign Minister Elina Valtonen met reporters in Helsinki. Valtonen said "
            "the border would stay closed. The minister added that talks would continue.")
    index = resolved(text)
    valtonen = actor_of(index, "Elina Valtonen")
    assert valtonen is not None and (valtonen.country, valtonen.sector) == ("FIN", "GOV")
    assert actor_of(index, "Valtonen", 1) == valtonen
    assert actor_of(index, "minister") == valtonen


def test_pronouns_skip_quoted_people(resolved) -> None:  # type: ignore[no-untyped-def]
    text = 'John Smith said the talks failed. “Putin cannot win this war,” he added.'
    index = resolved(text)
    he = next(m for m in index.mentions if m.text == "he")
    assert index.actor(he.actor).name == "John Smith"
    text = "“He is wrong,” the minister said."
    assert not [m for m in resolved(text).mentions if m.kind == "pronoun"]


def test_one_actor_per_entity(resolved) -> None:  # type: ignore[no-untyped-def]
    text = ("Vladimir Putin met Xi Jinping in Moscow. Putin praised Xi. The Russian president "
            "said Russia and China were close. Russian officials and the Kremlin agreed.")
    index = resolved(text)
    assert len([a for a in index.actors if a.kb_id == "vladimir-putin"]) == 1
    assert actor_of(index, "Russian officials") == actor_of(index, "Kremlin")
    assert actor_of(index, "Putin", 1) == actor_of(index, "Vladimir Putin")


def test_empty_document(resolved) -> None:  # type: ignore[no-untyped-def]
    index = resolved("")
    assert index.actors == [] and index.mentions == []


# text, mention text, expected (country, sector, code) of the actor the mention belongs to
GENERAL_CASES = [
    ("Chilean and Peruvian officials signed the accord.", "Chilean", ("CHL", "GOV", "CHLGOV")),
    ("Chilean and Peruvian officials signed the accord.", "Peruvian officials",
     ("PER", "GOV", "PERGOV")),
    ("Police in Nairobi dispersed the crowd.", "Police in Nairobi", ("KEN", "COP", "KENCOP")),
    ("Rebels in Mali seized the town.", "Rebels in Mali", ("MLI", "REB", "MLIREB")),
    ("Former prime minister Ola Nordmann criticised the plan.", "Ola Nordmann",
     (None, "ELI", None)),
    ("Egyptian warplanes struck the camp.", "Egyptian warplanes", ("EGY", "MIL", "EGYMIL")),
    ("Thai peacekeepers left the base.", "Thai peacekeepers", ("THA", "MIL", "THAMIL")),
    ("The Ohio government appealed the ruling.", "Ohio government", ("USA", "GOV", "USAGOV")),
    ("Ohio sued the company on Monday.", "Ohio", ("USA", None, "USA")),
    ("Police said the suspects fled.", "Police", (None, "COP", None)),
    ("Russia's Security Council discussed the strikes.", "Security Council",
     ("RUS", "GOV", "RUSGOV")),
    ("The Security Council condemned the attack.", "Security Council", (None, "IGO", "UNO")),
    ("The Tamil Tigers attacked an army camp.", "Tamil Tigers", ("LKA", "REB", "LKAREB")),
    ("The Sinaloa Cartel smuggled the drugs.", "Sinaloa Cartel", ("MEX", "CRM", "MEXCRM")),
    # a name after a title: a person with the title's country and sector; the body a title
    # belongs to names the sector
    ("The Colombian Sergeant Pablo Emilio Moncayo was freed.", "Pablo Emilio Moncayo",
     ("COL", "MIL", "COLMIL")),
    ("Senate President Bukola Saraki met the governor.", "Bukola Saraki", (None, "LEG", None)),
    ("Nigerian President Buhari met the governor.", "Buhari", ("NGA", "GOV", "NGAGOV")),
    # a place that acts or is acted upon is a party
    ("Kashmir rejected the plan.", "Kashmir", (None, None, None)),
]


@pytest.mark.parametrize(("text", "mention", "expected"), GENERAL_CASES)
def test_general_rules(resolved, text: str, mention: str,  # type: ignore[no-untyped-def]
                       expected: tuple[str | None, ...]) -> None:
    actor = actor_of(resolved(text), mention)
    assert actor is not None
    assert (actor.country, actor.sector, actor.code) == expected


@pytest.mark.parametrize("text", ["Troops fired near Texas.", "She lives in Ohio.",
                                  "The aid arrived on Monday."])
def test_places_and_plain_nouns_are_not_actors(resolved, text: str) -> None:  # type: ignore[no-untyped-def]
    index = resolved(text)
    assert all(index.actor(m.actor).kind != "region" for m in index.mentions)
    assert not [m for m in index.mentions if m.text == "aid"]


def test_bodies_are_referred_to_by_their_head_noun(resolved) -> None:  # type: ignore[no-untyped-def]
    text = ("The Constitutional Court of Ruritania struck down the law. The court said it "
            "violated the charter. The Labour Party welcomed the ruling; the party had opposed it.")
    index = resolved(text)
    assert actor_of(index, "court", 0) == actor_of(index, "Constitutional Court of Ruritania")
    assert actor_of(index, "party", 0) == actor_of(index, "Labour Party")


def test_names_with_digits_are_not_people(resolved) -> None:  # type: ignore[no-untyped-def]
    index = resolved("COVID-19 spread across Lagos, and Smith said H5N1 was next.")
    assert not [m for m in index.mentions if any(c.isdigit() for c in m.text)]


def test_named_bodies_of_one_country_are_distinct(resolved) -> None:  # type: ignore[no-untyped-def]
    index = resolved("The Michigan Department of Health funds the Wyoming Housing Authority.")
    first = actor_of(index, "Michigan Department of Health")
    second = actor_of(index, "Wyoming Housing Authority")
    assert first is not None and second is not None and first != second
