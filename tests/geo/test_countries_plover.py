"""Country words against the actor country codes of the PLOVER gold sentences in ../shared/eval.

Reads the gold file where it is (never copied). Counts actors whose gold code is an ISO alpha-3
country and checks that the first country word in the actor text gives that code. Misses are
mostly person names ("President Yoweri Museveni"), which need world knowledge, not words.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from dateline.geo.countries import country_name, find_countries

pytestmark = pytest.mark.shared
FLOOR = 0.75  # measured 0.795 (469 of 590) when written


def test_actor_country_words_floor(shared_dir: Path) -> None:
    gold = shared_dir / "eval" / "events" / "plover_gold.jsonl"
    if not gold.exists():
        pytest.skip(f"{gold} is absent")
    total = right = wrong = 0
    for line in gold.read_text(encoding="utf-8").splitlines():
        for event in json.loads(line)["expected"]:
            for actor in event["source"] + event["target"]:
                code = actor.get("code") or ""
                if len(code) != 3 or country_name(code) is None:
                    continue
                total += 1
                found = [iso3 for _, _, iso3 in find_countries(actor["text"])]
                right += bool(found) and found[0] == code
                wrong += bool(found) and found[0] != code
    accuracy = right / total
    print(f"actor country words: {right}/{total} = {accuracy:.3f} right, {wrong} wrong")
    assert total > 500
    assert accuracy >= FLOOR
    assert wrong / total < 0.05  # a wrong country is rarer than a missing one
