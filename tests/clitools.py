"""Run the real ``dateline`` entry point in a subprocess."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any


def dateline_command() -> list[str]:
    exe = Path(sys.executable).parent / "dateline"
    if exe.exists():
        return [str(exe)]
    found = shutil.which("dateline")
    return [found] if found else [sys.executable, "-m", "dateline.cli"]


def run(*args: str, check: bool = True, timeout: float = 300) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "COLUMNS": "200", "NO_COLOR": "1"}
    proc = subprocess.run([*dateline_command(), *args], capture_output=True, text=True, env=env, timeout=timeout)
    if check and proc.returncode != 0:
        raise AssertionError(f"dateline {' '.join(args)} exited {proc.returncode}\n{proc.stdout}\n{proc.stderr}")
    return proc


def run_json(*args: str) -> Any:
    return json.loads(run(*args, "--json").stdout)
