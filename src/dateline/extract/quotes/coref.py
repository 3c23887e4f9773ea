"""Resolve speaker pronouns and descriptions to the people and bodies named earlier.

Rules, not a model: a pronoun (he, she, it, they) goes to the closest earlier referent of a
compatible kind, gender and number, preferring earlier speakers and sentence subjects; a
definite description ("the ministry", "the sources", "the spokesman") goes to the closest
earlier referent whose name or role holds its head noun. Referents inside quotation marks are
never antecedents: in ``"Trump lied," she said`` she is not Trump.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable
from dataclasses import dataclass, field, replace

from ...vocab import SpeakerKind

#: pronoun -> (kind it refers to, gender, plural)
PRONOUNS: dict[str, tuple[SpeakerKind | None, str | None, bool]] = {
    "he": ("person", "male", False),
    "him": ("person", "male", False),
    "his": ("person", "male", False),
    "she": ("person", "female", False),
    "her": ("person", "female", False),
    "it": ("organization", None, False),
    "its": ("organization", None, False),
    "they": (None, None, True),
    "them": (None, None, True),
    "their": (None, None, True),
}
MALE_MARKERS = frozenset({"mr", "mr.", "he", "him", "his", "man", "king", "prince", "sir"})
FEMALE_MARKERS = frozenset({"mrs", "mrs.", "ms", "ms.", "miss", "she", "her", "woman", "queen", "princess", "madam"})
_WINDOW = 6  # sentences a pronoun may look back
#: Characters a description ("the ministry") looks back for its referent: longer than almost every article.
DESCRIPTION_REACH = 20_000
_CLOSE = 1.0  # a rival antecedent scoring within this of the best makes the choice contested


def gender_of(words: Iterable[str]) -> str | None:
    """``male``/``female`` from titles and role words ("Mr.", "spokeswoman"), else None."""
    for word in words:
        w = word.lower()
        if w in MALE_MARKERS or (w.endswith("man") and not w.endswith("woman") and len(w) > 5):
            return "male"
        if w in FEMALE_MARKERS or w.endswith("woman"):
            return "female"
    return None


@dataclass
class Referent:
    """Something a later pronoun or description may point back to."""

    start: int
    end: int
    text: str  # as written
    name: str  # canonical name, or the descriptor for anonymous sources
    kind: SpeakerKind
    entity_id: str | None = None
    words: frozenset[str] = field(default_factory=frozenset)  # lower-cased words of text, name, roles
    gender: str | None = None
    plural: bool = False
    subject: bool = False
    speaker: bool = False  # it spoke in an earlier attribution
    quoted: bool = False  # it sits inside quotation marks


def _stems(word: str) -> set[str]:
    w = word.lower()
    out = {w}
    if w.endswith("ies"):
        out.add(w[:-3] + "y")
    elif w.endswith("s") and not w.endswith("ss"):
        out.add(w[:-1])
    return out


def _start(ref: Referent) -> int:
    return ref.start


class Resolver:
    """Referents of one article in text order, with sentence positions for distances."""

    def __init__(self, referents: Iterable[Referent], sentence_starts: list[int]) -> None:
        self.referents = sorted(referents, key=lambda r: r.start)
        self.starts = [r.start for r in self.referents]
        self.sentence_starts = sentence_starts
        self._named: dict[str, list[Referent]] = {}  # by name, in the order of ``referents``
        self._of_entity: dict[str, list[Referent]] = {}
        #: offsets of pronouns whose antecedent had a close rival (their speaker is less certain)
        self.contested: set[int] = set()
        for ref in self.referents:
            self._index(ref)

    def _index(self, ref: Referent) -> None:
        same = self._named.setdefault(ref.name, [])
        same.insert(bisect.bisect_right(same, ref.start, key=_start), ref)
        if ref.entity_id:
            self._of_entity.setdefault(ref.entity_id, []).append(ref)

    def latest_named(self, name: str, before: int) -> Referent | None:
        """The last referent called ``name`` that starts before ``before``."""
        same = self._named.get(name, [])
        i = bisect.bisect_left(same, before, key=_start)
        return same[i - 1] if i else None

    def sentence(self, offset: int) -> int:
        return max(0, bisect.bisect_right(self.sentence_starts, offset) - 1)

    def add(self, referent: Referent) -> None:
        at = bisect.bisect_right(self.starts, referent.start)
        self.referents.insert(at, referent)
        self.starts.insert(at, referent.start)
        self._index(referent)

    def learn_gender(self, referent: Referent, gender: str | None) -> None:
        """Record a gender found by resolving a pronoun, on every referent of the same thing."""
        if gender is None:
            return
        same = self._of_entity.get(referent.entity_id, []) if referent.entity_id else []
        for other in [*same, *self._named.get(referent.name, [])]:
            if other.gender is None:
                other.gender = gender

    def _before(self, offset: int, since: int = 0) -> list[Referent]:
        """Referents (not quoted) that end by ``offset`` and start at ``since`` or later, in order."""
        lo, hi = bisect.bisect_left(self.starts, since), bisect.bisect_left(self.starts, offset)
        return [r for r in self.referents[lo:hi] if r.end <= offset and not r.quoted]

    def pronoun(self, word: str, offset: int) -> Referent | None:
        """The antecedent of the pronoun ``word`` at ``offset``, or None."""
        spec = PRONOUNS.get(word.lower())
        if spec is None:
            return None
        kind, gender, plural = spec
        here = self.sentence(offset)
        first = here - _WINDOW  # the earliest sentence a referent may stand in
        since = self.sentence_starts[first] if first > 0 and self.sentence_starts else 0
        best: tuple[float, int, Referent] | None = None
        scores: list[float] = []
        seen: set[str] = set()
        for ref in self._before(offset, since):
            if not _compatible(ref, kind, gender, plural):
                continue
            distance = here - self.sentence(ref.start)
            if distance > _WINDOW:
                continue
            score = distance - (1.5 if ref.speaker else 0.0) - (0.5 if ref.subject else 0.0)
            key = (score, -ref.start, ref)
            if ref.name not in seen:
                seen.add(ref.name)
                scores.append(score)
            if best is None or key[:2] < best[:2]:
                best = key
        if best is None:
            return None
        found = best[2]
        if sorted(scores)[1:2] and sorted(scores)[1] - best[0] < _CLOSE:
            self.contested.add(offset)  # another candidate is nearly as likely
        self.learn_gender(found, gender)
        return found

    def description(self, head: str, offset: int, plural: bool = False) -> Referent | None:
        """The closest earlier referent whose name or role holds the noun ``head``."""
        wanted = _stems(head)
        for i in range(bisect.bisect_left(self.starts, offset) - 1, -1, -1):
            ref = self.referents[i]
            if ref.start < offset - DESCRIPTION_REACH:
                break  # farther back than a whole article: a long page would pay the square of its length
            if ref.end <= offset and not ref.quoted and any(_stems(w) & wanted for w in ref.words):
                return ref
        return None


def _compatible(ref: Referent, kind: str | None, gender: str | None, plural: bool) -> bool:
    if plural:
        return ref.plural
    if ref.plural:
        return False
    if kind == "person":
        return ref.kind == "person" and (ref.gender is None or gender is None or ref.gender == gender)
    if kind == "organization":
        return ref.kind == "organization"
    return True


def as_speaker(referent: Referent, start: int, end: int, text: str) -> Referent:
    """A copy of ``referent`` placed where it speaks again (so later pronouns find it close by)."""
    return replace(referent, start=start, end=end, text=text, speaker=True, subject=True, quoted=False)
