"""ParseStep: batch articles through ``nlp.pipe`` and attach the Doc and sentence spans."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from itertools import islice
from typing import Any, ClassVar

from ..config import Settings
from ..model import Article, Span
from ..pipeline import Step
from .loader import load_pipeline


class ParseStep(Step):
    """Requires ``text``; assigns ``doc`` and ``caption_docs`` (transient) and ``sentences``.

    ``components`` are the spaCy components the later steps read; the rest are disabled.
    Dropped articles pass through in order without being parsed.
    """

    name = "parse"
    requires: ClassVar[frozenset[str]] = frozenset({"text"})
    assigns: ClassVar[frozenset[str]] = frozenset({"doc", "caption_docs", "sentences"})

    def __init__(
        self,
        settings: Settings | None = None,
        components: frozenset[str] | None = None,
        nlp: Any = None,
    ) -> None:
        self.settings = settings or Settings()
        self.components = components
        self._nlp = nlp

    @property
    def nlp(self) -> Any:
        if self._nlp is None:
            self._nlp = load_pipeline(self.settings.models, self.components)
        return self._nlp

    def run(self, articles: Iterable[Article]) -> Iterator[Article]:
        it = iter(articles)
        size = self.settings.batch_size
        while batch := list(islice(it, size)):
            live = [a for a in batch if a.drop is None]
            texts = [a.text for a in live] + [c.text for a in live for c in a.captions]
            docs = iter(self.nlp.pipe(texts, batch_size=size))
            bodies = [next(docs) for _ in live]
            for article, doc in zip(live, bodies, strict=True):
                article.doc = doc
                if doc.has_annotation("SENT_START"):
                    article.sentences = [Span(s.start_char, s.end_char) for s in doc.sents]
            for article in live:
                article.caption_docs = [next(docs) for _ in article.captions]
            yield from batch
