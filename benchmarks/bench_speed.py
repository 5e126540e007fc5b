"""Speed of coding against bare spaCy parsing, on the first N articles of the AFP/Xinhua corpus.

Usage: .venv/bin/python benchmarks/bench_speed.py [--n 300] [--runs 3] [--jobs 0] [--profile]

Measures in one run, each configuration in a fresh process so that peak RSS is its own:
  (a) bare `nlp.pipe` with the full en_core_web_sm pipeline,
  (b) `Annotator.annotate_many` (what `dyadwatch annotate` runs), one process,
  (c) `batch.parallel.annotate_parallel` on all cores (worker start-up and loading included).
Prints the median articles/s and words/s of the runs, peak RSS, and the ratio (b)/(a) of the
rates (>= 1.0: coding costs no more than parsing). `--profile` adds where the time goes: each
spaCy component and each extractor. Development only: reads ../shared/data, ships nothing.
"""

from __future__ import annotations

import argparse
import cProfile
import json
import multiprocessing
import os
import pstats
import resource
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from dyadwatch.records import Article

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "data" / "corpus" / "afp_xinhua.jsonl"
BATCH_SIZE = 32
EXTRACTORS = ("actors", "timexes", "places", "quotes", "events")


def load_articles(path: Path, n: int) -> list[Article]:
    from dyadwatch.ingest import read_inputs

    head = Path(os.environ.get("TMPDIR", "/tmp")) / f"bench_speed_{os.getpid()}.jsonl"
    with path.open(encoding="utf-8") as source:
        head.write_text("".join(line for _, line in zip(range(n), source, strict=False)))
    try:
        return [a for a in read_inputs([str(head)]) if isinstance(a, Article)]
    finally:
        head.unlink()


def peak_rss_mb(who: int = resource.RUSAGE_SELF) -> float:
    return resource.getrusage(who).ru_maxrss / 1024


def timed_runs(work: Callable[[], object], runs: int) -> list[float]:
    seconds = []
    for _ in range(runs):
        started = time.perf_counter()
        work()
        seconds.append(time.perf_counter() - started)
    return seconds


def bare_pipe(articles: list[Article], runs: int) -> dict[str, object]:
    from dyadwatch.nlp.pipeline import load_nlp

    nlp = load_nlp()
    texts = [a.text for a in articles]
    list(nlp.pipe(texts[:5]))  # warm-up outside the timing
    seconds = timed_runs(lambda: list(nlp.pipe(texts, batch_size=BATCH_SIZE)), runs)
    return {"seconds": seconds, "rss_mb": peak_rss_mb()}


def annotate_single(articles: list[Article], runs: int) -> dict[str, object]:
    from dyadwatch.annotate import Annotator

    annotator = Annotator.load()
    list(annotator.annotate_many(articles[:5]))
    seconds = timed_runs(
        lambda: list(annotator.annotate_many(articles, batch_size=BATCH_SIZE)), runs
    )
    return {"seconds": seconds, "rss_mb": peak_rss_mb()}


def annotate_all_cores(articles: list[Article], runs: int, jobs: int) -> dict[str, object]:
    from dyadwatch.batch.parallel import annotate_parallel

    seconds = timed_runs(
        lambda: list(annotate_parallel(articles, jobs=jobs, batch_size=BATCH_SIZE)), runs
    )
    return {"seconds": seconds, "rss_mb": peak_rss_mb(resource.RUSAGE_CHILDREN)}


def in_fresh_process(target: Callable[..., dict[str, object]], *args: object) -> dict[str, object]:
    """`target(*args)` in a new (non-daemon, so it may start workers) process."""
    context = multiprocessing.get_context("spawn")
    receiver, sender = context.Pipe(duplex=False)
    process = context.Process(target=_send_result, args=(sender, target, *args))
    process.start()
    result: dict[str, object] = receiver.recv()
    process.join()
    return result


def _send_result(sender: Any, target: Callable[..., dict[str, object]], *args: object) -> None:
    sender.send(target(*args))


