"""The words of English time expressions: the vocabulary file, numbers, units and durations."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from importlib import resources
from typing import Any

import yaml


@dataclass(frozen=True)
class TimexValue:
    type: str  # DATE | TIME | DURATION | SET
    value: str


VOCABULARY_SECTIONS = (
    "months", "weekdays", "seasons", "day_parts", "clock_words", "numbers", "vague_numbers",
    "ordinals", "units", "references", "sets", "holidays", "weekday_holidays", "easter_holidays",
    "holiday_names", "leading_trim", "split_words", "not_timex", "not_timex_words", "name_words",
    "age_determiners", "greeting_words", "recover", "forward_verbs", "forward_cues",
    "intention_verbs",
)  # fmt: skip


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


_TENS = "(ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)"
_DECADE_WORDS = "(twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
_DECADE_STEMS = "(twent|thirt|fort|fift|sixt|sevent|eight|ninet)"


def spoken_years(s: str) -> str:
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
    return re.sub(rf"^the {_DECADE_STEMS}ies$",
                  lambda m: f"19{numbers[m.group(1) + 'y'] // 10}0s", s)  # fmt: skip


def number(words: str) -> int | None:
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


def unit_code(word: str) -> str | None:
    """TIMEX3 duration unit of a unit word; time units carry a leading "T"."""
    units = vocabulary()["units"]
    if word in units["date"]:
        return str(units["date"][word])
    if word in units["time"]:
        return "T" + str(units["time"][word])
    return None


_HALVES = {("P", "Y"): "6M", ("P", "D"): "T12H", ("PT", "H"): "30M", ("PT", "M"): "30S"}


def duration(n: int | None, unit: str, *, half: bool = False) -> str:
    """P4Y, PT2H, PXD; decades and centuries count in years, weekends in days."""
    scale = {"DE": (10, "Y"), "CE": (100, "Y"), "WE": (2, "D")}
    factor, letter = scale.get(unit, (1, unit))
    if n is None:
        return "PX" + ("C" if unit == "CE" else "E" if unit == "DE" else letter).lstrip("T")
    n *= factor
    prefix = "PT" if letter.startswith("T") else "P"
    letter = letter.lstrip("T")
    if half and (prefix, letter) in _HALVES:
        return f"{prefix}{n}{letter}{_HALVES[prefix, letter]}"
    return f"{prefix}{n}{letter}"


def parse_year(text: str) -> int:
    if text.startswith("'"):
        return 1900 + int(text[1:]) if int(text[1:]) > 30 else 2000 + int(text[1:])
    return int(text) if len(text) == 4 else 1900 + int(text)
