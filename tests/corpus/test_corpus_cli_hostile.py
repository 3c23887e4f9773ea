"""Story, contradiction and profile output shows hostile text as text: no markup, no escape sequences."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from clitools import run, run_json
from dateline import api

pytestmark = pytest.mark.slow

ROWS = [
    {"title": "Port \x1b[2J strike [/b] ends [red]x", "outlet": "Wire [b]", "published": "2024-05-06",
     "text": "The dockers' union said on Monday that the strike at the port of Haldor had ended. "
             "\"We won \x1b]8;;http://x\x07 a raise [/resume],\" union leader Mara Voss said. "
             "The port authority denied that any raise was agreed."},
    {"title": "Haldor dock strike over", "outlet": "Gazette", "published": "2024-05-07",
     "text": "Dockers at the port of Haldor returned to work on Tuesday after a strike, their union said. "
             "Union leader Mara Voss said the workers had won a raise. The port authority said no raise had been agreed."},
]


def test_story_views_print_hostile_text_inertly(tmp_path: Path) -> None:
    source = tmp_path / "wire.jsonl"
    source.write_text("\n".join(json.dumps(r) for r in ROWS) + "\n", encoding="utf-8")
    db = str(tmp_path / "h.db")
    api.ingest([str(source)], db)  # in this process: the commands under test are the listings
    stories = run_json("stories", "--db", db)
    assert stories
    for args in (["stories"], ["story", stories[0]["id"]], ["contradictions"], ["entity", "Mara Voss"]):
        shown = run(*args, "--db", db).stdout
        assert "\x1b" not in shown and "\x07" not in shown, args
    story = run("story", stories[0]["id"], "--db", db).stdout
    assert "[/b]" in story and "[red]x" in story  # markup shown as text
    assert "Port strike" in " ".join(story.split())  # the escape sequence left the stored title
