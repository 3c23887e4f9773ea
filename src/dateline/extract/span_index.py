"""Find an article's facts by position without scanning them all: the extraction steps ask, for each
event or quote, which mentions, dates or places lie at or inside some span. A scan per question costs
the square of an article's length; an index answers in the logarithm of it.

``SpanIndex`` keeps items in their original order and answers in that order, so a caller that took
"the first item that ..." from a scan takes the same item from the index. ``index_of`` keeps the
indexes of the last few lists asked about (holding the lists themselves, so that a list freed and a
new one made at the same address cannot be mistaken for it).
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Sequence
from typing import Generic, TypeVar, cast

T = TypeVar("T")
R = TypeVar("R")
SpanOf = Callable[[T], "tuple[int, int] | None"]


class SpanIndex(Generic[T]):
    """Items with (start, end) character spans; items without a span are never returned."""

    def __init__(self, items: Sequence[T], span_of: SpanOf[T]) -> None:
        spans = [(span_of(item), n) for n, item in enumerate(items)]
        placed = sorted((s[0], s[1], n) for s, n in spans if s is not None)
        self.items = items
        self.starts = [p[0] for p in placed]
        self.ends = [p[1] for p in placed]
        self.order = [p[2] for p in placed]
        self.longest = max((e - s for s, e in zip(self.starts, self.ends, strict=True)), default=0)

    def _window(self, lo_start: int, hi_start: int) -> range:
        """Positions (in start order) of the spans starting in ``lo_start..hi_start``."""
        return range(bisect.bisect_left(self.starts, lo_start), bisect.bisect_right(self.starts, hi_start))

    def at(self, offset: int) -> list[T]:
        """Items whose span holds ``offset`` (start <= offset < end), in their original order."""
        found = [self.order[i] for i in self._window(offset - self.longest, offset) if offset < self.ends[i]]
        return [self.items[n] for n in sorted(found)]

    def within(self, start: int, end: int) -> list[T]:
        """Items whose span lies inside ``start..end``, in their original order."""
        found = [self.order[i] for i in self._window(start, end) if self.ends[i] <= end]
        return [self.items[n] for n in sorted(found)]


_KEPT = 16
_recent: list[tuple[Sequence[object], int, object, object]] = []


def memo(items: Sequence[object], how: object, make: Callable[[], R]) -> R:
    """What ``make`` built for ``items`` and ``how`` (built again when the list changed length)."""
    for kept, size, made_how, found in _recent:
        if kept is items and size == len(items) and made_how is how:
            return cast(R, found)
    made = make()
    _recent.insert(0, (items, len(items), how, made))
    del _recent[_KEPT:]
    return made


def index_of(items: Sequence[T], span_of: SpanOf[T]) -> SpanIndex[T]:
    """The index of ``items`` by ``span_of`` (a module-level function, so that it is the same
    object on every call)."""
    return memo(items, span_of, lambda: SpanIndex(items, span_of))


def by_key(items: Sequence[T], key: Callable[[T], str]) -> dict[str, T]:
    """``items`` by ``key`` (the last item of each key, as a dict comprehension gives)."""

    def make() -> dict[str, T]:
        return {key(item): item for item in items}

    return memo(items, key, make)
