"""Quotation marks paired into quoted spans, paragraph by paragraph.

Double marks: curly “…”, guillemets «…», „…“, straight "…" and the doubled apostrophe ''…''
(some wires' ASCII rendering); a straight mark's role comes from its neighbours. Single curly
marks ‘…’ pair only outside double-quoted spans (inside them they nest a quote in the quote);
’ closes only where it cannot be an apostrophe (not before a letter or digit). Straight single
marks are never paired: they are apostrophes far more often than quotes.

Marks are paired per paragraph, so one stray mark costs at most one paragraph, never the article
(textacy's `direct_quotations` gives up on an odd count). A double quote left open at the end of
a paragraph is kept when it opened its paragraph, or opened a sentence and the next paragraph
opens another quote (the news convention for a quote running over several paragraphs).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

OPENING = "“«„"
CLOSING = "”»"
STRAIGHT = '"'
DOUBLED = "''"
SINGLE_OPEN = "‘"
SINGLE_CLOSE = "’"
# Characters before a straight mark that let it open a quote, and after it that let it close one.
OPEN_AFTER = "([{—–-/"
CLOSE_BEFORE = ".,;:!?)]}—–-'’"
# Characters that can start a mark: the pairing loops jump from one to the next (every other
# character has no role), so a paragraph costs a regex scan, not a Python step per character.
_DOUBLE_CANDIDATE = re.compile("[" + re.escape(OPENING + CLOSING + STRAIGHT) + "']")
_SINGLE_CANDIDATE = re.compile("[" + SINGLE_OPEN + SINGLE_CLOSE + "]")


@dataclass(frozen=True)
class Marked:
    """A span between quotation marks (marks included)."""

    start: int
    end: int
    closed: bool
    paragraph: int
    paragraph_start: int
    open_width: int = 1
    close_width: int = 1

    @property
    def inner_start(self) -> int:
        return self.start + self.open_width

    @property
    def inner_end(self) -> int:
        return self.end - self.close_width if self.closed else self.end


def marked_spans(text: str) -> list[Marked]:
    """Quoted spans in text order: double-quoted ones, then single-quoted ones outside them."""
    found: list[Marked] = []
    paragraphs = _paragraphs(text)
    for number, (p_start, p_end) in enumerate(paragraphs):
        doubles = _double_spans(text, number, paragraphs)
        found += doubles
        found += _single_spans(text, number, (p_start, p_end), doubles)
    return sorted(found, key=lambda m: m.start)


def _double_spans(text: str, number: int, paragraphs: list[tuple[int, int]]) -> list[Marked]:
    p_start, p_end = paragraphs[number]
    found: list[Marked] = []
    open_at: tuple[int, int] | None = None  # (position, width)
    i = p_start
    while (hit := _DOUBLE_CANDIDATE.search(text, i, p_end)) is not None:
        i = hit.start()
        role, width = _double_role(text, i, open_at is not None)
        if role == "open":
            open_at = (i, width)
        elif role == "close" and open_at is not None:
            found.append(Marked(open_at[0], i + width, True, number, p_start, open_at[1], width))
            open_at = None
        i += width
    if open_at is not None:
        start, width = open_at
        following = paragraphs[number + 1] if number + 1 < len(paragraphs) else None
        next_opens = following is not None and _opens_with_mark(text, following)
        if start == p_start or (next_opens and after_sentence_end(text[p_start:start])):
            end = len(text[:p_end].rstrip())
            if end - start > width:
                found.append(Marked(start, end, False, number, p_start, width))
    return found


def _single_spans(
    text: str, number: int, paragraph: tuple[int, int], doubles: list[Marked]
) -> list[Marked]:
    found: list[Marked] = []
    open_at: int | None = None
    # A double-quoted span resets an open single mark from its first character on.
    singles = {hit.start() for hit in _SINGLE_CANDIDATE.finditer(text, *paragraph)}
    for i in sorted(singles | {m.start for m in doubles}):
        if any(m.start <= i < m.end for m in doubles):
            open_at = None
            continue
        char = text[i]
        before = text[i - 1] if i else " "
        after = text[i + 1] if i + 1 < len(text) else " "
        if char == SINGLE_OPEN and not before.isalnum():
            open_at = i
        elif char == SINGLE_CLOSE and open_at is not None and not after.isalnum():
            found.append(Marked(open_at, i + 1, True, number, paragraph[0]))
            open_at = None
    return found


def _double_role(text: str, i: int, is_open: bool) -> tuple[str | None, int]:
    """The role of the mark at `i` ("open", "close" or None) and its width in characters."""
    char = text[i]
    if char in OPENING:
        return "open", 1
    if char in CLOSING:
        return "close", 1
    if text.startswith(DOUBLED, i) and not text.startswith("'", i + 2):
        width = 2
    elif char == STRAIGHT:
        width = 1
    else:
        return None, 1
    before = text[i - 1] if i else " "
    after = text[i + width] if i + width < len(text) else " "
    opens = before.isspace() or before in OPEN_AFTER or before in OPENING
    closes = after.isspace() or after in CLOSE_BEFORE or after in CLOSING
    if opens and not closes:
        return "open", width
    if closes and not opens:
        return "close", width
    return ("close" if is_open else "open"), width


def after_sentence_end(prefix: str) -> bool:
    """Whether text after `prefix` (within a paragraph) starts a sentence or follows a colon."""
    prefix = prefix.rstrip()
    if not prefix or prefix[-1] in ".!?:":
        return True
    return prefix[-1] in CLOSING + STRAIGHT + "'" and prefix[-2:-1] in {".", "!", "?"}


def _paragraphs(text: str) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    start = 0
    for line in text.split("\n"):
        end = start + len(line)
        if line.strip():
            lead = len(line) - len(line.lstrip())
            spans.append((start + lead, end))
        start = end + 1
    return spans


def _opens_with_mark(text: str, paragraph: tuple[int, int]) -> bool:
    first = text[paragraph[0] : paragraph[0] + 2]
    return first[:1] in set(OPENING + STRAIGHT) or first == DOUBLED
