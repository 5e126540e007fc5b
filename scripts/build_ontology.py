"""Build the package's PLOVER/CAMEO tables from the reference files in ../shared/data/ontology.

Sources (see src/dyadwatch/data/ontology/README.md for the full attribution):
- plover-manual.txt: the PLOVER codebook (openeventdata/PLOVER, PLOVER_MANUAL.tex @ 5e0c24f),
  CC BY-SA 4.0, Philip A. Schrodt, Andrew Halterman, John Beieler and the PLOVER team.
- cameo2plover-2021.txt: CAMEO code -> PLOVER type, mode, context (openeventdata/PLOVER
  CAMEO2PLOVER-2021.txt @ 5e0c24f), CC BY-SA 4.0, same authors.
- cameo_codes.csv: CAMEO codes, names and Goldstein scores (andybega/icews
  data-raw/cameo-codes.csv @ 3746c72), MIT.

Usage: python scripts/build_ontology.py [SOURCE_DIR] [OUT_DIR]

The 2021 crosswalk predates the current manual's modes and contexts, so its vocabulary is
mapped forward (MODE_FIXES, CONTEXT_FIXES) and the PLOVER -> CAMEO direction is chosen by hand
where the reversed table is ambiguous or silent (MODE_DEFAULTS, CONTEXT_DEFAULTS, ROOT_DEFAULTS).
Every hand choice carries its reason into crosswalk.csv's `note` column.
"""

from __future__ import annotations

import csv
import re
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SOURCE_DIR = ROOT.parent / "shared" / "data" / "ontology"
OUT_DIR = ROOT / "src" / "dyadwatch" / "data" / "ontology"

QUAD_NAMES = {
    "VERBAL COOPERATION": 1,
    "MATERIAL COOPERATION": 2,
    "VERBAL CONFLICT": 3,
    "MATERIAL CONFLICT": 4,
}
# GDELT's QuadClass of the 20 CAMEO root codes.
CAMEO_ROOT_QUAD = {f"{i:02d}": 1 if i <= 5 else 2 if i <= 8 else 3 if i <= 13 else 4
                   for i in range(1, 21)}

# The manual's score table prints ACCUSE as 3; its own note says -3 is meant.
SCORE_FIXES = {("ACCUSE", ""): -3.0}

# 2021 crosswalk mode -> current manual mode ("" = no mode in the current manual).
MODE_FIXES = {
    ("ASSAULT", "assassinate"): "targeted",
    ("ASSAULT", "massacre"): "targeted",
    ("ASSAULT", "cleansing"): "",
    ("ASSAULT", "seize"): "destroy",  # 1712 Destroy property
    ("ASSAULT", "pro_autocracy"): "",  # 175: a context written in the mode column
    ("COERCE", "ban"): "restrict",
    ("THREATEN", "ban"): "restrict",
    ("THREATEN", "political"): "restrict",
    ("RETREAT", "return"): "",
    ("RETREAT", "ease"): "",  # the 2021 file itself notes "ease" is no longer a mode
}
# 2021 contexts that the current manual renamed or dropped.
CONTEXT_FIXES = {
    "democracy": "pro_democracy",
    "humanitarian": "human_security",
}

# Type-level fallback: the CAMEO code used when neither mode nor context settles the code.
ROOT_DEFAULTS = {
    "AGREE": ("030", ""),
    "CONSULT": ("040", ""),
    "SUPPORT": ("050", ""),
    "CONCEDE": ("080", "CAMEO 08 Yield is material; PLOVER moved verbal concessions to quad 1"),
    "COOPERATE": ("060", ""),
    "AID": ("070", ""),
    "RETREAT": ("080", "CAMEO's residual Yield; 084 covers only return/release"),
    "REQUEST": ("100", ""),
    "ACCUSE": ("110", "CAMEO 11 Disapprove, the bulk of ACCUSE; 09 Investigate is its mode"),
    "REJECT": ("120", ""),
    "THREATEN": ("130", ""),
    "PROTEST": ("140", ""),
    "SANCTION": ("160", ""),
    "MOBILIZE": ("150", ""),
    "COERCE": ("170", ""),
    "ASSAULT": ("190", "CAMEO's residual for fighting and killings with unstated weapons"),
}

