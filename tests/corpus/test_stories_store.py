"""Stories and contradictions through the real store, the API and the CLI, on our multi-outlet corpus."""

from __future__ import annotations

import json
import re
import warnings
from pathlib import Path
from typing import Any

import pytest

from clitools import run, run_json
from dateline import api
from dateline.web import create_app
from paths import FIXTURES, ROOT, load_script

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

pytestmark = pytest.mark.slow
CORPUS = FIXTURES / "corpus" / "wires.jsonl"
GOLD = FIXTURES / "corpus" / "gold.json"
#: Pinned floors of eval/stories.py on our training corpus (measured: story F1 0.88 since word
#: weights and link thresholds were set on the development corpus written by others, whose
#: distractors lie weeks apart while these share the story's days; contradictions P 0.8, R 1.0).
FLOORS = {"f1": 0.80, "precision": 0.80, "recall": 0.75}


@pytest.fixture(scope="module")
def dbs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """``whole``: the corpus in one ingest; ``parts``: its second half reversed, then its first half reversed."""
    tmp = tmp_path_factory.mktemp("stories")
    lines = CORPUS.read_text(encoding="utf-8").splitlines()
    half = len(lines) // 2
    first, second = tmp / "first.jsonl", tmp / "second.jsonl"
    first.write_text("\n".join(lines[:half][::-1]) + "\n", encoding="utf-8")
    second.write_text("\n".join(lines[half:][::-1]) + "\n", encoding="utf-8")
    whole = str(tmp / "whole.db")
    api.ingest([str(CORPUS)], whole)
    parts = str(tmp / "parts.db")
    api.ingest([str(second)], parts)
    early = {s["id"]: set(s["articles"]) for s in api.open_reader(parts).stories()}
    api.ingest([str(first)], parts)
    return {"whole": whole, "parts": parts, "early": early}


def _groups(db: str) -> set[frozenset[str]]:
    return {frozenset(s["articles"]) for s in api.open_reader(db).stories()}


def test_scores_reach_the_floors(dbs: dict[str, Any]) -> None:
    scores = load_script(ROOT / "eval" / "stories.py", "eval_stories").score(dbs["whole"], GOLD)
    assert scores["stories"]["f1"] >= FLOORS["f1"]
    assert scores["contradictions"]["precision"] >= FLOORS["precision"]
    assert scores["contradictions"]["recall"] >= FLOORS["recall"]


def test_another_order_gives_the_same_stories(dbs: dict[str, Any]) -> None:
    assert _groups(dbs["whole"]) == _groups(dbs["parts"])
    whole = api.open_reader(dbs["whole"])
    parts = api.open_reader(dbs["parts"])
    assert sorted(s["title"] for s in whole.stories()) == sorted(s["title"] for s in parts.stories())
    key = [(c["relation"], c["claim"]["text"], c["counter"]["text"]) for c in whole.contradictions()]
    assert sorted(key) == sorted((c["relation"], c["claim"]["text"], c["counter"]["text"])
                                 for c in parts.contradictions())


def test_a_later_ingest_keeps_story_ids(dbs: dict[str, Any]) -> None:
    now = {s["id"]: set(s["articles"]) for s in api.open_reader(dbs["parts"]).stories()}
    for story_id, articles in dbs["early"].items():
        assert story_id in now and articles <= now[story_id]


def test_happenings_are_linked_from_events(dbs: dict[str, Any]) -> None:
    conn = api.open_reader(dbs["whole"]).conn
    linked, total = conn.execute("SELECT count(happening_id), count(*) FROM events").fetchone()
    assert linked == total > 0
    many = conn.execute("SELECT mentions, sources, articles FROM happenings ORDER BY mentions DESC").fetchone()
    assert many[0] >= many[2] >= 2


def test_cli_lists_stories_and_contradictions(dbs: dict[str, Any]) -> None:
    db = dbs["whole"]
    stories = run_json("stories", "--db", db)
    assert all(set(s) == {"id", "title", "articles", "outlets", "first_seen", "last_seen", "entities"}
               for s in stories)
    ferry = next(s for s in stories if "Coast Guard" in json.dumps(s["entities"]) and len(s["articles"]) == 3)
    assert not any(name in s["entities"] for s in stories for name in ("Greek", "Lesbos"))  # a nationality, a place
    assert len(ferry["outlets"]) == 3 and ferry["first_seen"] <= ferry["last_seen"]
    rows = run_json("contradictions", "--db", db, "--story", ferry["id"][:6])
    assert [r["relation"] for r in rows] == ["conflicting_figures"]
    everything = run_json("contradictions", "--db", db, "--all")
    assert len(everything) >= len(run_json("contradictions", "--db", db)) >= 4
    assert set(rows[0]["claim"]) == {"article_id", "quote_id", "speaker", "text"}
    shown = run("story", ferry["id"], "--db", db).stdout
    assert "Timeline" in shown and "contested" in shown


