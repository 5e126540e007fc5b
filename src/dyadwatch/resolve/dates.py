"""Normalise a time expression to a TIMEX3 type and value, anchored on the publication date.

The input is an already-delimited span (see `extract.timexes`): the rules read the whole span,
never search free text. Deictic expressions ("last week", "Tuesday") resolve against
`published`; without it they become underspecified values (`XXXX-XX-XX`, `XXXX-WXX-3`) rather
than guesses from today. Anaphoric ones ("the following year", "that day", "a year earlier"
after "the third quarter") resolve against the `reference` time the document has reached (see
`resolve.calendar`). `tense` ("past", "perfect", "present", "future" or None) is the tense of
the clause that governs the span and decides between the previous and the next "Tuesday" or
"April 25".
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from typing import Any

from dyadwatch.resolve.anaphora import anaphoric, period_reference, refers_back
from dyadwatch.resolve.calendar import NO_REFERENCE, Anchor, Reference, ymd
from dyadwatch.resolve.timex_words import (
    TimexValue,
    clean,
    duration,
    number,
    parse_year,
    spoken_years,
    unit_code,
    vocabulary,
)

__all__ = ["TimexValue", "clean", "interpret", "is_anaphoric", "normalise", "vocabulary"]


def normalise(
    text: str,
    published: dt.date | None,
    *,
    tense: str | None = None,
    reference: Reference = NO_REFERENCE,
) -> TimexValue:
    """TIMEX3 type and value of one time expression."""
    found = interpret(text, published, tense=tense, reference=reference)
    return found if found is not None else _fallback(spoken_years(clean(text)))


def interpret(
    text: str,
    published: dt.date | None,
    *,
    tense: str | None = None,
    reference: Reference = NO_REFERENCE,
) -> TimexValue | None:
    """The TIMEX3 type and value when a rule reads the whole of `text`, else None."""
    s = spoken_years(clean(text)).replace("fiscal year", "year")
    anchor = Anchor(published, tense, reference)
    for rule in _RULES:
        found = rule(s, anchor)
        if found is not None:
            return found
    return None


def is_anaphoric(text: str) -> bool:
    """Whether the value of `text` is read off the reference time ("a year earlier", "the
    latest quarter", "that day") rather than stated or counted from the publication date."""
    return refers_back(spoken_years(clean(text)))


def _lexical(s: str, a: Anchor) -> TimexValue | None:
    vocab = vocabulary()
    bare = re.sub(r"^(the|a) ", "", s)
    if s in vocab["references"] or bare in vocab["references"]:
        return TimexValue("DATE", vocab["references"].get(s) or vocab["references"][bare])
    if s in vocab["sets"]:
        return TimexValue("SET", vocab["sets"][s])
    if m := re.fullmatch(r"(?:every|each|per) (day|week|month|year|quarter|hour)", s):
        return TimexValue("SET", duration(1, unit_code(m.group(1)) or "D"))
    if (m := re.fullmatch(r"(?:every|each) (\w+)", s)) and m.group(1) in vocab["months"]:
        return TimexValue("SET", f"XXXX-{vocab['months'][m.group(1)]:02d}")
    if (day := _holiday(s, a)) is not None:
        return TimexValue("DATE", day)
    if (m := re.fullmatch(r"(.+) week", s)) and (day := _holiday(m.group(1), a)) is not None:
        if day.startswith("X"):
            return TimexValue("DATE", "XXXX-WXX")
        year, week, _ = dt.date.fromisoformat(day).isocalendar()
        return TimexValue("DATE", f"{year:04d}-W{week:02d}")  # "Easter week"
    return None


def _holiday(s: str, a: Anchor) -> str | None:
    """The date of a named holiday in the year nearest publication ("Christmas", "Memorial
    Day", "Good Friday")."""
    if (fixed := _holidays("holidays").get(s)) is not None:
        return f"{a.year_for(int(fixed[:2]))}-{fixed}"
    if (rule := _holidays("weekday_holidays").get(s)) is not None:
        return a.nth_weekday(*rule)
    if (offset := _holidays("easter_holidays").get(s)) is not None:
        return a.easter(offset)
    return None


@functools.cache
def _holidays(section: str) -> dict[str, Any]:
    """A holiday list keyed as `clean` writes the text it is matched against ("New Year's Day"
    -> "new year day"), whichever way the vocabulary spells the name."""
    return {clean(name): value for name, value in vocabulary()[section].items()}


_DAY_WORD = r"(today|tonight|yesterday|tomorrow)"
_DAY_OFFSET = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1}


