"""Bench text shared by the benchmarks: the PolNeAR dev articles when ../shared is there."""

from __future__ import annotations

import json
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
POLNEAR = ROOT.parent / "shared" / "eval" / "quotes" / "polnear_dev.jsonl"


def polnear_texts(limit: int | None) -> list[str] | None:
    """The first ``limit`` PolNeAR dev texts (all when None), or None when the file is absent."""
    if not POLNEAR.exists():
        return None
    with POLNEAR.open(encoding="utf-8") as f:
        return [json.loads(line)["text"] for line in f if line.strip()][:limit]
