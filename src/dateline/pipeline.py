"""Steps and the pipeline that chains them.

A step is a small class with one job: ``run(articles) -> Iterator[Article]``. It declares the
article fields it ``requires`` and ``assigns``; :class:`Pipeline` checks the order before anything
runs. Dropped articles (``article.drop`` set) pass through every later step untouched so the
writer can count and store the reason.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator, Sequence
from typing import ClassVar, Final

from .errors import PipelineOrderError
from .model import Article, Drop
from .vocab import DropReason

log = logging.getLogger(__name__)

#: Drop reason for an unexpected exception in a step; the batch goes on without the article.
INTERNAL_ERROR: Final = "internal_error"

#: Languages the configured spaCy pipelines read; articles in any other language are not parsed.
PARSED_LANGUAGES = frozenset({"en"})

#: Fields every reader provides.
READER_FIELDS = frozenset({"text", "title", "outlet", "url", "published", "byline", "source"})


class Step:
    """Base step. Override :meth:`process` (one article in, any number out) or :meth:`run`."""

    name: ClassVar[str] = "step"
    #: Article fields the step reads (beyond what every reader provides) and fields it sets; class
    #: defaults, which a step built from others (the process pool) sets on the instance.
    requires: frozenset[str] = frozenset()
    assigns: frozenset[str] = frozenset()
    #: spaCy components this step reads from ``article.doc`` (the parse step enables only these).
    nlp_components: frozenset[str] = frozenset()

    def run(self, articles: Iterable[Article]) -> Iterator[Article]:
        for article in articles:
            if article.drop is not None or self._no_pipeline(article):
                yield article
                continue
            try:
                out = list(self.process(article))
            except Exception as exc:  # noqa: BLE001 - one bad article never ends a batch
                yield failed(article, self.name, exc)
                continue
            yield from out

    def process(self, article: Article) -> Iterator[Article]:
        raise NotImplementedError

    def _no_pipeline(self, article: Article) -> bool:
        """True for an article left unparsed because no pipeline reads its language: steps that
        need the parse pass it through (stored and searchable, with no facts)."""
        return (
            "doc" in self.requires and article.doc is None and article.language is not None
            and article.language not in PARSED_LANGUAGES
        )

    @staticmethod
    def dropped(article: Article, reason: DropReason, detail: str = "") -> Article:
        article.drop = Drop(reason, detail)
        return article


def failed(article: Article, step: str, exc: BaseException) -> Article:
    """Mark ``article`` dropped as ``internal_error`` naming the step and the exception; the traceback
    goes to the log."""
    log.error("step %s failed on %s (position %s)", step, article.source, article.position, exc_info=exc)
    message = " ".join(str(exc).split())[:300]
    article.drop = Drop(INTERNAL_ERROR, f"step {step!r} raised {type(exc).__name__}: {message}")
    article.doc = None
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
