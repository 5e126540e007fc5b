"""Input options shared by `annotate` and `ingest`: metadata defaults, actor files, scale-out."""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path

from dyadwatch.ingest import Defaults


def add_input_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "paths", nargs="+", metavar="PATH",
        help="files (.txt .jsonl .html feeds), folders (recursive), URLs, or - for stdin",
    )
    parser.add_argument("--published", type=_date, help="publication date YYYY-MM-DD")
    parser.add_argument("--source", help="source name for inputs that carry none")
    parser.add_argument("--title", help="title for inputs that carry none")
    parser.add_argument("--url", help="URL for inputs that carry none")
    parser.add_argument(
        "--actors", type=Path, action="append", default=[], metavar="FILE",
        help="YAML or CSV file of actors that add to or override the built-in ones (repeatable)",
    )
    parser.add_argument(
        "--allow-private-urls", action="store_true",
        help="allow fetching URLs that resolve to private or loopback addresses",
    )
    parser.add_argument("--batch-size", type=int, default=None, help="articles per nlp.pipe batch")


def add_scale_options(parser: argparse.ArgumentParser) -> None:
    """--jobs and --dask: where the articles are coded (the output is the same)."""
    parser.add_argument(
        "--jobs", "-j", type=int, default=1, metavar="N",
        help="code articles in N worker processes, each loading the pipeline once "
        "(0: one per CPU core; default 1, in this process)",
    )
    parser.add_argument(
        "--dask", metavar="ADDRESS", default=None,
        help="code articles on Dask: local (a LocalCluster, one worker per core), local:N, or "
        "tcp://HOST:8786 (needs the dask extra)",
    )


def defaults_from(args: argparse.Namespace) -> Defaults:
    return Defaults(published=args.published, source=args.source, title=args.title, url=args.url)


def _date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {value!r}") from None
