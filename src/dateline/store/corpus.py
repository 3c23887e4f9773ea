"""Writes the corpus stages' results: stories, happenings, contradictions. Writes only; one transaction."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any


@dataclass
class StoryRow:
    id: str
    title: str | None
    representative: str
    first_seen: str | None
    last_seen: str | None
    articles: dict[str, float]
    outlets: list[str] = field(default_factory=list)
    entities: list[str] = field(default_factory=list)
    places: list[str] = field(default_factory=list)


@dataclass
class HappeningRow:
    id: str
    story_id: str
    category: str
    date: str | None
    date_precision: str | None
    place: str | None
    mentions: int
    sources: int
    articles: int
    event_ids: list[int]


@dataclass
class ContradictionRow:
    story_id: str
    relation: str
    confidence: float
    evidence: dict[str, Any]
    claim_quote_id: int
    counter_quote_id: int


class CorpusWriter:
    """Replaces the stored corpus view with a freshly computed one, in one transaction."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn

    def replace(self, stories: Iterable[StoryRow], happenings: Iterable[HappeningRow],
                contradictions: Iterable[ContradictionRow]) -> None:
        c = self.conn
        with c:
            c.execute("BEGIN IMMEDIATE")
            for table in ("contradictions", "story_articles", "happenings", "stories"):
                c.execute(f"DELETE FROM {table}")
            c.execute("UPDATE events SET happening_id = NULL WHERE happening_id IS NOT NULL")
            for s in stories:
                c.execute(
                    "INSERT INTO stories (id, title, representative, first_seen, last_seen, articles, outlets, "
                    "entities, places) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (s.id, s.title, s.representative, s.first_seen, s.last_seen, len(s.articles),
                     json.dumps(s.outlets), json.dumps(s.entities), json.dumps(s.places)),
                )
                c.executemany("INSERT INTO story_articles (story_id, article_id, score) VALUES (?, ?, ?)",
                              [(s.id, a, score) for a, score in sorted(s.articles.items())])
            for h in happenings:
                c.execute(
                    "INSERT INTO happenings (id, story_id, category, date, date_precision, place, mentions, sources, "
                    "articles) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (h.id, h.story_id, h.category, h.date, h.date_precision, h.place, h.mentions, h.sources,
                     h.articles),
                )
                c.executemany("UPDATE events SET happening_id = ? WHERE id = ?", [(h.id, e) for e in h.event_ids])
            c.executemany(
                "INSERT INTO contradictions (story_id, relation, confidence, evidence, claim_quote_id, "
                "counter_quote_id) VALUES (?, ?, ?, ?, ?, ?)",
                [(x.story_id, x.relation, x.confidence, json.dumps(x.evidence), x.claim_quote_id, x.counter_quote_id)
                 for x in contradictions],
            )
