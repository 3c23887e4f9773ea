"""The command line through the real entry point, on a real SQLite file."""

from __future__ import annotations

from pathlib import Path

import pytest

from clitools import run, run_json
from paths import FIXTURES

pytestmark = pytest.mark.slow

FIX = FIXTURES / "cli"


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> str:
    path = str(tmp_path_factory.mktemp("cli") / "news.db")
    proc = run("ingest", str(FIX / "harbour_dump.txt"), str(FIX / "wires.jsonl"), "--db", path,
               "--outlet", "Harbour Wire", "--published", "2024-08-16")
    assert "Ingest summary" in proc.stdout and "articles stored" in proc.stdout
    assert "Entities" in proc.stdout
    return path


def test_articles_json_has_the_documented_fields(db: str) -> None:
    rows = run_json("articles", "--db", db)
    assert len(rows) == 4
    for row in rows:
        assert {"id", "title", "captions", "credits", "outlet", "published", "text"} <= row.keys()
    by_title = {r["title"]: r for r in rows}
    strike = by_title["Port Workers Strike Halts Grain Shipments in Odesa"]
    assert strike["outlet"] == "Harbour Wire" and strike["published"].startswith("2024-08-16")
    assert strike["text"].startswith("Hundreds of dock workers")
    assert strike["captions"] == ["Dock cranes stand idle at the port of Odesa"]
    assert by_title["Wildfire Forces Evacuations Near Athens"]["outlet"] == "Example Wire"


def test_articles_table(db: str) -> None:
    out = run("articles", "--db", db).stdout
    assert "Flood Barrier Talks Resume in Rotterdam" in out


def test_show_highlights_one_article_by_id_prefix(db: str) -> None:
    rows = run_json("articles", "--db", db)
    target = next(r for r in rows if r["title"].startswith("Flood Barrier"))
    out = run("show", target["id"][:7], "--db", db).stdout
    assert "Flood Barrier Talks Resume in Rotterdam" in out and "Pieter van Dam" in out
    data = run_json("show", target["id"], "--db", db)
    assert data["id"] == target["id"] and data["mentions"]


def test_entities_json_and_type_filter(db: str) -> None:
    rows = run_json("entities", "--db", db)
    for row in rows:
        assert {"id", "name", "type", "aliases", "roles", "country", "mentions"} <= row.keys()
    people = run_json("entities", "--db", db, "--type", "PERSON")
    assert people and all(p["type"] == "PERSON" for p in people)
    assert any("Kovalenko" in p["name"] for p in people)


def test_search(db: str) -> None:
    hits = run_json("search", "wildfire", "--db", db)
    assert [h["title"] for h in hits] == ["Wildfire Forces Evacuations Near Athens"]
    assert "Central Bank" in run("search", "rate", "--db", db).stdout


def test_quotes_and_events_listings(db: str) -> None:
    quotes = run_json("quotes", "--db", db)
    assert quotes
    for q in quotes:
        assert {"article_id", "content", "content_spans", "cue", "cue_span", "speaker", "speaker_mention",
                "speaker_span", "speaker_kind", "type", "confidence"} <= q.keys()
    anon = run_json("quotes", "--db", db, "--anonymous")
    assert all(q["speaker_kind"] == "anonymous" for q in anon)
    run_json("events", "--db", db)


def test_second_ingest_adds_nothing(db: str) -> None:
    before = run_json("articles", "--db", db)
    report = run_json("ingest", str(FIX / "harbour_dump.txt"), str(FIX / "wires.jsonl"), "--db", db)
    assert report["articles"] == 0 and report["unchanged_sources"] == 2
    assert len(run_json("articles", "--db", db)) == len(before)


def test_missing_path_is_one_clear_line_and_the_batch_goes_on(tmp_path: Path) -> None:
    path = str(tmp_path / "x.db")
    proc = run("ingest", str(tmp_path / "nope.txt"), str(FIX / "wires.jsonl"), "--db", path)
    assert "nope.txt" in proc.stderr and "not_found" in proc.stderr
    assert len(run_json("articles", "--db", path)) == 2
    log = run_json("log", "--db", path)
    assert [d["reason"] for d in log["drops"]] == ["not_found"]


def test_unknown_article_is_an_error_not_a_traceback(db: str) -> None:
    proc = run("show", "zzzz", "--db", db, check=False)
    assert proc.returncode == 3 and "no article" in proc.stderr and "Traceback" not in proc.stderr


def test_missing_database_for_a_listing(tmp_path: Path) -> None:
    proc = run("articles", "--db", str(tmp_path / "none.db"), check=False)
    assert proc.returncode == 4 and "no such database" in proc.stderr


def test_ingest_in_two_processes_stores_the_same(tmp_path: Path, db: str) -> None:
    path = str(tmp_path / "two.db")
    run("ingest", str(FIX / "harbour_dump.txt"), str(FIX / "wires.jsonl"), "--db", path, "--processes", "2",
        "--outlet", "Harbour Wire", "--published", "2024-08-16", "--quiet")
    one = {r["id"]: r for r in run_json("articles", "--db", db)}
    two = {r["id"]: r for r in run_json("articles", "--db", path)}
    assert one.keys() == two.keys()
    assert len(run_json("quotes", "--db", path)) == len(run_json("quotes", "--db", db))
