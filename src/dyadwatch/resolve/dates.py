"""Normalise a time expression to a TIMEX3 type and value, anchored on the publication date.

The input is an already-delimited span (see `extract.timexes`): the rules read the whole span,
never search free text. Relative expressions resolve against `published`; without it they
become underspecified values (`XXXX-XX-XX`, `XXXX-WXX-3`) rather than guesses from today.
`tense` ("past", "present", "future" or None) is the tense of the clause that governs the span
and decides between the previous and the next "Tuesday" or "April 25".
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass
from importlib import resources
from typing import Any

import yaml

VOCABULARY_SECTIONS = (
    "months", "weekdays", "seasons", "day_parts", "clock_words", "numbers", "vague_numbers",
    "ordinals", "units", "references", "sets", "holidays", "weekday_holidays", "leading_trim",
    "split_words", "not_timex", "recover",
)  # fmt: skip


@dataclass(frozen=True)
class TimexValue:
    type: str  # DATE | TIME | DURATION | SET
    value: str


@functools.cache
def vocabulary() -> dict[str, Any]:
    """The word lists of data/timex/vocabulary.yaml, checked for every section."""
    text = resources.files("dyadwatch.data").joinpath("timex/vocabulary.yaml").read_text("utf-8")
    data = yaml.safe_load(text)
    missing = [s for s in VOCABULARY_SECTIONS if s not in data]
    if missing:
        raise ValueError(f"[E060] timex vocabulary lacks sections: {', '.join(missing)}")
    return dict(data)


def clean(text: str) -> str:
    """Lower-case, plain apostrophes, no possessive, no dots after words, hyphens as spaces."""
    s = text.lower().replace("’", "'").replace("–", "-")
    s = re.sub(r"\b([ap])\.\s?m\b\.?", r"\1m", s)
    s = re.sub(r"(?<=[a-z])\.", "", s)
    s = re.sub(r"'s\b", "", s)
    s = re.sub(r"[,;:!?\"()](?!\d\d)", " ", s)
    s = re.sub(r"(?<=[a-z])-|-(?=[a-z])", " ", s)
    s = re.sub(r"\s+", " ", s).strip()
    return s


def normalise(text: str, published: dt.date | None, *, tense: str | None = None) -> TimexValue:
    """TIMEX3 type and value of one time expression."""
    s = _spoken_years(clean(text)).replace("fiscal year", "year")
    anchor = Anchor(published, tense)
    for rule in _RULES:
        found = rule(s, anchor)
        if found is not None:
            return found
    return _fallback(s)


_TENS = "(ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)"
_DECADE_WORDS = "(twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"


def _spoken_years(s: str) -> str:
    """Spoken years as digits: "nineteen ninety six" -> "1996", "the nineties" -> "1990s"."""
    numbers = vocabulary()["numbers"]

    def century_year(m: re.Match[str]) -> str:
        tail = numbers[m.group(2)] + (numbers[m.group(3)] if m.group(3) else 0)
        return str(numbers[m.group(1)] * 100 + tail)

    units = "(one|two|three|four|five|six|seven|eight|nine)"
    s = re.sub(rf"\b{_TENS} {_DECADE_WORDS}(?: {units})?\b", century_year, s)
    s = re.sub(rf"\btwo thousand(?: and)?(?: {units}\b)?",
               lambda m: str(2000 + (numbers[m.group(1)] if m.group(1) else 0)), s)  # fmt: skip
    s = re.sub(r"^(?:the )?year (\d{4})$", r"\1", s)
    return re.sub(rf"^the {_DECADE_WORDS[:-1]})ies$",
                  lambda m: f"19{numbers[m.group(1)] // 10}0s", s)  # fmt: skip


def _lexical(s: str, a: Anchor) -> TimexValue | None:
    vocab = vocabulary()
    bare = re.sub(r"^(the|a) ", "", s)
    if s in vocab["references"] or bare in vocab["references"]:
        return TimexValue("DATE", vocab["references"].get(s) or vocab["references"][bare])
    if s in vocab["sets"]:
        return TimexValue("SET", vocab["sets"][s])
    if m := re.fullmatch(r"(?:every|each|per) (day|week|month|year|quarter|hour)", s):
        return TimexValue("SET", _duration(1, _unit_code(m.group(1)) or "D"))
    if s in vocab["holidays"]:
        return TimexValue(
            "DATE", f"{a.year_for(int(vocab['holidays'][s][:2]))}-{vocab['holidays'][s]}"
        )
    if s in vocab["weekday_holidays"]:
        month, weekday, nth = vocab["weekday_holidays"][s]
        return TimexValue("DATE", a.nth_weekday(month, weekday, nth))
    return None


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
        offset = -1 if m.group(1) == "last" and parts[m.group(2)] == "NI" else 0
        return TimexValue("TIME", f"{a.day(offset)}T{parts[m.group(2)]}")
    return None


def _clock(s: str, a: Anchor) -> TimexValue | None:
    """Clock times, optionally with a zone and a day: "5 pm est nov 9", "noon thursday"."""
    words = "|".join(map(re.escape, vocabulary()["clock_words"]))
    m = re.search(
        rf"^(?:about |around |at )?(?:(\d{{1,2}})(?::(\d\d))?\s*(am|pm|o'clock)|({words}))"
        rf"(?: ?[a-z]?[sd]?t\b| gmt| utc)?(?: (?:in the )?(morning|afternoon|evening|night))?",
        s,
    )
    if not m:
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
    day = a.day(0)
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
    days = "|".join(vocabulary()["weekdays"])
    s = re.sub(rf"^(?:this coming |this |next |last )?({days}) (?=[a-z]+ \d|\d)", "", s)
    if m := re.fullmatch(rf"{month} (?:of )?(this|last|next) year", s):
        year = a.shifted("Y", {"this": 0, "last": -1, "next": 1}[m.group(2)])
        return TimexValue("DATE", f"{year}-{months[m.group(1)]:02d}")
    if m := re.fullmatch(rf"{month} (\d{{1,2}}) ?{_YEAR}", s):
        return TimexValue("DATE", _ymd(_year(m.group(3)), months[m.group(1)], int(m.group(2))))
    if m := re.fullmatch(rf"(\d{{1,2}}) (?:of )?{month} ?{_YEAR}", s):
        return TimexValue("DATE", _ymd(_year(m.group(3)), months[m.group(2)], int(m.group(1))))
    if m := re.fullmatch(rf"{month} (?:of )?{_YEAR}", s):
        return TimexValue("DATE", f"{_year(m.group(2)):04d}-{months[m.group(1)]:02d}")
    if m := re.fullmatch(rf"{month} (\d{{1,2}})|(\d{{1,2}}) (?:of )?{month}", s):
        month_no = months[m.group(1) or m.group(4)]
        return TimexValue("DATE", a.partial_date(month_no, int(m.group(2) or m.group(3))))
    if m := re.fullmatch(r"(\d{1,2})/(\d{1,2})/(\d{4}|\d\d)", s):
        return TimexValue("DATE", _ymd(_year(m.group(3)), int(m.group(1)), int(m.group(2))))
    if m := re.fullmatch(r"(\d{4})-(\d\d)-(\d\d)", s):
        return TimexValue("DATE", s)
    if m := re.fullmatch(rf"(?:fiscal |calendar |the year |fy ?)?{_YEAR}(?: fiscal year)?", s):
        return TimexValue("DATE", f"{_year(m.group(1)):04d}")
    if m := re.fullmatch(rf"(?:this |last |next |the )?{month}", s):
        if m.group(1) == "may" and not s.startswith(("this", "last", "next", "the")):
            return TimexValue("DATE", a.month_value(5, None))
        return TimexValue("DATE", a.month_value(months[m.group(1)], s.split(" ")[0]))
    return None


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
    s = re.sub(r"^(the )?(early|late|mid|middle|end of the|the end of the) ", "", s)
    s = s.removeprefix("the ")
    if m := re.fullmatch(r"(\d{3})0s|'(\d)0s", s):
        return TimexValue("DATE", (m.group(1) or f"19{m.group(2)}") + "X")
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
        year = str(_year(m.group(3))) if m.group(3) else a.year_of_period(letter, n)
        if year_back and year.isdigit():
            year = f"{int(year) - 1:04d}"
        return TimexValue("DATE", f"{year}-{letter}{n}")
    if m := re.fullmatch(
        r"(this|current|latest|last|next|previous|past|recent|year ago|year earlier)? ?quarter", s
    ):
        offset = {"this": 0, "current": 0, "next": 1, None: 0 if a.tense != "past" else -1}
        return TimexValue("DATE", a.quarter(offset.get(m.group(1), -1) + year_back))
    return None


def _fallback(s: str) -> TimexValue:
    """Unknown expressions keep their granularity where a unit word shows it."""
    for word in reversed(s.split(" ")):
        unit = _unit_code(word)
        if unit is not None:
            return TimexValue("DURATION", _duration(None, unit))
    return TimexValue("DATE", "XXXX-XX-XX")


def _ago(s: str, a: Anchor) -> TimexValue | None:
    """Offsets from the anchor: "two years ago", "a year earlier", "three days later"."""
    s = re.sub(r"^(the|about|nearly|almost|more than|less than|some|only|just|over) ", "", s)
    m = re.fullmatch(r"(?:(.+) )?(\w+) (ago|earlier|before|later|after|from now|hence)"
                     r"(?: (?:period|quarter))?", s)  # fmt: skip
    if not m or (unit := _unit_code(m.group(2))) is None:
        return None
    n = _number(m.group(1)) if m.group(1) else 1
    sign = -1 if m.group(3) in ("ago", "earlier", "before") else 1
    if n is None:
        return TimexValue("DATE", "PAST_REF" if sign < 0 else "FUTURE_REF")
    return TimexValue("DATE", a.shifted(unit, sign * n))


_NEAR = {"this": 0, "current": 0, "the current": 0, "next": 1, "coming": 1, "the coming": 1,
         "the next": 1, "following": 1, "the following": 1, "last": -1, "the last": -1,
         "past": -1, "the past": -1, "previous": -1, "the previous": -1, "this past": -1,
         "latest": -1, "the latest": -1, "the": 0, "year ago": -1, "year earlier": -1}  # fmt: skip


def _relative_unit(s: str, a: Anchor) -> TimexValue | None:
    """ "last week", "earlier this month", "early next year", "last fall", "the weekend"."""
    s = re.sub(r"^(the )?(early|late|mid|middle of|end of|the end of|earlier|later|beginning of"
               r"|the beginning of|rest of|the rest of|remainder of|the remainder of) ",
               "", s)  # fmt: skip
    s = re.sub(r"^(?:earlier|later|early|late) in the ", "the ", s)
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
    return TimexValue("DATE", a.shifted(_unit_code(unit) or "D", offset))


def _span(s: str, a: Anchor) -> TimexValue | None:
    """Durations: "four years", "the past two months", "five-year", "recent weeks", "decades"."""
    s = re.sub(r"^(?:(?:the|a|an|each of|past|last|next|first|coming|final|latest|previous"
               r"|following|recent|additional|another|initial|same|early|more than|less than"
               r"|no more than|at least|about|nearly|almost|over|up to|roughly|around"
               r"|approximately|further|full|entire|whole) )+", "", s)  # fmt: skip
    half = bool(re.search(r"( 1/2| and a half)\b", s))
    s = re.sub(r" 1/2\b| and a half\b", "", s)
    m = re.fullmatch(r"(?:(.+?) )?(\w+?)(?: (?:long|old|ahead|or so|running|straight))?", s)
    if not m or (unit := _unit_code(m.group(2))) is None:
        return None
    plural = m.group(2).endswith("s")
    if m.group(1) is None:
        return TimexValue("DURATION", _duration(None if plural else 1, unit, half=half))
    n = _number(m.group(1))
    if n is None and m.group(1).removeprefix("the ") not in vocabulary()["vague_numbers"]:
        return None
    return TimexValue("DURATION", _duration(n, unit, half=half))


_RULES = (_lexical, _deictic_day, _clock, _explicit, _weekday, _decade_century, _quarter_half,
          _ago, _relative_unit, _span)  # fmt: skip


def _number(words: str) -> int | None:
    """An integer from digits or English number words; None when vague or not a number."""
    words = words.removeprefix("the ").replace(",", "")
    if re.fullmatch(r"\d+", words):
        return int(words)
    numbers = vocabulary()["numbers"]
    total, current = 0, 0
    for word in words.split(" "):
        if word == "and":
            continue
        if word not in numbers or isinstance(numbers[word], float):
            return None
        value = int(numbers[word])
        if value == 100:
            current = max(current, 1) * 100
        else:
            current += value
    total += current
    return total or None


def _unit_code(word: str) -> str | None:
    """TIMEX3 duration unit of a unit word; time units carry a leading "T"."""
    units = vocabulary()["units"]
    if word in units["date"]:
        return str(units["date"][word])
    if word in units["time"]:
        return "T" + str(units["time"][word])
    return None


def _duration(n: int | None, unit: str, *, half: bool = False) -> str:
    """P4Y, PT2H, PXD; decades and centuries count in years, weekends in days."""
    scale = {"DE": (10, "Y"), "CE": (100, "Y"), "WE": (2, "D")}
    factor, letter = scale.get(unit, (1, unit))
    if n is None:
        return "PX" + ("C" if unit == "CE" else "E" if unit == "DE" else letter).lstrip("T")
    n *= factor
    prefix = "PT" if letter.startswith("T") else "P"
    letter = letter.lstrip("T")
    if half and letter in ("Y", "H"):
        return f"{prefix}{n}{letter}{6 if letter == 'Y' else 30}M"
    return f"{prefix}{n}{letter}"


def _year(text: str) -> int:
    if text.startswith("'"):
        return 1900 + int(text[1:]) if int(text[1:]) > 30 else 2000 + int(text[1:])
    return int(text) if len(text) == 4 else 1900 + int(text)


def _ymd(year: int, month: int, day: int) -> str:
    return f"{year:04d}-{month:02d}-{day:02d}"


_SEASON_ORDER = ("WI", "SP", "SU", "FA")
MAX_WEEK_SHIFT = 50_000  # weeks; beyond this the Gregorian calendar of `datetime` runs out


@dataclass(frozen=True)
class Anchor:
    """The publication date and clause tense that relative expressions resolve against."""

    published: dt.date | None
    tense: str | None

    def day(self, offset: int) -> str:
        if self.published is None:
            return "XXXX-XX-XX"
        try:
            return (self.published + dt.timedelta(days=offset)).isoformat()
        except OverflowError:  # beyond the calendar of `datetime`
            return "XXXX-XX-XX"

    def shifted(self, unit: str, n: int) -> str:
        """The calendar unit `n` units away from the anchor, at that unit's granularity."""
        p = self.published
        if unit in ("DE", "CE"):
            return self.shifted("Y", n * (10 if unit == "DE" else 100))
        if p is None:
            return {
                "Y": "XXXX",
                "M": "XXXX-XX",
                "W": "XXXX-WXX",
                "WE": "XXXX-WXX-WE",
                "Q": "XXXX-QX",
            }.get(unit, "XXXX-XX-XX")
        if unit == "Y":
            return f"{p.year + n:04d}"
        if unit == "M":
            y, m = divmod(p.year * 12 + p.month - 1 + n, 12)
            return f"{y:04d}-{m + 1:02d}"
        if unit == "Q":
            y, q = divmod(p.year * 4 + (p.month - 1) // 3 + n, 4)
            return f"{y:04d}-Q{q + 1}"
        if unit in ("W", "WE"):
            if abs(n) > MAX_WEEK_SHIFT:
                return "XXXX-WXX"
            y, w, _ = (p + dt.timedelta(weeks=n)).isocalendar()
            return f"{y:04d}-W{w:02d}" + ("-WE" if unit == "WE" else "")
        if unit.startswith("T"):
            return self.day(0)
        return self.day(n)

    def quarter(self, offset: int) -> str:
        return self.shifted("Q", offset)

    def decade(self, offset: int) -> str:
        return "XXX" if self.published is None else f"{self.published.year // 10 + offset}X"

    def century(self, offset: int) -> str:
        return "XX" if self.published is None else f"{self.published.year // 100 + offset:02d}"

    def weekend(self, offset: int | None) -> str:
        if offset is None:
            offset = {"past": -1 if self.published and self.published.isoweekday() < 6 else 0,
                      "future": 0}.get(self.tense or "past", 0)  # fmt: skip
        return self.shifted("WE", offset)

    def weekday(self, weekday: int, modifier: str | None) -> str:
        """The date of a weekday: previous for past tense or "last", next for future or "next"."""
        if self.published is None:
            return f"XXXX-WXX-{weekday}"
        today = self.published.isoweekday()
        if modifier in ("last", "past", "this past"):
            delta = -((today - weekday) % 7 or 7)
        elif modifier in ("next", "coming", "this coming"):
            delta = (weekday - today) % 7 or 7
        elif modifier == "this":
            delta = weekday - today
        elif self.tense == "future":
            delta = (weekday - today) % 7
        elif self.tense == "present":
            delta = (weekday - today + 3) % 7 - 3  # the nearest one
        else:
            delta = -((today - weekday) % 7)
        return self.day(delta)

    def partial_date(self, month: int, day: int) -> str:
        """A month and day without a year: the year of publication, moved by tense."""
        return f"{self.year_for(month, day)}-{month:02d}-{day:02d}"

    def year_for(self, month: int, day: int = 1) -> str:
        if self.published is None:
            return "XXXX"
        p, year = self.published, self.published.year
        if self.tense == "past" and (month, day) > (p.month, p.day):
            year -= 1
        elif self.tense == "future" and (month, day) < (p.month, p.day):
            year += 1
        elif self.tense not in ("past", "future"):
            year += round((p.month - month) / 12)  # the nearest occurrence
        return f"{year:04d}"

    def month_value(self, month: int, modifier: str | None) -> str:
        if self.published is None:
            return f"XXXX-{month:02d}"
        year = self.published.year
        if modifier == "last":
            year -= month >= self.published.month
        elif modifier == "next":
            year += month <= self.published.month
        elif modifier != "this":
            return f"{self.year_for(month, 1 if self.tense == 'past' else 31)}-{month:02d}"
        return f"{year:04d}-{month:02d}"

    def year_of_period(self, letter: str, n: int) -> str:
        """Year of "the third quarter" or "the first half": last year when still to come."""
        if self.published is None:
            return "XXXX"
        current = (self.published.month - 1) // (3 if letter == "Q" else 6) + 1
        late = self.tense == "past" and n > current
        return f"{self.published.year - late:04d}"

    def season(self, season: str, modifier: str | None) -> str:
        if self.published is None:
            return f"XXXX-{season}"
        year, now = self.published.year, _SEASON_ORDER[self.published.month % 12 // 3]
        ahead = _SEASON_ORDER.index(season) > _SEASON_ORDER.index(now)
        if modifier in ("last", "past", "this past", "the last", "the past") or (
            modifier in (None, "the") and self.tense == "past"
        ):
            year -= ahead or (season == now and modifier is not None)
        elif modifier in ("next", "the next", "coming", "the coming"):
            year += not ahead
        return f"{year:04d}-{season}"

    def nth_weekday(self, month: int, weekday: int, nth: int) -> str:
        year = self.year_for(month, 28)
        if year == "XXXX":
            return f"XXXX-{month:02d}-XX"
        first = dt.date(int(year), month, 1)
        day = 1 + (weekday - first.isoweekday()) % 7 + 7 * (nth - 1)
        return _ymd(int(year), month, day)
