"""The quotes scorer: exact and overlap span matching, speaker and cue accuracy."""

from __future__ import annotations

import json

import pytest

from dyadwatch.evaluate.quotes import attributions, report, score

TEXT = (
    "“We will win,” Ana Ruiz said. Tom Lee said the vote was rigged,"
    " and officials counted ballots slowly in every northern district."
)

WIN = (0, 14)
RIGGED = (TEXT.index("the vote"), TEXT.index(", and"))
ANA = (TEXT.index("Ana Ruiz"), TEXT.index("Ana Ruiz") + 8)
TOM = (TEXT.index("Tom Lee"), TEXT.index("Tom Lee") + 7)
SAID_1 = (TEXT.index("said"), TEXT.index("said") + 4)
SAID_2 = (TEXT.index("said", SAID_1[1]), TEXT.index("said", SAID_1[1]) + 4)


def gold_quote(span, speaker, cue, fragments=None):
    quote = {
        "start": span[0],
        "end": span[1],
        "speaker": list(speaker) if speaker else None,
        "cue": list(cue) if cue else None,
    }
    if fragments:
        quote["fragments"] = fragments
    return quote


def predicted(span, speaker, cue, kind="direct"):
    return {
        "start": span[0],
        "end": span[1],
        "text": TEXT[span[0] : span[1]],
        "kind": kind,
        "cue": speaker and cue,
        "speaker": speaker,
        "speaker_actor": None,
    }


GOLD = [{"text": TEXT, "quotes": [gold_quote(WIN, ANA, SAID_1), gold_quote(RIGGED, TOM, SAID_2)]}]


def test_perfect_prediction_scores_one() -> None:
    pred = [{"quotes": [predicted(WIN, ANA, SAID_1), predicted(RIGGED, TOM, SAID_2, "indirect")]}]
    metrics = score(GOLD, pred)
    assert metrics["exact_f1"] == 1.0
    assert metrics["overlap_f1"] == 1.0
    assert metrics["speaker_accuracy"] == 1.0
    assert metrics["cue_accuracy"] == 1.0


def test_overlap_needs_half_the_tokens_both_ways() -> None:
    longer = (RIGGED[0], len(TEXT) - 1)  # 13 tokens, 4 of them in the gold content
    shorter = (RIGGED[0], RIGGED[0] + len("the vote"))  # 2 of 4 gold tokens: exactly half
    tiny = (RIGGED[0], RIGGED[0] + len("the"))
    assert score(GOLD, [{"quotes": [predicted(longer, TOM, SAID_2)]}])["overlap_recall"] == 0.0
    assert score(GOLD, [{"quotes": [predicted(shorter, TOM, SAID_2)]}])["overlap_recall"] == 0.5
    assert score(GOLD, [{"quotes": [predicted(tiny, TOM, SAID_2)]}])["overlap_recall"] == 0.0


def test_exact_ignores_surrounding_whitespace_only() -> None:
    padded = (RIGGED[0] - 1, RIGGED[1])
    metrics = score(GOLD, [{"quotes": [predicted(padded, TOM, SAID_2)]}])
    assert metrics["exact_recall"] == 0.5
    trimmed = (RIGGED[0] + 4, RIGGED[1])
    metrics = score(GOLD, [{"quotes": [predicted(trimmed, TOM, SAID_2)]}])
    assert metrics["exact_recall"] == 0.0 and metrics["overlap_recall"] == 0.5


def test_speaker_and_cue_accuracy_over_matched_quotes() -> None:
    # The first prediction names the wrong speaker and the wrong cue (not the second "said",
    # which would make both predictions fragments of one attribution).
    pred = [{"quotes": [predicted(WIN, TOM, TOM), predicted(RIGGED, TOM, SAID_2)]}]
    metrics = score(GOLD, pred)
    assert metrics["speaker_accuracy"] == 0.5
    assert metrics["cue_accuracy"] == 0.5
    assert metrics["speaker_scored"] == 2


