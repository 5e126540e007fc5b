"""Scaling of the whole `dyadwatch annotate` command from one worker to several, start-up included.

Usage: .venv/bin/python benchmarks/bench_scaling.py [--n 1000] [--workers 2] [--runs 1]

Runs `dyadwatch annotate FIRST_N.jsonl --dask local:1` and `--dask local:W` (then the same
with `--jobs 1` and `--jobs W`) as separate commands on the first N AFP/Xinhua articles, and
prints each wall time (median of --runs), the speed-ups W workers over one, and whether the
outputs are byte-identical. Needs an idle machine with at least W cores: a busy core makes a
second worker wait. Development only: reads ../shared/data, ships nothing.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "data" / "corpus" / "afp_xinhua.jsonl"
DYADWATCH = Path(sys.executable).with_name("dyadwatch")


def timed_run(source: Path, option: list[str], runs: int) -> tuple[float, str]:
    """Median wall seconds of the command and the SHA-256 of its output.

    The output goes to a file, hashed after the clock stops: read through a pipe, it would
    cost this process CPU on the cores the workers are timed on."""
    seconds, digest = [], ""
    output = source.with_suffix(".out")
    for _ in range(runs):
        with output.open("wb") as sink:
            started = time.perf_counter()
            subprocess.run(
                [str(DYADWATCH), "annotate", str(source), *option],
                check=True, stdout=sink, stderr=subprocess.DEVNULL,
            )
            seconds.append(time.perf_counter() - started)
        digest = hashlib.sha256(output.read_bytes()).hexdigest()
    return statistics.median(seconds), digest


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--n", type=int, default=1000, help="first N articles (default 1000)")
    parser.add_argument("--workers", type=int, default=2, help="workers to compare with one")
    parser.add_argument("--runs", type=int, default=1, help="runs per configuration (median)")
    parser.add_argument("--skip-jobs", action="store_true", help="only --dask")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / "articles.jsonl"
        with args.corpus.open(encoding="utf-8") as lines:
            source.write_text("".join(line for _, line in zip(range(args.n), lines, strict=False)))
        print(f"{args.n} articles, {os.cpu_count()} cores, load {os.getloadavg()[0]:.2f}")
        kinds = [("--dask", "local:{}")] + ([] if args.skip_jobs else [("--jobs", "{}")])
        digests = set()
        for flag, value in kinds:
            one, first = timed_run(source, [flag, value.format(1)], args.runs)
            many, second = timed_run(source, [flag, value.format(args.workers)], args.runs)
            digests |= {first, second}
            single, several = value.format(1), value.format(args.workers)
            print(f"{flag} {single:<8} {one:6.1f} s   {flag} {several:<8} {many:6.1f} s   "
                  f"speed-up {one / many:.2f}")
        print("outputs byte-identical:", len(digests) == 1)
        print(f"load average after: {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()
