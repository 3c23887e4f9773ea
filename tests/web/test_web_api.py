"""The JSON API under /api/v1 through httpx, against a real SQLite file."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

import pytest

PROBLEM = "application/problem+json"


def _all(client: Any, path: str, **params: Any) -> list[dict[str, Any]]:
    """Every item of a list endpoint, following next_cursor page by page."""
    items: list[dict[str, Any]] = []
    cursor = None
    for _ in range(1000):
        r = client.get(path, params={**params, **({"cursor": cursor} if cursor else {})})
        assert r.status_code == 200, r.text
        body = r.json()
        items += body["items"]
        cursor = body["next_cursor"]
        if cursor is None:
            return items
    raise AssertionError("pagination never ended")


def _count(db: Path, sql: str, *args: Any) -> int:
    conn = sqlite3.connect(db)
    try:
        return int(conn.execute(sql, args).fetchone()[0])
    finally:
        conn.close()


@pytest.mark.parametrize("path,table", [("/api/v1/articles", "articles"), ("/api/v1/entities", "entities"),
                                        ("/api/v1/quotes", "quotes"), ("/api/v1/events", "events")])
def test_cursor_pagination_walks_every_row_once(client: Any, web_db: Path, path: str, table: str) -> None:
    items = _all(client, path, limit=4, **({"all": "true"} if table == "events" else {}))
    keys = [item["key"] for item in items]
    assert len(keys) == _count(web_db, f"SELECT count(*) FROM {table}") > 4  # events: --all lists every one
    assert keys == sorted(set(keys))
    first = client.get(path, params={"limit": 4}).json()
    assert len(first["items"]) == 4 and first["limit"] == 4 and first["next_cursor"]


def test_article_detail_has_every_fact_with_spans_into_its_text(client: Any, hostile_id: str) -> None:
    art = client.get(f"/api/v1/articles/{hostile_id[:8]}").json()
    text = art["text"]
    assert art["id"] == hostile_id and "<script>alert(1)</script>" in text
    assert art["mentions"] and all(text[m["span"][0]:m["span"][1]] == m["text"] for m in art["mentions"])
    haddad = [q for q in art["quotes"] if q["speaker"] == "Karim Haddad"]
    assert haddad and all(text[s[0]:s[1]] for q in haddad for s in q["content_spans"])
    assert art["copies"] and art["copies"][0]["path"].endswith("hostile.jsonl")
    assert art["near_duplicates"] == []
    assert {e["name"] for e in art["entities"]} >= {"Karim Haddad", "Leila Mansour"}


def test_article_filters_outlet_language_and_dates(client: Any) -> None:
    rows = _all(client, "/api/v1/articles", outlet="Harbour <b>Times</b>")
    assert [r["title"][:12] for r in rows] == ["Council vote"]
    dated = _all(client, "/api/v1/articles", since="2024-10-01", until="2024-10-31")
    assert dated and all("2024-10-01" <= r["published"][:10] <= "2024-10-31" for r in dated)
    assert _all(client, "/api/v1/articles", language="xx") == []


def test_entity_detail_has_quotes_events_and_timeline(client: Any) -> None:
    (haddad,) = [e for e in _all(client, "/api/v1/entities", name="Haddad") if e["type"] == "PERSON"]
    ent = client.get(f"/api/v1/entities/{haddad['id']}").json()
    assert ent["name"] == "Karim Haddad" and ent["roles"]
    assert len(ent["quotes_by"]) == 2 and all(q["speaker"] == "Karim Haddad" for q in ent["quotes_by"])
    assert ent["timeline"] == [{"day": "2024-10-21", "articles": 1}]
    assert isinstance(ent["events"], list) and isinstance(ent["quotes_about"], list)


def test_quote_and_event_filters(client: Any) -> None:
    by = _all(client, "/api/v1/quotes", speaker="Haddad")
    assert len(by) == 2 and {q["speaker"] for q in by} == {"Karim Haddad"}
    direct = _all(client, "/api/v1/quotes", type="direct")
    assert direct and {q["type"] for q in direct} == {"direct"}
    anon = _all(client, "/api/v1/quotes", anonymous="true")
    assert {q["speaker_kind"] for q in anon} <= {"anonymous"}
    every = _all(client, "/api/v1/events")
    category = every[0]["category"]
    some = _all(client, "/api/v1/events", category=category.lower())
    assert some and {e["category"] for e in some} == {category} and len(some) <= len(every)
    country = next(e["country"] for e in every if e["country"])
    assert {e["country"] for e in _all(client, "/api/v1/events", country=country)} == {country}


def test_search_finds_with_snippet_and_survives_bad_syntax(client: Any, hostile_id: str) -> None:
    body = client.get("/api/v1/search", params={"q": "harbour market"}).json()
    assert body["items"][0]["id"] == hostile_id and "[harbour]" in body["items"][0]["snippet"].lower()
    odd = client.get("/api/v1/search", params={"q": 'al-"Asad AND ('})
    assert odd.status_code in (200, 400)
    assert odd.status_code == 200 or odd.headers["content-type"].startswith(PROBLEM)
    filtered = client.get("/api/v1/search", params={"q": "council", "outlet": "no such outlet"}).json()
    assert filtered["items"] == []


@pytest.mark.parametrize("path,status", [
    ("/api/v1/articles/ffffffffffff", 404), ("/api/v1/entities/nobody", 404),
    ("/api/v1/articles?cursor=not-a-cursor", 400), ("/api/v1/articles?limit=0", 422),
    ("/api/v1/articles?limit=100000", 422), ("/api/v1/events?since=yesterday", 422),
    ("/api/v1/search", 422), ("/api/v1/nothing", 404),
])
def test_errors_are_problem_details(client: Any, path: str, status: int) -> None:
    r = client.get(path)
    assert r.status_code == status
    assert r.headers["content-type"].startswith(PROBLEM)
    body = r.json()
    assert body["status"] == status and body["title"] and body["detail"] and body["instance"] == path.split("?")[0]


def test_openapi_is_served_locally(client: Any) -> None:
    spec = client.get("/openapi.json").json()
    assert {"/api/v1/articles", "/api/v1/articles/{article_id}", "/api/v1/search", "/api/v1/stories",
            "/api/v1/contradictions"} <= set(spec["paths"])
    page = client.get("/docs").text
    assert "/api/v1/articles/{article_id}" in page and "cursor" in page
    assert "cdn" not in page.lower() and "https://" not in page
