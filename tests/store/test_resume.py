"""Killing an ingest midway (a real subprocess and a real signal) and completing it with a rerun.

The rerun must store exactly what one uninterrupted ingest stores (computed once for the module),
and a further rerun must add nothing.
"""

from __future__ import annotations

import signal
import sqlite3
import subprocess
import time
from pathlib import Path

import pytest

from clitools import dateline_command, run_json
from dateline import api

pytestmark = pytest.mark.slow

#: Stories in the corpus: enough that an interrupted run stops well before the end.
N = 40

CITIES = ["Tbilisi", "Yerevan", "Baku", "Ankara", "Amman", "Beirut", "Cairo", "Tunis", "Rabat", "Algiers",
          "Nairobi", "Kampala", "Kigali", "Dakar", "Accra", "Lagos", "Lima", "Quito", "Bogota", "Caracas"]
TOPICS = ["water prices", "a port expansion", "teacher salaries", "a new rail line", "fuel subsidies",
          "a border crossing", "hospital funding", "a wheat harvest"]


def write_corpus(folder: Path, n: int) -> None:
    folder.mkdir()
    for i in range(n):
        city, topic = CITIES[i % len(CITIES)], TOPICS[i % len(TOPICS)]
        body = (
            f"Officials in {city} met union leaders on Tuesday to discuss {topic}, the city council said in "
            f"statement number {i}.\n\n"
            f"Council spokesperson Dana Okafor{i} told reporters that talks would continue next week. "
            f"\"We expect an agreement on {topic} before the end of the month,\" she said.\n\n"
            f"Union members, speaking on condition of anonymity, said {i + 3} proposals were still on the table."
        )
        (folder / f"story_{i:03d}.txt").write_text(f"Talks on {topic.title()} in {city} ({i})\n\n{body}\n")


def count(db: Path, sql: str) -> int:
    if not db.exists():
        return 0
    try:
        conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5)
        try:
            return int(conn.execute(sql).fetchone()[0])
        finally:
            conn.close()
    except sqlite3.OperationalError:
        return 0


def interrupt_midway(corpus: Path, db: Path, sig: int, n: int) -> subprocess.CompletedProcess[str]:
    proc = subprocess.Popen([*dateline_command(), "ingest", str(corpus), "--db", str(db), "--quiet"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 240
    while count(db, "SELECT count(*) FROM articles") < 3:
        assert proc.poll() is None, proc.communicate()
        assert time.monotonic() < deadline
        time.sleep(0.05)
    proc.send_signal(sig)
    stdout, stderr = proc.communicate(timeout=60)
    stored = count(db, "SELECT count(*) FROM articles")
    assert 0 < stored < n, f"the run was not interrupted midway ({stored} of {n} stored)"
    return subprocess.CompletedProcess(proc.args, proc.returncode, stdout, stderr)


def stored_counts(db: Path) -> dict[str, int]:
    return {
        "articles": count(db, "SELECT count(*) FROM articles"),
        "copies": count(db, "SELECT count(*) FROM copies"),
        "mentions": count(db, "SELECT count(*) FROM mentions"),
        "quotes": count(db, "SELECT count(*) FROM quotes"),
        "sources_done": count(db, "SELECT count(*) FROM sources WHERE status = 'done'"),
        "fts": count(db, "SELECT count(*) FROM articles_fts"),
    }


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """N stories, one file each, written once for the module."""
    folder = tmp_path_factory.mktemp("resume") / "corpus"
    write_corpus(folder, N)
    return folder


@pytest.fixture(scope="module")
def reference(corpus: Path) -> dict[str, int]:
    """What one uninterrupted ingest of the corpus stores (in this process: the pipeline is shared)."""
    db = corpus.parent / "clean.db"
    report = api.ingest([str(corpus)], db)
    assert report.articles == N and not report.drops
    got = stored_counts(db)
    assert got["articles"] == got["copies"] == got["sources_done"] == got["fts"] == N
    assert got["mentions"] > N and got["quotes"] >= N
    return got


def rerun_completes(corpus: Path, db: Path, reference: dict[str, int]) -> None:
    rerun = run_json("ingest", str(corpus), "--db", str(db))
    assert rerun["drops"] == {}
    assert stored_counts(db) == reference


def test_sigkill_midway_then_rerun_completes_without_duplicates(
    corpus: Path, reference: dict[str, int], tmp_path: Path
) -> None:
    db = tmp_path / "news.db"
    result = interrupt_midway(corpus, db, signal.SIGKILL, N)
    assert result.returncode == -signal.SIGKILL
    rerun_completes(corpus, db, reference)
    again = run_json("ingest", str(corpus), "--db", str(db))
    assert again["articles"] == 0 and again["drops"] == {}
    assert stored_counts(db) == reference


def test_ctrl_c_midway_says_so_and_rerun_completes(corpus: Path, reference: dict[str, int], tmp_path: Path) -> None:
    db = tmp_path / "news.db"
    result = interrupt_midway(corpus, db, signal.SIGINT, N)
    assert result.returncode == 130 and "interrupted" in result.stderr
    rerun_completes(corpus, db, reference)
