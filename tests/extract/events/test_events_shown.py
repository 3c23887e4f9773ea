"""`dateline events` and `dateline export events` show events at or above the confidence threshold;
`--all` shows every stored event."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from clitools import run, run_json
from dateline import api
from dateline.extract.events.calibration import SHOW_AT
from paths import FIXTURES

pytestmark = pytest.mark.slow


def test_the_threshold_hides_weak_events_and_all_shows_them(tmp_path: Path) -> None:
    db = str(tmp_path / "news.db")
    api.ingest([str(FIXTURES / "events" / "primary" / "reports.jsonl")], db)
    shown = run_json("events", "--db", db)
    every = run_json("events", "--db", db, "--all")
    assert shown and all(row["confidence"] >= SHOW_AT for row in shown)
    assert len(every) >= len(shown)
    assert {(r["article_id"], r["trigger_start"]) for r in shown} <= {(r["article_id"], r["trigger_start"]) for r in every}
    assert len([r for r in every if r["confidence"] >= SHOW_AT]) == len(shown)
    for flag, want in (([], len(shown)), (["--all"], len(every))):
        out = tmp_path / f"events{len(flag)}.csv"
        run("export", "events", "--db", db, "-o", str(out), *flag)
        with out.open(encoding="utf-8") as f:
            assert len(list(csv.DictReader(f))) == want
