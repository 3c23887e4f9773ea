"""Write export rows as CSV, JSONL, Parquet or GeoJSON, with a fixed schema per style.

Columns and their types are fixed (``COLUMNS``), so an export always has the same header and
Parquet types, even when it holds no rows. Rows stream to CSV, JSONL and GeoJSON; Parquet is
written in batches.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Iterator
from itertools import islice
from pathlib import Path
from typing import Any

FORMATS = ("csv", "jsonl", "parquet", "geojson")
S, N, F = "string", "int64", "float64"  # text, integer, real

COLUMNS: dict[str, dict[str, str]] = {
    "dateline": {
        "article_id": S, "url": S, "outlet": S, "published": S, "sentence": S, "sentence_start": N,
        "sentence_end": N, "trigger": S, "trigger_start": N, "trigger_end": N, "action": S,
        "category": S, "mode": S, "reported_category": S, "cameo": S, "cameo_root": S,
        "quad_class": N, "goldstein": F, "acled_event_type": S, "acled_sub_event_type": S,
        "modality": S, "actors": S, "actor_countries": S, "actor_groups": S, "actor_sectors": S,
        "targets": S, "target_countries": S, "target_groups": S, "target_sectors": S,
        "attributed_to": S, "attributed_country": S, "instrument": S, "casualties": S,
        "fatalities": N, "place": S, "place_country": S, "latitude": F, "longitude": F,
        "geo_precision": N, "place_kind": S, "date": S, "date_precision": S, "date_raw": S,
        "date_source": S, "source_quote": N, "confidence": F, "primary": N,
    },
    "gdelt": {
        "GLOBALEVENTID": N, "SQLDATE": N, "MonthYear": N, "Year": N, "FractionDate": F,
        "Actor1Code": S, "Actor1Name": S, "Actor1CountryCode": S, "Actor1KnownGroupCode": S,
        "Actor1Type1Code": S, "Actor2Code": S, "Actor2Name": S, "Actor2CountryCode": S,
        "Actor2KnownGroupCode": S, "Actor2Type1Code": S, "IsRootEvent": N, "EventCode": S,
        "EventBaseCode": S, "EventRootCode": S, "QuadClass": N, "GoldsteinScale": F,
        "NumMentions": N, "NumSources": N, "NumArticles": N, "AvgTone": F, "ActionGeo_Type": N,
        "ActionGeo_FullName": S, "ActionGeo_CountryCode": S, "ActionGeo_Lat": F,
        "ActionGeo_Long": F, "ActionGeo_FeatureID": S, "DATEADDED": N, "SOURCEURL": S,
        "Modality": S, "PloverCategory": S,
    },
    "acled": {
        "event_id_cnty": S, "event_date": S, "year": N, "time_precision": N, "event_type": S,
        "sub_event_type": S, "actor1": S, "assoc_actor_1": S, "inter1": N, "actor2": S,
        "assoc_actor_2": S, "inter2": N, "interaction": N, "iso": N, "country": S, "admin1": S,
        "location": S, "latitude": F, "longitude": F, "geo_precision": N, "source": S, "notes": S,
        "fatalities": N, "modality": S,
    },
}  # fmt: skip
#: Latitude and longitude columns of each style (for GeoJSON points).
COORDS = {"dateline": ("latitude", "longitude"), "gdelt": ("ActionGeo_Lat", "ActionGeo_Long"),
          "acled": ("latitude", "longitude")}


def _style_of(first: dict[str, Any] | None) -> str:
    if first is None:
        return "dateline"
    for style, cols in COLUMNS.items():
        if list(first) == list(cols):
            return style
    return "dateline"


def _peek(rows: Iterable[dict[str, Any]]) -> tuple[dict[str, Any] | None, Iterator[dict[str, Any]]]:
    it = iter(rows)
    first = next(it, None)
    if first is None:
        return None, iter(())

    def chain() -> Iterator[dict[str, Any]]:
        yield first
        yield from it

    return first, chain()


def write_events(rows: Iterable[dict[str, Any]], fmt: str, path: str | Path, style: str | None = None) -> int:
    """Write export rows to ``path`` as csv, jsonl, parquet or geojson; return the number written.

    The columns are those of the rows' style (guessed from the first row, or ``style``), so an
    empty export still has its header (CSV, Parquet).
    """
    if fmt not in FORMATS:
        raise ValueError(f"unknown export format {fmt!r}; use one of {', '.join(FORMATS)}")
    first, stream = _peek(rows)
    style = style or _style_of(first)
    columns = list(COLUMNS[style]) if first is None or list(first) == list(COLUMNS[style]) else list(first)
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    if fmt == "csv":
        with path.open("w", encoding="utf-8", newline="") as f:
            writer = csv.DictWriter(f, fieldnames=columns)
            writer.writeheader()
            return sum(1 for row in stream if writer.writerow(row) is not None or True)
    if fmt == "jsonl":
        n = 0
        with path.open("w", encoding="utf-8") as f:
            for row in stream:
                f.write(json.dumps(row, ensure_ascii=False, default=str) + "\n")
                n += 1
        return n
    if fmt == "geojson":
        return _geojson(stream, path, COORDS.get(style, ("latitude", "longitude")))
    return _parquet(stream, path, columns, COLUMNS.get(style, {}))


def _geojson(rows: Iterator[dict[str, Any]], path: Path, coords: tuple[str, str]) -> int:
    """A FeatureCollection: one feature a row, a Point where the row has coordinates, else null."""
    n = 0
    with path.open("w", encoding="utf-8") as f:
        f.write('{"type": "FeatureCollection", "features": [\n')
        for row in rows:
            lat, lon = row.get(coords[0]), row.get(coords[1])
            geometry = {"type": "Point", "coordinates": [lon, lat]} if lat is not None and lon is not None else None
            feature = {"type": "Feature", "geometry": geometry, "properties": row}
            f.write((",\n" if n else "") + json.dumps(feature, ensure_ascii=False, default=str))
            n += 1
        f.write("\n]}\n")
    return n


def _parquet(rows: Iterator[dict[str, Any]], path: Path, columns: list[str], types: dict[str, str]) -> int:
    import pyarrow as pa
    import pyarrow.parquet as pq

    arrow = {"string": pa.string(), "int64": pa.int64(), "float64": pa.float64()}
    schema = pa.schema([(c, arrow[types.get(c, "string")]) for c in columns])
    n = 0
    with pq.ParquetWriter(str(path), schema) as writer:
        while batch := list(islice(rows, 5000)):
            data = {c: [_cast(r.get(c), types.get(c, "string")) for r in batch] for c in columns}
            writer.write_table(pa.table(data, schema=schema))
            n += len(batch)
    return n


def _cast(value: Any, kind: str) -> Any:
    if value is None or value == "":
        return None if kind != "string" else value
    if kind == "int64":
        return int(value)
    if kind == "float64":
        return float(value)
    return str(value)
