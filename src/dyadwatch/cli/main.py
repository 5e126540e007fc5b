"""The `dyadwatch` command: parses arguments and calls the library (exit codes 0, 1, 2)."""

from __future__ import annotations

import argparse
import importlib
import logging
import sys
from collections.abc import Sequence

from dyadwatch import __version__
from dyadwatch.errors import DyadwatchError

# One module per command, each with `register(subparsers)` that sets `func(args) -> int`.
COMMANDS = ("annotate", "ingest", "events", "quotes", "eval", "stats", "demo")

EXIT_OK = 0
EXIT_REJECTED = 1
EXIT_FATAL = 2


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="dyadwatch",
        description="Evidence-linked political event data (PLOVER/CAMEO) from English news.",
    )
    parser.add_argument("--version", action="version", version=f"dyadwatch {__version__}")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMANDS:
        try:
            module = importlib.import_module(f"dyadwatch.cli.{name}")
        except ModuleNotFoundError as exc:
            if exc.name != f"dyadwatch.cli.{name}":
                raise
            continue
        module.register(subparsers)
    return parser


# Libraries that log every malformed page at ERROR: dyadwatch reports those as rejections.
QUIET_LOGGERS = ("trafilatura", "htmldate", "courlan")


def main(argv: Sequence[str] | None = None) -> int:
    for name in QUIET_LOGGERS:
        logging.getLogger(name).setLevel(logging.CRITICAL)
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse exits 2 on usage errors, 0 on --help
        return int(exc.code or 0)
    if not getattr(args, "func", None):
        parser.print_help(sys.stderr)
        return EXIT_FATAL
    try:
        return int(args.func(args))
    except DyadwatchError as exc:
        print(f"dyadwatch: error: {exc}", file=sys.stderr)
        return EXIT_FATAL
    except KeyboardInterrupt:
        print("dyadwatch: interrupted", file=sys.stderr)
        return EXIT_FATAL
    except BrokenPipeError:
        return EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
