"""The PLOVER trigger lexicon (data/lexicon/triggers.yaml), validated on load."""

from __future__ import annotations

import functools
from importlib import resources
from typing import Any, Literal

import yaml
from pydantic import BaseModel, Field, PrivateAttr, field_validator, model_validator

from dyadwatch import ontology
from dyadwatch.errors import DyadwatchError
from dyadwatch.ontology import EventType


class TriggerEntry(BaseModel, frozen=True):
    lemma: tuple[str, ...]
    pos: Literal["VERB", "NOUN", "ADJ"] = "VERB"
    type: EventType
    mode: str | None = None
    contexts: tuple[str, ...] = ()
    object: tuple[str, ...] | None = None  # word class already expanded to lemmas
    subject: Literal["source", "target"] = "source"
    target: tuple[str, ...] = ()
    source: tuple[str, ...] = ()
    embeds: bool = False
    # False: the object is the actor's own means ("deployed troops") or a topic ("discussed
    # trade"), never the recipient
    object_recipient: bool = True
    intransitive: bool = False  # only without a direct object ("flew to Beijing", not "flew jets")

    @model_validator(mode="after")
    def _known_mode_and_contexts(self) -> TriggerEntry:
        if self.mode is not None and self.mode not in ontology.modes(self.type):
            raise ValueError(f"{self.lemma[0]}: {self.mode!r} is not a mode of {self.type}")
        unknown = set(self.contexts) - set(ontology.contexts())
        if unknown:
            raise ValueError(f"{self.lemma[0]}: unknown PLOVER contexts {sorted(unknown)}")
        return self

    @field_validator("lemma", mode="before")
    @classmethod
    def _listify(cls, value: Any) -> Any:
        return (value,) if isinstance(value, str) else value


class Lexicon(BaseModel, frozen=True):
    verbs: tuple[TriggerEntry, ...]
    nouns: tuple[TriggerEntry, ...]
    adjectives: tuple[TriggerEntry, ...] = ()
    light_verbs: frozenset[str] = Field(default_factory=frozenset)
    # lemma -> entries in lexicon order, built once: the coder looks up every verb and noun
    _by_lemma: dict[str, dict[str, list[TriggerEntry]]] = PrivateAttr(default_factory=dict)

    def model_post_init(self, context: Any, /) -> None:
        for pos, entries in (("VERB", self.verbs), ("NOUN", self.nouns), ("ADJ", self.adjectives)):
            index: dict[str, list[TriggerEntry]] = {}
            for entry in entries:
                for lemma in dict.fromkeys(entry.lemma):
                    index.setdefault(lemma, []).append(entry)
            self._by_lemma[pos] = index

    def verb_entries(self, lemma: str) -> list[TriggerEntry]:
        """Entries for a verb lemma, those with an object constraint first."""
        found = self._by_lemma["VERB"].get(lemma, [])
        return sorted(found, key=lambda e: e.object is None)

    def adjective_entry(self, lemma: str) -> TriggerEntry | None:
        return next(iter(self._by_lemma["ADJ"].get(lemma, [])), None)

    def noun_entries(self, lemma: str) -> list[TriggerEntry]:
        found = self._by_lemma["NOUN"].get(lemma, [])
        return sorted(found, key=lambda e: e.object is None)


@functools.cache
def load_lexicon() -> Lexicon:
    """The built-in lexicon, read and validated once per process."""
    raw = yaml.safe_load(
        resources.files("dyadwatch.data.lexicon").joinpath("triggers.yaml").read_text("utf-8")
    )
    classes: dict[str, list[str]] = raw.get("classes", {})

    def expand(entry: dict[str, object], pos: str) -> dict[str, object]:
        obj = entry.get("object")
        if isinstance(obj, str):
            if obj not in classes:
                raise DyadwatchError("E050", f"trigger lexicon: unknown word class {obj!r}")
            entry = {**entry, "object": classes[obj]}
        return {**entry, "pos": pos}

    try:
        return Lexicon(
            verbs=tuple(TriggerEntry.model_validate(expand(e, "VERB")) for e in raw["verbs"]),
            nouns=tuple(TriggerEntry.model_validate(expand(e, "NOUN")) for e in raw["nouns"]),
            adjectives=tuple(
                TriggerEntry.model_validate(expand(e, "ADJ")) for e in raw.get("adjectives", [])
            ),
            light_verbs=frozenset(raw.get("light_verbs", [])),
        )
    except (KeyError, ValueError) as exc:
        raise DyadwatchError("E050", f"trigger lexicon is invalid: {exc}") from exc
