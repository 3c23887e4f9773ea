"""Where things are, for tests: the repository root, fixtures, samples; and a loader for scripts."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"
SAMPLES = ROOT / "samples"


def load_script(path: Path, name: str | None = None) -> ModuleType:
    """Import a script that is not part of the package (eval/, bench/, samples/) by its path."""
    spec = importlib.util.spec_from_file_location(name or path.stem, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module
