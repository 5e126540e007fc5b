"""Attribution frames beyond "X said Y": attitude adjectives, cue nouns with "be", stance nouns
after light verbs, closing asides, continuations of a reported clause, transcript turns, objects
of reporting verbs, passive views, likeness and a report that interrupts its clause."""

from __future__ import annotations

import pytest

from .test_quotes import described

FOUND = [
    # an attitude adjective with its preposition: the object is the content
    (
        "Several farmers were critical of the new water tax.",
        ("the new water tax", "indirect", "critical of", "Several farmers"),
    ),
    (
        "The governor remained optimistic about the harvest.",
        ("the harvest", "indirect", "optimistic about", "The governor"),
    ),
    # a cue noun as the subject of "be": its clause is the content, its possessor the author
    (
        "The minister's answer was that the port would stay closed.",
        ("that the port would stay closed", "indirect", "answer was", "The minister's"),
    ),
    # a stance noun after a light verb
    (
        "The mayor took a swipe at the regional council.",
        ("the regional council", "indirect", "swipe at", "The mayor"),
    ),
    # a closing apposition or relative clause glosses a noun of the report: not content
    (
        "The senator said she would vote against the Clean Rivers Act, a bill that farmers oppose.",
        ("she would vote against the Clean Rivers Act", "indirect", "said", "The senator"),
    ),
    # a second "that" clause the parser hangs on the verb belongs to the same report
    (
        "The governor said the state needs more teachers, but that he would not raise taxes.",
        (
            "the state needs more teachers, but that he would not raise taxes",
            "indirect",
            "said",
            "The governor",
        ),
    ),
    # a verb whose colon opens a whole quoted sentence
    (
        "The coach then addressed the crowd again: “We played badly and we know it.”",
        ("“We played badly and we know it.”", "direct", "addressed", "The coach"),
    ),
    # a heading that takes a quote from a source
    (
        "From the report: “Most samples were balanced on age and region only.”",
        ("“Most samples were balanced on age and region only.”", "direct", ":", "the report"),
    ),
    # the object phrase of a speech, belief or intention verb
    (
        "The senator seeks the Republican nomination for president.",
        ("the Republican nomination for president", "indirect", "seeks", "The senator"),
    ),
    (
        "The singer posted a video of the rally.",
        ("a video of the rally", "indirect", "posted", "The singer"),
    ),
    # a view stated in the passive: the whole clause, subject to complement
    (
        "The merger was seen by many analysts as a mistake.",
        ("The merger was seen by many analysts as a mistake", "indirect", "seen", "many analysts"),
    ),
    (
        "The walk-off is considered one of the largest in company history.",
        (
            "The walk-off is considered one of the largest in company history",
            "indirect",
            "considered",
            None,
        ),
    ),
    # how things seem, by likeness
    (
        "This seems like a good moment for a change.",
        ("This seems like a good moment for a change", "indirect", "seems", None),
    ),
    # the subject of the reported clause that the parser took for the verb's object
    (
        "Party leaders hoped the meeting, requested by the governor, would end the dispute.",
        (
            "the meeting, requested by the governor, would end the dispute",
            "indirect",
            "hoped",
            "Party leaders",
        ),
    ),
    # a stance verb of the lexicon
    (
        "The senator assailed the new tax plan.",
        ("the new tax plan", "indirect", "assailed", "The senator"),
    ),
    # a stance noun nobody holds, before a preposition of its topic
    (
        "There are growing questions about the safety of the old bridge.",
        ("the safety of the old bridge", "indirect", "questions about", None),
    ),
    (
        "Calls for a new inquiry into the harbour fire grew louder.",
        ("a new inquiry into the harbour fire", "indirect", "Calls for", None),
    ),
    # a stance noun in a phrase of the verb: the verb's subject holds it
    (
        "The new mayor roused the crowd with criticism of the toll road.",
        ("the toll road", "indirect", "criticism of", "The new mayor"),
    ),
    # a stance received from someone, about a topic of its own
    (
        "The ferry company faced criticism from residents for the higher fares.",
        ("the higher fares", "indirect", "criticism from residents for", "residents"),
    ),
]


@pytest.mark.parametrize(("text", "expected"), FOUND)
def test_finds_frame_with_cue_and_speaker(extract, text: str, expected) -> None:
    found, _ = extract(text)
    assert expected in [described(text, q) for q in found]


NOT_QUOTES = [
    "The village is close to the border.",  # not an attitude adjective
    "The answer was clear.",  # no clause to report
    "The ship took a detour around the cape.",  # not a stance noun
    "The bakery closed early, thanks to the storm.",  # a connective, not a stance
    "Attacks on the convoy continued overnight.",  # "on" may be a physical target
    "The support of the farmers helped the mayor.",  # "of" may name the holder
    "The case for the new stadium grew weaker.",  # definite: held by someone named before
]


@pytest.mark.parametrize("text", NOT_QUOTES)
def test_no_frame_without_attitude(extract, text: str) -> None:
    found, _ = extract(text)
    assert found == []


def test_occasion_is_not_content(extract) -> None:
    text = "The senator praised the new budget in a tweet."
    found, _ = extract(text)
    assert ("the new budget", "indirect", "praised", "The senator") in [
        described(text, q) for q in found
    ]


def test_quote_continues_a_reported_clause(extract) -> None:
    text = (
        "The minister said the talks had failed.\n\n"
        "“We gave them every chance and they walked away from the table.”"
    )
    found, _ = extract(text)
    kinds = {described(text, q)[1:] for q in found}
    assert kinds == {("indirect", "said", "The minister"), ("direct", "said", "The minister")}


def test_transcript_turns_in_capitals_are_attributed(extract) -> None:
    text = (
        "HOST: Welcome back to the programme tonight.\n\n"
        "GUEST: Thank you, it is good to be here.\n\n"
        "HOST: Do you think the plan will pass this year?\n\n"
        "GUEST: I think it will pass before the summer."
    )
    found, _ = extract(text)
    speakers = [described(text, q)[3] for q in found]
    assert speakers.count("HOST") == 2
    assert speakers.count("GUEST") == 2


def test_stance_without_holder_is_kept(extract) -> None:
    text = "It is common for critics to portray the plan as a “reckless gamble” for the region."
    found, _ = extract(text)
    assert [described(text, q)[:3] for q in found] == [
        ("the plan as a “reckless gamble” for the region", "partial", "portray"),
    ]


def test_quoted_title_is_where_it_was_said_not_what(extract) -> None:
    text = "The senator told ABC's “Good Morning America” that the bill would pass."
    found, _ = extract(text)
    assert [described(text, q) for q in found] == [
        ("that the bill would pass", "indirect", "told", "The senator"),
    ]


def test_one_capitalised_word_stays_a_quote(extract) -> None:
    text = "The senator warned of “Armageddon” if the bill fails."
    found, _ = extract(text)
    assert ("“Armageddon”", "partial", "warned", "The senator") in [
        described(text, q) for q in found
    ]


def test_report_that_interrupts_its_clause_takes_both_parts(extract) -> None:
    text = "This campaign, he says, is different from the last one."
    found, _ = extract(text)
    assert [described(text, q) for q in found] == [
        ("This campaign", "indirect", "says", "he"),
        ("is different from the last one", "indirect", "says", "he"),
    ]


def test_named_person_object_is_addressed_not_reported(extract) -> None:
    text = "She asked President Barack Obama about the new rules."
    found, _ = extract(text)
    assert "President Barack Obama" not in [q.text for q in found]
