"""The one-writer lock is the real database file's: an ingest through a symbolic link (or another
spelling of the path) waits for one through the real path (real subprocess)."""

from __future__ import annotations

import os
import subprocess
import threading
import time
from pathlib import Path

from clitools import dateline_command
from dateline.store.connection import lock_file, writer_lock

STORY = "PORT ELLIS — Ferries resumed on Tuesday after a two-day pause, the port authority said.\n"


def test_every_spelling_of_one_database_shares_its_lock(tmp_path: Path) -> None:
    real = tmp_path / "data" / "real.db"
    real.parent.mkdir()
    link = tmp_path / "link.db"
    link.symlink_to(real)
    spellings = [real, link, tmp_path / "data" / ".." / "link.db", Path(os.path.relpath(real))]
    assert {lock_file(p) for p in spellings} == {Path(str(real) + ".lock")}


def _wait_for_line(proc: subprocess.Popen[str], needle: str, seconds: float) -> tuple[bool, str]:
    """Whether ``proc`` printed ``needle`` on stderr within ``seconds`` (it may exit first)."""
    seen: list[str] = []
    found = threading.Event()

    def read() -> None:
        assert proc.stderr is not None
        for line in proc.stderr:
            seen.append(line)
            if needle in line:
                found.set()

    threading.Thread(target=read, daemon=True).start()
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline and not found.is_set() and proc.poll() is None:
        found.wait(0.2)
    time.sleep(0.2)
    return found.is_set(), "".join(seen)


def test_an_ingest_through_a_link_waits_for_the_real_path(tmp_path: Path) -> None:
    news = tmp_path / "ferry.txt"
    news.write_text(STORY, encoding="utf-8")
    real = tmp_path / "real.db"
    link = tmp_path / "link.db"
    link.symlink_to(real)
    env = {**os.environ, "NO_COLOR": "1", "COLUMNS": "200"}
    with writer_lock(real):
        proc = subprocess.Popen([*dateline_command(), "ingest", str(news), "--db", str(link), "--quiet",
                                 "--defer-corpus"], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
                                env=env)
        try:
            waited, stderr = _wait_for_line(proc, "waiting for it to finish", 120)
        finally:
            proc.kill()
            proc.wait(30)
    assert waited, f"the ingest through the link did not wait for the writer of the real file:\n{stderr}"
    assert not (tmp_path / "link.db.lock").exists()
