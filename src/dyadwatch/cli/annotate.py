"""`dyadwatch annotate`: print the DESIGN §3 record of each article (no database)."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator

from dyadwatch.cli.common import add_format_option
from dyadwatch.cli.inputs import add_input_options, add_scale_options, defaults_from
from dyadwatch.cli.pretty import pretty
from dyadwatch.cli.reporting import report_rejections
from dyadwatch.records import Article, Rejection
from dyadwatch.settings import get_settings


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "annotate", help="code articles and print actors, quotes, dates, places and events",
        description="Annotate articles and print one JSON object per article (DESIGN §3) "
        "or a readable summary.",
    )
    add_input_options(parser)
    add_scale_options(parser)
    add_format_option(parser, ("jsonl", "pretty"), "jsonl")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from dyadwatch.batch.coding import make_coder
    from dyadwatch.ingest import read_inputs

    settings = get_settings(
        actors=args.actors or None, batch_size=args.batch_size,
        allow_private_urls=args.allow_private_urls or None,
    )
    code = make_coder(settings, jobs=args.jobs, dask=args.dask)
    rejections: list[Rejection] = []

    def articles() -> Iterator[Article]:
        for item in read_inputs(args.paths, defaults=defaults_from(args), settings=settings):
            if isinstance(item, Rejection):
                rejections.append(item)
            else:
                yield item

    for _article, outcome in code(articles()):
        if isinstance(outcome, Rejection):
            rejections.append(outcome)
            continue
        annotation = outcome
        if args.format == "jsonl":
            sys.stdout.write(json.dumps(annotation.to_dict(), ensure_ascii=False) + "\n")
        else:
            sys.stdout.write(pretty(annotation) + "\n")
        sys.stdout.flush()
    return report_rejections(rejections)


__all__ = ["Article", "register", "run"]
