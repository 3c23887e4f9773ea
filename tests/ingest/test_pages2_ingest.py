"""A real ingest of the written pages and an undated dump story: the summary and ``dateline log`` count
the articles stored without facts because of their language, the date's source is stored, and an
undated article is listed as undated, never under the day it was ingested."""

from __future__ import annotations

import json
import shutil
import sqlite3
import warnings
from pathlib import Path
from typing import Any

import pytest

from clitools import run
from dateline import api
from dateline.render import summary

UNDATED = (
    "Ferry Line Adds Winter Crossings\n\n"
    "The island ferry will run four crossings a day this winter, the operator said on Monday.\n\n"
    "Tickets go on sale next week at the harbour office and on the operator's website.\n"
)


@pytest.fixture(scope="module")
def ingested(tmp_path_factory: pytest.TempPathFactory, fixtures_dir: Path) -> tuple[Path, api.IngestReport]:
    folder = tmp_path_factory.mktemp("pages2")
    for name in ("arabic_headline.html", "broadsheet_bad_jsonld.html"):
        shutil.copy(fixtures_dir / "pages2" / name, folder / name)
    (folder / "ferry.txt").write_text(UNDATED, encoding="utf-8")
    db = folder / "pages.db"
    return db, api.ingest([str(folder)], db)


def test_summary_counts_articles_stored_without_facts_by_language(ingested: tuple[Path, api.IngestReport]) -> None:
    _db, report = ingested
    assert report.articles == 3 and not report.drops
    assert dict(report.without_facts) == {"ar": 1}
    rows = {str(cells[0]).strip(): str(cells[1]) for cells in zip(*(c.cells for c in summary(report).columns),
                                                                    strict=True)}
    assert rows["stored without facts (language has no pipeline)"] == "1"
    assert rows["ar"] == "1"


def test_log_lists_the_languages_without_facts(ingested: tuple[Path, api.IngestReport]) -> None:
    db, _report = ingested
    shown = run("log", "--db", str(db)).stdout
    assert "Stored without facts" in shown
    data = json.loads(run("log", "--db", str(db), "--json").stdout)
    assert data["without_facts"] == [{"language": "ar", "articles": 1}]


def test_the_dates_source_and_the_dek_are_stored(ingested: tuple[Path, api.IngestReport]) -> None:
    db, _report = ingested
    with sqlite3.connect(db) as conn:
        rows = {r[0]: (r[1], json.loads(r[2])) for r in conn.execute("SELECT title, published, meta FROM articles")}
    published, meta = rows["Ministers split over coastal rail line"]
    assert published.startswith("2024-03-12") and meta["published_source"] == "json-ld"
    assert meta["standfirst"].startswith("A cabinet row")
    assert rows["وزراء الخارجية يبحثون أمن الملاحة في الخليج"][1]["published_source"] == "meta:article:published_time"
    published, meta = rows["Ferry Line Adds Winter Crossings"]
    assert published is None and "published_source" not in meta


def test_an_undated_article_is_listed_as_undated(ingested: tuple[Path, api.IngestReport]) -> None:
    db, _report = ingested
    client = _client(db)
    home = client.get("/").text
    assert "Ferry Line Adds Winter Crossings" not in home.split("Latest articles")[1]  # latest: dated only
    search = client.get("/search", params={"q": "ferry"}).text
    assert "undated" in search
    listed = run("articles", "--db", str(db)).stdout
    assert "undated" in next(line for line in listed.splitlines() if "Ferry Line" in line)
    story = next(s for s in api.open_reader(db).stories() if s["title"] == "Ferry Line Adds Winter Crossings")
    assert story["first_seen"] is None and story["last_seen"] is None


def _client(db: Path) -> Any:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from fastapi.testclient import TestClient
    from dateline.web import create_app

    return TestClient(create_app(db), base_url="http://127.0.0.1")
