"""Bytes to normalised article text: decoding, binary detection and Unicode clean-up.

The normalised text is the article text: every offset the pipeline emits refers to it.
"""

from __future__ import annotations

import codecs
import functools
import re
import sys
import unicodedata

from dyadwatch.errors import Codes
from dyadwatch.ingest.reject import Reject

# A file whose first bytes hold more than this share of C0 control bytes (other than tab, newline,
# carriage return, form feed, vertical tab and escape) is binary. Text files measured here (news
# wire text, HTML, feeds) hold none; PDFs, images and archives hold 10 % or more.
BINARY_CONTROL_SHARE = 0.05
BINARY_SAMPLE_BYTES = 8192

# English text that is not UTF-8 is nearly always Windows-1252 (a superset of Latin-1 for
# printable text): when the bytes decode as cp1252 and at most this share of them are non-ASCII,
# cp1252 is taken without asking the detector. charset_normalizer alone reads short English
# cp1252/latin-1 sentences as cp1250 or cp1257 ("crème" -> "crčme"). Accent-heavy English
# sentences measure 10-15 % high bytes; Cyrillic or Greek in single-byte encodings 60 % or more,
# and those still go to the detector.
WESTERN_HIGH_BYTE_SHARE = 0.30

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_TEXT_CONTROLS = frozenset(b"\t\n\r\x0b\x0c\x1b")
_LINE_BREAKS = re.compile(r"\r\n?|[\x0b\x0c\u2028\u2029]")
# C1 controls in decoded text are nearly always Windows-1252 bytes that were decoded as Latin-1
# upstream ("appearance \x96 all" is an en dash): give them their cp1252 meaning (measured on the
# LGL and PolNeAR development texts); the five bytes cp1252 leaves undefined are dropped later.
_C1_AS_CP1252 = {
    code: bytes([code]).decode("cp1252")
    for code in range(0x80, 0xA0)
    if code not in (0x81, 0x8D, 0x8F, 0x90, 0x9D)
}


def bom_encoding(data: bytes) -> str | None:
    """The encoding a byte-order mark announces, if the data starts with one."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return encoding
    return None


def looks_binary(data: bytes) -> bool:
    """True for NUL bytes or many control bytes in the first few kilobytes (BOM-less input)."""
    sample = data[:BINARY_SAMPLE_BYTES]
    if not sample or bom_encoding(sample) in ("utf-16", "utf-32"):
        return False
    if b"\x00" in sample:
        return True
    controls = sum(1 for byte in sample if byte < 0x20 and byte not in _TEXT_CONTROLS)
    return controls / len(sample) > BINARY_CONTROL_SHARE


def decode_bytes(data: bytes) -> str:
    """Decode input bytes: BOM, then UTF-8, then Windows-1252, then charset detection.

    Raises Reject(E002) for binary or undecodable input.
    """
    encoding = bom_encoding(data)
    if encoding:
        try:
            return data.decode(encoding)
        except UnicodeDecodeError as exc:
            raise Reject(
                Codes.E002, f"invalid {encoding} after its byte-order mark: {exc}"
            ) from exc
    if looks_binary(data):
        raise Reject(Codes.E002, "binary content (NUL or control bytes), not text")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    high = sum(1 for byte in data if byte >= 0x80)
    if high / max(len(data), 1) <= WESTERN_HIGH_BYTE_SHARE:
        try:
            return data.decode("cp1252")
        except UnicodeDecodeError:
            pass
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        raise Reject(Codes.E002, "undecodable bytes: not UTF-8 and no character set detected")
    return str(best)


def normalise_text(text: str) -> str:
    """NFC, newlines for every line-break convention, no zero-width or control characters."""
    text = _LINE_BREAKS.sub("\n", unicodedata.normalize("NFC", text.translate(_C1_AS_CP1252)))
    return _invisible().sub("", text)


@functools.cache
def _invisible() -> re.Pattern[str]:
    """A character class of the characters that normalised text drops.

    Cc: C0/C1 controls but tab and newline; Cf: zero-width spaces and joiners, BOM, soft hyphen,
    bidi marks; Cs: lone surrogates (from JSON escapes), which cannot be encoded as UTF-8.
    Built from this Python's Unicode tables on first use (one scan, ~0.15 s).
    """
    chars = (
        chr(code)
        for code in range(sys.maxunicode + 1)
        if unicodedata.category(chr(code)) in ("Cc", "Cf", "Cs") and chr(code) not in "\n\t"
    )
    return re.compile("[" + "".join(re.escape(ch) for ch in chars) + "]")
