"""After an ingest: bare surnames held under their own name are moved to the person a plan picks.

The plan (:meth:`dateline.corpus.linking.CorpusLinker.plan`) decides from what this module reads;
this module only reads the rows it needs and writes the moves.
"""

from __future__ import annotations

import sqlite3
from collections import Counter
from collections.abc import Callable, Sequence
from typing import Any

from .links import entity_has_events, move_event_links

Plan = Callable[[Sequence[dict[str, Any]], Sequence[dict[str, Any]]], Sequence[Any]]


def _neighbours(conn: sqlite3.Connection, entity_id: str, article_id: str | None = None) -> Counter[str]:
    """Entities named in the articles that name ``entity_id`` (or in ``article_id``), with article counts."""
    if article_id is not None:
        rows = conn.execute(
            "SELECT DISTINCT entity_id, 1 FROM mentions WHERE article_id = ? AND entity_id IS NOT NULL",
            (article_id,),
        )
    else:
        rows = conn.execute(
            "SELECT entity_id, count(DISTINCT article_id) FROM mentions WHERE article_id IN "
            "(SELECT article_id FROM mentions WHERE entity_id = ?) AND entity_id IS NOT NULL GROUP BY entity_id",
            (entity_id,),
        )
    found = Counter({r[0]: r[1] for r in rows})
    found.pop(entity_id, None)
    return found


def held_rows(conn: sqlite3.Connection) -> list[dict[str, Any]]:
    """One row per article and bare (one-word) PERSON entity named in it."""
    rows = conn.execute(
        "SELECT m.article_id, m.entity_id, e.name, group_concat(m.role, '|') FROM mentions m "
        "JOIN entities e ON e.id = m.entity_id WHERE e.type = 'PERSON' AND instr(trim(e.name), ' ') = 0 "
        "GROUP BY m.article_id, m.entity_id ORDER BY m.article_id, m.entity_id"
    ).fetchall()
    named: dict[str, set[str]] = {}  # article id -> the entities named in it, read once per article
    for r in rows:
        if r[0] not in named:
            named[r[0]] = set(_neighbours(conn, "", r[0]))
    return [
        {"article_id": r[0], "entity_id": r[1], "name": r[2], "roles": set(filter(None, (r[3] or "").split("|"))),
         "neighbours": named[r[0]] - {r[1]}}
        for r in rows
    ]  # fmt: skip


def people_rows(
    conn: sqlite3.Connection, surnames: set[str], surname: Callable[[str], tuple[str, ...]]
) -> list[dict[str, Any]]:
    """Full-name PERSON entities one of whose name parts (by ``surname``) is in ``surnames``."""
    out = []
    for eid, name, country in conn.execute(
        "SELECT id, name, country FROM entities WHERE type = 'PERSON' AND instr(trim(name), ' ') > 0"
    ).fetchall():
        if not surnames & set(surname(name)):
            continue
        count = conn.execute("SELECT count(*) FROM mentions WHERE entity_id = ?", (eid,)).fetchone()[0]
        roles = {r[0] for r in conn.execute("SELECT role FROM entity_roles WHERE entity_id = ?", (eid,))}
        out.append({"id": eid, "name": name, "country": country, "mentions": count, "roles": roles,
                    "neighbours": _neighbours(conn, eid)})  # fmt: skip
    return out


def apply_moves(conn: sqlite3.Connection, moves: Sequence[Any]) -> int:
    """Write ``moves``; bare entities left without mentions are removed. Returns how many were applied."""
    with conn:
        conn.execute("BEGIN IMMEDIATE")
        for mv in moves:
            where = (mv.source_id, mv.article_id)
            conn.execute(
                "UPDATE mentions SET entity_id = ? WHERE entity_id = ? AND article_id = ?",
                (mv.target_id, *where),
            )
            conn.execute(
                "UPDATE quotes SET speaker_entity_id = ? WHERE speaker_entity_id = ? AND article_id = ?",
                (mv.target_id, *where),
            )
            move_event_links(conn, mv.source_id, mv.target_id, article_id=mv.article_id)
            conn.execute(
                "UPDATE merges SET entity_id = ? WHERE entity_id = ? AND article_id = ?",
                (mv.target_id, *where),
            )
            name = conn.execute("SELECT name FROM entities WHERE id = ?", (mv.source_id,)).fetchone()[0]
            conn.execute(
                "INSERT INTO merges (entity_id, article_id, mention, start, end, rule, confidence, evidence) "
                "VALUES (?, ?, ?, NULL, NULL, ?, ?, ?)",
                (mv.target_id, mv.article_id, name, f"corpus:{mv.rule}", mv.confidence, mv.evidence),
            )
            conn.execute(
                "INSERT OR IGNORE INTO entity_aliases (entity_id, alias) VALUES (?, ?)", (mv.target_id, name)
            )
        for source_id in {mv.source_id for mv in moves}:
            _drop_if_empty(conn, source_id)
    return len(moves)


def _drop_if_empty(conn: sqlite3.Connection, entity_id: str) -> None:
    if conn.execute("SELECT 1 FROM mentions WHERE entity_id = ? LIMIT 1", (entity_id,)).fetchone():
        return
    if conn.execute("SELECT 1 FROM merges WHERE entity_id = ? LIMIT 1", (entity_id,)).fetchone():
        return
    if entity_has_events(conn, entity_id):
        return
    for table in ("entity_aliases", "entity_roles", "entity_keys"):
        conn.execute(f"DELETE FROM {table} WHERE entity_id = ?", (entity_id,))
    conn.execute("DELETE FROM entities WHERE id = ?", (entity_id,))


def relink(conn: sqlite3.Connection, rules: Any) -> int:
    """Ask ``rules.plan`` (with ``rules.surname`` and ``rules.name_parts``) where held one-word names go; write it."""
    held = held_rows(conn)
    if not held:
        return 0
    people = people_rows(conn, {rules.surname(h["name"]) for h in held}, rules.name_parts)
    moved = apply_moves(conn, rules.plan(held, people))
    keep_reasons(conn, getattr(rules, "held", []))
    return moved


def keep_reasons(conn: sqlite3.Connection, held: Sequence[tuple[str, str, str]]) -> None:
    """Say on each mention of a one-word name the plan left where it was why it stayed apart
    (``mentions.unlinked``, prefixed ``corpus:``), unless the article already gave a reason."""
    if not held:
        return
    with conn:
        conn.execute("BEGIN IMMEDIATE")
        conn.executemany(
            "UPDATE mentions SET unlinked = ? WHERE entity_id = ? AND article_id = ? AND unlinked IS NULL",
            [(f"corpus: {reason}", entity_id, article_id) for entity_id, article_id, reason in held],
        )
