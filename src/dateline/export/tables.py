"""dateline's own flat tables of quotes, entities and articles, for CSV, JSONL and Parquet.

Offsets are character offsets into the article text; lists (aliases, roles, captions, credits)
are joined with "; ".
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from ..model import Article, Quote


def _join(values: Iterable[Any]) -> str:
    return "; ".join(str(v) for v in values if v)


def quote_rows(items: Iterable[tuple[Article, int, Quote]]) -> Iterator[dict[str, Any]]:
    """One row per stored quote, with its article's URL, outlet and publication date."""
    for article, position, q in items:
        text, hull = article.text, q.hull
        yield {
            "article_id": article.id, "position": position, "type": q.type,
            "content": " … ".join(s.of(text) for s in q.content_spans), "start": hull.start, "end": hull.end,
            "cue": q.cue, "cue_text": q.cue_span.of(text) if q.cue_span else None,
            "cue_start": q.cue_span.start if q.cue_span else None, "cue_end": q.cue_span.end if q.cue_span else None,
            "speaker": q.speaker, "speaker_mention": q.speaker_mention,
            "speaker_start": q.speaker_span.start if q.speaker_span else None,
            "speaker_end": q.speaker_span.end if q.speaker_span else None,
            "speaker_entity_id": q.speaker_entity, "speaker_kind": q.speaker_kind,
            "anonymity_reason": q.anonymity_reason, "relay": q.relay, "confidence": q.confidence,
            "url": article.url, "outlet": article.outlet,
            "published": article.published.isoformat() if article.published else None,
        }


def entity_rows(entities: Iterable[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    """One row per canonical entity (as listed by the store), aliases and roles joined."""
    for e in entities:
        yield {"id": e["id"], "name": e["name"], "type": e["type"], "country": e.get("country"),
               "aliases": _join(e.get("aliases", [])), "roles": _join(e.get("roles", [])),
               "mentions": e.get("mentions"), "articles": e.get("articles")}


def article_rows(articles: Iterable[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    """One row per stored article (as listed by the store), with its length in characters."""
    for a in articles:
        yield {**{k: a.get(k) for k in ("id", "title", "outlet", "published", "url", "byline", "format",
                                        "source", "copies", "near_duplicate_of", "text")},
               "captions": _join(a.get("captions", [])), "credits": _join(a.get("credits", [])),
               "length": len(a.get("text") or "")}
