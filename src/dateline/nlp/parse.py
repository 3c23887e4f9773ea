"""ParseStep: stream articles through one ``nlp.pipe`` and attach the Doc and sentence spans."""

from __future__ import annotations

import logging
import re
from collections import deque
from collections.abc import Iterable, Iterator
from itertools import chain
from typing import Any

from spacy.tokens import Doc

from ..config import Settings
from ..model import Article, Drop, Span
from ..pipeline import PARSED_LANGUAGES, Step, failed
from .loader import load_pipeline

log = logging.getLogger(__name__)
#: Bodies longer than this are parsed paragraph chunk by chunk (the parser's memory grows fast with
#: the length of one text); the chunks are joined back into one Doc.
CHUNK_CHARS = 100_000
_PARAGRAPH_END = re.compile(r"\n\s*")


def parsed(article: Article) -> bool:
    """Whether the article's language has a pipeline (English, or no language given)."""
    return article.language is None or article.language in PARSED_LANGUAGES


def paragraph_chunks(text: str, limit: int) -> list[str] | None:
    """``text`` cut after paragraph breaks into pieces of at most ``limit`` characters that join back
    to ``text`` exactly (so offsets hold); ``None`` when one paragraph alone is over the limit."""
    chunks: list[str] = []
    start = 0
    while len(text) - start > limit:
        cut = None
        for match in _PARAGRAPH_END.finditer(text, start, start + limit):
            cut = match.end()
        if cut is None or cut <= start:
            return None
        chunks.append(text[start:cut])
        start = cut
    chunks.append(text[start:])
    return chunks


class ParseStep(Step):
    """Requires ``text``; assigns ``doc`` and ``caption_docs`` (transient) and ``sentences``.

    ``components`` are the spaCy components the later steps read; the rest are disabled. Bodies go
    through a single ``nlp.pipe``; captions are parsed in this process. Dropped articles pass through,
    in order, without being parsed. To parse in several processes, run this step and the extraction
    steps in :func:`dateline.scale.pool.in_processes`.
    """

    name = "parse"
    requires: frozenset[str] = frozenset({"text"})
    assigns: frozenset[str] = frozenset({"doc", "caption_docs", "sentences"})

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
        """Parse in one ``nlp.pipe``; an exception inside it re-parses the queued articles one by one
        (a failing one becomes an ``internal_error`` drop) and the pipe restarts on the rest. A missing
        model, or a failure with no article in the pipe, is an error of the run and is raised."""
        source = iter(articles)
        while True:
            queue: deque[tuple[Article, bool]] = deque()
            bodies = self._bodies(source, queue)
            first = next(bodies, None)
            if first is None:  # nothing to parse in the pipe: the pipeline is not even loaded
                while queue:
                    yield self._alone(queue.popleft()[0])
                return
            try:
                for doc in self.nlp.pipe(
                    chain([first], bodies), batch_size=self.settings.batch_size,
                ):
                    while not queue[0][1]:
                        yield self._alone(queue.popleft()[0])
                    article = queue.popleft()[0]
                    yield self._attached(article, doc)
            except Exception as exc:  # noqa: BLE001 - one bad article never ends a batch
                if not queue:
                    raise
                log.warning("the parse pipe failed (%s); parsing %d queued articles one by one", exc, len(queue))
                while queue:
                    yield self._alone(queue.popleft()[0])
                continue
            while queue:
                yield self._alone(queue.popleft()[0])
            return

    @property
    def _chunk_chars(self) -> int:
        return min(CHUNK_CHARS, int(self.nlp.max_length))

    def _bodies(self, source: Iterator[Article], queue: deque[tuple[Article, bool]]) -> Iterator[str]:
        """Texts for the pipe; dropped and over-long articles are queued but not sent."""
        for article in source:
            sent = article.drop is None and parsed(article) and len(article.text) <= self._chunk_chars
            queue.append((article, sent))
            if sent:
                yield article.text

    def _alone(self, article: Article) -> Article:
        """Parse one article outside the pipe (in paragraph chunks when it is over ``max_length``)."""
        if article.drop is not None or not parsed(article):
            return article
        try:
            if len(article.text) <= self._chunk_chars:
                return self._attached(article, self.nlp(article.text))
            chunks = paragraph_chunks(article.text, self._chunk_chars) or paragraph_chunks(
                article.text, self.nlp.max_length)
            if chunks is None:
                article.drop = Drop("too_long", (
                    f"a paragraph is longer than the parser's limit of {self.nlp.max_length:,} characters; "
                    "split it into paragraphs"))
                return article
            return self._attached(article, Doc.from_docs([self.nlp(chunk) for chunk in chunks]))
        except Exception as exc:  # noqa: BLE001
            return failed(article, self.name, exc)

    def _attached(self, article: Article, doc: Any) -> Article:
        try:
            self._attach(article, doc)
        except Exception as exc:  # noqa: BLE001
            return failed(article, self.name, exc)
        return article

    def _attach(self, article: Article, doc: Any) -> None:
        article.doc = doc
        if doc.has_annotation("SENT_START"):
            article.sentences = [Span(s.start_char, s.end_char) for s in doc.sents]
        if article.captions:
            article.caption_docs = list(self.nlp.pipe([c.text for c in article.captions]))
