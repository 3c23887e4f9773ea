"""Content words for comparing articles and claims: lower-cased, stop words out, crudely stemmed.

The word lists live in ``data/corpus/`` (``stopwords.txt``, ``cues.tsv``) and can be extended there.
Stemming only folds the common English endings (plural ``s``, ``ies``, ``ed``, ``ing``) so that
"troops"/"troop" and "launched"/"launch" compare equal; words that name the same thing in other
words ("pullout", "withdrawal") are matched through WordNet (:mod:`.lexicon`).
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

from ..tables import read_table, read_text

_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*[A-Za-z]|\d[\d,.]*\d|\d")


@cache
def stopwords() -> frozenset[str]:
    lines = read_text("corpus/stopwords.txt").splitlines()
    return frozenset(w.strip() for w in lines if w.strip() and not w.startswith("#"))


@cache
def cue_words(kind: str) -> frozenset[str]:
    """Words of one kind from ``cues.tsv``: deny, dispute, verdict, statement or negation."""
    return frozenset(row[1].lower() for row in read_table("corpus/cues.tsv", width=2, strip=True) if row[0] == kind)


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    """Fold plural and verb endings: "injuries" -> "injury", "launched" -> "launch"."""
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 5 and word.endswith("ing"):
        return word[:-3]
    if len(word) > 4 and word.endswith("ed"):
        return word[:-2]
    if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word


def tokens(text: str) -> list[str]:
    """All word tokens of ``text``, lower-cased, curly apostrophes straightened."""
    return [w.lower().replace("’", "'") for w in _WORD.findall(text)]


def content_words(text: str) -> list[str]:
    """Stemmed content words of ``text``: no stop words, no numbers, no possessive endings."""
    return [w for w in map(_content, _WORD.findall(text)) if w]


@lru_cache(maxsize=500_000)
def _content(raw: str) -> str:
    """The stemmed content word of one raw token, or "" for a stop word, a number or a short word."""
    word = raw.lower().replace("’", "'").removesuffix("'s")
    if word in stopwords() or word[0].isdigit() or len(word) < 3:
        return ""
    return stem(word)


def split_names(text: str) -> tuple[list[str], list[str]]:
    """Stemmed content words of ``text`` in two lists: lower-case words, and capitalised words (names,
    mostly; a capitalised first word of a sentence lands there too)."""
    words: list[str] = []
    names: list[str] = []
    for raw in _WORD.findall(text):
        word = _content(raw)
        if word:
            (names if raw[0].isupper() else words).append(word)
    return words, names
