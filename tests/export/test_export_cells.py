"""Typed columns in every format, and CSV cells that are safe to open in a spreadsheet."""

from __future__ import annotations

import csv
import json
import math
from pathlib import Path

import pandas as pd
import pyarrow.parquet as pq
import pytest
from export_samples import stored

from dateline.export import export
from dateline.export.cells import cast, safe_text, spreadsheet_cell
from dateline.export.writers import write_rows
from dateline.store import Reader

COLUMNS = {"name": "string", "count": "int64", "share": "float64"}
ROWS = [{"name": "=1+2", "count": 3, "share": None}, {"name": "plain\ttext\x07\n", "count": None, "share": 0.5},
        {"name": None, "count": 7.0, "share": math.nan}]


@pytest.mark.parametrize(("value", "cell"), [
    ("=HYPERLINK(\"http://x\")", "'=HYPERLINK(\"http://x\")"), ("+44 20", "'+44 20"), ("-2 dead", "'-2 dead"),
    ("@SUM(A1)", "'@SUM(A1)"), ("\t=1", "' =1"), ("Mosul", "Mosul"), ("a\x00b\x1bc\x7f", "abc"), (None, ""),
])
def test_text_cells_are_guarded(value: str | None, cell: str) -> None:
    assert spreadsheet_cell(value, "string") == cell


def test_numbers_are_written_as_numbers() -> None:
    assert spreadsheet_cell(-10.0, "float64") == "-10.0" and spreadsheet_cell(-3, "int64") == "-3"
    assert spreadsheet_cell(20240805.0, "int64") == "20240805" and spreadsheet_cell(math.nan, "float64") == ""
    assert cast("", "int64") is None and cast(math.nan, "float64") is None and cast(368.0, "int64") == 368
    assert safe_text("line one\r\nline two") == "line one  line two"


def test_integers_stay_integers_and_missing_stays_empty(tmp_path: Path) -> None:
    write_rows(ROWS, "csv", tmp_path / "t.csv", COLUMNS)
    with (tmp_path / "t.csv").open(encoding="utf-8") as f:
        assert list(csv.reader(f)) == [["name", "count", "share"], ["'=1+2", "3", ""], ["plain text ", "", "0.5"],
                                       ["", "7", ""]]
    write_rows(ROWS, "jsonl", tmp_path / "t.jsonl", COLUMNS)
    lines = [json.loads(line) for line in (tmp_path / "t.jsonl").read_text().splitlines()]
    assert [line["count"] for line in lines] == [3, None, 7] and lines[2]["share"] is None
    assert lines[0]["name"] == "=1+2"  # JSON is not a spreadsheet: text as stored
    write_rows(ROWS, "parquet", tmp_path / "t.parquet", COLUMNS)
    table = pq.read_table(tmp_path / "t.parquet")
    assert str(table.schema.field("count").type) == "int64" and table.column("count").to_pylist() == [3, None, 7]
    frame = pd.read_parquet(tmp_path / "t.parquet", dtype_backend="numpy_nullable")
    assert str(frame["count"].dtype) == "Int64"


def test_article_titles_are_guarded_in_the_csv_export(tmp_path: Path) -> None:
    out = tmp_path / "articles.csv"
    export(Reader(stored()), "articles", out)
    frame = pd.read_csv(out, dtype={"copies": "Int64", "length": "Int64"})
    title = frame.set_index("id").loc["a000000000000001", "title"]
    assert title == "'=HYPERLINK(\"http://x\") Post shelled"
    assert frame["copies"].tolist() == [1, 1] and str(frame["length"].dtype) == "Int64"


def test_tab_separated_cells_are_never_quoted(tmp_path: Path) -> None:
    write_rows([{"name": '"Quoted" title', "count": 1, "share": None}], "csv", tmp_path / "t.tsv", COLUMNS,
               header=False, delimiter="\t")
    assert (tmp_path / "t.tsv").read_text(encoding="utf-8") == '"Quoted" title\t1\t\n'


def test_a_failed_export_leaves_the_old_file(tmp_path: Path) -> None:
    from dateline.errors import StoreError

    conn = stored()
    conn.execute("UPDATE events SET data = '{' WHERE article_id = 'a000000000000002'")
    out = tmp_path / "events.csv"
    out.write_text("old\n", encoding="utf-8")
    with pytest.raises(StoreError, match="unreadable"):
        export(Reader(conn), "events", out, style="acled")
    assert out.read_text(encoding="utf-8") == "old\n" and [p.name for p in tmp_path.iterdir()] == ["events.csv"]
