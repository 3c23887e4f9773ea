"""Write export rows as CSV (or tab-separated), JSONL, Parquet or GeoJSON, with a fixed schema.

Columns and their kinds are fixed per layout (a ``dict`` column → kind), so an export always has
the same header and Parquet types, even when it holds no rows. Rows stream to CSV, JSONL and
GeoJSON; Parquet is written in batches. Text cells in CSV are spreadsheet-safe (see
:mod:`.cells`); JSONL and Parquet keep the text as stored.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Iterator
from itertools import islice
from pathlib import Path
from typing import Any

from ..errors import UsageError
from .cells import F, N, S, cast, spreadsheet_cell
from .layouts import ACLED_EVENTS, DATELINE_EVENTS, GDELT_EVENTS

FORMATS = ("csv", "jsonl", "parquet", "geojson")

#: Event export columns by style.
COLUMNS: dict[str, dict[str, str]] = {"dateline": DATELINE_EVENTS, "gdelt": GDELT_EVENTS, "acled": ACLED_EVENTS}
#: Latitude and longitude columns of each style (for GeoJSON points).
COORDS = {"dateline": ("latitude", "longitude"), "gdelt": ("ActionGeo_Lat", "ActionGeo_Long"),
          "acled": ("latitude", "longitude")}
__all__ = ["COLUMNS", "F", "FORMATS", "N", "S", "write_events", "write_rows"]


def write_rows(rows: Iterable[dict[str, Any]], fmt: str, path: str | Path, columns: dict[str, str], *,
               header: bool = True, delimiter: str = ",",
               coords: tuple[str, str] = ("latitude", "longitude")) -> int:
    """Write ``rows`` (dicts keyed by ``columns``) to ``path``; return the number written.

    ``columns`` maps each column to its kind (string, int64, float64); values are cast to it, a
    missing value is written empty (CSV) or null. ``header`` and ``delimiter`` apply to CSV.
    """
    if fmt not in FORMATS:
        raise UsageError(f"unknown export format {fmt!r}; use one of {', '.join(FORMATS)}")
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    typed = ({c: cast(row.get(c), kind) for c, kind in columns.items()} for row in rows)
    if fmt == "csv":
        return _csv(rows, path, columns, header, delimiter)
    if fmt == "jsonl":
        return write_jsonl(typed, path)
    if fmt == "geojson":
        return _geojson(typed, path, coords)
    return _parquet(typed, path, columns)


def write_events(rows: Iterable[dict[str, Any]], fmt: str, path: str | Path, style: str = "dateline",
                 header: bool | None = None) -> int:
    """Write event rows of ``style``; GDELT's CSV is tab-separated without a header, as GDELT's own."""
    if style not in COLUMNS:
        raise UsageError(f"unknown export style {style!r}; use one of {', '.join(COLUMNS)}")
    gdelt = style == "gdelt"
    return write_rows(rows, fmt, path, COLUMNS[style], header=(not gdelt) if header is None else header,
                      delimiter="\t" if gdelt else ",", coords=COORDS[style])


def _csv(rows: Iterable[dict[str, Any]], path: Path, columns: dict[str, str], header: bool, delimiter: str) -> int:
    n = 0
    with path.open("w", encoding="utf-8", newline="") as f:
        # Tab-separated files are written as GDELT writes them: never quoted (cells hold no tabs or line breaks).
        if delimiter == "\t":
            writer = csv.writer(f, delimiter="\t", quoting=csv.QUOTE_NONE, quotechar=None, lineterminator="\n")
        else:
            writer = csv.writer(f, delimiter=delimiter, quoting=csv.QUOTE_MINIMAL, lineterminator="\n")
        if header:
            writer.writerow(list(columns))
        for row in rows:
            writer.writerow([spreadsheet_cell(row.get(c), kind) for c, kind in columns.items()])
            n += 1
    return n


def _geojson(rows: Iterator[dict[str, Any]], path: Path, coords: tuple[str, str]) -> int:
    """A FeatureCollection: one feature a row, a Point where the row has coordinates, else null."""
    n = 0
    with path.open("w", encoding="utf-8") as f:
        f.write('{"type": "FeatureCollection", "features": [\n')
        for row in rows:
            lat, lon = row.get(coords[0]), row.get(coords[1])
            geometry = {"type": "Point", "coordinates": [lon, lat]} if lat is not None and lon is not None else None
            feature = {"type": "Feature", "geometry": geometry, "properties": row}
            f.write((",\n" if n else "") + json.dumps(feature, ensure_ascii=False))
            n += 1
        f.write("\n]}\n")
    return n


def _parquet(rows: Iterator[dict[str, Any]], path: Path, columns: dict[str, str]) -> int:
    import pyarrow as pa
    import pyarrow.parquet as pq

    arrow = {S: pa.string(), N: pa.int64(), F: pa.float64()}
    schema = pa.schema([(c, arrow[kind]) for c, kind in columns.items()])
    n = 0
    with pq.ParquetWriter(str(path), schema) as writer:
        while batch := list(islice(rows, 5000)):
            writer.write_table(pa.table({c: [r[c] for r in batch] for c in columns}, schema=schema))
            n += len(batch)
    return n


def write_jsonl(lines: Iterable[dict[str, Any]], path: Path) -> int:
    """One JSON object a line; returns the number of lines."""
    path.parent.mkdir(parents=True, exist_ok=True)
    n = 0
    with path.open("w", encoding="utf-8") as f:
        for line in lines:
            f.write(json.dumps(line, ensure_ascii=False) + "\n")
            n += 1
    return n
