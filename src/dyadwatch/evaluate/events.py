"""Score coded events against gold event records (data README, "Scoring", events).

Per record, gold and predicted events are paired one-to-one by type (gold `YIELD` accepts
CONCEDE or RETREAT); among same-type candidates the pairing prefers the predicted event whose
actors agree best. The paired events are the type true positives; source, target, QuadClass
and modality are then compared within pairs.

An actor slot (source or target) matches when every gold string is found among the predicted
actors of that slot: a predicted span text or actor name sharing at least half of its content
words with the gold string both ways, a span lying wholly inside the gold string, an actor name
containing it or lying inside it, or an actor
whose country / code equals the gold `source_codes` / `target_codes` entry. An empty gold slot
matches an empty predicted one (PLV's `target_implicit`). For `reciprocal` gold events (every
actor is both source and target, gold target empty) the gold actors are looked up among the
predicted source and target together, and the target matches when every predicted target is
one of the gold actors. A predicted joint-actor event (several sources, no target) matches a
gold event whose source and target are all among those sources.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from dyadwatch.evaluate.common import PRF, format_table, token_overlap
from dyadwatch.ontology import quad_class

YIELD = "YIELD"
YIELD_TYPES = frozenset({"CONCEDE", "RETREAT"})
DEFAULT_MODALITIES = ("asserted", "future")
# Half the content words, as the data README's "token overlap >= 50%".
ACTOR_OVERLAP = 0.5
# Words that carry no identity: "the government" should not match "the rebels" on "the".
_FUNCTION_WORDS = re.compile(r"\b(?:the|a|an|of|and|'s|in|for|to|on)\b", re.IGNORECASE)


@dataclass(frozen=True)
class _Slot:
    """The predicted strings and codes in one actor slot of one event."""

    texts: tuple[str, ...]
    names: tuple[str, ...]
    codes: tuple[frozenset[str], ...]

    @property
    def empty(self) -> bool:
        return not self.texts and not self.codes

    def __add__(self, other: _Slot) -> _Slot:
        return _Slot(self.texts + other.texts, self.names + other.names,
                     self.codes + other.codes)


@dataclass(frozen=True)
class _Pred:
    type: str
    modality: str
    quad_class: int | None
    source: _Slot
    target: _Slot
    confidence: float = 0.0


def _content(text: str) -> str:
    return _FUNCTION_WORDS.sub(" ", text)


def _string_matches(gold: str, predicted: str, *, is_name: bool = False) -> bool:
    """Half the content words shared both ways, or one string wholly inside the other.

    A span may lie inside the gold string (a head, "Zarif"); an actor name may also contain
    it (gold "Zarif", name "Mohammad Javad Zarif"). A span containing the gold string must
    share half its words with it, so a clause-long span does not match every actor in it.
    """
    g, p = _content(gold), _content(predicted)
    gold_in_pred, pred_in_gold = token_overlap(p, g), token_overlap(g, p)
    if pred_in_gold == 1.0 or (is_name and gold_in_pred == 1.0):
        return True
    return gold_in_pred >= ACTOR_OVERLAP and pred_in_gold >= ACTOR_OVERLAP


def _actor_found(gold: str, code: str | None, slot: _Slot) -> bool:
    if any(_string_matches(gold, text) for text in slot.texts) or any(
            _string_matches(gold, name, is_name=True) for name in slot.names):
        return True
    return bool(code) and any(code in codes for codes in slot.codes)


def _slot_matches(gold: Sequence[str], codes: Sequence[str | None], slot: _Slot) -> bool:
    if not gold:
        return slot.empty
    codes = list(codes) + [None] * (len(gold) - len(codes))
    return all(_actor_found(g, c, slot) for g, c in zip(gold, codes, strict=False))


def _slot_within(slot: _Slot, gold: Sequence[str]) -> bool:
    """Every predicted string of the slot is one of the gold actors."""
    return all(any(_string_matches(g, t) for g in gold) for t in slot.texts) and all(
        any(_string_matches(g, n, is_name=True) for g in gold) for n in slot.names)


def _actors_match(gold: dict[str, Any], pred: _Pred) -> tuple[bool, bool]:
    """(source matches, target matches) for a gold event and a predicted one."""
    sources, source_codes = gold.get("source") or [], gold.get("source_codes") or []
    targets, target_codes = gold.get("target") or [], gold.get("target_codes") or []
    if gold.get("reciprocal"):
        both = pred.source + pred.target
        everyone = list(sources) + list(targets)
        source_ok = _slot_matches(everyone, list(source_codes) + list(target_codes), both)
        return source_ok, _slot_within(pred.target, everyone)
    if targets and pred.target.empty and len(pred.source.texts) > 1:
        # Joint actors ("Trump and Putin agreed"): PLOVER codes them all as sources, a
        # dyad-marked gold may split them into source and target.
        everyone = list(sources) + list(targets)
        joint = _slot_matches(everyone, list(source_codes) + list(target_codes), pred.source)
        if joint:
            return True, True
    return (_slot_matches(sources, source_codes, pred.source),
            _slot_matches(targets, target_codes, pred.target))


def _slot(annotation: dict[str, Any], event: dict[str, Any], role: str) -> _Slot:
    text = annotation.get("text") or ""
    actors = {a.get("id"): a for a in annotation.get("actors") or []}
    texts = [text[s:e] for s, e in event.get(f"{role}_spans") or [] if text[s:e].strip()]
    names, codes = [], []
    for actor_id in event.get(role) or []:
        actor = actors.get(actor_id, {})
        if actor.get("name"):
            names.append(actor["name"])
        code = actor.get("code") or ""
        codes.append(frozenset(filter(None, (actor.get("country"), code, code[:3],
                                             actor.get("sector")))))
    return _Slot(tuple(texts), tuple(names), tuple(codes))


def _predicted(annotation: dict[str, Any], modalities: Sequence[str]) -> list[_Pred]:
    events = []
    for event in annotation.get("events") or []:
        modality = event.get("modality") or "asserted"
        if modality not in modalities:
            continue
        events.append(_Pred(str(event.get("type", "")).upper(), modality,
                            event.get("quad_class"), _slot(annotation, event, "source"),
                            _slot(annotation, event, "target"),
                            float(event.get("confidence") or 0.0)))
    return events


def _gold_events(record: dict[str, Any], modalities: Sequence[str]) -> list[dict[str, Any]]:
    return [e for e in record.get("events") or []
            if e.get("modality") is None or e["modality"] in modalities]


def compatible(gold_type: str, pred_type: str) -> bool:
    """A predicted type matches a gold one: the same, or CONCEDE/RETREAT for PLV's YIELD."""
    return pred_type == gold_type or (gold_type == YIELD and pred_type in YIELD_TYPES)


