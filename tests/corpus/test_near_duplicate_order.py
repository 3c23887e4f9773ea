"""Near-duplicate groups do not depend on the order articles are ingested: A then B gives the same
groups, leaders and links as B then A, also when a later article bridges two earlier ones (real
files, real databases)."""

from __future__ import annotations

import sqlite3
from itertools import permutations
from pathlib import Path
from typing import Any

from dateline import api
from dateline.corpus.dedup import signature, similarity


def _body(common: range, own: list[str]) -> str:
    """A report: numbered crates counted at the quay (shared by all three), plus its own lines."""
    lines = [f"Inspectors at Port Ellis counted crate {n} on the north quay on Tuesday." for n in common]
    return "PORT ELLIS — " + " ".join(lines + own) + "\n"


def _reports() -> dict[str, str]:
    common = range(100, 200)
    left = [f"The harbour master said barge lefty{n} would sail at dawn." for n in range(10)]
    right = [f"The ferry company said vessel righty{n} was delayed by fog." for n in range(10)]
    return {"left.txt": _body(common, left), "middle.txt": _body(common, left[:5] + right[:5]),
            "right.txt": _body(common, right)}


def _links(db: Path) -> set[tuple[str, str | None]]:
    with sqlite3.connect(db) as conn:
        return set(conn.execute("SELECT id, near_duplicate_of FROM articles"))


def test_groups_do_not_depend_on_the_ingest_order(tmp_path: Path, monkeypatch: Any) -> None:
    monkeypatch.setattr(api, "extraction_steps", lambda settings: [])
    reports = _reports()
    sig = {name: signature(text) for name, text in reports.items()}
    # the middle report is a near copy of both others, which are not near copies of each other
    assert similarity(sig["left.txt"], sig["middle.txt"]) >= 0.8 <= similarity(sig["middle.txt"], sig["right.txt"])
    assert similarity(sig["left.txt"], sig["right.txt"]) < 0.8
    outcomes = []
    for number, order in enumerate(permutations(reports)):
        folder = tmp_path / f"run{number}"
        folder.mkdir()
        db = folder / "news.db"
        for name in order:  # one ingest per file, in this order
            (folder / name).write_text(reports[name], encoding="utf-8")
            api.ingest([str(folder / name)], db, settings=None)
        outcomes.append(_links(db))
    assert all(len(links) == 3 for links in outcomes)
    assert sum(1 for _, lead in outcomes[0] if lead) == 2  # one group of three: two links
    assert all(links == outcomes[0] for links in outcomes), outcomes
