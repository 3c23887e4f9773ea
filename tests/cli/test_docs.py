"""The README documents every command and option the CLI has (a command nobody can find is a bug)."""

from __future__ import annotations

from typing import Any

import typer.main

from dateline.cli import app
from paths import ROOT

README = (ROOT / "README.md").read_text()


def _commands() -> list[tuple[str, Any]]:
    root: Any = typer.main.get_command(app)
    out = []
    for name, cmd in root.commands.items():
        if hasattr(cmd, "commands"):
            out += [(f"{name} {sub}", subcmd) for sub, subcmd in cmd.commands.items()]
        else:
            out.append((name, cmd))
    return out


def test_every_command_is_in_the_readme() -> None:
    missing = [name for name, _ in _commands() if f"dateline {name}" not in README]
    assert not missing, f"undocumented commands: {missing}"


def test_every_option_is_in_the_readme() -> None:
    missing = []
    for name, cmd in _commands():
        for param in cmd.params:
            for opt in getattr(param, "opts", []):
                if opt.startswith("--") and opt not in README:
                    missing.append(f"{name} {opt}")
    assert not missing, f"undocumented options: {missing}"


def test_quick_start_is_exactly_two_commands() -> None:
    block = README.split("## Quick start", 1)[1].split("```sh", 1)[1].split("```", 1)[0]
    assert [line.split()[:2] for line in block.strip().splitlines()] == [["make", "demo"], ["make", "test"]]
