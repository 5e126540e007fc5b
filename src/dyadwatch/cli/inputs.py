"""Input options shared by `annotate` and `ingest`: metadata defaults and actor files."""

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


def defaults_from(args: argparse.Namespace) -> Defaults:
    return Defaults(published=args.published, source=args.source, title=args.title, url=args.url)


def _date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {value!r}") from None
