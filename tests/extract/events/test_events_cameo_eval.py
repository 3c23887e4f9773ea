"""CI floors for CAMEO coding of the hand-written wire sentences (tuning part only).

Measured when the floors were set: root F1 1.000, root + actor countries F1 .923, no-event
sentences left empty 1.000 on the tuning part of 52 sentences (held-back part of 26: 1.000, .615,
1.000). Full figures:
``python eval/cameo.py``.
"""

from __future__ import annotations

from typing import Any

import pytest

from paths import ROOT, load_script

pytestmark = pytest.mark.slow
FLOORS = {"root_F1": 0.92, "root_actors_F1": 0.85, "empty_share": 0.92}


def test_cameo_coding_stays_above_its_floors(nlp: Any) -> None:
    runner = load_script(ROOT / "eval" / "cameo.py", "eval_cameo")
    records = runner.split(runner.load(runner.DEFAULT), "tuning")
    scores = runner.scores(records, runner.code(records, nlp))
    for key, floor in FLOORS.items():
        assert scores[key] >= floor, scores


def test_the_set_is_half_events_and_a_third_held_back() -> None:
    runner = load_script(ROOT / "eval" / "cameo.py", "eval_cameo")
    records = runner.load(runner.DEFAULT)
    events = [r for r in records if r["root"]]
    assert len(records) >= 60 and len(events) * 2 == len(records)
    assert all(len(r["root"]) == 2 and r["target"] or not r["source"] for r in events)
    tuning, held = runner.split(records, "tuning"), runner.split(records, "heldout")
    assert len(held) * 3 == len(records) and not {r["id"] for r in tuning} & {r["id"] for r in held}


def test_a_sentence_with_no_event_gives_none(nlp: Any) -> None:
    runner = load_script(ROOT / "eval" / "cameo.py", "eval_cameo")
    records = [{"id": "q1", "text": "The committee meets every Tuesday in the old town hall.", "published": None},
               {"id": "q4", "text": "Strikes are common in the port city.", "published": None},
               {"id": "q2", "text": "The talks are scheduled to begin in Oslo on Monday.", "published": None},
               {"id": "q3", "text": "Unemployment stands at 12 percent, the statistics office said.", "published": None}]
    assert runner.code(records, nlp) == {"q1": None, "q2": None, "q3": None, "q4": None}
