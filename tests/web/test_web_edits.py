"""Entity merge, split and undo from the pages: only with allow_edits, only by POST with a CSRF
token from this site, stored like the CLI's corrections; through httpx on a copy of a real database."""

from __future__ import annotations

import re
import shutil
import sqlite3
import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest


def _client(db: Path, allow_edits: bool) -> Any:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from fastapi.testclient import TestClient
    from dateline.web import create_app

    return TestClient(create_app(db, allow_edits=allow_edits), base_url="http://127.0.0.1",
                      follow_redirects=False)


@pytest.fixture()
def edit_db(web_db: Path, tmp_path: Path) -> Path:
    """A writable copy of the web database."""
    target = tmp_path / "edit.db"
    shutil.copy(web_db, target)
    return target


@pytest.fixture()
def editor(edit_db: Path) -> Iterator[Any]:
    with _client(edit_db, allow_edits=True) as c:
        yield c


def _people(db: Path) -> list[tuple[str, str]]:
    """(id, name) of the people with the most mentions first."""
    conn = sqlite3.connect(db)
    rows = conn.execute(
        "SELECT e.id, e.name FROM entities e JOIN mentions m ON m.entity_id = e.id WHERE e.type = 'PERSON' "
        "GROUP BY e.id ORDER BY count(*) DESC, e.id").fetchall()
    conn.close()
    return [(str(r[0]), str(r[1])) for r in rows]


def _token(page: str) -> str:
    found = re.search(r'name="csrf" value="([0-9a-f]{64})"', page)
    assert found, "the page has no edit form"
    return found.group(1)


def test_read_only_server_offers_no_edits(edit_db: Path) -> None:
    keep, gone = _people(edit_db)[:2]
    with _client(edit_db, allow_edits=False) as c:
        page = c.get(f"/entities/{keep[0]}").text
        assert 'name="csrf"' not in page and "read-only" in page
        r = c.post(f"/entities/{keep[0]}/merge", data={"other": gone[1]})
        assert r.status_code == 404  # no such route on a read-only server
        assert r.headers["content-type"].startswith("application/problem+json")
        assert c.get("/corrections").status_code == 200
    assert len(_people(edit_db)) >= 2 and gone in _people(edit_db)


def test_merge_needs_this_sites_token(editor: Any, edit_db: Path) -> None:
    keep, gone = _people(edit_db)[:2]
    url = f"/entities/{keep[0]}/merge"
    assert editor.post(url, data={"other": gone[1]}).status_code == 403  # no token, no session
    token = _token(editor.get(f"/entities/{keep[0]}").text)
    assert editor.cookies.get("dateline_edit")
    assert editor.post(url, data={"other": gone[1], "csrf": "0" * 64}).status_code == 403
    foreign = editor.post(url, data={"other": gone[1], "csrf": token}, headers={"Origin": "http://evil.example"})
    assert foreign.status_code == 403 and "evil.example" in foreign.json()["detail"]
    with _client(edit_db, allow_edits=True) as other_server:  # a token from another server run is stale
        other_server.cookies.set("dateline_edit", editor.cookies.get("dateline_edit"))
        assert other_server.post(url, data={"other": gone[1], "csrf": token}).status_code == 403
    assert gone in _people(edit_db)


def test_merge_then_undo_from_the_pages(editor: Any, edit_db: Path) -> None:
    keep, gone = _people(edit_db)[:2]
    token = _token(editor.get(f"/entities/{keep[0]}").text)
    r = editor.post(f"/entities/{keep[0]}/merge", data={"other": gone[1], "csrf": token, "why": "same <b>person</b>",
                                                       "who": "desk"})
    assert r.status_code == 303 and r.headers["location"] == f"/entities/{keep[0]}"
    assert gone not in _people(edit_db)
    page = editor.get(f"/entities/{keep[0]}").text
    assert gone[1] in page
    listing = editor.get("/corrections").text
    assert "same &lt;b&gt;person&lt;/b&gt;" in listing and "desk" in listing and ">Undo<" in listing
    conn = sqlite3.connect(edit_db)
    (cid, action, a, b, who) = conn.execute(
        "SELECT id, action, entity_a, entity_b, who FROM entity_corrections").fetchone()
    conn.close()
    assert (action, a, b, who) == ("merge", keep[1], gone[1], "desk")
    undone = editor.post(f"/corrections/{cid}/undo", data={"csrf": token})
    assert undone.status_code == 303
    assert any(name == gone[1] for _, name in _people(edit_db))
    assert "undone" in editor.get("/corrections").text


def test_split_and_refusals(editor: Any, edit_db: Path) -> None:
    keep, gone = _people(edit_db)[:2]
    token = _token(editor.get(f"/entities/{keep[0]}").text)
    editor.post(f"/entities/{keep[0]}/merge", data={"other": gone[1], "csrf": token})
    r = editor.post(f"/entities/{keep[0]}/split", data={"alias": gone[1], "csrf": token})
    assert r.status_code == 303 and r.headers["location"].startswith("/corrections#c")
    assert any(name == gone[1] for _, name in _people(edit_db))
    missing = editor.post(f"/entities/{keep[0]}/merge", data={"other": "Nobody Of That Name", "csrf": token})
    assert missing.status_code == 409 and "Nobody Of That Name" in missing.json()["detail"]
    empty = editor.post(f"/entities/{keep[0]}/merge", data={"other": " ", "csrf": token})
    assert empty.status_code == 422
    big = editor.post(f"/entities/{keep[0]}/merge", content=b"x" * 9000,
                      headers={"content-type": "application/x-www-form-urlencoded"})
    assert big.status_code == 413
