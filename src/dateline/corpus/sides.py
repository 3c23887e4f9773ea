"""Who speaks for whom among a story's claims: the authority behind each claim.

Needs the claims' speakers, their stored aliases and roles, in article order. A quote without a
speaker goes on from the previous speaker of its article. A speaker whose role names another
speaker of the story ("US State Department spokesman" names "State Department") speaks for it; so
does a speaker whose name ends with another's ("the Interior Ministry", "Ministry"). Two claims of
one authority are one side's voices and never contradict each other. Names are looked up through an
index of their word n-grams, so the cost grows with the claims, not with claims times speakers.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache
from typing import Protocol

MIN_NAME = 6
MAX_NAME_WORDS = 6
_WORD = re.compile(r"[a-z0-9][a-z0-9'’.-]*", re.IGNORECASE)


class Speaking(Protocol):
    quote_id: int
    speaker: str
    speaker_key: str
    roles: Sequence[str]
    aliases: Sequence[str]


@lru_cache(maxsize=65536)
def key(text: str) -> str:
    """A name as compared: lower-cased words without articles."""
    return " ".join(w for w in (m.lower().replace("’", "'") for m in _WORD.findall(text)) if w not in ("the", "a", "an"))


def grams(text_key: str, longest: int = MAX_NAME_WORDS) -> set[str]:
    """Every run of up to ``longest`` consecutive words of a keyed text."""
    words = text_key.split()
    return {" ".join(words[i:j]) for i in range(len(words)) for j in range(i + 1, min(len(words), i + longest) + 1)}


def authorities(claims: Sequence[Speaking]) -> dict[int, str]:
    """Quote id -> the authority speaking: the speaker, or the body another speaker's name its role names."""
    names: dict[str, str] = {}
    for c in claims:
        own = c.speaker_key or key(c.speaker)
        for alias in (*c.aliases, c.speaker):
            if len(alias) >= MIN_NAME:
                names.setdefault(key(alias), own)
    out: dict[int, str] = {}
    last: dict[str, str] = {}
    for c in claims:
        own = c.speaker_key or key(c.speaker)
        for role in c.roles:
            found = sorted(names[g] for g in grams(key(role)) if g in names and names[g] != own)
            if found:
                own = found[0]
                break
        article = getattr(c, "article_id", "")
        # a quote without a speaker goes on from the article's previous speaker (claims come in order)
        own = own or last.get(article, "")
        last[article] = own
        out[c.quote_id] = own
    return out


def same_side(a: str, b: str) -> bool:
    """Whether two authorities are one side: equal, or one's name ends with the other's."""
    if not a or not b:
        return False
    return a == b or f" {a}".endswith(f" {b}") or f" {b}".endswith(f" {a}")
