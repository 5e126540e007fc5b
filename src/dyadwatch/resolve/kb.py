"""The actor knowledge base: countries, regions, organisations, people with dated roles, role nouns.

Built-in tables live in `data/actors/` (see its README for sources); users add to or override
entries by id with YAML or CSV files of the same schema. Everything is validated on load.
A person's country and sector depend on the date: `KnowledgeBase.standing(entry, date)`.
"""

from __future__ import annotations

import csv
import datetime as dt
import functools
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from dyadwatch.errors import DyadwatchError

if TYPE_CHECKING:
    from spacy.matcher import PhraseMatcher
    from spacy.vocab import Vocab

E_ACTOR_DATA = "E050"  # invalid actor data file (built-in or user)

AliasKind = Literal["name", "alias", "demonym", "metonym"]
ORGANIZATION_FILES = ("organizations.yaml", "armed_groups.yaml", "parties.yaml", "bodies.yaml")
EntryKind = Literal["state", "region", "organization", "person", "group"]
_YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class Role(BaseModel):
    """A dated position: who the person acted for (country, sector) and when."""

    model_config = ConfigDict(frozen=True, extra="forbid")
    title: str | None = None
    country: str | None = None
    sector: str
    code: str | None = None  # own code for IGO roles (EU, UNO, NATO ...)
    start: dt.date | None = None
    end: dt.date | None = None

    def holds_on(self, date: dt.date) -> bool:
        return (self.start is None or self.start <= date) and (self.end is None or date < self.end)


class Entry(BaseModel):
    """One knowledge-base actor: a state, organisation, person or standing group."""

    model_config = ConfigDict(frozen=True, extra="forbid")
    id: str
    name: str
    kind: EntryKind
    country: str | None = None
    sector: str | None = None
    code: str | None = None
    aliases: tuple[str, ...] = ()
    demonyms: tuple[str, ...] = ()
    metonyms: tuple[str, ...] = ()
    roles: tuple[Role, ...] = ()
    ambiguous: tuple[str, ...] = Field(default=(), description="aliases that need context")

    @field_validator("aliases", "demonyms", "metonyms", "ambiguous", mode="before")
    @classmethod
    def _split(cls, value: Any) -> Any:
        if isinstance(value, str):
            return tuple(v.strip() for v in value.split("|") if v.strip())
        return () if value is None else value


@dataclass(frozen=True)
class RoleNoun:
    """A noun that names a position or body: its sector, and whether it decides the sector."""

    sector: str | None
    strong: bool  # strong nouns fix the sector; weak ones ("spokesman") take a modifier's
    kind: str  # person | organization | modifier (never an actor by itself: "aid group")


@dataclass(frozen=True)
class Standing:
    """Country, sector and code of an actor on a given date."""

    country: str | None
    sector: str | None
    code: str | None
    title: str | None = None


@dataclass(frozen=True)
class AliasHit:
    entry_id: str
    kind: AliasKind
    ambiguous: bool


