"""A progress display on stderr for long runs (silent when stderr is not a terminal)."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from rich.console import Console
from rich.progress import BarColumn, Progress, TaskProgressColumn, TextColumn, TimeElapsedColumn

from dyadwatch.batch.ingest import IngestReport
from dyadwatch.batch.ingest import Progress as ProgressCallback


@contextmanager
def ingest_progress(
    total: int | None, *, enabled: bool | None = None
) -> Iterator[ProgressCallback]:
    """Yield a callback that shows articles read, stored, duplicate and rejected."""
    console = Console(file=sys.stderr)
    show = console.is_terminal if enabled is None else enabled
    if not show:
        yield lambda report: None
        return
    columns = [
        TextColumn("[bold]ingest"),
        BarColumn(),
        TaskProgressColumn() if total else TextColumn(""),
        TextColumn("{task.completed} read · {task.fields[stored]} stored · "
                   "{task.fields[dups]} dup · {task.fields[rejected]} rejected"),
        TimeElapsedColumn(),
    ]
    with Progress(*columns, console=console, transient=False) as progress:
        task = progress.add_task("ingest", total=total, stored=0, dups=0, rejected=0)

        def update(report: IngestReport) -> None:
            progress.update(
                task, completed=report.read, stored=report.stored, dups=report.duplicates,
                rejected=len(report.rejections),
            )

        yield update


@contextmanager
def record_progress(label: str) -> Iterator[Callable[[int, int], None]]:
    """Yield a callback `(done, total)` that draws a bar on a terminal's stderr."""
    console = Console(file=sys.stderr)
    if not console.is_terminal:
        yield lambda done, total: None
        return
    with Progress(
        TextColumn(f"[bold]{label}"), BarColumn(), TaskProgressColumn(), TimeElapsedColumn(),
        console=console,
    ) as progress:
        task = progress.add_task(label, total=None)

        def update(done: int, total: int) -> None:
            progress.update(task, completed=done, total=total)

        yield update
