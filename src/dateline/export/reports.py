"""Reports and happenings: the grouping the GDELT counts and the mentions table rest on.

A *report* is one stored event: one article's account of something that happened. A *happening*
is the thing itself; several reports (in one article or many) may describe it. When the store
assigns happenings (an events ``happening_id`` column), reports group by it; otherwise each report
is its own happening. :func:`happening_key` is the one place that decides.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime
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


def reports(items: Iterable[tuple[Any, ...]]) -> list[Report]:
    """Reports from ``(article, event)`` or ``(article, event, happening_id)`` tuples, in order."""
    out: list[Report] = []
    counts: dict[str, int] = {}
    for item in items:
        article, event = item[0], item[1]
        happening_id = item[2] if len(item) > 2 else None
        index = counts[article.id] = counts.get(article.id, -1) + 1
        out.append(Report(article, event, index, happening_key(article.id, index, happening_id)))
    return out


def happenings(items: list[Report]) -> dict[str, list[Report]]:
    """Reports grouped by happening, in order of first report."""
    groups: dict[str, list[Report]] = {}
    for report in items:
        groups.setdefault(report.happening, []).append(report)
    return groups


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
    when = article.meta.get("ingested_at") if article.meta else None
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
