"""`dateline export -o` never replaces a database, a device, a FIFO, a link or what a link points
to, and never writes through a planted ``.part`` link (real subprocesses, real files)."""

from __future__ import annotations

import os
import sqlite3
import stat
from pathlib import Path

import pytest
from export_samples import stored

from clitools import run


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("output-safety") / "news.db"
    stored(str(path)).close()
    return path


def _articles(db: Path) -> int:
    with sqlite3.connect(db) as conn:
        return int(conn.execute("SELECT count(*) FROM articles").fetchone()[0])


def _refused(proc_args: tuple[str, ...], needle: str) -> str:
    proc = run(*proc_args, check=False)
    assert proc.returncode == 2, proc.stderr
    assert "Traceback" not in proc.stderr and needle in proc.stderr
    return proc.stderr


def test_the_database_itself_is_not_replaced(db: Path) -> None:
    before = _articles(db)
    _refused(("export", "articles", "--db", str(db), "-o", str(db)), "is a database")
    assert db.read_bytes().startswith(b"SQLite format 3\x00") and _articles(db) == before


def test_another_database_is_not_replaced(db: Path, tmp_path: Path) -> None:
    other = tmp_path / "other.sqlite"
    sqlite3.connect(other).execute("CREATE TABLE t (x)").connection.close()
    _refused(("export", "entities", "--db", str(db), "-o", str(other)), "is a database")
    assert other.read_bytes().startswith(b"SQLite format 3\x00")


def test_a_fifo_stays_a_fifo(db: Path, tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.csv"
    os.mkfifo(fifo)
    _refused(("export", "articles", "--db", str(db), "-o", str(fifo)), "FIFO")
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)


@pytest.mark.skipif(os.geteuid() != 0, reason="making a device node needs root")
def test_a_device_stays_a_device(db: Path, tmp_path: Path) -> None:
    device = tmp_path / "null"
    os.mknod(device, stat.S_IFCHR | 0o666, os.makedev(1, 3))  # a copy of /dev/null inside the test folder
    _refused(("export", "articles", "--db", str(db), "-o", str(device)), "device")
    assert stat.S_ISCHR(os.lstat(device).st_mode)


def test_a_link_and_its_target_stay(db: Path, tmp_path: Path) -> None:
    victim = tmp_path / "notes.txt"
    victim.write_text("keep me\n", encoding="utf-8")
    link = tmp_path / "out.csv"
    link.symlink_to(victim)
    _refused(("export", "articles", "--db", str(db), "-o", str(link)), "symbolic link")
    assert link.is_symlink() and victim.read_text(encoding="utf-8") == "keep me\n"


def test_a_folder_is_a_clear_error(db: Path, tmp_path: Path) -> None:
    _refused(("export", "articles", "--db", str(db), "-o", str(tmp_path)), "is a folder")


def test_a_planted_part_link_is_not_followed(db: Path, tmp_path: Path) -> None:
    victim = tmp_path / "victim.txt"
    victim.write_text("precious\n", encoding="utf-8")
    (tmp_path / "attack.csv.part").symlink_to(victim)
    out = tmp_path / "attack.csv"
    run("export", "articles", "--db", str(db), "-o", str(out))
    assert victim.read_text(encoding="utf-8") == "precious\n"
    assert out.read_text(encoding="utf-8").startswith("id,") and not out.is_symlink()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["attack.csv", "attack.csv.part", "victim.txt"]


def test_a_regular_file_is_replaced_and_the_user_told(db: Path, tmp_path: Path) -> None:
    out = tmp_path / "a.csv"
    out.write_text("old\n", encoding="utf-8")
    proc = run("export", "articles", "--db", str(db), "-o", str(out))
    assert "replacing the file that was there" in proc.stderr
    assert out.read_text(encoding="utf-8").startswith("id,")
    umask = os.umask(0)
    os.umask(umask)
    assert stat.S_IMODE(out.stat().st_mode) == 0o666 & ~umask  # the permissions of a new file, not 0600


def test_a_partitioned_export_does_not_follow_a_link(db: Path, tmp_path: Path) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    link = tmp_path / "parts"
    link.symlink_to(elsewhere)
    _refused(("export", "events", "--db", str(db), "--partition-by", "date", "-o", str(link)), "symbolic link")
    assert not any(elsewhere.iterdir())
