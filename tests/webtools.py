"""Helpers for the browser tests: where chromium is, and an app served by uvicorn in a thread."""

from __future__ import annotations

from pathlib import Path

from dateline.web.background import served

__all__ = ["ARGS", "CHROMIUM", "served"]

CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run"]
