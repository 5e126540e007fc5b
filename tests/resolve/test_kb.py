"""The actor knowledge base: built-in tables, dated roles, user overrides, validation."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pycountry
import pytest

from dyadwatch.errors import DyadwatchError
from dyadwatch.resolve.kb import KnowledgeBase, alias_variants


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return KnowledgeBase.load()


def test_every_iso_country_is_a_state(kb: KnowledgeBase) -> None:
    for country in pycountry.countries:
        entry = kb.entries[f"country:{country.alpha_3}"]
        assert entry.kind == "state"
    assert kb.country("KOS") == "Kosovo"  # PLOVER's code for a state without ISO entry


@pytest.mark.parametrize(
    ("code", "name"),
    [("PRK", "North Korea"), ("KOR", "South Korea"), ("RUS", "Russia"), ("USA", "United States"),
     ("GBR", "United Kingdom"), ("IRN", "Iran"), ("PSE", "Palestine"), ("XXX", None)],
)
def test_country_names(kb: KnowledgeBase, code: str, name: str | None) -> None:
    assert kb.country(code) == name


@pytest.mark.parametrize(
    ("text", "entry_id", "kind"),
    [
        ("US", "country:USA", "alias"), ("U.S.", "country:USA", "alias"),
        ("America", "country:USA", "alias"), ("United States", "country:USA", "name"),
        ("UK", "country:GBR", "alias"), ("Britain", "country:GBR", "alias"),
        ("ROK", "country:KOR", "alias"), ("DPRK", "country:PRK", "alias"),
        ("North Korean", "country:PRK", "demonym"), ("Russians", "country:RUS", "demonym"),
        ("British", "country:GBR", "demonym"), ("Israelis", "country:ISR", "demonym"),
        ("Moscow", "country:RUS", "metonym"), ("Kyiv", "country:UKR", "metonym"),
        ("Kiev", "country:UKR", "metonym"), ("Pyongyang", "country:PRK", "metonym"),
        ("Kremlin", "gov:RUS", "metonym"), ("White House", "gov:USA", "metonym"),
        ("Downing Street", "gov:GBR", "metonym"), ("Elysee", "gov:FRA", "metonym"),
        ("Pentagon", "mil:USA", "metonym"), ("Turkiye", "country:TUR", "alias"),
        ("Zelensky", "volodymyr-zelenskyy", "alias"), ("Kim Jong-un", "kim-jong-un", "name"),
        ("UN Security Council", "unsc", "alias"), ("KCNA", "kcna", "alias"),
    ],
)
def test_lookup(kb: KnowledgeBase, text: str, entry_id: str, kind: str) -> None:
    (entry, hit), *_ = kb.lookup(text)
    assert (entry.id, hit.kind) == (entry_id, kind)


def test_common_words_are_not_names(kb: KnowledgeBase) -> None:
    for text in ("May", "turkey", "us", "The Valley", "Valley", "the"):
        assert kb.lookup(text) == [], text
    assert kb.lookup("Jordan")[0][1].ambiguous
    assert kb.lookup("Georgia")[0][1].ambiguous


@pytest.mark.parametrize(
    ("entry_id", "date", "expected"),
    [
        ("vladimir-putin", dt.date(2005, 1, 1), ("RUS", "GOV", "RUSGOV", "president")),
        ("vladimir-putin", dt.date(2010, 1, 1), ("RUS", "GOV", "RUSGOV", "prime minister")),
        ("vladimir-putin", dt.date(2023, 9, 13), ("RUS", "GOV", "RUSGOV", "president")),
        ("vladimir-putin", None, ("RUS", "GOV", "RUSGOV", "president")),
        ("donald-trump", dt.date(2022, 6, 1), ("USA", "ELI", "USAELI", "former president")),
        ("donald-trump", dt.date(2025, 6, 1), ("USA", "GOV", "USAGOV", "president")),
        ("joe-biden", dt.date(2026, 1, 1), ("USA", "ELI", "USAELI", "former president")),
        ("joe-biden", dt.date(1990, 1, 1), ("USA", None, "USA", None)),
        ("john-kirby", dt.date(2021, 6, 1), ("USA", "MIL", "USAMIL",
                                             "Pentagon press secretary")),
        ("mark-rutte", dt.date(2025, 1, 1), (None, "IGO", "NATO", "NATO secretary-general")),
        ("taliban", dt.date(2020, 1, 1), ("AFG", "REB", "AFGREB", "insurgency")),
        ("taliban", dt.date(2022, 1, 1), ("AFG", "GOV", "AFGGOV", "de facto government")),
        ("unsc", dt.date(2023, 1, 1), (None, "IGO", "UNO", None)),
        ("hamas", None, ("PSE", "REB", "PSEREB", None)),
        ("country:PRK", None, ("PRK", None, "PRK", None)),
        ("country:PRI", None, ("USA", None, "USA", None)),  # PLOVER folds dependencies
    ],
)
def test_standing_on_a_date(kb: KnowledgeBase, entry_id: str, date: dt.date | None,
                            expected: tuple[str | None, ...]) -> None:
    s = kb.standing(kb.get(entry_id), date)
    assert (s.country, s.sector, s.code, s.title) == expected


def test_government_entries(kb: KnowledgeBase) -> None:
    assert kb.government("RUS", "GOV").id == "gov:RUS"
    made = kb.government("KOR", "MIL")
    assert (made.name, made.country, made.sector) == ("Military of South Korea", "KOR", "MIL")


def test_role_nouns(kb: KnowledgeBase) -> None:
    assert kb.role_nouns["spokesman"].sector == "GOV"
    assert not kb.role_nouns["spokesman"].strong
    assert kb.role_nouns["troops"].sector == "MIL"
    assert kb.role_nouns["professor"].sector == "EDU"
    assert kb.role_nouns["media"].sector == "MED"
    assert kb.role_nouns["police"].sector == "COP"


def test_data_sizes(kb: KnowledgeBase) -> None:
    kinds = [e.kind for e in kb.entries.values()]
    assert kinds.count("state") >= 249
    assert kinds.count("person") >= 200
    roles = sum(len(e.roles) for e in kb.entries.values() if e.kind == "person")
    assert roles >= 300


@pytest.mark.parametrize(
    ("alias", "variant"),
    [("Kim Jong Un", "Kim Jong-un"), ("Lee Jae-myung", "Lee Jae Myung"),
     ("Élisabeth Borne", "Elisabeth Borne"), ("Sa'ar", "Sa’ar")],
)
def test_alias_variants(alias: str, variant: str) -> None:
    assert variant in alias_variants(alias, person=True)


def test_user_files_add_and_override(tmp_path: Path) -> None:
    yaml_file = tmp_path / "mine.yaml"
    yaml_file.write_text(
        "- id: john-kirby\n  name: John Kirby\n  kind: person\n  country: USA\n  sector: MIL\n"
        "- id: zz-minister\n  name: Zora Zed\n  aliases: [Zed]\n  roles:\n"
        "  - {title: foreign minister, country: EST, sector: GOV, start: 2024-01-01}\n",
        encoding="utf-8",
    )
    csv_file = tmp_path / "orgs.csv"
    csv_file.write_text("id,name,kind,country,sector,aliases\n"
                        "acme,Acme Arms,organization,USA,BUS,Acme|ACME\n", encoding="utf-8")
    kb = KnowledgeBase.load([yaml_file, csv_file])
    assert kb.standing(kb.get("john-kirby"), dt.date(2023, 9, 13)).sector == "MIL"
    assert kb.lookup("Zed")[0][0].id == "zz-minister"
    assert kb.standing(kb.get("zz-minister"), None).code == "ESTGOV"
    assert kb.lookup("ACME")[0][0].id == "acme"
    assert KnowledgeBase.load().get("john-kirby").roles  # the built-in one is untouched


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("- {id: x, name: X, kind: organization, country: ZZZ}\n", "unknown country"),
        ("- {id: x, name: X, kind: organization, sector: FOO}\n", "unknown sector"),
        ("- {id: x, name: X, kind: planet}\n", "kind"),
        ("- {id: x, name: X, kind: person, roles: [{sector: GOV, start: notadate}]}\n", "date"),
        ("id: x\n", "list"),
    ],
)
def test_invalid_user_files_are_refused(tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(DyadwatchError) as caught:
        KnowledgeBase.load([path])
    assert caught.value.code == "E050"
    assert message in caught.value.message


def test_load_is_cached_per_process() -> None:
    # Load time is a benchmark figure (benchmarks/), never a timed unit test.
    assert KnowledgeBase.load() is KnowledgeBase.load()


def test_regions_stand_for_their_country(kb: KnowledgeBase) -> None:
    for text, country in (("Texas", "USA"), ("Gujarat", "IND"), ("Sichuan", "CHN"),
                          ("North Darfur", "SDN"), ("Tatarstan", "RUS")):
        (entry, _), *_ = kb.lookup(text)
        assert (entry.kind, entry.country) == ("region", country), text
    for word in ("Jewish", "Central", "Northern", "Capital"):
        assert all(e.kind != "region" for e, _ in kb.lookup(word)), word


@pytest.mark.parametrize(
    ("text", "entry_id", "code"),
    [("Tamil Tigers", "ltte", "LKAREB"), ("UNITA", "unita", "AGOREB"),
     ("Fidesz", "fidesz", "HUNPOL"),
     ("European Community", "european-community", "EU"), ("DEA", "dea", "USACOP"),
     ("Sinaloa Cartel", "sinaloa-cartel", "MEXCRM"), ("KRG", "krg", "IRQGOV")],
)
def test_organizations_have_sectors(kb: KnowledgeBase, text: str, entry_id: str,
                                    code: str) -> None:
    (entry, _), *_ = kb.lookup(text)
    assert entry.id == entry_id
    assert kb.standing(entry, dt.date(2024, 1, 1)).code == code


USER_ACTORS = """\
# one new person and one override of a built-in entry
- id: ana-example
  name: Ana Example
  aliases: [Example]
  roles:
  - {title: interior minister, country: CHL, sector: GOV, start: 2024-03-01}
