"""Web fixtures: one real database per session, built by ingesting samples and a hostile article."""

from __future__ import annotations

import json
import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent.parent
HOSTILE_TITLE = "Council vote <script>alert(1)</script> draws [bold red]protest[/] in Tripoli"
HOSTILE_TEXT = (
    "TRIPOLI - The city council voted on Monday to close the old harbour market, officials said, after a "
    "week of protests by traders.\n\n"
    "A statement posted on the council website read <script>alert(1)</script> before it was taken down, "
    "and a second page showed <img src=x onerror=alert(1)> in place of a photograph.\n\n"
    "\"We were never consulted,\" said Karim Haddad, the head of the traders' association, who urged "
    "residents to read the notice at <a href=\"javascript:alert(1)\">this link</a>. He said the "
    "[bold red]market[/bold red] had served the city for ninety years.\n\n"
    "The mayor, Leila Mansour, said the council would meet the traders on Thursday to discuss compensation."
)
HOSTILE = {"title": HOSTILE_TITLE, "outlet": "Harbour <b>Times</b>", "published": "2024-10-21",
           "url": "javascript:alert(1)", "text": HOSTILE_TEXT}


@pytest.fixture(scope="session")
def hostile() -> dict[str, str]:
    """The fields of the article full of markup (title, outlet, url and text)."""
    return dict(HOSTILE)


@pytest.fixture(scope="session")
def web_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A dateline database from the HTML and JSONL samples plus one article full of markup."""
    from dateline import api

    folder = tmp_path_factory.mktemp("web")
    hostile = folder / "hostile.jsonl"
    hostile.write_text(json.dumps(HOSTILE) + "\n", encoding="utf-8")
    db = folder / "web.db"
    report = api.ingest([str(ROOT / "samples" / "html"), str(ROOT / "samples" / "jsonl"), str(hostile)], db)
    assert report.articles >= 8 and not report.drops
    return db


@pytest.fixture(scope="session")
def client(web_db: Path) -> Iterator[Any]:
    """An httpx client (FastAPI's TestClient) on the app over ``web_db``."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from fastapi.testclient import TestClient
    from dateline.web import create_app

    with TestClient(create_app(web_db), base_url="http://127.0.0.1") as c:
        yield c


@pytest.fixture(scope="session")
def hostile_id(web_db: Path) -> str:
    import sqlite3

    conn = sqlite3.connect(web_db)
    (aid,) = conn.execute("SELECT id FROM articles WHERE title = ?", (HOSTILE_TITLE,)).fetchone()
    conn.close()
    return str(aid)


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    """Headless Debian chromium driven by Playwright."""
    from webtools import ARGS, CHROMIUM

    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield b
        b.close()
