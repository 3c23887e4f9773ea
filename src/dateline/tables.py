"""The one loader for every shipped table and word list under ``dateline/data/``.

Tables are tab-separated; blank lines and lines starting with ``#`` are skipped. ``name`` is a path
relative to ``data/`` ("events/cameo.tsv") or a path to a user's own file.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Generic, TypeVar


def read_text(name: str | Path) -> str:
    """The text of a shipped data file (relative to ``data/``) or of a user's file (an existing path)."""
    path = Path(name)
    if path.is_absolute() or path.exists():
        return path.read_text(encoding="utf-8")
    return resources.files("dateline").joinpath(f"data/{name}").read_text(encoding="utf-8")


@lru_cache(maxsize=64)
def _cached_rows(name: str) -> tuple[tuple[str, ...], ...]:
    rows = []
    for line in read_text(name).splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        rows.append(tuple(line.rstrip("\r").split("\t")))
    return tuple(rows)


def read_table(
    name: str | Path, *, header: bool = False, width: int | None = None, strip: bool = False
) -> list[list[str]]:
    """Rows of a TSV table.

    ``header``: the first row is column names and is left out. ``width``: rows padded with empty
    cells (and cut) to this many columns. ``strip``: whitespace stripped from every cell.
    """
    rows = [list(r) for r in _cached_rows(str(name))]
    if header:
        rows = rows[1:]
    if strip:
        rows = [[c.strip() for c in r] for r in rows]
    if width is not None:
        rows = [(r + [""] * width)[:width] for r in rows]
    return rows


T = TypeVar("T")


class Default(Generic[T]):
    """A shipped table (or model) that every caller shares unless it passes its own.

    Read on first use, once per process; :meth:`use` puts another one in its place for every caller
    that passes none, and ``use(None)`` goes back to the shipped one.

    >>> ORGS = Default("organisations", read_orgs)   # doctest: +SKIP
    >>> ORGS.get() is ORGS.get()                      # doctest: +SKIP
    True
    """

    def __init__(self, name: str, load: Callable[[], T]) -> None:
        self.name = name
        self._load = load
        self._value: T | None = None
        self._lock = threading.Lock()

    def get(self) -> T:
        """The table: the one given to :meth:`use`, else the shipped one (read now if not yet)."""
        value = self._value
        if value is None:
            with self._lock:
                if self._value is None:
                    self._value = self._load()
                value = self._value
        return value

    def use(self, value: T | None) -> None:
        """Give every caller that passes no table ``value`` from now on (``None``: the shipped one)."""
        with self._lock:
            self._value = value

    def __repr__(self) -> str:
        return f"Default({self.name!r})"