class KnowledgeBase:
    """Validated actor entries with an alias index, role nouns and the sector table."""

    def __init__(
        self,
        entries: Iterable[Entry],
        role_nouns: dict[str, RoleNoun],
        sectors: dict[str, str],
        former_sector: str,
    ) -> None:
        self.entries: dict[str, Entry] = {e.id: e for e in entries}
        self.role_nouns = role_nouns
        self.sectors = sectors
        self.former_sector = former_sector
        self._check()
        self.aliases: dict[str, list[AliasHit]] = {}
        for entry in self.entries.values():
            for text, kind in _entry_aliases(entry):
                for variant in alias_variants(text, person=entry.kind == "person"):
                    hits = self.aliases.setdefault(variant, [])
                    if all(h.entry_id != entry.id for h in hits):
                        hits.append(AliasHit(entry.id, kind, text in entry.ambiguous))
        self._matchers: dict[int, tuple[Vocab, PhraseMatcher]] = {}

    @classmethod
    def load(cls, extra: Sequence[Path] = ()) -> KnowledgeBase:
        """The built-in knowledge base plus user files that add or override entries by id."""
        base = _builtin()
        if not extra:
            return base
        entries = dict(base.entries)
        for path in extra:
            for entry in read_entries(path):
                entries[entry.id] = entry
        return cls(entries.values(), base.role_nouns, base.sectors, base.former_sector)

    def country(self, code: str) -> str | None:
        """The common English name of a country code (ISO alpha-3, or KOS)."""
        entry = self.entries.get(f"country:{code}")
        return entry.name if entry else None

    def get(self, entry_id: str) -> Entry:
        return self.entries[entry_id]

    def lookup(self, text: str) -> list[tuple[Entry, AliasHit]]:
        """Entries whose name, alias, demonym or metonym is exactly `text`."""
        return [(self.entries[h.entry_id], h) for h in self.aliases.get(text, ())]

    def government(self, country: str, sector: str) -> Entry:
        """The standing entry for a country's sector ("Government of Russia", RUSGOV)."""
        entry_id = f"{sector.lower()}:{country}"
        found = self.entries.get(entry_id)
        if found is not None:
            return found
        label = self.sectors.get(sector, sector)
        name = f"{label[:1].upper()}{label[1:]} of {self.country(country) or country}"
        return Entry(id=entry_id, name=name, kind="group", country=country, sector=sector)

    def standing(self, entry: Entry, date: dt.date | None) -> Standing:
        """Country/sector/code of `entry` on `date` (latest role when the date is unknown).

        Outside all roles a person keeps the country of the role before the date with the
        "former" sector (PLOVER ELI); before their first role, the entry's own sector.
        """
        if not entry.roles:
            return Standing(entry.country, entry.sector, entry.code or _code(entry.country,
                                                                            entry.sector))
        roles = sorted(entry.roles, key=lambda r: r.start or dt.date.min)
        if date is None:
            current = [r for r in roles if r.end is None] or roles[-1:]
            return _role_standing(current[-1])
        held = [r for r in roles if r.holds_on(date)]
        if held:
            return _role_standing(held[-1])
        before = [r for r in roles if r.end is not None and r.end <= date]
        if before:
            last = before[-1]
            return Standing(last.country, self.former_sector,
                            _code(last.country, self.former_sector), "former " + (last.title or ""))
        first = roles[0]
        country = entry.country or first.country
        return Standing(country, entry.sector, _code(country, entry.sector))

    def matcher(self, vocab: Vocab) -> PhraseMatcher:
        """A case-sensitive PhraseMatcher over every alias variant, built once per vocab."""
        cached = self._matchers.get(id(vocab))
        if cached is not None and cached[0] is vocab:
            return cached[1]
        from spacy.lang.en import English
        from spacy.matcher import PhraseMatcher
        from spacy.tokenizer import Tokenizer

        matcher = PhraseMatcher(vocab, attr="ORTH")
        # the English defaults are the tokenizer of en_core_web_sm: aliases split as text does
        tokenizer: Tokenizer = English(vocab=vocab).tokenizer
        # one key for all: callers look the matched text up again (`lookup`)
        matcher.add("ACTOR", list(tokenizer.pipe(sorted(self.aliases))))
        self._matchers[id(vocab)] = (vocab, matcher)
        return matcher

    def _check(self) -> None:
        problems: list[str] = []
        for entry in self.entries.values():
            countries = [entry.country] + [r.country for r in entry.roles]
            sectors = [entry.sector] + [r.sector for r in entry.roles]
            problems += [f"{entry.id}: unknown country {c!r}" for c in countries
                         if c and f"country:{c}" not in self.entries]
            problems += [f"{entry.id}: unknown sector {s!r}" for s in sectors
                         if s and s not in self.sectors]
            if not any(_entry_aliases(entry)):
                problems.append(f"{entry.id}: no name")
        for word, noun in self.role_nouns.items():
            if noun.sector and noun.sector not in self.sectors:
                problems.append(f"role noun {word!r}: unknown sector {noun.sector!r}")
        if problems:
            raise DyadwatchError(E_ACTOR_DATA, "invalid actor data: " + "; ".join(problems[:10]))


