"""The signal a reader raises when an input cannot become an article."""

from __future__ import annotations

from dyadwatch.records import Rejection


class Reject(Exception):  # a control-flow signal, not an error: it becomes a Rejection
    """Raised inside a reader; caught at the reader's boundary and turned into a `Rejection`."""

    def __init__(self, code: str, reason: str) -> None:
        super().__init__(f"[{code}] {reason}")
        self.code = code
        self.reason = reason

    def at(self, origin: str) -> Rejection:
        return Rejection(origin=origin, code=self.code, reason=self.reason)