def test_timeline_is_in_the_order_things_happened(dbs: dict[str, Any]) -> None:
    reader = api.open_reader(dbs["whole"])
    assert reader.contradictions(story=None) == reader.contradictions()
    story = reader.story(reader.stories()[0]["id"])
    days = [item["date"] for item in story["timeline"] if "-W" not in item["date"]]
    assert days == sorted(days) and len(days) >= 3


def test_seed_holds_exactly_two_contradictions(tmp_path: Path, seed_dump: Path) -> None:
    db = str(tmp_path / "seed.db")
    api.ingest([str(seed_dump)], db, outlet="Asharq Al-Awsat", published="2024-08-16")
    rows = api.open_reader(db).contradictions()
    assert len(rows) == 2
    by_relation = {r["relation"]: r for r in rows}
    denial = by_relation["denies"]
    assert "halted the negotiations" in denial["claim"]["text"]
    assert "At no time did we discuss the withdrawal" in denial["counter"]["text"]
    verdict = by_relation["disputes"]
    assert "inaccurate" in verdict["counter"]["text"] and verdict["claim"]["speaker"] == "Matthew Miller"


def test_export_one_row_per_happening(dbs: dict[str, Any], tmp_path: Path) -> None:
    db = dbs["whole"]
    per_report, per_happening = tmp_path / "reports.jsonl", tmp_path / "happenings.jsonl"
    run("export", "events", "--db", db, "--format", "jsonl", "-o", str(per_report), "--all")
    run("export", "events", "--db", db, "--format", "jsonl", "-o", str(per_happening), "--per", "happening", "--all")
    conn = api.open_reader(db).conn
    (happenings,) = conn.execute("SELECT count(*) FROM happenings").fetchone()
    (events,) = conn.execute("SELECT count(*) FROM events").fetchone()
    assert len(per_happening.read_text().splitlines()) == happenings < events
    assert len(per_report.read_text().splitlines()) == events


def test_deferred_corpus_stages_then_relink_give_the_one_ingest_view(dbs: dict[str, Any], tmp_path: Path) -> None:
    lines = CORPUS.read_text(encoding="utf-8").splitlines()
    half = len(lines) // 2
    first, second = tmp_path / "first.jsonl", tmp_path / "second.jsonl"
    first.write_text("\n".join(lines[:half]) + "\n", encoding="utf-8")
    second.write_text("\n".join(lines[half:]) + "\n", encoding="utf-8")
    db = str(tmp_path / "bulk.db")
    out = run("ingest", str(first), "--db", db, "--defer-corpus", "--processes", "1").stdout
    assert "articles in no story yet (run dateline relink)" in out
    report = run_json("ingest", str(second), "--db", db, "--defer-corpus", "--processes", "1")
    stored = len(api.open_reader(db).articles())
    assert report["without_story"] == stored > 0
    assert api.open_reader(db).stories() == []
    run("relink", "--db", db)
    assert _groups(db) == _groups(dbs["whole"])
    pairs = {(c["claim"]["text"], c["counter"]["text"]) for c in api.open_reader(db).contradictions()}
    assert pairs == {(c["claim"]["text"], c["counter"]["text"]) for c in api.open_reader(dbs["whole"]).contradictions()}
    assert pairs
    again = run_json("ingest", str(first), "--db", db, "--processes", "1")
    assert again["without_story"] == 0


def test_story_page_shows_the_timeline_and_links_entities_to_their_pages(dbs: dict[str, Any]) -> None:
    reader = api.open_reader(dbs["whole"])
    ferry = next(s for s in reader.stories() if "Hellenic Coast Guard" in s["entities"])
    with TestClient(create_app(dbs["whole"]), base_url="http://127.0.0.1") as client:
        page = client.get(f"/stories/{ferry['id']}").text
        assert "contested:" in page and "Timeline" in page and "conflicting_figures" in page
        links = re.findall(r'<li><a href="(/entities/[^"]+)">([^<]+)</a>', page)
        assert ("Hellenic Coast Guard" in {name for _, name in links}) and all(" " not in href for href, _ in links)
        for href, name in links:
            entity = client.get(href)
            assert entity.status_code == 200 and name.replace("&#39;", "'") in entity.text
        assert client.get(f"/stories/{ferry['id'][:5]}").status_code == 404
