"""A WAL database on read-only media is readable by ``dateline articles`` and ``dateline serve``
(real processes; the media is a tmpfs remounted read-only in a private mount namespace)."""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import time
from pathlib import Path
from typing import Any

import httpx
import pytest

from clitools import dateline_command
from dateline import api

STORY = "PORT ELLIS — Ferries resumed on Tuesday after a two-day pause, the port authority said.\n"
MOUNT = """set -e
mount -t tmpfs -o size=20m tmpfs "$1"
cp "$2" "$1"/news.db
mount -o remount,ro "$1"
shift 2
exec "$@"
"""


def _namespaces_work() -> bool:
    unshare = shutil.which("unshare")
    if unshare is None:
        return False
    return subprocess.run([unshare, "-rm", "true"], capture_output=True, timeout=30).returncode == 0


pytestmark = pytest.mark.skipif(not _namespaces_work(), reason="needs unshare with user and mount namespaces")


@pytest.fixture
def wal_db(tmp_path: Path, monkeypatch: Any) -> Path:
    monkeypatch.setattr(api, "extraction_steps", lambda settings: [])
    news = tmp_path / "ferry.txt"
    news.write_text(STORY, encoding="utf-8")
    db = tmp_path / "news.db"
    api.ingest([str(news)], db)
    assert db.read_bytes()[18:20] == b"\x02\x02"  # the file is in WAL mode
    return db


def _on_read_only_media(tmp_path: Path, db: Path, *command: str) -> list[str]:
    media = tmp_path / "media"
    media.mkdir()
    return ["unshare", "-rm", "sh", "-c", MOUNT, "sh", str(media), str(db), *command, "--db", str(media / "news.db")]


def test_articles_reads_a_wal_database_on_read_only_media(tmp_path: Path, wal_db: Path) -> None:
    env = {**os.environ, "NO_COLOR": "1", "COLUMNS": "200"}
    proc = subprocess.run(_on_read_only_media(tmp_path, wal_db, *dateline_command(), "articles", "--json"),
                          capture_output=True, text=True, env=env, timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert [row["title"] for row in json.loads(proc.stdout)] and "error" not in proc.stderr


def test_serve_reads_a_wal_database_on_read_only_media(tmp_path: Path, wal_db: Path) -> None:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    command = _on_read_only_media(tmp_path, wal_db, *dateline_command(), "serve", "--port", str(port))
    proc = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    try:
        answer = None
        deadline = time.monotonic() + 60
        while answer is None and time.monotonic() < deadline and proc.poll() is None:
            try:
                answer = httpx.get(f"http://127.0.0.1:{port}/api/v1/articles", timeout=5)
            except httpx.HTTPError:
                time.sleep(0.2)
        assert answer is not None, proc.stderr.read() if proc.stderr and proc.poll() is not None else "no answer"
        assert answer.status_code == 200 and len(answer.json()["items"]) == 1
    finally:
        proc.terminate()
        proc.wait(10)
