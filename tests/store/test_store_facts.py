"""The canonical facts dump: equal for equal facts, whatever the row ids and times; differences named."""

from __future__ import annotations

import sqlite3

from dateline.store import connect
from dateline.store.facts import count_facts, diff_facts, dump_facts


def _db(order: list[tuple[str, str]], when: str) -> sqlite3.Connection:
    conn = connect(":memory:")
    conn.execute("INSERT INTO sources (id, path, sha256, status, started_at) VALUES (7, 'a.txt', 'x', 'done', ?)",
                 (when,))
    for article_id, text in order:
        conn.execute("INSERT INTO articles (id, source_id, position, text, ingested_at) VALUES (?, 7, 0, ?, ?)",
                     (article_id, text, when))
        conn.execute("INSERT INTO drops (source_id, path, position, reason, at) VALUES (7, 'a.txt', ?, 'no_text', ?)",
                     (len(text), when))
    return conn


def test_same_facts_in_another_order_and_time_dump_equal() -> None:
    rows = [("b1", "Troops withdrew."), ("a2", "Talks resumed in Doha.")]
    left = dump_facts(_db(rows, "2024-08-01T10:00:00"))
    right = dump_facts(_db(rows[::-1], "2025-01-01T00:00:00"))
    assert left == right and diff_facts(left, right) == []
    assert left["articles"][0][:2] == ("id", "source_id") and "ingested_at" not in left["articles"][0]
    assert [r[0] for r in left["articles"][1:]] == ["a2", "b1"] and left["articles"][1][1] == "a.txt"
    assert count_facts(left) == 5  # one source, two articles, two drops


def test_a_changed_fact_is_named() -> None:
    left = dump_facts(_db([("a2", "Talks resumed in Doha.")], "t"))
    right = dump_facts(_db([("a2", "Talks resumed in Cairo.")], "t"))
    diff = diff_facts(left, right)
    assert diff[0] == "articles: 1 vs 1 rows"
    assert any("Doha" in line and "only left" in line for line in diff)
    assert any("Cairo" in line and "only right" in line for line in diff)
