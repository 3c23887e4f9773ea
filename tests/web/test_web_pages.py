"""Server-rendered pages, downloads and the security rules, through httpx on a real database."""

from __future__ import annotations

import csv
import html
import io
import json
import re
import shutil
import sqlite3
from pathlib import Path
from typing import Any

import pytest

from dateline.errors import StoreError
from dateline.export import COLUMNS
from dateline.extract.events.calibration import SHOW_AT
from dateline.web.db import check_database, open_readonly, readonly_uri


def test_pages_render(client: Any, hostile_id: str) -> None:
    for path in ("/", "/search?q=ceasefire", "/entities", "/quotes", "/events", "/stories", "/contradictions",
                 "/docs", f"/articles/{hostile_id}"):
        r = client.get(path)
        assert r.status_code == 200, path
        assert r.headers["content-type"].startswith("text/html")
    home = client.get("/").text
    assert 'name="q"' in home and "articles" in home


def test_search_page_highlights_hits_and_escapes_snippets(client: Any, hostile_id: str) -> None:
    page = client.get("/search", params={"q": "statement website"}).text
    assert f'href="/articles/{hostile_id}"' in page
    assert "<mark>website</mark>" in page
    assert "<script>alert" not in page


def test_article_page_escapes_text_and_marks_spans(client: Any, hostile_id: str, hostile: dict[str, str]) -> None:
    page = client.get(f"/articles/{hostile_id}").text
    body = page.split('<div class="body" id="body">', 1)[1].split("</div>", 1)[0]
    assert html.unescape(re.sub(r"<[^>]*>", "", body)) == hostile["text"]
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "<script>alert" not in page and "<img" not in page and 'href="javascript' not in page
    assert "[bold red]market[/bold red]" in page
    assert 'class="mention"' in page and 'class="quote' in page
    assert "Harbour &lt;b&gt;Times&lt;/b&gt;" in page


def test_quotes_and_entity_pages_link_speakers(client: Any) -> None:
    page = client.get("/quotes", params={"speaker": "Haddad"}).text
    assert page.count("We were never consulted") == 1
    entity_link = page.split('<a href="/entities/', 1)[1].split('"', 1)[0]
    entity = client.get(f"/entities/{entity_link}").text
    assert "Karim Haddad" in entity and "2024-10-21" in entity


def test_events_page_draws_points_and_offers_downloads(client: Any) -> None:
    page = client.get("/events").text
    assert page.count('class="point"') >= 1 and 'class="grid main"' in page
    for fmt in ("csv", "jsonl", "parquet", "geojson"):
        assert f'href="/events/download.{fmt}"' in page
    filtered = client.get("/events", params={"category": "CONSULT"}).text
    assert 'href="/events/download.csv?category=CONSULT"' in filtered


def test_downloads_hold_the_selection(client: Any, web_db: Path) -> None:
    conn = sqlite3.connect(web_db)
    category, n = conn.execute(  # the downloads hold the events shown: those at or above the threshold
        "SELECT category, count(*) FROM events WHERE confidence >= ? GROUP BY category ORDER BY 2 DESC",
        (SHOW_AT,)).fetchone()
    conn.close()
    r = client.get("/events/download.csv", params={"category": category})
    assert r.status_code == 200 and "events.csv" in r.headers["content-disposition"]
    rows = list(csv.DictReader(io.StringIO(r.text)))
    assert list(rows[0]) == list(COLUMNS["dateline"]) and len(rows) == n
    assert {row["category"] for row in rows} == {category}
    lines = client.get("/events/download.jsonl", params={"category": category}).text.splitlines()
    assert len(lines) == n and json.loads(lines[0])["category"] == category
    geo = client.get("/events/download.geojson").json()
    assert geo["type"] == "FeatureCollection" and geo["features"]
    assert client.get("/events/download.parquet").content[:4] == b"PAR1"
    acled = client.get("/events/download.csv", params={"style": "acled"}).text.splitlines()[0]
    assert acled.split(",")[0] == "event_id_cnty"
    assert client.get("/events/download.exe").status_code == 404
    assert client.get("/events/download.csv", params={"style": "nope"}).status_code == 400


def test_security_headers_forbid_inline_script(client: Any, hostile_id: str) -> None:
    for path in ("/", f"/articles/{hostile_id}", "/api/v1/articles", "/api/v1/nothing"):
        csp = client.get(path).headers["content-security-policy"]
        assert "script-src 'self'" in csp and "unsafe-inline" not in csp and "default-src 'none'" in csp
    page = client.get(f"/articles/{hostile_id}").text
    assert "<script>" not in page and " style=" not in page and "onclick" not in page


@pytest.mark.parametrize("path", ["/static/../app.py", "/static/%2e%2e/app.py", "/static/..%2fapp.py",
                                  "/static/%2e%2e/%2e%2e/store/schema.py"])
def test_no_path_traversal(client: Any, path: str) -> None:
    r = client.get(path)
    assert r.status_code == 404 and "def " not in r.text


def test_unknown_hosts_are_refused(client: Any) -> None:
    assert client.get("/", headers={"host": "attacker.example"}).status_code == 400
    assert client.get("/", headers={"host": "localhost:8000"}).status_code == 200


def test_database_is_read_only_and_the_uri_is_escaped(web_db: Path, tmp_path: Path) -> None:
    reader = open_readonly(web_db)
    with pytest.raises(sqlite3.OperationalError):
        reader.conn.execute("DELETE FROM articles")
    reader.conn.close()
    odd = tmp_path / "news?mode=rwc#1%.db"
    shutil.copy(web_db, odd)
    assert readonly_uri(odd).endswith("news%3Fmode%3Drwc%231%25.db?mode=ro")
    reader = open_readonly(check_database(odd))
    assert reader.stats()["articles"] >= 8
    reader.conn.close()


def test_unusable_databases_are_named(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="missing.db: no such database"):
        check_database(tmp_path / "missing.db")
    junk = tmp_path / "junk.db"
    junk.write_text("not sqlite at all " * 100)
    with pytest.raises(StoreError, match="junk.db"):
        check_database(junk)
    empty = tmp_path / "empty.db"
    sqlite3.connect(empty).execute("CREATE TABLE t (x)").connection.close()
    with pytest.raises(StoreError, match="empty.db: not a dateline database"):
        check_database(empty)


def test_browsers_get_an_html_error_page_with_the_detail_escaped(client: Any) -> None:
    r = client.get("/articles/<img src=x onerror=alert(1)>", headers={"accept": "text/html"})
    assert r.status_code == 404 and r.headers["content-type"].startswith("text/html")
    assert "no article with id" in r.text and "&lt;img src=x onerror=alert(1)&gt;" in r.text and "<img" not in r.text
