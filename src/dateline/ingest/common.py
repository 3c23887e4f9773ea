"""Helpers every reader shares: drop articles, UTF-8 decoding, one-line descriptions."""

from __future__ import annotations

from ..model import Article, Drop, Provenance
from ..safe_text import one_line, stored_path
from ..vocab import DROP_REASONS as ALL_DROP_REASONS
from ..vocab import DropReason

#: Drop reasons (stable codes; the writer counts them): the named vocabulary.
DROP_REASONS = frozenset(ALL_DROP_REASONS)


def dropped(reason: DropReason, detail: str, provenance: Provenance | None = None) -> Article:
    """An empty article that records why (part of) a source was rejected (and where, if known)."""
    return Article(text="", drop=Drop(reason, detail), provenance=provenance or Provenance())


def decode_utf8(data: bytes, where: str = "") -> str | Drop:
    """Strict UTF-8 (a leading BOM is removed); a ``bad_utf8`` Drop naming the byte and line."""
    try:
        return data.removeprefix(b"\xef\xbb\xbf").decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        bad = data[exc.start : exc.start + 1].hex()
        prefix = f"{where}: " if where else ""
        return Drop(
            "bad_utf8",
            f"{prefix}invalid UTF-8 at byte {exc.start} (line {line}, byte 0x{bad}); save the file as UTF-8",
        )


def normalise_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def describe(article: Article) -> str:
    """One line about an article: ``"<path>: <reason> — <detail>"`` when dropped; newlines and control
    characters in names and details are shown escaped."""
    if article.drop is not None:
        detail = article.drop.detail or "no detail"
        return one_line(f"{stored_path(article.source)}: {article.drop.reason} — {detail}")
    title = f" “{article.title}”" if article.title else ""
    return one_line(
        f"{stored_path(article.source)}: ok — {article.format} article {article.position}{title}, "
        f"{len(article.text):,} characters"
    )
