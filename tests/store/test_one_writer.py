"""Two ingests into one database: the second waits, with a clear message, until the first is done."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

from dateline import api
from dateline.store.connection import writer_lock

STORY = "PORT ELLIS — Ferries resumed on Tuesday after a two-day pause, the port authority said.\n"


def test_second_writer_waits_and_then_stores(tmp_path: Path, monkeypatch: Any) -> None:
    monkeypatch.setattr(api, "extraction_steps", lambda settings: [])
    news = tmp_path / "ferry.txt"
    news.write_text(STORY)
    db = str(tmp_path / "news.db")
    told: list[str] = []
    waiting = threading.Event()
    reports: list[api.IngestReport] = []

    def second() -> None:
        reports.append(api.ingest([str(news)], db, on_wait=lambda m: (told.append(m), waiting.set())))

    with writer_lock(db):
        worker = threading.Thread(target=second)
        worker.start()
        assert waiting.wait(60)
        assert not reports  # still waiting while the first writer holds the lock
    worker.join(60)
    assert told == [f"another ingest is writing to {db}; waiting for it to finish (Ctrl-C to stop)"]
    assert reports[0].articles == 1
