"""The single writer. By default one transaction per article, so a crash loses at most the article in flight.

A writer made with ``batch=N`` keeps one transaction open for up to ``N`` articles (or
:data:`BATCH_SECONDS`), each article in its own savepoint: an article whose storing fails leaves no
rows, and the commits, with the full-text index's segment merges they bring, are ``N`` times fewer.
A crash then loses at most the open batch. Call :meth:`Writer.flush` when the stream ends.

Sources are marked ``done`` only after their last article is committed; a rerun re-reads any source
that is not done and skips what is already stored, so it completes without duplicates.
"""

from __future__ import annotations

import json
import sqlite3
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from ..model import DUPLICATE, Article, Entity
from ..safe_text import stored_path
from ..serialize import to_jsonable
from .entities import EntityLinker, LinkRules
from .meta import meta_json
from .relink import relink

#: Source statuses that a rerun skips; ``done_with_errors`` is a source whose reading or analysis
#: raised on some article (stored as an ``internal_error`` drop), so a rerun does not loop on it.
FINISHED = ("done", "done_with_errors")
#: Drop reasons that say a source could not be read at all (it is read again by the next run).
READ_FAILURES = "('unreadable', 'not_found')"
def near_rank(published: str | None) -> str:
    """The rank of a stored article among its near duplicates: the earliest published leads its
    group, undated ones after the dated (ties go to the lower id)."""
    return published or "~"


#: Articles per transaction in an ingest (see the module docstring).
INGEST_BATCH = 32
#: A batched writer commits at the latest this long after the first write of the open batch.
BATCH_SECONDS = 1.0


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


@dataclass
class WriteCounts:
    articles: int = 0
    duplicates: int = 0
    near_duplicates: int = 0
    resumed: int = 0
    entities: int = 0
    mentions: int = 0
    quotes: int = 0
    events: int = 0


