"""The pieces of eval/real_events.py: placing stored sentences, judging one gold sentence, fitting
the calibration table (no model, no shared data)."""

from __future__ import annotations

from typing import Any

from paths import ROOT, load_script

runner: Any = load_script(ROOT / "eval" / "real_events.py", "eval_real_events")


def _row(category: str, confidence: float, actors: str = "", targets: str = "") -> dict[str, Any]:
    return {"category": category, "confidence": confidence, "actor_countries": actors, "actor_groups": "",
            "target_countries": targets, "target_groups": "", "span": (0, 10)}


def test_a_stored_sentence_is_found_in_the_original_text_despite_white_space() -> None:
    text = "Intro line.\n\nThe minister  resigned\non Friday. More."
    assert runner.locate("The minister resigned on Friday.", text) == (13, 46)
    assert runner.locate("Not there at all.", text) is None


def test_one_gold_sentence_is_judged_on_its_top_event() -> None:
    gold = {"events": [{"category": "ACCUSE", "actor_country": "PER", "target_country": "CHL"}]}
    judged = runner.judge(gold, [_row("ACCUSE", 0.7, "PER", "CHL"), _row("CONSULT", 0.4)])
    assert judged == {"kind": "event", "category": True, "actor": True, "target": True, "all": True}
    wrong = runner.judge(gold, [_row("SUPPORT", 0.9, "PER")])
    assert wrong["category"] is False and wrong["all"] is False and wrong["actor"] is True
    assert runner.judge({"events": []}, []) == {"kind": "empty", "ok": True}
    assert runner.judge({"events": []}, [_row("ACCUSE", 0.9)])["ok"] is False


def test_the_calibration_rises_with_the_raw_score() -> None:
    pairs = [(0.1 * (i % 10), i % 10 >= 5 or i % 7 == 0) for i in range(60)]
    rows = runner.fit(pairs)
    assert [lo for lo, _ in rows] == sorted({lo for lo, _ in rows})
    assert [share for _, share in rows] == sorted(share for _, share in rows)
    assert all(0.0 <= share <= 1.0 for _, share in rows)
