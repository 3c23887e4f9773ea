"""Finding an entity by a name (story pages' entity links, the CLI's profiles): migration 7 adds
indexes on lower(name) and lower(alias), the lookup uses them instead of scanning, and the winner
among entities sharing a name is still the one named so, then the most mentioned, then the smallest id."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from dateline.errors import NotFoundError
from dateline.store.connection import connect
from dateline.store.reader import Reader
from dateline.store.schema import MIGRATIONS
from dateline.store.views import CorpusViews


@pytest.fixture()
def conn(tmp_path: Path) -> sqlite3.Connection:
    """A database with an article and entities sharing names, one of them only as an alias."""
    db = connect(tmp_path / "names.db")
    db.execute("INSERT INTO sources (id, path, sha256, size, format, status) VALUES (1, 'f', 'x', 0, 'jsonl', 'done')")
    db.execute("INSERT INTO articles (id, source_id, position, format, text) VALUES ('a1', 1, 0, 'jsonl', ?)",
               ("Amal Saleh met Amal Saleh and AMAL SALEH at the port. " * 4,))
    entities = [("e3", "Amal Saleh", 1), ("e2", "amal saleh", 3), ("e1", "AMAL SALEH", 3), ("e0", "Port Authority", 9)]
    for eid, name, mentions in entities:
        db.execute("INSERT INTO entities (id, name, type) VALUES (?, ?, 'PERSON')", (eid, name))
        db.executemany("INSERT INTO mentions (article_id, entity_id, start, end, text, label) "
                       "VALUES ('a1', ?, ?, ?, ?, 'PERSON')", [(eid, i, i + 4, name[:4]) for i in range(mentions)])
    db.execute("INSERT INTO entity_aliases (entity_id, alias) VALUES ('e0', 'Amal Saleh'), ('e0', 'The Port')")
    db.commit()
    return db


def test_migration_adds_the_name_indexes(conn: sqlite3.Connection) -> None:
    names = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'index'")}
    assert {"entities_lower_name", "entity_aliases_lower_alias"} <= names
    assert conn.execute("PRAGMA user_version").fetchone()[0] == len(MIGRATIONS)


def test_the_lookup_uses_the_indexes_not_a_scan(conn: sqlite3.Connection) -> None:
    plan = " | ".join(r[3] for r in conn.execute("EXPLAIN QUERY PLAN " + CorpusViews._NAMED, {"n": "amal saleh"}))
    assert "entities_lower_name" in plan and "entity_aliases_lower_alias" in plan, plan
    assert "SCAN entities" not in plan and "SCAN entity_aliases" not in plan, plan


def test_named_before_alias_then_most_mentioned_then_smallest_id(conn: sqlite3.Connection) -> None:
    conn.row_factory = sqlite3.Row
    reader = Reader(conn)
    # e0 has the most mentions but holds the name only as an alias; e1 and e2 tie on mentions
    assert reader.find_entity("Amal Saleh") == "e1"
    assert reader.find_entity("aMaL sAlEh") == "e1"
    assert reader.find_entity("the port") == "e0"  # an alias alone
    assert reader.find_entity("e3") == "e3"  # an id
    with pytest.raises(NotFoundError):
        reader.find_entity("Nobody Here")
