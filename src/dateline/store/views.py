"""Read side of the corpus view: what the corpus stages read, and stories, contradictions, timelines,
happenings and entity profiles as plain dicts. Never writes. :class:`~dateline.store.Reader` offers
each of these under the same name."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from datetime import date
from typing import Any

from ..errors import NotFoundError, UsageError
from ..model import Article, Entity, Event
from ..serialize import event_from_dict
from .rows import published_of as _published

#: Contradictions at or above this confidence are listed by default (the web, exports, the CLI);
#: the rest are kept for ``dateline contradictions --all``.
SHOWN_CONFIDENCE = 0.6


class CorpusViews:
    """Queries over the corpus tables of ``reader``'s connection (``reader.entity`` gives entities)."""

    def __init__(self, reader: Any) -> None:
        self.reader = reader
        self.conn: sqlite3.Connection = reader.conn

    def entity(self, entity_id: str) -> Entity:
        return self.reader.entity(entity_id)  # type: ignore[no-any-return]

    # -- corpus view: inputs of the corpus stages -------------------------------------------------
    def story_inputs(self) -> list[dict[str, Any]]:
        """Per article: id, title, text, day (published, else ingested), dated (whether it was published on a
        known day), outlet, names, event keys."""
        names: dict[str, list[str]] = {}
        for r in self.conn.execute(
            "SELECT article_id, text FROM mentions WHERE field = 'text' AND label IN "
            "('PERSON', 'ORG', 'GPE', 'LOC', 'FAC', 'NORP', 'EVENT') ORDER BY article_id, start"
        ):
            names.setdefault(r[0], []).append(r[1])
        events: dict[str, list[str]] = {}
        for r in self.conn.execute(
            "SELECT article_id, category, place FROM events WHERE place IS NOT NULL ORDER BY article_id, position"
        ):
            events.setdefault(r[0], []).append(f"{r[1]}@{r[2].lower()}")
        rows = self.conn.execute(
            "SELECT id, title, text, outlet, coalesce(published, ingested_at) AS day, published IS NOT NULL AS dated "
            "FROM articles ORDER BY id")
        return [{"id": r["id"], "title": r["title"] or "", "text": r["text"], "outlet": r["outlet"],
                 "day": (r["day"] or "")[:10], "dated": bool(r["dated"]), "names": names.get(r["id"], []), "events": events.get(r["id"], [])}
                for r in rows]

    def story_of_articles(self) -> dict[str, str]:
        """Article id -> stored story id (empty before the first corpus run)."""
        return {r[0]: r[1] for r in self.conn.execute("SELECT article_id, story_id FROM story_articles")}

    def claim_rows(self) -> list[dict[str, Any]]:
        """Every quote with its article's day, its speaker's entity roles and aliases."""
        roles: dict[str, list[str]] = {}
        for r in self.conn.execute("SELECT entity_id, role FROM entity_roles ORDER BY entity_id, role"):
            roles.setdefault(r[0], []).append(r[1])
        aliases: dict[str, list[str]] = {}
        for r in self.conn.execute("SELECT entity_id, alias FROM entity_aliases ORDER BY entity_id, alias"):
            aliases.setdefault(r[0], []).append(r[1])
        rows = self.conn.execute(
            "SELECT q.id, q.article_id, q.position, q.type, q.content, q.cue, q.speaker, q.speaker_mention, "
            "q.speaker_entity_id, coalesce(a.published, a.ingested_at) AS day, e.name AS entity_name "
            "FROM quotes q JOIN articles a ON a.id = q.article_id LEFT JOIN entities e ON e.id = q.speaker_entity_id "
            "ORDER BY q.article_id, q.position")
        return [{**dict(r), "day": (r["day"] or "")[:10], "roles": roles.get(r["speaker_entity_id"] or "", []),
                 "aliases": aliases.get(r["speaker_entity_id"] or "", [])} for r in rows]

    def event_report_rows(self) -> list[dict[str, Any]]:
        """Every event with its article's outlet: id, article_id, position, category, modality, date, place,
        and where its date came from (``publication`` when the text gave none)."""
        return [dict(r) for r in self.conn.execute(
            "SELECT e.id, e.article_id, e.position, e.category, e.modality, e.date, e.date_precision, e.place, "
            "e.actors, e.targets, a.outlet, json_extract(e.data, '$.date_source') AS date_source "
            "FROM events e JOIN articles a ON a.id = e.article_id "
            "ORDER BY e.article_id, e.position")]

    # -- corpus view: stories, contradictions, timelines ------------------------------------------
    def _story_dict(self, r: sqlite3.Row) -> dict[str, Any]:
        """A story with its articles; first and last seen are publication days only (None when no
        article of the story states one: an ingest day is never shown as a publication day)."""
        rows = self.conn.execute(
            "SELECT sa.article_id, a.published FROM story_articles sa JOIN articles a ON a.id = sa.article_id "
            "WHERE sa.story_id = ? ORDER BY coalesce(a.published, a.ingested_at), a.id", (r["id"],)).fetchall()
        days = sorted(x[1][:10] for x in rows if x[1])
        first, last = (days[0], days[-1]) if days else (None, None)
        if not rows:  # a story row with no article rows: the days the corpus stage stored
            first, last = r["first_seen"], r["last_seen"]
        return {"id": r["id"], "title": r["title"], "articles": [x[0] for x in rows],
                "outlets": json.loads(r["outlets"]), "first_seen": first, "last_seen": last,
                "entities": json.loads(r["entities"])}

    def stories(self, min_articles: int = 1) -> list[dict[str, Any]]:
        """Stories, largest and latest first: id, title, articles, outlets, first_seen, last_seen, entities."""
        rows = self.conn.execute(
            "SELECT * FROM stories WHERE articles >= ? ORDER BY articles DESC, last_seen DESC, id", (min_articles,))
        return [self._story_dict(r) for r in rows]

    def resolve_story(self, prefix: str) -> str:
        rows = self.conn.execute(
            "SELECT id FROM stories WHERE id >= ? AND id < ? LIMIT 2", (prefix, prefix + "\uffff")).fetchall()
        if not rows:
            raise NotFoundError(f"no story with id {prefix!r}")
        if len(rows) > 1 and rows[0]["id"] != prefix:
            raise UsageError(f"story id prefix {prefix!r} is ambiguous; give more characters")
        return str(rows[0]["id"])

    def _claim_side(self, quote_id: int) -> dict[str, Any]:
        r = self.conn.execute("SELECT id, article_id, speaker, speaker_mention, content FROM quotes WHERE id = ?",
                              (quote_id,)).fetchone()
        return {"article_id": r["article_id"], "quote_id": r["id"], "speaker": r["speaker"] or r["speaker_mention"],
                "text": r["content"]}

    def contradictions(self, story: str | None = None, everything: bool = False) -> list[dict[str, Any]]:
        """Contradiction pairs: story_id, relation, confidence, evidence, claim and counter (article_id,
        quote_id, speaker, text); those under :data:`SHOWN_CONFIDENCE` only with ``everything``."""
        args: tuple[Any, ...] = (0.0 if everything else SHOWN_CONFIDENCE,)
        sql = "SELECT * FROM contradictions WHERE confidence >= ?"
        if story:
            sql += " AND story_id = ?"
            args += (self.resolve_story(story),)
        return [{"story_id": r["story_id"], "relation": r["relation"], "confidence": r["confidence"],
                 "evidence": json.loads(r["evidence"] or "{}"), "claim": self._claim_side(r["claim_quote_id"]),
                 "counter": self._claim_side(r["counter_quote_id"])}
                for r in self.conn.execute(sql + " ORDER BY story_id, id", args)]

    def story(self, story_id: str) -> dict[str, Any]:
        """One story with its timeline (events and quotes by event date, then publication) and contradictions."""
        sid = self.resolve_story(story_id)
        row = self.conn.execute("SELECT * FROM stories WHERE id = ?", (sid,)).fetchone()
        out = self._story_dict(row)
        out["places"] = json.loads(row["places"])
        out["contradictions"] = self.contradictions(sid)
        out["timeline"] = self.timeline(out["articles"])
        out["happenings"] = [dict(r) for r in self.conn.execute(
            "SELECT id, category, date, date_precision, place, mentions, sources, articles FROM happenings "
            "WHERE story_id = ? ORDER BY date IS NULL, date, id", (sid,))]
        return out

    def timeline(self, articles: list[str]) -> list[dict[str, Any]]:
        """Dated events and statements of ``articles`` in the order they happened (event date, with its
        precision; a statement is dated by its article's publication), not the order they were published."""
        marks = ",".join("?" * len(articles))
        contested = {q for r in self.conn.execute(
            "SELECT claim_quote_id, counter_quote_id FROM contradictions WHERE confidence >= ?",
            (SHOWN_CONFIDENCE,)) for q in r}
        items: list[dict[str, Any]] = []
        for r in self.conn.execute(
            f"SELECT e.article_id, e.category, e.actors, e.action, e.targets, e.place, e.date, e.date_precision, "
            f"e.happening_id, a.outlet, a.published FROM events e JOIN articles a ON a.id = e.article_id "
            f"WHERE e.article_id IN ({marks})", articles):
            items.append({"kind": "event", "date": r["date"] or (r["published"] or "")[:10],
                          "precision": r["date_precision"] if r["date"] else "published", **dict(r)})
        for r in self.conn.execute(
            f"SELECT q.id AS quote_id, q.article_id, q.speaker, q.content, a.outlet, a.published FROM quotes q "
            f"JOIN articles a ON a.id = q.article_id WHERE q.article_id IN ({marks})", articles):
            items.append({"kind": "quote", "date": (r["published"] or "")[:10], "precision": "published",
                          "contested": r["quote_id"] in contested, **dict(r)})
        return sorted(items, key=lambda x: (_sortable(x["date"]), x["kind"], x["article_id"], str(x.get("quote_id"))))

    def happening_event_rows(self) -> Iterator[tuple[Article, Event]]:
        """Like :meth:`event_rows`, one report per happening (its first by article id and position);
        events outside any happening come as they are."""
        sql = ("SELECT e.data, a.id, a.title, a.url, a.outlet, a.published, a.text FROM events e "
               "JOIN articles a ON a.id = e.article_id WHERE e.happening_id IS NULL OR e.id = "
               "(SELECT x.id FROM events x WHERE x.happening_id = e.happening_id ORDER BY x.article_id, x.position "
               "LIMIT 1) ORDER BY a.rowid, e.position")
        for r in self.conn.execute(sql):
            art = Article(text=r["text"], id=r["id"], title=r["title"], url=r["url"], outlet=r["outlet"],
                          published=_published(r["published"]))
            yield art, event_from_dict(json.loads(r["data"]))

    # -- corpus view: entity profiles ------------------------------------------------------------
    def find_entity(self, name: str) -> str:
        """The id of the entity called ``name`` (its name or an alias, any case); the most mentioned wins."""
        row = self.conn.execute(
            "SELECT e.id FROM entities e LEFT JOIN mentions m ON m.entity_id = e.id "
            "WHERE lower(e.name) = lower(:n) OR e.id = :n OR e.id IN "
            "(SELECT entity_id FROM entity_aliases WHERE lower(alias) = lower(:n)) "
            "GROUP BY e.id ORDER BY lower(e.name) = lower(:n) DESC, count(m.id) DESC, e.id LIMIT 1", {"n": name}
        ).fetchone()
        if row is None:
            raise NotFoundError(f"no entity named {name!r}; `dateline entities` lists them")
        return str(row[0])

    def entity_profile(self, name: str) -> dict[str, Any]:
        """Who the entity is and what it said and did: aliases, roles over time, its quotes, quotes about
        it, events as actor and as target, its stories, the entities it appears with, and a timeline."""
        ent = self.entity(self.find_entity(name))
        events = self._entity_events(ent.id)
        said = [dict(r) for r in self.conn.execute(
            "SELECT q.id AS quote_id, q.article_id, q.content, q.cue, a.published FROM quotes q "
            "JOIN articles a ON a.id = q.article_id WHERE q.speaker_entity_id = ? ORDER BY a.published, q.id",
            (ent.id,))]
        return {
            "id": ent.id, "name": ent.name, "type": ent.type, "country": ent.country, "aliases": ent.aliases,
            "roles": self._roles_over_time(ent.id), "said": said, "said_about": self._quotes_about(ent),
            "as_actor": [e for e in events if e["as"] == "actor"], "as_target": [e for e in events if e["as"] == "target"],
            "stories": [dict(r) for r in self.conn.execute(
                "SELECT s.id, s.title, count(DISTINCT m.article_id) AS articles FROM mentions m "
                "JOIN story_articles sa ON sa.article_id = m.article_id JOIN stories s ON s.id = sa.story_id "
                "WHERE m.entity_id = ? GROUP BY s.id ORDER BY s.first_seen, s.id", (ent.id,))],
            "with": [dict(r) for r in self.conn.execute(
                "SELECT e.name, e.type, count(DISTINCT o.article_id) AS articles FROM mentions m "
                "JOIN mentions o ON o.article_id = m.article_id AND o.entity_id != m.entity_id "
                "JOIN entities e ON e.id = o.entity_id WHERE m.entity_id = ? "
                "GROUP BY e.id ORDER BY articles DESC, e.name LIMIT 15", (ent.id,))],
            "timeline": sorted(
                [{"kind": "event", **e} for e in events]
                + [{"kind": "quote", "date": (q["published"] or "")[:10], "precision": "published", **q} for q in said],
                key=lambda x: (_sortable(x["date"]), x["kind"], x["article_id"])),
        }

    def _roles_over_time(self, entity_id: str) -> list[dict[str, Any]]:
        rows = self.conn.execute(
            "SELECT m.role, min(coalesce(a.published, a.ingested_at)) AS first_seen, "
            "max(coalesce(a.published, a.ingested_at)) AS last_seen, count(DISTINCT a.id) AS articles "
            "FROM mentions m JOIN articles a ON a.id = m.article_id WHERE m.entity_id = ? AND m.role IS NOT NULL "
            "AND m.role != '' GROUP BY m.role ORDER BY first_seen, m.role", (entity_id,))
        return [{**dict(r), "first_seen": (r["first_seen"] or "")[:10], "last_seen": (r["last_seen"] or "")[:10]}
                for r in rows]

    def _quotes_about(self, ent: Entity) -> list[dict[str, Any]]:
        names = sorted({n for n in (ent.name, *ent.aliases) if len(n) >= 4}, key=len, reverse=True)
        if not names:
            return []
        cond = " OR ".join("q.content LIKE ?" for _ in names)
        rows = self.conn.execute(
            f"SELECT q.id AS quote_id, q.article_id, q.speaker, q.content, a.published FROM quotes q "
            f"JOIN articles a ON a.id = q.article_id WHERE coalesce(q.speaker_entity_id, '') != ? AND ({cond}) "
            f"ORDER BY a.published, q.id", (ent.id, *[f"%{n}%" for n in names]))
        return [dict(r) for r in rows]

    def _entity_events(self, entity_id: str) -> list[dict[str, Any]]:
        rows = self.conn.execute(
            "SELECT ee.role, e.article_id, e.category, e.action, e.actors, e.targets, e.place, e.date, "
            "e.date_precision, a.published FROM event_entities ee JOIN events e ON e.id = ee.event_id "
            "JOIN articles a ON a.id = e.article_id WHERE ee.entity_id = ? "
            "GROUP BY e.id, ee.role ORDER BY a.published, e.id, ee.role", (entity_id,))
        return [{"as": r["role"], "article_id": r["article_id"], "category": r["category"], "action": r["action"],
                 "actors": r["actors"], "targets": r["targets"], "place": r["place"],
                 "date": r["date"] or (r["published"] or "")[:10],
                 "precision": r["date_precision"] if r["date"] else "published"} for r in rows]


def _sortable(value: str | None) -> str:
    """A date of any precision as a sort key: a week ("2024-W33") sorts by its Monday."""
    if value and "-W" in value:
        try:
            return date.fromisocalendar(int(value[:4]), int(value[6:8]), 1).isoformat() + "~"
        except ValueError:
            return value
    return value or "~"
