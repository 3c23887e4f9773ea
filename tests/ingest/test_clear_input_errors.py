"""Inputs that used to give unclear results: an over-long WARC header line is ``malformed_warc``
whatever its size; a feed title's terminal controls never reach the database; an SQLite file of
another program is refused unless asked (real files, real databases, the real command)."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

import pytest

from clitools import run
from dateline import api
from dateline.ingest.reader import read_paths

PAGE = (b"<html><head><title>Ferries resume</title></head><body><p>PORT ELLIS - Ferries resumed on Tuesday "
        b"after a two-day pause, the port authority said in a statement on its website.</p></body></html>")


def _record(extra: bytes = b"") -> bytes:
    http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n" + PAGE
    return (b"WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: http://port.example/a\r\n"
            b"WARC-Record-ID: <urn:uuid:0f1e2d3c>\r\nContent-Type: application/http; msgtype=response\r\n" + extra
            + b"Content-Length: " + str(len(http)).encode() + b"\r\n\r\n" + http + b"\r\n\r\n")


@pytest.mark.parametrize("size", [2_000_000, 5_000_000, 50_000_000])
def test_an_over_long_warc_header_line_is_malformed_warc(tmp_path: Path, size: int) -> None:
    archive = tmp_path / "long.warc"
    archive.write_bytes(_record() + _record(b"WARC-Note: " + b"a" * size + b"\r\n") + _record())
    articles = list(read_paths([str(archive)]))
    drops = [a.drop for a in articles if a.drop is not None]
    assert [d.reason for d in drops] == ["malformed_warc"]
    assert "header line runs over 1,048,576 bytes" in drops[0].detail
    assert sum(1 for a in articles if a.drop is None) == 1  # the record before it is kept


FEED = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Harbour\x1b[31m Wire\x07&#7;</title><link>http://port.example/</link>
<item><title>Ferries resume</title><link>http://port.example/a</link><pubDate>Tue, 06 Aug 2024 09:00:00 GMT</pubDate>
<description>PORT ELLIS - Ferries resumed on Tuesday after a two-day pause, the port authority said in a
statement on its website.</description></item></channel></rss>
"""


def test_a_feed_title_loses_its_terminal_controls(tmp_path: Path, monkeypatch: Any) -> None:
    monkeypatch.setattr(api, "extraction_steps", lambda settings: [])
    feed = tmp_path / "port.rss"
    feed.write_text(FEED, encoding="utf-8")
    db = tmp_path / "n.db"
    assert api.ingest([str(feed)], db).articles == 1
    with sqlite3.connect(db) as conn:
        (outlet,) = conn.execute("SELECT outlet FROM articles").fetchone()
    assert outlet and "Harbour" in outlet and "Wire" in outlet
    assert not any(ord(c) < 0x20 or 0x7F <= ord(c) <= 0x9F for c in outlet), repr(outlet)


def _foreign(path: Path) -> None:
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE invoices (id INTEGER PRIMARY KEY, total REAL)")
    conn.execute("INSERT INTO invoices (total) VALUES (12.5)")
    conn.commit()
    conn.close()


def test_a_foreign_sqlite_file_is_refused(tmp_path: Path) -> None:
    news = tmp_path / "ferry.txt"
    news.write_text("PORT ELLIS — Ferries resumed on Tuesday after a two-day pause, the port authority said.\n",
                    encoding="utf-8")
    books = tmp_path / "books.sqlite"
    _foreign(books)
    proc = run("ingest", str(news), "--db", str(books), "--quiet", check=False)
    assert proc.returncode == 4 and "another program's tables (invoices)" in proc.stderr and "--foreign-db" in proc.stderr
    with sqlite3.connect(books) as conn:
        assert [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")] == ["invoices"]
    proc = run("relink", "--db", str(books), check=False)
    assert proc.returncode == 4 and "another program's tables" in proc.stderr


def test_a_foreign_sqlite_file_is_used_when_asked(tmp_path: Path, monkeypatch: Any) -> None:
    monkeypatch.setattr(api, "extraction_steps", lambda settings: [])
    news = tmp_path / "ferry.txt"
    news.write_text("PORT ELLIS — Ferries resumed on Tuesday after a two-day pause, the port authority said.\n",
                    encoding="utf-8")
    books = tmp_path / "books.sqlite"
    _foreign(books)
    assert api.ingest([str(news)], books, foreign_db=True).articles == 1
    with sqlite3.connect(books) as conn:
        assert conn.execute("SELECT total FROM invoices").fetchone()[0] == 12.5
        assert conn.execute("SELECT count(*) FROM articles").fetchone()[0] == 1
