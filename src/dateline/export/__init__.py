"""Exports of stored facts to files (CSV, JSONL, Parquet, GeoJSON)."""

from .events import COLUMNS, STYLES, event_rows, write_events

__all__ = ["COLUMNS", "STYLES", "event_rows", "write_events"]