class Writer:
    """Writes articles and their facts; the only code that changes the database."""

    def __init__(
        self,
        conn: sqlite3.Connection,
        near_duplicates: Any = None,
        counts: WriteCounts | None = None,
        link_rules: LinkRules | None = None,
        batch: int = 1,
    ) -> None:
        self.conn = conn
        self.batch = max(batch, 1)
        self._pending = 0  # articles written in the open transaction
        self._opened = 0.0  # when the open transaction began (time.monotonic)
        self.counts = counts if counts is not None else WriteCounts()
        self.linker = EntityLinker(conn, link_rules)
        self.near = near_duplicates  # a NearDuplicateIndex (``add_text(id, text)``), or None
        self._sources: dict[str, int] = {}

    # -- sources -------------------------------------------------------------------------------
    def source_done(self, path: str, sha256: str | None) -> bool:
        path = stored_path(path)
        row = self.conn.execute(
            "SELECT status FROM sources WHERE path = ? AND sha256 = ?", (path, sha256 or "")
        ).fetchone()
        return row is not None and row["status"] in FINISHED

    def begin_source(self, path: str, sha256: str | None, size: int, fmt: str | None) -> int:
        path = stored_path(path)
        key = f"{path}\0{sha256}"
        if key in self._sources:
            return self._sources[key]
        self.conn.execute(
            "INSERT INTO sources (path, sha256, size, format, status, started_at) VALUES (?, ?, ?, ?, 'reading', ?) "
            "ON CONFLICT (path, sha256) DO UPDATE SET status = 'reading', started_at = excluded.started_at",
            (path, sha256 or "", size, fmt, _now()),
        )
        row = self.conn.execute("SELECT id FROM sources WHERE path = ? AND sha256 = ?", (path, sha256 or "")).fetchone()
        # a read that failed last time is read again now: its failure no longer stands
        self.conn.execute(f"DELETE FROM drops WHERE source_id = ? AND reason IN {READ_FAILURES}", (row["id"],))
        self._sources[key] = int(row["id"])
        return self._sources[key]

    def finish_source(self, source_id: int, complete: bool = True) -> None:
        """Count what source ``source_id`` gave and mark it finished, or ``unread`` (read again by
        the next run) when ``complete`` is false or reading it failed (an ``unreadable`` or
        ``not_found`` drop): then its stored hash does not stand for what was read."""
        c = self.conn
        c.execute(
            """UPDATE sources SET finished_at = :now,
                 status = CASE WHEN NOT :complete OR EXISTS (SELECT 1 FROM drops WHERE source_id = :id
                                                              AND reason IN """ + READ_FAILURES + """)
                               THEN 'unread'
                               WHEN EXISTS (SELECT 1 FROM drops WHERE source_id = :id AND reason = 'internal_error')
                               THEN 'done_with_errors' ELSE 'done' END,
                 articles = (SELECT count(*) FROM articles WHERE source_id = :id),
                 duplicates = (SELECT count(*) FROM copies WHERE source_id = :id)
                              - (SELECT count(*) FROM articles WHERE source_id = :id),
                 drops = (SELECT count(*) FROM drops WHERE source_id = :id)
               WHERE id = :id""",
            {"now": _now(), "id": source_id, "complete": complete},
        )

    def relink_people(self) -> int:
        """After a batch: move held bare surnames to the person the link rules' plan picks (if they have one)."""
        self.flush()
        return relink(self.conn, self.linker.rules) if hasattr(self.linker.rules, "plan") else 0

    # -- articles ------------------------------------------------------------------------------
    def write(self, article: Article, source_id: int | None) -> str:
        """Store one article (or its drop). Returns what happened: stored|duplicate|resumed|dropped.

        If storing raises, none of the article's rows stay and the exception goes on; articles
        written before it in the open batch stay (committed by the next write or :meth:`flush`).
        """
        c = self.conn
        if not c.in_transaction:
            c.execute("BEGIN IMMEDIATE")
            self._opened = time.monotonic()
        c.execute("SAVEPOINT article")
        try:
            outcome = self._write(article, source_id)
        except BaseException:
            c.execute("ROLLBACK TO article")
            c.execute("RELEASE article")
            if not self._pending:
                c.rollback()
            raise
        c.execute("RELEASE article")
        self._pending += 1
        if self._pending >= self.batch or time.monotonic() - self._opened >= BATCH_SECONDS:
            self.flush()
        if outcome == "duplicate":
            self.counts.duplicates += 1
        elif outcome == "resumed":
            self.counts.resumed += 1
        return outcome

    def flush(self) -> None:
        """Commit the open batch, if any (a no-op for a writer that commits every article)."""
        if self.conn.in_transaction:
            self.conn.commit()
        self._pending = 0

    def _write(self, article: Article, source_id: int | None) -> str:
        c = self.conn
        if article.drop is not None and article.drop.reason != DUPLICATE:
            cur = c.execute(
                "INSERT OR IGNORE INTO drops (source_id, path, position, reason, detail, at) VALUES (?, ?, ?, ?, ?, ?)",
                (source_id, stored_path(article.source), article.position, article.drop.reason, article.drop.detail,
                 _now()),
            )
            return "dropped" if cur.rowcount else "resumed"
        seen = c.execute(
            "SELECT 1 FROM copies WHERE article_id = ? AND source_id IS ? AND position = ?",
            (article.id, source_id, article.position),
        ).fetchone()
        if seen:
            return "resumed"
        c.execute(
            "INSERT INTO copies (article_id, source_id, position, url) SELECT ?, ?, ?, ? "
            "WHERE EXISTS (SELECT 1 FROM articles WHERE id = ?)",
            (article.id, source_id, article.position, article.url, article.id),
        )
        if c.execute("SELECT changes()").fetchone()[0]:
            return "duplicate"
        self._insert_article(article, source_id)
        c.execute(
            "INSERT INTO copies (article_id, source_id, position, url) VALUES (?, ?, ?, ?)",
            (article.id, source_id, article.position, article.url),
        )
        self._insert_facts(article)
        self.counts.articles += 1
        return "stored"

    def _insert_article(self, a: Article, source_id: int | None) -> None:
        near_of, sig = None, None
        published = a.published.isoformat() if a.published else None
        if self.near is not None:
            near_of, sig = self.near.add_text(a.id, a.text, rank=near_rank(published))
            if near_of or self.near.moved:
                self.counts.near_duplicates += 1
        self.conn.execute(
            "INSERT INTO articles (id, source_id, position, format, outlet, url, title, byline, published, "
            "published_raw, language, text, near_duplicate_of, signature, meta, ingested_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                a.id, source_id, a.position, a.format, a.outlet, a.url, a.title, a.byline,
                published, a.published_raw, a.language, a.text, near_of, sig, meta_json(a), _now(),
            ),
        )
        if self.near is not None and self.near.moved:  # earlier copies now led by another article
            self.conn.executemany("UPDATE articles SET near_duplicate_of = ? WHERE id = ?",
                                  [(None if lead == member else lead, member) for member, lead in self.near.moved.items()])
        self.conn.executemany(
            "INSERT INTO captions (article_id, position, text, credit) VALUES (?, ?, ?, ?)",
            [(a.id, i, cap.text, cap.credit) for i, cap in enumerate(a.captions)],
        )

    def _insert_facts(self, a: Article) -> None:
        ids = self._link_entities(a.id, a.entities)
        self._insert_mentions(a, ids)
        self._insert_quotes(a, ids)
        self._insert_events(a, ids)
        self._insert_dates_and_places(a)

    def _insert_mentions(self, a: Article, ids: dict[str, str]) -> None:
        self.conn.executemany(
            "INSERT INTO mentions (article_id, entity_id, start, end, text, label, role, field, unlinked) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                (a.id, ids.get(m.entity_id or ""), m.span.start, m.span.end, m.text, m.label, m.role, m.field,
                 m.unlinked)
                for m in (*a.mentions, *a.caption_mentions)
            ],
        )
        self.counts.mentions += len(a.mentions) + len(a.caption_mentions)

    def _insert_quotes(self, a: Article, ids: dict[str, str]) -> None:
        for i, q in enumerate(a.quotes):
            hull = q.hull
            self.conn.execute(
                "INSERT INTO quotes (article_id, position, type, content, start, end, content_spans, cue, cue_start, "
                "cue_end, speaker, speaker_mention, speaker_start, speaker_end, speaker_entity_id, speaker_kind, "
                "confidence, anonymity_reason, relay) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    a.id, i, q.type, " … ".join(s.of(a.text) for s in q.content_spans), hull.start, hull.end,
                    json.dumps(to_jsonable(q.content_spans)), q.cue,
                    q.cue_span.start if q.cue_span else None, q.cue_span.end if q.cue_span else None,
                    q.speaker, q.speaker_mention,
                    q.speaker_span.start if q.speaker_span else None, q.speaker_span.end if q.speaker_span else None,
                    ids.get(q.speaker_entity or "", q.speaker_entity), q.speaker_kind, q.confidence,
                    q.anonymity_reason, q.relay,
                ),
            )
        self.counts.quotes += len(a.quotes)

    def _insert_events(self, a: Article, ids: dict[str, str]) -> None:
        """Events with their data; actors and targets that are stored entities also go to
        ``event_entities``, which relinking and corrections keep pointing at the right entity."""
        stored = set(ids.values())
        for i, e in enumerate(a.events):
            for actor in (*e.actors, *e.targets):
                if actor.entity_id in ids:
                    actor.entity_id = ids[actor.entity_id]
            data = to_jsonable(e)
            cur = self.conn.execute(
                "INSERT INTO events (article_id, position, data, category, action, modality, cameo, quad_class, "
                "goldstein, acled_event_type, acled_sub_event_type, actors, targets, place, country, latitude, "
                "longitude, date, date_precision, sentence_start, sentence_end, confidence) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    a.id, i, json.dumps(data), e.category, e.action, e.modality, e.cameo, e.quad_class,
                    e.goldstein, e.acled_event_type, e.acled_sub_event_type,
                    "; ".join(x.name or x.text for x in e.actors), "; ".join(x.name or x.text for x in e.targets),
                    e.place.name if e.place else None, e.place.country if e.place else None,
                    e.place.latitude if e.place else None, e.place.longitude if e.place else None,
                    e.date.value if e.date else None, e.date.precision if e.date else None,
                    e.sentence_span.start, e.sentence_span.end, e.confidence,
                ),
            )
            self.conn.executemany(
                "INSERT INTO event_entities (event_id, role, position, entity_id, text) VALUES (?, ?, ?, ?, ?)",
                [
                    (cur.lastrowid, role, k, x.entity_id, x.text)
                    for role, side in (("actor", e.actors), ("target", e.targets))
                    for k, x in enumerate(side)
                    if x.entity_id and x.entity_id in stored
                ],
            )
        self.counts.events += len(a.events)

    def _insert_dates_and_places(self, a: Article) -> None:
        c = self.conn
        c.executemany(
            "INSERT INTO dates (article_id, start, end, raw, value, precision, reason) VALUES (?, ?, ?, ?, ?, ?, ?)",
            [
                (a.id, d.span.start if d.span else None, d.span.end if d.span else None, d.raw, d.value,
                 d.precision, d.reason)
                for d in a.dates
            ],
        )
        c.executemany(
            "INSERT INTO places (article_id, start, end, name, country, latitude, longitude, precision, kind) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                (a.id, p.span.start if p.span else None, p.span.end if p.span else None, p.name, p.country,
                 p.latitude, p.longitude, p.precision, p.kind)
                for p in a.places
            ],
        )

    def _link_entities(self, article_id: str, entities: list[Entity]) -> dict[str, str]:
        """Write the article's entities, merged with the corpus; returns local id -> stored id."""
        ids: dict[str, str] = {}
        for entity in entities:
            stored_id, created = self.linker.link(article_id, entity)
            ids[entity.id] = stored_id
            self.counts.entities += int(created)
        return ids
