"""Text that UTF-8 can hold: lone surrogates replaced.

A JSON string may escape half of a surrogate pair alone (``"\\ud800"``), and Python keeps it as a
lone surrogate, which no UTF-8 file, database, page or terminal can take. Every reader's articles
pass through :func:`valid_article` before anything else sees them: each lone surrogate becomes
U+FFFD (the replacement character), so offsets keep their places.
"""

from __future__ import annotations

import dataclasses
from typing import Any

from ..model import Article, Caption, Drop
from ..safe_text import valid_text


def _valid(value: Any) -> Any:
    """Strings, lists and dicts (JSON values) with lone surrogates replaced, keys too."""
    if isinstance(value, str):
        return valid_text(value)
    if isinstance(value, list):
        return [_valid(v) for v in value]
    if isinstance(value, dict):
        return {_valid(k): _valid(v) for k, v in value.items()}
    return value


def _valid_fields(item: Any) -> None:
    for f in dataclasses.fields(item):
        value = getattr(item, f.name)
        if isinstance(value, str | list | dict):
            cleaned = _valid(value)
            if cleaned != value:
                setattr(item, f.name, cleaned)


def valid_article(article: Article) -> Article:
    """``article`` with lone surrogates replaced in its text, metadata, captions and provenance."""
    for name in ("text", "source", "title", "byline", "outlet", "url", "published_raw", "language"):
        value = getattr(article, name)
        if isinstance(value, str):
            setattr(article, name, valid_text(value))
    article.captions = [Caption(valid_text(c.text), c.credit and valid_text(c.credit)) for c in article.captions]
    _valid_fields(article.provenance)
    if article.drop is not None and not article.drop.detail.isascii():
        article.drop = Drop(article.drop.reason, valid_text(article.drop.detail))
    return article
