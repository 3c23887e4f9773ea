"""The Dask engine on a real LocalCluster, and forked local processes, store the facts of one process."""

from __future__ import annotations

from pathlib import Path

import pytest

from dateline import api
from dateline.config import Settings
from dateline.store import connect
from dateline.store.facts import Facts, count_facts, diff_facts, dump_facts

SAMPLES = Path(__file__).resolve().parents[2] / "samples"
INPUTS = ["dumps", "html", "feeds", "warc", "jsonl"]
PATHS = [str(SAMPLES / name) for name in INPUTS]

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def plain(tmp_path_factory: pytest.TempPathFactory, nlp: object) -> tuple[api.IngestReport, Facts]:
    """The bundled samples ingested by the local engine in one process: the reference."""
    db = tmp_path_factory.mktemp("plain") / "plain.db"
    report = api.ingest(PATHS, db, settings=Settings(processes=1))
    return report, dump_facts(connect(db, readonly=True))


def test_dask_engine_stores_the_facts_of_the_local_engine(
    tmp_path: Path, plain: tuple[api.IngestReport, Facts]
) -> None:
    local, facts = plain
    # one input as a file:// URL; 3 sources in flight out of 10, so results complete out of order
    dask_paths = [(SAMPLES / INPUTS[0]).as_uri(), *PATHS[1:]]
    settings = Settings(engine="dask", workers=2, in_flight=3)
    done: list[str] = []
    remote = api.ingest(dask_paths, tmp_path / "dask.db", settings=settings,
                        on_progress=lambda n, total, path: done.append(path))

    assert local.articles == remote.articles > 20
    assert (local.duplicates, local.near_duplicates) == (remote.duplicates, remote.near_duplicates)
    assert len(done) == remote.sources == 10
    assert count_facts(facts) > 1000
    assert diff_facts(facts, dump_facts(connect(tmp_path / "dask.db", readonly=True))) == []


def test_two_local_processes_store_the_facts_of_one(tmp_path: Path, plain: tuple[api.IngestReport, Facts]) -> None:
    report = api.ingest(PATHS, tmp_path / "two.db", settings=Settings(processes=2))
    assert report.articles == plain[0].articles
    assert diff_facts(plain[1], dump_facts(connect(tmp_path / "two.db", readonly=True))) == []
