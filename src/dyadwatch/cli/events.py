"""`dyadwatch events`: list stored events by dyad, actor, date, type and modality."""

from __future__ import annotations

import argparse
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
from dyadwatch.ontology import EventType, Modality
from dyadwatch.store import EventRow, Store, resolve_url

# Characters of evidence shown per row in the table: with the other columns this keeps a row
# near 150 characters; csv and jsonl always carry the whole sentence.
EVIDENCE_CHARS = 80
# Widest a TYPE or ACTORS column grows before it is cut (a long list of named actors).
COLUMN_CHARS = 32


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "events",
        help="list stored events with their evidence",
        description="List stored events, oldest first. Codes match an actor's country "
        "(RUS) or its full code (RUSGOV, UNO, NATO).",
    )
    parser.add_argument(
        "--dyad",
        type=dyad_value,
        metavar="A,B",
        help="events between A and B, e.g. RUS,PRK (either direction unless --directed)",
    )
    parser.add_argument(
        "--directed", action="store_true", help="with --dyad: only A as source, B as target"
    )
    parser.add_argument(
        "--actor", type=code_value, metavar="CODE", help="events with CODE on either side"
    )
    add_period_options(parser, "events dated")
    parser.add_argument(
        "--type",
        dest="types",
        nargs="+",
        action="extend",
        type=str.upper,
        choices=[t.value for t in EventType],
        metavar="TYPE",
        help="PLOVER event types (CONSULT, ACCUSE, ...)",
    )
    parser.add_argument(
        "--modality",
        dest="modalities",
        nargs="+",
        action="extend",
        type=str.lower,
        choices=[m.value for m in Modality],
        metavar="MODALITY",
        help="asserted, negated, hypothetical, reported, future (default: all)",
    )
    parser.add_argument("--limit", type=positive_int, metavar="N", help="at most N events")
    add_format_option(parser, ("table", "csv", "jsonl"), "table")
    add_db_option(parser)
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    period = period_bounds(args, "events")
    if period is None:
        return EXIT_FATAL
    since, until = period
    with Store.open(resolve_url(args.db), create=False) as store:
        events = store.events(
            dyad=args.dyad,
            directed=args.directed,
            actor=args.actor,
            since=since,
            until=until,
            types=args.types or (),
            modalities=args.modalities or (),
            limit=args.limit,
        )
    write_listing(events, EventRow, args.format, write_table, "no events match")
    return EXIT_OK


def dyad_value(text: str) -> tuple[str, str]:
    parts = [part.strip() for part in text.split(",")]
    if len(parts) != 2:
        raise argparse.ArgumentTypeError(
            f"{text!r} is not a dyad: give two codes separated by a comma, e.g. RUS,PRK"
        )
    first, second = (code_value(part) for part in parts)
    return first, second


def write_table(events: Sequence[EventRow], out: TextIO) -> None:
    """Aligned columns for people: date, type/mode, source → target, modality, evidence."""
    rows = [("DATE", "TYPE/MODE", "SOURCE → TARGET", "MODALITY", "EVIDENCE")]
    for event in events:
        kind = event.type + (f"/{event.mode}" if event.mode else "")
        dyad = f"{_side(event.source_codes, event.source_names)} → "
        dyad += _side(event.target_codes, event.target_names)
        rows.append(
            (
                event.date or "-",
                cut(kind, COLUMN_CHARS),
                cut(dyad, COLUMN_CHARS),
                event.modality,
                cut(" ".join(event.sentence.split()), EVIDENCE_CHARS),
            )
        )
    write_cells(rows, out)


def _side(codes: Sequence[str | None], names: Sequence[str]) -> str:
    return "+".join(code or name for code, name in zip(codes, names, strict=True)) or "-"


