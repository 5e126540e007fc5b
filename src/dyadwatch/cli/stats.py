"""`dyadwatch stats`: how many articles, rejections, events, ... the database holds."""

from __future__ import annotations

import argparse
import json
from typing import Any

from dyadwatch.cli.common import add_db_option, add_format_option
from dyadwatch.cli.main import EXIT_OK
from dyadwatch.store import Store, resolve_url


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "stats",
        help="count what the database holds",
        description="Count articles, rejections, events, quotes, actors, mentions, timexes "
        "and places, then events per modality.",
    )
    add_format_option(parser, ("table", "json"), "table")
    add_db_option(parser)
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    with Store.open(resolve_url(args.db), create=False) as store:
        counts = store.stats()
    if args.format == "json":
        print(json.dumps(counts, indent=2))
    else:
        width = max(len(name) for name in counts)
        for name, count in counts.items():
            print(f"{name.ljust(width)}  {count:>9,}")
    return EXIT_OK
