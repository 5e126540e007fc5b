"""Speed of coding against bare spaCy parsing, on the first N articles of the AFP/Xinhua corpus.

Usage: .venv/bin/python benchmarks/bench_speed.py [--n 300] [--runs 3] [--jobs 0] [--profile]

Each configuration lives in its own process (so that peak RSS is its own), loaded once; the
timed passes are interleaved (a, b, c, a, b, c, ...) so that a change in the machine's load
hits every configuration alike:
  (a) bare `nlp.pipe` with the stock en_core_web_sm pipeline (`spacy.load`, nothing swapped),
  (t) with --tuned: bare `nlp.pipe` with our `load_nlp()` pipeline (same annotations, faster
      lemmatizer and attribute ruler: nlp/fastpaths.py),
  (b) `Annotator.annotate_many` (what `dyadwatch annotate` runs), one process,
  (c) `batch.parallel.annotate_parallel` on all cores (worker start-up and loading included).
Prints the median articles/s and words/s of the runs, peak RSS, the load average before and
after, and the ratio (b)/(a) of the rates (>= 1.0: coding costs no more than parsing).
`--profile` adds where the time goes: each spaCy component and each extractor. Development
only: reads ../shared/data, ships nothing.
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


Work = Callable[[], object]


def stock_pipe(articles: list[Article]) -> tuple[Work, int]:
    import spacy

    from dyadwatch.nlp.pipeline import MODEL

    nlp = spacy.load(MODEL)
    texts = [a.text for a in articles]
    list(nlp.pipe(texts[:5]))  # warm-up outside the timing
    return (lambda: list(nlp.pipe(texts, batch_size=BATCH_SIZE))), resource.RUSAGE_SELF


def tuned_pipe(articles: list[Article]) -> tuple[Work, int]:
    from dyadwatch.nlp.pipeline import load_nlp

    nlp = load_nlp()
    texts = [a.text for a in articles]
    list(nlp.pipe(texts[:5]))
    return (lambda: list(nlp.pipe(texts, batch_size=BATCH_SIZE))), resource.RUSAGE_SELF


def annotate_single(articles: list[Article]) -> tuple[Work, int]:
    from dyadwatch.annotate import Annotator

    annotator = Annotator.load()
    list(annotator.annotate_many(articles[:5]))
    return (
        lambda: list(annotator.annotate_many(articles, batch_size=BATCH_SIZE))
    ), resource.RUSAGE_SELF


def annotate_all_cores(articles: list[Article], jobs: int) -> tuple[Work, int]:
    from dyadwatch.batch.parallel import annotate_parallel

    return (
        lambda: list(annotate_parallel(articles, jobs=jobs, batch_size=BATCH_SIZE))
    ), resource.RUSAGE_CHILDREN


def _cpu_seconds() -> float:
    """CPU time of this process and its finished children: less sensitive to a loaded machine
    than wall time (waiting for a core is not counted)."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


class Configuration:
    """A configuration loaded in a fresh (non-daemon, so it may start workers) process, which
    times one pass each time it is asked."""

    def __init__(self, setup: Callable[..., tuple[Work, int]], *args: object) -> None:
        context = multiprocessing.get_context("spawn")
        self.connection, child = context.Pipe()
        self.process = context.Process(target=_serve, args=(child, setup, *args))
        self.process.start()
        self.connection.recv()  # loaded
        self.seconds: list[float] = []
        self.cpu_seconds: list[float] = []

    def run(self) -> None:
        self.connection.send("run")
        wall, cpu = self.connection.recv()
        self.seconds.append(wall)
        self.cpu_seconds.append(cpu)

    def close(self) -> float:
        """Peak RSS in MB."""
        self.connection.send("stop")
        rss: float = self.connection.recv()
        self.process.join()
        return rss


def _serve(connection: Any, setup: Callable[..., tuple[Work, int]], *args: object) -> None:
    work, who = setup(*args)
    connection.send("ready")
    while connection.recv() == "run":
        started, cpu_started = time.perf_counter(), _cpu_seconds()
        work()
        connection.send((time.perf_counter() - started, _cpu_seconds() - cpu_started))
    connection.send(peak_rss_mb(who))


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
    parser.add_argument("--tuned", action="store_true", help="also time (t), load_nlp() bare")
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
    configs: dict[str, tuple[str, Callable[..., tuple[Work, int]], tuple[object, ...]]] = {
        "a": ("bare nlp.pipe, stock pipeline", stock_pipe, ()),
        "t": ("bare nlp.pipe, load_nlp()", tuned_pipe, ()),
        "b": ("dyadwatch annotate, 1 process", annotate_single, ()),
        "c": (f"dyadwatch annotate, {jobs} processes", annotate_all_cores, (jobs,)),
    }
    wanted = [k for k in configs if k not in args.skip and (k != "t" or args.tuned)]
    running = {k: Configuration(configs[k][1], articles, *configs[k][2]) for k in wanted}
    for _ in range(args.runs):
        for configuration in running.values():
            configuration.run()
    figures: dict[str, dict[str, float]] = {}
    for key, configuration in running.items():
        rss = configuration.close()
        median = statistics.median(configuration.seconds)
        cpu = statistics.median(configuration.cpu_seconds)
        figures[key] = {
            "seconds": round(median, 2), "articles_per_s": round(len(articles) / median, 2),
            "words_per_s": round(words / median), "peak_rss_mb": round(rss),
            "cpu_seconds": round(cpu, 2), "articles_per_cpu_s": round(len(articles) / cpu, 2),
        }
        f = figures[key]
        runs = ", ".join(f"{s:.1f}" for s in configuration.seconds)
        print(f"({key}) {configs[key][0]:<34} {f['articles_per_s']:7.2f} articles/s "
              f"{f['words_per_s']:7d} words/s  peak RSS {f['peak_rss_mb']} MB "
              f"(median of {runs} s; CPU {cpu:.1f} s)")
    print(f"load average after: {os.getloadavg()[0]:.2f}")
    if "a" in figures and "t" in figures:
        ratio = figures["t"]["articles_per_s"] / figures["a"]["articles_per_s"]
        print(f"ratio (t)/(a) = {ratio:.2f}  (our pipeline over the stock one, same annotations)")
    if "t" in figures and "b" in figures:
        ratio = figures["b"]["articles_per_s"] / figures["t"]["articles_per_s"]
        print(f"ratio (b)/(t) = {ratio:.2f}  (coding over parsing with the same pipeline)")
    if "a" in figures and "b" in figures:
        ratio = figures["b"]["articles_per_s"] / figures["a"]["articles_per_s"]
        paired = statistics.median(
            a / b for a, b in zip(running["a"].seconds, running["b"].seconds, strict=True)
        )
        print(f"ratio (b)/(a) = {ratio:.2f}  (target >= 1.0; coding rate over parsing rate); "
              f"median of the {args.runs} paired runs {paired:.2f}")
        by_cpu = figures["b"]["articles_per_cpu_s"] / figures["a"]["articles_per_cpu_s"]
        print(f"ratio (b)/(a) by CPU time = {by_cpu:.2f}")
    if "t" in figures and "b" in figures:
        by_cpu = figures["b"]["articles_per_cpu_s"] / figures["t"]["articles_per_cpu_s"]
        print(f"ratio (b)/(t) by CPU time = {by_cpu:.2f}")
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
