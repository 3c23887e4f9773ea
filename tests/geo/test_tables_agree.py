"""The organisation tables never disagree on a name's country, and a region is listed once."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import dateline

DATA = Path(dateline.__file__).parent / "data"
NO_SINGLE_COUNTRY = {"", "IGO", "IMG", "NGO"}


def _rows(name: str) -> list[list[str]]:
    lines = (DATA / name).read_text(encoding="utf-8").splitlines()
    return [line.split("\t") for line in lines if line.strip() and not line.startswith("#")]


def _countries() -> dict[str, dict[str, str]]:
    found: dict[str, dict[str, str]] = {}
    for table in ("entities/aliases.tsv", "entities/groups.tsv"):
        for row in _rows(table):
            if len(row) >= 4:
                for name in (row[0], row[1]):
                    found.setdefault(name.lower(), {})[table] = row[3].strip()
    for row in _rows("events/actors.tsv"):
        for name in row[0].split("|"):
            found.setdefault(name.lower(), {})["events/actors.tsv"] = row[1].strip()
    return found


def test_organisation_tables_agree_on_countries() -> None:
    disagree = []
    for name, by_table in _countries().items():
        codes = {c for c in by_table.values() if c not in NO_SINGLE_COUNTRY}
        blanks = {c for c in by_table.values() if c in NO_SINGLE_COUNTRY}
        if len(codes) > 1 or (codes and blanks):
            disagree.append((name, by_table))
    assert not disagree, disagree


def test_every_region_is_listed_once() -> None:
    names = Counter(row[0].lower() for row in _rows("places/regions.tsv"))
    assert [n for n, k in names.items() if k > 1] == []
