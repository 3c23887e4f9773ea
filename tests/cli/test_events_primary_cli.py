"""`dateline events --primary`: one headline event per article, and the field in the JSON."""

from __future__ import annotations

import pytest

from clitools import run_json
from dateline import api
from paths import FIXTURES

pytestmark = pytest.mark.slow


def test_primary_lists_one_event_per_article(tmp_path: pytest.TempPathFactory) -> None:
    db = str(tmp_path / "news.db")  # type: ignore[operator]
    api.ingest([str(FIXTURES / "events" / "primary" / "reports.jsonl")], db)  # in this process: shares the model
    every = run_json("events", "--db", db)
    assert all("primary" in row and "date_source" in row for row in every)
    primary = run_json("events", "--db", db, "--primary")
    assert len(primary) == 2 and all(row["primary"] for row in primary)
    assert {row["category"] for row in primary} == {"ASSAULT", "SUPPORT"} or \
        {row["category"] for row in primary} == {"ASSAULT", "AGREE"}
    assert len(every) > len(primary)
