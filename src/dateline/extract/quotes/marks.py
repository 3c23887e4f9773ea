"""Find the stretches of text inside quotation marks, paragraph by paragraph.

Curly (“ ”), guillemet (« ») and low („) opening marks, straight double quotes and the doubled
apostrophes (``''``) of some archives are paired in order. Marks typed the wrong way round are
read by where they stand: a closing mark that opens a paragraph or follows a space opens a
quotation (``” … he delivered``), an opening mark right after a word closes one (``percent.“``).
A paragraph that ends inside a quotation leaves it open; when the next paragraph opens with a
quotation mark, that quotation continues the open one (the news convention for quotes
running over several paragraphs).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

OPENERS = frozenset("“«„")
CLOSERS = frozenset("”»")
STRAIGHT = '"'
QUOTE_CHARS = OPENERS | CLOSERS | {STRAIGHT}
_WORD = re.compile(r"\w+")
_PARAGRAPH = re.compile(r"[^\n]+")
_MARK = re.compile("``|''|[\"“”«»„]")


@dataclass(frozen=True)
class Marked:
    """A quotation: ``[start, end)`` from its opening mark to just after its closing mark.

    ``closed`` is False when the paragraph ended first (``end`` is then the paragraph end);
    ``continues`` is True when it carries on an open quotation of the previous paragraph;
    ``paragraph`` is the index of the paragraph it sits in.
    """

    start: int
    end: int
    closed: bool
    continues: bool
    paragraph: int
    words: int

    def inner(self, text: str) -> str:
        """The quoted words without the marks."""
        return text[self.start : self.end].strip("".join(QUOTE_CHARS) + " ")


def paragraphs(text: str) -> list[tuple[int, int]]:
    """Character ranges of the non-empty lines of ``text`` (its paragraphs)."""
    return [(m.start(), m.end()) for m in _PARAGRAPH.finditer(text) if m.group().strip()]


def _kind(mark: str) -> str:
    """``''`` counts as a straight mark and ```` `` ```` as an opening one."""
    if mark == "``":
        return "“"
    return STRAIGHT if mark == "''" else mark


def _is_opening_straight(text: str, i: int, width: int, start: int, end: int) -> bool:
    before = text[i - 1] if i > start else " "
    after = text[i + width] if i + width < end else " "
    if before.isspace() or before in "([{—–-/:":
        return not after.isspace()
    return False


def _is_closing_opener(text: str, i: int, width: int, end: int) -> bool:
    """An opening mark typed where a closing one belongs: right after a word or punctuation and
    followed by a space, punctuation or the paragraph end (``... 51 percent.“``)."""
    before = text[i - 1] if i > 0 else " "
    after = text[i + width] if i + width < end else " "
    return not before.isspace() and (after.isspace() or after in ",.;:?!)")


class Quotations(list[Marked]):
    """Quotations in order of their start, never overlapping (as ``find_quotations`` makes them),
    so that the one around an offset is found by bisection. Not to be changed once made."""

    def __init__(self, items: Iterable[Marked] = ()) -> None:
        super().__init__(items)
        self.starts = [m.start for m in self]
        self.ends = [m.end for m in self]
        self.ordered = all(a.end <= b.start for a, b in zip(self, self[1:], strict=False))

    def around(self, offset: int) -> Marked | None:
        """The quotation with ``start < offset < end``, if any."""
        if not self.ordered:
            return next((m for m in self if m.start < offset < m.end), None)
        i = bisect.bisect_left(self.starts, offset) - 1
        return self[i] if i >= 0 and offset < self.ends[i] else None

    def touching(self, start: int, end: int) -> range:
        """Indices of the quotations whose inside (marks excluded) overlaps ``start..end``."""
        if not self.ordered:
            return range(0)  # not used on unordered lists: see direct.attach
        first = bisect.bisect_right(self.ends, start + 1)  # the first with end - 1 > start
        last = bisect.bisect_left(self.starts, end - 1)  # past the last with start + 1 < end
        return range(first, max(first, last))


def find_quotations(text: str) -> Quotations:
    """All quotations of ``text`` in order of their start."""
    found: list[Marked] = []
    open_before = False  # the previous paragraph ended inside a quotation
    for index, (p_start, p_end) in enumerate(paragraphs(text)):
        opened_at: int | None = None
        continues = False
        para = text[p_start:p_end]
        lead = p_start + len(para) - len(para.lstrip())
        for found_mark in _MARK.finditer(text, p_start, p_end):
            i, token = found_mark.start(), found_mark.group()
            ch, width = _kind(token), len(token)
            if opened_at is None:
                if ch in OPENERS or (ch in CLOSERS or ch == STRAIGHT) and _is_opening_straight(text, i, width, p_start, p_end):
                    opened_at = i
                    continues = open_before and i == lead
            elif ch in CLOSERS or ch == STRAIGHT or _is_closing_opener(text, i, width, p_end):
                found.append(_make(text, opened_at, i + width, True, continues, index))
                opened_at, continues = None, False
            else:  # a second opening mark: the first one was never closed
                found.append(_make(text, opened_at, i, False, continues, index))
                opened_at, continues = i, False
        open_before = opened_at is not None
        if opened_at is not None:
            found.append(_make(text, opened_at, p_end, False, continues, index))
    return Quotations(found)


def _make(text: str, start: int, end: int, closed: bool, continues: bool, paragraph: int) -> Marked:
    while end > start and text[end - 1].isspace():
        end -= 1
    return Marked(start, end, closed, continues, paragraph, len(_WORD.findall(text, start, end)))


def inside_quotation(offset: int, quotations: Sequence[Marked]) -> bool:
    """True when ``offset`` lies strictly inside one of ``quotations``."""
    if isinstance(quotations, Quotations):
        return quotations.around(offset) is not None
    return any(m.start < offset < m.end for m in quotations)