def _deictic_day(s: str, a: Anchor) -> TimexValue | None:
    parts = vocabulary()["day_parts"]
    part = "|".join(map(re.escape, parts))
    s = re.sub(r"^(early|late|earlier|later|the end of) |\bmid (?=[a-z])", "", s)
    if m := re.fullmatch(rf"{_DAY_WORD}(?: ({part}))?|({part}) {_DAY_WORD}", s):
        word = m.group(1) or m.group(4)
        day = a.day(_DAY_OFFSET[word])
        part_word = m.group(2) or m.group(3) or ("night" if word == "tonight" else None)
        if part_word and word != "tonight":
            return TimexValue("TIME", f"{day}T{parts[part_word]}")
        return TimexValue("DATE", day)
    if m := re.fullmatch(rf"(?:(this|last|the) )?({part})", s):
        if m.group(1) == "the":  # "in the morning": of the day under discussion
            return TimexValue("TIME", f"{a.reference_day()}T{parts[m.group(2)]}")
        offset = -1 if m.group(1) == "last" and parts[m.group(2)] == "NI" else 0
        return TimexValue("TIME", f"{a.day(offset)}T{parts[m.group(2)]}")
    return None


def _clock(s: str, a: Anchor) -> TimexValue | None:
    """Clock times, optionally with a zone and a day: "5 pm est nov 9", "noon thursday"."""
    words = "|".join(map(re.escape, vocabulary()["clock_words"]))
    m = re.search(
        rf"^(?:about |around |at )?(?:(\d{{1,2}})(?::(\d\d))?"
        rf"(?:\s*(am|pm|o'clock)|(?= (?:in the|at) [a-z]+$))|({words}))"
        rf"(?: ?[a-z]?[sd]?t\b| gmt| utc)?(?: (?:in the |at )?(morning|afternoon|evening|night))?",
        s,
    )
    if not m:
        return None
    if m.group(1) and m.group(3) is None and not m.group(5):
        return None
    if m.group(4):
        hhmm = vocabulary()["clock_words"][m.group(4)]
    else:
        hour = int(m.group(1)) % 12
        if (
            m.group(3) == "pm"
            or m.group(5) in ("afternoon", "evening")
            or (m.group(5) == "night" and hour >= 6)
        ):
            hour += 12
        hhmm = f"{hour:02d}:{m.group(2) or '00'}"
    rest = s[m.end() :].strip()
    day = a.reference_day()  # a bare clock time is on the day under discussion
    if rest:
        found = _date_part(rest, a)
        if found is None or found.type != "DATE":
            return None
        day = found.value
    return TimexValue("TIME", f"{day}T{hhmm}")


def _date_part(s: str, a: Anchor) -> TimexValue | None:
    for rule in (_deictic_day, _explicit, _weekday):
        if (found := rule(s, a)) is not None:
            return found
    return None


_YEAR = r"(1[0-9]{3}|20[0-9]{2}|'\d\d)"


