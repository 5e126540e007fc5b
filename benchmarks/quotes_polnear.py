"""Score dyadwatch quotes on PolNeAR (../shared/data/quotes/polnear_train.jsonl).

    .venv/bin/python benchmarks/quotes_polnear.py --limit 60
    .venv/bin/python benchmarks/quotes_polnear.py --offset 0 --limit 200

Actors come from spaCy entities only (the scorer checks speaker spans, not actor ids), so this is
faster than `dyadwatch eval quotes` and gives the same span figures. The scorer reads quotes
sharing a cue as one attribution, as PolNeAR annotates them (see `dyadwatch.evaluate.quotes`).
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
    print(report(score(gold, predicted)))


if __name__ == "__main__":
    main()
