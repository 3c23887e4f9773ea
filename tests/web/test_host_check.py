"""``dateline serve`` answers only loopback Host headers on every loopback address (IPv6 too), and
refuses edits on a network address unless told in so many words (real servers, real processes)."""

from __future__ import annotations

import socket
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx
import pytest

from clitools import dateline_command, run


def _free_port(family: socket.AddressFamily, address: str) -> int:
    with socket.socket(family) as s:
        s.bind((address, 0))
        return int(s.getsockname()[1])


@contextmanager
def _serving(db: Path, host: str, port: int, *extra: str) -> Iterator[str]:
    """A real ``dateline serve`` on ``host:port``; yields its base URL once it answers."""
    proc = subprocess.Popen([*dateline_command(), "serve", "--db", str(db), "--host", host, "--port", str(port),
                             *extra], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    base = f"http://[{host}]:{port}" if ":" in host else f"http://{host}:{port}"
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and proc.poll() is None:
            try:
                httpx.get(base + "/api/v1/articles?limit=1", timeout=2)
                break
            except httpx.HTTPError:
                time.sleep(0.2)
        assert proc.poll() is None, proc.stderr.read() if proc.stderr else "the server stopped"
        yield base
    finally:
        proc.terminate()
        proc.wait(10)


@pytest.mark.parametrize(("family", "host"), [(socket.AF_INET6, "::1"), (socket.AF_INET, "127.0.0.2")])
def test_foreign_host_headers_are_refused_on_every_loopback(web_db: Path, family: socket.AddressFamily,
                                                            host: str) -> None:
    try:
        port = _free_port(family, host)
    except OSError:
        pytest.skip(f"{host} cannot be bound on this machine")
    with _serving(web_db, host, port) as base:
        refused = httpx.get(base + "/api/v1/articles?limit=1", headers={"host": "evil.example"}, timeout=5)
        assert refused.status_code == 400
        rebound = httpx.get(base + "/", headers={"host": f"evil.example:{port}"}, timeout=5)
        assert rebound.status_code == 400
        own = httpx.get(base + "/api/v1/articles?limit=1", timeout=5)
        assert own.status_code == 200 and own.json()["items"]
        named = httpx.get(base + "/api/v1/articles?limit=1", headers={"host": f"localhost:{port}"}, timeout=5)
        assert named.status_code == 200


def test_edits_on_a_network_address_need_an_explicit_flag(web_db: Path) -> None:
    proc = run("serve", "--db", str(web_db), "--host", "0.0.0.0", "--port", str(_free_port(socket.AF_INET, "0.0.0.0")),
               "--allow-edits", check=False, timeout=60)
    assert proc.returncode == 2 and "--allow-edits-from-network" in proc.stderr
    assert "Traceback" not in proc.stderr
