"""Requests borrow a pooled read-only connection: one connection serves request after request while
the database is unchanged, a write makes the next request read afresh (and see it), and a connection
given back inside a transaction is closed rather than lent again."""

from __future__ import annotations

import shutil
import sqlite3
import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from dateline.web import create_app
from dateline.web.pool import ReaderPool

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient


@pytest.fixture()
def copy(web_db: Path, tmp_path: Path) -> Path:
    target = tmp_path / "web.db"
    shutil.copy(web_db, target)
    return target


@pytest.fixture()
def app_client(copy: Path) -> Iterator[tuple[Any, TestClient]]:
    app = create_app(copy, cache=False)
    with TestClient(app, base_url="http://127.0.0.1") as client:
        yield app, client


def _first_article(client: TestClient) -> dict[str, Any]:
    answer = client.get("/api/v1/articles?limit=1")
    assert answer.status_code == 200
    return dict(answer.json()["items"][0])


def test_one_connection_serves_successive_requests(app_client: tuple[Any, TestClient]) -> None:
    app, client = app_client
    pool: ReaderPool = app.state.readers
    first = _first_article(client)
    assert len(pool.idle) == 1 and not pool.lent
    kept = pool.idle[0][1]
    assert client.get(f"/articles/{first['id']}").status_code == 200
    assert client.get(f"/api/v1/articles/{first['id']}").status_code == 200
    assert [rd for _, rd in pool.idle] == [kept]  # the same connection, lent and given back each time


def test_a_write_is_seen_and_the_old_connection_closed(app_client: tuple[Any, TestClient], copy: Path) -> None:
    app, client = app_client
    pool: ReaderPool = app.state.readers
    first = _first_article(client)
    old = pool.idle[0][1]
    writer = sqlite3.connect(copy)
    with writer:
        writer.execute("UPDATE articles SET title = 'Renamed after the first request' WHERE id = ?", (first["id"],))
    writer.close()
    answer = client.get(f"/api/v1/articles/{first['id']}")
    assert answer.status_code == 200 and answer.json()["title"] == "Renamed after the first request"
    assert "Renamed after the first request" in client.get(f"/articles/{first['id']}").text
    with pytest.raises(sqlite3.ProgrammingError):  # closed, not lent again
        old.conn.execute("SELECT 1")
    assert all(rd is not old for _, rd in pool.idle)


def test_a_connection_inside_a_transaction_is_not_kept(copy: Path) -> None:
    app = create_app(copy, cache=False)
    pool: ReaderPool = app.state.readers
    rd = pool.take()
    rd.conn.execute("BEGIN")
    rd.conn.execute("SELECT count(*) FROM articles").fetchone()
    pool.give_back(rd)
    assert not pool.idle
    with pytest.raises(sqlite3.ProgrammingError):
        rd.conn.execute("SELECT 1")
    calm = pool.take()
    pool.give_back(calm)
    assert [r for _, r in pool.idle] == [calm]
    pool.close()
    assert not pool.idle
    with pytest.raises(sqlite3.ProgrammingError):
        calm.conn.execute("SELECT 1")
