"""How many gold event arguments the actor resolver covers (development sets in ../shared/data).

    .venv/bin/python benchmarks/actors_coverage.py                  # both sets, all records
    .venv/bin/python benchmarks/actors_coverage.py --limit 100 --show gsr

For each gold source/target string (PLV: its gold span; GSR: its first occurrence in the text):
  mention — some actor mention overlaps it;
  coded   — the mention at its head has an actor with a country or an own code; the head
            mention is the one covering the phrase's syntactic head, else one on a possessor or
            premodifier of the head, else the last one inside the phrase (as the event coder
            reads arguments);
  match   — (GSR only, which has gold codes) the head actor's country and sector equal the gold
            ones after mapping GSR's CAMEO-style codes below; `***` (unspecified) matches any
            sector; `country` is the same with the sector ignored.

The mapping from GSR codes lives here, not in the package: it is a reading of the gold file.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
from collections import Counter
from pathlib import Path
from typing import Any

from spacy.tokens import Doc

from dyadwatch.extract.actors import actors
from dyadwatch.nlp.pipeline import load_nlp
from dyadwatch.records import Actor, ActorIndex, Mention
from dyadwatch.resolve.kb import KnowledgeBase

DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "events"
SETS = {"plv": "plv_train.jsonl", "gsr": "plover_gsr.jsonl"}
# CAMEO country codes that differ from ISO 3166 alpha-3 (CAMEO manual, Appendix: countries)
GSR_COUNTRIES = {"JAP": "JPN", "ITL": "ITA", "VTN": "VNM"}
# Gold codes without a country: which actors count as a match (code or sector of ours)
GSR_NON_STATE = {
    "IGO": {"IGO"},                     # any intergovernmental organisation (UNO, EU, NATO ...)
    "NGO": {"NGO"},
    "IMG": {"REB", "PRM", "UAF", "CRM"},  # CAMEO: international militarised group (al-Qaeda)
    "ISM": {"REL", "REB", "CRM"},       # CAMEO: Islamic (transnational) actors
}
# GSR sector spellings → ours (sectors.yaml: PLOVER JRN is MED, PTY is POL; religions are REL)
GSR_SECTORS = {"JRN": "MED", "PTY": "POL", "CIV": "CVL", "MOS": "REL", "CHR": "REL",
               "SOC": "CVL"}
# GSR gives every record this date, a placeholder (its sentences span decades); like PLV's null
# it is read as "date unknown", for which the knowledge base takes each person's latest role.
GSR_PLACEHOLDER_DATE = "2000-01-01"


def gold_items(record: dict[str, Any]) -> list[tuple[int, int, str | None, str | None]]:
    """(start, end, gold code, gold sector) of each source/target string that can be located."""
    text, out = record["text"], []
    for event in record["events"]:
        for side in ("source", "target"):
            strings = event.get(side) or []
            spans = event.get(f"{side}_spans") or [None] * len(strings)
            codes = event.get(f"{side}_codes") or [None] * len(strings)
            sectors = event.get(f"{side}_sectors") or [None] * len(strings)
            for string, span, code, sector in zip(strings, spans, codes, sectors, strict=False):
                if span is None:
                    start = text.find(string)
                    if start < 0:
                        continue
                    span = (start, start + len(string))
                out.append((span[0], span[1], code, sector))
    return out


def head_mention(doc: Doc, index: ActorIndex, start: int, end: int) -> Mention | None:
    span = doc.char_span(start, end, alignment_mode="expand")
    inside = [m for m in index.mentions if start <= m.start and m.end <= end]
    if span is None or not len(span):
        return inside[-1] if inside else None
    root = span.root
    for token in (root, *(c for c in root.children
                          if c.dep_ in ("poss", "compound", "amod", "nmod"))):
        covering = [m for m in index.mentions
                    if m.start <= token.idx and token.idx + len(token) <= m.end]
        if covering:
            return max(covering, key=lambda m: m.end - m.start)
    return inside[-1] if inside else None


def matches(actor: Actor, code: str | None, sector: str | None, *, use_sector: bool) -> bool:
    if code is None:
        return False
    if code in GSR_NON_STATE:
        return actor.country is None and actor.sector in GSR_NON_STATE[code]
    if actor.country != GSR_COUNTRIES.get(code, code):
        return False
    if not use_sector or sector == "***":
        return True
    gold = sector[:3].upper() if sector else None
    return actor.sector == GSR_SECTORS.get(gold or "", gold)


def measure(name: str, records: list[dict[str, Any]], kb: KnowledgeBase,
            show: bool) -> Counter[str]:
    nlp = load_nlp()
    counts: Counter[str] = Counter()
    texts = (r["text"] for r in records)
    for record, doc in zip(records, nlp.pipe(texts, batch_size=32), strict=True):
        stamp = record.get("published")
        published = (dt.date.fromisoformat(stamp) if stamp and stamp != GSR_PLACEHOLDER_DATE
                     else None)
        index = actors(doc, kb, published)
        for start, end, code, sector in gold_items(record):
            counts["gold"] += 1
            overlapping = [m for m in index.mentions if m.start < end and start < m.end]
            head = head_mention(doc, index, start, end) or (
                overlapping[0] if overlapping else None)
            actor = index.actor(head.actor) if head else None
            counts["mention"] += bool(overlapping)
            counts["coded"] += bool(actor and (actor.country or actor.code))
            if name == "gsr":
                counts["match"] += bool(actor and matches(actor, code, sector, use_sector=True))
                counts["country"] += bool(actor and matches(actor, code, sector,
                                                            use_sector=False))
            good = (matches(actor, code, sector, use_sector=True) if name == "gsr"
                    else actor.country or actor.code) if actor else False
            if show and not good:
                got = f"{actor.code}/{actor.country}/{actor.sector}" if actor else "-"
                print(f"  {record['text'][start:end]!r:45} gold={code}/{sector} got={got}")
    return counts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--limit", type=int, default=None, help="records per set")
    parser.add_argument("--sets", nargs="+", default=list(SETS), choices=list(SETS))
    parser.add_argument("--show", nargs="*", default=[], choices=list(SETS),
                        help="print the gold strings that are not matched")
    parser.add_argument("--actors", type=Path, nargs="*", default=[],
                        help="user actor files, as `dyadwatch annotate --actors`")
    args = parser.parse_args()
    kb = KnowledgeBase.load(extra=tuple(args.actors))
    for name in args.sets:
        with (DATA / SETS[name]).open(encoding="utf-8") as handle:
            records = [json.loads(line) for line in handle][: args.limit]
        counts = measure(name, records, kb, name in args.show)
        total = counts["gold"] or 1
        figures = "  ".join(f"{k} {counts[k] / total:.3f}"
                            for k in ("mention", "coded", "match", "country") if k in counts)
        print(f"{name}: {len(records)} records, {counts['gold']} gold strings  {figures}")


if __name__ == "__main__":
    main()
