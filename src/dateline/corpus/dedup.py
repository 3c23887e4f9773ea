"""Near-duplicate grouping: MinHash signatures over word shingles, with LSH to find candidates.

Two texts are near duplicates when the Jaccard similarity of their sets of word shingles (runs
of :data:`SHINGLE_WORDS` words of the normalised text, punctuation ignored) is at least the
index threshold, as estimated from their MinHash signatures.

The shingle size is one word. With the default threshold of 0.8 that is the size that separates
the cases that matter for news (measured on ``samples/``): a syndicated copy with a new intro
paragraph or a few edited words scores 0.91-0.98 against its original, while separate reports
of the same happening score 0.2-0.5 and formulaic reports of different happenings ("air strikes
killed N people in X on Monday ...") about 0.6. Longer shingles push a short wire story with a
replaced intro below 0.8 (3-word shingles: 0.77 for a seven-paragraph story), so a threshold of
0.8 would only catch copies with almost no edits. Lower thresholds work but compare more pairs:
unrelated news shares function words (Jaccard 0.1-0.2).

The LSH bands are tuned for recall a little below the threshold; every candidate is then
checked against the threshold with the estimated Jaccard, so the banding only decides how many
pairs get compared, not which pairs are called duplicates.

Signatures are bytes (see :mod:`.minhash`), so they can be stored in SQLite and fed back through
:meth:`NearDuplicateIndex.load` without the texts. The LSH is a dict per band from the band's
hash values to the ids that share them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from ..model import normalise_text
from . import minhash as mh
from .minhash import Sketch

#: Words per shingle. Changing it makes stored signatures incomparable with new ones.
SHINGLE_WORDS = 1
#: LSH aims for near-certain recall at ``threshold - RECALL_MARGIN`` (candidates are verified).
RECALL_MARGIN = 0.05
RECALL_TARGET = 0.99

_WORD = re.compile(r"\w+")


def shingles(text: str, size: int = SHINGLE_WORDS) -> set[bytes]:
    """The set of ``size``-word shingles of ``text`` after normalisation (case, quotes, space).

    Punctuation is ignored. A text shorter than ``size`` words gives one shingle of all its
    words; a text with no words gives the empty set.
    """
    words = _WORD.findall(normalise_text(text))
    if size == 1:
        return {word.encode() for word in set(words)}
    if len(words) < size:
        return {" ".join(words).encode()} if words else set()
    return {" ".join(words[i : i + size]).encode() for i in range(len(words) - size + 1)}


def minhash(text: str, num_perm: int = 128) -> Sketch:
    """The MinHash of the word shingles of ``text``."""
    return mh.sketch(list(shingles(text)), num_perm)


def encode(sketch: Sketch) -> bytes:
    """Serialise a MinHash to bytes (see :func:`decode`)."""
    return mh.encode(sketch)


def decode(sig: bytes) -> Sketch:
    """Read a signature written by :func:`signature` or :func:`encode`; ``ValueError`` if it is none."""
    return mh.decode(sig)


def signature(text: str, num_perm: int = 128) -> bytes:
    """The serialised MinHash of ``text``'s word shingles, for storing next to the article."""
    return encode(minhash(text, num_perm))


def similarity(a: bytes, b: bytes) -> float:
    """Estimated Jaccard similarity of the shingle sets behind two signatures."""
    return mh.jaccard(decode(a), decode(b))


def lsh_bands(threshold: float, num_perm: int) -> tuple[int, int]:
    """``(bands, rows)`` for the LSH: the most selective banding that still finds a pair at
    ``threshold - RECALL_MARGIN`` with probability ``RECALL_TARGET``."""
    target = max(threshold - RECALL_MARGIN, 0.01)
    best = (num_perm, 1)
    for rows in range(1, num_perm + 1):
        bands = num_perm // rows
        if 1 - (1 - target**rows) ** bands >= RECALL_TARGET:
            best = (bands, rows)
    return best


