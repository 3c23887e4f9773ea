"""People who share a surname in one article: which of them a short form ("Mrs. Clinton", "Clinton") names.

Cues, strongest first: the honorific's gender ("Mr." / "Mrs.", "Ms.", "Miss") against the given names
of the candidates (``given_names.tsv``), honorifics or kin words ("his wife,") before their full names (when no candidate
has that gender, those known to have the other are set aside); a title shared with
a candidate's roles; then the nearest earlier mention. "the elder Karim" or a form with no earlier
candidate is left unlinked with the reason, never guessed.
"""

from __future__ import annotations

import re
from bisect import bisect_left, insort
from collections.abc import Sequence
from typing import Protocol

from ...model import Mention
from .names import given_name
from .tables import given_names, name_key

_HONORIFIC = re.compile(r"\b(Mr|Mrs|Ms|Miss)\.?\s+$")
_GENDER = {"mr": "m", "mrs": "f", "ms": "f", "miss": "f"}
_KIN = re.compile(
    r"\b(wife|widow|mother|daughter|sister|husband|widower|father|son|brother),?\s+$", re.IGNORECASE
)
_KIN_GENDER = {"wife": "f", "widow": "f", "mother": "f", "daughter": "f", "sister": "f"} | {
    "husband": "m", "widower": "m", "father": "m", "son": "m", "brother": "m"
}  # fmt: skip
_AGE_CUE = re.compile(r"\b(?:elder|younger|senior|junior)\s+$", re.IGNORECASE)
_SENTENCE_END = re.compile(r"[.!?][\"”’']?\s")
_ROLE_SKIP = frozenset({"former", "the", "of", "a", "an", "and", "us", "u.s."})


class Candidate(Protocol):
    """A cluster of one person's mentions (see :class:`dateline.extract.entities.merge.Cluster`)."""

    members: list[Mention]


def honorific_gender(mention: Mention, text: str) -> str | None:
    """ "m" or "f" when an honorific stands right before ``mention`` in ``text``."""
    found = _HONORIFIC.search(text[max(0, mention.span.start - 6) : mention.span.start])
    return _GENDER[found.group(1).lower()] if found else None


def _kin_gender(mention: Mention, text: str) -> str | None:
    """ "f" or "m" when a kin word stands right before ``mention`` ("His wife, Mara Vell")."""
    found = _KIN.search(text[max(0, mention.span.start - 12) : mention.span.start])
    return _KIN_GENDER[found.group(1).lower()] if found else None


def gender_of(cluster: Candidate, text: str) -> str | None:
    """A person's gender from a full-name member: its given name, else an honorific before it."""
    for m in cluster.members:
        if len(name_key(m.text).split()) < 2:
            continue
        known = given_names().get(given_name(m.text)) or honorific_gender(m, text) or _kin_gender(m, text)
        if known:
            return known
    return None


def _role_words(role: str | None) -> set[str]:
    return {w.strip(".,") for w in (role or "").casefold().split()} - _ROLE_SKIP


class Positions:
    """Each candidate's mention spans (sorted) and role words, brought up to date as members are
    added, so that a choice costs a few look-ups and not a pass over every member. Mentions of one
    article do not overlap: the last span starting before a point also ends last."""

    def __init__(self) -> None:
        self._seen: dict[int, tuple[int, list[tuple[int, int]], set[str]]] = {}

    def _sync(self, cluster: Candidate) -> tuple[list[tuple[int, int]], set[str]]:
        seen, spans, roles = self._seen.get(id(cluster), (0, [], set()))
        for m in cluster.members[seen:]:
            insort(spans, (m.span.start, m.span.end))
            roles |= _role_words(m.role)
        self._seen[id(cluster)] = (len(cluster.members), spans, roles)
        return spans, roles

    def before(self, cluster: Candidate, position: int) -> int:
        """How many of the cluster's mentions start before ``position``."""
        return bisect_left(self._sync(cluster)[0], (position,))

    def last_before(self, cluster: Candidate, position: int) -> tuple[int, int] | None:
        """Start and end of the cluster's last mention starting before ``position``, or None."""
        spans = self._sync(cluster)[0]
        i = bisect_left(spans, (position,))
        return spans[i - 1] if i else None

    def roles(self, cluster: Candidate) -> set[str]:
        """The role words of all the cluster's mentions."""
        return self._sync(cluster)[1]


