"""(Invented sentences, shaped like the frames they test.) Reports read from the surface when
the parser misses them: closing attributions ("...,
records show"), the clause after an interrupting attribution ("A, he said, and B"), quotes that
continue the nearest report, verbs of speech the lexicon lacks, names that are not stances."""

from __future__ import annotations

import pytest

from .test_quotes import described

CLOSING = [
    (
        "In nearby Decatur, the old paper mill is still running, but it is under heavy pressure "
        "from cheap imports, said the company's chief executive, Mary Olsen.",
        "In nearby Decatur, the old paper mill is still running, but it is under heavy pressure "
        "from cheap imports",
        "said",
    ),
    (
        "The ferry was insured for $12 million in 2015, records show, and shipping experts say "
        "it is worth far less now.",
        "The ferry was insured for $12 million in 2015",
        "show",
    ),
]


@pytest.mark.parametrize(("text", "content", "cue"), CLOSING)
def test_sentence_closed_by_its_attribution(extract, text: str, content: str, cue: str) -> None:
    found, _ = extract(text)
    assert (content, cue) in [(q.text, text[q.cue[0] : q.cue[1]]) for q in found if q.cue]


NOT_CLOSING = [
    # a noun phrase that ends in "shows" is no source that shows
    "The senator has run an unusually busy campaign, rushing from evening rallies to "
    "interviews on the early-morning news shows.",
    # a relative clause about the sentence is no attribution of it
    "Her brother is a firefighter, a fact she often mentions at her rallies.",
    # a verb with an object of its own reports that object, not the sentence before
    "Listing her plans for schools and roads, the mayor promised a city of new opportunities.",
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
        '"We check that every donation is legal," said Tom Reyes, a campaign spokesman. '
        "Donations are vetted to make sure they meet federal limits, Reyes said, but "
        '"we don\'t ask donors about their income or their families."'
    )
    found, _ = extract(text)
    last = found[-1]
    assert last.text.startswith('"we don')
    second_said = text.index("Reyes said") + len("Reyes ")
    assert last.cue == (second_said, second_said + len("said"))


def test_quote_after_a_relative_clause_continues_the_main_speaker(extract) -> None:
    # "who noted that ..." is an aside of the speaker of the first quote; the next quotation
    # continues that first quote, not the aside.
    text = (
        "''Sales are up a little, and so are visits,'' said Mr. Dorne, who noted that prices in "
        "some towns had ''collapsed'' to about half their old level. "
        "''Things are moving the right way, but these are no spectacular gains.''"
    )
    found, _ = extract(text)
    assert found[-1].text.startswith("''Things")
    assert found[-1].cue == found[0].cue


def test_quote_closed_by_any_verb_of_a_named_speaker(extract) -> None:
    text = (
        "“They only came because he is promising them free food and free tickets,” "
        "Anna Park shot back with a laugh."
    )
    found, _ = extract(text)
    assert [described(text, q)[1:] for q in found] == [("direct", "shot", "Anna Park")]


@pytest.mark.parametrize(
    "text",
    [
        "They paid $40,000 to a company called Northwind Analytics last year.",
        "The lawsuit was filed by a former aide named Peter Holm.",
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
        "The company lost $3 million in the quarter, according to its filings, although sales "
        "rose in every region."
    )
    found, _ = extract(text)
    assert [(q.text, text[q.cue[0] : q.cue[1]]) for q in found if q.cue] == [
        ("The company lost $3 million in the quarter", "according to"),
    ]


def test_a_closing_concession_is_the_writers(extract) -> None:
    text = (
        "He said both parties have been fair to him, despite some recent claims by the press "
        "that the council favours his rival."
    )
    found, _ = extract(text)
    said = [q.text for q in found if q.cue and text[q.cue[0] : q.cue[1]] == "said"]
    assert said == ["both parties have been fair to him"]


def test_what_an_act_of_speech_is_about(extract) -> None:
    text = "The senator's remarks about the new judge angered party leaders."
    found, _ = extract(text)
    assert [described(text, q) for q in found] == [
        ("the new judge", "indirect", "remarks about", "The senator's"),
    ]
