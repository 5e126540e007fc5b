"""Options and argument values shared by several commands."""

from __future__ import annotations

import argparse
import datetime as dt
import re
import sys

from dyadwatch.store.periods import day_range

_CODE = re.compile(r"^[A-Z][A-Z0-9]{1,11}$")


def add_db_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--db",
        metavar="URL",
        default=None,
        help="database URL (default: $DYADWATCH_DB or sqlite:///dyadwatch.db in this folder)",
    )


def add_format_option(
    parser: argparse.ArgumentParser, choices: tuple[str, ...], default: str
) -> None:
    parser.add_argument("--format", choices=choices, default=default, help=f"default: {default}")


def add_period_options(parser: argparse.ArgumentParser, what: str) -> None:
    """--since and --until, each a day, a month or a year; `what` says what they filter."""
    parser.add_argument(
        "--since",
        type=period_value,
        metavar="DATE",
        help=f"{what} on or after DATE (2023-09-13, 2023-09 or 2023)",
    )
    parser.add_argument(
        "--until", type=period_value, metavar="DATE", help=f"{what} on or before DATE"
    )


def period_bounds(
    args: argparse.Namespace, command: str
) -> tuple[dt.date | None, dt.date | None] | None:
    """First and last day asked for by --since/--until; None (after an error line) if reversed."""
    since = args.since[0] if args.since else None
    until = args.until[1] if args.until else None
    if since and until and since > until:
        print(f"dyadwatch {command}: error: --since is after --until", file=sys.stderr)
        return None
    return since, until


def code_value(text: str) -> str:
    code = text.strip().upper()
    if not _CODE.match(code):
        raise argparse.ArgumentTypeError(
            f"{text!r} is not an actor code: use a country (RUS) or a code (RUSGOV, UNO)"
        )
    return code


def period_value(text: str) -> tuple[dt.date, dt.date]:
    days = day_range(text.strip())
    if days is None:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date: use YYYY-MM-DD, YYYY-MM or YYYY")
    return days


def positive_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value < 1:
        raise argparse.ArgumentTypeError(f"{text!r} is not a positive whole number")
    return value
