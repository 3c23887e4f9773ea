"""Organisation and sector tables: the shipped ones read once, a user's own files taken instead."""

from __future__ import annotations

from pathlib import Path

from dateline.geo.orgs import SHIPPED_ORGS, OrgTables, find_orgs, sectors
from dateline.tables import Default


def test_own_tables_replace_the_shipped_ones(tmp_path: Path) -> None:
    actors = tmp_path / "actors.tsv"
    actors.write_text("names\tcode\tsector\nHarbour Guild|the Guild\tNLD\tBUS\nport union\tNGO\tLAB\n")
    words = tmp_path / "sectors.tsv"
    words.write_text("word\tsector\nstevedore\tLAB\n")
    own = OrgTables.read(actors, words)
    found = find_orgs("The Harbour Guild met two port unions and the UN.", own)
    assert [(o.name, o.code, o.generic) for _, _, o in found] == [
        ("Harbour Guild", "NLD", False), ("port union", "NGO", True)]
    assert sectors(own) == {"stevedore": "LAB"}
    assert "ministry" in sectors() and [o.code for _, _, o in find_orgs("the UN")] == ["IGO"]


def test_a_default_is_read_once_and_can_be_replaced() -> None:
    reads: list[int] = []
    table: Default[dict[str, str]] = Default("test table", lambda: reads.append(1) or {"a": "b"})
    assert table.get() is table.get() and reads == [1]
    table.use({"c": "d"})
    assert table.get() == {"c": "d"}
    table.use(None)
    assert table.get() == {"a": "b"} and reads == [1, 1]
    assert SHIPPED_ORGS.get() is SHIPPED_ORGS.get()