def _gold_quads(gold_type: str) -> set[int]:
    if gold_type == YIELD:
        return {quad_class(t) for t in YIELD_TYPES}
    try:
        return {quad_class(gold_type)}
    except ValueError:
        return set()


def _pair(gold: list[dict[str, Any]], preds: list[_Pred]) -> list[tuple[int, int]]:
    """One-to-one (gold index, predicted index) pairs of compatible types.

    Exact types are paired before YIELD so a YIELD cannot take the CONCEDE an exact gold
    CONCEDE needs; within a type the predicted event with the best actor agreement wins.
    """
    order = sorted(range(len(gold)), key=lambda i: gold[i]["type"] == YIELD)
    free = set(range(len(preds)))
    pairs = []
    for gi in order:
        candidates = [pi for pi in sorted(free) if compatible(gold[gi]["type"], preds[pi].type)]
        if not candidates:
            continue
        best = max(candidates, key=lambda pi: sum(_actors_match(gold[gi], preds[pi])))
        free.discard(best)
        pairs.append((gi, best))
    return pairs


def _quad_matches(gold: list[dict[str, Any]], preds: list[_Pred]) -> int:
    """Gold events matched one-to-one by quad class alone (coarser than type)."""
    free = Counter(quad_class(p.type) for p in preds if _known(p.type))
    matched = 0
    for event in sorted(gold, key=lambda e: e["type"] == YIELD):
        for quad in sorted(_gold_quads(event["type"])):
            if free[quad]:
                free[quad] -= 1
                matched += 1
                break
    return matched


