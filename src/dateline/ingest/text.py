"""Plain-text dumps: the whole file becomes one Article (splitting happens in ``clean``)."""

from __future__ import annotations

from ..model import Article, Drop
from .common import decode_utf8, dropped, normalise_newlines


def read_text(data: bytes) -> Article:
    """Requires the file bytes; returns one article whose ``text`` is the whole file (UTF-8,
    newlines normalised to ``\\n``), or a drop (``bad_utf8``, ``no_text``)."""
    text = decode_utf8(data)
    if isinstance(text, Drop):
        return dropped(text.reason, text.detail)
    if not text.strip():
        return dropped("no_text", "the file holds only whitespace")
    return Article(text=normalise_newlines(text), format="text")
