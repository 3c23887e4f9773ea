"""Lines of a text dump with their offsets, and the shape tests every rule builds on."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..model import normalise_text

_LINE = re.compile(r"([^\r\n]*)(\r\n|\r|\n)?")
_SEPARATOR = re.compile(
    r"""^(?:
        (?:[-=*_#~+•·]\s*){3,}                                   # ----  ====  * * *  ###
      | (?:[-=*_#~+]{3,})\s*[\w .:#'"-]{0,40}?\s*(?:[-=*_#~+]{3,}) # ---- Story 2 ----
      | [-=*_#~+]*\s*(?:end|ends|-30-|end\ of\ (?:story|article|text)|next\ (?:story|article))
        \s*[-=*_#~+]*
    )$""",
    re.IGNORECASE | re.VERBOSE,
)
_SENTENCE_END = re.compile(r"[.!?…][\"'”’)\]]*$")
_HEADLINE_BAD_END = re.compile(r"[.,;:\-–—/][\"'”’)\]]*$")
_OPENING_MARKS = "\"'“‘(["
_ODD_SPACE = re.compile(r"[ \t\u00a0\u2000-\u200b\u202f\u205f\u3000]+")
_BLANK = " \t\v\ufeff\u00a0\u2000\u2001\u2002\u2003\u2009\u200b\u202f\u3000"
_EDGE_PUNCT = " \t.,:;!?|-–—•·»«>*_\"'“”‘’()[]"


@dataclass(frozen=True)
class Line:
    """One non-blank line: stripped ``text`` at ``[start, end)`` of the source text.

    ``gap`` is the number of blank lines before it; ``separator`` marks a hard story separator
    (``-----``, ``* * *``, ``END``, a form feed) and ``index`` its position among non-blank lines.
    """

    text: str
    start: int
    end: int
    gap: int
    separator: bool
    index: int

    @property
    def key(self) -> str:
        return line_key(self.text)


def split_lines(text: str) -> list[Line]:
    """Non-blank lines of ``text`` (any newline style) with offsets into ``text``."""
    lines: list[Line] = []
    gap = 0
    size = len(text)
    for match in _LINE.finditer(text):
        if match.start() == size and not match.group(0):
            break
        raw = match.group(1)
        if "\f" in raw and not raw.replace("\f", "").strip():
            lines.append(Line("\f", match.start(), match.start(1) + len(raw), gap, True, len(lines)))
            gap = 0
            continue
        stripped = raw.strip(_BLANK)
        if not stripped:
            gap += 1
            continue
        start = match.start(1) + (len(raw) - len(raw.lstrip(_BLANK)))
        is_sep = bool(_SEPARATOR.match(stripped))
        lines.append(Line(stripped, start, start + len(stripped), gap, is_sep, len(lines)))
        gap = 0
    return lines


def tidy(text: str) -> str:
    """One line's text with odd spaces folded to a single space."""
    return _ODD_SPACE.sub(" ", text).strip()


def line_key(text: str) -> str:
    """Comparison key for repeated-line detection (case, quotes, spaces, edge punctuation)."""
    return normalise_text(text).strip(_EDGE_PUNCT)


def word_count(text: str) -> int:
    return len(text.split())


def ends_sentence(text: str) -> bool:
    return bool(_SENTENCE_END.search(text))


def is_sentence(text: str) -> bool:
    """A body-like line: a finished sentence of several words, or a long run of prose."""
    words = word_count(text)
    return (ends_sentence(text) and words >= 4) or words >= 30


def looks_like_headline(text: str) -> bool:
    """3 to 25 words, starts with a capital or digit, no final full stop or comma."""
    words = word_count(text)
    if not 3 <= words <= 25 or len(text) > 200:
        return False
    if _HEADLINE_BAD_END.search(text) or not opens_like_headline(text):
        return False
    return not (text.endswith("...") or text.endswith("…"))


def opens_like_headline(text: str) -> bool:
    """The first character after any opening quote is a capital, a digit or a letter of a script
    without case (Arabic, Hebrew, Chinese, Devanagari ...)."""
    first = text.lstrip(_OPENING_MARKS)[:1]
    if not first:
        return False
    return first.isupper() or first.isdigit() or (first.isalpha() and first.lower() == first.upper())


def looks_like_repeated_headline(text: str) -> bool:
    """A headline printed twice in a header block may end in any punctuation ("... ‘Reckless.’"):
    3 to 25 words that open like a headline and do not end in a comma, colon or dash."""
    words = word_count(text)
    if not 3 <= words <= 25 or len(text) > 200 or not opens_like_headline(text):
        return False
    return not re.search(r"[,;:\-–—/][\"'”’)\]]*$", text)


_MINOR_WORDS = frozenset({
    "a", "an", "the", "and", "or", "but", "nor", "of", "in", "on", "at", "to", "for", "by", "with", "from",
    "as", "into", "over", "after", "amid", "vs", "via", "per", "than", "up", "off", "out",
})  # fmt: skip


def title_cased(text: str) -> bool:
    """A headline in title case whatever its final punctuation ("Minister Quits Over Port Deal."):
    3 to 16 words, and every word but the minor ones ("of", "the", "to" ...) opens with a capital,
    a digit or a quotation mark."""
    words = text.split()
    if not 3 <= len(words) <= 16 or not opens_like_headline(text):
        return False
    major = [w.strip("\"'“”‘’()[],.:;!?") for w in words[1:]]
    major = [w for w in major if w and w.casefold() not in _MINOR_WORDS]
    return len(major) >= 2 and all(w[0].isupper() or w[0].isdigit() for w in major)
