"""The CLI end to end, in-process: annotate, ingest (idempotent, rejections), eval, demo."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from dyadwatch.cli.main import main

TEST_DATA = Path(__file__).parents[1] / "data"


@pytest.fixture
def sample(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    for suffix in (".txt", ".meta.json"):
        shutil.copy(TEST_DATA / f"putin-kim-vostochny{suffix}", folder)
    return folder / "putin-kim-vostochny.txt"


def test_annotate_prints_the_contract(sample: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["annotate", str(sample), "--format", "jsonl"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 1
    record = json.loads(lines[0])
    assert record["article"]["published"] == "2023-09-13"  # from the sibling .meta.json
    assert record["article"]["id"] == "sample:putin-kim-vostochny"
    assert record["events"] and record["quotes"] and record["timexes"] and record["places"]


def test_annotate_pretty_is_readable(sample: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["annotate", str(sample), "--format", "pretty"]) == 0
    out = capsys.readouterr().out
    assert "## Events" in out and "CONSULT" in out and "Kim Jong Un" in out


def test_annotate_published_option_applies_without_metadata(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "a.txt"
    path.write_text("Germany condemned the attack on the embassy in Kabul on Tuesday.", "utf-8")
    assert main(["annotate", str(path), "--published", "2024-03-14"]) == 0
    record = json.loads(capsys.readouterr().out)
    assert record["article"]["published"] == "2024-03-14"
    assert record["timexes"][0]["value"] == "2024-03-12"


def test_ingest_is_idempotent_and_reports_rejections(
    sample: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = f"sqlite:///{tmp_path / 'test.db'}"
    (sample.parent / "empty.txt").write_text("", "utf-8")
    assert main(["ingest", str(sample.parent), "--db", db, "--json"]) == 1  # the empty file
    first = json.loads(capsys.readouterr().out.splitlines()[-1])
    assert (first["stored"], first["rejected"]) == (1, 1)
    assert main(["ingest", str(sample), "--db", db, "--json"]) == 0
    second = json.loads(capsys.readouterr().out.splitlines()[-1])
    assert (second["stored"], second["duplicates"]) == (0, 1)
    assert main(["stats", "--db", db, "--format", "json"]) == 0
    stats = json.loads(capsys.readouterr().out)
    assert stats["articles"] == 1 and stats["rejections"] == 1 and stats["events"] > 5
    assert main(["events", "--db", db, "--dyad", "RUS,PRK", "--format", "jsonl"]) == 0
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert any(row["type"] == "CONSULT" for row in rows)


def test_usage_error_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["events", "--since", "not-a-date"]) == 2
    assert main([]) == 2


def test_eval_scores_a_gold_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps({
        "id": "g1", "text": "The talks were held on Tuesday.", "published": "2024-03-14",
        "timexes": [{"start": 23, "end": 30, "text": "Tuesday", "type": "DATE",
                     "value": "2024-03-12"}],
    }) + "\n", "utf-8")
    assert main(["eval", "timex", str(gold), "--json"]) == 0
    metrics = json.loads(capsys.readouterr().out)
    assert metrics["strict_f1"] == 1.0


@pytest.mark.slow
def test_demo_prints_the_russia_north_korea_dyad(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    assert main(["demo"]) == 0
    out = capsys.readouterr().out
    assert (tmp_path / "dyadwatch-demo.db").is_file()
    assert "Dyad RUS–PRK" in out and "CONSULT" in out and "Asserted events by type" in out