def _code(country: str | None, sector: str | None) -> str | None:
    if country is None:
        return sector
    return country + (sector or "")


def _role_standing(role: Role) -> Standing:
    return Standing(role.country, role.sector, role.code or _code(role.country, role.sector),
                    role.title)


def _entry_aliases(entry: Entry) -> Iterable[tuple[str, AliasKind]]:
    yield _strip_the(entry.name), "name"
    for alias in entry.aliases:
        yield _strip_the(alias), "alias"
    for demonym in entry.demonyms:
        yield demonym, "demonym"
    for metonym in entry.metonyms:
        yield _strip_the(metonym), "metonym"


def _with_plurals(demonyms: Iterable[str]) -> Iterable[str]:
    """Demonyms plus the plural nouns English forms from them (Russians, Israelis)."""
    for demonym in demonyms:
        yield demonym
        if demonym.endswith(("an", "i")) or demonym in PLURAL_BY_S:
            yield demonym + "s"


# demonym nouns outside the -an/-i pattern that take a plain -s plural
PLURAL_BY_S = frozenset({"Briton", "Czech", "Dane", "Finn", "Swede", "Turk", "Serb", "Greek",
                         "Afghan", "Kazakh", "Uzbek", "Tajik", "Thai", "Filipino", "Kyrgyz",
                         "Somali", "Saudi", "Kosovar", "Slovak", "Slovene"})


def _strip_the(text: str) -> str:
    return text[4:] if text[:4] in ("the ", "The ") else text


def alias_variants(text: str, *, person: bool = False) -> set[str]:
    """Spellings news text uses for one alias: accents folded, apostrophes, Korean name forms."""
    out = {text}
    folded = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    out.add(folded)
    for variant in list(out):
        if "'" in variant:
            out.add(variant.replace("'", "’"))
    if person:
        for variant in list(out):
            parts = variant.split(" ")
            if "-" in variant:
                out.add(" ".join(_hyphen_case(p, upper=True) for p in parts).replace("-", " "))
                out.add(variant.replace("-", " "))
                out.add(" ".join(_hyphen_case(p, upper=True) for p in parts))
                out.add(" ".join(_hyphen_case(p, upper=False) for p in parts))
            elif len(parts) == 3 and all(p[:1].isupper() for p in parts):
                out.add(f"{parts[0]} {parts[1]}-{parts[2]}")
                out.add(f"{parts[0]} {parts[1]}-{parts[2].lower()}")
    return {v for v in out if v.strip()}


def _hyphen_case(part: str, *, upper: bool) -> str:
    if "-" not in part:
        return part
    head, _, tail = part.partition("-")
    return f"{head}-{tail[:1].upper() if upper else tail[:1].lower()}{tail[1:]}"


def read_entries(path: Path, *, default_kind: EntryKind | None = None) -> list[Entry]:
    """Entries from a YAML list or a CSV file (aliases separated by '|'), validated.

    Rows without a kind get `default_kind`, else "person" when they have roles.
    """
    try:
        text = path.read_text(encoding="utf-8")
        if path.suffix.lower() == ".csv":
            rows: list[dict[str, Any]] = [
                {k: v for k, v in row.items() if v not in ("", None)}
                for row in csv.DictReader(text.splitlines())
            ]
        else:
            rows = yaml.load(text, Loader=_YAML_LOADER) or []
        if not isinstance(rows, list):
            raise DyadwatchError(E_ACTOR_DATA, f"{path}: expected a list of entries")
        for row in rows:
            if isinstance(row, dict) and "kind" not in row:
                row["kind"] = default_kind or ("person" if row.get("roles") else None)
        return [Entry.model_validate(row) for row in rows]
    except (OSError, yaml.YAMLError, ValidationError, TypeError) as exc:
        raise DyadwatchError(E_ACTOR_DATA, f"{path}: {exc}") from exc


