"""Exports of stored facts to files (CSV, JSONL, Parquet, GeoJSON) in our and the anchors' layouts."""

from .events import COLUMNS, STYLES, event_rows, write_events
from .run import export

__all__ = ["COLUMNS", "STYLES", "event_rows", "export", "write_events"]
