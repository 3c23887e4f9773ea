"""The Dask engine on a real LocalCluster stores exactly the facts of the local engine."""

from __future__ import annotations

from pathlib import Path

import pytest

from dateline import api
from dateline.config import Settings
from dateline.store import connect
from dateline.store.facts import count_facts, diff_facts, dump_facts

SAMPLES = Path(__file__).resolve().parents[2] / "samples"
INPUTS = ["dumps", "html", "feeds", "warc", "jsonl"]

pytestmark = pytest.mark.slow


def test_dask_engine_stores_the_facts_of_the_local_engine(tmp_path: Path, nlp: object) -> None:
    paths = [str(SAMPLES / name) for name in INPUTS]
    local = api.ingest(paths, tmp_path / "local.db", settings=Settings(processes=1))
    # one input as a file:// URL; 3 sources in flight out of 10, so results complete out of order
    dask_paths = [(SAMPLES / INPUTS[0]).as_uri(), *paths[1:]]
    settings = Settings(engine="dask", workers=2, in_flight=3)
    done: list[str] = []
    remote = api.ingest(dask_paths, tmp_path / "dask.db", settings=settings,
                        on_progress=lambda n, total, path: done.append(path))

    assert local.articles == remote.articles > 20
    assert (local.duplicates, local.near_duplicates) == (remote.duplicates, remote.near_duplicates)
    assert len(done) == remote.sources == 10
    left = dump_facts(connect(tmp_path / "local.db", readonly=True))
    right = dump_facts(connect(tmp_path / "dask.db", readonly=True))
    assert count_facts(left) > 1000
    assert diff_facts(left, right) == []