# Mode-level defaults where the reversed 2021 table is silent (new modes) or offers several codes.
MODE_DEFAULTS = {
    ("CONSULT", "visit"): ("042", "actor = visitor (042 Make a visit); the host's dyad is 043"),
    ("CONSULT", "multilateral"): ("040", "CAMEO has no multilateral meeting code"),
    ("RETREAT", "withdraw"): ("0874", "manual: retreat from territory = 0874, not 0872 blockade"),
    ("RETREAT", "disarm"): ("0873", "manual: give up weapons = 0873 Demobilize armed forces"),
    ("RETREAT", "access"): ("086", ""),
    ("RETREAT", "release"): ("0841", ""),
    ("RETREAT", "resign"): ("0831", "CAMEO codes relinquishing office as 0831"),
    ("REQUEST", "assist"): ("101", ""),
    ("REQUEST", "yield"): ("105", "105 Demand that target yields (2021 file: change)"),
    ("REJECT", "assist"): ("121", ""),
    ("REJECT", "yield"): ("124", "124 Decline to yield (2021 file: change)"),
    ("ACCUSE", "disapprove"): ("111", "111 Criticize or denounce"),
    ("ACCUSE", "allege"): ("112", "112 Accuse (2021 file: disapprove); 114 is a complaint"),
    ("THREATEN", "restrict"): ("131", "non-force threat; contexts pick 1312/1381"),
    ("THREATEN", "arrest"): ("132", "CAMEO has no threat of arrest; administrative sanctions"),
    ("THREATEN", "relations"): ("1313", "threaten to reduce or break relations"),
    ("THREATEN", "violence"): ("138", "threaten with military force"),
    ("PROTEST", "strike"): ("143", "CAMEO 143 Conduct strike or boycott"),
    ("PROTEST", "vandalize"): ("145", "symbolic damage: closest is 145 Protest violently"),
    ("SANCTION", "convict"): ("116", "116 Find guilty or liable (CAMEO verbal conflict)"),
    ("SANCTION", "discontinue"): ("162", ""),
    ("MOBILIZE", "troops"): ("154", "154 Mobilize or increase armed forces"),
    ("MOBILIZE", "police"): ("153", ""),
    ("MOBILIZE", "weapons"): ("150", "weapons tests and shows of force: 150 Demonstrate power"),
    ("MOBILIZE", "militia"): ("154", "non-state armed groups: CAMEO 15 admits any armed group"),
    ("COERCE", "seize"): ("171", ""),
    ("COERCE", "restrict"): ("172", ""),
    ("COERCE", "censor"): ("1721", "restrictions on freedoms of speech and expression"),
    ("COERCE", "withhold"): ("170", "no CAMEO code for withholding public goods"),
    ("COERCE", "misinformation"): ("170", "no CAMEO code"),
    ("COERCE", "cyber"): ("170", "no CAMEO code"),
    ("ASSAULT", "torture"): ("1822", ""),
    ("ASSAULT", "sexual"): ("1821", ""),
    ("ASSAULT", "targeted"): ("186", "targeted killings and assassinations"),
    ("ASSAULT", "primitive"): ("180", "unconventional violence without conventional weapons"),
    ("ASSAULT", "explosives"): ("183", "non-military bombing"),
    ("ASSAULT", "suicide-attack"): ("1831", "1831 Carry out suicide bombing"),
    ("ASSAULT", "aerial"): ("195", "195 Employ aerial weapons"),
    ("ASSAULT", "drone"): ("195", "195 Employ aerial weapons"),
    ("ASSAULT", "heavy-weapons"): ("194", "194 Fight with artillery and tanks"),
    ("ASSAULT", "crowd-control"): ("175", "175 Use tactics of violent repression"),
    ("ASSAULT", "unconventional"): ("204", ""),
}
# (type, mode, context) rows that override the reversed 2021 table; None drops the row.
CONTEXT_DEFAULTS: dict[tuple[str, str, str], tuple[str, str] | None] = {
    ("SANCTION", "discontinue", "economic"): (
        "163", "the manual codes international sanctions as discontinue; CAMEO 163"),
    ("RETREAT", "withdraw", "military"): ("0874", "as RETREAT/withdraw"),
    ("RETREAT", "disarm", "military"): ("0873", "as RETREAT/disarm"),
    ("MOBILIZE", "troops", "military"): ("154", "as MOBILIZE/troops"),
    ("THREATEN", "relations", "diplomatic"): ("1313", "as THREATEN/relations"),
    # Most meetings are diplomatic: the 2021 row (045 mediation) would recode them all.
    ("CONSULT", "", "diplomatic"): None,
}


