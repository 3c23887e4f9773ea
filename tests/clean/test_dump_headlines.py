"""Scraped dumps in the seed's layout: any headline punctuation, captions with or without a credit,
an editor's note at the top of the body (a note to readers: removed, never a title), wire datelines."""

from __future__ import annotations

from pathlib import Path

import pytest

from dateline.clean import CleanStep, SegmentStep
from dateline.model import Article

TITLES = [
    "Harbour Pilots Strike Over Night Shifts",
    "Harbour Master Julian Crane Jr: Women Who Kept the Port Open",
    "Fishermen Ask ‘Why Aren't They on the Shows?'",
    "Ferry Fares Rise “Again” as Fuel Costs Climb",
]
PLAIN_TITLES = [
    "Harbour Pilots Strike Over Night Shifts",
    "Analysis: Why the Port Ellis Tugs Keep Sinking",
    "Fishermen Ask: ‘Why Aren't They on the Shows?'",
    "Ferry Fares Rise “Again” as Fuel Costs Climb",
]
OPENINGS = ["Harbour pilots in Port Ellis", "For forty years the women", "Fishermen in Port Ellis",
            "Ferry operators raised fares"]


def _stories(path: Path) -> list[Article]:
    dump = Article(text=path.read_text(encoding="utf-8"), format="text", source=str(path))
    return list(CleanStep().run(SegmentStep().run([dump])))


@pytest.mark.parametrize(("name", "titles"), [
    ("harbour_desk_dump.txt", TITLES), ("harbour_desk_plain_dump.txt", PLAIN_TITLES),
])
def test_every_story_is_found_with_its_headline(fixtures_dir: Path, name: str, titles: list[str]) -> None:
    stories = _stories(fixtures_dir / "clean" / name)
    assert [s.title for s in stories] == titles
    assert [s.text[:len(o)] for s, o in zip(stories, OPENINGS, strict=True)] == OPENINGS
    assert all(s.drop is None for s in stories)


def test_captions_with_and_without_credit_stay_captions(fixtures_dir: Path) -> None:
    stories = _stories(fixtures_dir / "clean" / "harbour_desk_dump.txt")
    assert [[c.text for c in s.captions] for s in stories][1:] == [
        ["A tug crew waits for the morning tide"], ["Trawlers moored at the old fish market."],
        ["Passengers board the morning ferry"],
    ]
    assert stories[2].captions[0].credit == "AFP"
