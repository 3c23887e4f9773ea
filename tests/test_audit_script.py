"""eval/audit.py: judging sheets mark the fact in its paragraph, and verdicts are scored by key and
by confidence band."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from dateline.model import Span
from paths import ROOT, load_script

audit = load_script(ROOT / "eval" / "audit.py", "audit_script")


def test_paragraph_marks_the_sentence_without_its_trailing_break() -> None:
    text = "First paragraph here.\n\nThe army shelled the town. Residents fled.\n\nLast one."
    start = text.index("The army")
    marked = audit._paragraph(text, Span(start, text.index("Residents")))
    assert marked == "«The army shelled the town.» Residents fled."


def test_score_counts_keys_all_right_and_bands(tmp_path: Path, capsys: object) -> None:
    sheet, verdicts = tmp_path / "s.jsonl", tmp_path / "v.jsonl"
    rows = [{"kind": "events", "item": f"e{i}", "article_id": "a", "fact": {"confidence": c}}
            for i, c in enumerate((0.9, 0.85, 0.3))]
    sheet.write_text("".join(json.dumps(r) + "\n" for r in rows))
    judged = [
        {"item": "e0", "verdict": {"is_event": True, "kind": True, "actor": True, "target": None, "place": True}},
        {"item": "e1", "verdict": {"is_event": True, "kind": False, "actor": True, "target": True, "place": True}},
        {"item": "e2", "verdict": {"is_event": False, "kind": False, "actor": False, "target": None, "place": None}},
    ]
    verdicts.write_text("".join(json.dumps(v) + "\n" for v in judged))
    result = audit.score(argparse.Namespace(sheet=str(sheet), verdicts=str(verdicts)))
    assert (result["judged"], result["is_event"], result["kind"], result["all_right"]) == (3, 2, 1, 1)
    assert result["by_confidence"] == {"<0.5": "0/1", ">=0.8": "1/2"}
