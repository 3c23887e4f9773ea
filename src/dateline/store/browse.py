"""Read side for browsing: filtered, keyset-paginated listings for the web app and the JSON API.

Every query is parameterised; filters are (condition, arguments) pairs AND-ed together. Lists are
ordered by row id so a page is found by ``rowid > after`` without counting the rows before it.
"""

from __future__ import annotations

import json
import re
import sqlite3
from collections.abc import Iterator
from typing import Any

from ..model import Article, Event
from ..serialize import event_from_dict, quote_to_dict
from .named import actor_condition, speaker_condition
from .rows import contains, published_of, quote_of_row

Filters = list[tuple[str, list[Any]]]
#: Markers the FTS snippet puts around matched words (never present in stored text).
MARK_OPEN, MARK_CLOSE = "\x02", "\x03"


def _day_filters(column: str, since: str | None, until: str | None) -> Filters:
    out: Filters = []
    if since:
        out.append((f"substr({column}, 1, 10) >= ?", [since]))
    if until:
        out.append((f"substr({column}, 1, 10) <= ?", [until]))
    return out


def article_filters(outlet: str | None = None, language: str | None = None, since: str | None = None,
                    until: str | None = None, entity: str | None = None) -> Filters:
    """Conditions on ``articles a``: outlet, language, published day range, mentions an entity."""
    out: Filters = []
    if outlet:
        out.append(("a.outlet = ?", [outlet]))
    if language:
        out.append(("a.language = ?", [language]))
    if entity:
        out.append(("EXISTS (SELECT 1 FROM mentions m WHERE m.article_id = a.id AND m.entity_id = ?)", [entity]))
    return out + _day_filters("a.published", since, until)


def event_filters(category: str | None = None, acled: str | None = None, country: str | None = None,
                  modality: str | None = None, since: str | None = None, until: str | None = None,
                  actor: str | None = None, article: str | None = None, min_confidence: float = 0.0) -> Filters:
    """Conditions on ``events e``: category, ACLED type, country, modality, date range, actor, article,
    and a confidence floor."""
    out: Filters = []
    if min_confidence > 0:
        out.append(("e.confidence >= ?", [min_confidence]))
    if category:
        out.append(("e.category = ?", [category.upper()]))
    if acled:
        out.append(("(e.acled_event_type = ? OR e.acled_sub_event_type = ?)", [acled, acled]))
    if country:
        out.append(("e.country = ?", [country.upper()]))
    if modality:
        out.append(("e.modality = ?", [modality]))
    if actor:
        out.append(actor_condition(actor))
    if article:
        out.append(("e.article_id = ?", [article]))
    return out + _day_filters("coalesce(e.date, a.published)", since, until)


def quote_filters(speaker: str | None = None, anonymous: bool = False, type_: str | None = None,
                  cue: str | None = None, since: str | None = None, until: str | None = None,
                  article: str | None = None, entity: str | None = None) -> Filters:
    """Conditions on ``quotes q``: speaker, anonymous only, type, cue, published day range, article."""
    out: Filters = []
    if speaker:
        out.append(speaker_condition(speaker))
    if anonymous:
        out.append(("q.speaker_kind = 'anonymous'", []))
    if type_:
        out.append(("q.type = ?", [type_]))
    if cue:
        out.append(("q.cue = ?", [cue]))
    if article:
        out.append(("q.article_id = ?", [article]))
    if entity:
        out.append(("q.speaker_entity_id = ?", [entity]))
    return out + _day_filters("a.published", since, until)