def load_cameo(path: Path) -> list[dict[str, str]]:
    rows = []
    with path.open(newline="", encoding="utf-8") as f:
        for rec in csv.DictReader(f):
            root = rec["root_code"]
            rows.append({"code": rec["code"], "name": rec["name"], "root": root,
                         "goldstein": str(float(rec["goldstein"])),
                         "quad_class": str(CAMEO_ROOT_QUAD[root])})
    return rows


def load_forward(path: Path) -> list[tuple[str, str, str, list[str]]]:
    """(code, type, mode, contexts) per line of CAMEO2PLOVER, vocabulary mapped forward."""
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        m = re.match(r"^(\d{3,4}):\s*([^#]*)", line)
        if not m:
            continue
        fields = [x.strip() for x in m.group(2).split(",")] + ["", ""]
        etype, mode, ctx = fields[0], fields[1], fields[2]
        contexts = [c.strip() for c in ctx.split(";") if c.strip()]
        if (etype, mode) in MODE_FIXES:
            if mode == "pro_autocracy":
                # 175 violent repression: the manual's context for it is `repression`,
                # and its `military` context would capture every military ASSAULT.
                contexts = ["repression"]
            mode = MODE_FIXES[(etype, mode)]
        rows.append((m.group(1), etype, mode, [CONTEXT_FIXES.get(c, c) for c in contexts]))
    return rows


def _table_rows(lines: list[str]) -> list[tuple[str, str]]:
    """(name, content) rows of a manual table; continuation lines extend the previous row."""
    rows: list[tuple[str, str]] = []
    for raw in lines:
        line = raw.strip()
        if line in ("", "|") or line.startswith(("#", "-", "longtable", "Name  |")):
            continue
        m = re.match(r"^(?:\[[^\]]*\])?([a-z][a-z_-]*)\s+\|\s+(.*)$", line)
        if m:
            rows.append((m.group(1), m.group(2).strip()))
        elif rows and not line.startswith(("[", "2|", ")")):
            rows[-1] = (rows[-1][0], f"{rows[-1][1]} {line.lstrip('| ').strip()}")
    return rows


def parse_manual(path: Path) -> tuple[list[dict[str, str]], list[dict[str, str]],
                                      list[dict[str, str]]]:
    """The event types, their modes and the contexts of the PLOVER manual."""
    text = path.read_text(encoding="utf-8")
    lines = text.splitlines()
    start = lines.index("Event Categories")
    end = lines.index("Contexts", start)
    scores = parse_scores(lines)
    types: list[dict[str, str]] = []
    modes: list[dict[str, str]] = []
    sections = re.split(r"^## ", "\n".join(lines[start + 1:end]), flags=re.M)[1:]
    for section in sections:
        head, *body = section.splitlines()
        etype = head.strip()
        quad = next(QUAD_NAMES[m.group(1).strip()] for line in body
                    if (m := re.match(r"### Quad category:\s*(.*)", line)))
        recipient = next(m.group(1).strip() for line in body
                         if (m := re.match(r"### Requires recipient:\s*(\w+)", line)))
        first_heading = next(i for i, line in enumerate(body) if line.startswith("###"))
        description = " ".join(line.strip().lstrip("- ").strip()
                               for line in body[:first_heading] if line.strip())
        table_start = next((i for i, line in enumerate(body) if line.startswith("Name  |")), None)
        mode_rows = _table_rows(body[table_start + 1:]) if table_start is not None else []
        types.append({"type": etype, "quad_class": str(quad),
                      "modes": " ".join(name for name, _ in mode_rows),
                      "score": str(scores[(etype, "")]),
                      "requires_recipient": recipient.lower(), "description": description})
        modes.extend({"type": etype, "mode": name, "score": str(scores.get((etype, name), "")),
                      "description": content} for name, content in mode_rows)
    ctx_start = next(i for i, line in enumerate(lines) if line.startswith("Name  |  Content"))
    ctx_end = next(i for i in range(ctx_start, len(lines)) if lines[i] == "longtable")
    contexts = [{"context": name, "description": content}
                for name, content in _table_rows(lines[ctx_start + 1:ctx_end])]
    return types, modes, contexts


