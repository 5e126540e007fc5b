"""`dyadwatch ingest`: read, annotate and store articles (idempotent)."""

from __future__ import annotations

import argparse
import json
import sys

from dyadwatch.cli.common import add_db_option
from dyadwatch.cli.inputs import add_input_options, add_scale_options, defaults_from
from dyadwatch.cli.reporting import report_rejections
from dyadwatch.settings import get_settings


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "ingest", help="annotate articles and store them in the database",
        description="Read files, folders, URLs or stdin; code each new article and store it in "
        "one transaction. Articles already stored (same content) are skipped.",
    )
    add_input_options(parser)
    add_scale_options(parser)
    add_db_option(parser)
    parser.add_argument("--progress", action=argparse.BooleanOptionalAction, default=None,
                        help="show a progress bar (default: when stderr is a terminal)")
    parser.add_argument("--json", action="store_true", help="print the summary as JSON")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from dyadwatch.batch.coding import make_coder
    from dyadwatch.batch.ingest import ingest
    from dyadwatch.cli.progress import ingest_progress
    from dyadwatch.store import Store, resolve_url

    settings = get_settings(
        actors=args.actors or None, batch_size=args.batch_size,
        allow_private_urls=args.allow_private_urls or None,
    )
    url = resolve_url(args.db)
    with Store.open(url) as store:
        coder = make_coder(settings, jobs=args.jobs, dask=args.dask)
        with ingest_progress(None, enabled=args.progress) as on_article:
            report = ingest(
                args.paths, store=store, coder=coder, settings=settings,
                defaults=defaults_from(args), on_article=on_article,
            )
    print_summary(report.as_dict(), as_json=args.json)
    return report_rejections(report.rejections)


def print_summary(summary: dict[str, object], *, as_json: bool) -> None:
    if as_json:
        print(json.dumps(summary))
        return
    seconds = float(summary["seconds"])  # type: ignore[arg-type]
    stored = int(summary["stored"])  # type: ignore[call-overload]
    rate = f", {stored / seconds:.1f} articles/s" if seconds > 0 and stored else ""
    print(
        f"{summary['read']} read, {stored} stored, {summary['duplicates']} already stored, "
        f"{summary['rejected']} rejected; {summary['events']} events, {summary['quotes']} quotes "
        f"in {seconds:.1f} s{rate}",
        file=sys.stdout,
    )
