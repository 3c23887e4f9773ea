"""Entity corrections through the real store and CLI: stored with who/when/why, kept across ingests, undone."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from clitools import run, run_json
from dateline import api
from dateline.errors import NotFoundError
from paths import FIXTURES

pytestmark = pytest.mark.slow


def _lines(*keys: str) -> str:
    rows = [json.loads(x) for x in (FIXTURES / "corpus" / "wires.jsonl").read_text().splitlines()]
    return "\n".join(json.dumps(r) for r in rows if r["url"].rsplit("/", 1)[1] in keys) + "\n"


def test_merge_survives_an_ingest_and_can_be_undone(tmp_path: Path) -> None:
    first, later = tmp_path / "first.jsonl", tmp_path / "later.jsonl"
    first.write_text(_lines("kenya-1", "kenya-mobile"))
    later.write_text(_lines("kenya-3"))
    db = str(tmp_path / "fix.db")
    api.ingest([str(first)], db)
    reader = api.open_reader(db)
    bank, governor = reader.find_entity("Central Bank of Kenya"), reader.find_entity("Daniel Mwangi")
    assert bank != governor

    run("entities", "merge", "Central Bank of Kenya", "Daniel Mwangi", "--db", db, "--who", "desk", "--why", "test")
    (row,) = run_json("entities", "corrections", "--db", db)
    assert (row["action"], row["who"], row["why"], row["undone_at"]) == ("merge", "desk", "test", None)
    assert api.open_reader(db).find_entity("Daniel Mwangi") == bank

    api.ingest([str(later)], db)  # mentions Mwangi again: the correction is applied to them too
    reader = api.open_reader(db)
    assert reader.find_entity("Daniel Mwangi") == bank
    assert not reader.conn.execute("SELECT 1 FROM entities WHERE name = 'Daniel Mwangi'").fetchone()
    profile = reader.entity_profile("Central Bank of Kenya")
    assert "Daniel Mwangi" in profile["aliases"] and profile["said"]
    assert {"roles", "said_about", "as_actor", "as_target", "stories", "with", "timeline"} <= set(profile)
    shown = run("entity", "Central Bank of Kenya", "--db", db).stdout
    assert "Timeline" in shown and "Appears with" in shown

    run("entities", "undo", str(row["id"]), "--db", db)
    reader = api.open_reader(db)
    assert reader.find_entity("Daniel Mwangi") != bank
    assert run_json("entities", "corrections", "--db", db)[0]["undone_at"]
    assert reader.entity_profile("Daniel Mwangi")["said"]


def test_split_and_bad_corrections(tmp_path: Path) -> None:
    source = tmp_path / "one.jsonl"
    source.write_text(_lines("kenya-mobile"))
    db = str(tmp_path / "split.db")
    api.ingest([str(source)], db)
    whole = api.open_reader(db).find_entity("Daniel Mwangi")
    number = api.correct_entities(db, "split", "Daniel Mwangi", "Mwangi", who="desk", why="two people")
    reader = api.open_reader(db)
    assert reader.find_entity("Mwangi") != whole
    api.undo_correction(db, number)
    assert api.open_reader(db).find_entity("Mwangi") == whole
    with pytest.raises(NotFoundError):
        api.correct_entities(db, "merge", "Nobody At All", "Daniel Mwangi")
    with pytest.raises(NotFoundError):
        api.undo_correction(db, number)