def _known(event_type: str) -> bool:
    try:
        quad_class(event_type)
    except ValueError:
        return False
    return True


def score(gold: list[dict[str, Any]], predicted: list[dict[str, Any]], *,
          modalities: Sequence[str] = DEFAULT_MODALITIES) -> dict[str, Any]:
    """Event metrics of `predicted[i]` (an annotation dict) against gold record `gold[i]`."""
    if len(gold) != len(predicted):
        raise ValueError(f"{len(gold)} gold records but {len(predicted)} annotations")
    gold_types = {e["type"] for r in gold for e in r.get("events") or []}
    # A corpus coded with YIELD only (PLV) scores every CONCEDE/RETREAT under YIELD.
    yield_only = YIELD in gold_types and not gold_types & YIELD_TYPES
    overall, quad = PRF(), PRF()
    per_type: dict[str, PRF] = {}
    pairs_n = source_ok = target_ok = quad_ok = 0
    modality_n = modality_ok = future_n = future_ok = future_sents = future_sents_ok = 0

    calibration: list[tuple[float, bool]] = []

    def row(label: str) -> PRF:
        return per_type.setdefault(label, PRF())

    for record, annotation in zip(gold, predicted, strict=True):
        gold_events = _gold_events(record, modalities)
        preds = _predicted(annotation, modalities)
        pairs = _pair(gold_events, preds)
        overall.gold += len(gold_events)
        overall.predicted += len(preds)
        overall.tp += len(pairs)
        quad.gold += len(gold_events)
        quad.predicted += len(preds)
        quad.tp += _quad_matches(gold_events, preds)
        paired_preds = {pi: gi for gi, pi in pairs}
        for event in gold_events:
            row(event["type"]).gold += 1
        for pi, pred in enumerate(preds):
            matched_yield = pi in paired_preds and gold_events[paired_preds[pi]]["type"] == YIELD
            label = YIELD if matched_yield or (yield_only and pred.type in YIELD_TYPES) \
                else pred.type
            row(label).predicted += 1
            calibration.append((pred.confidence, pi in paired_preds))
            if pi in paired_preds:
                row(label).tp += 1
        for gi, pi in pairs:
            event, pred = gold_events[gi], preds[pi]
            src, tgt = _actors_match(event, pred)
            pairs_n += 1
            source_ok += src
            target_ok += tgt
            quad_ok += pred.quad_class in _gold_quads(event["type"])
            if event.get("modality"):
                modality_n += 1
                modality_ok += pred.modality == event["modality"]
        future_events = [i for i, e in enumerate(gold_events) if e.get("modality") == "future"]
        if future_events and "future" in modalities:
            future_n += len(future_events)
            future_ok += sum(1 for gi, pi in pairs
                             if gi in future_events and preds[pi].modality == "future")
            future_sents += 1
            future_sents_ok += any(p.modality == "future" for p in preds)

    def share(num: int, den: int) -> float | None:
        return round(num / den, 4) if den else None

    table = {label: {**prf.as_dict(), "support": prf.gold, "predicted": prf.predicted}
             for label, prf in sorted(per_type.items())}
    supported = [prf.f1 for prf in per_type.values() if prf.gold]
    return {
        "records": len(gold),
        "modalities": list(modalities),
        "gold_events": overall.gold,
        "predicted_events": overall.predicted,
        "matched_events": int(overall.tp),
        **overall.as_dict("type_"),
        "type_macro_f1": round(sum(supported) / len(supported), 4) if supported else 0.0,
        **quad.as_dict("quad_"),
        "source_match": share(source_ok, pairs_n),
        "target_match": share(target_ok, pairs_n),
        "quad_agreement": share(quad_ok, pairs_n),
        "extra_event_rate": share(overall.predicted - int(overall.tp), overall.gold),
        "modality_accuracy": share(modality_ok, modality_n),
        "future_recall": share(future_ok, future_n),
        "future_sentence_recall": share(future_sents_ok, future_sents),
        "gold_future_events": future_n,
        "per_type": table,
        "reliability": reliability(calibration),
        "precision_at_0.8": share(sum(ok for c, ok in calibration if c >= HIGH_CONFIDENCE),
                                  sum(1 for c, _ in calibration if c >= HIGH_CONFIDENCE)),
    }