def _explicit(s: str, a: Anchor) -> TimexValue | None:
    """Calendar dates: "april 25 2019", "25 april", "april 2019", "1998", "9/13/2023"."""
    months = vocabulary()["months"]
    month = "(" + "|".join(sorted(months, key=len, reverse=True)) + ")"
    s = re.sub(r"^(early|late|mid|middle of|the middle of|the end of|end of|the beginning of"
               r"|beginning of|the start of|the first half of|the second half of|earlier|later)"
               r" ", "", s)  # fmt: skip
    s = re.sub(r"(?<=\d)(st|nd|rd|th)\b", "", s).removeprefix("the ")
    weekdays = vocabulary()["weekdays"]
    s = re.sub(rf"\b{month} {_day_words()}$", lambda m: f"{m[1]} {_day_number(m[2])}", s)
    weekday = None
    days = "|".join(weekdays)
    if w := re.match(rf"(?:this coming |this |next |last )?({days}) (?=[a-z]+ \d|\d)", s):
        weekday, s = weekdays[w.group(1)], s[w.end() :]
    seasons = vocabulary()["seasons"]
    if m := re.fullmatch(rf"(?:the )?({'|'.join(seasons)}) (?:of )?{_YEAR}", s):
        return TimexValue("DATE", f"{parse_year(m.group(2)):04d}-{seasons[m.group(1)]}")
    week_of = re.fullmatch(r"(?:the )?week of (.+)", s)
    day = _explicit(week_of.group(1), a) if week_of else None
    if day is not None and re.fullmatch(r"\d{4}-\d\d-\d\d", day.value):
        iso_year, week, _ = dt.date.fromisoformat(day.value).isocalendar()
        return TimexValue("DATE", f"{iso_year:04d}-W{week:02d}")
    if m := re.fullmatch(rf"{month} (?:of )?(this|last|next) year", s):
        year = a.shifted("Y", {"this": 0, "last": -1, "next": 1}[m.group(2)])
        return TimexValue("DATE", f"{year}-{months[m.group(1)]:02d}")
    if m := re.fullmatch(rf"{month} (\d{{1,2}}) ?{_YEAR}", s):
        return TimexValue("DATE", ymd(parse_year(m.group(3)), months[m.group(1)], int(m.group(2))))
    if m := re.fullmatch(rf"(\d{{1,2}}) (?:of )?{month} ?{_YEAR}", s):
        return TimexValue("DATE", ymd(parse_year(m.group(3)), months[m.group(2)], int(m.group(1))))
    if m := re.fullmatch(rf"{month} (?:of )?{_YEAR}", s):
        return TimexValue("DATE", f"{parse_year(m.group(2)):04d}-{months[m.group(1)]:02d}")
    if m := re.fullmatch(rf"{month} (\d{{1,2}})|(\d{{1,2}}) (?:of )?{month}", s):
        month_no = months[m.group(1) or m.group(4)]
        return TimexValue("DATE", a.partial_date(month_no, int(m.group(2) or m.group(3)), weekday))
    if m := re.fullmatch(r"(\d{1,2})/(\d{1,2})/(\d{4}|\d\d)", s):
        return TimexValue("DATE", ymd(parse_year(m.group(3)), int(m.group(1)), int(m.group(2))))
    if m := re.fullmatch(r"(\d{4})-(\d\d)-(\d\d)", s):
        return TimexValue("DATE", s)
    if m := re.fullmatch(rf"(?:fiscal |calendar |the year |fy ?)?{_YEAR}(?: fiscal year)?", s):
        return TimexValue("DATE", f"{parse_year(m.group(1)):04d}")
    if m := re.fullmatch(rf"(?:this |last |next |the )?{month}", s):
        if m.group(1) == "may" and not s.startswith(("this", "last", "next", "the")):
            return TimexValue("DATE", a.month_value(5, None))
        return TimexValue("DATE", a.month_value(months[m.group(1)], s.split(" ")[0]))
    return None


def _day_words() -> str:
    """Regex group of spelled-out days of the month: "eighth", "twenty first"."""
    ordinals = "|".join(sorted(vocabulary()["ordinals"], key=len, reverse=True))
    return rf"((?:twenty |thirty )?(?:{ordinals}))"


def _day_number(words: str) -> int:
    *tens, last = words.split(" ")
    tens_value = int(vocabulary()["numbers"][tens[0]]) if tens else 0
    return int(vocabulary()["ordinals"][last]) + tens_value


