"""Binary stream adapters: put sniffed bytes back in front, read text streams as UTF-8."""

from __future__ import annotations

import io
from typing import BinaryIO, TextIO, cast


class _Prefixed(io.RawIOBase):
    def __init__(self, prefix: bytes, rest: BinaryIO) -> None:
        self._prefix = prefix
        self._rest = rest

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: memoryview) -> int:  # type: ignore[override]
        if self._prefix:
            size = min(len(buffer), len(self._prefix))
            buffer[:size] = self._prefix[:size]
            self._prefix = self._prefix[size:]
            return size
        data = self._rest.read(len(buffer))
        buffer[: len(data)] = data
        return len(data)


class _Utf8(io.RawIOBase):
    def __init__(self, text: TextIO) -> None:
        self._text = text
        self._pending = b""

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: memoryview) -> int:  # type: ignore[override]
        if not self._pending:
            self._pending = self._text.read(max(len(buffer) // 4, 1)).encode("utf-8", "replace")
        size = min(len(buffer), len(self._pending))
        buffer[:size] = self._pending[:size]
        self._pending = self._pending[size:]
        return size


def prefixed(prefix: bytes, rest: BinaryIO) -> BinaryIO:
    """A buffered stream that yields `prefix` and then what is left of `rest`."""
    return cast(BinaryIO, io.BufferedReader(_Prefixed(prefix, rest)))


def binary(stream: TextIO | BinaryIO) -> BinaryIO:
    """The bytes behind a stream: its `.buffer` (sys.stdin), itself, or its text as UTF-8."""
    if isinstance(stream.read(0), bytes):
        return cast(BinaryIO, stream)
    buffer = getattr(stream, "buffer", None)
    if buffer is not None:
        return cast(BinaryIO, buffer)
    return cast(BinaryIO, io.BufferedReader(_Utf8(cast(TextIO, stream))))
