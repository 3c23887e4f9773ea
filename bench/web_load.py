"""Concurrent clients against a real ``dateline serve`` process (the ``--clients`` mode of
``bench/web.py``): every page and API list in turn, p50/p95/p99 per request and over all.

The server runs as its own process, as a user runs it, on 127.0.0.1; the clients are threads of
this process, each with one keep-alive connection, each starting at another place of the list.
Runs stop after ``seconds`` or ``rounds`` rounds per client, whichever comes first. Never asserts
on time.
"""

from __future__ import annotations

import json
import os
import random
import socket
import sqlite3
import statistics
import subprocess
import sys
import threading
import time
from collections import defaultdict
from pathlib import Path

import httpx
from synthetic import build

TARGET_P95_MS = 300.0


def add_stories(db: Path, per_story: int = 4) -> int:
    """Group the synthetic articles into stories of ``per_story`` (by title word) unless the
    database has stories; returns how many it holds."""
    conn = sqlite3.connect(db)
    try:
        held = conn.execute("SELECT count(*) FROM stories").fetchone()[0]
        if held:
            return int(held)
        rows = conn.execute("SELECT id, title, outlet, published FROM articles ORDER BY title, id").fetchall()
        people = [r[0] for r in conn.execute("SELECT name FROM entities ORDER BY name LIMIT 40")]
        rng = random.Random(11)
        with conn:
            for start in range(0, len(rows), per_story):
                chunk = rows[start:start + per_story]
                sid = f"s{start // per_story:06d}"
                days = sorted(str(r[3] or "") for r in chunk)
                conn.execute(
                    "INSERT INTO stories (id, title, representative, first_seen, last_seen, articles, outlets, entities) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    (sid, chunk[0][1], chunk[0][0], days[0], days[-1], len(chunk),
                     json.dumps(sorted({str(r[2]) for r in chunk})), json.dumps(rng.sample(people, min(4, len(people))))))
                conn.executemany("INSERT INTO story_articles (story_id, article_id, score) VALUES (?, ?, 1.0)",
                                 [(sid, r[0]) for r in chunk])
        return int(conn.execute("SELECT count(*) FROM stories").fetchone()[0])
    finally:
        conn.close()