def _weekday(s: str, a: Anchor) -> TimexValue | None:
    vocab = vocabulary()
    days = "|".join(vocab["weekdays"])
    parts = "|".join(map(re.escape, vocab["day_parts"]))
    s = re.sub(r"^(early|late|earlier|later|the end of) ", "", s)
    m = re.fullmatch(rf"(?:(last|next|this|this past|past|coming|this coming) )?({days})"
                     rf"(?: ({parts}))?|({parts}) ({days})", s)  # fmt: skip
    if not m:
        if m := re.fullmatch(rf"(?:every|each) ({days})|({days})s", s):
            return TimexValue("SET", f"XXXX-WXX-{vocab['weekdays'][m.group(1) or m.group(2)]}")
        return None
    weekday = vocab["weekdays"][m.group(2) or m.group(5)]
    day = a.weekday(weekday, m.group(1))
    part = m.group(3) or m.group(4)
    if part:
        return TimexValue("TIME", f"{day}T{vocab['day_parts'][part]}")
    return TimexValue("DATE", day)


def _decade_century(s: str, a: Anchor) -> TimexValue | None:
    s = re.sub(r"^(the )?(early|late|mid|middle|end of the|the end of the"
               r"|(?:first|second|last) half of the) ", "", s)  # fmt: skip
    s = s.removeprefix("the ")
    if m := re.fullmatch(r"(\d{3})0s|'(\d)0s", s):
        return TimexValue("DATE", m.group(1) or f"19{m.group(2)}")
    if m := re.fullmatch(r"(\d{1,2})(?:st|nd|rd|th) century", s):
        return TimexValue("DATE", f"{int(m.group(1)) - 1:02d}")
    if m := re.fullmatch(r"(this|last|next|previous) (decade|century)", s):
        offset = {"this": 0, "next": 1}.get(m.group(1), -1)
        return TimexValue("DATE", a.decade(offset) if m.group(2) == "decade" else a.century(offset))
    return None


def _quarter_half(s: str, a: Anchor) -> TimexValue | None:
    ordinals = vocabulary()["ordinals"]
    year_back = -4 if re.search(r"\byear (ago|earlier)\b", s) else 0
    if m := re.match(r"(this|last|next) year (?=\w+ (quarter|half)$)", s):
        s = s[m.end() :] + " " + a.shifted("Y", {"this": 0, "last": -1, "next": 1}[m.group(1)])
    s = re.sub(r"\b(fiscal|calendar|financial|year ago|year earlier|comparable)\b ?", "", s).strip()
    s = s.removeprefix("the ").replace("first half", "1 half").replace("second half", "2 half")
    s = s.replace("last half", "2 half")
    if m := re.fullmatch(rf"{_YEAR} (.+)", s):
        s = f"{m.group(2)} {m.group(1)}"
    m = re.fullmatch(
        rf"(?:(?:{'|'.join(ordinals)}|\d) (quarter|half)|q(\d))(?: (?:of )?{_YEAR})?", s
    )
    if m and (m.group(1) or m.group(2)):
        n = ordinals.get(s.split(" ")[0], None) if not m.group(2) else int(m.group(2))
        n = int(s.split(" ")[0]) if n is None else n
        letter = "H" if m.group(1) == "half" else "Q"
        year = str(parse_year(m.group(3))) if m.group(3) else a.year_of_period(letter, n)
        if year_back and year.isdigit():
            year = f"{int(year) - 1:04d}"
        return TimexValue("DATE", f"{year}-{letter}{n}")
    if m := re.fullmatch(
        r"(this|current|latest|last|next|previous|past|recent|year ago|year earlier)? ?quarter", s
    ):
        offset = {"this": 0, "current": 0, "next": 1, None: -1 if a.looks_back else 0}
        return TimexValue("DATE", a.quarter(offset.get(m.group(1), -1) + year_back))
    return None


def _fallback(s: str) -> TimexValue:
    """Unknown expressions keep their granularity where a unit word shows it."""
    for word in reversed(s.split(" ")):
        unit = unit_code(word)
        if unit is not None:
            return TimexValue("DURATION", duration(None, unit))
    return TimexValue("DATE", "XXXX-XX-XX")


