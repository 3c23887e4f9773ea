"""Page furniture: share buttons, "Read more", copyright lines, stray short tokens."""

from __future__ import annotations

import re

from .lexicon import Lexicon, fold
from .textlines import word_count

#: Lines this short (in characters) never carry article text ("TT", "|", "AP").
SHORT_LINE = 3
#: Prefix rules only apply to lines up to this many words, so prose is never cut.
PREFIX_MAX_WORDS = 30

_EDGES = " \t.,:;!?|-–—•·»«>*_\"'“”‘’()[]{}"
_DIGITS = re.compile(r"\d+")
_TOKENS = re.compile(r"[|/•·,;]+|\s+")
_LETTER = re.compile(r"[^\W\d_]")


def furniture_reason(text: str, lexicon: Lexicon) -> str | None:
    """Why ``text`` (one stripped line) is page furniture, or None when it is not.

    Reasons: ``short`` (1-3 characters), ``no_letters``, ``furniture`` (a listed line or
    prefix) and ``social`` (a line made only of share-button words).
    """
    if len(text) <= SHORT_LINE:
        return "short"
    if not _LETTER.search(text):
        return "no_letters"
    folded = fold(text)
    bare = fold(_DIGITS.sub(" ", folded)).strip(_EDGES)
    if bare in lexicon.furniture_lines or folded.strip(_EDGES) in lexicon.furniture_lines:
        return "furniture"
    if word_count(text) <= PREFIX_MAX_WORDS:
        for prefix in lexicon.furniture_prefixes:
            if folded.startswith(prefix) and _ends_word(folded, len(prefix)):
                return "furniture"
    tokens = [t.strip(_EDGES) for t in _TOKENS.split(folded)]
    tokens = [t for t in tokens if t]
    if tokens and all(t in lexicon.social_words for t in tokens):
        return "social"
    return None


def _ends_word(folded: str, at: int) -> bool:
    """The prefix ends at a word boundary (``subscribe`` matches, ``subscribers`` does not)."""
    if at >= len(folded) or not folded[at - 1].isalnum():
        return True
    return not folded[at].isalnum()
