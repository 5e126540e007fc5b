"""Actors of one parsed document: knowledge-base names, entities, titled phrases, coreference.

One pass over spans the pipeline already made (entities, parse) plus the KB's PhraseMatcher
(candidate KB spans: `actor_spans`):
  1. KB names and spaCy entities → candidate spans (longest wins; "Jordan" by context);
  2. people, with country/sector from their KB role on the date or from their titles
     ("Kremlin spokesman", "director of ... in South Korea"); surnames refer back;
  3. role phrases without a name ("South Korean officials") → standing groups (KORGOV);
  4. remaining KB names → states, metonyms, organisations;
  5. "the spokesman" and he/she → the last matching person outside quotation marks.
Capital cities stand for the state (PETRARCH's convention: "Moscow" codes RUS) unless used as a
place ("near Pyongyang"); institutions stand for a sector ("the Kremlin" → RUSGOV).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from dyadwatch.extract.actor_roles import (
    KbSpan,
    coordinated_states,
    describe,
    inside,
    is_plural,
    modifiers,
    name_like,
    quoted_regions,
    role_of,
)
from dyadwatch.extract.actor_spans import NOUNS, kb_spans, party_position, stands_as_actor
from dyadwatch.nlp.text import doc_text
from dyadwatch.records import Actor, ActorIndex, Mention
from dyadwatch.resolve.kb import Entry, KnowledgeBase, RoleNoun

PRONOUNS = frozenset({"he", "she", "him", "his", "her"})
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
# An unnamed expert takes the country of the nearest earlier actor of the same sector within
# this many characters ("Others, including Professor X" after a Seoul analyst); sample article.
SAME_SECTOR_CONTEXT_CHARS = 1000
# A pronoun refers to a person mentioned at most this far back (about four news sentences).
PRONOUN_REACH_CHARS = 600


@dataclass
class _Actor:
    key: str
    name: str
    kind: str
    country: str | None
    sector: str | None
    code: str | None
    kb_id: str | None = None
    titles: set[str] = field(default_factory=set)


def actors(doc: Doc, kb: KnowledgeBase, published: dt.date | None) -> ActorIndex:
    """Actors and their mentions in `doc`, ids a1, a2, ... in order of first mention."""
    return _Resolver(doc, kb, published).run()


class _Resolver:
    def __init__(self, doc: Doc, kb: KnowledgeBase, published: dt.date | None) -> None:
        self.doc, self.kb, self.published = doc, kb, published
        self.found: dict[str, _Actor] = {}
        self.mentions: list[tuple[int, int, str, str]] = []  # token start, end, key, kind
        self.taken: set[int] = set()  # tokens already part of a mention or a title
        # spaCy rebuilds `Doc.text` and `Doc.ents` on every read: read them once
        self.text, self.ents = doc_text(doc), doc.ents
        self.quoted = quoted_regions(self.text)
        self.by_start: dict[int, KbSpan] = {}
        self.unnamed: list[tuple[Token, RoleNoun]] = []  # role nouns with neither name nor country

    def run(self) -> ActorIndex:
        found = kb_spans(self.doc, self.ents, self.kb, trim_name=self._trim_name,
                         role=self._role)
        self.by_start = {s.span.start: s for s in found}
        self._people(found)
        self._role_phrases()
        for item in found:
            if not self._is_taken(item.span) and stands_as_actor(item, self.ents):
                self._add_entry(item.span, item.entry, item.kind)
        self._organizations()
        self._acting_places()
        self._unnamed_groups()
        self._pronouns()
        return self._index()

    def _is_taken(self, span: Span) -> bool:
        return not self.taken.isdisjoint(range(span.start, span.end))

    # ---- people
    def _people(self, kb_spans: list[KbSpan]) -> None:
        named: list[tuple[Span, Entry | None]] = [
            (s.span, s.entry) for s in kb_spans if s.entry.kind == "person"]
        covered = {i for s in kb_spans for i in range(s.span.start, s.span.end)}
        for ent in self.ents:
            if ent.label_ == "PERSON" and not any(i in covered for i in range(ent.start, ent.end)):
                name = self._trim_name(ent)
                if name is not None:
                    named.append((name, None))
        # given names and surnames of KB people in this document, wherever they occur
        # ("(Russian President Vladimir) Putin")
        surnames = {part: e.id for _, e in named if e is not None for part in e.name.split()
                    if len(part) > 1 and part[:1].isupper()}
        for span, entry in sorted(named, key=lambda x: x[0].start):
            before, after = modifiers(span, after=entry is None)
            if entry is not None:
                key = self._add_entry(span, entry, "name" if span.text == entry.name else "alias")
            elif len(span) == 1 and span.text in surnames:
                key = surnames[span.text]
                if key in self.kb.entries:
                    self._add_entry(span, self.kb.entries[key], "alias")
                else:
                    self._mention(span.start, span.end, key, "alias")
            else:
                key = self._add_unknown_person(span, before, after)
            self.taken |= {t.i for t in before + after}
            self.found[key].titles |= {t.lemma_.lower() for t in before + after
                                       if self._role(t) is not None}
            if len(span) > 1:
                for token in (span[0], span[-1]):
                    if token.text[:1].isupper() and len(token) > 1 and self._role(token) is None:
                        surnames[token.text] = key
        self._surname_tokens(surnames)

    def _trim_name(self, ent: Span) -> Span | None:
        if any(c.isdigit() for c in ent.text):
            return None  # "COVID-19", "G20": no person's name has digits
        start, end = ent.start, ent.end
        while start < end and (self.doc[start].pos_ in ("DET", "PUNCT", "ADJ")
                               or self._role(self.doc[start]) is not None):
            start += 1
        while end > start and (self.doc[end - 1].tag_ in ("POS", "PRP$")
                               or self.doc[end - 1].is_punct):
            end -= 1
        return self.doc[start:end] if end > start else None

    def _add_unknown_person(self, span: Span, before: list[Token], after: list[Token]) -> str:
        country, sector, code = self._describe(before[::-1] + after, head=None)
        if country is None and sector is not None and code is None:
            country = self._country_from_context(span, sector)
        key = f"person:{span.text}"
        if key not in self.found:
            self.found[key] = _Actor(key, span.text, "person", country, sector,
                                     code or _code(country, sector))
        self._mention(span.start, span.end, key, "name")
        return key

    def _country_from_context(self, span: Span, sector: str) -> str | None:
        start = span.start_char
        for tok_start, _, key, _ in sorted(self.mentions, reverse=True):
            actor = self.found[key]
            char = self.doc[tok_start].idx
            if char < start and start - char <= SAME_SECTOR_CONTEXT_CHARS \
                    and actor.kind == "person" and actor.sector == sector and actor.country:
                return actor.country
        return None

    def _surname_tokens(self, surnames: dict[str, str]) -> None:
        first: dict[str, int] = {}
        for start, _, key, _ in sorted(self.mentions):
            first.setdefault(key, start)
        for token in self.doc:
            found = surnames.get(token.text)
            if (found is None or token.i in self.taken or not name_like(token)
                    or first.get(found, token.i) >= token.i):
                continue
            self._mention(token.i, token.i + 1, found, "alias")

    # ---- titles and role phrases
    def _role(self, token: Token) -> RoleNoun | None:
        return role_of(token, self.kb)

    def _describe(self, tokens: list[Token], head: RoleNoun | None,
                  ) -> tuple[str | None, str | None, str | None]:
        found = describe(tokens, head, self.kb, self.by_start, self.published)
        return found.country, found.sector, found.code

    def _role_phrases(self) -> None:
        for token in self.doc:
            role = self._role(token)
            if role is None or role.kind == "modifier" or token.pos_ not in NOUNS \
                    or token.i in self.taken:
                continue
            if token.dep_ in ("compound", "amod", "nmod") and token.head.i > token.i \
                    and token.head.pos_ in NOUNS:
                continue  # a premodifier: its head's phrase decides
            before, after = modifiers(token.doc[token.i: token.i + 1],
                                      places=is_plural(token) or role.kind == "organization")
            nearest = [self.by_start[t.i] for t in before[::-1] if t.i in self.by_start]
            if nearest and nearest[0].entry.kind not in ("state", "region") and (
                    not role.strong or nearest[0].entry.sector == role.sector):
                continue  # "a UN Security Council spokesman", "Haaretz newspaper": the named body
            plain = all(t.pos_ == "DET" for t in before) and not after
            bare = not after and all(t.i not in self.by_start for t in before)
            if plain and role.kind == "person" and token.tag_ == "NN" \
                    and self._title_mention(token, role):
                continue
            country, sector, code = self._describe(before[::-1] + after, role)
            if sector is None:
                continue
            # "Donbas residents", "students in Bordeaux": a place the knowledge base does not
            # know; the place stage gives the group its country (`actor_places`)
            place = [t.text for t in before + after
                     if t.ent_type_ in PLACE_LABELS and t.i not in self.by_start]
            if country is None and code is None and not place:
                if bare and (role.strong or is_plural(token)):
                    self.unnamed.append((token, role))
                continue
            edge = [t for t in before if t.pos_ != "DET"]
            start = edge[0].i if edge else token.i
            end = max([token.i] + [t.i for t in after]) + 1
            kind = "organization" if role.kind == "organization" else (
                "group" if is_plural(token) else "person")
            for other in coordinated_states(before, self.by_start)[:-1]:
                # "Ethiopian and Mozambican troops": one actor per country, same sector
                standing = self.kb.standing(other.entry, self.published)
                if standing.country and standing.country != country:
                    self._group(start, other.span.end, standing.country, sector,
                                None, kind)
                    start = next(t.i for t in before if t.i >= other.span.end
                                 and t.pos_ not in ("CCONJ", "PUNCT"))
            self.taken |= {t.i for t in before + after}
            named = kind == "organization" and self._own_name(before, token)
            placed = country is None and code is None
            self._group(start, end, country, sector, code, kind,
                        key=f"org:{self.doc[start:end].text}" if named else
                        f"{sector.lower()}@{' '.join(place)}" if placed else None)

    def _own_name(self, before: list[Token], head: Token) -> bool:
        """"the Wyoming Brownfield Redevelopment Authority": a body with a name of its own,
        not one more mention of the state's standing group (USAGOV)."""
        return head.pos_ == "PROPN" and any(
            t.pos_ == "PROPN" and t.i not in self.by_start and self._role(t) is None
            and not any(k.span.start <= t.i < k.span.end for k in self.by_start.values())
            for t in before)

    def _group(self, start: int, end: int, country: str | None, sector: str,
               code: str | None, kind: str, *, key: str | None = None) -> None:
        """A standing group (KORGOV) or a named body's member mentioned by a role phrase."""
        key = key or code or f"{sector.lower()}:{country}"
        if key not in self.found:
            entry = self.kb.entries.get(key)
            text = self.doc[start:end].text
            self.found[key] = _Actor(key, entry.name if entry else text, kind, country,
                                     sector, code or _code(country, sector),
                                     entry.id if entry else None)
        self._mention(start, end, key, "role")

    def _unnamed_groups(self) -> None:
        """"the court" → the last court; "police said" → an actor with a sector, no country."""
        for token, role in self.unnamed:
            definite = token.i > 0 and self.doc[token.i - 1].lower_ == "the"
            if token.i in self.taken or (definite and self._title_mention(token, role)):
                continue
            key = f"unnamed:{token.lemma_.lower()}"
            if key not in self.found:
                kind = "organization" if role.kind == "organization" else "group"
                self.found[key] = _Actor(key, token.lemma_.lower(), kind, None, role.sector,
                                         None)
            self._mention(token.i, token.i + 1, key, "role")

    def _title_mention(self, token: Token, role: RoleNoun) -> bool:
        """"the spokesman", "the court" → the last actor with that title or head noun.

        People match on their titles; bodies on the head noun of their name, else on the
        sector of a strong noun ("the party" after "the Labour Party", "the army").
        """
        word = token.lemma_.lower()
        person = role.kind == "person"
        for start, _, key, _ in sorted(self.mentions, reverse=True):
            actor = self.found[key]
            if start >= token.i:
                continue
            if person and actor.kind == "person" and word in actor.titles:
                self._mention(token.i, token.i + 1, key, "role")
                return True
            if not person and actor.kind in ("organization", "group") and (
                    word in actor.name.lower().split()
                    or (role.strong and role.sector and actor.sector == role.sector)):
                self._mention(token.i, token.i + 1, key, "role")
                return True
        return False

    # ---- other names
    def _organizations(self) -> None:
        for ent in self.ents:
            if ent.label_ != "ORG" or self._is_taken(ent):
                continue
            span = ent[1:] if ent[0].lower_ == "the" else ent
            span = span[:-1] if len(span) > 1 and span[-1].tag_ == "POS" else span
            if not span or all(self._role(t) is not None for t in span):
                continue  # "Media reports": a role noun alone is no organisation
            before, _ = modifiers(span, after=False)
            if self._titled_person(span, before):
                continue
            words = list(span)[::-1] + before[::-1]
            country, sector, code = self._describe(words, None)
            key = f"org:{span.text}"
            if key not in self.found:
                self.found[key] = _Actor(key, span.text, "organization", country, sector,
                                         code or _code(country, sector))
            self._mention(span.start, span.end, key, "name")

    def _titled_person(self, span: Span, before: list[Token]) -> bool:
        """"the Colombian Sergeant Pablo Moncayo" tagged as an organisation: a person named
        after a title, with the title's country and sector."""
        titles = [t for t in span if (r := self._role(t)) is not None and r.kind == "person"]
        if not titles or titles[-1].i + 1 >= span.end:
            return False
        name = self.doc[titles[-1].i + 1: span.end]
        if not all(t.pos_ == "PROPN" and t.text[:1].isupper() and self._role(t) is None
                   for t in name):
            return False
        title = before + list(self.doc[span.start: name.start])
        key = self._add_unknown_person(name, title, [])
        self.found[key].titles |= {t.lemma_.lower() for t in title if self._role(t) is not None}
        self.taken |= {t.i for t in title}
        return True

    def _acting_places(self) -> None:
        """A place name that acts or is acted upon ("Kashmir rejected", "a curfew on
        Kashmir") is a party even when the knowledge base does not know it."""
        for ent in self.ents:
            if ent.label_ not in ("GPE", "LOC") or self._is_taken(ent) \
                    or not party_position(ent.root) or ent.root.pos_ != "PROPN":
                continue
            span = ent[1:] if ent[0].lower_ == "the" else ent
            before, _ = modifiers(span, after=False)
            if any((r := self._role(t)) is not None and r.kind == "person" for t in before):
                # "Nigerian President Buhari" mistagged as a place: a titled person
                key = self._add_unknown_person(span, before, [])
                self.taken |= {t.i for t in before}
                continue
            key = f"place:{span.text}"
            if key not in self.found:
                self.found[key] = _Actor(key, span.text, "region", None, None, None)
            self._mention(span.start, span.end, key, "name")

    def _add_entry(self, span: Span, entry: Entry, kind: str) -> str:
        key = entry.id
        if key not in self.found:
            standing = self.kb.standing(entry, self.published)
            self.found[key] = _Actor(key, entry.name, entry.kind, standing.country,
                                     standing.sector, standing.code, entry.id,
                                     set((standing.title or "").lower().split()))
        self._mention(span.start, span.end, key, kind)
        return key

    def _mention(self, start: int, end: int, key: str, kind: str) -> None:
        self.mentions.append((start, end, key, kind))
        self.taken |= set(range(start, end))

    # ---- pronouns
    def _pronouns(self) -> None:
        people = sorted((self.doc[s].idx, key) for s, _, key, kind in self.mentions
                        if self.found[key].kind == "person" and kind != "pronoun"
                        and not inside(self.doc[s].idx, self.quoted))
        for token in self.doc:
            if token.lower_ not in PRONOUNS or token.pos_ != "PRON" or token.i in self.taken \
                    or inside(token.idx, self.quoted):
                continue
            earlier = [(idx, key) for idx, key in people if idx < token.idx]
            if earlier and token.idx - earlier[-1][0] <= PRONOUN_REACH_CHARS:
                self._mention(token.i, token.i + 1, earlier[-1][1], "pronoun")

    # ---- output
    def _index(self) -> ActorIndex:
        mentions = sorted(set(self.mentions))
        ids: dict[str, str] = {}
        for _, _, key, _ in mentions:
            ids.setdefault(key, f"a{len(ids) + 1}")
        index = ActorIndex()
        for key, actor_id in ids.items():
            a = self.found[key]
            index.actors.append(Actor(actor_id, a.name, a.kind, a.country, a.sector, a.code,
                                      a.kb_id))
        text = self.text
        for start, end, key, kind in mentions:
            first, last = self.doc[start], self.doc[end - 1]
            char_start, char_end = first.idx, last.idx + len(last)
            index.mentions.append(Mention(char_start, char_end, text[char_start:char_end],
                                          ids[key], kind))
        return index


def _code(country: str | None, sector: str | None) -> str | None:
    return (country + (sector or "")) if country else None
