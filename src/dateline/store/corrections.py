"""Corrections of the automatic entity merges, stored with who, when and why, and re-applied after
every ingest so that they survive it; each can be undone.

- ``merge A B``: entity B (a name or an alias) becomes part of A: its mentions, quotes, aliases,
  roles, linking keys, merge evidence and events (as actor or target) move to A, and B is removed.
- ``split A ALIAS``: A's mentions, quotes and event actors and targets written ``ALIAS`` become an
  entity of their own, named ``ALIAS``.

Undoing a merge splits B's aliases (as recorded when the merge was made) back out of A; undoing a
split merges the alias's entity back into A. Writes only; each call is one transaction.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from datetime import UTC, datetime
from typing import Any

from ..errors import NotFoundError, UsageError
from .links import move_event_links

#: Tables whose rows point at an entity through ``entity_id``; rows are moved, duplicates dropped.
_OWNED = ("entity_aliases", "entity_roles", "entity_keys")


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _find(conn: sqlite3.Connection, name: str) -> str | None:
    row = conn.execute(
        "SELECT e.id FROM entities e WHERE lower(e.name) = lower(:n) OR e.id = :n OR e.id IN "
        "(SELECT entity_id FROM entity_aliases WHERE lower(alias) = lower(:n)) "
        "ORDER BY lower(e.name) = lower(:n) DESC, e.id LIMIT 1", {"n": name}).fetchone()
    return str(row[0]) if row else None


def _move(conn: sqlite3.Connection, old: str, new: str) -> None:
    """Point everything of entity ``old`` at ``new`` and remove ``old``."""
    for table in _OWNED:
        conn.execute(f"UPDATE OR IGNORE {table} SET entity_id = ? WHERE entity_id = ?", (new, old))
        conn.execute(f"DELETE FROM {table} WHERE entity_id = ?", (old,))
    conn.execute("UPDATE mentions SET entity_id = ? WHERE entity_id = ?", (new, old))
    conn.execute("UPDATE merges SET entity_id = ? WHERE entity_id = ?", (new, old))
    conn.execute("UPDATE quotes SET speaker_entity_id = ? WHERE speaker_entity_id = ?", (new, old))
    move_event_links(conn, old, new)
    conn.execute("DELETE FROM entities WHERE id = ?", (old,))


def merge(conn: sqlite3.Connection, keep: str, gone: str) -> dict[str, Any] | None:
    """Merge entity ``gone`` into ``keep`` (names or aliases); returns what was moved, or None if
    either is missing or they are already one."""
    a, b = _find(conn, keep), _find(conn, gone)
    if a is None or b is None or a == b:
        return None
    row = conn.execute("SELECT name, type, country FROM entities WHERE id = ?", (b,)).fetchone()
    aliases = [r[0] for r in conn.execute("SELECT alias FROM entity_aliases WHERE entity_id = ?", (b,))]
    keys = [r[0] for r in conn.execute("SELECT key FROM entity_keys WHERE entity_id = ?", (b,))]
    _move(conn, b, a)
    return {"name": row[0], "type": row[1], "country": row[2], "aliases": sorted({row[0], *aliases}), "keys": keys}


def split(conn: sqlite3.Connection, source: str, aliases: list[str], name: str | None = None,
          keys: list[str] | None = None) -> str | None:
    """Give ``source``'s mentions written as one of ``aliases`` an entity of their own; returns its id."""
    a = _find(conn, source)
    if a is None:
        return None
    lowered = [x.lower() for x in aliases]
    marks = ",".join("?" * len(lowered))
    if not conn.execute(f"SELECT 1 FROM mentions WHERE entity_id = ? AND lower(text) IN ({marks}) LIMIT 1",
                        (a, *lowered)).fetchone():
        return None
    row = conn.execute("SELECT type, country FROM entities WHERE id = ?", (a,)).fetchone()
    new = "x" + hashlib.sha1(f"{a}:{name or aliases[0]}".lower().encode()).hexdigest()[:15]
    conn.execute("INSERT OR IGNORE INTO entities (id, name, type, country) VALUES (?, ?, ?, ?)",
                 (new, name or aliases[0], row[0], row[1]))
    conn.execute(f"UPDATE mentions SET entity_id = ? WHERE entity_id = ? AND lower(text) IN ({marks})", (new, a, *lowered))
    conn.execute(f"UPDATE quotes SET speaker_entity_id = ? WHERE speaker_entity_id = ? AND "
                 f"lower(coalesce(speaker_mention, speaker, '')) IN ({marks})", (new, a, *lowered))
    move_event_links(conn, a, new, texts=lowered)
    for alias in aliases:
        conn.execute("DELETE FROM entity_aliases WHERE entity_id = ? AND lower(alias) = lower(?)", (a, alias))
        conn.execute("INSERT OR IGNORE INTO entity_aliases (entity_id, alias) VALUES (?, ?)", (new, alias))
    for key in keys or []:
        conn.execute("UPDATE OR IGNORE entity_keys SET entity_id = ? WHERE entity_id = ? AND key = ?", (new, a, key))
    return new


class Corrections:
    """Records, applies, lists and undoes entity corrections."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn

    def add(self, action: str, entity: str, other: str, who: str, why: str) -> int:
        if action not in ("merge", "split"):
            raise UsageError(f"unknown correction {action!r}; use merge or split")
        with self.conn:
            self.conn.execute("BEGIN IMMEDIATE")
            if _find(self.conn, entity) is None:
                raise NotFoundError(f"no entity named {entity!r}")
            detail = merge(self.conn, entity, other) if action == "merge" else split(self.conn, entity, [other])
            if detail is None:
                raise NotFoundError(f"nothing to {action}: {entity!r} and {other!r}")
            cur = self.conn.execute(
                "INSERT INTO entity_corrections (action, entity_a, entity_b, who, at, why, detail) "
                "VALUES (?, ?, ?, ?, ?, ?, ?)", (action, entity, other, who, _now(), why, json.dumps(detail)))
        return int(cur.lastrowid or 0)

    def reapply(self) -> int:
        """Apply every active correction again (after an ingest); returns how many changed something."""
        changed = 0
        with self.conn:
            self.conn.execute("BEGIN IMMEDIATE")
            for r in self.conn.execute(
                    "SELECT action, entity_a, entity_b FROM entity_corrections WHERE undone_at IS NULL ORDER BY id"
            ).fetchall():
                done = merge(self.conn, r[1], r[2]) if r[0] == "merge" else split(self.conn, r[1], [r[2]])
                changed += done is not None
        return changed

    def undo(self, correction_id: int) -> None:
        row = self.conn.execute("SELECT * FROM entity_corrections WHERE id = ?", (correction_id,)).fetchone()
        if row is None or row["undone_at"] is not None:
            raise NotFoundError(f"no active correction {correction_id}")
        with self.conn:
            self.conn.execute("BEGIN IMMEDIATE")
            if row["action"] == "merge":
                detail = json.loads(row["detail"] or "{}")
                split(self.conn, row["entity_a"], detail.get("aliases") or [row["entity_b"]], detail.get("name"),
                      detail.get("keys"))
            else:
                merge(self.conn, row["entity_a"], row["entity_b"])
            self.conn.execute("UPDATE entity_corrections SET undone_at = ? WHERE id = ?", (_now(), correction_id))

    def listing(self) -> list[dict[str, Any]]:
        return [{k: r[k] for k in ("id", "action", "entity_a", "entity_b", "who", "at", "why", "undone_at")}
                for r in self.conn.execute("SELECT * FROM entity_corrections ORDER BY id")]
