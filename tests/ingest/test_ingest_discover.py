"""discover: files, directories (recursive, sorted, hidden skipped), globs, missing paths."""

from __future__ import annotations

import hashlib
from pathlib import Path

from dateline.ingest import discover, read_paths


def make_tree(root: Path) -> None:
    (root / "b_section" / "deep").mkdir(parents=True)
    (root / ".cache").mkdir()
    (root / "z_last.txt").write_text("Last story of the day.\n", encoding="utf-8")
    (root / "a_first.txt").write_text("First story of the day.\n", encoding="utf-8")
    (root / "b_section" / "middle.jsonl").write_text(
        '{"text": "A story from the middle."}\n', encoding="utf-8"
    )
    (root / "b_section" / "deep" / "inner.txt").write_text("A story from deep inside.\n", encoding="utf-8")
    (root / ".hidden.txt").write_text("Not for reading.\n", encoding="utf-8")
    (root / ".cache" / "x.txt").write_text("Cached copy.\n", encoding="utf-8")


def names(root: Path, sources: list) -> list[str]:  # type: ignore[type-arg]
    return [str(Path(s.path).relative_to(root)) for s in sources]


def test_directory_is_walked_recursively_in_sorted_order(tmp_path: Path) -> None:
    make_tree(tmp_path)
    sources = list(discover([str(tmp_path)]))
    assert names(tmp_path, sources) == [
        "a_first.txt",
        "z_last.txt",
        "b_section/middle.jsonl",
        "b_section/deep/inner.txt",
    ]
    first = sources[0]
    assert first.format == "text" and first.error is None
    assert first.size == len(b"First story of the day.\n")
    assert first.sha256 == hashlib.sha256(b"First story of the day.\n").hexdigest()
    assert sources[2].format == "jsonl"


def test_glob_patterns_and_repeats(tmp_path: Path) -> None:
    make_tree(tmp_path)
    sources = list(discover([str(tmp_path / "**" / "*.txt"), str(tmp_path / "a_first.txt")]))
    assert names(tmp_path, sources) == ["a_first.txt", "b_section/deep/inner.txt", "z_last.txt"]


def test_pattern_matching_nothing_and_missing_path(tmp_path: Path) -> None:
    pattern = str(tmp_path / "*.warc")
    missing = str(tmp_path / "gone.txt")
    sources = list(discover([pattern, missing]))
    assert [(s.path, s.error.reason if s.error else None) for s in sources] == [
        (pattern, "not_found"),
        (missing, "not_found"),
    ]
    assert sources[0].error is not None and "no file matches" in sources[0].error.detail
    assert sources[1].sha256 is None


def test_read_paths_positions_restart_per_source(tmp_path: Path) -> None:
    make_tree(tmp_path)
    articles = list(read_paths([str(tmp_path)]))
    assert [(Path(a.source).name, a.position) for a in articles] == [
        ("a_first.txt", 0),
        ("z_last.txt", 0),
        ("middle.jsonl", 0),
        ("inner.txt", 0),
    ]


def test_directory_walk_passes_over_code_and_docs_but_not_named_files(tmp_path: Path) -> None:
    (tmp_path / "story.txt").write_text("Officials met on Monday to discuss the budget, the ministry said.")
    (tmp_path / "README.md").write_text("# notes about this folder")
    (tmp_path / "build.py").write_text("print('hello')")
    assert [Path(s.path).name for s in discover([str(tmp_path)])] == ["story.txt"]
    assert [Path(s.path).name for s in discover([str(tmp_path / "README.md")])] == ["README.md"]
