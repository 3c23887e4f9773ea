"""Reports and happenings: the grouping the GDELT counts and the mentions table rest on.

A *report* is one stored event: one article's account of something that happened. A *happening*
is the thing itself; several reports (in one article or many) may describe it. When the store
assigns happenings (an events ``happening_id`` column), reports group by it; otherwise each report
is its own happening. :func:`happening_key` is the one place that decides.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date, datetime
from itertools import groupby
from typing import Any
from urllib.parse import urlsplit

from ..model import Article, Event

_SENTENCE_END = re.compile(r"[.!?][\"'”’)\]]*\s+(?=[\"'“‘(\[]?[A-Z0-9])|\n\s*\n")


def happening_key(article_id: str, index: int, happening_id: str | None) -> str:
    """The happening a report belongs to: its ``happening_id`` when set, else the report itself."""
    return happening_id if happening_id else f"{article_id}:{index}"


@dataclass
class Report:
    article: Article
    event: Event
    index: int  # position of the event within its article
    happening: str
    shared: bool = False  # the happening comes from the store (other reports may share it)


def reports(items: Iterable[tuple[Any, ...]]) -> Iterator[Report]:
    """Reports from ``(article, event[, happening_id[, position]])`` tuples, in order.

    Without a position, events are numbered in the order they come within each article.
    """
    counts: dict[str, int] = {}
    for item in items:
        article, event = item[0], item[1]
        happening_id = item[2] if len(item) > 2 else None
        index = item[3] if len(item) > 3 else counts.get(article.id, -1) + 1
        counts[article.id] = index
        yield Report(article, event, index, happening_key(article.id, index, happening_id), bool(happening_id))


def happenings(items: Iterable[Report]) -> Iterator[list[Report]]:
    """Reports grouped by happening, streaming: the reports of one happening must come together.

    Raises ValueError when a happening's reports are split (the store orders them by happening).
    """
    done: set[str] = set()
    for key, group in groupby(items, key=lambda r: r.happening):
        reports_of = list(group)
        if reports_of[0].shared:
            if key in done:
                raise ValueError(f"the reports of happening {key!r} do not come together; order them by happening")
            done.add(key)
        yield reports_of


def source_name(article: Article) -> str:
    """The outlet's web domain ("example.org") when the article has a URL, else the outlet name."""
    if article.url:
        host = urlsplit(article.url).hostname or ""
        return host.removeprefix("www.")
    return article.outlet or ""


def citation(article: Article) -> str:
    """The article's URL, or a plain citation (outlet, date, title) for sources without one."""
    if article.url:
        return article.url
    published = article.published.isoformat()[:10] if article.published else None
    return ", ".join(p for p in (article.outlet, published, article.title) if p) or article.id


def stamp(article: Article) -> int | None:
    """When the article was stored, as YYYYMMDDHHMMSS (UTC); else its publication day at midnight."""
    when = article.provenance.ingested_at
    if when:
        return int(datetime.fromisoformat(when).strftime("%Y%m%d%H%M%S"))
    pub = article.published
    if isinstance(pub, datetime):
        return int(pub.strftime("%Y%m%d%H%M%S"))
    if isinstance(pub, date):
        return int(pub.strftime("%Y%m%d")) * 1_000_000
    return None


def sentence_number(text: str, start: int) -> int:
    """1-based number of the sentence starting at ``start``, counting sentence ends before it."""
    return 1 + sum(1 for m in _SENTENCE_END.finditer(text, 0, max(start, 0) + 1) if m.end() <= start)
