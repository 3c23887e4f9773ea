"""IdentityStep: give each article its content id and drop bodies too thin to be news."""

from __future__ import annotations

from collections.abc import Iterator

from ..model import Article, article_id
from ..pipeline import Step

#: Bodies shorter than this (in characters, after stripping) are dropped as ``too_short``.
MIN_BODY_CHARS = 40


class IdentityStep(Step):
    """Requires ``text``; assigns ``id`` = :func:`dateline.model.article_id` of the body.

    Drops an article whose body is empty (reason ``empty_body``) or shorter than
    ``min_chars`` characters (reason ``too_short``); dropped articles keep their id so the
    drop can be traced. Run it after :class:`~dateline.clean.CleanStep`.
    """

    name = "identity"
    requires: frozenset[str] = frozenset({"text"})
    assigns: frozenset[str] = frozenset({"id"})

    def __init__(self, min_chars: int = MIN_BODY_CHARS) -> None:
        self.min_chars = min_chars

    def process(self, article: Article) -> Iterator[Article]:
        article.id = article_id(article.text)
        body = article.text.strip()
        if not body:
            yield self.dropped(article, "empty_body", "no text left after cleaning")
        elif len(body) < self.min_chars:
            yield self.dropped(article, "too_short", f"{len(body)} characters, fewer than {self.min_chars}")
        else:
            yield article