class Requests:
    """Every page and API list a visitor asks for; detail pages, searches and later pages vary
    (drawn from the database), so that not every request repeats an earlier one."""

    LISTS = ["/", "/stories", "/entities", "/quotes", "/events", "/events?category=ASSAULT", "/contradictions",
             "/api/v1/articles?limit=50", "/api/v1/entities?limit=50", "/api/v1/quotes?limit=50",
             "/api/v1/events?limit=50", "/api/v1/events?limit=50&category=ASSAULT&country=SDN",
             "/api/v1/stories?limit=50", "/api/v1/contradictions?limit=50"]
    VARIED = ["/articles/{article}", "/entities/{entity}", "/stories/{story}", "/stories?after={offset}",
              "/search?q={word}", "/api/v1/search?q={word}&limit=20", "/api/v1/articles/{article}"]

    def __init__(self, db: Path) -> None:
        conn = sqlite3.connect(db)
        self.pools = {
            "article": [r[0] for r in conn.execute("SELECT id FROM articles ORDER BY random() LIMIT 2000")],
            "entity": [r[0] for r in conn.execute("SELECT id FROM entities ORDER BY random() LIMIT 500")],
            "story": [r[0] for r in conn.execute("SELECT id FROM stories ORDER BY random() LIMIT 2000")],
            "offset": [str(50 * n) for n in range(1, 40)],
            "word": [w for w in ("kalodor", "misudor", "ceasefire", "convoy", "harvest", "bridge", "sutedor",
                                 "rakador", "telador", "court")],
        }
        conn.close()

    def cycle(self, rng: random.Random) -> list[str]:
        """One round: every list, and every varied request with values drawn by ``rng``."""
        varied = [t.format(**{k: rng.choice(v) for k, v in self.pools.items() if v}) for t in self.VARIED]
        out = self.LISTS + varied
        rng.shuffle(out)
        return out

    @staticmethod
    def label(path: str) -> str:
        """The request's kind for the report: varied ones by their template."""
        for template in Requests.VARIED:
            head = template.split("{", 1)[0]
            if path.startswith(head) and (head != "/stories?after=" or "after" in path):
                return template
        return path


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _serve(db: Path) -> tuple[subprocess.Popen[bytes], str]:
    port = _free_port()
    exe = Path(sys.executable).parent / "dateline"
    command = [str(exe)] if exe.exists() else [sys.executable, "-m", "dateline.cli"]
    proc = subprocess.Popen([*command, "serve", "--db", str(db), "--port", str(port)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=dict(os.environ))
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            httpx.get(base + "/api/v1/articles?limit=1", timeout=2)
            return proc, base
        except httpx.HTTPError:
            time.sleep(0.2)
    proc.kill()
    raise RuntimeError("dateline serve did not answer within 60 s")


def _client(base: str, requests: Requests, seed: int, stop: float, rounds: int,
            out: dict[str, list[float]], errors: list[str], lock: threading.Lock) -> None:
    mine: dict[str, list[float]] = defaultdict(list)
    rng = random.Random(seed)
    with httpx.Client(base_url=base, timeout=60) as client:
        for _ in range(rounds):
            for path in requests.cycle(rng):
                if time.monotonic() > stop:
                    break
                started = time.perf_counter()
                answer = client.get(path)
                mine[Requests.label(path)].append((time.perf_counter() - started) * 1000)
                if answer.status_code != 200:
                    errors.append(f"{answer.status_code} {path}")
    with lock:
        for path, values in mine.items():
            out[path] += values


def _pct(values: list[float], q: int) -> float:
    return statistics.quantiles(values, n=100, method="inclusive")[q - 1] if len(values) > 1 else values[0]


def run_clients(db: Path, articles: int, clients: int, seconds: float, rounds: int) -> None:
    """Build the database unless it exists, serve it, and time ``clients`` concurrent clients."""
    if not db.exists():
        started = time.perf_counter()
        print(f"built {db}: {build(db, articles, random.Random(7))} in {time.perf_counter() - started:.1f} s")
    print(f"stories: {add_stories(db)}")
    requests = Requests(db)
    proc, base = _serve(db)
    out: dict[str, list[float]] = defaultdict(list)
    errors: list[str] = []
    lock = threading.Lock()
    try:
        for path in requests.cycle(random.Random(0)):  # warm-up (the first request reads the stories)
            httpx.get(base + path, timeout=120)
        stop = time.monotonic() + seconds
        started = time.perf_counter()
        threads = [threading.Thread(target=_client, args=(base, requests, i, stop, rounds, out, errors, lock))
                   for i in range(clients)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        elapsed = time.perf_counter() - started
    finally:
        proc.terminate()
        proc.wait(10)
    _report(out, errors, clients, elapsed)


def _report(out: dict[str, list[float]], errors: list[str], clients: int, elapsed: float) -> None:
    every = [v for values in out.values() for v in values]
    print(f"{clients} clients, {len(every)} requests in {elapsed:.1f} s: {len(every) / elapsed:.1f} requests/s, "
          f"{len(errors)} errors")
    print(f"{'request (varied ones by template)':58} {'n':>5} {'p50':>7} {'p95':>7} {'p99':>7}  target p95 < {TARGET_P95_MS:.0f} ms")
    for path, values in out.items():
        verdict = "ok" if _pct(values, 95) < TARGET_P95_MS else "OVER"
        print(f"{path[:58]:58} {len(values):5d} {_pct(values, 50):7.1f} {_pct(values, 95):7.1f} "
              f"{_pct(values, 99):7.1f}  {verdict}")
    print(f"{'all':58} {len(every):5d} {_pct(every, 50):7.1f} {_pct(every, 95):7.1f} {_pct(every, 99):7.1f}")
    for line in sorted(set(errors))[:10]:
        print("error:", line)