class NearDuplicateIndex:
    """Groups texts whose estimated shingle Jaccard similarity reaches ``threshold``.

    A group is every article linked to another of it by a similarity at or above the threshold
    (the connected parts of the similarity graph), so the groups are the same whatever order the
    articles come in: an article that resembles members of two groups joins them into one. A group
    is led by its member of the lowest rank: the rank given to :meth:`add` (the writer gives the
    publication date, so the earliest report leads, then the id), else the order of adding.
    :attr:`moved` tells which earlier articles got a new leader in the last :meth:`add`. Texts with
    no words are kept as groups of one and match nothing.
    """

    def __init__(self, threshold: float = 0.8, num_perm: int = 128) -> None:
        if not 0.0 < threshold <= 1.0:
            raise ValueError(f"threshold must be in (0, 1], got {threshold}")
        if num_perm < 2:
            raise ValueError(f"num_perm must be at least 2, got {num_perm}")
        self.threshold = threshold
        self.num_perm = num_perm
        bands, rows = lsh_bands(threshold, num_perm)
        self._bands = [(band * rows, (band + 1) * rows) for band in range(bands)]
        self._buckets: list[dict[bytes, list[str]]] = [{} for _ in range(bands)]
        self._sketches: dict[str, Sketch] = {}
        self._root: dict[str, str] = {}
        self._members: dict[str, list[str]] = {}  # leader -> members in the order they were added
        self._rank: dict[str, tuple[str, str]] = {}
        #: Earlier articles whose group leader changed in the last :meth:`add`: id -> new leader.
        self.moved: dict[str, str] = {}

    def add(self, article_id: str, text: str | None = None, sig: bytes | None = None,
            rank: str | None = None) -> str | None:
        """Index one article, from its text or from a stored signature (give exactly one), with
        its ``rank`` (lower leads a group; ties go to the lower id; none: the order of adding).

        Returns the leader of the group this article near-duplicates, or ``None`` when it leads
        one. Adding an id a second time changes nothing and returns the same answer as the first
        time.
        """
        if (text is None) == (sig is None):
            raise ValueError("give exactly one of text= or sig=")
        self.moved = {}
        if article_id in self._root:
            return self._answer(article_id)
        sketch = minhash(text, self.num_perm) if text is not None else decode(sig or b"")
        if len(sketch) != self.num_perm:
            raise ValueError(
                f"signature of {article_id!r} has {len(sketch)} permutations, the index uses "
                f"{self.num_perm}; rebuild the signatures or create the index with num_perm={len(sketch)}"
            )
        empty = mh.is_empty(sketch)
        matches = [] if empty else self._matches(sketch)
        self._sketches[article_id] = sketch
        self._rank[article_id] = (rank, article_id) if rank is not None else ("", f"{len(self._rank):020d}")
        self._root[article_id] = article_id
        self._members[article_id] = [article_id]
        for match in matches:
            self._join(article_id, match)
        self.moved.pop(article_id, None)
        if not empty:
            for (start, end), bucket in zip(self._bands, self._buckets, strict=True):
                bucket.setdefault(sketch[start:end].tobytes(), []).append(article_id)
        return self._answer(article_id)

    def add_text(self, article_id: str, text: str, rank: str | None = None) -> tuple[str | None, bytes]:
        """Index one article from its text; returns (group's leader or ``None``, signature to store)."""
        sig = signature(text, self.num_perm)
        return self.add(article_id, sig=sig, rank=rank), sig

    def load(self, items: Iterable[tuple[str, bytes] | tuple[str, bytes, str | None]]) -> None:
        """Rebuild from stored ``(article_id, signature)`` or ``(article_id, signature, rank)``
        items; with ranks, any order gives back the same groups and leaders."""
        for article_id, sig, *rank in items:
            self.add(article_id, sig=sig, rank=rank[0] if rank else None)

    def group_of(self, article_id: str) -> str:
        """The leader of the article's group (the article itself when it leads one)."""
        return self._root[article_id]

    def groups(self) -> dict[str, list[str]]:
        """Groups with at least two members: leader -> all members in insertion order."""
        out: dict[str, list[str]] = {}
        for article_id, root in self._root.items():
            out.setdefault(root, []).append(article_id)
        return {root: members for root, members in out.items() if len(members) > 1}

    def similarity(self, a: str, b: str) -> float:
        """Estimated Jaccard similarity of two indexed articles."""
        return mh.jaccard(self._sketches[a], self._sketches[b])

    def signature_of(self, article_id: str) -> bytes:
        """The stored signature of an indexed article."""
        return encode(self._sketches[article_id])

    def __contains__(self, article_id: object) -> bool:
        return article_id in self._root

    def __len__(self) -> int:
        return len(self._root)

    def __iter__(self) -> Iterator[str]:
        return iter(self._root)

    def _candidates(self, sketch: Sketch) -> set[str]:
        """Ids sharing all the hash values of at least one band with ``sketch``."""
        found: set[str] = set()
        for (start, end), bucket in zip(self._bands, self._buckets, strict=True):
            found.update(bucket.get(sketch[start:end].tobytes(), ()))
        return found

    def _matches(self, sketch: Sketch) -> list[str]:
        """Indexed ids at or above the threshold with ``sketch``, in a fixed order."""
        return sorted(c for c in self._candidates(sketch) if mh.jaccard(sketch, self._sketches[c]) >= self.threshold)

    def _join(self, a: str, b: str) -> None:
        """One group of the groups of ``a`` and ``b``, led by the lower-ranked leader."""
        root_a, root_b = self._root[a], self._root[b]
        if root_a == root_b:
            return
        lead, other = (root_a, root_b) if self._rank[root_a] <= self._rank[root_b] else (root_b, root_a)
        for member in self._members.pop(other):
            self._root[member] = lead
            self._members[lead].append(member)
            self.moved[member] = lead

    def _answer(self, article_id: str) -> str | None:
        root = self._root[article_id]
        return None if root == article_id else root
