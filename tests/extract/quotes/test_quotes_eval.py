"""Evaluation gate: quote attribution on a small fixed part of PolNeAR must not fall below floors.

Runs ``eval/quotes.py``'s own functions (ParseStep + EntityStep + QuoteStep, scored by the shared
``score_quotes.py``) on the first twelve articles of the dev split (301 gold attributions, 35
direct). Figures measured on that subset when the floors were last raised (dateline / textacy):

    all types    quote F1 0.805 / 0.258    quote+speaker F1 0.751 / 0.247
    direct only  quote F1 0.941 / 0.692    quote+speaker F1 0.912 / 0.692
    exact-span content F1  0.625 / 0.126
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from paths import ROOT, load_script

pytestmark = [pytest.mark.slow, pytest.mark.shared]

SUBSET = 12
FLOORS = {
    ("all", "quote"): 0.79,
    ("all", "quote+speaker"): 0.73,
    ("direct", "quote"): 0.92,
    ("direct", "quote+speaker"): 0.89,
    ("exact", "quote"): 0.60,
}



@pytest.fixture(scope="module")
def figures(nlp: Any, shared_dir: Path) -> tuple[dict[str, Any], dict[str, Any]]:
    gold_path = shared_dir / "eval" / "quotes" / "polnear_dev.jsonl"
    if not gold_path.exists():
        pytest.skip(f"{gold_path} is absent")
    evaluation = load_script(ROOT / "eval" / "quotes.py", "eval_quotes")
    scorer = evaluation.load_scorer(gold_path.parent / "score_quotes.py")
    gold = evaluation.split(evaluation.load_gold(gold_path), "dev")[:SUBSET]
    ours, baseline, _ = evaluation.predict(gold, nlp)
    return evaluation.scores(scorer, gold, ours, 0.5), evaluation.scores(scorer, gold, baseline, 0.5)


@pytest.mark.parametrize(("part", "metric"), sorted(FLOORS))
def test_floors(figures: tuple[dict[str, Any], dict[str, Any]], part: str, metric: str) -> None:
    ours, _ = figures
    assert ours[part][metric]["f1"] >= FLOORS[(part, metric)], ours[part]


def test_beats_the_textacy_baseline(figures: tuple[dict[str, Any], dict[str, Any]]) -> None:
    ours, baseline = figures
    assert ours["all"]["quote+speaker"]["f1"] > baseline["all"]["quote+speaker"]["f1"] + 0.2
    assert ours["direct"]["quote+speaker"]["f1"] >= baseline["direct"]["quote+speaker"]["f1"]
