"""Events as a Parquet dataset partitioned by day, for Dask, DuckDB or Spark over large databases.

The output is a directory in the Hive layout: ``day=2024-08-16/part-00000.parquet``, one folder per
day and ``day=unknown`` for events without one. The day is the event's own date when it is known to
the day, else the article's publication day. Readers get ``day`` back as a column
(``dask.dataframe.read_parquet(DIR)``, DuckDB ``read_parquet('DIR/*/*.parquet', hive_partitioning=true)``).

Rows are buffered per day and written in parts of at most ``part_rows`` rows; no more than
``buffer_rows`` rows are held in memory at once, so a database of any size exports in bounded memory.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from ..errors import UsageError
from .writers import COLUMNS

UNKNOWN_DAY = "unknown"
_DAY = re.compile(r"^(\d{4})-?(\d{2})-?(\d{2})")
#: Where each style keeps the event's date and the article's publication date.
DAY_COLUMNS = {"dateline": ("date", "published"), "gdelt": ("SQLDATE",), "acled": ("event_date",)}


def day_of(row: dict[str, Any], style: str = "dateline") -> str:
    """``YYYY-MM-DD`` of the first column of ``style`` that holds a full date, else ``unknown``."""
    for column in DAY_COLUMNS.get(style, ("date",)):
        value = row.get(column)
        if style == "dateline" and column == "date" and row.get("date_precision") not in (None, "", "day"):
            continue  # "August 2024" says no day
        found = _DAY.match(str(value)) if value not in (None, "") else None
        if found:
            return "-".join(found.groups())
    return UNKNOWN_DAY


class PartitionedWriter:
    """Buffers rows per day and writes each day's rows as Parquet parts under ``root``."""

    def __init__(self, root: Path, style: str, part_rows: int, buffer_rows: int) -> None:
        import pyarrow as pa

        self.root, self.style = root, style
        self.part_rows, self.buffer_rows = part_rows, buffer_rows
        self.types = COLUMNS[style]
        arrow = {"string": pa.string(), "int64": pa.int64(), "float64": pa.float64()}
        self.schema = pa.schema([(c, arrow[t]) for c, t in self.types.items()])
        self.buffers: dict[str, list[dict[str, Any]]] = defaultdict(list)
        self.parts: dict[str, int] = defaultdict(int)
        self.buffered = 0

    def add(self, row: dict[str, Any]) -> None:
        day = day_of(row, self.style)
        self.buffers[day].append(row)
        self.buffered += 1
        if len(self.buffers[day]) >= self.part_rows:
            self.flush(day)
        elif self.buffered >= self.buffer_rows:
            self.flush_all()

    def flush(self, day: str) -> None:
        import pyarrow as pa
        import pyarrow.parquet as pq

        rows = self.buffers.pop(day, [])
        if not rows:
            return
        folder = self.root / f"day={day}"
        folder.mkdir(parents=True, exist_ok=True)
        data = {c: [_cast(r.get(c), t) for r in rows] for c, t in self.types.items()}
        pq.write_table(pa.table(data, schema=self.schema), folder / f"part-{self.parts[day]:05d}.parquet")
        self.parts[day] += 1
        self.buffered -= len(rows)

    def flush_all(self) -> None:
        for day in list(self.buffers):
            self.flush(day)


def write_partitioned(
    rows: Iterable[dict[str, Any]],
    directory: str | Path,
    style: str = "dateline",
    *,
    part_rows: int = 100_000,
    buffer_rows: int = 200_000,
) -> int:
    """Write event rows of ``style`` under ``directory`` partitioned by day; return the number written.

    ``directory`` must not exist or be empty (parts of an earlier export would mix with this one).
    """
    if style not in COLUMNS:
        raise UsageError(f"unknown export style {style!r}; use one of {', '.join(COLUMNS)}")
    root = Path(directory)
    if root.is_symlink():
        raise ValueError(f"{root}: is a symbolic link; a partitioned export needs a new or empty directory of its own")
    if root.exists() and (not root.is_dir() or any(root.iterdir())):
        raise UsageError(f"{root}: a partitioned export needs a new or empty directory")
    root.mkdir(parents=True, exist_ok=True)
    writer = PartitionedWriter(root, style, part_rows, buffer_rows)
    n = 0
    for row in rows:
        writer.add(row)
        n += 1
    writer.flush_all()
    return n


def _cast(value: Any, kind: str) -> Any:
    if value is None or value == "":
        return None if kind != "string" else value
    if kind == "int64":
        return int(value)
    if kind == "float64":
        return float(value)
    return str(value)
