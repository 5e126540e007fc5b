"""Source and target actors of a trigger, read from the dependency parse.

Arguments are noun phrases; each is resolved to the actor mentioned at its head (or its
possessor), with conjuncts as lists ("The United States and South Korea warned ...").
A named phrase that the knowledge base does not know becomes an ad hoc actor so the evidence is
kept; abstract nouns ("the decision") are not actors.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from dyadwatch.extract.triggers import counted
from dyadwatch.nlp.text import doc_text
from dyadwatch.records import Actor, ActorIndex, Mention, Span
from dyadwatch.resolve.kb import KnowledgeBase

ACTOR_ENTITY_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP", "FAC"})
# Nouns that denote groups of people who act: they may stand as ad hoc actors.
ACTOR_NOUNS = frozenset({
    "official", "government", "authority", "police", "army", "military", "force", "troop",
    "soldier", "rebel", "militant", "insurgent", "protester", "demonstrator", "activist",
    "worker", "union", "party", "opposition", "leader", "minister", "ministry", "president",
    "court", "judge", "prosecutor", "parliament", "lawmaker", "senate", "congress", "regime",
    "administration", "state", "country", "nation", "group", "militia", "student", "farmer",
    "resident", "villager", "citizen", "people", "company", "firm", "agency", "organization",
    "organisation", "council", "committee", "commission", "delegation", "envoy", "diplomat",
    "embassy", "ambassador", "spokesman", "spokeswoman", "spokesperson", "guerrilla",
    "gunman", "attacker", "terrorist", "fighter", "coalition", "alliance", "bank", "navy",
    "air force", "cabinet", "mayor", "governor", "chief", "commander", "general", "king",
    "prince", "premier", "chancellor", "strikers", "striker", "employer", "bloc", "member",
    "employee", "staff", "man", "woman", "child", "civilian", "journalist", "reporter",
    "banker", "doctor", "teacher", "refugee", "migrant", "prisoner", "detainee",
    "suspect", "officer", "executive", "director", "lawyer", "businessman",
    "politician", "candidate", "voter", "supporter", "opponent", "critic", "dissident",
    "monk", "priest", "cleric", "miner", "peacekeeper", "pilot", "sailor",
    "crew", "family", "tribe", "clan", "gang", "cartel", "syndicate", "network", "movement",
    "faction", "front", "brigade", "battalion", "unit", "department", "office",
    "university", "school", "hospital", "church", "mosque", "newspaper", "broadcaster",
    "corporation", "club", "team", "association", "federation", "league",
    "bomber", "gunmen", "assailant", "kidnapper", "sniper", "hacker", "jihadist", "extremist",
    "separatist", "hijacker", "pirate", "rioter", "mob", "crowd", "squad", "donor", "musician",
    "artist", "writer", "athlete", "player", "scientist", "expert", "lecturer", "nurse",
    "physician", "inspector", "observer", "monitor", "negotiator", "mediator", "warplane",
    "jet", "insurgency", "junta", "landowner", "settler", "youth", "tribesman",
    "legislator", "senator", "deputy", "mp", "regulator", "watchdog", "contingent", "ally",
    "partner", "neighbor", "neighbour", "driver", "trucker", "trader", "merchant", "vendor",
    "shopkeeper", "owner", "fisherman", "herder", "pastor", "imam", "patient", "pilgrim",
})
NON_ACTOR_ENTITY_LABELS = frozenset({
    "DATE", "TIME", "MONEY", "PERCENT", "QUANTITY", "CARDINAL", "ORDINAL", "EVENT", "LAW",
    "WORK_OF_ART", "PRODUCT", "LANGUAGE", "LOC",
})
# Prepositions that lead from a non-actor object to the actor it concerns.
ABOUT_PREPS = frozenset({"of", "by", "into", "against", "on", "from"})
# Tried after ABOUT_PREPS: "violations in Zimbabwe", "a camp in Pakistan", "talks about X",
# "air links with Serbia", "an aid programme for Bosnia".
PLACE_PREPS = frozenset({"in", "at", "about", "over", "regarding", "concerning", "with",
                         "for", "to"})
IMPOSED_ON = frozenset({"on", "against", "upon", "to"})
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
DEMONYM_LABELS = frozenset({"NORP", "GPE"})
PART_NOUNS = frozenset({"part", "parts", "area", "areas", "region", "regions"})
QUANTITY_NOUNS = frozenset({"thousand", "hundred", "dozen", "ten", "million", "number", "group",
                            "crowd", "score", "handful", "couple", "majority", "some", "many"})
PRONOUNS = frozenset({"he", "she", "they", "it", "we", "i", "him", "her", "them", "us"})


@dataclass(frozen=True)
class Argument:
    actor: str
    span: Span


class ArgumentResolver:
    """Resolves argument tokens to actors, adding ad hoc actors to the index as needed."""

    def __init__(self, index: ActorIndex, kb: KnowledgeBase | None = None) -> None:
        self.index = index
        self.kb = kb
        self._adhoc: dict[str, str] = {}
        # The two parties of the latest two-party event, for "the two sides" to refer to.
        self.recent: list[Argument] = []
        self.recent_people: list[Argument] = []

    def resolve(self, head: Token | None) -> list[Argument]:
        """Actors of the noun phrase headed by `head`, with its conjuncts."""
        if head is None:
            return []
        if _pair_reference(head):
            pair = self.recent_people if _of_people(head) else self.recent
            if len(pair) == 2:
                return list(pair)  # "the two leaders", "both sides": the last such pair
        found: list[Argument] = []
        for token in (head, *head.conjuncts):
            single = self._one(token)
            candidates = self._coordinated_modifiers(token) or ([single] if single else [])
            for argument in candidates:
                if all(a.actor != argument.actor for a in found):
                    found.append(argument)
        return found

    def _coordinated_modifiers(self, token: Token) -> list[Argument]:
        """"Hungarian and Romanian officials": one actor per coordinated modifier."""
        premodifiers = [t for t in token.subtree if t.i < token.i]
        if not any(t.dep_ == "cc" and t.lower_ in {"and", "&"} for t in premodifiers):
            return []
        start, end = token.left_edge.idx, token.idx + len(token)
        mentions = [m for m in self.index.mentions if start <= m.start and m.end <= end]
        actors = list(dict.fromkeys(m.actor for m in mentions))
        if len(actors) < 2:
            return []
        first = {m.actor: m for m in reversed(mentions)}
        return [Argument(a, (first[a].start, first[a].end)) for a in actors]

    def resolve_deep(self, head: Token | None, depth: int = 3) -> list[Argument]:
        """Like `resolve`, but an object that is no actor yields the actor it is about.

        In order: a demonym modifier ("an Armenian proposal", "a Chinese actor"), the agent
        of a participle ("an offer made by the Taliban"), then the complements that lead to
        an actor ("condemned the killing of civilians", "an investigation into the dealings
        of X", "violations in Zimbabwe"), down to `depth` phrases.
        """
        found = self.resolve(head)
        if found or head is None or depth <= 0:
            return found
        if head.dep_ == "pcomp" and head.pos_ == "VERB":  # "against visiting Prince X"
            obj = next((c for c in head.children if c.dep_ == "dobj"), None)
            return self.resolve_deep(obj, depth - 1)
        for child in head.children:
            if child.dep_ in {"amod", "compound", "nmod"} and child.ent_type_ in DEMONYM_LABELS:
                found = self._demonym(child)
                if found:
                    return found
        for acl in head.children:
            if acl.dep_ != "acl" or acl.tag_ != "VBN":
                continue
            # "an offer made by the Taliban"; "sanctions imposed on India"
            for prep in acl.children:
                if prep.dep_ == "agent" or (prep.dep_ == "prep" and prep.lower_ in IMPOSED_ON):
                    obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
                    found = self.resolve(obj)
                    if found:
                        return found
        for preps in (ABOUT_PREPS, PLACE_PREPS):
            for prep in head.children:
                if prep.dep_ == "prep" and prep.lower_ in preps:
                    obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
                    found = self.resolve_deep(obj, depth - 1)
                    if found:
                        return found
        return []

    def resolve_place(self, head: Token | None) -> list[Argument]:
        """The actor a place name stands for ("in Kashmir"); nothing for common nouns."""
        if head is None:
            return []
        head = counted(head, PART_NOUNS)  # "parts of Kashmir"
        if head.ent_type_ not in PLACE_LABELS:
            return []
        found = self.resolve(head)
        if found or head.pos_ != "PROPN":
            return found
        # A named region ("Kashmir", "the West Bank") stands for the people living there.
        argument = self._adhoc_actor(head, place=True)
        return [argument] if argument is not None else []

    def country(self, actor_id: str) -> str | None:
        return self.index.actor(actor_id).country

    def _demonym(self, token: Token) -> list[Argument]:
        mention = self._mention_covering(token)
        if mention is not None:
            return [Argument(mention.actor, (mention.start, mention.end))]
        start, end = token.idx, token.idx + len(token)
        known = self._known_actor(doc_text(token.doc)[start:end])
        if known is None:
            return []
        self.index.mentions.append(
            Mention(start, end, doc_text(token.doc)[start:end], known, kind="demonym"))
        return [Argument(known, (start, end))]

    def _one(self, token: Token) -> Argument | None:
        token = counted(token, QUANTITY_NOUNS)  # "thousands of students"
        if token.pos_ == "PRON" and self._mention_covering(token) is None:
            antecedent = _reported_speaker(token)
            if antecedent is not None:
                token = antecedent
        # A name in apposition ("his counterpart, Omar al-Razza") and the phrase's own
        # modifiers come before a possessor ("his Iranian counterpart": Iran, not "his").
        children = list(token.children)
        candidates = [token] + [
            c for dep in ("appos", "compound", "amod", "nmod", "poss")
            for c in children if c.dep_ == dep
        ]
        for candidate in candidates:
            mention = self._mention_covering(candidate) or (
                self._mention_in(candidate) if candidate.i != token.i else None
            )
            if mention is not None:
                return Argument(mention.actor, (mention.start, mention.end))
        mention = self._mention_in_span(token.left_edge.idx, token.idx + len(token))
        if mention is not None:
            return Argument(mention.actor, (mention.start, mention.end))
        for candidate in candidates:
            if candidate.dep_ == "amod" and candidate.i != token.i:
                continue
            argument = self._adhoc_actor(candidate)
            if argument is not None:
                return argument
        return None

    def _mention_covering(self, token: Token) -> Mention | None:
        start, end = token.idx, token.idx + len(token)
        covering = [m for m in self.index.mentions if m.start <= start and end <= m.end]
        return max(covering, key=lambda m: m.end - m.start) if covering else None

    def _mention_in(self, token: Token) -> Mention | None:
        return self._mention_in_span(token.left_edge.idx, token.idx + len(token))

    def _mention_in_span(self, start: int, end: int) -> Mention | None:
        inside = [m for m in self.index.mentions if start <= m.start and m.end <= end]
        return inside[-1] if inside else None

    def _adhoc_actor(self, token: Token, *, place: bool = False) -> Argument | None:
        if token.lower_ in PRONOUNS or token.pos_ == "PRON":
            return None
        if any(c.isdigit() for c in token.text):
            return None  # "COVID-19", "H5N1": a disease or a code, not a party
        named = token.ent_type_ in ACTOR_ENTITY_LABELS or (place and token.ent_type_ == "LOC") or (
            token.pos_ == "PROPN" and token.ent_type_ not in NON_ACTOR_ENTITY_LABELS
        )
        if not named and token.lemma_.lower() not in ACTOR_NOUNS:
            return None
        words = [
            t for t in token.subtree
            if t.i <= token.i and t.dep_ not in {"det", "punct", "case"}
        ]
        words = [t for t in words if t.i >= _phrase_start(token, words)]
        start, end = words[0].idx, token.idx + len(token)
        text = doc_text(token.doc)[start:end]
        known = self._known_actor(text)
        if known is not None:
            self.index.mentions.append(Mention(start, end, text, known, kind="demonym"))
            return Argument(known, (start, end))
        key = text.lower()
        if key not in self._adhoc:
            actor_id = f"a{len(self.index.actors) + 1}"
            kind = "person" if token.ent_type_ == "PERSON" else "group"
            self.index.actors.append(
                Actor(id=actor_id, name=text, kind=kind, country=None, sector=None, code=None)
            )
            self._adhoc[key] = actor_id
        actor_id = self._adhoc[key]
        self.index.mentions.append(Mention(start, end, text, actor_id, kind="name"))
        return Argument(actor_id, (start, end))


    def _known_actor(self, text: str) -> str | None:
        """A state named by a demonym the resolver left unlinked ("North Korean shells")."""
        if self.kb is None:
            return None
        states = [entry for entry, _ in self.kb.lookup(text) if entry.kind == "state"]
        if len(states) != 1:
            return None
        entry = states[0]
        for actor in self.index.actors:
            if actor.kb_id == entry.id:
                return actor.id
        actor_id = f"a{len(self.index.actors) + 1}"
        self.index.actors.append(Actor(
            id=actor_id, name=entry.name, kind="state", country=entry.country,
            sector=entry.sector, code=entry.code or entry.country, kb_id=entry.id,
        ))
        return actor_id


def _pair_reference(token: Token) -> bool:
    """"the two leaders", "both sides", "the two": a reference to a pair named before."""
    if token.lower_ in {"both", "two"} and token.dep_ in {"nsubj", "nsubjpass", "dobj", "pobj"}:
        return token.lower_ == "both" or any(c.lower_ == "the" for c in token.children)
    children = {c.lower_ for c in token.children}
    definite = bool(children & {"the", "these", "those", "both"})
    return token.pos_ == "NOUN" and token.tag_ == "NNS" and definite and bool(
        children & {"two", "both"}
    )


def _of_people(token: Token) -> bool:
    """"the two leaders", "the two": people; "the two countries", "both sides": any actors."""
    return token.lower_ in {"two", "both"} or token.lemma_.lower() in PERSON_NOUNS


# Singular nouns for groups, referred to as "they": "the opposition said they will boycott".
COLLECTIVE_NOUNS = frozenset({"opposition", "government", "party", "group", "union",
                              "movement", "coalition", "alliance", "administration", "military",
                              "army", "police", "company", "council", "committee", "team",
                              "family", "junta", "cabinet", "delegation", "bloc"})
PERSON_NOUNS = frozenset({"leader", "president", "man", "woman", "minister", "premier",
                          "head", "chief", "official", "diplomat", "envoy", "king", "ruler"})


def _reported_speaker(pronoun: Token) -> Token | None:
    """"The military says it has opened ...": the subject pronoun of a reported clause is the
    speaker when the two agree in number."""
    if pronoun.dep_ not in {"nsubj", "nsubjpass"}:
        return None
    clause = pronoun.head
    if clause.dep_ != "ccomp":
        return None
    speaker = next((c for c in clause.head.children if c.dep_ == "nsubj"), None)
    if speaker is None or speaker.pos_ == "PRON":
        return None
    plural = pronoun.lower_ in {"they", "we"}
    agrees = plural == (speaker.tag_ in {"NNS", "NNPS"}) or speaker.pos_ == "PROPN" or (
        plural and speaker.lemma_.lower() in COLLECTIVE_NOUNS)
    return speaker if agrees else None


def _phrase_start(token: Token, words: list[Token]) -> int:
    """First token of the contiguous premodifier run that ends at `token`."""
    start = token.i
    for t in sorted(words, key=lambda t: -t.i):
        if t.i == start - 1:
            start = t.i
    return start
