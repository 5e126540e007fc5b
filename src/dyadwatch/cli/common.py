"""Options shared by several commands."""

from __future__ import annotations

import argparse


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
