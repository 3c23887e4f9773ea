"""Event actors and targets that point at an entity (table ``event_entities``), moved with it.

Relinking and every correction (merge, split, undo) call :func:`move_event_links` beside the
moves of mentions and quotes, so an entity's events follow it. The event's stored data (which an
export reads whole) is rewritten at the same path, so the two never disagree.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence

_SIDE = {"actor": "actors", "target": "targets"}


def move_event_links(
    conn: sqlite3.Connection, old: str, new: str, article_id: str | None = None,
    texts: Sequence[str] | None = None,
) -> int:
    """Point the event actors and targets of entity ``old`` at ``new``: all of them, or those of one
    article, or those written as one of ``texts`` (case-insensitive). Returns how many moved."""
    where, args = "entity_id = ?", [old]
    if article_id is not None:
        where += " AND event_id IN (SELECT id FROM events WHERE article_id = ?)"
        args.append(article_id)
    if texts is not None:
        if not texts:
            return 0
        where += f" AND lower(coalesce(text, '')) IN ({','.join('?' * len(texts))})"
        args.extend(t.lower() for t in texts)
    rows = conn.execute(f"SELECT event_id, role, position FROM event_entities WHERE {where}", args).fetchall()
    conn.execute(f"UPDATE event_entities SET entity_id = ? WHERE {where}", [new, *args])
    for event_id, role, position in rows:
        conn.execute(
            "UPDATE events SET data = json_set(data, ?, ?) WHERE id = ?",
            (f"$.{_SIDE[role]}[{int(position)}].entity_id", new, event_id),
        )
    return len(rows)


def entity_has_events(conn: sqlite3.Connection, entity_id: str) -> bool:
    """Whether any event actor or target still points at ``entity_id``."""
    return conn.execute("SELECT 1 FROM event_entities WHERE entity_id = ? LIMIT 1", (entity_id,)).fetchone() is not None

