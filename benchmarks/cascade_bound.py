"""How much a parser-skipping cascade could save: the parser's share and the sentences it may skip.

Usage: .venv/bin/python benchmarks/cascade_bound.py [--n 300]

DESIGN §6 and issue 5 propose running the dependency parser only on sentences that can hold an
event or a quote. This measures, on the first N AFP/Xinhua articles, what that can save at most:
(1) each pipeline component's share of CPU time (`load_nlp()`, component by component, batches
of 32); (2) the share of sentences (and of tokens) a cheap pre-filter must send to the parser:
those with a lemma of the trigger lexicon, a lemma of the attribution cue lexicon or a quotation
mark; (3) the share of sentences in which the full pipeline actually put an event trigger or a
quote (a perfect pre-filter). The bound on the saving is the parser's share times the share of
tokens that skip it. Development only: reads ../shared/data, ships nothing.
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path
from typing import TYPE_CHECKING

from dyadwatch.records import Article

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "data" / "corpus" / "afp_xinhua.jsonl"
BATCH_SIZE = 32
QUOTE_MARKS = frozenset("\"“”‘’«»")


def component_seconds(texts: list[str]) -> dict[str, float]:
    """CPU seconds of each pipeline component over `texts` (after one warm-up pass)."""
    from dyadwatch.nlp.pipeline import load_nlp

    nlp = load_nlp()
    list(nlp.pipe(texts, batch_size=BATCH_SIZE))  # warm caches, as on a long run
    docs = [nlp.make_doc(text) for text in texts]
    seconds: dict[str, float] = {}
    for name, component in nlp.pipeline:
        started = time.process_time()
        docs = list(component.pipe(docs, batch_size=BATCH_SIZE))  # type: ignore[attr-defined]
        seconds[name] = time.process_time() - started
    return seconds


def cue_words() -> frozenset[str]:
    """Every lemma that can start an event trigger or an attribution cue."""
    from dyadwatch.extract.lexicon import load_lexicon
    from dyadwatch.extract.quote_cues import load_cues

    lexicon, cues = load_lexicon(), load_cues()
    words = {lemma for entry in (*lexicon.verbs, *lexicon.nouns, *lexicon.adjectives)
             for lemma in entry.lemma}
    for field in ("speech_verbs", "belief_verbs", "stance_verbs", "object_verbs",
                  "intention_verbs", "evidential_verbs", "construal_verbs", "cue_nouns"):
        words |= getattr(cues, field)
    words |= {verb for verb, _ in cues.verb_prepositions}
    words |= {phrase[0] for phrase in cues.source_phrases}
    return frozenset(word.lower() for word in words)


def is_candidate(sentence: Span, words: frozenset[str]) -> bool:
    return any(
        t.lemma_.lower() in words or t.lower_ in words or not QUOTE_MARKS.isdisjoint(t.text)
        for t in sentence
    )


def coded_sentences(doc: Doc, article: Article) -> set[int]:
    """Start tokens of the sentences where the full pipeline coded an event or found a quote."""
    from dyadwatch.annotate import Annotator

    annotation = Annotator.load().annotate_parsed(doc, article)
    anchors = [e.trigger[0] for e in annotation.events] + [q.start for q in annotation.quotes]
    anchors += [q.cue[0] for q in annotation.quotes if q.cue is not None]
    return {
        s.start for s in doc.sents for c in anchors if s.start_char <= c < s.end_char
    }


def main() -> None:
    from dyadwatch.nlp.pipeline import load_nlp

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--n", type=int, default=300, help="first N articles (default 300)")
    args = parser.parse_args()
    with args.corpus.open(encoding="utf-8") as lines:
        rows = [json.loads(line) for _, line in zip(range(args.n), lines, strict=False)]
    texts = [row["text"] for row in rows]

    seconds = component_seconds(texts)
    total = sum(seconds.values())
    for name, value in seconds.items():
        print(f"{name:<16} {value:6.2f} s CPU  {value / total:6.1%}")
    parser_share = seconds.get("parser", 0.0) / total

    words = cue_words()
    sentences = candidates = coded = tokens = candidate_tokens = coded_tokens = 0
    pairs = ((row["text"], Article(id=str(i), text=row["text"])) for i, row in enumerate(rows))
    for doc, article in load_nlp().pipe(pairs, as_tuples=True, batch_size=BATCH_SIZE):
        used = coded_sentences(doc, article)
        for sentence in doc.sents:
            sentences += 1
            tokens += len(sentence)
            if is_candidate(sentence, words):
                candidates += 1
                candidate_tokens += len(sentence)
            if sentence.start in used:
                coded += 1
                coded_tokens += len(sentence)
    print(f"{sentences} sentences, {tokens} tokens")
    print(f"pre-filter (trigger or cue lemma, or a quotation mark): {candidates / sentences:.1%} "
          f"of sentences, {candidate_tokens / tokens:.1%} of tokens go to the parser")
    print(f"perfect pre-filter (an event or quote was coded there): {coded / sentences:.1%} of "
          f"sentences, {coded_tokens / tokens:.1%} of tokens")
    print(f"parser share of pipeline CPU: {parser_share:.1%}; most a cascade can save: "
          f"{parser_share * (1 - candidate_tokens / tokens):.1%} with the pre-filter, "
          f"{parser_share * (1 - coded_tokens / tokens):.1%} with a perfect one")


if __name__ == "__main__":
    main()
