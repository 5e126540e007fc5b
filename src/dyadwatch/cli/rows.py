"""Writing query results (dataclass rows) as an aligned table, CSV or JSON Lines."""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import json
import sys
from collections.abc import Callable, Sequence
from typing import Any, TextIO


def write_listing(
    records: Sequence[Any],
    row_type: type,
    output_format: str,
    write_table: Callable[[Sequence[Any], TextIO], None],
    nothing: str,
    out: TextIO | None = None,
) -> None:
    """Query results in the chosen --format (on stdout by default); a table of nothing is a
    line on stderr instead."""
    out = out or sys.stdout
    if output_format == "csv":
        write_records_csv(records, row_type, out)
    elif output_format == "jsonl":
        write_records_jsonl(records, out)
    elif records:
        write_table(records, out)
    else:
        print(nothing, file=sys.stderr)


def write_cells(rows: Sequence[tuple[str, ...]], out: TextIO) -> None:
    """Aligned columns; the last column (the evidence) is left unpadded."""
    if not rows:
        return
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]) - 1)]
    for row in rows:
        cells = [cell.ljust(width) for cell, width in zip(row, widths, strict=False)]
        out.write("  ".join([*cells, row[-1]]).rstrip() + "\n")


def write_records_csv(records: Sequence[Any], row_type: type, out: TextIO) -> None:
    """Every field of `row_type`; lists are joined with '|', missing values are empty."""
    names = [f.name for f in dataclasses.fields(row_type)]
    writer = csv.writer(out)
    writer.writerow(names)
    for record in records:
        writer.writerow(_csv_cell(getattr(record, name)) for name in names)


def write_records_jsonl(records: Sequence[Any], out: TextIO) -> None:
    for record in records:
        values = {k: _json_value(v) for k, v in dataclasses.asdict(record).items()}
        out.write(json.dumps(values, ensure_ascii=False) + "\n")


def cut(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _csv_cell(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, tuple):
        return "|".join("" if v is None else str(v) for v in value)
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def _json_value(value: Any) -> Any:
    if isinstance(value, tuple):
        return list(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    return value