def profile(articles: list[Article]) -> None:
    """Seconds per spaCy component and per extractor, on one pass over the articles."""
    from dyadwatch.annotate import Annotator

    annotator = Annotator.load()
    list(annotator.annotate_many(articles[:5]))  # lazily built matchers and tables
    nlp = annotator.nlp
    texts = [a.text for a in articles]
    started = time.perf_counter()
    docs = [nlp.make_doc(text) for text in texts]
    print(f"  tokenizer        {time.perf_counter() - started:7.2f} s")
    for name, component in nlp.pipeline:
        started = time.perf_counter()
        docs = list(component.pipe(docs, batch_size=BATCH_SIZE))  # type: ignore[attr-defined]
        print(f"  {name:<16} {time.perf_counter() - started:7.2f} s")
    started = time.perf_counter()
    for doc, article in zip(docs, articles, strict=True):
        annotator.annotate_parsed(doc, article)
    print(f"  extractors       {time.perf_counter() - started:7.2f} s  (all five, unprofiled)")
    profiler = cProfile.Profile()
    profiler.enable()
    for doc, article in zip(docs, articles, strict=True):
        annotator.annotate_parsed(doc, article)
    profiler.disable()
    stats = pstats.Stats(profiler).stats  # type: ignore[attr-defined]
    total = sum(row[3] for key, row in stats.items() if key[2] == "annotate_doc")
    for (file, _line, name), (_cc, _nc, _tt, cumulative, _callers) in stats.items():
        if name in EXTRACTORS and file.endswith(f"extract/{name}.py"):
            print(f"    {name:<14} {cumulative / total:6.1%} of extraction (profiled)")
    print("  hottest callees of extraction (profiled, cumulative seconds):")
    hot = sorted(
        ((row[3], f"{Path(key[0]).name}:{key[1]}({key[2]})") for key, row in stats.items()),
        reverse=True,
    )
    for cumulative, where in hot[2:12]:
        print(f"    {cumulative:7.2f}  {where}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--n", type=int, default=300, help="first N articles (default 300)")
    parser.add_argument("--runs", type=int, default=3, help="runs per configuration (median)")
    parser.add_argument("--jobs", type=int, default=0, help="processes for (c); 0: every core")
    parser.add_argument("--skip", default="", help="configurations to skip, e.g. c or ac")
    parser.add_argument("--profile", action="store_true", help="also print where the time goes")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON too")
    args = parser.parse_args()
    if not args.corpus.is_file():
        sys.exit(f"corpus not found: {args.corpus}")

    from dyadwatch.batch.parallel import resolve_jobs

    articles = load_articles(args.corpus, args.n)
    words = sum(len(a.text.split()) for a in articles)
    jobs = resolve_jobs(args.jobs)
    load = os.getloadavg()[0]
    print(f"{len(articles)} articles, {words} words; {os.cpu_count()} cores, load {load:.2f}")
    configs = {
        "a": ("bare nlp.pipe, full pipeline", bare_pipe, ()),
        "b": ("dyadwatch annotate, 1 process", annotate_single, ()),
        "c": (f"dyadwatch annotate, {jobs} processes", annotate_all_cores, (jobs,)),
    }
    figures: dict[str, dict[str, float]] = {}
    for key, (label, target, extra) in configs.items():
        if key in args.skip:
            continue
        result = in_fresh_process(target, articles, args.runs, *extra)
        median = statistics.median(result["seconds"])  # type: ignore[arg-type]
        figures[key] = {
            "seconds": round(median, 2), "articles_per_s": round(len(articles) / median, 2),
            "words_per_s": round(words / median), "peak_rss_mb": round(result["rss_mb"]),  # type: ignore[call-overload]
        }
        f = figures[key]
        print(f"({key}) {label:<34} {f['articles_per_s']:7.2f} articles/s "
              f"{f['words_per_s']:7d} words/s  peak RSS {f['peak_rss_mb']} MB "
              f"(median of {args.runs}: {median:.1f} s)")
    if "a" in figures and "b" in figures:
        ratio = figures["b"]["articles_per_s"] / figures["a"]["articles_per_s"]
        print(f"ratio (b)/(a) = {ratio:.2f}  (target >= 1.0; coding rate over parsing rate)")
    if "b" in figures and "c" in figures:
        print(f"speed-up (c)/(b) = "
              f"{figures['c']['articles_per_s'] / figures['b']['articles_per_s']:.2f}")
    if args.json:
        print(json.dumps(figures))
    if args.profile:
        print("where the time goes (one pass, this process):")
        profile(articles)


if __name__ == "__main__":
    main()
