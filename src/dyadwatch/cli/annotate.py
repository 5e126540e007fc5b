"""`dyadwatch annotate`: print the DESIGN §3 record of each article (no database)."""

from __future__ import annotations

import argparse
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
    from dyadwatch.batch.coding import make_coder, make_encoder
    from dyadwatch.ingest import read_inputs

    settings = get_settings(
        actors=args.actors or None, batch_size=args.batch_size,
        allow_private_urls=args.allow_private_urls or None,
    )
    rejections: list[Rejection] = []

    def articles() -> Iterator[Article]:
        for item in read_inputs(args.paths, defaults=defaults_from(args), settings=settings):
            if isinstance(item, Rejection):
                rejections.append(item)
            else:
                yield item

    if args.format == "jsonl":  # written by the workers, the one writer copies lines
        for _article, line in make_encoder(settings, jobs=args.jobs, dask=args.dask)(articles()):
            if isinstance(line, Rejection):
                rejections.append(line)
            else:
                sys.stdout.write(line.line + "\n")
                sys.stdout.flush()
        return report_rejections(rejections)
    for _article, outcome in make_coder(settings, jobs=args.jobs, dask=args.dask)(articles()):
        if isinstance(outcome, Rejection):
            rejections.append(outcome)
        else:
            sys.stdout.write(pretty(outcome) + "\n")
            sys.stdout.flush()
    return report_rejections(rejections)


__all__ = ["Article", "register", "run"]