def _data_dir() -> Path:
    return Path(str(resources.files("dyadwatch") / "data" / "actors"))


def _rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return [row for row in csv.DictReader(handle) if not row[next(iter(row))].startswith("#")]


@functools.cache
def _builtin() -> KnowledgeBase:
    """The package's own tables, read once per process."""
    folder = _data_dir()
    settings = yaml.load((folder / "sectors.yaml").read_text("utf-8"), Loader=_YAML_LOADER)
    role_nouns = {
        row["word"]: RoleNoun(row["sector"] or None, row["strength"] == "strong", row["kind"])
        for row in _rows(folder / "roles.csv")
    }
    entries = _country_entries(folder)
    for name in ORGANIZATION_FILES:
        entries.extend(read_entries(folder / name, default_kind="organization"))
    # generated rows of a fixed shape: built without per-field validation (load time); their
    # countries are still checked with every other entry's
    entries.extend(
        Entry.model_construct(id=f"region:{row['country']}:{row['name']}", name=row["name"],
                              kind="region", country=row["country"], code=row["country"])
        for row in _rows(folder / "regions.csv"))
    entries.extend(read_entries(folder / "people.yaml", default_kind="person"))
    return KnowledgeBase(entries, role_nouns, dict(settings["sectors"]),
                         settings["former_sector"])


def _country_entries(folder: Path) -> list[Entry]:
    """States from countries.csv, with hand-kept names, demonyms and metonyms merged in."""
    extra: dict[str, dict[str, list[str]]] = {}
    for row in _rows(folder / "country_names.csv"):
        slot = extra.setdefault(row["code"], {"name": [], "alias": [], "demonym": [],
                                              "metonym": [], "ambiguous": []})
        slot[row["kind"]].append(row["text"])
        if row.get("ambiguous") == "yes":
            slot["ambiguous"].append(row["text"])
    entries: list[Entry] = []
    for row in _rows(folder / "countries.csv"):
        code = row["code"]
        hand = extra.get(code, {})
        names = [row["name"], row["iso_name"], row["official_name"], row["common_name"],
                 *hand.get("alias", [])]
        name = (hand.get("name") or [row["name"]])[0]
        sovereign = row["sovereign"] or None
        # a dependency's capital rarely stands for anyone (and "The Valley" is a common phrase)
        capital = row["capital"] and not sovereign
        try:
            entries.append(Entry(
                id=f"country:{code}", name=name, kind="state",
                country=sovereign or code, code=sovereign or code,
                aliases=tuple(dict.fromkeys(n for n in names if n and n != name)),
                demonyms=tuple(_with_plurals(hand.get("demonym", []))),
                metonyms=tuple(dict.fromkeys(
                    [*hand.get("metonym", []), *([row["capital"]] if capital else [])])),
                ambiguous=tuple(hand.get("ambiguous", [])),
            ))
        except ValidationError as exc:
            raise DyadwatchError(E_ACTOR_DATA, f"countries.csv {code}: {exc}") from exc
    institutions: dict[tuple[str, str], list[str]] = {}
    for row in _rows(folder / "metonyms.csv"):
        institutions.setdefault((row["country"], row["sector"]), []).append(row["text"])
    labels = yaml.load((folder / "sectors.yaml").read_text("utf-8"), Loader=_YAML_LOADER)
    state_names = {e.id: e.name for e in entries}
    for (country, sector), texts in institutions.items():
        label = labels["sectors"][sector]
        entries.append(Entry(
            id=f"{sector.lower()}:{country}",
            name=f"{label[:1].upper()}{label[1:]} of {state_names[f'country:{country}']}",
            kind="group", country=country, sector=sector, metonyms=tuple(texts),
        ))
    return entries
