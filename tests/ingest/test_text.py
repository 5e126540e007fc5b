"""Plain text files: metadata from NAME.meta.json over command-line defaults, and the checks."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from dyadwatch.ingest import Defaults, read_inputs
from dyadwatch.records import Article, Rejection
from dyadwatch.settings import get_settings

TESTS = Path(__file__).parents[1]
INGEST = TESTS / "data" / "ingest"
STORY = (
    "The coastal guard of Arland said on Friday that it had escorted two fishing boats back to "
    "port after a storm damaged their engines.\n"
)
GERMAN = (
    "Die Küstenwache teilte am Freitag mit, sie habe zwei Fischerboote in den Hafen zurück "
    "begleitet, nachdem ein Sturm ihre Motoren beschädigt hatte."
)
FRENCH = (
    "Les garde-côtes ont annoncé vendredi qu'ils avaient escorté deux bateaux de pêche jusqu'au "
    "port après qu'une tempête eut endommagé leurs moteurs."
)


def only(inputs: list[str], **kwargs: object) -> Article | Rejection:
    items = list(read_inputs(inputs, **kwargs))  # type: ignore[arg-type]
    assert len(items) == 1, items
    return items[0]


def test_sample_article_with_meta_json() -> None:
    article = only([str(TESTS / "data" / "putin-kim-vostochny.txt")])
    assert isinstance(article, Article)
    assert article.id == "sample:putin-kim-vostochny"
    assert article.title == "US warns as Putin and Kim meet at Vostochny Cosmodrome"
    assert article.published == dt.date(2023, 9, 13)
    assert article.language == "en"
    assert article.text.startswith("White House National Security Council spokesman John Kirby")


def test_meta_json_sibling_wins_over_defaults() -> None:
    defaults = Defaults(published=dt.date(2000, 1, 1), source="cli", title="cli", url="cli")
    article = only([str(INGEST / "harbour.txt")], defaults=defaults)
    assert isinstance(article, Article)
    assert (article.id, article.title, article.source, article.url, article.published) == (
        "test:harbour",
        "Ferry service to continue",
        "Example Wire",
        "https://news.example.org/harbour",
        dt.date(2024, 1, 11),
    )
    assert article.origin == str(INGEST / "harbour.txt")


def test_defaults_fill_missing_metadata_and_id_is_content_hash(tmp_path: Path) -> None:
    path = tmp_path / "story.txt"
    path.write_text(STORY)
    (tmp_path / "story.meta.json").write_text(json.dumps({"title": "Boats escorted"}))
    defaults = Defaults(published=dt.date(2024, 6, 1), source="Wire", title="ignored")
    article = only([str(path)], defaults=defaults)
    assert isinstance(article, Article)
    assert (article.title, article.source, article.published, article.url) == (
        "Boats escorted",
        "Wire",
        dt.date(2024, 6, 1),
        None,
    )
    assert article.id == article.content_hash
    assert article.text == STORY


@pytest.mark.parametrize(
    ("meta", "code", "published"),
    [
        ('{"published": "2024-02-30"}', None, None),  # invalid date: article kept, no date
        ('{"published": "last week"}', None, None),
        ('{"published": 20240101}', None, None),
        ('{"published": "Fri, 07 Jun 2024 10:00:00 GMT"}', None, dt.date(2024, 6, 7)),
        ('{"title": ["a", "list"]}', "E009", None),
        ('{"id": {"nested": 1}}', "E009", None),
        ("not json at all", "E009", None),
        ('["an", "array"]', "E009", None),
        ('{"language": "de"}', "E003", None),
        ('{"language": "en-GB"}', None, None),
    ],
)
def test_meta_json_values(tmp_path: Path, meta: str, code: str | None, published: object) -> None:
    (tmp_path / "story.txt").write_text(STORY)
    (tmp_path / "story.meta.json").write_text(meta)
    item = only([str(tmp_path / "story.txt")])
    if code is None:
        assert isinstance(item, Article)
        assert item.published == published
    else:
        assert isinstance(item, Rejection)
        assert item.code == code
        assert item.reason


@pytest.mark.parametrize(
    ("content", "code"),
    [
        (b"", "E001"),
        (b"   \n\t\r\n  ", "E001"),
        (b"\x00\x01\x02binary\x00\x00\xff\xfe\x00", "E002"),
        (GERMAN.encode(), "E003"),
        (FRENCH.encode("latin-1"), "E003"),
        (b"Two words.", "E010"),
    ],
)
def test_text_rejections(tmp_path: Path, content: bytes, code: str) -> None:
    path = tmp_path / "input.txt"
    path.write_bytes(content)
    item = only([str(path)])
    assert isinstance(item, Rejection)
    assert (item.origin, item.code) == (str(path), code)


@pytest.mark.parametrize("encoding", ["latin-1", "cp1252", "utf-16", "utf-8-sig"])
def test_mis_encoded_text_is_decoded(tmp_path: Path, encoding: str) -> None:
    text = "Señor Müller’s café reopened on Tuesday, the mayor’s office said in a statement."
    if encoding == "latin-1":
        text = text.replace("’", "'")
    path = tmp_path / "story.txt"
    path.write_bytes(text.encode(encoding))
    article = only([str(path)])
    assert isinstance(article, Article)
    assert article.text == text


def test_text_is_normalised_and_offsets_refer_to_it(tmp_path: Path) -> None:
    path = tmp_path / "story.txt"
    path.write_bytes("The envoy\u200b met the\r\nminister in the capital on Monday.\r\n".encode())
    article = only([str(path)])
    assert isinstance(article, Article)
    assert article.text == "The envoy met the\nminister in the capital on Monday.\n"


def test_huge_file_is_rejected_without_reading_it_whole(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as out:
        out.truncate(50_000_000)  # sparse: a 50 MB file of NULs costs no disk
    settings = get_settings(max_article_chars=1_000_000)
    item = only([str(path)], settings=settings)
    assert isinstance(item, Rejection)
    assert item.code == "E004"


def test_text_longer_than_max_chars(tmp_path: Path) -> None:
    path = tmp_path / "long.txt"
    path.write_text(STORY * 20)
    item = only([str(path)], settings=get_settings(max_article_chars=1000))
    assert isinstance(item, Rejection)
    assert item.code == "E004"
    assert "max_article_chars=1,000" in item.reason
