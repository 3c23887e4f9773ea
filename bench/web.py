"""Latency of the web app's pages and API endpoints on a 10,000-article synthetic database.

The database is made by inserting rows straight into the store's schema (no parsing): articles
with titles, bodies and dates, entities and their mentions at real offsets, quotes and events with
places. Each page or endpoint is requested (answers not cached, so each is rendered) in process through httpx (FastAPI's TestClient, so the
whole ASGI stack runs but no socket, and each request also crosses the test client's thread portal)
or, with ``--server``, over a keep-alive HTTP connection to the app served by uvicorn on 127.0.0.1
(as ``dateline serve`` runs it); the bare SQLite query behind it is timed on a read-only
connection to the same file. Prints p50/p95 in milliseconds for both and the ratio of the p50s,
and the targets: p95 under 50 ms for API lists, under 150 ms for pages. Never asserts on time.

With ``--clients N`` it instead starts ``dateline serve`` as its own process and lets N clients
(threads, each with its own keep-alive connection) request every page and API list in turn for
``--seconds`` (bounded also by ``--repeat`` rounds per client), then prints p50/p95/p99 per request
and over all, requests per second, and the 300 ms p95 target. The synthetic database gets stories
(four articles each, with outlets and entities) so the home page and /stories have work to do.

Run: ``.venv/bin/python bench/web.py [--articles N] [--repeat N] [--db FILE] [--server]
[--clients N --seconds S]``.
"""

from __future__ import annotations

import argparse
import random
import shutil
import sqlite3
import statistics
import tempfile
import time
import warnings
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import httpx
from synthetic import build

from dateline.web import create_app
from dateline.web.background import served
from dateline.web.db import open_readonly

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

Case = tuple[str, str, str, tuple[Any, ...]]  # kind, url, bare SQL, its arguments


def cases(conn: sqlite3.Connection) -> list[Case]:
    """What to request, each with the SQL that answers it without the app."""
    half = conn.execute("SELECT count(*) FROM articles").fetchone()[0] // 2
    mid = conn.execute("SELECT rowid FROM articles ORDER BY rowid LIMIT 1 OFFSET ?", (half,)).fetchone()[0]
    aid = conn.execute("SELECT id FROM articles WHERE rowid = ?", (mid,)).fetchone()[0]
    eid = conn.execute("SELECT entity_id FROM mentions GROUP BY entity_id ORDER BY count(*) DESC LIMIT 1").fetchone()[0]
    from dateline.web.paging import encode

    cursor = encode(mid)
    art = "SELECT rowid, id, title, outlet, published, language, url FROM articles WHERE rowid > ? ORDER BY rowid LIMIT 51"
    one = "SELECT * FROM articles WHERE id = ?"
    return [
        ("list", "/api/v1/articles?limit=50", art, (0,)),
        ("list", f"/api/v1/articles?limit=50&cursor={cursor}", art, (mid,)),
        ("list", "/api/v1/articles?limit=50&outlet=Harbour%20Post", art.replace("WHERE", "WHERE outlet = 'Harbour Post' AND"), (0,)),
        ("list", "/api/v1/entities?limit=50", "SELECT * FROM entities WHERE rowid > ? ORDER BY rowid LIMIT 51", (0,)),
        ("list", "/api/v1/quotes?limit=50", "SELECT * FROM quotes WHERE id > ? ORDER BY id LIMIT 51", (0,)),
        ("list", "/api/v1/quotes?limit=50&speaker=Mansour", "SELECT * FROM quotes WHERE id > ? AND speaker LIKE '%Mansour%' ORDER BY id LIMIT 51", (0,)),
        ("list", "/api/v1/events?limit=50", "SELECT * FROM events WHERE id > ? ORDER BY id LIMIT 51", (0,)),
        ("list", "/api/v1/events?limit=50&category=ASSAULT&country=SDN", "SELECT * FROM events WHERE id > ? AND category = 'ASSAULT' AND country = 'SDN' ORDER BY id LIMIT 51", (0,)),
        ("list", "/api/v1/search?q=ceasefire%20talks&limit=20", "SELECT rowid FROM articles_fts WHERE articles_fts MATCH 'ceasefire talks' ORDER BY bm25(articles_fts) LIMIT 21", ()),
        ("list", "/api/v1/search?q=kalodor&limit=20", "SELECT rowid FROM articles_fts WHERE articles_fts MATCH 'kalodor' ORDER BY bm25(articles_fts) LIMIT 21", ()),
        ("detail", f"/api/v1/articles/{aid}", one, (aid,)),
        ("detail", f"/api/v1/entities/{eid}", "SELECT * FROM entities WHERE id = ?", (eid,)),
        ("page", "/", "SELECT count(*) FROM articles", ()),
        ("page", "/search?q=ceasefire%20talks", "SELECT rowid FROM articles_fts WHERE articles_fts MATCH 'ceasefire talks' ORDER BY bm25(articles_fts) LIMIT 21", ()),
        ("page", "/search?q=kalodor", "SELECT rowid FROM articles_fts WHERE articles_fts MATCH 'kalodor' ORDER BY bm25(articles_fts) LIMIT 21", ()),
        ("page", f"/articles/{aid}", one, (aid,)),
        ("page", f"/entities/{eid}", "SELECT * FROM entities WHERE id = ?", (eid,)),
        ("page", "/entities", "SELECT * FROM entities WHERE rowid > ? ORDER BY rowid LIMIT 51", (0,)),
        ("page", "/quotes?speaker=Mansour", "SELECT * FROM quotes WHERE id > ? AND speaker LIKE '%Mansour%' ORDER BY id LIMIT 51", (0,)),
        ("page", "/events", "SELECT * FROM events WHERE id > ? ORDER BY id LIMIT 51", (0,)),
        ("page", "/events?category=ASSAULT", "SELECT * FROM events WHERE id > ? AND category = 'ASSAULT' ORDER BY id LIMIT 51", (0,)),
        ("download", "/events/download.csv?category=ASSAULT&country=SDN", "SELECT data FROM events WHERE category = 'ASSAULT' AND country = 'SDN'", ()),
    ]  # fmt: skip