def parse_scores(lines: list[str]) -> dict[tuple[str, str], float]:
    """PLOVER scores per (TYPE, mode) from the manual's score table ("" = the type itself)."""
    start = next(i for i, line in enumerate(lines) if line.startswith("CATEGORY: Mode"))
    end = lines.index("Event Categories", start)
    scores: dict[tuple[str, str], float] = {}
    for line in lines[start + 1:end]:
        cells = [c.strip() for c in line.split("|")]
        for label, value in zip(cells[0::2], cells[1::2], strict=False):
            if not label or not value:
                continue
            etype, _, mode = label.partition(":")
            scores[(etype.strip(), mode.strip().lower())] = float(value)
    scores.update(SCORE_FIXES)
    return scores


def build_crosswalk(forward: list[tuple[str, str, str, list[str]]],
                    valid_modes: dict[str, set[str]],
                    known_codes: set[str]) -> list[dict[str, str]]:
    """PLOVER (type, mode, context) -> default CAMEO code, with the reason for hand choices."""
    candidates: dict[tuple[str, str, str], list[str]] = defaultdict(list)
    for code, etype, mode, contexts in forward:
        if code not in known_codes:
            print(f"skipped {code}: in CAMEO2PLOVER but not in the CAMEO code list")
            continue
        if mode and mode not in valid_modes[etype]:
            raise SystemExit(f"unmapped 2021 mode {etype}/{mode} on {code}")
        candidates[(etype, mode, "")].append(code)
        for ctx in contexts:
            candidates[(etype, mode, ctx)].append(code)
    rows: dict[tuple[str, str, str], dict[str, str]] = {}
    for key, codes in candidates.items():
        if key[1] or key[2]:
            # The most general code of the group: shortest, then lowest.
            best = min(set(codes), key=lambda c: (len(c), c))
            rows[key] = {"cameo": best, "note": ""}
    for etype, (code, note) in ROOT_DEFAULTS.items():
        rows[(etype, "", "")] = {"cameo": code, "note": note}
    for (etype, mode), (code, note) in MODE_DEFAULTS.items():
        rows[(etype, mode, "")] = {"cameo": code, "note": note}
    for key, choice in CONTEXT_DEFAULTS.items():
        if choice is None:
            rows.pop(key, None)
        else:
            rows[key] = {"cameo": choice[0], "note": choice[1]}
    return [{"type": t, "mode": m, "context": c, **v} for (t, m, c), v in sorted(rows.items())]


def write_csv(path: Path, rows: list[dict[str, str]]) -> None:
    with path.open("w", newline="", encoding="utf-8") as f:
        writer = csv.DictWriter(f, fieldnames=list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    print(f"{path.relative_to(ROOT)}: {len(rows)} rows")


def main(source: Path = SOURCE_DIR, out: Path = OUT_DIR) -> None:
    cameo = load_cameo(source / "cameo_codes.csv")
    types, modes, contexts = parse_manual(source / "plover-manual.txt")
    valid_modes = {t["type"]: set(t["modes"].split()) for t in types}
    known_codes = {row["code"] for row in cameo}
    cameo_quad = {row["code"]: row["quad_class"] for row in cameo}
    type_quad = {row["type"]: row["quad_class"] for row in types}
    crosswalk = build_crosswalk(load_forward(source / "cameo2plover-2021.txt"), valid_modes,
                                known_codes)
    known_contexts = {row["context"] for row in contexts}
    for row in crosswalk:
        if row["cameo"] not in known_codes:
            raise SystemExit(f"crosswalk code {row['cameo']} is not a CAMEO code")
        if row["context"] and row["context"] not in known_contexts:
            raise SystemExit(f"crosswalk context {row['context']} is not a PLOVER context")
        if row["mode"] and row["mode"] not in valid_modes[row["type"]]:
            raise SystemExit(f"crosswalk mode {row['type']}/{row['mode']} not in the manual")
        if cameo_quad[row["cameo"]] != type_quad[row["type"]] and not row["note"]:
            row["note"] = (f"CAMEO quad class {cameo_quad[row['cameo']]}, "
                           f"PLOVER {type_quad[row['type']]}")
    out.mkdir(parents=True, exist_ok=True)
    write_csv(out / "cameo.csv", cameo)
    write_csv(out / "plover.csv", types)
    write_csv(out / "modes.csv", modes)
    write_csv(out / "contexts.csv", contexts)
    write_csv(out / "crosswalk.csv", crosswalk)


if __name__ == "__main__":
    main(*(Path(a) for a in sys.argv[1:3]))
