"""Read side of the store: listings, full articles, search. Never writes."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from ..errors import NotFoundError, QueryError, UsageError
from ..model import Article, Caption, Entity, Event, Mention, Provenance, Quote, Span
from ..serialize import event_from_dict, quote_to_dict
from .meta import read_meta
from .named import actor_condition, speaker_condition
from .rows import published_of as _published
from .rows import quote_of_row
from .views import CorpusViews

if TYPE_CHECKING:
    from .browse import Browse


class Reader:
    """Listings, full articles and search over one database. Use as a context manager, or call
    :meth:`close` when done."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Reader:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def has_article(self, article_id: str) -> bool:
        return self.conn.execute("SELECT 1 FROM articles WHERE id = ?", (article_id,)).fetchone() is not None

    # -- articles ------------------------------------------------------------------------------
    def _captions(self, article_id: str) -> list[Caption]:
        rows = self.conn.execute(
            "SELECT text, credit FROM captions WHERE article_id = ? ORDER BY position", (article_id,)
        )
        return [Caption(r["text"], r["credit"]) for r in rows]

    def _article_dict(self, row: sqlite3.Row) -> dict[str, Any]:
        caps = self._captions(row["id"])
        copies = self.conn.execute(
            "SELECT s.path, c.position, c.url FROM copies c LEFT JOIN sources s ON s.id = c.source_id "
            "WHERE c.article_id = ? ORDER BY s.path, c.position",
            (row["id"],),
        ).fetchall()
        return {
            "id": row["id"],
            "title": row["title"],
            "captions": [c.text for c in caps],
            "credits": [c.credit for c in caps if c.credit],
            "byline": row["byline"],
            "outlet": row["outlet"],
            "published": row["published"],
            "url": row["url"],
            "format": row["format"],
            "language": row["language"],
            "source": copies[0]["path"] if copies else None,
            "copies": len(copies),
            "near_duplicate_of": row["near_duplicate_of"],
            "text": row["text"],
        }

    def articles(self, limit: int | None = None, offset: int = 0, language: str | None = None) -> list[dict[str, Any]]:
        """Stored articles by date; ``language`` (ISO 639-1, e.g. ``de``) keeps only that language."""
        rows = self.conn.execute(
            "SELECT * FROM articles WHERE (? IS NULL OR language = ?) "
            "ORDER BY published IS NULL, published, rowid LIMIT ? OFFSET ?",
            (language, language and language.lower(), -1 if limit is None else limit, offset),
        ).fetchall()
        return [self._article_dict(r) for r in rows]

    def resolve_id(self, prefix: str) -> str:
        rows = self.conn.execute(
            "SELECT id FROM articles WHERE id >= ? AND id < ? LIMIT 2", (prefix, prefix + "\uffff")
        ).fetchall()
        if not rows:
            raise NotFoundError(f"no article with id {prefix!r}")
        if len(rows) > 1 and rows[0]["id"] != prefix:
            raise UsageError(f"article id prefix {prefix!r} is ambiguous; give more characters")
        return str(rows[0]["id"])

    def article(self, article_id: str) -> Article:
        """The stored article with all its facts (entities, quotes, events, dates, places)."""
        aid = self.resolve_id(article_id)
        row = self.conn.execute("SELECT * FROM articles WHERE id = ?", (aid,)).fetchone()
        src = self.conn.execute("SELECT path FROM sources WHERE id = ?", (row["source_id"],)).fetchone()
        art = Article(
            text=row["text"], id=aid, source=src["path"] if src else "", position=row["position"] or 0,
            format=row["format"] or "text", title=row["title"], captions=self._captions(aid),
            byline=row["byline"], outlet=row["outlet"], url=row["url"], published=_published(row["published"]),
            published_raw=row["published_raw"], language=row["language"],
        )
        art.provenance, art.cleaned = read_meta(row["meta"])
        art.provenance.ingested_at = row["ingested_at"]
        mentions = [
            Mention(Span(r["start"], r["end"]), r["text"], r["label"], r["entity_id"], r["role"], r["field"])
            for r in self.conn.execute("SELECT * FROM mentions WHERE article_id = ? ORDER BY start", (aid,))
        ]
        art.mentions = [m for m in mentions if m.field == "text"]
        art.caption_mentions = [m for m in mentions if m.field != "text"]
        ent_ids = sorted({m.entity_id for m in mentions if m.entity_id})
        art.entities = [self.entity(e) for e in ent_ids]
        art.quotes = [self._quote(r) for r in self.conn.execute(
            "SELECT * FROM quotes WHERE article_id = ? ORDER BY position", (aid,))]
        art.events = [event_from_dict(json.loads(r["data"])) for r in self.conn.execute(
            "SELECT data FROM events WHERE article_id = ? ORDER BY position", (aid,))]
        return art

    _quote = staticmethod(quote_of_row)

    # -- entities ------------------------------------------------------------------------------
    def entity(self, entity_id: str) -> Entity:
        row = self.conn.execute("SELECT * FROM entities WHERE id = ?", (entity_id,)).fetchone()
        if row is None:
            raise NotFoundError(f"no entity with id {entity_id!r}")
        aliases = [r[0] for r in self.conn.execute(
            "SELECT alias FROM entity_aliases WHERE entity_id = ? ORDER BY alias", (entity_id,))]
        roles = [r[0] for r in self.conn.execute(
            "SELECT role FROM entity_roles WHERE entity_id = ? ORDER BY role", (entity_id,))]
        return Entity(id=row["id"], name=row["name"], type=row["type"], aliases=aliases, roles=roles,
                      country=row["country"], affiliation=row["affiliation"], nationality=row["nationality"])

    def entities(self, type_: str | None = None) -> list[dict[str, Any]]:
        """Listed entities, most mentioned first; party and nationality words (attributes) are left out."""
        sql = (
            "SELECT e.id, count(m.id) AS mentions, count(DISTINCT m.article_id) AS articles FROM entities e "
            "LEFT JOIN mentions m ON m.entity_id = e.id "
            "WHERE NOT (e.type = 'NORP' AND (e.affiliation IS NOT NULL OR e.nationality IS NOT NULL)) "
            + ("AND e.type = ? " if type_ else "")
            + "GROUP BY e.id ORDER BY mentions DESC, e.name"
        )
        out = []
        for row in self.conn.execute(sql, (type_.upper(),) if type_ else ()):
            ent = self.entity(row["id"])
            merges = [dict(r) for r in self.conn.execute(
                "SELECT article_id, mention, start, end, rule FROM merges WHERE entity_id = ? ORDER BY id", (ent.id,))]
            out.append({
                "id": ent.id, "name": ent.name, "type": ent.type, "aliases": ent.aliases, "roles": ent.roles,
                "country": ent.country, "affiliation": ent.affiliation, "nationality": ent.nationality,
                "mentions": row["mentions"], "articles": row["articles"],
                "evidence": merges,
            })
        return out

    # -- search, quotes, events ----------------------------------------------------------------
    def search(self, query: str, limit: int = 20, language: str | None = None) -> list[dict[str, Any]]:
        """FTS5 search. A query that is not valid FTS5 syntax ("al-Asad") is retried word by word."""
        sql = (
            "SELECT a.id, a.title, a.published, a.outlet, a.language, "
            "snippet(articles_fts, 1, '[', ']', ' … ', 12) AS snippet, bm25(articles_fts) AS score "
            "FROM articles_fts JOIN articles a ON a.rowid = articles_fts.rowid "
            "WHERE articles_fts MATCH ? AND (? IS NULL OR a.language = ?) ORDER BY score LIMIT ?"
        )
        literal = " ".join('"' + word.replace('"', '""') + '"' for word in query.split())
        lang = language.lower() if language else None
        try:
            rows = self.conn.execute(sql, (query, lang, lang, limit)).fetchall()
        except sqlite3.OperationalError:
            try:
                rows = self.conn.execute(sql, (literal, lang, lang, limit)).fetchall()
            except sqlite3.OperationalError as exc:
                raise QueryError(f"bad search query {query!r}: {exc}") from exc
        return [dict(r) for r in rows]

    def _select(self, sql: str, order: str, filters: list[tuple[str, list[Any]]]) -> sqlite3.Cursor:
        """Run ``sql`` with the filters that apply (each a condition and its arguments), AND-ed."""
        where = [cond for cond, _ in filters]
        args = [a for _, values in filters for a in values]
        return self.conn.execute(sql + (" WHERE " + " AND ".join(where) if where else "") + order, args)

    def quotes(self, speaker: str | None = None, anonymous: bool = False,
               article: str | None = None) -> list[dict[str, Any]]:
        filters: list[tuple[str, list[Any]]] = []
        if speaker:
            filters.append(speaker_condition(speaker))
        if anonymous:
            filters.append(("q.speaker_kind = 'anonymous'", []))
        if article:
            filters.append(("q.article_id = ?", [self.resolve_id(article)]))
        out = []
        for r in self._select("SELECT q.*, a.text AS article_text FROM quotes q JOIN articles a ON a.id = q.article_id",
                              " ORDER BY a.rowid, q.position", filters):
            data = quote_to_dict(self._quote(r), r["article_text"])
            data["article_id"] = r["article_id"]
            out.append(data)
        return out

    def event_rows(self, actor: str | None = None, category: str | None = None,
                   article: str | None = None, min_confidence: float = 0.0) -> Iterator[tuple[Article, Event]]:
        filters: list[tuple[str, list[Any]]] = []
        if min_confidence > 0:
            filters.append(("e.confidence >= ?", [min_confidence]))
        if actor:
            filters.append(actor_condition(actor))
        if category:
            filters.append(("e.category = ?", [category.upper()]))
        if article:
            filters.append(("e.article_id = ?", [self.resolve_id(article)]))
        sql = ("SELECT e.data, a.id, a.title, a.url, a.outlet, a.published, a.text FROM events e "
               "JOIN articles a ON a.id = e.article_id")
        for r in self._select(sql, " ORDER BY a.rowid, e.position", filters):
            art = Article(text=r["text"], id=r["id"], title=r["title"], url=r["url"], outlet=r["outlet"],
                          published=_published(r["published"]))
            yield art, event_from_dict(json.loads(r["data"]))

    def drops(self) -> list[dict[str, Any]]:
        return [dict(r) for r in self.conn.execute(
            "SELECT path, position, reason, detail, at FROM drops ORDER BY id")]

    def languages_without_facts(self, parsed: frozenset[str]) -> list[dict[str, Any]]:
        """``language`` and ``articles`` for each stored language outside ``parsed`` (no facts extracted)."""
        marks = ", ".join("?" for _ in parsed) or "''"
        return [dict(r) for r in self.conn.execute(
            f"SELECT language, count(*) AS articles FROM articles WHERE language IS NOT NULL "
            f"AND language NOT IN ({marks}) GROUP BY language ORDER BY articles DESC, language", tuple(sorted(parsed)))]

    def sources(self) -> list[dict[str, Any]]:
        return [dict(r) for r in self.conn.execute("SELECT * FROM sources ORDER BY id")]

    def stats(self) -> dict[str, int]:
        out = {}
        for table in ("sources", "articles", "drops", "entities", "mentions", "quotes", "events"):
            out[table] = self.conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
        return out

    # -- export reads ----------------------------------------------------------------------------
    _ARTICLE_COLUMNS = ", ".join(f"a.{c} AS a_{c}" for c in ("id", "title", "url", "outlet", "published", "text",
                                                             "ingested_at"))

    def _has_column(self, table: str, column: str) -> bool:
        return any(r["name"] == column for r in self.conn.execute(f"PRAGMA table_info({table})"))

    def _export_article(self, r: sqlite3.Row) -> Article:
        return Article(text=r["a_text"], id=r["a_id"], title=r["a_title"], url=r["a_url"], outlet=r["a_outlet"],
                       published=_published(r["a_published"]),
                       provenance=Provenance(ingested_at=r["a_ingested_at"]))

    def export_events(self) -> Iterator[tuple[Article, Event, str | None, int]]:
        """Every stored event as (article, event, happening id, position of the event in its article).

        The article has ``provenance.ingested_at`` set. The happening id is None when the events table
        has no ``happening_id`` column (or no value); reports of one happening come one after another.
        """
        grouped = self._has_column("events", "happening_id")
        happening = "e.happening_id" if grouped else "NULL"
        order = "e.happening_id IS NULL, e.happening_id, " if grouped else ""
        sql = (f"SELECT e.data, e.position AS e_position, {happening} AS happening_id, {self._ARTICLE_COLUMNS} "
               f"FROM events e JOIN articles a ON a.id = e.article_id ORDER BY {order}a.rowid, e.position")
        for r in self.conn.execute(sql):
            h = r["happening_id"]
            yield (self._export_article(r), event_from_dict(json.loads(r["data"])), None if h is None else str(h),
                   int(r["e_position"]))

    def export_quotes(self) -> Iterator[tuple[Article, int, Quote]]:
        """Every stored quote with its article (``provenance.ingested_at`` set) and its position in it."""
        sql = (f"SELECT q.*, {self._ARTICLE_COLUMNS} FROM quotes q "
               "JOIN articles a ON a.id = q.article_id ORDER BY a.rowid, q.position")
        for r in self.conn.execute(sql):
            yield self._export_article(r), int(r["position"]), self._quote(r)
    # -- browsing (web app, JSON API) ----------------------------------------------------------
    def browse(self) -> Browse:
        """Filtered, keyset-paginated listings over this connection."""
        from .browse import Browse

        return Browse(self.conn)

    # -- corpus view (queries in store/views.py) -------------------------------------------------
    def story_inputs(self) -> list[dict[str, Any]]:
        return CorpusViews(self).story_inputs()

    def story_of_articles(self) -> dict[str, str]:
        return CorpusViews(self).story_of_articles()

    def claim_rows(self) -> list[dict[str, Any]]:
        return CorpusViews(self).claim_rows()

    def event_report_rows(self) -> list[dict[str, Any]]:
        return CorpusViews(self).event_report_rows()

    def stories(self, min_articles: int = 1) -> list[dict[str, Any]]:
        return CorpusViews(self).stories(min_articles)

    def resolve_story(self, prefix: str) -> str:
        return CorpusViews(self).resolve_story(prefix)

    def contradictions(self, story: str | None = None, everything: bool = False) -> list[dict[str, Any]]:
        return CorpusViews(self).contradictions(story, everything)

    def story(self, story_id: str) -> dict[str, Any]:
        return CorpusViews(self).story(story_id)

    def timeline(self, articles: list[str]) -> list[dict[str, Any]]:
        return CorpusViews(self).timeline(articles)

    def happening_event_rows(self) -> Iterator[tuple[Article, Event]]:
        return CorpusViews(self).happening_event_rows()

    def find_entity(self, name: str) -> str:
        return CorpusViews(self).find_entity(name)

    def entity_profile(self, name: str) -> dict[str, Any]:
        return CorpusViews(self).entity_profile(name)
