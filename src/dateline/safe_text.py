"""Make user data safe to show: no terminal control sequences, no spreadsheet formulas.

Article text, titles, paths and search terms come from the outside world. Before any of it reaches a
terminal, control characters (ESC, OSC, C1 codes, bidirectional overrides) are shown as visible
escapes such as ``\\x1b``; before it reaches a CSV cell, a leading ``=``, ``+``, ``-``, ``@``, tab
or carriage return is neutralised with a leading apostrophe.
"""

from __future__ import annotations

import re

# C0 controls but tab and newline, DEL, C1 controls, and the bidirectional overrides and isolates.
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")
_CONTROL_ONE_LINE = re.compile("[\x00-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    if code == 10:
        return "\\n"
    if code == 9:
        return "\\t"
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def visible(text: str) -> str:
    """``text`` with every control character but tab and newline shown as an escape (``\\x1b``)."""
    return _CONTROL.sub(_escape, text)


def _symbol(match: re.Match[str]) -> str:
    code = ord(match.group())
    if code < 0x20:
        return chr(0x2400 + code)  # ␛ for ESC, ␀ for NUL, ...
    return "\u2421" if code == 0x7F else "\ufffd"


def visible_same_length(text: str) -> str:
    """``text`` with every control character but tab and newline replaced by one visible symbol
    (``␛`` for ESC, ``�`` for C1 and direction controls), so character offsets still hold."""
    return _CONTROL.sub(_symbol, text)


def json_safe(dumped: str) -> str:
    """JSON text (from ``json.dumps(..., ensure_ascii=False)``) with the control characters that JSON
    leaves raw (DEL, C1, direction controls) written as ``\\uXXXX`` escapes; still valid JSON."""
    return _CONTROL.sub(lambda m: f"\\u{ord(m.group()):04x}", dumped)


def one_line(text: str) -> str:
    """``text`` on one line: newlines, tabs and every other control character shown as escapes."""
    return _CONTROL_ONE_LINE.sub(_escape, text)


def stored_path(path: str) -> str:
    """A path as the database and every report keep it: the bytes of a file name that are not UTF-8
    (which Python reads as lone surrogates) written as ``\\xNN``; any other lone surrogate as U+FFFD."""
    if path.isascii():
        return path
    try:
        return path.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    except UnicodeEncodeError:
        return valid_text(path)


_SURROGATE = re.compile("[\ud800-\udfff]")


def valid_text(value: str) -> str:
    """``value`` with each lone surrogate (which UTF-8 cannot hold) replaced by U+FFFD, so offsets
    keep their places (ASCII and clean text returned as they are)."""
    if value.isascii() or not _SURROGATE.search(value):
        return value
    return _SURROGATE.sub("\ufffd", value)
