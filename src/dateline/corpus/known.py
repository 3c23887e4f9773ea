"""KnownFilter: copies of articles already stored (or seen earlier in the run) skip the parse."""

from __future__ import annotations

from collections.abc import Callable, Iterator

from ..model import DUPLICATE, Article, Drop
from ..pipeline import Step


class KnownFilter(Step):
    """Requires ``id``; marks copies with drop reason ``duplicate``, which the writer records as a
    sighting of the stored article, not as a drop. ``is_stored(id)`` answers for the database."""

    name = "known"
    requires: frozenset[str] = frozenset({"id"})

    def __init__(self, is_stored: Callable[[str], bool]) -> None:
        self.is_stored = is_stored
        self.seen: set[str] = set()

    def process(self, article: Article) -> Iterator[Article]:
        known = article.id in self.seen or self.is_stored(article.id)
        self.seen.add(article.id)
        if known:
            article.drop = Drop(DUPLICATE, f"same text as article {article.id}")
        yield article
