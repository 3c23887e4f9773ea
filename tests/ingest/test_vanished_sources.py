"""A file that disappears between being found and being read is not marked done: when it is back,
the next run reads it (real files, a real database)."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

from dateline import api

STORIES = {
    "a.txt": "PORT ELLIS — The harbour authority reopened the northern quay on Tuesday after repairs, officials said.\n",
    "b.txt": "GLENMORE — Flood water closed the valley road on Wednesday, and the county council sent two pumps.\n",
    "c.txt": "ARDMORE — The town's library will open on Sundays from next month, its board announced on Friday.\n",
}


def test_a_file_removed_mid_ingest_is_read_when_it_is_back(tmp_path: Path, monkeypatch: Any) -> None:
    monkeypatch.setattr(api, "extraction_steps", lambda settings: [])
    news = tmp_path / "news"
    news.mkdir()
    (news / "a.txt").write_text(STORIES["a.txt"], encoding="utf-8")
    db = tmp_path / "n.db"
    assert api.ingest([str(news)], db).articles == 1
    for name in ("b.txt", "c.txt"):
        (news / name).write_text(STORIES[name], encoding="utf-8")
    victim = news / "b.txt"

    def remove_b_once_found(done: int, total: int, path: str) -> None:
        # a.txt is counted as unchanged after every file was found and hashed, before b.txt is read
        if path.endswith("a.txt") and victim.exists():
            victim.unlink()

    second = api.ingest([str(news)], db, on_progress=remove_b_once_found)
    assert second.articles == 1 and second.drops.get("unreadable") == 1
    with sqlite3.connect(db) as conn:
        status = conn.execute("SELECT status FROM sources WHERE path = ?", (str(victim),)).fetchone()[0]
    assert status == "unread"
    victim.write_text(STORIES["b.txt"], encoding="utf-8")
    third = api.ingest([str(news)], db)
    assert third.articles == 1 and third.unchanged_sources == 2
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT count(*) FROM articles").fetchone()[0] == 3
        statuses = {row[0] for row in conn.execute("SELECT status FROM sources WHERE path = ?", (str(victim),))}
    assert statuses == {"done"}
