"""`dateline export ...` through the real entry point, on a real SQLite file."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest
from export_samples import stored
from test_export_layouts import GDELT_EVENT_COLUMNS

from clitools import run
from dateline.export.layouts import DATELINE_ARTICLES, DATELINE_ENTITIES, DATELINE_QUOTES

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> str:
    path = str(tmp_path_factory.mktemp("export-cli") / "news.db")
    stored(path).close()
    return path


def test_gdelt_events_and_mentions(db: str, tmp_path: Path) -> None:
    events, mentions = tmp_path / "20240806.export.CSV", tmp_path / "20240806.mentions.CSV"
    proc = run("export", "events", "--style", "gdelt", "--db", db, "-o", str(events))
    assert f"wrote 2 events to {events}" in proc.stderr
    run("export", "mentions", "--style", "gdelt", "--header", "--db", db, "-o", str(mentions))
    frame = pd.read_csv(events, sep="\t", header=None, names=GDELT_EVENT_COLUMNS)
    assert frame["SQLDATE"].tolist() == [20240805, 20240805]
    assert pd.read_csv(mentions, sep="\t")["ActionCharOffset"].tolist() == [15, 11]


@pytest.mark.parametrize(("table", "columns", "fmt"), [("quotes", DATELINE_QUOTES, "csv"),
                                                       ("entities", DATELINE_ENTITIES, "parquet"),
                                                       ("articles", DATELINE_ARTICLES, "jsonl")])
def test_own_tables(db: str, tmp_path: Path, table: str, columns: dict[str, str], fmt: str) -> None:
    out = tmp_path / f"{table}.{fmt}"
    run("export", table, "--format", fmt, "--db", db, "-o", str(out))
    frame = {"csv": pd.read_csv, "parquet": pd.read_parquet}.get(fmt, lambda p: pd.read_json(p, lines=True))(out)
    assert list(frame.columns) == list(columns) and len(frame) > 0


def test_quotebank_lines(db: str, tmp_path: Path) -> None:
    out = tmp_path / "quotes.json"
    run("export", "quotes", "--style", "quotebank", "--db", db, "-o", str(out))
    lines = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [line["numOccurrences"] for line in lines] == [2, 1]


def test_bad_choices_are_clear_errors(db: str, tmp_path: Path) -> None:
    proc = run("export", "events", "--db", db, "--format", "xlsx", "-o", str(tmp_path / "x"), check=False)
    assert proc.returncode == 2 and "xlsx" in proc.stderr
    proc = run("export", "quotes", "--style", "quotebank", "--format", "csv", "--db", db, "-o",
               str(tmp_path / "q.csv"), check=False)
    assert proc.returncode == 2 and "jsonl" in proc.stderr
    proc = run("export", "mentions", "--style", "acled", "--db", db, "-o", str(tmp_path / "m"), check=False)
    assert proc.returncode == 2 and "gdelt" in proc.stderr
