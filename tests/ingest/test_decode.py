"""Decoding and normalisation: what bytes become which article text."""

from __future__ import annotations

import codecs

import pytest

from dyadwatch.ingest.decode import decode_bytes, looks_binary, normalise_text
from dyadwatch.ingest.reject import Reject

ACCENTED = "The café in Zürich served crème brûlée to the naïve señor."
SMART = "Merkel’s “déjà vu” moment — the minister paid €5 for a coffee."


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (ACCENTED.encode("utf-8"), ACCENTED),
        (codecs.BOM_UTF8 + ACCENTED.encode("utf-8"), ACCENTED),
        (ACCENTED.encode("utf-16"), ACCENTED),
        (ACCENTED.encode("latin-1"), ACCENTED),
        (SMART.encode("cp1252"), SMART),
        ("Плохие новости: переговоры в столице сорваны, сообщили источники.".encode("cp1251"),
         "Плохие новости: переговоры в столице сорваны, сообщили источники."),
    ],
)  # fmt: skip
def test_decode_bytes(data: bytes, expected: str) -> None:
    assert decode_bytes(data) == expected


@pytest.mark.parametrize(
    "data",
    [
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00",
        b"plain words\x00with a NUL byte",
        bytes(range(32)) * 20,
    ],
)
def test_binary_input_is_rejected_e002(data: bytes) -> None:
    assert looks_binary(data)
    with pytest.raises(Reject) as caught:
        decode_bytes(data)
    assert caught.value.code == "E002"


@pytest.mark.parametrize(
    "data", [b"", b"tabs\tand\nnewlines\r\nand form\x0cfeeds", ACCENTED.encode("utf-16")]
)
def test_text_is_not_binary(data: bytes) -> None:
    assert not looks_binary(data)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("line one\r\nline two\rline three", "line one\nline two\nline three"),
        ("zero\u200bwidth\u200d joiner\ufeff", "zerowidth joiner"),
        ("soft\u00adhyphen and bidi\u200e mark", "softhyphen and bidi mark"),
        ("bell\x07 and escape\x1b and \x81 gone", "bell and escape and  gone"),
        (
            "cp1252 read as latin-1: \x93quoted\x94 \x96 dash\x85",
            "cp1252 read as latin-1: “quoted” – dash…",
        ),
        ("keep\ttabs\nand newlines", "keep\ttabs\nand newlines"),
        ("page\x0cbreak and line\u2028separator", "page\nbreak and line\nseparator"),
        ("Cafe\u0301 composed", "Café composed"),  # NFD -> NFC
        ("lone \ud800 surrogate", "lone  surrogate"),
    ],
)
def test_normalise_text(raw: str, expected: str) -> None:
    assert normalise_text(raw) == expected


def test_normalise_is_idempotent() -> None:
    once = normalise_text("a\r\nb\u200b c\u0301\x00")
    assert normalise_text(once) == once
