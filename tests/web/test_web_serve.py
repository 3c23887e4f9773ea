"""``dateline serve``: the real command serving a database, and a clear error without one."""

from __future__ import annotations

import socket
import subprocess
import time
from pathlib import Path
from typing import Any

import httpx

from clitools import dateline_command, run


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_serve_without_a_database_names_the_file(tmp_path: Path) -> None:
    proc = run("serve", "--db", str(tmp_path / "absent.db"), "--port", str(_free_port()), check=False, timeout=60)
    assert proc.returncode == 4
    assert "absent.db: no such database" in proc.stderr


def test_serve_answers_on_loopback(web_db: Path) -> None:
    port = _free_port()
    proc = subprocess.Popen([*dateline_command(), "serve", "--db", str(web_db), "--port", str(port)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        body: Any = None
        deadline = time.monotonic() + 30
        while body is None and time.monotonic() < deadline and proc.poll() is None:
            try:
                body = httpx.get(f"http://127.0.0.1:{port}/api/v1/articles?limit=1", timeout=2).json()
            except httpx.HTTPError:
                time.sleep(0.2)
        assert body is not None, proc.stderr.read() if proc.poll() is not None else "no answer"
        assert len(body["items"]) == 1 and body["next_cursor"]
        refused = httpx.get(f"http://127.0.0.1:{port}/", headers={"host": "rebound.example"}, timeout=5)
        assert refused.status_code == 400
    finally:
        proc.terminate()
        proc.wait(10)
