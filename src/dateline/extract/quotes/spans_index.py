"""Range look-ups over frames and spans in logarithmic time, so long articles stay linear.

A quotation looks for the cues and the spans near it; scanning every frame of the article for each
quotation makes a 1 MB article cost the square of its length. These indexes keep the frames sorted
by where their cue starts, and spans by where they start, and answer the same questions by bisection.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Sequence
from itertools import accumulate

from .frames import Frame


class CueIndex(Sequence[Frame]):
    """Frames sorted by their cue span, with the frames whose cue starts in ``[lo, hi)`` at hand."""

    def __init__(self, frames: Iterable[Frame]) -> None:
        self.frames = sorted(frames, key=lambda f: f.cue_span)
        self.keys = [f.cue_span[0] for f in self.frames]

    def between(self, lo: int, hi: int) -> list[Frame]:
        """Frames whose cue starts at ``lo`` or after and before ``hi``, in order."""
        return self.frames[bisect.bisect_left(self.keys, lo) : bisect.bisect_left(self.keys, hi)]

    def __len__(self) -> int:
        return len(self.frames)

    def __getitem__(self, index: int) -> Frame:  # type: ignore[override]
        return self.frames[index]


class SpanIndex:
    """Half-open spans ``(start, end)``: does any of them overlap ``[lo, hi)``?"""

    def __init__(self, spans: Iterable[tuple[int, int]]) -> None:
        ordered = sorted(spans)
        self.starts = [s for s, _ in ordered]
        self.reach = list(accumulate((e for _, e in ordered), max))  # furthest end among the first k

    def overlaps(self, lo: int, hi: int) -> bool:
        """True when some span starts before ``hi`` and ends after ``lo``."""
        k = bisect.bisect_left(self.starts, hi)
        return k > 0 and self.reach[k - 1] > lo


Core = tuple[tuple[int, int], Frame]


class CoreIndex(Sequence[Core]):
    """The cores of the frames (the cue and its speaker: ``((start, end), frame)``) in their given
    order, with the positions of those that start, or end, inside a range at hand."""

    def __init__(self, cores: Sequence[Core]) -> None:
        self.cores = list(cores)
        by_start = sorted(range(len(self.cores)), key=lambda i: self.cores[i][0][0])
        by_end = sorted(range(len(self.cores)), key=lambda i: self.cores[i][0][1])
        self._start_order, self._starts = by_start, [self.cores[i][0][0] for i in by_start]
        self._end_order, self._ends = by_end, [self.cores[i][0][1] for i in by_end]

    def starting(self, lo: int, hi: int) -> list[int]:
        """Positions (ascending) of the cores that start at ``lo`` or after and before ``hi``."""
        a, b = bisect.bisect_left(self._starts, lo), bisect.bisect_left(self._starts, hi)
        return sorted(self._start_order[a:b])

    def ending(self, lo: int, hi: int) -> list[int]:
        """Positions (ascending) of the cores that end after ``lo`` and at ``hi`` or before."""
        a, b = bisect.bisect_right(self._ends, lo), bisect.bisect_right(self._ends, hi)
        return sorted(self._end_order[a:b])

    def __len__(self) -> int:
        return len(self.cores)

    def __getitem__(self, index: int) -> Core:  # type: ignore[override]
        return self.cores[index]