def test_gold_without_speaker_is_not_scored_for_speaker() -> None:
    gold = [{"text": TEXT, "quotes": [gold_quote(WIN, None, None)]}]
    metrics = score(gold, [{"quotes": [predicted(WIN, ANA, SAID_1)]}])
    assert metrics["overlap_f1"] == 1.0
    assert metrics["speaker_scored"] == 0


def test_fragments_are_the_gold_content() -> None:
    outer = (0, len(TEXT))
    gold = [{"text": TEXT, "quotes": [gold_quote(outer, TOM, SAID_2, fragments=[list(RIGGED)])]}]
    metrics = score(gold, [{"quotes": [predicted(RIGGED, TOM, SAID_2)]}])
    assert metrics["overlap_f1"] == 1.0


def test_one_prediction_matches_one_gold() -> None:
    gold = [{"text": TEXT, "quotes": [gold_quote(RIGGED, TOM, SAID_2)] * 2}]
    metrics = score(gold, [{"quotes": [predicted(RIGGED, TOM, SAID_2)]}])
    assert metrics["overlap_precision"] == 1.0
    assert metrics["overlap_recall"] == 0.5


SPLIT = "“We are ready,” Jan Kowalski said, “but the other side is not.”"
FIRST = (0, SPLIT.index(" Jan"))
SECOND = (SPLIT.index("“but"), len(SPLIT))
JAN = (SPLIT.index("Jan"), SPLIT.index(" said"))
SAID = (SPLIT.index("said"), SPLIT.index("said") + 4)


def split_prediction(span, cue=SAID):
    return {"start": span[0], "end": span[1], "text": SPLIT[span[0] : span[1]],
            "kind": "direct", "cue": cue, "speaker": JAN, "speaker_actor": None}  # fmt: skip


def test_fragments_sharing_a_cue_are_one_attribution() -> None:
    fragments = [list(FIRST), list(SECOND)]
    gold = [{"text": SPLIT, "quotes": [gold_quote((0, len(SPLIT)), JAN, SAID, fragments)]}]
    pred = [{"quotes": [split_prediction(FIRST), split_prediction(SECOND)]}]
    metrics = score(gold, pred)
    assert (metrics["predicted"], metrics["matched"], metrics["exact_f1"]) == (1, 1, 1.0)
    # Without a shared cue they are two attributions: the longer matches, the other is extra.
    pred = [{"quotes": [split_prediction(FIRST), split_prediction(SECOND, cue=JAN)]}]
    metrics = score(gold, pred)
    assert (metrics["predicted"], metrics["matched"], metrics["exact_f1"]) == (2, 1, 0.0)


def test_attribution_nested_in_another_is_not_scored() -> None:
    outer = {"start": 0, "end": 40, "cue": (50, 54), "speaker": (44, 49), "kind": "indirect"}
    inner = {"start": 10, "end": 20, "cue": (12, 14), "speaker": (10, 11), "kind": "indirect"}
    same = {"start": 0, "end": 40, "cue": (60, 64), "speaker": (55, 59), "kind": "indirect"}
    apart = {"start": 30, "end": 45, "cue": (70, 74), "speaker": (65, 69), "kind": "indirect"}
    kept = attributions([inner, outer, same, apart])
    assert [(q["start"], q["end"], q["cue"]) for q in kept] == [
        (0, 40, (50, 54)),
        (30, 45, (70, 74)),
    ]
    assert kept[0]["fragments"] == [[0, 40]]


def test_record_counts_must_agree() -> None:
    with pytest.raises(ValueError):
        score(GOLD, [])


def test_report_names_every_measure() -> None:
    text = report(score(GOLD, [{"quotes": []}]))
    for word in ("exact", "overlap", "speaker accuracy", "cue accuracy", "gold 2"):
        assert word in text


def test_scores_polnear_records(shared_data) -> None:
    with (shared_data / "quotes" / "polnear_train.jsonl").open(encoding="utf-8") as handle:
        gold = [json.loads(next(handle)) for _ in range(3)]
    metrics = score(gold, [{"quotes": g["quotes"]} for g in gold])
    assert metrics["overlap_f1"] == 1.0
    assert metrics["speaker_accuracy"] == 1.0
