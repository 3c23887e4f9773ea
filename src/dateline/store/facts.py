"""Every stored fact of a database in a canonical, id-sorted form, to compare two databases.

Two ingests of the same inputs, by different engines or before and after a refactor, must store the
same facts. Row ids, timestamps and source row numbers differ between runs for reasons that say
nothing about the facts, so :func:`dump_facts` leaves them out (a source is named by its path) and
sorts every table's rows.

>>> facts_a = dump_facts(connect("a.db", readonly=True))   # doctest: +SKIP
>>> diff_facts(facts_a, dump_facts(connect("b.db", readonly=True)))  # doctest: +SKIP
[]
"""

from __future__ import annotations

import sqlite3
from collections import Counter
from typing import Any

#: Columns whose values depend on when or in which order rows were written, not on the facts.
VOLATILE = frozenset({"ingested_at", "at", "started_at", "finished_at"})
#: Tables whose ``id`` column is a row number assigned by insertion order.
ROW_NUMBERED = frozenset({"sources", "drops", "mentions", "merges", "quotes", "events"})
#: SQLite's own tables and the full-text index (its content is the articles table).
SKIPPED_PREFIXES = ("sqlite_", "articles_fts")

Row = tuple[Any, ...]
Facts = dict[str, list[Row]]


def fact_tables(conn: sqlite3.Connection) -> list[str]:
    """The names of the tables that hold facts, sorted."""
    rows = conn.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").fetchall()
    return [r[0] for r in rows if not r[0].startswith(SKIPPED_PREFIXES)]


def _columns(conn: sqlite3.Connection, table: str) -> list[str]:
    return [r[1] for r in conn.execute(f'PRAGMA table_info("{table}")').fetchall()]


def _sort_key(row: Row) -> tuple[tuple[int, str], ...]:
    """Rows may mix None, numbers, text and bytes: order by (kind, text) for a total order."""
    return tuple((0, "") if v is None else (1, repr(v)) for v in row)


def dump_table(conn: sqlite3.Connection, table: str, source_paths: dict[int, str]) -> list[Row]:
    """One table's rows without volatile columns, ``source_id`` replaced by the source path, sorted."""
    columns = [c for c in _columns(conn, table) if c not in VOLATILE]
    if table in ROW_NUMBERED:
        columns = [c for c in columns if c != "id"]
    if not columns:
        return []
    quoted = ", ".join(f'"{c}"' for c in columns)
    rows: list[Row] = []
    for raw in conn.execute(f'SELECT {quoted} FROM "{table}"'):
        row = tuple(raw)
        if "source_id" in columns:
            i = columns.index("source_id")
            row = (*row[:i], source_paths.get(row[i], row[i]), *row[i + 1 :])
        rows.append(row)
    header = tuple(columns)
    return [header, *sorted(rows, key=_sort_key)]


def dump_facts(conn: sqlite3.Connection) -> Facts:
    """Every fact table as ``{table: [header, *sorted rows]}``; equal dumps mean equal facts."""
    paths = {int(r[0]): str(r[1]) for r in conn.execute("SELECT id, path FROM sources")}
    return {table: dump_table(conn, table, paths) for table in fact_tables(conn)}


def diff_facts(left: Facts, right: Facts, limit: int = 5) -> list[str]:
    """Human-readable differences between two dumps (at most ``limit`` rows per table); [] if equal."""
    out: list[str] = []
    for table in sorted(set(left) | set(right)):
        a, b = left.get(table, []), right.get(table, [])
        if a == b:
            continue
        if a[:1] != b[:1]:
            out.append(f"{table}: columns differ: {a[:1]} vs {b[:1]}")
            continue
        left_rows, right_rows = Counter(a[1:]), Counter(b[1:])
        only_a = list((left_rows - right_rows).elements())
        only_b = list((right_rows - left_rows).elements())
        out.append(f"{table}: {len(a) - 1} vs {len(b) - 1} rows")
        out += [f"  only left: {r!r}"[:300] for r in only_a[:limit]]
        out += [f"  only right: {r!r}"[:300] for r in only_b[:limit]]
    return out


def count_facts(facts: Facts) -> int:
    """How many rows the dump holds over all tables."""
    return sum(max(len(rows) - 1, 0) for rows in facts.values())
