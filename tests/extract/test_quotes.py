"""Quotes: direct, partial and indirect, with cue, speaker and speaker actor."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from spacy.tokens import Doc

from dyadwatch.extract.quote_cues import Found, load_cues
from dyadwatch.extract.quotes import _over_marks, quotes
from dyadwatch.extract.quotes_direct import marked_spans
from dyadwatch.extract.quotes_indirect import indirect_quotes
from dyadwatch.records import Actor, ActorIndex, Mention, Quote

TEST_DATA = Path(__file__).parents[1] / "data"
SAMPLE = "putin-kim-vostochny"
KINDS = {"PERSON": "person", "ORG": "organization", "GPE": "state", "NORP": "group"}


def entity_index(doc) -> ActorIndex:
    """A stand-in for extract.actors: one actor per distinct PERSON/ORG/GPE/NORP entity text."""
    actors: list[Actor] = []
    mentions: list[Mention] = []
    ids: dict[tuple[str, str], str] = {}
    for ent in doc.ents:
        if ent.label_ in KINDS:
            key = (ent.label_, ent.text)
            if key not in ids:
                ids[key] = f"a{len(ids) + 1}"
                actors.append(Actor(ids[key], ent.text, KINDS[ent.label_], None, None, None))
            mentions.append(Mention(ent.start_char, ent.end_char, ent.text, ids[key]))
    return ActorIndex(actors, mentions)


def described(text: str, quote: Quote) -> tuple[str, str, str | None, str | None]:
    cue = text[quote.cue[0] : quote.cue[1]] if quote.cue else None
    speaker = text[quote.speaker[0] : quote.speaker[1]] if quote.speaker else None
    return (quote.text, quote.kind, cue, speaker)


FOUND = [
    # direct, speaker after
    (
        "“We will not retreat an inch,” the minister said.",
        ("“We will not retreat an inch,”", "direct", "said", "the minister"),
    ),
    (
        '"The border stays closed until further notice," said Anna Berg.',
        ('"The border stays closed until further notice,"', "direct", "said", "Anna Berg"),
    ),
    (
        "“Is this the end of the talks?” Maria Lopez asked.",
        ("“Is this the end of the talks?”", "direct", "asked", "Maria Lopez"),
    ),
    # direct, speaker before
    (
        "Peter Hall told reporters: “The ceasefire holds for now.”",
        ("“The ceasefire holds for now.”", "direct", "told", "Peter Hall"),
    ),
    (
        "According to Omar Haddad, “nothing has been decided yet” about the port.",
        ("“nothing has been decided yet”", "direct", "According to", "Omar Haddad"),
    ),
    # partial, governed by the verb of the sentence
    (
        "The senator promised “swift and severe consequences” for the attack.",
        ("“swift and severe consequences”", "partial", "promised", "The senator"),
    ),
    (
        "Officials described the meeting as “frank and useful.”",
        ("the meeting as “frank and useful.”", "partial", "described", "Officials"),
    ),
    # indirect
    (
        "Lena Novak said that the army would withdraw by Friday.",
        ("that the army would withdraw by Friday", "indirect", "said", "Lena Novak"),
    ),
    (
        "The prime minister told parliament the budget was balanced.",
        ("the budget was balanced", "indirect", "told", "The prime minister"),
    ),
    (
        "The agency warned that prices could rise sharply.",
        ("that prices could rise sharply", "indirect", "warned", "The agency"),
    ),
    (
        "The talks collapsed on Monday, Tom Reyes said.",
        ("The talks collapsed on Monday", "indirect", "said", "Tom Reyes"),
    ),
    (
        "According to the ministry, two soldiers were wounded.",
        ("two soldiers were wounded", "indirect", "According to", "the ministry"),
    ),
    (
        "The embassy issued a statement saying that the visit was postponed.",
        ("that the visit was postponed", "indirect", "saying", "a statement"),
    ),
    (
        "Ana Ruiz: Budget cuts will hurt schools.",
        ("Budget cuts will hurt schools", "indirect", ":", "Ana Ruiz"),
    ),
    # stance: the object is what the attitude is about, with what completes it
    (
        "The senator praised the new border agreement warmly.",
        ("the new border agreement", "indirect", "praised", "The senator"),
    ),
    (
        "The minister called the proposal a dangerous mistake.",
        ("the proposal a dangerous mistake", "indirect", "called", "The minister"),
    ),
    (
        "She described the talks as frank and useful.",
        ("the talks as frank and useful", "indirect", "described", "She"),
    ),
    (
        "The governor criticized the ruling on Monday.",  # a time is not content
        ("the ruling", "indirect", "criticized", "The governor"),
    ),
    # intention: the infinitive, with the object it applies to
    (
        "The union urged workers to stay home.",
        ("workers to stay home", "indirect", "urged", "The union"),
    ),
    (
        "The rebels vowed to fight on until the spring.",
        ("to fight on until the spring", "indirect", "vowed", "The rebels"),
    ),
    # verb + preposition: the prepositional object
    (
        "The mayor called for an independent inquiry into the fire.",
        ("an independent inquiry into the fire", "indirect", "called for", "The mayor"),
    ),
    (
        "The opposition voted against the budget bill.",
        ("the budget bill", "indirect", "voted against", "The opposition"),
    ),
    (
        "The senator is calling for the army to withdraw from the border.",
        ("the army to withdraw from the border", "indirect", "calling", "The senator"),
    ),
    # boundaries of a reported clause
    (
        "The envoy said the talks would resume soon, referring to the spring meeting.",
        ("the talks would resume soon", "indirect", "said", "The envoy"),
    ),
    (
        "Tom Reyes said the vote was rigged and that the count should stop.",
        ("the vote was rigged and that the count should stop", "indirect", "said", "Tom Reyes"),
    ),
    (
        "He said he would visit the port and tell the workers himself.",
        ("he would visit the port and tell the workers himself", "indirect", "said", "He"),
    ),
    # doubled apostrophes as quotation marks (some wires' ASCII rendering)
    (
        "''We will not retreat an inch,'' the minister said.",
        ("''We will not retreat an inch,''", "direct", "said", "the minister"),
    ),
    # verbs of manner of speaking
    (
        "“Get out of here!” the mayor yelled.",
        ("“Get out of here!”", "direct", "yelled", "the mayor"),
    ),
    # stance nouns with an author
    (
        "Her support for the wage bill surprised the committee.",
        ("the wage bill", "indirect", "support for", "Her"),
    ),
    (
        "The mayor has long been a supporter of the port plan.",
        ("the port plan", "indirect", "supporter of", "The mayor"),
    ),
    (
        "Adams, a fierce critic of the mayor, spoke first.",
        ("the mayor", "indirect", "critic of", "Adams"),
    ),
    # appearance: the writer's judgement, no named source
    (
        "The governor seemed tired after the long vote.",
        ("The governor seemed tired", "indirect", "seemed", None),
    ),
    (
        "It appears that the ceasefire is holding.",
        ("that the ceasefire is holding", "indirect", "appears", None),
    ),
    # viewing as, passive stance with an agent
    (
        "Many voters see the governor as a reformer.",
        ("the governor as a reformer", "indirect", "see", "Many voters"),
    ),
    (
        "The plan was praised by the union.",
        ("The plan", "indirect", "praised", "the union"),
    ),
    # a non-restrictive relative clause is not part of the object
    (
        "The senator criticized the trade deal, which the president signed last year.",
        ("the trade deal", "indirect", "criticized", "The senator"),
    ),
    # a coordinated report with a complement of its own starts a new report
    (
        "She said taxes would fall but did not say when the cut would come.",
        ("taxes would fall", "indirect", "said", "She"),
    ),
    # en_core_web_sm lemmatizes "hopes" as "hop"
    (
        "The mayor hopes the bridge will reopen soon.",
        ("the bridge will reopen soon", "indirect", "hopes", "The mayor"),
    ),
    (
        "Sanders voted to ban the pipeline.",
        ("to ban the pipeline", "indirect", "voted", "Sanders"),
    ),
    # a pronoun object is what the stance is about
    ("The senator praised him.", ("him", "indirect", "praised", "The senator")),
    # a report framing the clause it hangs from
    (
        "As the Daily Courier reported, the mill will close in May.",
        ("the mill will close in May", "indirect", "reported", "the Daily Courier"),
    ),
    # what a speech verb says without a clause
    (
        "Asked whether he would run, the governor said no.",
        ("no", "indirect", "said", "the governor"),
    ),
    (
        "The suspect claimed self-defense.",
        ("self-defense", "indirect", "claimed", "The suspect"),
    ),
    # any verb or adjective with a "that" clause and a subject
    (
        "Some farmers are worried that the river will flood.",
        ("that the river will flood", "indirect", "worried", "Some farmers"),
    ),
    # cue nouns with an infinitive, stances received "from" someone
    (
        "His call to close the border angered the mayors.",
        ("to close the border", "indirect", "call", "His"),
    ),
    (
        "The mayor won support from the unions.",
        ("The mayor", "indirect", "support", "the unions"),
    ),
    # a clause before ", said X" when the parser hangs it elsewhere is still the content
    (
        "The harbour will reopen next week, said port officials.",
        ("The harbour will reopen next week", "indirect", "said", "port officials"),
    ),
]


@pytest.mark.parametrize(("text", "expected"), FOUND)
def test_finds_quote_with_cue_and_speaker(extract, text: str, expected) -> None:
    found, _ = extract(text)
    assert expected in [described(text, q) for q in found]


NOT_QUOTES = [
    "The “deal” was signed on Monday.",  # scare quotes: no reporting verb governs them
    "The band played “Yesterday” twice.",
    "Did the minister say that the border would reopen?",  # a question, not a report
    "Crowds watched “Saturday Night Live” at the bar.",
    "The said agreement expired in May.",  # "said" as an adjective
    "The senator visited him.",  # not a cue
    "The minister told reporters on Monday.",  # an addressee is not content
    "The storm destroyed the old harbour.",  # not a cue
    "She took a job at the bank.",
    "Bernie Sanders spoke in Ohio on Sunday.",  # a time is not a topic
    "The minister appeared on television on Monday.",  # appearing somewhere judges nothing
    "She saw the film twice.",  # seeing without "as" is not a view
    "The support for the bill grew.",  # a stance nobody holds
]


@pytest.mark.parametrize("text", NOT_QUOTES)
def test_no_quote_without_attribution(extract, text: str) -> None:
    found, _ = extract(text)
    assert found == []


def test_partial_quote_folds_into_the_reported_clause(extract) -> None:
    text = "The minister said the deal was “a historic step” for the region."
    found, _ = extract(text)
    assert [described(text, q) for q in found] == [
        ("the deal was “a historic step” for the region", "partial", "said", "The minister"),
    ]


def test_reports_inside_quotation_marks_belong_to_the_quote(extract) -> None:
    # "I think" inside an (unattributed) quotation is part of it, not a quote of its own.
    text = "Transcript as follows:\n“I think the port will reopen and trade will recover.”"
    found, _ = extract(text)
    assert all(q.cue is None or text[q.cue[0] : q.cue[1]] != "think" for q in found)


def test_reported_clause_runs_to_the_end_of_a_quoted_fragment() -> None:
    found = Found(3, 20, "indirect", (0, 2), None)
    assert _over_marks(found, [(15, 30)]).end == 30
    assert _over_marks(found, [(25, 30)]) == found  # a later quote is not part of it


def test_title_line_claim_stops_at_the_line_end(extract) -> None:
    text = "Poll: Voters split on the new port.\n\nThe survey of 900 adults was taken in May."
    found, _ = extract(text)
    claims = [described(text, q) for q in found if q.cue and text[q.cue[0] : q.cue[1]] == ":"]
    assert claims == [("Voters split on the new port", "indirect", ":", "Poll")]


def test_headline_source_named_elsewhere_in_the_article(extract) -> None:
    # The tagger takes a lone surname in a headline for a common noun; the article names him.
    text = "Sanders: Tax cuts will hurt schools.\n\nBernie Sanders spoke in Ohio on Sunday."
    found, _ = extract(text)
    assert [described(text, q) for q in found] == [
        ("Tax cuts will hurt schools", "indirect", ":", "Sanders"),
    ]


def test_split_quote_keeps_the_speaker(extract) -> None:
    text = "“We are ready,” Jan Kowalski said, “but the other side is not.”"
    found, _ = extract(text)
    assert [described(text, q) for q in found] == [
        ("“We are ready,”", "direct", "said", "Jan Kowalski"),
        ("“but the other side is not.”", "direct", "said", "Jan Kowalski"),
    ]


def test_uncued_quote_continues_previous_attribution(extract) -> None:
    # An uncued quote is a further fragment of the previous attribution: same cue, same speaker.
    text = (
        "“The harvest failed,” Sara Kim said on Monday. “We need help before the winter comes.”\n"
        "“Nobody in the capital is listening to the farmers,” she added.\n"
        "“The roads are closed and the markets are empty.”"
    )
    found, index = extract(text)
    assert [q.kind for q in found] == ["direct"] * 4
    assert {index.actor(q.speaker_actor).name for q in found if q.speaker_actor} == {"Sara Kim"}
    assert found[1].cue == found[0].cue and found[1].speaker == found[0].speaker
    assert found[3].cue == found[2].cue and found[3].speaker_actor == found[0].speaker_actor


def test_quote_running_over_paragraphs(extract) -> None:
    text = (
        "Mayor Ruth Diaz spoke for an hour. She said: “The river has risen three meters.\n"
        "“We have moved every family out of the old town,” Diaz added."
    )
    found, _ = extract(text)
    texts = [q.text for q in found]
    assert "“The river has risen three meters." in texts
    assert "“We have moved every family out of the old town,”" in texts


@pytest.mark.parametrize(
    ("text", "spans"),
    [
        ("The party’s ‘new deal’ plan.", ["‘new deal’"]),  # ’ before a letter is an apostrophe
        ("“He said ‘never’ twice,” she wrote.", ["“He said ‘never’ twice,”"]),  # nested: one
        ("''No,'' he said. ''Never.''", ["''No,''", "''Never.''"]),
        ("Rock ’n’ roll and the ’90s.", []),
        ("It's O'Brien's car.", []),  # straight single marks are apostrophes
    ],
)
def test_quotation_marks_pair(text: str, spans: list[str]) -> None:
    assert [text[m.start : m.end] for m in marked_spans(text)] == spans


def test_stray_mark_costs_one_paragraph_only() -> None:
    text = (
        "The “deal was announced on Monday.\n"
        "“It is a good day,” the envoy said.\n"
        'Her aide said "yes, of course" and left."'
    )
    spans = [text[m.start : m.end] for m in marked_spans(text)]
    assert "“It is a good day,”" in spans
    assert '"yes, of course"' in spans
    assert all("deal" not in s for s in spans)


def test_pronoun_after_quote_is_the_speaker_not_the_person_quoted(extract) -> None:
    text = (
        "Daniel Brooks said the alliance would respond.\n"
        "“Nobody should help Victor Marsh win this war,” he added."
    )
    found, index = extract(text)
    direct = next(q for q in found if q.kind == "direct")
    assert index.actor(direct.speaker_actor).name == "Daniel Brooks"
    assert "Victor Marsh" in [index.actor(a).name for a in direct.mentioned_actors]


def test_nominal_speaker_resolves_to_earlier_titled_person(extract) -> None:
    text = (
        "Navy spokesman Carl Olsen confirmed the exercise.\n"
        "The ships will stay in the area for a week, the spokesman said."
    )
    found, index = extract(text)
    quote = next(q for q in found if q.text.startswith("The ships"))
    assert quote.speaker_actor is not None
    assert index.actor(quote.speaker_actor).name == "Carl Olsen"


def test_offsets_are_evidence(extract) -> None:
    text = "\n".join(t for t, _ in FOUND)
    found, _ = extract(text)
    assert found
    for q in found:
        assert text[q.start : q.end] == q.text
        for span in (q.cue, q.speaker):
            assert span is None or 0 <= span[0] < span[1] <= len(text)


def test_cue_lexicon_is_valid() -> None:
    cues = load_cues()
    assert {"say", "tell", "warn", "add"} <= cues.speech_verbs
    assert ("according", "to") in cues.source_phrases


def _sample(nlp):
    text = (TEST_DATA / f"{SAMPLE}.txt").read_text(encoding="utf-8")
    gold = json.loads((TEST_DATA / f"{SAMPLE}.gold.json").read_text(encoding="utf-8"))
    return text, nlp(text), [q for q in gold["quotes"] if q["required"]]


def _found_with_speaker(text: str, found: list[Quote], index: ActorIndex, gold: dict) -> bool:
    for quote in found:
        if not (quote.start < gold["end"] and gold["start"] < quote.end):
            continue
        spans_agree = (
            gold["speaker"] is not None
            and quote.speaker is not None
            and quote.speaker[0] < gold["speaker"][1]
            and gold["speaker"][0] < quote.speaker[1]
        )
        name = index.actor(quote.speaker_actor).name if quote.speaker_actor else ""
        last_word = gold["speaker_name"].split()[-1]
        if spans_agree or (name and last_word in name.split()):
            return True
    return False


def test_sample_article_required_quotes(nlp) -> None:
    text, doc, required = _sample(nlp)
    index = entity_index(doc)
    found = quotes(doc, index)
    hits = [g["text"] for g in required if _found_with_speaker(text, found, index, g)]
    assert len(required) == 10
    assert len(hits) >= 9, set(g["text"] for g in required) - set(hits)


def test_sample_article_with_actor_resolution(nlp) -> None:
    actors_module = pytest.importorskip("dyadwatch.extract.actors")
    kb_module = pytest.importorskip("dyadwatch.resolve.kb")
    text, doc, required = _sample(nlp)
    index = actors_module.actors(doc, kb_module.KnowledgeBase.load(), dt.date(2023, 9, 13))
    found = quotes(doc, index)
    hits = [g["text"] for g in required if _found_with_speaker(text, found, index, g)]
    assert len(hits) >= 9, set(g["text"] for g in required) - set(hits)
    kirby = next(q for q in found if q.text.startswith("“No nation"))
    assert kirby.speaker_actor is not None
    assert index.actor(kirby.speaker_actor).name == "John Kirby"


def test_reported_clause_is_the_one_after_the_verb(nlp) -> None:
    """When the parser hangs a quoted sentence before the verb on it as well, the clause after
    the verb is the report ("... queue.” Farage said the warning was ...")."""
    words = ["We", "won", ".", "Lee", "said", "they", "lost", "badly", "."]
    doc = Doc(
        nlp.vocab,
        words=words,
        heads=[1, 4, 1, 4, 4, 6, 4, 6, 4],
        deps=["nsubj", "ccomp", "punct", "nsubj", "ROOT", "nsubj", "ccomp", "advmod", "punct"],
        pos=["PRON", "VERB", "PUNCT", "PROPN", "VERB", "PRON", "VERB", "ADV", "PUNCT"],
        lemmas=["we", "win", ".", "Lee", "say", "they", "lose", "badly", "."],
    )
    found = indirect_quotes(doc, load_cues(), [])
    described_found = [(doc.text[q.start : q.end], q.speaker) for q in found]
    assert described_found == [
        ("they lost badly", (doc.text.index("Lee"), doc.text.index(" said")))
    ]


def test_aspectual_verb_is_not_the_cue_of_a_quote_under_it(extract) -> None:
    text = "Cruz said Rubio will continue to be “a champion for opportunity.”"
    found, _ = extract(text)
    assert [described(text, q)[2] for q in found] == ["said"]


def test_object_stops_at_the_paragraph_end(nlp) -> None:
    """A parse that joins the next paragraph to the object does not carry it into the content."""
    words = ["She", "praised", "the", "plan", "\n\n", "Officials", "met", "."]
    doc = Doc(
        nlp.vocab,
        words=words,
        heads=[1, 1, 3, 1, 3, 6, 3, 1],
        deps=["nsubj", "ROOT", "det", "dobj", "dep", "nsubj", "relcl", "punct"],
        pos=["PRON", "VERB", "DET", "NOUN", "SPACE", "NOUN", "VERB", "PUNCT"],
        lemmas=["she", "praise", "the", "plan", "\n\n", "official", "meet", "."],
    )
    found = indirect_quotes(doc, load_cues(), [])
    assert [doc.text[q.start : q.end] for q in found] == ["the plan"]