HIGH_CONFIDENCE = 0.8
CONFIDENCE_BINS = (0.0, 0.5, 0.6, 0.7, 0.8, 0.9, 1.01)


def reliability(calibration: Sequence[tuple[float, bool]]) -> list[dict[str, Any]]:
    """Per confidence bin: how many predicted events, and the share whose type was right."""
    rows = []
    for low, high in itertools.pairwise(CONFIDENCE_BINS):
        inside = [ok for c, ok in calibration if low <= c < high]
        rows.append({
            "bin": f"{low:.1f}-{min(high, 1.0):.1f}",
            "events": len(inside),
            "precision": round(sum(inside) / len(inside), 4) if inside else None,
        })
    return rows


def report(metrics: dict[str, Any]) -> str:
    """A plain-text summary: headline figures, then the per-type table."""
    def fmt(value: Any) -> str:
        return "n/a" if value is None else f"{value:.3f}" if isinstance(value, float) else str(
            value)

    lines = [
        f"events: {metrics['records']} records, {metrics['gold_events']} gold, "
        f"{metrics['predicted_events']} predicted, {metrics['matched_events']} type-matched "
        f"(modalities: {', '.join(metrics['modalities'])})",
        f"type     P {fmt(metrics['type_precision'])}  R {fmt(metrics['type_recall'])}  "
        f"F1 {fmt(metrics['type_f1'])}  macro F1 {fmt(metrics['type_macro_f1'])}",
        f"quad     P {fmt(metrics['quad_precision'])}  R {fmt(metrics['quad_recall'])}  "
        f"F1 {fmt(metrics['quad_f1'])}",
        f"matched pairs: source {fmt(metrics['source_match'])}  target "
        f"{fmt(metrics['target_match'])}  quad agreement {fmt(metrics['quad_agreement'])}  "
        f"modality {fmt(metrics['modality_accuracy'])}",
        f"extra-event rate {fmt(metrics['extra_event_rate'])}  future recall "
        f"{fmt(metrics['future_recall'])} (sentences {fmt(metrics['future_sentence_recall'])}, "
        f"{metrics['gold_future_events']} gold future events)",
        "",
    ]
    rows = [[label, fmt(r["precision"]), fmt(r["recall"]), fmt(r["f1"]), str(r["support"]),
             str(r["predicted"])] for label, r in metrics["per_type"].items()]
    lines.append(format_table(rows, ["type", "P", "R", "F1", "support", "predicted"]))
    if metrics.get("reliability"):
        lines += ["", f"reliability (type right among predicted events by confidence; "
                  f"precision at >= {HIGH_CONFIDENCE}: {fmt(metrics.get('precision_at_0.8'))})"]
        bins = [[b["bin"], str(b["events"]), fmt(b["precision"])] for b in metrics["reliability"]]
        lines.append(format_table(bins, ["confidence", "events", "precision"]))
    return "\n".join(lines)
