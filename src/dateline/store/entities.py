"""Storing entities merged with the corpus: an article's entities join what is stored.

Which stored entity a new one is the same as is decided elsewhere (``rules``:
:class:`dateline.corpus.linking.CorpusLinker` in a normal ingest; exact names by default); this
module reads the candidates the rules ask for and writes what they decide. What it writes does not
depend on the order articles come in, but for the id: where two articles give an entity different
names, it goes by the one of more words (then the capitalised one, then the first in code-point
order), and where they give it different countries (or affiliations, nationalities), the smallest
code is kept.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Sequence
from typing import Any, Protocol

from ..model import Entity, normalise_key


class LinkRules(Protocol):
    """Blocking keys of an entity and the decision (``target``, ``rule``, ``confidence``, ``evidence``)."""

    def keys(self, entity: Entity) -> set[str]: ...

    def match(self, entity: Entity, candidates: Sequence[Entity]) -> Any: ...


#: ``plan(held, people)`` → moves (``source_id``, ``article_id``, ``target_id``, ``rule``, ``confidence``, ``evidence``).
PlanFn = Callable[[Sequence[dict[str, Any]], Sequence[dict[str, Any]]], Sequence[Any]]


class ExactNames:
    """Default rules: one entity per type and normalised name."""

    def keys(self, entity: Entity) -> set[str]:
        return {f"{entity.type}:{normalise_key(n)}" for n in [entity.name, *entity.aliases]}

    def match(self, entity: Entity, candidates: Sequence[Entity]) -> Any:
        for cand in candidates:
            if cand.type == entity.type and normalise_key(cand.name) == normalise_key(entity.name):
                return _Same(cand)
        return None


#: Entities read per query (SQLite limits the parameters of one statement).
_LOAD_BATCH = 500


def _name_order(name: str) -> tuple[int, bool, str]:
    """Which of two names of one entity it goes by, whatever order they come in: the one of more
    words, then a capitalised one, then the first in code-point order."""
    return -len(name.split()), not name[:1].isupper(), name


class _Same:
    def __init__(self, target: Entity, rule: str = "exact") -> None:
        self.target, self.rule, self.confidence, self.evidence = target, rule, 1.0, ""


class EntityLinker:
    """Finds the stored entity a new one is the same as (by ``rules``), or stores it as new."""

    def __init__(self, conn: sqlite3.Connection, rules: LinkRules | None = None) -> None:
        self.conn = conn
        self.rules: LinkRules = rules or ExactNames()

    def _load(self, ids: list[str]) -> list[Entity]:
        """The stored entities of ``ids``, in that order, read in three queries per few hundred."""
        if len(ids) > _LOAD_BATCH:
            return [e for n in range(0, len(ids), _LOAD_BATCH) for e in self._load(ids[n : n + _LOAD_BATCH])]
        if not ids:
            return []
        marks = ",".join("?" * len(ids))
        rows = {r["id"]: r for r in self.conn.execute(f"SELECT * FROM entities WHERE id IN ({marks})", ids)}
        names: dict[str, list[str]] = {i: [] for i in ids}
        roles: dict[str, list[str]] = {i: [] for i in ids}
        for owner, alias in self.conn.execute(
            f"SELECT entity_id, alias FROM entity_aliases WHERE entity_id IN ({marks}) ORDER BY entity_id, alias", ids
        ):
            names[owner].append(alias)
        for owner, role in self.conn.execute(
            f"SELECT entity_id, role FROM entity_roles WHERE entity_id IN ({marks}) ORDER BY entity_id, role", ids
        ):
            roles[owner].append(role)
        return [
            Entity(
                id=row["id"],
                name=row["name"],
                type=row["type"],
                aliases=names[i],
                roles=roles[i],
                country=row["country"],
                affiliation=row["affiliation"],
                nationality=row["nationality"],
            )
            for i in ids
            if (row := rows.get(i)) is not None
        ]

    def _candidates(self, keys: set[str], entity_id: str) -> list[Entity]:
        """The stored entities sharing a key with a new one: only the one of the same id when there
        is one (it is the match), read without its aliases and roles."""
        found = (
            [
                r[0]
                for r in self.conn.execute(
                    f"SELECT DISTINCT entity_id FROM entity_keys WHERE key IN ({','.join('?' * len(keys))})",
                    list(keys),
                )
            ]
            if keys
            else []
        )
        if entity_id in found:
            row = self.conn.execute("SELECT * FROM entities WHERE id = ?", (entity_id,)).fetchone()
            if row is not None:  # the match: of it only the id and the country are read
                return [Entity(id=row["id"], name=row["name"], type=row["type"], country=row["country"])]
        return self._load(found)

    def link(self, article_id: str, entity: Entity) -> tuple[str, bool]:
        """Store ``entity`` (merged into an existing one where the rules say so).

        Returns the stored id and whether a new entity was created.
        """
        keys = self.rules.keys(entity)
        candidates = self._candidates(keys, entity.id)
        exact = next((c for c in candidates if c.id == entity.id), None)
        hit = _Same(exact, "same-id") if exact else self.rules.match(entity, candidates)
        if hit is None:
            target_id = entity.id
            self.conn.execute(
                "INSERT OR IGNORE INTO entities (id, name, type, country, affiliation, nationality) "
                "VALUES (?, ?, ?, ?, ?, ?)",
                (entity.id, entity.name, entity.type, entity.country, entity.affiliation, entity.nationality),
            )
            created = self.conn.execute("SELECT changes()").fetchone()[0] > 0
        else:
            created, target_id = False, hit.target.id
            if entity.name != hit.target.name and _name_order(entity.name) < _name_order(hit.target.name):
                self.conn.execute("UPDATE entities SET name = ? WHERE id = ?", (entity.name, target_id))
                self.conn.execute(
                    "INSERT OR IGNORE INTO entity_aliases (entity_id, alias) VALUES (?, ?)", (target_id, hit.target.name)
                )
            # Where articles disagree, the smallest value is kept: the same whatever order they come in.
            if entity.country and (hit.target.country is None or entity.country < hit.target.country):
                self.conn.execute("UPDATE entities SET country = ? WHERE id = ?", (entity.country, target_id))
            if entity.affiliation is not None or entity.nationality is not None:
                self.conn.execute(
                    "UPDATE entities SET affiliation = min(coalesce(affiliation, ?1), coalesce(?1, affiliation)), "
                    "nationality = min(coalesce(nationality, ?2), coalesce(?2, nationality)) WHERE id = ?3",
                    (entity.affiliation, entity.nationality, target_id),
                )
            self.conn.execute(
                "INSERT INTO merges (entity_id, article_id, mention, start, end, rule, confidence, evidence) "
                "VALUES (?, ?, ?, NULL, NULL, ?, ?, ?)",
                (
                    target_id,
                    article_id,
                    entity.name,
                    f"corpus:{hit.rule}",
                    hit.confidence,
                    hit.evidence or None,
                ),
            )
        self._write_names(target_id, article_id, entity, keys)
        return target_id, created

    def _write_names(self, target_id: str, article_id: str, entity: Entity, keys: set[str]) -> None:
        names = {entity.name, *entity.aliases}
        self.conn.executemany(
            "INSERT OR IGNORE INTO entity_aliases (entity_id, alias) VALUES (?, ?)",
            [(target_id, n) for n in names],
        )
        self.conn.executemany(
            "INSERT OR IGNORE INTO entity_roles (entity_id, role) VALUES (?, ?)",
            [(target_id, r) for r in entity.roles],
        )
        self.conn.executemany(
            "INSERT OR IGNORE INTO entity_keys (key, entity_id) VALUES (?, ?)", [(k, target_id) for k in keys]
        )
        self.conn.executemany(
            "INSERT INTO merges (entity_id, article_id, mention, start, end, rule) VALUES (?, ?, ?, ?, ?, ?)",
            [
                (
                    target_id,
                    article_id,
                    ev.mention,
                    ev.span.start if ev.span else None,
                    ev.span.end if ev.span else None,
                    ev.rule,
                )
                for ev in entity.evidence
            ],
        )
