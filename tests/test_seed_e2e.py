"""End to end on the seed dump from ../shared/corpus: ingest into a real SQLite file and read back."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from dateline import api
from dateline.store import Reader

pytestmark = [pytest.mark.slow, pytest.mark.shared]

TITLES = ["Two Missiles Delay International Coalition Withdrawal from Iraq",
          "Blinken Heading to Israel to Press Gaza Truce"]


@pytest.fixture(scope="module")
def seeded(seed_dump: Path, tmp_path_factory: pytest.TempPathFactory) -> Reader:
    db = tmp_path_factory.mktemp("seed") / "seed.db"
    report = api.ingest([str(seed_dump)], db, outlet="Asharq Al-Awsat", published="2024-08-16")
    assert report.articles == 2 and not report.drops
    again = api.ingest([str(seed_dump)], db, outlet="Asharq Al-Awsat", published="2024-08-16")
    assert again.articles == 0 and again.unchanged_sources == 1
    return api.open_reader(db)


def _entity(rows: list[dict[str, Any]], *aliases: str) -> dict[str, Any]:
    wanted = {a.casefold() for a in aliases}
    for row in rows:
        names = {n.casefold().removeprefix("the ") for n in [row["name"], *row["aliases"]]}
        if wanted <= names:
            return row
    raise AssertionError(f"no single entity has all of {aliases}: {[(r['name'], r['aliases']) for r in rows]}")


def test_exactly_two_clean_articles(seeded: Reader) -> None:
    rows = seeded.articles()
    assert sorted(r["title"] for r in rows) == sorted(TITLES)
    by_title = {r["title"]: r for r in rows}
    first, second = by_title[TITLES[0]], by_title[TITLES[1]]
    assert first["text"].startswith("Washington is mulling")
    assert second["text"].startswith("US Secretary of State Antony Blinken will travel")
    assert first["text"].rstrip().endswith("he remarked.")
    assert second["text"].rstrip().endswith("since October 7.")
    assert first["captions"] == ["Iraqi Foreign Minister Fouad Hussein and his American counterpart Antony Blinken"]
    assert len(second["captions"]) == 1 and "REUTERS/Kevin Lamarque/File Photo" in second["credits"]
    for row in (first, second):
        body = row["text"]
        assert row["title"] not in body
        assert "\nTT\n" not in f"\n{body}\n"
        assert all(cap not in body for cap in row["captions"])
        assert row["outlet"] == "Asharq Al-Awsat" and row["published"].startswith("2024-08-16")


def test_entities_are_merged_with_roles_and_countries(seeded: Reader) -> None:
    rows = seeded.entities()
    blinken = _entity(rows, "Antony Blinken", "Blinken", "Secretary Blinken")
    assert blinken["type"] == "PERSON" and blinken["country"] == "USA"
    assert "US Secretary of State" in blinken["roles"]
    assert blinken["articles"] == 2
    miller = _entity(rows, "Matthew Miller")
    assert "US State Department spokesman" in miller["roles"]
    allawi = _entity(rows, "Hussein Allawi")
    assert "advisor to the Iraqi Prime Minister" in allawi["roles"]
    ministry = _entity(rows, "Iraqi Ministry of Foreign Affairs", "Iraqi Foreign Ministry")
    assert ministry["country"] == "IRQ"
    state = _entity(rows, "State Department", "US State Department")
    assert state["country"] == "USA"
    for row in (blinken, ministry, state):
        assert row["evidence"], "every merge keeps its evidence"
    assert [r["name"] for r in rows].count("Antony Blinken") == 1


def test_fouad_hussein_role_comes_from_the_caption(seeded: Reader) -> None:
    hussein = _entity(seeded.entities(), "Fouad Hussein")
    assert "Iraqi Foreign Minister" in hussein["roles"] and hussein["country"] == "IRQ"
    first = next(r for r in seeded.articles() if r["title"] == TITLES[0])
    article = seeded.article(first["id"])
    caption = article.captions[0].text
    named = [m for m in article.caption_mentions if m.text == "Fouad Hussein"]
    assert named and named[0].field == "caption:0" and named[0].span.of(caption) == "Fouad Hussein"
    assert all(m.span.of(article.text) == m.text for m in article.mentions)


def test_search_and_show(seeded: Reader) -> None:
    hits = seeded.search("Ain al-Asad")
    assert [h["title"] for h in hits] == [TITLES[0]]
    article = seeded.article(hits[0]["id"])
    assert any(m.text.endswith("Miller") for m in article.mentions)


MINISTRY = "Iraqi Ministry of Foreign Affairs"
STATE = "US State Department"
EXPECTED_QUOTES = [  # (type, speaker kind, resolved speaker, cue), in text order
    ("indirect", "anonymous", "Iraqi officials", "say"),
    ("indirect", "anonymous", "official sources", "tell"),
    ("direct", "anonymous", "official sources", "say"),
    ("indirect", "organization", MINISTRY, "say"),
    ("direct", "organization", MINISTRY, "say"),
    ("indirect", "organization", "US government", "say"),
    ("indirect", "organization", STATE, "deny"),
    ("indirect", "person", "Matthew Miller", "say"),
    ("direct", "person", "Matthew Miller", "note"),
    ("indirect", "person", "Matthew Miller", "point"),
    ("mixed", "organization", MINISTRY, "say"),
    ("indirect", "organization", MINISTRY, "emphasize"),
    ("direct", "organization", MINISTRY, "add"),
    ("indirect", "person", "Hussein Allawi", "say"),
    ("direct", "person", "Hussein Allawi", "remark"),
    ("indirect", "organization", STATE, "say"),
    ("mixed", "organization", STATE, "say"),
    ("mixed", "person", "Joe Biden", "say"),
    ("direct", "anonymous", "a senior US official", "tell"),
    ("mixed", "organization", STATE, "say"),
    ("direct", "organization", STATE, "say"),
]


def test_every_attribution_is_stored_with_its_speaker(seeded: Reader) -> None:
    rows = seeded.quotes()
    first_id = next(r["id"] for r in seeded.articles() if r["title"] == TITLES[0])
    rows.sort(key=lambda q: (q["article_id"] != first_id, q["content_spans"][0][0]))
    got = [(q["type"], q["speaker_kind"], q["speaker"], q["cue"]) for q in rows]
    assert got == EXPECTED_QUOTES
    he_noted = next(q for q in rows if q["cue"] == "note")
    assert he_noted["speaker_mention"] == "he" and he_noted["content"].startswith("“At no time")
    official = next(q for q in rows if q["speaker"] == "a senior US official")
    assert official["anonymity_reason"] == "on customary condition of anonymity" and official["relay"] == "AFP"
    assert [q["speaker"] for q in seeded.quotes(anonymous=True)] == [
        "Iraqi officials", "official sources", "official sources", "a senior US official"]
