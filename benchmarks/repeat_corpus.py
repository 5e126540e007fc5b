"""Write a long benchmark input: the AFP/Xinhua corpus repeated to N articles, texts kept distinct.

Usage: .venv/bin/python benchmarks/repeat_corpus.py OUT.jsonl [--n 10000]

Each repeat after the first gets an edition line at the head of its text ("(Edition 2) ...")
and an id suffix, so the content hash sees distinct articles and `ingest` codes every one.
This is the 10,000-article input of benchmarks/README.md (`ingest --jobs 2`,
`bench_scaling.py --corpus OUT.jsonl --n 10000`). Development only: reads ../shared/data.
"""

from __future__ import annotations

import argparse
import itertools
import json
from pathlib import Path

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "data" / "corpus" / "afp_xinhua.jsonl"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--n", type=int, default=10_000, help="articles to write (default 10000)")
    args = parser.parse_args()
    with args.corpus.open(encoding="utf-8") as lines:
        rows = [json.loads(line) for line in lines]
    repeats = ((k, row) for k in itertools.count() for row in rows)
    with args.out.open("w", encoding="utf-8") as out:
        for n, (k, row) in zip(range(args.n), repeats, strict=False):
            copy = dict(row, id=f"{row.get('id', n)}-copy{k}")
            if k:
                copy["text"] = f"(Edition {k + 1}) {row['text']}"
            out.write(json.dumps(copy) + "\n")


if __name__ == "__main__":
    main()
