"""The language model is kept decompressed in the cache folder; a broken cache file is passed over."""

from __future__ import annotations

from pathlib import Path

import pytest

from dateline.clean.language import read_identifier

TEXT = "The minister said on Tuesday that the talks with the neighbouring country would resume next week."


def test_the_model_is_cached_and_read_back(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DATELINE_CACHE", str(tmp_path))
    first = read_identifier()
    (cached,) = tmp_path.glob("langid-*.pickle")
    assert cached.stat().st_size > 1_000_000
    second = read_identifier()
    assert second.classify(TEXT) == first.classify(TEXT) and first.classify(TEXT)[0] == "en"


def test_a_broken_cache_file_is_passed_over(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DATELINE_CACHE", str(tmp_path))
    read_identifier()
    (cached,) = tmp_path.glob("langid-*.pickle")
    cached.write_bytes(b"not a pickle at all")
    assert read_identifier().classify(TEXT)[0] == "en"
    assert cached.stat().st_size > 1_000_000  # written again
    unwritable = tmp_path / "file-not-folder"
    unwritable.write_text("x")
    monkeypatch.setenv("DATELINE_CACHE", str(unwritable))
    assert read_identifier().classify(TEXT)[0] == "en"