- id: john-kirby
  name: John Kirby
  kind: person
  country: USA
  sector: MIL
"""


def test_user_actor_file_end_to_end(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import json

    from dyadwatch.cli.main import main

    actors_file = tmp_path / "my-actors.yaml"
    actors_file.write_text(USER_ACTORS, encoding="utf-8")
    article = tmp_path / "articles.jsonl"
    article.write_text(json.dumps({
        "id": "t1", "published": "2024-06-01",
        "text": "Ana Example met John Kirby in Washington on Monday. Example said the talks "
                "were useful.",
    }) + "\n", encoding="utf-8")
    assert main(["annotate", str(article), "--actors", str(actors_file)]) == 0
    record = json.loads(capsys.readouterr().out.splitlines()[0])
    by_name = {a["name"]: a for a in record["actors"]}
    assert by_name["Ana Example"]["code"] == "CHLGOV"
    assert by_name["John Kirby"]["code"] == "USAMIL"  # the built-in says USAGOV in 2024
    example = [m for m in record["mentions"] if m["text"] == "Example"]
    assert example and example[0]["actor"] == by_name["Ana Example"]["id"]
    assert main(["annotate", str(article)]) == 0
    default = json.loads(capsys.readouterr().out.splitlines()[0])
    assert "Ana Example" not in {a["name"] for a in default["actors"]} or all(
        a["code"] is None for a in default["actors"] if a["name"] == "Ana Example")
    assert {a["name"]: a for a in default["actors"]}["John Kirby"]["code"] == "USAGOV"