def _nearest(mention: Mention, candidates: Sequence[Candidate], where: Positions) -> Candidate | None:
    before = [
        (last[0], i)
        for i, c in enumerate(candidates)
        if (last := where.last_before(c, mention.span.start)) is not None
    ]
    return candidates[max(before)[1]] if before else None


def _last_before(mention: Mention, cluster: Candidate, where: Positions) -> int:
    last = where.last_before(cluster, mention.span.start)
    return last[1] if last is not None else -1


def _named_together(
    mention: Mention, nearest: Candidate, candidates: Sequence[Candidate], text: str, where: Positions
) -> bool:
    """Another candidate is named in the same sentence as the nearest one's last mention."""
    last = _last_before(mention, nearest, where)
    for other in candidates:
        if other is nearest or _last_before(mention, other, where) < 0:
            continue
        between = text[_last_before(mention, other, where) : last]
        if not _SENTENCE_END.search(between):
            return True
    return False


def _salient(mention: Mention, candidates: Sequence[Candidate], where: Positions) -> Candidate | None:
    """The candidate named at least twice as often as each other one before ``mention``, or None."""
    counts = sorted(
        ((where.before(c, mention.span.start), i) for i, c in enumerate(candidates)),
        reverse=True,
    )
    if len(counts) > 1 and counts[0][0] >= 2 * max(counts[1][0], 1):
        return candidates[counts[0][1]]
    return None


def choose(
    mention: Mention, found: Sequence[Candidate], text: str, where: Positions | None = None
) -> tuple[Candidate | None, str]:
    """The candidate a short form names and the rule, or None and the reason it stays unlinked.

    ``where``: the positions of the candidates' mentions, shared between the calls of one article."""
    if _AGE_CUE.search(text[max(0, mention.span.start - 10) : mention.span.start]):
        return None, "ambiguous-surname: an age cue names one of several people"
    where = Positions() if where is None else where
    candidates = list(found)
    rule = "nearest-mention"
    cue = honorific_gender(mention, text)
    if cue is not None:
        genders = [gender_of(c, text) for c in candidates]
        same = [c for c, g in zip(candidates, genders, strict=True) if g == cue]
        # "Mrs. Scott" is no man: without a match, the candidates of unknown gender remain
        unknown = [c for c, g in zip(candidates, genders, strict=True) if g is None]
        if same or (unknown and len(unknown) < len(candidates)):
            candidates, rule = same or unknown, "honorific-gender"
    wanted = _role_words(mention.role) if mention.role else set()
    titled = [c for c in candidates if wanted & where.roles(c)] if wanted else []
    if mention.role and titled and len(titled) < len(candidates):
        candidates, rule = titled, "title-cue"
    if len(candidates) == 1:
        return candidates[0], rule
    salient = _salient(mention, candidates, where)
    if salient is not None:
        return salient, "salience"
    nearest = _nearest(mention, candidates, where)
    if nearest is None:  # a headline or lead before the full names: the one the article is about
        counts = sorted(((len(c.members), i) for i, c in enumerate(candidates)), reverse=True)
        if len(counts) > 1 and counts[0][0] >= 2 * max(counts[1][0], 1):
            return candidates[counts[0][1]], "salience"
        return None, "ambiguous-surname: no earlier full name decides"
    if _named_together(mention, nearest, candidates, text, where):
        return None, "ambiguous-surname: two people with it named together last"
    return nearest, rule if rule != "honorific-gender" else "honorific-gender+nearest"
