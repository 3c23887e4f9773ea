"""ParseStep: stream articles through one ``nlp.pipe`` and attach the Doc and sentence spans."""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Iterator
from typing import Any, ClassVar

from ..config import Settings
from ..model import Article, Span
from ..pipeline import Step
from .loader import load_pipeline


class ParseStep(Step):
    """Requires ``text``; assigns ``doc`` and ``caption_docs`` (transient) and ``sentences``.

    ``components`` are the spaCy components the later steps read; the rest are disabled. Bodies go
    through a single ``nlp.pipe`` (in ``settings.processes`` processes); captions are parsed in this
    process. Dropped articles pass through, in order, without being parsed.
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
        queue: deque[Article] = deque()

        def bodies() -> Iterator[str]:
            for article in articles:
                queue.append(article)
                if article.drop is None:
                    yield article.text

        docs = self.nlp.pipe(bodies(), batch_size=self.settings.batch_size, n_process=self.settings.processes)
        for doc in docs:
            while queue[0].drop is not None:
                yield queue.popleft()
            article = queue.popleft()
            self._attach(article, doc)
            yield article
        yield from queue

    def _attach(self, article: Article, doc: Any) -> None:
        article.doc = doc
        if doc.has_annotation("SENT_START"):
            article.sentences = [Span(s.start_char, s.end_char) for s in doc.sents]
        if article.captions:
            article.caption_docs = list(self.nlp.pipe([c.text for c in article.captions]))