def timings(fn: Callable[[], object], repeat: int) -> list[float]:
    fn()  # warm up
    out = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        out.append((time.perf_counter() - start) * 1000)
    return out


def pct(values: list[float], q: float) -> float:
    return statistics.quantiles(values, n=100, method="inclusive")[int(q) - 1] if len(values) > 1 else values[0]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--articles", type=int, default=10_000)
    ap.add_argument("--repeat", type=int, default=30, help="requests per page or endpoint")
    ap.add_argument("--db", default=None, help="build (or reuse) the synthetic database here")
    ap.add_argument("--server", action="store_true", help="request a uvicorn server over a socket")
    ap.add_argument("--clients", type=int, default=0, help="concurrent clients against 'dateline serve'")
    ap.add_argument("--seconds", type=float, default=30.0, help="how long the concurrent clients run")
    args = ap.parse_args()
    scratch = None if args.db else Path(tempfile.mkdtemp(prefix="dateline-bench-"))
    db = Path(args.db) if args.db else Path(str(scratch)) / "web.db"
    try:
        if args.clients:
            from web_load import run_clients

            run_clients(db, args.articles, args.clients, args.seconds, args.repeat)
            return
        run(db, args.articles, args.repeat, args.server)
    finally:
        if scratch is not None:
            shutil.rmtree(scratch, ignore_errors=True)


@contextmanager
def client_for(db: Path, server: bool) -> Iterator[Any]:
    """An httpx client on the app: in process, or over a socket to uvicorn."""
    if not server:
        with TestClient(create_app(db, cache=False), base_url="http://127.0.0.1") as client:  # one event loop for all requests
            yield client
        return
    with served(create_app(db, cache=False)) as url, httpx.Client(base_url=url) as client:
        yield client


def run(db: Path, articles: int, repeat: int, server: bool = False) -> None:
    """Build the database at ``db`` unless it exists, then time every case."""
    if not db.exists():
        started = time.perf_counter()
        counts = build(db, articles, random.Random(7))
        print(f"built {db}: {counts} in {time.perf_counter() - started:.1f} s")
    bare = open_readonly(db).conn
    print("over a socket to uvicorn" if server else "in process (TestClient)")
    with client_for(db, server) as client:
        print(f"{'kind':8} {'request':58} {'p50':>7} {'p95':>7} {'sql p50':>8} {'sql p95':>8} {'ratio':>6}  target")
        for kind, url, sql, params in cases(bare):
            response = client.get(url)
            assert response.status_code == 200, (url, response.text[:200])
            app = timings(lambda url=url: client.get(url), repeat)
            raw = timings(lambda sql=sql, params=params: bare.execute(sql, params).fetchall(), repeat)
            target = {"list": 50.0, "page": 150.0}.get(kind)
            verdict = "" if target is None else ("ok" if pct(app, 95) < target else "OVER") + f" (<{target:.0f})"
            print(f"{kind:8} {url[:58]:58} {pct(app, 50):7.1f} {pct(app, 95):7.1f} {pct(raw, 50):8.2f} "
                  f"{pct(raw, 95):8.2f} {pct(app, 50) / max(pct(raw, 50), 1e-3):6.0f}  {verdict}")


if __name__ == "__main__":
    main()
