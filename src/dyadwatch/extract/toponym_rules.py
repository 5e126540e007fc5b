"""Toponyms that the entity recogniser misses, found by the patterns local news writes them in.

Two patterns, each checked against the gazetteer: a name qualified by its US state, found
after a street address or modifying a noun of local news ("Greer, South Carolina", "of 1935
Orchard St., Alexandria", "Roselle police"), which the model often calls a person; and bare
names in a list before "counties" or "parishes" ("Clarke, Madison and Oconee counties"), which
name counties although no word "County" follows them.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from dyadwatch.resolve.gazetteer import Gazetteer

COUNTY_LIST = "COUNTY_LIST"  # the label of a bare county name in a list: look up "<name> County"
MAX_NAME_TOKENS = 3
_PLURAL_ADMIN = {"counties": "County", "parishes": "Parish"}
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
