"""Reports read from the surface when the parser misses them: closing attributions ("...,
records show"), the clause after an interrupting attribution ("A, he said, and B"), quotes that
continue the nearest report, verbs of speech the lexicon lacks, names that are not stances."""

from __future__ import annotations

import pytest

from .test_quotes import described

CLOSING = [
    (
        "In nearby Decatur, the big steel plant is hanging on, but it is under intense pressure "
        "from Asian imports, said the company's chief executive, John Ferriola.",
        "In nearby Decatur, the big steel plant is hanging on, but it is under intense pressure "
        "from Asian imports",
        "said",
    ),
    (
        "The aircraft was insured at a value of $35 million in 2011, records show, and aviation "
        "experts say it is worth less now.",
        "The aircraft was insured at a value of $35 million in 2011",
        "show",
    ),
]


@pytest.mark.parametrize(("text", "content", "cue"), CLOSING)
def test_sentence_closed_by_its_attribution(extract, text: str, content: str, cue: str) -> None:
    found, _ = extract(text)
    assert (content, cue) in [(q.text, text[q.cue[0] : q.cue[1]]) for q in found if q.cue]


NOT_CLOSING = [
    # a noun phrase that ends in "shows" is no source that shows
    "Trump has run a remarkably high-energy campaign, careening from nighttime speeches to "
    "interviews on the early-morning news shows.",
    # a relative clause about the sentence is no attribution of it
    "One of his sons is a Marine, a fact he frequently mentions on the campaign trail.",
    # a verb with an object of its own reports that object, not the sentence before
    "Rattling off her promises on schools and jobs, Clinton promised a country of new "
    "opportunities.",
]


@pytest.mark.parametrize("text", NOT_CLOSING)
def test_no_closing_attribution(extract, text: str) -> None:
    found, _ = extract(text)
    assert all(q.text != text.split(",")[0] for q in found)
    assert all(not q.text.startswith(text[:20]) for q in found)


def test_clause_after_an_interrupting_attribution_is_a_second_fragment(extract) -> None:
    text = (
        "The economy is growing faster than expected, the minister said, and unemployment is "
        "falling across the country."
    )
    found, _ = extract(text)
    assert [described(text, q) for q in found] == [
        ("The economy is growing faster than expected", "indirect", "said", "the minister"),
        ("unemployment is falling across the country", "indirect", "said", "the minister"),
    ]


def test_uncued_quote_continues_the_nearest_report(extract) -> None:
    # The partial quote after "Strother said, but" is his second report's, not the first's.
    text = (
        '"We make sure that the donors are legal," said Colin Strother, a campaign spokesman. '
        "Campaign donations are vetted to make sure they comply with federal limits, Strother "
        'said, but "we don\'t ask them their annual income or what their spouse makes."'
    )
    found, _ = extract(text)
    last = found[-1]
    assert last.text.startswith('"we don')
    second_said = text.index("Strother said") + len("Strother ")
    assert last.cue == (second_said, second_said + len("said"))


def test_quote_after_a_relative_clause_continues_the_main_speaker(extract) -> None:
    # "who noted that ..." is an aside of the speaker of the first quote; the next quotation
    # continues that first quote, not the aside.
    text = (
        "''Revenues are up a little bit, and so are rounds,'' said Mr. Ekovich, who noted that "
        "the price of some golf courses had ''cratered'' to about half their former value. "
        "''Things are moving in the right direction, but they are by no means meteoric rises.''"
    )
    found, _ = extract(text)
    assert found[-1].text.startswith("''Things")
    assert found[-1].cue == found[0].cue


def test_quote_closed_by_any_verb_of_a_named_speaker(extract) -> None:
    text = (
        "“They’re all here because he’s promising to give them all this free stuff,” "
        "Jim Bennett shot back with a laugh."
    )
    found, _ = extract(text)
    assert [described(text, q)[1:] for q in found] == [("direct", "shot", "Jim Bennett")]


@pytest.mark.parametrize(
    "text",
    [
        "They paid $332,000 to a company called Cambridge Analytica last year.",
        "The lawsuit was filed by a former staffer named Bradley Podliska.",
    ],
)
def test_a_name_given_is_no_stance(extract, text: str) -> None:
    found, _ = extract(text)
    assert found == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The ministry issued a statement condemning the attack on the convoy.",
            ("a statement condemning the attack on the convoy", "indirect", "issued",
             "The ministry"),
        ),
        (
            "The governor persuaded the unions to accept the new contract.",
            ("the unions to accept the new contract", "indirect", "persuaded", "The governor"),
        ),
    ],
)
def test_issuing_and_persuading_are_reports(extract, text: str, expected) -> None:
    found, _ = extract(text)
    assert expected in [described(text, q) for q in found]


def test_content_stops_at_a_closing_source_phrase(extract) -> None:
    text = (
        "Some 59 percent of registered voters view her unfavorably, according to an ABC News "
        "poll last week - virtually the same as Mr. Trump's 60 percent."
    )
    found, _ = extract(text)
    assert [(q.text, text[q.cue[0] : q.cue[1]]) for q in found if q.cue] == [
        ("Some 59 percent of registered voters view her unfavorably", "according to"),
    ]


def test_a_closing_concession_is_the_writers(extract) -> None:
    text = (
        "He said both Obama and Biden have been fair to him, despite some recent suggestions "
        "by the news media that the president favours Clinton."
    )
    found, _ = extract(text)
    said = [q.text for q in found if q.cue and text[q.cue[0] : q.cue[1]] == "said"]
    assert said == ["both Obama and Biden have been fair to him"]
