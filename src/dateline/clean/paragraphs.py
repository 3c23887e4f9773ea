"""Turn a story's lines into paragraphs, re-joining lines a dump hard-wrapped."""

from __future__ import annotations

import re
from dataclasses import replace

from .textlines import Line, ends_sentence, split_lines, tidy

#: A dump is hard-wrapped when its longest line is at most this long ...
WRAP_WIDTH = 100
#: ... and a line this close to the longest one (as a share of it) is read as wrapped.
WRAP_FILL = 0.6
_LOWER_START = re.compile(r"^[\"'“‘(]?[a-z]")
_BYLINE_START = re.compile(r"^(?i:by|written by)\s+[A-Z]")


def paragraphs(text: str, join: bool = True) -> list[Line]:
    """Paragraphs of ``text`` (any newline style): one per line, except that lines a hard wrap
    split are joined (unless ``join`` is false). Each keeps ``[start, end)`` offsets into
    ``text`` and tidied spaces."""
    lines = split_lines(text)
    width = wrap_width(lines)
    out: list[Line] = []
    previous: Line | None = None
    for line in lines:
        if line.separator:
            out.append(replace(line, index=len(out)))
            previous = None
            continue
        if join and previous is not None and _continues(previous, line, width):
            out[-1] = replace(out[-1], text=out[-1].text + " " + tidy(line.text), end=line.end)
        else:
            out.append(replace(line, text=tidy(line.text), index=len(out)))
        previous = line
    return out


def wrap_width(lines: list[Line]) -> int:
    """The column a hard-wrapped dump breaks at, or 0 when the lines are not hard-wrapped.

    Wrapped means: the longest line is at most :data:`WRAP_WIDTH`, at least four lines come
    within :data:`WRAP_FILL` of it, and a third of those stop mid-sentence.
    """
    longest = max((len(line.text) for line in lines), default=0)
    if not 0 < longest <= WRAP_WIDTH:
        return 0
    full = [line for line in lines if len(line.text) >= WRAP_FILL * longest]
    open_ended = [line for line in full if not ends_sentence(line.text)]
    return longest if len(full) >= 4 and len(open_ended) * 3 >= len(full) else 0


def _continues(previous: Line, line: Line, width: int) -> bool:
    """``line`` carries on the paragraph ``previous`` started (no blank line between them)."""
    if line.gap or (ends_sentence(previous.text) and not width):
        return False
    if _LOWER_START.match(line.text) and len(previous.text) >= 30 and not ends_sentence(previous.text):
        return True
    if _BYLINE_START.match(line.text):
        return False
    return bool(width) and len(previous.text) >= WRAP_FILL * width and not previous.text.endswith(":")
