"""Toponyms that the entity recogniser misses or cannot resolve, found by the patterns news
writes them in.

Datelines ("MANSFIELD --"); names before "County" or "Parish"; a name qualified by its US
state, found after a street address or modifying a noun of local news ("Greer, South
Carolina", "of 1935 Orchard St., Alexandria", "Roselle police"), which the model often calls a
person; bare names in a list before "counties" or "parishes" ("Clarke, Madison and Oconee
counties"), which name counties although no word "County" follows them; and the readings of an
unknown name from the place it contains ("Northeast Georgia"). Each is checked against the
gazetteer.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from dyadwatch.resolve.gazetteer import Gazetteer, GazetteerEntry, normalize

DATELINE = "DATELINE"  # the label of dateline spans: places, never metonyms
ADMIN_WORDS = frozenset({"county", "parish", "borough", "township"})
MIN_CONTAINED_NAME = 3  # a contained name this short is an abbreviation ("Ms", "Del")
COUNTY_LIST = "COUNTY_LIST"  # the label of a bare county name in a list: look up "<name> County"
MAX_NAME_TOKENS = 3
_PLURAL_ADMIN = {"counties": "County", "parishes": "Parish"}
_DIRECTIONS = frozenset(
    {"north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest",
     "northern", "southern", "eastern", "western", "central", "downtown", "upstate"}
)
_DASHES = frozenset({"-", "--", "—", "–", "---"})
_TRIM_START = frozenset({"the", "a", "an", "this", "that", "these", "those"})
_LIST_GLUE = frozenset({",", "and", "&", "or"})
_STREET_WORDS = frozenset(
    {"st", "street", "ave", "avenue", "rd", "road", "dr", "drive", "blvd", "boulevard", "lane",
     "ln", "way", "hwy", "highway", "pike", "ct", "court", "pl", "place", "cir", "circle", "pkwy",
     "parkway"}
)
_LOCAL_KINDS = frozenset({"city", "county"})
# Nouns a town's name modifies in local news ("Roselle police", "the Lindsay area").
_LOCAL_NOUNS = frozenset(
    {"police", "officers", "resident", "residents", "area", "community", "communities",
     "council", "councillors", "mayor", "native", "firefighters", "township", "schools"}
)


def qualified_towns(doc: Doc, gazetteer: Gazetteer) -> list[Span]:
    """Towns written "Town, State" (the town in that state), after a street address or before
    a noun of local news ("Roselle police")."""
    found = []
    for start, end in _names(doc):
        after = doc[end : end + 3]
        if len(after) >= 2 and after[0].text == ",":
            state = _state_after(doc, end + 1, gazetteer)
            if state is not None and any(
                c.country == "USA" and c.admin1 == state and c.kind in _LOCAL_KINDS
                for c in gazetteer.candidates(doc[start:end].text)
            ):
                found.append(Span(doc, start, end, label="GPE"))
                continue
        addressed = start >= 2 and doc[start - 1].text == "," and _street(doc[start - 2])
        addressed |= end < len(doc) and doc[end].lower_ in _LOCAL_NOUNS
        if addressed and any(
            c.kind in _LOCAL_KINDS for c in gazetteer.candidates(doc[start:end].text)
        ):
            found.append(Span(doc, start, end, label="GPE"))
    return found


def county_lists(doc: Doc, gazetteer: Gazetteer) -> list[Span]:
    """Bare names coordinated before "counties" or "parishes" that name such a county."""
    found = []
    for token in doc:
        suffix = _PLURAL_ADMIN.get(token.lower_)
        if suffix is None or token.i == 0:
            continue
        i = token.i - 1
        while i >= 0:
            end = i + 1
            while i >= 0 and _initial(doc[i]) and end - i <= MAX_NAME_TOKENS:
                i -= 1
            if i + 1 == end:
                break
            span = Span(doc, i + 1, end, label=COUNTY_LIST)
            if not any(c.kind == "county" for c in gazetteer.candidates(f"{span.text} {suffix}")):
                break
            found.append(span)
            if i < 0 or doc[i].text not in _LIST_GLUE:
                break
            while i >= 0 and doc[i].text in _LIST_GLUE:
                i -= 1
    return found


def datelines(doc: Doc) -> list[Span]:
    """An upper-case name before a dash that opens a sentence or follows a date: a dateline
    ("MANSFIELD -- The mayor", "COLUMBIA, S.C. — The governor")."""
    found = []
    for sent in doc.sents:
        tokens = [t for t in sent if not t.is_space]
        end = next((i for i, t in enumerate(tokens) if t.text in _DASHES), None)
        if end is None or end == 0:
            continue
        names = tokens[:end]
        while names and (names[0].is_punct or names[0].like_num or names[0].ent_type_ == "DATE"):
            names = names[1:]
        commas = [i for i, t in enumerate(names) if t.text == ","]
        names = names[: commas[0]] if commas else names
        upper = all(t.is_upper or t.text == "." for t in names) and 0 < len(names) <= 4
        if upper and any(t.is_alpha and len(t) > 1 for t in names):
            found.append(Span(doc, names[0].i, names[-1].i + 1, label=DATELINE))
    return found


def named_counties(doc: Doc, gazetteer: Gazetteer) -> list[Span]:
    """Capitalised names before "County" or "Parish" that name a US county ("Rapides Parish")."""
    found = []
    for token in doc:
        if token.lower_ not in ADMIN_WORDS or not _initial(token):
            continue
        for start in range(max(0, token.i - 3), token.i):
            span = Span(doc, start, token.i + 1, label="GPE")
            if doc[start].lower_ in _TRIM_START or not all(_initial(t) for t in span):
                continue
            if any(
                c.kind == "county" for c in gazetteer.candidates(span.text)
            ):
                found.append(span)
                break
    return found


def contained_readings(span: Span, gazetteer: Gazetteer) -> list[GazetteerEntry]:
    """Readings of an unknown name from the place it contains: the rest after a direction
    ("Northeast Georgia", "South Arlington"), else its longest known beginning ("Naugatuck
    River", "West Virginia Democratic Party", "North Druid Hills Road": a street locates its
    article near its namesake)."""
    if len(span) > 1 and span[0].lower_ in _DIRECTIONS:
        found = gazetteer.candidates(span[1:].text)
        if found:
            return found
    for end in range(span.end - 1, span.start, -1):
        head = span.doc[span.start : end]
        key = normalize(head.text)
        if len(key) <= MIN_CONTAINED_NAME or (len(head) == 1 and head[0].lower_ in _DIRECTIONS):
            continue  # "Ms Izevbekhai" is not Mississippi, "North Avenue" not North anything
        found = gazetteer.candidates(head.text)
        if found:
            return found
    return []


def _names(doc: Doc) -> list[tuple[int, int]]:
    """Runs of capitalised proper nouns, at most MAX_NAME_TOKENS long."""
    runs = []
    i = 0
    while i < len(doc):
        if doc[i].pos_ == "PROPN" and _initial(doc[i]) and doc[i].is_alpha:
            end = i
            while end < len(doc) and doc[end].pos_ == "PROPN" and _initial(doc[end]):
                end += 1
            if end - i <= MAX_NAME_TOKENS:
                runs.append((i, end))
            i = end
        else:
            i += 1
    return runs


def _state_after(doc: Doc, start: int, gazetteer: Gazetteer) -> str | None:
    """The US state written at `start` ("South Carolina", "S.C.", "Tex."), longest first."""
    for length in (3, 2, 1):
        if start + length > len(doc):
            continue
        words = doc[start : start + length]
        if not _initial(words[0]):
            continue
        state = gazetteer.us_state(words.text)
        if state is not None and state.admin1:
            return state.admin1
    return None


def _street(token: Token) -> bool:
    return token.lower_.rstrip(".") in _STREET_WORDS


def _initial(token: Token) -> bool:
    return token.text[:1].isupper()
