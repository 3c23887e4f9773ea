"""The gazetteer's index is built once, kept on disk, and gives the same places read back."""

from __future__ import annotations

from pathlib import Path

import pytest

from dateline.geo import gazetteer as module
from dateline.geo.gazetteer import Gazetteer, cache_dir, cached_index, fold


@pytest.fixture(scope="module")
def built() -> dict[str, object]:
    """A real index (the process's cached one, built only when no cache has it): the tests below
    check how it is kept, not how it is made."""
    return dict(cached_index())


def _rebuild_from(built: dict[str, object], monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Make later builds return a copy of ``built`` and count them."""
    calls: list[int] = []

    def rebuild() -> dict[str, object]:
        calls.append(1)
        return dict(built)

    monkeypatch.setattr(module, "build_index", rebuild)
    return calls


def _answers(gaz: Gazetteer) -> list[object]:
    names = ["Tripoli", "Doha", "Iraq", "the Gaza Strip", "Washington", "Qwertyville", "Kyiv", "São Paulo"]
    out: list[object] = [gaz.lookup(name) for name in names]
    out.append(gaz.lookup("Tripoli", {"LBN"}))
    out.append(gaz.in_division("Hendersonville", "North Carolina"))
    out.append(gaz.find_sites("Rockets hit the Ain al-Asad air base near the Rafah crossing."))
    return out


def test_index_is_cached_on_disk_and_read_back_the_same(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, built: dict[str, object]
) -> None:
    monkeypatch.setenv("DATELINE_CACHE", str(tmp_path / "cache"))
    assert cache_dir() == tmp_path / "cache"
    calls = _rebuild_from(built, monkeypatch)
    first = Gazetteer()  # nothing cached yet: built, then stored
    (stored,) = (tmp_path / "cache").glob("gazetteer-*.marshal")
    again = Gazetteer()  # read from the file, not built again
    assert calls == [1]
    assert _answers(again) == _answers(first)
    assert again.lookup("Doha") is not None
    stored.write_bytes(b"not an index")  # a damaged cache is rebuilt, not trusted
    assert cached_index()["city_rows"] == again._city_rows
    assert calls == [1, 1] and stored.read_bytes() != b"not an index"


def test_unwritable_cache_still_gives_a_gazetteer(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, built: dict[str, object]
) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("a file where the cache directory should be")
    monkeypatch.setenv("DATELINE_CACHE", str(blocker / "cache"))
    calls = _rebuild_from(built, monkeypatch)
    site = Gazetteer().lookup("Doha")
    assert site is not None and site.country == "QAT" and calls == [1]


def test_fold_removes_the_article_possessive_accents_and_apostrophes() -> None:
    assert fold("  The Gaza  Strip ") == "gaza strip"
    assert fold("Washington's") == "washington"
    assert fold("São Paulo") == "sao paulo"
    assert fold("Sana’a") == "sanaa"
    assert fold("THE Hague") == "hague"
