"""How commands report rejected inputs (stderr) and choose their exit code."""

from __future__ import annotations

import sys
from collections import Counter
from collections.abc import Sequence

from dyadwatch.records import Rejection

EXIT_OK = 0
EXIT_REJECTED = 1


def report_rejections(rejections: Sequence[Rejection]) -> int:
    """List rejected inputs on stderr; exit status 1 if there were any."""
    if not rejections:
        return EXIT_OK
    counts = Counter(r.code for r in rejections)
    summary = ", ".join(f"{code}×{n}" for code, n in sorted(counts.items()))
    print(f"dyadwatch: {len(rejections)} input(s) rejected ({summary}):", file=sys.stderr)
    for rejection in rejections:
        print(f"  [{rejection.code}] {rejection.origin}: {rejection.reason}", file=sys.stderr)
    return EXIT_REJECTED
