"""`dyadwatch demo`: ingest the bundled corpus into a fresh SQLite file, show the RUS–PRK dyad."""

from __future__ import annotations

import argparse
from collections import Counter
from importlib import resources
from pathlib import Path

from dyadwatch.cli.common import add_db_option
from dyadwatch.cli.ingest import print_summary
from dyadwatch.cli.reporting import report_rejections

DEMO_DB = "dyadwatch-demo.db"
DEMO_FILES = ("sample.jsonl", "wikinews.jsonl")
QUAD_NAMES = {1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict",
              4: "material conflict"}


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "demo", help="ingest the bundled corpus and print the Russia–North Korea dyad",
        description=f"Ingest the bundled sample article and 120 Wikinews articles (CC BY 4.0, "
        f"Wikinews contributors) into a fresh SQLite file ({DEMO_DB} unless --db is given), "
        "then print the events between two actors.",
    )
    add_db_option(parser)
    parser.add_argument("--dyad", default="RUS,PRK", help="the pair to show (default RUS,PRK)")
    parser.add_argument("--progress", action=argparse.BooleanOptionalAction, default=None,
                        help="show a progress bar (default: when stderr is a terminal)")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from dyadwatch.annotate import Annotator
    from dyadwatch.batch.ingest import ingest
    from dyadwatch.cli.progress import ingest_progress
    from dyadwatch.settings import get_settings
    from dyadwatch.store import Store

    if args.db is None:
        Path(DEMO_DB).unlink(missing_ok=True)
        url = f"sqlite:///{DEMO_DB}"
    else:
        url = args.db
    pair = tuple(code.strip().upper() for code in args.dyad.split(","))
    if len(pair) != 2 or not all(pair):
        print("dyadwatch demo: --dyad takes two codes, e.g. RUS,PRK")
        return 2
    demo = resources.files("dyadwatch.data.demo")
    with resources.as_file(demo) as folder:
        paths = [str(Path(folder) / name) for name in DEMO_FILES]
        settings = get_settings()
        with Store.open(url) as store:
            annotator = Annotator.load()
            total = sum(_count_lines(Path(p)) for p in paths)
            with ingest_progress(total, enabled=args.progress) as on_article:
                report = ingest(paths, store=store, annotator=annotator, settings=settings,
                                on_article=on_article)
            print_summary(report.as_dict(), as_json=False)
            rows = store.events(dyad=(pair[0], pair[1]))
    print(f"\nDyad {pair[0]}–{pair[1]}: {len(rows)} events in {url}\n")
    for row in rows:
        sources = ", ".join(row.source_names) or "?"
        targets = ", ".join(row.target_names) or "—"
        mode = f"/{row.mode}" if row.mode else ""
        print(f"{row.date or '????-??-??'}  {row.type}{mode} [{row.cameo}]  {sources} → {targets}"
              f"  ({row.modality}, conf {row.confidence:.2f})")
        print(f"    “{row.trigger}” in: {' '.join(row.sentence.split())[:200]}")
        print(f"    {row.article_title or row.article_id}")
    asserted = [r for r in rows if r.modality == "asserted"]
    print(f"\nAsserted events by type ({len(asserted)} of {len(rows)}; other modalities "
          f"{dict(Counter(r.modality for r in rows if r.modality != 'asserted'))}):")
    for event_type, n in Counter(r.type for r in asserted).most_common():
        print(f"  {event_type:<10} {n}")
    print("Asserted events by quad class:")
    for quad, n in sorted(Counter(r.quad_class for r in asserted).items()):
        print(f"  {quad} {QUAD_NAMES.get(quad, '?'):<22} {n}")
    return report_rejections(report.rejections)


def _count_lines(path: Path) -> int:
    with path.open(encoding="utf-8") as lines:
        return sum(1 for line in lines if line.strip())
