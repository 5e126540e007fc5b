"""Score dyadwatch quotes on PolNeAR (../shared/data/quotes/polnear_train.jsonl).

    .venv/bin/python benchmarks/quotes_polnear.py --limit 60
    .venv/bin/python benchmarks/quotes_polnear.py --offset 0 --limit 200

Actors come from spaCy entities only (the scorer checks speaker spans, not actor ids).

PolNeAR annotates attributions, not quotation marks: a split quote (“A,” he said, “B.”) and the
quotes that follow it from the same speaker are one attribution, and a scare-quoted phrase inside
a reported clause belongs to that clause. `--polnear` scores the output after joining and nesting
it that way (the default prints both figures).
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

from dyadwatch.evaluate.quotes import report, score
from dyadwatch.extract.quotes import quotes
from dyadwatch.nlp.pipeline import load_nlp
from dyadwatch.records import Actor, ActorIndex, Mention

DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "quotes" / "polnear_train.jsonl"
KINDS = {"PERSON": "person", "ORG": "organization", "GPE": "state", "NORP": "group"}


def entity_index(doc) -> ActorIndex:
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


def polnear_view(found: list[dict], text: str) -> list[dict]:
    """Join one speaker's consecutive direct quotes in a paragraph; drop quotes nested in another
    quote with the same cue (PolNeAR's one-attribution-per-cue convention)."""
    kept = [
        q
        for q in found
        if not any(
            o is not q
            and o["cue"] == q["cue"]
            and o["start"] <= q["start"]
            and q["end"] <= o["end"]
            and (o["end"] - o["start"]) > (q["end"] - q["start"])
            for o in found
        )
    ]
    joined: list[dict] = []
    for q in sorted(kept, key=lambda q: q["start"]):
        last = joined[-1] if joined else None
        if (
            last is not None
            and q["kind"] == "direct"
            and last["kind"] == "direct"
            and q["speaker"] is not None
            and q["speaker"] == last["speaker"]
            and "\n" not in text[last["end"] : q["start"]]
        ):
            joined[-1] = {**last, "end": q["end"], "text": text[last["start"] : q["end"]]}
        else:
            joined.append(q)
    return joined


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--offset", type=int, default=0)
    parser.add_argument("--limit", type=int, default=60)
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--dump", type=Path, help="write predictions as JSON Lines")
    args = parser.parse_args()
    with args.data.open(encoding="utf-8") as handle:
        lines = handle.readlines()[args.offset : args.offset + args.limit]
    gold = [json.loads(line) for line in lines]
    nlp = load_nlp()
    started = time.perf_counter()
    predicted = []
    for doc in nlp.pipe((g["text"] for g in gold), batch_size=8):
        found = quotes(doc, entity_index(doc))
        predicted.append(
            {
                "quotes": [
                    {
                        "start": q.start,
                        "end": q.end,
                        "text": q.text,
                        "kind": q.kind,
                        "cue": q.cue,
                        "speaker": q.speaker,
                        "speaker_actor": q.speaker_actor,
                    }
                    for q in found
                ]
            }
        )
    elapsed = time.perf_counter() - started
    if args.dump:
        with args.dump.open("w", encoding="utf-8") as out:
            for p in predicted:
                out.write(json.dumps(p) + "\n")
    print(
        f"PolNeAR train articles {args.offset}..{args.offset + len(gold)}"
        f" ({elapsed:.0f} s parse + extract)"
    )
    print("\n== raw output ==")
    print(report(score(gold, predicted)))
    view = [
        {"quotes": polnear_view(p["quotes"], g["text"])}
        for p, g in zip(predicted, gold, strict=True)
    ]
    print("\n== PolNeAR view (split quotes joined, nested same-cue quotes dropped) ==")
    print(report(score(gold, view)))


if __name__ == "__main__":
    main()
