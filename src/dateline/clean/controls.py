"""Terminal escape sequences and control characters are not news: take them out of the text.

A scraped page or a pasted dump may carry ANSI colour codes (``ESC [31m``), terminal titles and
hyperlinks (``ESC ] ... BEL``), C1 codes and stray C0 bytes. Left in, they end up inside entity
names and speakers ("\\x1b[2J Officials"). Tabs and newlines stay; everything else in C0 and C1,
and DEL, goes, each escape sequence whole. Display code escapes what is stored anyway
(:mod:`dateline.safe_text`); this keeps the facts clean.
"""

from __future__ import annotations

import re

_SEQUENCE = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]"  # CSI: colours, cursor moves, clear screen
    r"|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?"  # OSC: window titles, hyperlinks
    r"|\x1b[ -/]*[0-~]"  # other two- or three-byte escapes
    r"|\x9b[0-?]*[ -/]*[@-~]"  # CSI written as one C1 byte
)
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def without_controls(text: str) -> str:
    """``text`` without escape sequences and control characters (tab, newline and CR kept)."""
    if not _CONTROL.search(text):
        return text
    return _CONTROL.sub("", _SEQUENCE.sub("", text))


def optional(text: str | None) -> str | None:
    """:func:`without_controls` for a field that may be missing; blank after cleaning is ``None``."""
    if text is None:
        return None
    cleaned = without_controls(text)
    return cleaned if cleaned.strip() or not text.strip() else None
