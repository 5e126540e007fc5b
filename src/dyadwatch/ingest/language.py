"""Is this English? py3langid on the text's lower-case words, lenient where it cannot tell.

Capitalised words are left out before scoring: news is full of names ("Kim Jong Un",
"Vostochny", "Erdogan") that pull the classifier towards Korean-, Slavic- or Turkish-looking
languages. Short texts and low-confidence guesses count as English; only a confident
non-English verdict rejects.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import Any

# Below this many lower-case words the classifier is a coin toss (measured: 5-word English
# phrases of function words score "en" > 0.99, but 5 names score 0.1 for random languages), so
# the text counts as English.
MIN_SCORED_WORDS = 8
# A non-English verdict must be at least this probable (normalised over py3langid's languages)
# to reject. German and French paragraphs score > 0.99; English wire text with many foreign
# terms stays below 0.9 for any other language.
REJECT_PROBABILITY = 0.9
# Scoring the first few thousand characters of lower-case words is as good as scoring all.
MAX_SCORED_CHARS = 4000

_WORD = re.compile(r"[^\W\d_]+")


@dataclass(frozen=True)
class LanguageGuess:
    """The detected language and whether it counts as English."""

    language: str  # ISO 639-1 code; "en" when the text counts as English
    probability: float  # of the top language; 0.0 when too few words were scored
    words: int  # lower-case words scored
    english: bool

    def describe(self) -> str:
        return (
            f"detected {self.language!r} with probability {self.probability:.2f} "
            f"over {self.words} lower-case words"
        )


def detect_language(text: str) -> LanguageGuess:
    """Guess the language of `text`, leaning to English where the evidence is thin."""
    words = [word for word in _WORD.findall(text) if not word[0].isupper()]
    if len(words) < MIN_SCORED_WORDS:
        return LanguageGuess("en", 0.0, len(words), english=True)
    sample = " ".join(words)[:MAX_SCORED_CHARS]
    language, probability = _identifier().classify(sample)
    probability = float(probability)
    if language == "en" or probability < REJECT_PROBABILITY:
        return LanguageGuess("en", probability if language == "en" else 0.0, len(words), True)
    return LanguageGuess(str(language), probability, len(words), english=False)


@functools.cache
def _identifier() -> Any:
    """py3langid's model (shipped in the wheel), loaded once per process (~0.7 s)."""
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
