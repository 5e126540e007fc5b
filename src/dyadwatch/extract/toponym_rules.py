"""Toponyms that the entity recogniser misses or cannot resolve, found by the patterns news
writes them in.

Datelines ("MANSFIELD --"); names before "County" or "Parish"; a name qualified by its US
state, found after a street address or modifying a noun of local news ("Greer, South
Carolina", "of 1935 Orchard St., Alexandria", "Roselle police"), which the model often calls a
person; bare names in a list before "counties" or "parishes" ("Clarke, Madison and Oconee
counties"), which name counties although no word "County" follows them; and the readings of an
unknown name from the place it contains ("Northeast Georgia"). Also: the place an
organisation or a facility is named for ("the Laurel County Sheriff's Office", "Long Beach
Airport"); a legislator's home after the party letter ("Rep. Charles Rangel, D-N.Y.", "Sen.
Tom Bakk, DFL-Cook"); a place before "-based" ("a Northbrook-based chain"); the longest known
name around a detected one, where the recogniser cut a town's name short ("Barrel City" ->
"Gun Barrel City", "Mt." -> "Mt. Pleasant"); and two places hyphened into one name ("the
Watertown-Mayer team"). Each is checked against the gazetteer.
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
# Words after a place's name that make the whole a street or a natural feature ("Washington
# Drive", "Madison Creek"), not something named for the place.
NOT_NAMED_FOR = _STREET_WORDS | {
    "creek", "river", "lake", "hills", "hill", "mountain", "mountains", "valley", "bay",
    "island", "trail", "bridge", "square",
}  # fmt: skip
_LOCAL_KINDS = frozenset({"city", "county"})
# An organisation named for a place: a country, US state, county, site or big city ("Dublin
# City Schools" is no Irish county, "Delta Air Lines" no town).
_ORG_KINDS = frozenset({"country", "state", "county", "site"})
# A town of any size names a municipal body or a local institution ("Mount Pleasant City
# Council", "Whitestown Town Hall", "Greer Police Department", "Southport High School",
# "Vancouver International Airport"). Schools are named for people too ("Lincoln High
# School"), but local news names its high schools for their towns far more often than its
# elementary and middle schools (LGL).
_MUNICIPAL = frozenset(
    {"city", "town", "village", "borough", "police", "fire", "civic", "high", "airport",
     "international", "regional", "municipal", "metropolitan", "general", "medical", "hospital",
     "volunteer", "board", "public", "area", "district", "community", "superior", "circuit",
     "common", "senior", "chamber"}
)
# Party letters before a legislator's home state or town ("D-N.Y.", "R-Marshall", "DFL-Cook").
_PARTY_LETTERS = frozenset({"D", "R", "I", "DFL", "Ind"})
_AFFILIATION_OPENERS = frozenset({",", "("})
# Kinds a widened name must have: a town, county, state or site, not a country or demonym.
_WIDENED_KINDS = frozenset({"city", "county", "state", "site"})
MAX_WIDENING = 2  # capitalised tokens taken in on each side of a detected name
_PAIRED_KINDS = frozenset({"city", "county", "state", "country"})
# Nouns a town's name modifies in local news ("Roselle police", "the Lindsay area").
_LOCAL_NOUNS = frozenset(
    {"police", "officers", "resident", "residents", "area", "community", "communities",
     "council", "councillors", "mayor", "native", "firefighters", "township", "schools"}
)
# Common nouns a town's name modifies, written in lower case ("a Crafton man", "her Dunwoody
# home"; not "Mad Men"). Not "family": "the Jones family" is a person's.
_LOCAL_COMMON_NOUNS = frozenset(
    {"man", "woman", "men", "women", "boy", "girl", "teen", "teenager", "home", "homes",
     "store", "student", "students", "voters"}
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
        addressed |= end < len(doc) and doc[end].text in _LOCAL_COMMON_NOUNS
        if addressed and any(
            c.kind in _LOCAL_KINDS for c in gazetteer.candidates(doc[start:end].text)
        ):
            found.append(Span(doc, start, end, label="GPE"))
    return found


def org_place(org: Span, gazetteer: Gazetteer, big: frozenset[str]) -> Span | None:
    """The place an organisation is named for: its leading name ("the Laurel County Sheriff's
    Office", "Fargo Police") or the name after its last "of" ("the University of Alexandria").
    `big` holds the keys of places that stand for themselves whatever follows them."""
    tokens = [t for t in org if t.lower_ not in _TRIM_START]
    if len(tokens) < 2:
        return None
    of = [t.i for t in tokens if t.lower_ == "of" and t.i + 1 < org.end]
    tails = [(of[-1] + 1, org.end)] if of else []
    heads = [(tokens[0].i, tokens[0].i + n) for n in range(len(tokens) - 1, 0, -1)]
    for start, end in tails + heads:
        span = Span(org.doc, start, end, label="GPE")
        if end < len(org.doc) and org.doc[end].lower_ in ADMIN_WORDS and end < org.end:
            span = Span(org.doc, start, end + 1, label="GPE")
        if not all(_initial(t) or t.lower_ in ADMIN_WORDS for t in span):
            continue
        kinds = {c.kind for c in gazetteer.candidates(span.text)}
        municipal = span.end < org.end and org.doc[span.end].lower_ in _MUNICIPAL
        if kinds & _ORG_KINDS or normalize(span.text) in big or (
            municipal and "city" in kinds
        ):
            return span
    return None


def named_for_a_town(facility: Span, gazetteer: Gazetteer, big: frozenset[str]) -> bool:
    """A facility unknown to the gazetteer that is named for a town ("Long Beach Airport",
    "Whitestown Town Hall", "the Augusta Herald", "the Port of Los Angeles"): the town is the
    toponym, as LGL tags it. Streets and streams named for places ("Washington Drive", "Madison
    Creek") are not."""
    if facility.label_ != "FAC" or gazetteer.candidates(facility.text):
        return False
    place = org_place(facility, gazetteer, big)
    if place is None:
        return False
    doc = facility.doc
    return place.end == facility.end or doc[place.end].lower_.rstrip(".") not in NOT_NAMED_FOR


def party_homes(doc: Doc, gazetteer: Gazetteer) -> list[Span]:
    """A legislator's home after the party letter: a US state or a US town ("Rep. Charles
    Rangel, D-N.Y.", "Marty Seifert, R-Marshall", "(R-Ocilla)")."""
    found = []
    for token in doc[1:-2]:
        if token.text not in _PARTY_LETTERS or doc[token.i + 1].text != "-":
            continue
        if doc[token.i - 1].text not in _AFFILIATION_OPENERS:
            continue
        start = end = token.i + 2
        while end < len(doc) and end - start < MAX_NAME_TOKENS and _initial(doc[end]):
            end += 1
        for stop in range(end, start, -1):
            span = Span(doc, start, stop, label="GPE")
            if gazetteer.us_state(span.text) is not None or any(
                c.country == "USA" and c.kind in _LOCAL_KINDS
                for c in gazetteer.candidates(span.text)
            ):
                found.append(span)
                break
    return found


def based_in(doc: Doc, gazetteer: Gazetteer) -> list[Span]:
    """A known place before "-based" ("a Northbrook-based chain", "the Sligo-based mother")."""
    found = []
    for start, end in _names(doc):
        based = end + 1 < len(doc) and doc[end].text == "-" and doc[end + 1].lower_ == "based"
        if based and gazetteer.candidates(doc[start:end].text):
            found.append(Span(doc, start, end, label="GPE"))
    return found


def hyphened_pairs(doc: Doc, gazetteer: Gazetteer) -> list[Span]:
    """Two known places written as one name ("the Watertown-Mayer team", "Egypt-US
    relations"), unless the whole is itself a place ("Winston-Salem")."""
    found = []
    for token in doc[1:-1]:
        first, second = doc[token.i - 1], doc[token.i + 1]
        if token.text != "-" or first.whitespace_ or token.whitespace_:
            continue
        if not all(_pairable(t) for t in (first, second)):
            continue
        if gazetteer.candidates(doc[first.i : second.i + 1].text):
            continue
        pair = [Span(doc, t.i, t.i + 1, label="GPE") for t in (first, second)]
        if all(
            any(c.kind in _PAIRED_KINDS for c in gazetteer.candidates(t.text)) for t in pair
        ):
            found.extend(pair)
    return found


def widened(span: Span, gazetteer: Gazetteer) -> Span:
    """The longest known town, county, state or site name made of `span` and up to
    MAX_WIDENING capitalised tokens on each side ("Barrel City" -> "Gun Barrel City", "Belle" ->
    "Belle Plaine", "Mt." -> "Mt. Pleasant"); `span` itself when there is none. A leading
    direction word stays out, as `contained_readings` reads it."""
    doc = span.doc
    best = span
    for left in range(MAX_WIDENING + 1):
        start = span.start - left
        taken_in = doc[start : span.start] if start >= 0 else None
        if taken_in is None or not all(_name_word(t) for t in taken_in):
            break
        if taken_in and taken_in[0].lower_ in _DIRECTIONS:
            continue  # "North Arlington Neighbors": LGL tags the town the quarter belongs to
        for right in range(MAX_WIDENING + 1):
            end = span.end + right
            if end > len(doc) or not all(_name_word(t) for t in doc[span.end : end]):
                break
            if end - start <= len(best):
                continue
            if any(c.kind in _WIDENED_KINDS for c in gazetteer.candidates(doc[start:end].text)):
                best = doc[start:end]
    if best is span:
        return span
    return Span(doc, best.start, best.end, label=span.label_)


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


def _pairable(token: Token) -> bool:
    """A name that can be half of a hyphened pair: no person's ("Angela Martin-Mulu"), no
    party letter ("D-Day")."""
    long_enough = len(token) > MIN_CONTAINED_NAME or (token.is_upper and len(token) > 1)
    return _initial(token) and token.is_alpha and long_enough and token.ent_type_ != "PERSON"


def _name_word(token: Token) -> bool:
    """A capitalised word or abbreviation that can be part of a place's name ("Gun", "Mt."),
    not a function word that opens a sentence ("The", "In")."""
    if not _initial(token) or token.is_stop:
        return False
    return token.is_alpha or (token.text[:-1].isalpha() and token.text[-1] == ".")
