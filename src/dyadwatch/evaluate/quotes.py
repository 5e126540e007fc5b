"""Score predicted quotes against gold quotes (DESIGN.md §4).

Gold quotes are attribution relations (PolNeAR, PARC): one cue, one source and a content that
may come in several fragments (“A,” he said, “B.”), every token in at most one relation. The
predictions are read the same way before scoring (`attributions`): quotes that share a cue span
are the fragments of one attribution, and an attribution lying wholly inside another one's
content is not scored (the gold has no nested relations to match it).

Content spans are matched one to one, best overlap first. "exact" compares character spans after
trimming surrounding whitespace; "overlap" needs a shared character and a token overlap of at
least `OVERLAP_MIN` both ways, reading a discontinuous gold content from its `fragments` (PolNeAR).
Speaker and cue accuracy are computed over overlap-matched pairs whose gold has a speaker (cue):
the predicted span must share a character with the gold span.
"""

from __future__ import annotations

from typing import Any

from dyadwatch.evaluate.common import PRF, format_table, span_overlap, token_overlap

# The shared scoring rule for quotes (../shared/data/README.md "Scoring"): >= 50% both ways.
OVERLAP_MIN = 0.5


def score(gold: list[dict[str, Any]], predicted: list[dict[str, Any]]) -> dict[str, float]:
    """Content P/R/F1 (exact and overlap), speaker and cue accuracy over all records."""
    if len(gold) != len(predicted):
        raise ValueError(f"{len(gold)} gold records but {len(predicted)} predictions")
    exact, overlap = PRF(), PRF()
    speaker_hits = speaker_total = cue_hits = cue_total = 0
    for record, annotation in zip(gold, predicted, strict=True):
        text = record["text"]
        gold_quotes = record.get("quotes", [])
        pred_quotes = attributions(annotation.get("quotes", []))
        for prf in (exact, overlap):
            prf.gold += len(gold_quotes)
            prf.predicted += len(pred_quotes)
        gold_spans = {_trim(text, q["start"], q["end"]) for q in gold_quotes}
        exact.tp += len(gold_spans & {_trim(text, q["start"], q["end"]) for q in pred_quotes})
        for g, p in _match(text, gold_quotes, pred_quotes):
            overlap.tp += 1
            if g.get("speaker") is not None:
                speaker_total += 1
                speaker_hits += _hit(g["speaker"], p.get("speaker"))
            if g.get("cue") is not None:
                cue_total += 1
                cue_hits += _hit(g["cue"], p.get("cue"))
    return {
        **exact.as_dict("exact_"),
        **overlap.as_dict("overlap_"),
        "speaker_accuracy": round(speaker_hits / speaker_total, 4) if speaker_total else 0.0,
        "cue_accuracy": round(cue_hits / cue_total, 4) if cue_total else 0.0,
        "gold": float(overlap.gold),
        "predicted": float(overlap.predicted),
        "matched": float(overlap.tp),
        "speaker_scored": float(speaker_total),
        "cue_scored": float(cue_total),
    }


def attributions(quotes: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Predicted quotes as attribution relations: fragments sharing a cue joined (outer span
    plus `fragments`), then relations nested in another relation's fragments dropped."""
    groups: dict[tuple[int, int] | int, list[dict[str, Any]]] = {}
    for number, quote in enumerate(sorted(quotes, key=lambda q: (q["start"], q["end"]))):
        cue = quote.get("cue")
        groups.setdefault((cue[0], cue[1]) if cue else number, []).append(quote)
    joined = [
        {
            **parts[0],
            "start": min(q["start"] for q in parts),
            "end": max(q["end"] for q in parts),
            "fragments": [[q["start"], q["end"]] for q in parts],
        }
        for parts in groups.values()
    ]
    # A relation that holds another starts no later and ends no earlier, so it comes first.
    kept: list[dict[str, Any]] = []
    for quote in sorted(joined, key=lambda q: (q["start"], -q["end"])):
        if not any(_nested(quote, outer) for outer in kept):
            kept.append(quote)
    return kept


def report(metrics: dict[str, float]) -> str:
    """A plain table of the measures, then the counts."""
    rows = [
        [
            name,
            _cell(metrics, f"{name}_precision"),
            _cell(metrics, f"{name}_recall"),
            _cell(metrics, f"{name}_f1"),
        ]
        for name in ("exact", "overlap")
    ]
    table = format_table(rows, ["content span", "P", "R", "F1"])
    lines = [
        table,
        "",
        f"speaker accuracy {_cell(metrics, 'speaker_accuracy')}"
        f" (of {int(metrics.get('speaker_scored', 0))} matched quotes with a gold speaker)",
        f"cue accuracy     {_cell(metrics, 'cue_accuracy')}"
        f" (of {int(metrics.get('cue_scored', 0))} matched quotes with a gold cue)",
        f"gold {int(metrics.get('gold', 0))}, predicted {int(metrics.get('predicted', 0))},"
        f" matched {int(metrics.get('matched', 0))}",
    ]
    return "\n".join(lines)


def _match(
    text: str, gold: list[dict[str, Any]], predicted: list[dict[str, Any]]
) -> list[tuple[dict[str, Any], dict[str, Any]]]:
    """One-to-one pairs whose contents overlap enough, best pairs first."""
    candidates: list[tuple[float, int, int]] = []
    for gi, g in enumerate(gold):
        g_text = _content(text, g)
        for pi, p in enumerate(predicted):
            if not span_overlap((g["start"], g["end"]), (p["start"], p["end"])):
                continue
            p_text = _content(text, p)
            both = min(token_overlap(p_text, g_text), token_overlap(g_text, p_text))
            if both >= OVERLAP_MIN:
                candidates.append((both, gi, pi))
    pairs, used_gold, used_pred = [], set(), set()
    for _, gi, pi in sorted(candidates, key=lambda c: -c[0]):
        if gi not in used_gold and pi not in used_pred:
            used_gold.add(gi)
            used_pred.add(pi)
            pairs.append((gold[gi], predicted[pi]))
    return pairs


def _content(text: str, quote: dict[str, Any]) -> str:
    fragments = quote.get("fragments")
    if fragments:
        return " ".join(text[s:e] for s, e in fragments)
    return str(text[quote["start"] : quote["end"]])


def _nested(inner: dict[str, Any], outer: dict[str, Any]) -> bool:
    """Every fragment of `inner` lies inside a fragment of `outer`."""
    return all(
        any(s <= start and end <= e for s, e in outer["fragments"])
        for start, end in inner["fragments"]
    )


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    piece = text[start:end]
    return (start + len(piece) - len(piece.lstrip()), end - len(piece) + len(piece.rstrip()))


def _hit(gold: list[int], predicted: list[int] | tuple[int, int] | None) -> int:
    if predicted is None:
        return 0
    return int(span_overlap((gold[0], gold[1]), (predicted[0], predicted[1])) > 0)


def _cell(metrics: dict[str, float], key: str) -> str:
    return f"{metrics[key]:.3f}" if key in metrics else "-"
