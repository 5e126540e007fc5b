"""Language check: confident non-English rejects; names and short texts count as English."""

from __future__ import annotations

import pytest

from dyadwatch.ingest.language import detect_language

GERMAN = (
    "Der Außenminister hat am Mittwoch in der Hauptstadt erklärt, dass die Regierung die Lage an "
    "der Grenze genau beobachten werde und weitere Gespräche mit den Nachbarländern plane."
)
FRENCH = (
    "Le ministre des affaires étrangères a déclaré mercredi que le gouvernement suivrait la "
    "situation à la frontière de près et qu'il consulterait ses partenaires européens."
)
ENGLISH = (
    "The foreign minister said on Wednesday that the government would watch the situation at "
    "the border closely and planned further talks with its neighbours."
)
NAMES = "Xi Jinping, Kim Jong Un, Recep Tayyip Erdogan, Ilham Aliyev and Nikol Pashinyan met."
ENGLISH_WITH_NAMES = (
    "Kim Jong Un and Vladimir Putin met at the Vostochny Cosmodrome in the Amur region, where "
    "Sergei Shoigu and Choe Son Hui joined the talks that lasted for several hours."
)


@pytest.mark.parametrize(
    ("text", "language", "english"),
    [
        (ENGLISH, "en", True),
        (ENGLISH_WITH_NAMES, "en", True),
        (NAMES, "en", True),  # only names: cannot tell, lenient
        ("Talks ended.", "en", True),  # too short to tell
        (GERMAN, "de", False),
        (FRENCH, "fr", False),
    ],
)
def test_detect_language(text: str, language: str, english: bool) -> None:
    guess = detect_language(text)
    assert (guess.language, guess.english) == (language, english)


def test_rejection_reason_names_language_and_probability() -> None:
    assert "'de' with probability 1.00" in detect_language(GERMAN).describe()