def _ago(s: str, a: Anchor) -> TimexValue | None:
    """Offsets from the anchor: "two years ago", "a year earlier", "three days later"."""
    s = re.sub(r"^(the|about|nearly|almost|more than|less than|some|only|just|over) ", "", s)
    s = s.replace(" or so ", " ")
    m = re.fullmatch(r"(?:(.+) )?(\w+) (ago|earlier|before|later|after|from now|hence)"
                     r"(?: (?:period|quarter))?", s)  # fmt: skip
    if not m or (unit := unit_code(m.group(2))) is None:
        return None
    plural = m.group(1) is None and m.group(2).endswith("s")  # "months ago": how many is vague
    n = number(m.group(1)) if m.group(1) else None if plural else 1
    sign = -1 if m.group(3) in ("ago", "earlier", "before") else 1
    if n is None:
        return TimexValue("DATE", "PAST_REF" if sign < 0 else "FUTURE_REF")
    return TimexValue("DATE", a.shifted(unit, sign * n))


_NEAR = {"this": 0, "current": 0, "the current": 0, "next": 1, "coming": 1, "the coming": 1,
         "the next": 1, "following": 1, "the following": 1, "last": -1, "the last": -1,
         "past": -1, "the past": -1, "previous": -1, "the previous": -1, "this past": -1,
         "latest": -1, "the latest": -1, "the": 0, "year ago": -1, "year earlier": -1}  # fmt: skip


def _relative_unit(s: str, a: Anchor) -> TimexValue | None:
    """ "last week", "earlier this month", "early next year", "last fall", "the weekend"; "the
    full year" of an earnings report is the year reported on, not a span."""
    s = re.sub(r"^(?:earlier|later|early|late) in the ", "the ", s)
    s = re.sub(r"^(the )?(early|late|mid|middle of|end of|the end of|earlier|later|beginning of"
               r"|the beginning of|rest of|the rest of|remainder of|the remainder of) ",
               "", s)  # fmt: skip
    s = re.sub(r"^(?:around |by |at )?year end$|^the full year$", "the year", s)
    near = "|".join(sorted(_NEAR, key=len, reverse=True))
    seasons = vocabulary()["seasons"]
    m = re.fullmatch(rf"(?:({near}) )?(year|month|week|weekend|day|{'|'.join(seasons)})", s)
    if not m or (m.group(1) is None and m.group(2) not in seasons):
        return None
    word, unit = m.group(1), m.group(2)
    if unit in seasons:
        return TimexValue("DATE", a.season(seasons[unit], word))
    offset = _NEAR[word] if word != "the" or unit == "weekend" else 0
    if unit == "weekend":
        return TimexValue("DATE", a.weekend(offset if word != "the" else None))
    if unit == "day" and word in ("the", "this", "that"):
        return TimexValue("DATE", a.day(0))
    return TimexValue("DATE", a.shifted(unit_code(unit) or "D", offset))


def _span(s: str, a: Anchor) -> TimexValue | None:
    """Durations: "four years", "the past two months", "five-year", "recent weeks", "decades"."""
    s = re.sub(r"^(?:(?:the|a|an|each of|past|last|next|first|coming|final|latest|previous"
               r"|following|recent|additional|another|initial|same|early|more than|less than"
               r"|no more than|at least|about|nearly|almost|over|up to|roughly|around"
               r"|approximately|further|full|entire|whole|year ago|year earlier|comparable) )+",
               "", s)  # fmt: skip
    s = re.sub(r" (?:trading|business|working|calendar) (?=\w+$)", " ", s)
    s = s.replace("couple of", "couple")
    s = re.sub(r"^\w+ (?:to|or) \w+ (\w+)$", r"some \1", s)  # "two to three weeks": vague
    half = bool(re.search(r"( 1/2| and a half)\b", s))
    s = re.sub(r" 1/2\b| and a half\b", "", s)
    m = re.fullmatch(r"(?:(.+?) )?(\w+?)(?: (?:long|old|ahead|or so|running|straight))?", s)
    if not m or (unit := unit_code(m.group(2))) is None:
        return None
    plural = m.group(2).endswith("s")
    if m.group(1) is None:
        return TimexValue("DURATION", duration(None if plural else 1, unit, half=half))
    n = number(m.group(1))
    if n is None and m.group(1).removeprefix("the ") not in vocabulary()["vague_numbers"]:
        return None
    return TimexValue("DURATION", duration(n, unit, half=half))


_RULES = (_lexical, anaphoric, period_reference, _deictic_day, _clock, _explicit, _weekday,
          _decade_century, _quarter_half, _ago, _relative_unit, _span)  # fmt: skip