class Browse:
    """Listings over one read-only connection."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn

    def _rows(self, sql: str, filters: Filters, tail: str, tail_args: list[Any]) -> list[sqlite3.Row]:
        where = " WHERE " + " AND ".join(c for c, _ in filters) if filters else ""
        args = [a for _, values in filters for a in values] + tail_args
        return self.conn.execute(sql + where + tail, args).fetchall()

    def articles(self, filters: Filters, after: int = 0, limit: int = 50) -> list[dict[str, Any]]:
        """Articles after row ``after``: key, id, title, outlet, published, language, url."""
        rows = self._rows(
            "SELECT a.rowid AS key, a.id, a.title, a.outlet, a.published, a.language, a.url, "
            "a.near_duplicate_of FROM articles a", [("a.rowid > ?", [after]), *filters],
            " ORDER BY a.rowid LIMIT ?", [limit])
        return [dict(r) for r in rows]

    def latest(self, limit: int = 8) -> list[dict[str, Any]]:
        rows = self.conn.execute(
            "SELECT id, title, outlet, published FROM articles WHERE published IS NOT NULL "
            "ORDER BY published DESC LIMIT ?", (limit,))
        return [dict(r) for r in rows]

    def search(self, match: str, filters: Filters, offset: int = 0, limit: int = 20) -> list[dict[str, Any]]:
        """FTS5 matches best first, with a snippet whose hits sit between MARK_OPEN and MARK_CLOSE.

        The best rows are chosen first and snippets made for those only.
        """
        # the join with articles is needed only to filter; ranking alone reads the index only
        join = " JOIN articles a ON a.rowid = articles_fts.rowid" if filters else ""
        best = self._rows(
            "SELECT articles_fts.rowid AS rid, articles_fts.rank AS score FROM articles_fts" + join,
            [("articles_fts MATCH ?", [match]), *filters],
            " ORDER BY articles_fts.rank, articles_fts.rowid LIMIT ? OFFSET ?", [limit, offset])
        rowids = [r["rid"] for r in best]
        if not rowids:
            return []
        score = {r["rid"]: r["score"] for r in best}  # the rank again in the second query would rank every match
        marks = ", ".join("?" * len(rowids))
        rows = self.conn.execute(
            f"SELECT a.rowid AS rid, a.id, a.title, a.outlet, a.published, a.language, "
            f"snippet(articles_fts, 1, '{MARK_OPEN}', '{MARK_CLOSE}', ' … ', 16) AS snippet "
            "FROM articles_fts JOIN articles a ON a.rowid = articles_fts.rowid "
            f"WHERE articles_fts MATCH ? AND articles_fts.rowid IN ({marks})", [match, *rowids]).fetchall()
        order = {rid: i for i, rid in enumerate(rowids)}
        out = sorted((dict(r) for r in rows), key=lambda r: order[r["rid"]])
        for r in out:
            r["score"] = score[r.pop("rid")]
        return out

    def entities(self, after: int = 0, limit: int = 50, type_: str | None = None,
                 name: str | None = None) -> list[dict[str, Any]]:
        filters: Filters = [("e.rowid > ?", [after])]
        if type_:
            filters.append(("e.type = ?", [type_.upper()]))
        if name:
            filters.append(("e.name LIKE ? ESCAPE '\\'", [contains(name)]))
        rows = self._rows(
            "SELECT e.rowid AS key, e.id, e.name, e.type, e.country, "
            "(SELECT count(*) FROM mentions m WHERE m.entity_id = e.id) AS mentions FROM entities e",
            filters, " ORDER BY e.rowid LIMIT ?", [limit])
        return [dict(r) for r in rows]

    def quotes(self, filters: Filters, after: int = 0, limit: int = 50) -> list[dict[str, Any]]:
        """Quotes after id ``after`` with their article's id, title and date."""
        rows = self._rows(
            "SELECT q.*, a.text AS article_text, a.title AS article_title, a.published FROM quotes q "
            "JOIN articles a ON a.id = q.article_id", [("q.id > ?", [after]), *filters],
            " ORDER BY q.id LIMIT ?", [limit])
        out = []
        for r in rows:
            data = quote_to_dict(quote_of_row(r), r["article_text"])
            data.update(key=r["id"], article_id=r["article_id"], article_title=r["article_title"],
                        published=r["published"], speaker_entity=r["speaker_entity_id"])
            out.append(data)
        return out

    _EVENT_SQL = (
        "SELECT e.id AS key, e.article_id, a.title AS article_title, a.published, e.category, e.action, "
        "e.modality, e.cameo, e.acled_event_type, e.acled_sub_event_type, e.actors, e.targets, e.place, "
        "e.country, e.latitude, e.longitude, e.date, e.confidence FROM events e "
        "JOIN articles a ON a.id = e.article_id"
    )

    def events(self, filters: Filters, after: int = 0, limit: int = 50) -> list[dict[str, Any]]:
        rows = self._rows(self._EVENT_SQL, [("e.id > ?", [after]), *filters], " ORDER BY e.id LIMIT ?", [limit])
        return [dict(r) for r in rows]

    def event_pairs(self, filters: Filters) -> Iterator[tuple[Article, Event]]:
        """Every (article, event) the filters select, for export."""
        where = " WHERE " + " AND ".join(c for c, _ in filters) if filters else ""
        args = [a for _, values in filters for a in values]
        sql = ("SELECT e.data, a.id, a.title, a.url, a.outlet, a.published, a.text FROM events e "
               "JOIN articles a ON a.id = e.article_id" + where + " ORDER BY e.id")
        for r in self.conn.execute(sql, args):
            art = Article(text=r["text"], id=r["id"], title=r["title"], url=r["url"], outlet=r["outlet"],
                          published=published_of(r["published"]))
            yield art, event_from_dict(json.loads(r["data"]))

    def entity_events(self, entity_id: str, limit: int = 100) -> list[dict[str, Any]]:
        """Events whose actors or targets are the entity (through ``event_entities``), each with
        ``as`` = "actor", "target" or "actor and target", in stored order."""
        rows = self.conn.execute(
            self._EVENT_SQL.replace("FROM events e", ", group_concat(DISTINCT ee.role) AS roles FROM events e")
            + " JOIN event_entities ee ON ee.event_id = e.id WHERE ee.entity_id = ? GROUP BY e.id ORDER BY e.id LIMIT ?",
            (entity_id, limit),
        )
        out = []
        for r in rows:
            row = dict(r)
            roles = set((row.pop("roles") or "").split(","))
            out.append({**row, "as": " and ".join(k for k in ("actor", "target") if k in roles)})
        return out

    def quotes_about(self, entity_id: str, limit: int = 100) -> list[dict[str, Any]]:
        """Quotes whose content holds a mention of the entity (at most ``limit``, in stored order)."""
        rows = self.conn.execute(
            "SELECT q.id, q.article_id, q.content, q.speaker, q.speaker_entity_id, q.cue "
            "FROM mentions m JOIN quotes q ON q.article_id = m.article_id AND m.start >= q.start AND m.end <= q.end "
            "WHERE m.entity_id = ? AND m.field = 'text' LIMIT ?", (entity_id, limit * 2))
        unique = {r["id"]: dict(r) for r in rows}
        return [unique[k] for k in sorted(unique)][:limit]

    def timeline(self, entity_id: str) -> list[dict[str, Any]]:
        """Articles mentioning the entity, counted by published day."""
        rows = self.conn.execute(
            "SELECT substr(a.published, 1, 10) AS day, count(DISTINCT a.id) AS articles FROM mentions m "
            "JOIN articles a ON a.id = m.article_id WHERE m.entity_id = ? AND a.published IS NOT NULL "
            "GROUP BY day ORDER BY day", (entity_id,))
        return [dict(r) for r in rows]

    def related(self, article_id: str) -> dict[str, list[dict[str, Any]]]:
        """Copies (sources holding the same text) and near-duplicates of an article."""
        copies = self.conn.execute(
            "SELECT s.path, c.position, c.url FROM copies c LEFT JOIN sources s ON s.id = c.source_id "
            "WHERE c.article_id = ? ORDER BY s.path, c.position", (article_id,)).fetchall()
        near = self.conn.execute(
            "SELECT id, title, outlet, published FROM articles WHERE near_duplicate_of = ? OR id = "
            "(SELECT near_duplicate_of FROM articles WHERE id = ?) ORDER BY rowid", (article_id, article_id))
        return {"copies": [dict(r) for r in copies], "near_duplicates": [dict(r) for r in near]}

    def choices(self) -> dict[str, list[str]]:
        """Distinct values for filter menus: outlets, languages, categories, countries, modalities."""
        queries = {
            "outlets": "SELECT DISTINCT outlet FROM articles WHERE outlet IS NOT NULL ORDER BY 1",
            "languages": "SELECT DISTINCT language FROM articles WHERE language IS NOT NULL ORDER BY 1",
            "categories": "SELECT DISTINCT category FROM events ORDER BY 1",
            "countries": "SELECT DISTINCT country FROM events WHERE country IS NOT NULL ORDER BY 1",
            "modalities": "SELECT DISTINCT modality FROM events WHERE modality IS NOT NULL ORDER BY 1",
            "acled": "SELECT DISTINCT acled_event_type FROM events WHERE acled_event_type IS NOT NULL ORDER BY 1",
        }
        return {k: [r[0] for r in self.conn.execute(sql)] for k, sql in queries.items()}

    def event_places(self, filters: Filters, limit: int = 2000) -> list[dict[str, Any]]:
        """Places of the selected events with coordinates, with how many events each holds."""
        join = " JOIN articles a ON a.id = e.article_id" if any(re.search(r"\ba\.", c) for c, _ in filters) else ""
        rows = self._rows(
            "SELECT e.place, e.country, e.latitude, e.longitude, count(*) AS events FROM events e" + join,
            [("e.latitude IS NOT NULL", []), *filters],
            " GROUP BY e.place, e.country, e.latitude, e.longitude ORDER BY events DESC LIMIT ?", [limit])
        return [dict(r) for r in rows]

    def article_brief(self, article_id: str) -> dict[str, Any] | None:
        """Id, title, outlet and date of one article, or None."""
        row = self.conn.execute("SELECT id, title, outlet, published FROM articles WHERE id = ?",
                                (article_id,)).fetchone()
        return dict(row) if row else None
