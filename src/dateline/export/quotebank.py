"""Quotebank layouts: quote-centric and article-centric JSON lines.

Quote-centric lines (one per distinct quotation across the corpus) carry Quotebank's fields
``quoteID``, ``quotation``, ``speaker``, ``qids``, ``date``, ``numOccurrences``, ``probas``, ``urls``
and ``phase``; article-centric lines (one per article with quotes) carry ``articleID``,
``articleLength``, ``date``, ``title``, ``url``, ``phase`` and ``quotations``, each with ``quoteID``,
``quotation``, ``quotationOffset``, ``leftContext``, ``rightContext``, ``globalTopSpeaker``,
``globalProbas`` and ``numOccurrences``. As in Quotebank, an unknown or anonymous speaker is the
string ``"None"``, ``probas`` are ``[speaker, "0.8000"]`` pairs (probabilities as strings),
``articleLength`` and ``quotationOffset`` count whitespace-separated tokens, and ``qids`` is empty
(dateline links no Wikidata ids). Our own extra fields follow Quotebank's: ``type`` (direct,
indirect or mixed; Quotebank has only direct quotes), ``speakerDescriptor`` (the anonymous
source's description, "a senior official"), ``speakerKind`` and character offsets.
``phase`` is "E", Quotebank's last phase, so phase filters keep our lines.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from ..model import Article, Quote, normalise_key
from .reports import citation

PHASE = "E"
_CONTEXT_TOKENS = 25
_MARKS = "\"“”«»„"


@dataclass
class Occurrence:
    article: Article
    position: int
    quote: Quote

    @property
    def quotation(self) -> str:
        """The quoted words as Quotebank gives them: without the quotation marks or a closing comma."""
        parts = (s.of(self.article.text).strip().strip(_MARKS).rstrip(",").strip() for s in self.quote.content_spans)
        return " ".join(p for p in parts if p)

    @property
    def speaker(self) -> str:
        """Quotebank's speaker: the resolved name, or "None" for anonymous and unknown speakers."""
        q = self.quote
        return q.speaker if q.speaker and q.speaker_kind != "anonymous" else "None"


def _date(article: Article) -> str | None:
    pub = article.published
    if isinstance(pub, datetime):
        return pub.strftime("%Y-%m-%d %H:%M:%S")
    if isinstance(pub, date):
        return f"{pub.isoformat()} 00:00:00"
    return None


def _probas(group: list[Occurrence]) -> list[list[str]]:
    """Speaker probabilities averaged over a quotation's occurrences, the rest going to "None"."""
    weight: dict[str, float] = {}
    for occ in group:
        p = min(max(occ.quote.confidence, 0.0), 1.0) if occ.speaker != "None" else 1.0
        weight[occ.speaker] = weight.get(occ.speaker, 0.0) + p
        if p < 1.0:
            weight["None"] = weight.get("None", 0.0) + 1.0 - p
    ranked = sorted(weight.items(), key=lambda kv: (-kv[1], kv[0] == "None", kv[0]))
    return [[name, f"{w / len(group):.4f}"] for name, w in ranked]


def _group(items: Iterable[tuple[Article, int, Quote]]) -> dict[str, list[Occurrence]]:
    groups: dict[str, list[Occurrence]] = {}
    for article, position, quote in items:
        occ = Occurrence(article, position, quote)
        groups.setdefault(normalise_key(occ.quotation), []).append(occ)
    return groups


def _quote_line(quote_id: str, group: list[Occurrence]) -> dict[str, Any]:
    first = group[0]
    probas = _probas(group)
    dates = sorted(d for d in (_date(o.article) for o in group) if d)
    descriptors = [o.quote.speaker for o in group if o.quote.speaker_kind == "anonymous" and o.quote.speaker]
    return {
        "quoteID": quote_id, "quotation": first.quotation, "speaker": probas[0][0], "qids": [],
        "date": dates[0] if dates else None, "numOccurrences": len(group), "probas": probas,
        "urls": list(dict.fromkeys(citation(o.article) for o in group)), "phase": PHASE,
        "type": first.quote.type, "speakerDescriptor": descriptors[0] if descriptors else None,
        "speakerKind": first.quote.speaker_kind, "articleIDs": list(dict.fromkeys(o.article.id for o in group)),
    }


def _quote_ids(groups: dict[str, list[Occurrence]]) -> dict[str, str]:
    """Quotebank-style ids: the date of first occurrence and a six-digit number ("2024-08-16-000001")."""
    ids: dict[str, str] = {}
    per_day: dict[str, int] = {}
    for key, group in groups.items():
        dates = sorted(d for d in (_date(o.article) for o in group) if d)
        day = dates[0][:10] if dates else "0000-00-00"
        per_day[day] = per_day.get(day, 0) + 1
        ids[key] = f"{day}-{per_day[day]:06d}"
    return ids


def quotebank_quote_lines(items: Iterable[tuple[Article, int, Quote]]) -> Iterator[dict[str, Any]]:
    """Quote-centric lines for ``(article, position, quote)`` tuples, one per distinct quotation."""
    groups = _group(items)
    ids = _quote_ids(groups)
    for key, group in groups.items():
        yield _quote_line(ids[key], group)


def _left(text: str, start: int) -> list[str]:
    """Whole tokens before ``start`` (a quote mark glued to the quotation is not one)."""
    tokens = text[:start].split()
    return tokens[:-1] if tokens and start > 0 and not text[start - 1].isspace() else tokens


def _right(text: str, end: int) -> list[str]:
    tokens = text[end:].split()
    return tokens[1:] if tokens and end < len(text) and not text[end].isspace() else tokens


def _quotation(occ: Occurrence, quote_id: str, group: list[Occurrence]) -> dict[str, Any]:
    text, hull = occ.article.text, occ.quote.hull
    left = _left(text, hull.start)
    probas = _probas(group)
    return {
        "quoteID": quote_id, "quotation": occ.quotation, "quotationOffset": len(left),
        "leftContext": " ".join(left[-_CONTEXT_TOKENS:]),
        "rightContext": " ".join(_right(text, hull.end)[:_CONTEXT_TOKENS]), "globalTopSpeaker": probas[0][0],
        "globalProbas": probas, "numOccurrences": len(group), "type": occ.quote.type,
        "speaker": occ.speaker, "speakerDescriptor": occ.quote.speaker if occ.quote.speaker_kind == "anonymous" else None,
        "speakerKind": occ.quote.speaker_kind, "start": hull.start, "end": hull.end,
    }


def quotebank_article_lines(items: Iterable[tuple[Article, int, Quote]]) -> Iterator[dict[str, Any]]:
    """Article-centric lines for ``(article, position, quote)`` tuples, one per article with quotes."""
    groups = _group(items)
    ids = _quote_ids(groups)
    by_article: dict[str, list[tuple[str, Occurrence]]] = {}
    for key, group in groups.items():
        for occ in group:
            by_article.setdefault(occ.article.id, []).append((key, occ))
    for entries in by_article.values():
        entries.sort(key=lambda e: e[1].position)
        article = entries[0][1].article
        yield {
            "articleID": article.id, "articleLength": len(article.text.split()), "date": _date(article),
            "title": article.title, "url": citation(article), "phase": PHASE,
            "quotations": [_quotation(occ, ids[key], groups[key]) for key, occ in entries],
        }
