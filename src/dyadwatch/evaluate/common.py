"""Metric helpers shared by the scorers."""

from __future__ import annotations

import re
from dataclasses import dataclass

_TOKEN = re.compile(r"\w+", re.UNICODE)


@dataclass
class PRF:
    """Counts of true positives, predictions and gold items, with P/R/F1."""

    tp: float = 0.0
    predicted: int = 0
    gold: int = 0

    @property
    def precision(self) -> float:
        return self.tp / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.tp / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self, prefix: str = "") -> dict[str, float]:
        return {
            f"{prefix}precision": round(self.precision, 4),
            f"{prefix}recall": round(self.recall, 4),
            f"{prefix}f1": round(self.f1, 4),
        }


def tokens(text: str) -> list[str]:
    """Lower-cased word tokens, for overlap measures."""
    return [t.lower() for t in _TOKEN.findall(text)]


def token_overlap(a: str, b: str) -> float:
    """Share of the tokens of `b` that also occur in `a` (0 when `b` has none)."""
    tb = tokens(b)
    if not tb:
        return 0.0
    ta = set(tokens(a))
    return sum(1 for t in tb if t in ta) / len(tb)


def span_overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    """Number of characters shared by two half-open spans."""
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def format_table(rows: list[list[str]], header: list[str]) -> str:
    """A plain aligned text table (no colours: output goes to logs and CI)."""
    widths = [max(len(str(x)) for x in col) for col in zip(header, *rows, strict=False)]
    line = lambda cells: "  ".join(str(c).ljust(w) for c, w in zip(cells, widths, strict=False))  # noqa: E731
    return "\n".join([line(header), line(["-" * w for w in widths]), *map(line, rows)])
