"""The home page and /stories show a page of stories, not every story, and what they show (answered
from memory when repeated) follows the database when it changes (a real server over a real
database file)."""

from __future__ import annotations

import re
import shutil
import sqlite3
from pathlib import Path

import httpx

from dateline.web import create_app
from webtools import served

ROW = re.compile(r'<tr><td><a href="/stories/([^"]+)">')


def _add_stories(db: Path, count: int, prefix: str, day: str) -> None:
    conn = sqlite3.connect(db)
    with conn:
        conn.executemany(
            "INSERT INTO stories (id, title, first_seen, last_seen, articles, outlets, entities) "
            "VALUES (?, ?, ?, ?, 1, '[]', '[]')",
            [(f"{prefix}{n:04d}", f"Harbour report {prefix}{n}", day, day) for n in range(count)])
    conn.close()


def test_stories_are_paged_and_follow_the_database(web_db: Path, tmp_path: Path) -> None:
    db = tmp_path / "many.db"
    shutil.copy(web_db, db)
    _add_stories(db, 120, "bulk", "2020-01-01")
    with served(create_app(db)) as base, httpx.Client(base_url=base, timeout=30) as client:
        total = len(client.get("/api/v1/stories?limit=500").json()["items"])
        assert total >= 120
        seen: list[str] = []
        url: str | None = "/stories"
        while url:
            html = client.get(url).text
            rows = ROW.findall(html)
            assert 0 < len(rows) <= 50
            seen += rows
            found = re.search(r'<a href="([^"]+)" rel="next">', html)
            url = found.group(1).replace("&amp;", "&") if found else None
        assert len(seen) == len(set(seen)) == total
        first, again = client.get("/"), client.get("/")  # the second is answered from memory
        assert "Harbour report late" not in first.text and again.text == first.text
        assert again.headers["content-security-policy"] == first.headers["content-security-policy"]
        _add_stories(db, 1, "late", "2031-05-05")  # a newer story: the home page lists it now
        home = client.get("/").text
        assert "Harbour report late0" in home
        assert home.count('<li><a href="/stories/') <= 8
        assert len(client.get("/api/v1/stories?limit=500").json()["items"]) == total + 1
