"""An ingest that fills the disk says so and that the database is intact, never that it "may be
corrupt" (real processes on a small tmpfs in a private mount namespace)."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
from pathlib import Path
from typing import Any

import pytest

from clitools import dateline_command
from dateline import api

STORY = "PORT ELLIS — Ferries resumed on Tuesday after a two-day pause, the port authority said.\n"
LATER = ("GLENMORE — Flood water closed the valley road on Wednesday, and the county council sent two pumps "
         "and a crew of twelve to clear it, a spokeswoman said.\n")
# mount a small tmpfs, copy the database and the news there, leave ROOM kilobytes free, ingest, then
# free the space and check the database
SCRIPT = """set -e
mount -t tmpfs -o size=600k tmpfs "$1"
cp "$2" "$1"/news.db
cp "$3" "$1"/later.txt
free=$(df -k "$1" | awk 'NR==2 {print $4}')
dd if=/dev/zero of="$1"/fill bs=1k count=$((free - $4)) 2>/dev/null || true
set +e
"$5" ingest "$1"/later.txt --db "$1"/news.db --quiet --defer-corpus
echo "exit=$?"
rm "$1"/fill
python3 -c 'import sqlite3, sys; c = sqlite3.connect(sys.argv[1]); print("integrity=" + c.execute("PRAGMA integrity_check").fetchone()[0]); print("articles=%d" % c.execute("SELECT count(*) FROM articles").fetchone()[0])' "$1"/news.db
"""


def _namespaces_work() -> bool:
    unshare = shutil.which("unshare")
    return unshare is not None and subprocess.run([unshare, "-rm", "true"], capture_output=True,
                                                  timeout=30).returncode == 0


@pytest.mark.skipif(not _namespaces_work(), reason="needs unshare with user and mount namespaces")
def test_a_full_disk_is_named_and_the_database_stays_intact(tmp_path: Path, monkeypatch: Any) -> None:
    monkeypatch.setattr(api, "extraction_steps", lambda settings: [])
    first = tmp_path / "first.txt"
    first.write_text(STORY, encoding="utf-8")
    db = tmp_path / "news.db"
    api.ingest([str(first)], db)
    later = tmp_path / "later.txt"
    later.write_text(LATER, encoding="utf-8")
    command = dateline_command()
    assert len(command) == 1, "needs the installed dateline command"
    failures = []
    for room in (8, 32, 64):
        media = tmp_path / f"media{room}"
        media.mkdir()
        proc = subprocess.run(["unshare", "-rm", "sh", "-c", SCRIPT, "sh", str(media), str(db), str(later),
                               str(room), command[0]], capture_output=True, text=True, timeout=300,
                              env={**os.environ, "NO_COLOR": "1", "COLUMNS": "300"})
        assert "integrity=ok" in proc.stdout and "articles=" in proc.stdout, proc.stdout + proc.stderr
        assert "corrupt" not in proc.stderr and "Traceback" not in proc.stderr, proc.stderr
        if "exit=0" not in proc.stdout:
            failures.append(proc.stderr)
    assert failures, "no run filled the disk"
    assert all("disk is full" in message for message in failures), failures
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT count(*) FROM articles").fetchone()[0] == 1
