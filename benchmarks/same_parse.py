"""Check that `load_nlp()` (nlp/fastpaths.py) annotates exactly as the stock en_core_web_sm.

Usage: .venv/bin/python benchmarks/same_parse.py [--n 300]

Parses the first N AFP/Xinhua articles with both pipelines and counts the tokens whose tag,
POS, morphology, lemma, dependency label, head, entity tag or sentence start differ. Prints the
counts (all zero when the fast paths are exact) and exits 1 on any difference. Development
only: reads ../shared/data, ships nothing.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "data" / "corpus" / "afp_xinhua.jsonl"
BATCH_SIZE = 32


def main() -> int:
    import spacy
    from spacy.attrs import DEP, ENT_IOB, ENT_TYPE, HEAD, LEMMA, MORPH, POS, SENT_START, TAG

    from dyadwatch.nlp.pipeline import MODEL, load_nlp

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--n", type=int, default=300, help="first N articles (default 300)")
    args = parser.parse_args()
    with args.corpus.open(encoding="utf-8") as lines:
        texts = [json.loads(line)["text"] for _, line in zip(range(args.n), lines, strict=False)]
    attrs = {"tag": TAG, "pos": POS, "morph": MORPH, "lemma": LEMMA, "dep": DEP, "head": HEAD,
             "ent_iob": ENT_IOB, "ent_type": ENT_TYPE, "sent_start": SENT_START}
    stock, fast = spacy.load(MODEL), load_nlp()
    differing = dict.fromkeys(attrs, 0)
    tokens = 0
    pairs = zip(stock.pipe(texts, batch_size=BATCH_SIZE), fast.pipe(texts, batch_size=BATCH_SIZE),
                strict=True)
    for expected, got in pairs:
        tokens += len(expected)
        a, b = expected.to_array(list(attrs.values())), got.to_array(list(attrs.values()))
        for column, name in enumerate(attrs):
            differing[name] += int((a[:, column] != b[:, column]).sum())
    print(f"{len(texts)} articles, {tokens} tokens; tokens that differ: {json.dumps(differing)}")
    return 1 if any(differing.values()) else 0


if __name__ == "__main__":
    sys.exit(main())
