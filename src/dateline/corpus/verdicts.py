"""Verdicts on statements: whether a quote judges another statement, and what it tells of the
statement it judges.

Needs a quote's text (and the text of the statement it may judge). :func:`is_verdict` says whether a
quote judges a statement ("the police account was baseless", "they were inaccurate", "rejected the
allegation"); :func:`owner` names the party whose statements it judges ("Republican claims");
:func:`possessed` tells a statement named with a possessive ("their account"); :func:`restates_judged`
checks a target against the statement a verdict spells out ("the claim that we knew ...").
"""

from __future__ import annotations

from typing import Protocol

from .propositions import analyse, content, matches
from .words import cue_words


class Quoted(Protocol):
    content: str
    cue: str


_POINTING = frozenset({"they", "it", "this", "that", "these", "those", "such"})
#: How near a verdict word must stand to the statement it judges ("the claims are false").
VERDICT_REACH = 5
#: A verdict of at most this many argument words may point at a statement with a pronoun.
SHORT_VERDICT = 6


def is_verdict(counter: Quoted) -> bool:
    """Whether ``counter`` judges another statement: a verdict word near a word naming a statement
    ("the police account was baseless") or pointing at one ("they were inaccurate"), or standing
    almost alone ("false"); or a denial or dispute cue whose object is a statement ("rejected the
    police explanation"). A long quote that merely holds "wrong" somewhere judges nothing."""
    words = [w.strip('.,;:!?"“”‘’()').lower() for w in counter.content.replace("’", "'").split()]
    statement = {i for i, w in enumerate(words) if w in cue_words("statement") or w in _POINTING}
    verdicts = [i for i, w in enumerate(words) if w in cue_words("verdict")]
    if verdicts and analyse(counter.content).negated:
        return False  # "not false", "no more nonsense"
    if verdicts:
        short = len(content(counter.content)) <= SHORT_VERDICT
        # a long quote points at a statement by naming it; "they"/"that" there are anything
        aimed = statement if short else {i for i in statement if words[i] not in _POINTING}
        near = any(abs(i - j) <= VERDICT_REACH for i in verdicts for j in aimed)
        return near or len(content(counter.content)) <= 1
    cue = counter.cue.lower()
    return bool(statement - {i for i, w in enumerate(words) if w in _POINTING}) and (
        cue in cue_words("deny") or cue in cue_words("dispute"))


#: Words of the statement a verdict spells out ("the claim that we knew about the defect") that its
#: target must restate.
JUDGED_WORDS = 2


def restates_judged(verdict: str, target: str) -> bool:
    """Whether ``target`` restates the statement ``verdict`` spells out after "claim that ..." (true
    when it spells out none)."""
    low = verdict.lower().replace("’", "'")
    at = min((i for w in cue_words("statement") if (i := low.find(f"{w} that ")) >= 0), default=-1)
    if at < 0:
        return True
    judged = content(verdict[low.index(" that ", at) + 6:])
    said = analyse(target).words
    return sum(any(matches(w, x) for x in said) for w in judged) >= min(JUDGED_WORDS, len(judged))


_POSSESSIVES = frozenset({"their", "his", "her", "its"})


def possessed(text: str) -> bool:
    """Whether a verdict names its statement with a possessive ("their account", "his claims")."""
    low = [w.strip('.,;:!?"“”‘’()').lower() for w in text.split()]
    return any(a in _POSSESSIVES and b in cue_words("statement") for a, b in zip(low, low[1:], strict=False))


def owner(text: str) -> str:
    """The party a verdict names as the author of the statement it judges: a name just before a
    statement word near a verdict word ("cites Republican claims as inaccurate" -> republican)."""
    raw = [w.strip('.,;:!?"“”‘’()') for w in text.replace("’", "'").split()]
    low = [w.lower() for w in raw]
    verdicts = [i for i, w in enumerate(low) if w in cue_words("verdict")]
    for j, w in enumerate(low):
        if j > 1 and w in cue_words("statement") and raw[j - 1][:1].isupper() \
                and any(abs(i - j) <= VERDICT_REACH for i in verdicts):
            return low[j - 1].removesuffix("'s")
    return ""
