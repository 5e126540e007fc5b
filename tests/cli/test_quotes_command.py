"""`dyadwatch quotes`, run in-process on a throw-away SQLite file."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from pathlib import Path

import pytest

from dyadwatch.cli.main import main
from dyadwatch.cli.quotes import QUOTE_CHARS
from dyadwatch.records import Actor, Annotation, Article, Mention, Quote
from dyadwatch.store import Store

LAVROV = Actor("a1", "Sergei Lavrov", "person", "RUS", "GOV", "RUSGOV")
NORTH_KOREA = Actor("a2", "North Korea", "state", "PRK", "GOV", "PRKGOV")
BLINKEN = Actor("a3", "Antony Blinken", "person", "USA", "GOV", "USAGOV")

PRAISE = "“North Korea is a reliable partner,” Sergei Lavrov said on Thursday."
# A quote longer than the table's quote column.
WARNING = (
    "Antony Blinken said North Korea would pay a price for every shell, every rocket, every "
    "drone and every railway wagon of ammunition it sent across the border to Russia."
)


def stored(article_id: str, text: str, published: dt.date, speaker: Actor, content: str,
           kind: str) -> Annotation:  # fmt: skip
    start = text.index(content)
    name = text.index(speaker.name)
    cue = text.index("said")
    korea = text.index("North Korea")
    return Annotation(
        Article(article_id, text, title=f"{speaker.name} on Korea", source="Wire",
                published=published),
        actors=(speaker, NORTH_KOREA),
        mentions=(
            Mention(name, name + len(speaker.name), speaker.name, speaker.id),
            Mention(korea, korea + len("North Korea"), "North Korea", NORTH_KOREA.id),
        ),
        quotes=(
            Quote(start, start + len(content), content, kind, cue=(cue, cue + 4),
                  speaker=(name, name + len(speaker.name)), speaker_actor=speaker.id,
                  mentioned_actors=(NORTH_KOREA.id,)),
        ),
    )  # fmt: skip


@pytest.fixture
def db(tmp_path: Path) -> str:
    url = f"sqlite:///{tmp_path / 'quotes.db'}"
    with Store.open(url) as store:
        store.save(stored("praise", PRAISE, dt.date(2023, 9, 14), LAVROV,
                          "“North Korea is a reliable partner,”", "direct"))  # fmt: skip
        content = WARNING[WARNING.index("North Korea would") : -1]
        store.save(stored("warning", WARNING, dt.date(2023, 9, 20), BLINKEN, content, "indirect"))
    return url


def test_what_russian_officials_said_about_north_korea(
    db: str, capsys: pytest.CaptureFixture[str]
) -> None:
    argv = ["quotes", "--db", db, "--speaker-country", "rus", "--mentions", "PRK",
            "--since", "2023-09-01"]  # fmt: skip
    assert main(argv) == 0
    header, row = capsys.readouterr().out.splitlines()
    assert header.split() == ["DATE", "SPEAKER", "KIND", "ARTICLE", "QUOTE"]
    assert row.startswith("2023-09-14  Sergei Lavrov (RUSGOV)  direct")
    assert "Sergei Lavrov on Korea" in row
    assert row.endswith("“North Korea is a reliable partner,”")


def test_table_cuts_long_quotes(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["quotes", "--db", db, "--speaker", "blinken"]) == 0
    _, row = capsys.readouterr().out.splitlines()
    assert row.endswith("…")
    assert WARNING[WARNING.index("North Korea would") :][: QUOTE_CHARS - 1] in row


def test_jsonl_carries_the_whole_quote_and_its_offsets(
    db: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["quotes", "--db", db, "--kind", "indirect", "--format", "jsonl"]) == 0
    (line,) = capsys.readouterr().out.splitlines()
    record = json.loads(line)
    assert WARNING[record["start"] : record["end"]] == record["text"]
    assert record["article_published"] == "2023-09-20"
    assert (record["speaker"], record["cue"]) == ("Antony Blinken", "said")
    assert record["mentioned_codes"] == ["PRKGOV"]


def test_csv_has_every_field(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["quotes", "--db", db, "--until", "2023-09-15", "--format", "csv"]) == 0
    (row,) = csv.DictReader(io.StringIO(capsys.readouterr().out))
    assert (row["speaker_name"], row["speaker_country"], row["kind"]) == (
        "Sergei Lavrov", "RUS", "direct",
    )  # fmt: skip
    assert row["mentioned_names"] == "North Korea"
    assert row["article_url"] == ""


def test_limit_and_no_match(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["quotes", "--db", db, "--limit", "1", "--format", "jsonl"]) == 0
    assert len(capsys.readouterr().out.splitlines()) == 1
    assert main(["quotes", "--db", db, "--speaker-country", "CHN"]) == 0
    captured = capsys.readouterr()
    assert captured.out == ""
    assert "no quotes match" in captured.err


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--speaker-country", "R-US"], "not an actor code"),
        (["--mentions", "north korea"], "not an actor code"),
        (["--since", "14/09/2023"], "not a date"),
        (["--until", "2023-02-30"], "not a date"),
        (["--since", "2023-10-01", "--until", "2023-09-30"], "--since is after --until"),
        (["--kind", "hearsay"], "invalid choice"),
        (["--limit", "0"], "not a positive whole number"),
        (["--speaker", "  "], "--speaker needs a name"),
        (["--format", "xml"], "invalid choice"),
    ],
)
def test_bad_options_are_usage_errors(
    db: str, argv: list[str], message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["quotes", "--db", db, *argv]) == 2
    assert message in capsys.readouterr().err


def test_missing_database_is_an_error_not_a_new_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = tmp_path / "none.db"
    assert main(["quotes", "--db", f"sqlite:///{missing}"]) == 2
    assert not missing.exists()
    assert "dyadwatch: error:" in capsys.readouterr().err
