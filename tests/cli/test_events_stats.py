"""`dyadwatch events` and `dyadwatch stats`, run in-process on a throw-away SQLite file."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from dyadwatch.cli.events import EVIDENCE_CHARS
from dyadwatch.cli.main import main
from dyadwatch.records import Actor, Annotation, Article, Event
from dyadwatch.store import Store

PUTIN = Actor("a1", "Vladimir Putin", "person", "RUS", "GOV", "RUSGOV")
KIM = Actor("a2", "Kim Jong Un", "person", "PRK", "GOV", "PRKGOV")

VISIT = "Kim Jong Un visited Vladimir Putin in the Russian Far East on Wednesday."
# A sentence longer than the table's evidence column.
WARNING = (
    "Vladimir Putin warned Kim Jong Un in a long and winding statement that went on about "
    "rockets, satellites, grain, railways and much else besides."
)


def consult_or_threaten(text: str, trigger: str, source: Actor, target: Actor) -> Event:
    start = text.index(trigger)
    threat = trigger == "warned"
    return Event(
        type="THREATEN" if threat else "CONSULT",
        mode=None if threat else "visit",
        contexts=(),
        cameo="130" if threat else "042",
        quad_class=3 if threat else 1,
        goldstein=-4.4 if threat else 1.9,
        source=(source.id,),
        target=(target.id,),
        source_spans=((text.index(source.name), text.index(source.name) + len(source.name)),),
        target_spans=((text.index(target.name), text.index(target.name) + len(target.name)),),
        date="2023-10-04" if threat else "2023-09-13",
        date_from="timex",
        place=None,
        modality="reported" if threat else "asserted",
        confidence=0.7,
        sentence=(0, len(text)),
        trigger=(start, start + len(trigger)),
    )


@pytest.fixture
def db(tmp_path: Path) -> str:
    url = f"sqlite:///{tmp_path / 'cli.db'}"
    with Store.open(url) as store:
        for article_id, text, trigger, source, target in [
            ("visit", VISIT, "visited", KIM, PUTIN),
            ("warning", WARNING, "warned", PUTIN, KIM),
        ]:
            store.save(
                Annotation(
                    Article(article_id, text, title=article_id.title(), source="Wire"),
                    actors=(PUTIN, KIM),
                    events=(consult_or_threaten(text, trigger, source, target),),
                )
            )
    return url


def test_table_lists_events_for_people(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["events", "--db", db, "--dyad", "rus,prk"]) == 0
    header, visit, warning = capsys.readouterr().out.splitlines()
    assert header.split() == ["DATE", "TYPE/MODE", "SOURCE", "→", "TARGET", "MODALITY", "EVIDENCE"]
    assert visit.split()[:6] == ["2023-09-13", "CONSULT/visit", "PRKGOV", "→", "RUSGOV", "asserted"]
    assert VISIT in visit
    assert warning.split()[:5] == ["2023-10-04", "THREATEN", "RUSGOV", "→", "PRKGOV"]
    assert warning.endswith("…")
    assert WARNING[: EVIDENCE_CHARS - 1] in warning


def test_directed_dyad(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["events", "--db", db, "--dyad", "RUS,PRK", "--directed", "--format", "jsonl"]) == 0
    (line,) = capsys.readouterr().out.splitlines()
    assert json.loads(line)["trigger"] == "warned"


def test_csv_carries_every_field_and_the_whole_evidence(
    db: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["events", "--db", db, "--format", "csv", "--modality", "reported"]) == 0
    (row,) = csv.DictReader(io.StringIO(capsys.readouterr().out))
    assert row["sentence"] == WARNING
    assert (row["type"], row["modality"], row["cameo"]) == ("THREATEN", "reported", "130")
    assert (row["source_codes"], row["target_names"]) == ("RUSGOV", "Kim Jong Un")
    assert row["mode"] == ""


def test_jsonl_offsets_point_into_the_article(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["events", "--db", db, "--format", "jsonl", "--since", "2023-09-13",
                 "--until", "2023-09"]) == 0  # fmt: skip
    (line,) = capsys.readouterr().out.splitlines()
    record = json.loads(line)
    assert record["sentence"] == VISIT
    assert VISIT[record["trigger_start"] : record["trigger_end"]] == record["trigger"] == "visited"
    assert record["source_countries"] == ["PRK"]
    assert record["contexts"] == []


def test_no_match_says_so(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["events", "--db", db, "--type", "assault"]) == 0
    captured = capsys.readouterr()
    assert captured.out == ""
    assert "no events match" in captured.err


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--dyad", "RUS"], "not a dyad"),
        (["--dyad", "RUS,PRK,USA"], "not a dyad"),
        (["--dyad", "RUS,"], "not an actor code"),
        (["--actor", "R-US"], "not an actor code"),
        (["--since", "13/09/2023"], "not a date"),
        (["--until", "2023-02-30"], "not a date"),
        (["--since", "2023-10-01", "--until", "2023-09-30"], "--since is after --until"),
        (["--type", "MEET"], "invalid choice"),
        (["--modality", "certain"], "invalid choice"),
        (["--limit", "0"], "not a positive whole number"),
    ],
)
def test_bad_options_are_usage_errors(
    db: str, argv: list[str], message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["events", "--db", db, *argv]) == 2
    assert message in capsys.readouterr().err


@pytest.mark.parametrize("command", ["events", "stats"])
def test_missing_database_is_an_error_not_a_new_file(
    command: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = tmp_path / "nothing.db"
    assert main([command, "--db", str(missing)]) == 2
    assert "no database at" in capsys.readouterr().err
    assert not missing.exists()


def test_stats_json(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["stats", "--db", db, "--format", "json"]) == 0
    counts = json.loads(capsys.readouterr().out)
    assert (counts["articles"], counts["events"], counts["actors"]) == (2, 2, 2)
    assert (counts["events_asserted"], counts["events_reported"]) == (1, 1)


def test_stats_table_reads_the_environment_database(
    db: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("DYADWATCH_DB", db)
    assert main(["stats"]) == 0
    lines = dict(line.split() for line in capsys.readouterr().out.splitlines())
    assert lines["articles"] == "2"
    assert lines["events_negated"] == "0"
