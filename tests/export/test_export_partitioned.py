"""Events exported as a Parquet dataset partitioned by day, read back as downstream tools would."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pyarrow.dataset as ds
import pytest
from typer.testing import CliRunner

from dateline.cli import app
from dateline.export.partitioned import day_of, write_partitioned
from dateline.model import Article, DateRef, Event, Span
from dateline.store import Writer, connect

BODY = ("Troops shelled the border town on 4 August 2024. Protesters marched in the capital in March. "
        "Officials met in Doha.")


def _event(start: int, end: int, category: str, when: DateRef | None) -> Event:
    return Event(Span(start, end), Span(start, start + 6), "shell", category, date=when)


def _db(path: Path) -> None:
    article = Article(text=BODY, id="a1", source="wire.txt", published=date(2024, 8, 16), outlet="Wire")
    article.events = [
        _event(0, 48, "ASSAULT", DateRef("4 August 2024", Span(34, 47), "2024-08-04", "day")),
        _event(49, 95, "PROTEST", DateRef("in March", Span(84, 92), "2024-03", "month")),
        _event(96, 118, "CONSULT", None),
    ]
    undated = Article(text="Talks went on.", id="b2", source="wire.txt", position=1)
    undated.events = [_event(0, 14, "CONSULT", None)]
    conn = connect(path)
    writer = Writer(conn)
    for a in (article, undated):
        writer.write(a, writer.begin_source("wire.txt", "x", 1, "text"))
    conn.close()


def test_each_event_goes_to_its_day(tmp_path: Path) -> None:
    _db(tmp_path / "news.db")
    out = tmp_path / "events"
    result = CliRunner(env={"COLUMNS": "250"}).invoke(app, ["export", "events", "--db", str(tmp_path / "news.db"), "--format", "parquet",
                                      "--partition-by", "date", "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in out.iterdir()) == ["day=2024-08-04", "day=2024-08-16", "day=unknown"]
    table = ds.dataset(out, format="parquet", partitioning="hive").to_table()
    days = dict(zip(table.column("category").to_pylist(), table.column("day").to_pylist(), strict=False))
    assert table.num_rows == 4 and table.column("article_id").to_pylist().count("a1") == 3
    assert days["ASSAULT"] == "2024-08-04" and days["PROTEST"] == "2024-08-16"  # a month is no day
    assert sorted(table.column("day").to_pylist()).count("unknown") == 1


def test_export_refuses_a_used_directory_and_other_formats(tmp_path: Path) -> None:
    _db(tmp_path / "news.db")
    (tmp_path / "used").mkdir()
    (tmp_path / "used" / "old.parquet").write_bytes(b"x")
    base = ["export", "events", "--db", str(tmp_path / "news.db"), "--partition-by", "date"]
    used = CliRunner(env={"COLUMNS": "250"}).invoke(app, [*base, "--format", "parquet", "-o", str(tmp_path / "used")])
    assert used.exit_code == 2 and "empty directory" in used.output
    csv = CliRunner(env={"COLUMNS": "250"}).invoke(app, [*base, "--format", "csv", "-o", str(tmp_path / "x")])
    assert csv.exit_code == 2 and "--format parquet" in csv.output


def test_parts_are_bounded_and_days_read_from_every_style(tmp_path: Path) -> None:
    rows = [{"article_id": f"a{i}", "date": "2024-08-04", "date_precision": "day"} for i in range(7)]
    assert write_partitioned(rows, tmp_path / "d", part_rows=3, buffer_rows=5) == 7
    parts = sorted(p.name for p in (tmp_path / "d" / "day=2024-08-04").iterdir())
    assert parts == ["part-00000.parquet", "part-00001.parquet", "part-00002.parquet"]
    assert day_of({"SQLDATE": 20240816}, "gdelt") == "2024-08-16"
    assert day_of({"event_date": "2024-08-16"}, "acled") == "2024-08-16"
    assert day_of({"date": "2024-W33", "date_precision": "week", "published": None}) == "unknown"
    with pytest.raises(ValueError, match="unknown export style"):
        write_partitioned([], tmp_path / "e", "csv")
