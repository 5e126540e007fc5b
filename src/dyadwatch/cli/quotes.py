"""`dyadwatch quotes`: list stored quotes by speaker, the actors they mention, date and kind."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from typing import Any, TextIO

from dyadwatch.cli.common import (
    add_db_option,
    add_format_option,
    add_period_options,
    code_value,
    period_bounds,
    positive_int,
)
from dyadwatch.cli.main import EXIT_FATAL, EXIT_OK
from dyadwatch.cli.rows import cut, write_cells, write_listing
from dyadwatch.store import Store, resolve_url
from dyadwatch.store.quote_queries import QuoteRow

KINDS = ("direct", "partial", "indirect")
# Characters of the quote shown per row in the table (about 150 characters a row with the
# other columns); csv and jsonl always carry the whole quote.
QUOTE_CHARS = 90
# Widest the SPEAKER and ARTICLE columns grow before they are cut.
COLUMN_CHARS = 28


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "quotes",
        help="list stored quotes with their speakers",
        description="List stored quotes, oldest article first: what a country's people said "
        "about another actor, e.g. --speaker-country RUS --mentions PRK --since 2023-09. Codes "
        "match an actor's country (RUS) or its full code (RUSGOV, UNO, NATO); dates are the "
        "articles' publication dates.",
    )
    parser.add_argument(
        "--speaker-country",
        type=code_value,
        metavar="CODE",
        help="quotes whose speaker's country or code is CODE",
    )
    parser.add_argument(
        "--mentions",
        type=code_value,
        metavar="CODE",
        help="quotes that mention an actor whose country or code is CODE",
    )
    parser.add_argument(
        "--speaker", metavar="NAME", help="quotes whose speaker's name or words contain NAME"
    )
    add_period_options(parser, "articles published")
    parser.add_argument(
        "--kind",
        dest="kinds",
        nargs="+",
        action="extend",
        type=str.lower,
        choices=KINDS,
        metavar="KIND",
        help="direct, partial or indirect (default: all)",
    )
    parser.add_argument("--limit", type=positive_int, metavar="N", help="at most N quotes")
    add_format_option(parser, ("table", "csv", "jsonl"), "table")
    add_db_option(parser)
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    period = period_bounds(args, "quotes")
    if period is None:
        return EXIT_FATAL
    since, until = period
    speaker = args.speaker.strip() if args.speaker is not None else None
    if speaker == "":
        print("dyadwatch quotes: error: --speaker needs a name", file=sys.stderr)
        return EXIT_FATAL
    with Store.open(resolve_url(args.db), create=False) as store:
        quotes = store.quotes(
            speaker_country=args.speaker_country,
            mentions=args.mentions,
            speaker=speaker,
            since=since,
            until=until,
            kinds=args.kinds or (),
            limit=args.limit,
        )
    write_listing(quotes, QuoteRow, args.format, write_table, "no quotes match")
    return EXIT_OK


def speaker_label(quote: QuoteRow) -> str:
    """The speaker actor with its code ("Sergei Lavrov (RUSGOV)"), else the speaker's words."""
    if quote.speaker_name:
        code = quote.speaker_code or quote.speaker_country
        return f"{quote.speaker_name} ({code})" if code else quote.speaker_name
    return " ".join((quote.speaker or "-").split())


def write_table(quotes: Sequence[QuoteRow], out: TextIO) -> None:
    """Aligned columns for people: date, speaker, kind, article, then the quote."""
    rows = [("DATE", "SPEAKER", "KIND", "ARTICLE", "QUOTE")]
    for quote in quotes:
        published = quote.article_published.isoformat() if quote.article_published else "-"
        article = quote.article_title or quote.article_source or quote.article_id
        rows.append(
            (
                published,
                cut(speaker_label(quote), COLUMN_CHARS),
                quote.kind,
                cut(" ".join(article.split()), COLUMN_CHARS),
                cut(" ".join(quote.text.split()), QUOTE_CHARS),
            )
        )
    write_cells(rows, out)
