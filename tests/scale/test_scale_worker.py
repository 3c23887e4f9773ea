"""Worker tasks and fsspec inputs, run in this process (no cluster needed)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import fsspec
import pytest
from typer.testing import CliRunner

from dateline import api
from dateline.cli import app
from dateline.config import Settings
from dateline.ingest import Source
from dateline.scale import discover_sources, is_url, process_source
from dateline.scale.worker import FAILED

DUMP = """Talks resume in Doha over prisoner exchange

DOHA, March 3 (Gulf Wire) - Negotiators from both sides met in Doha on Monday to resume talks on a
prisoner exchange, Qatar's foreign ministry said.

"We are closer than we have been in months," ministry spokesman Majed al-Ansari told reporters.
"""


@pytest.fixture()
def memory_news() -> Iterator[str]:
    fs = fsspec.filesystem("memory")
    fs.pipe("/wire/2024/doha.txt", DUMP.encode())
    fs.pipe("/wire/2024/.hidden.txt", b"not news")
    yield "memory://wire"
    fs.rm("/wire", recursive=True)


def test_urls_are_told_from_paths() -> None:
    assert is_url("s3://bucket/news/*.warc.gz") and is_url("file:///tmp/a.txt")
    assert not is_url("news/a.txt") and not is_url("C:/news/a.txt") and not is_url("C://x")


def test_remote_directory_lists_its_visible_files(memory_news: str) -> None:
    sources = list(discover_sources([memory_news, "memory://nowhere/*.txt"]))
    assert [s.path for s in sources[:1]] == ["memory:///wire/2024/doha.txt"]
    assert sources[0].size == len(DUMP.encode()) and sources[0].error is None
    assert sources[1].error is not None and sources[1].error.reason == "not_found"


def test_file_url_is_read_as_a_local_path(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(DUMP, encoding="utf-8")
    (source,) = discover_sources([(tmp_path / "a.txt").as_uri()])
    assert source.path == str(tmp_path / "a.txt") and source.format == "text" and source.sha256


@pytest.mark.slow
def test_worker_reads_a_remote_source_and_names_it_by_its_url(memory_news: str, nlp: object) -> None:
    (source,) = discover_sources([memory_news])
    (article,) = process_source(source, Settings(processes=1), api.build_pipeline, outlet="Gulf Wire")
    assert article.drop is None and article.source == "memory:///wire/2024/doha.txt"
    assert article.doc is None and article.outlet == "Gulf Wire" and article.provenance.source_sha256
    assert any(q.speaker and "Ansari" in q.speaker for q in article.quotes)


def test_a_failing_source_becomes_one_drop(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(DUMP, encoding="utf-8")
    source = Source(str(path), sha256="abc", size=10, format="text")
    (article,) = process_source(source, Settings(models=("no_such_pipeline",), processes=1), api.build_pipeline)
    assert article.drop is not None and article.drop.reason == FAILED
    assert "no_such_pipeline" in article.drop.detail and article.source == str(path)


def test_engine_options_are_checked(tmp_path: Path) -> None:
    runner = CliRunner()
    db = str(tmp_path / "x.db")
    for args, word in (
        (["--engine", "spark"], "spark"),
        (["--workers", "2"], "--engine dask"),
        (["--engine", "dask", "--workers", "2", "--scheduler", "tcp://127.0.0.1:8786"], "not both"),
    ):
        result = runner.invoke(app, ["ingest", str(tmp_path), "--db", db, *args])
        assert result.exit_code == 2 and word in result.output
    with pytest.raises(ValueError, match="unknown engine"):
        api.ingest([str(tmp_path)], db, settings=Settings(engine="spark"))
