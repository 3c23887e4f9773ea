"""A database kept beside its inputs is not read as news; a broken .jsonl line is named."""

from __future__ import annotations

from pathlib import Path

from dateline.ingest.sniff import sniff
from dateline.ingest.source import discover


def test_walk_passes_over_database_files(tmp_path: Path) -> None:
    (tmp_path / "story.txt").write_text("Dockers returned to work on Monday.\n", encoding="utf-8")
    for name in ("news.db", "news.db-wal", "news.db-shm", "news.db.lock", "x.sqlite", "y.sqlite3", "z-journal"):
        (tmp_path / name).write_bytes(b"SQLite format 3\x00")
    assert [Path(s.path).name for s in discover([tmp_path])] == ["story.txt"]


def test_a_database_named_explicitly_is_checked_and_dropped(tmp_path: Path) -> None:
    db = tmp_path / "news.db"
    db.write_bytes(b"SQLite format 3\x00" + b"\x00" * 100)
    (source,) = discover([db])
    assert source.error is not None and source.error.reason == "binary_file"
    assert "SQLite" in source.error.detail


def test_a_jsonl_file_with_a_broken_first_line_goes_to_the_jsonl_reader() -> None:
    assert sniff(b'{"id": 1, "text": ', "feed.jsonl") == ("jsonl", None)
    assert sniff(b'{"id": 1, "text": ', "feed.ndjson") == ("jsonl", None)
    assert sniff(b"{ not json at all", "notes.txt") == ("text", None)
