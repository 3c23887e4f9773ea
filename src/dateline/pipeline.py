"""Steps and the pipeline that chains them.

A step is a small class with one job: ``run(articles) -> Iterator[Article]``. It declares the
article fields it ``requires`` and ``assigns``; :class:`Pipeline` checks the order before anything
runs. Dropped articles (``article.drop`` set) pass through every later step untouched so the
writer can count and store the reason.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from typing import ClassVar

from .errors import PipelineOrderError
from .model import Article, Drop

#: Fields every reader provides.
READER_FIELDS = frozenset({"text", "title", "outlet", "url", "published", "byline", "source"})


class Step:
    """Base step. Override :meth:`process` (one article in, any number out) or :meth:`run`."""

    name: ClassVar[str] = "step"
    requires: ClassVar[frozenset[str]] = frozenset()
    assigns: ClassVar[frozenset[str]] = frozenset()
    #: spaCy components this step reads from ``article.doc`` (the parse step enables only these).
    nlp_components: ClassVar[frozenset[str]] = frozenset()

    def run(self, articles: Iterable[Article]) -> Iterator[Article]:
        for article in articles:
            if article.drop is not None:
                yield article
                continue
            yield from self.process(article)

    def process(self, article: Article) -> Iterator[Article]:
        raise NotImplementedError

    @staticmethod
    def dropped(article: Article, reason: str, detail: str = "") -> Article:
        article.drop = Drop(reason, detail)
        return article


class Pipeline:
    """An ordered chain of steps, checked at construction."""

    def __init__(self, steps: Sequence[Step], provided: frozenset[str] = READER_FIELDS) -> None:
        self.steps = list(steps)
        available = set(provided)
        for step in self.steps:
            missing = step.requires - available
            if missing:
                raise PipelineOrderError(
                    f"step {step.name!r} requires {sorted(missing)}, which no earlier step assigns; "
                    "put a step that assigns them before it"
                )
            available |= step.assigns
        self.assigned = frozenset(available)

    @property
    def nlp_components(self) -> frozenset[str]:
        out: set[str] = set()
        for step in self.steps:
            out |= step.nlp_components
        return frozenset(out)

    def run(self, articles: Iterable[Article]) -> Iterator[Article]:
        stream: Iterable[Article] = articles
        for step in self.steps:
            stream = step.run(stream)
        yield from stream
