"""Storing entities merged with the corpus: an article's entities join what is stored.

Which stored entity a new one is the same as is decided by rules passed in (``keys``, ``match``):
:func:`dateline.corpus.linking.corpus_rules` in a normal ingest; exact names by default.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Sequence

from ..model import Entity, normalise_key

KeysFn = Callable[[Entity], set[str]]
MatchFn = Callable[[Entity, Sequence[Entity]], "tuple[Entity, str] | None"]


def _default_keys(entity: Entity) -> set[str]:
    return {f"{entity.type}:{normalise_key(n)}" for n in [entity.name, *entity.aliases]}


def _default_match(entity: Entity, candidates: Sequence[Entity]) -> tuple[Entity, str] | None:
    for cand in candidates:
        if cand.type == entity.type and normalise_key(cand.name) == normalise_key(entity.name):
            return cand, "exact"
    return None


class EntityLinker:
    """Finds the stored entity a new one is the same as, or stores it as new."""

    def __init__(self, conn: sqlite3.Connection, rules: tuple[KeysFn, MatchFn] | None = None) -> None:
        self.conn = conn
        self.keys, self.match = rules or (_default_keys, _default_match)

    def _load(self, entity_id: str) -> Entity:
        row = self.conn.execute("SELECT * FROM entities WHERE id = ?", (entity_id,)).fetchone()
        aliases = [r[0] for r in self.conn.execute("SELECT alias FROM entity_aliases WHERE entity_id = ?", (entity_id,))]
        roles = [r[0] for r in self.conn.execute("SELECT role FROM entity_roles WHERE entity_id = ?", (entity_id,))]
        return Entity(id=row["id"], name=row["name"], type=row["type"], aliases=aliases, roles=roles,
                      country=row["country"])

    def link(self, article_id: str, entity: Entity) -> tuple[str, bool]:
        """Store ``entity`` (merged into an existing one where the rules say so).

        Returns the stored id and whether a new entity was created.
        """
        keys = self.keys(entity)
        found = self.conn.execute(
            f"SELECT DISTINCT entity_id FROM entity_keys WHERE key IN ({','.join('?' * len(keys))})", list(keys)
        ).fetchall() if keys else []
        candidates = [self._load(r[0]) for r in found]
        exact = next((c for c in candidates if c.id == entity.id), None)
        hit = (exact, "same-id") if exact else self.match(entity, candidates)
        created = hit is None
        if hit is None:
            target_id = entity.id
            self.conn.execute(
                "INSERT OR IGNORE INTO entities (id, name, type, country) VALUES (?, ?, ?, ?)",
                (entity.id, entity.name, entity.type, entity.country),
            )
            created = self.conn.execute("SELECT changes()").fetchone()[0] > 0
        else:
            target, rule = hit
            target_id = target.id
            if target.country is None and entity.country:
                self.conn.execute("UPDATE entities SET country = ? WHERE id = ?", (entity.country, target_id))
            self.conn.execute(
                "INSERT INTO merges (entity_id, article_id, mention, start, end, rule) VALUES (?, ?, ?, NULL, NULL, ?)",
                (target_id, article_id, entity.name, f"corpus:{rule}"),
            )
        names = {entity.name, *entity.aliases}
        self.conn.executemany(
            "INSERT OR IGNORE INTO entity_aliases (entity_id, alias) VALUES (?, ?)", [(target_id, n) for n in names]
        )
        self.conn.executemany(
            "INSERT OR IGNORE INTO entity_roles (entity_id, role) VALUES (?, ?)", [(target_id, r) for r in entity.roles]
        )
        self.conn.executemany(
            "INSERT OR IGNORE INTO entity_keys (key, entity_id) VALUES (?, ?)", [(k, target_id) for k in keys]
        )
        self.conn.executemany(
            "INSERT INTO merges (entity_id, article_id, mention, start, end, rule) VALUES (?, ?, ?, ?, ?, ?)",
            [
                (target_id, article_id, ev.mention, ev.span.start if ev.span else None,
                 ev.span.end if ev.span else None, ev.rule)
                for ev in entity.evidence
            ],
        )
        return target_id, created
