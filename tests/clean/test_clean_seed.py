"""The seed dump: two scraped wire stories with repeated headline and caption blocks."""

from __future__ import annotations

from pathlib import Path

import pytest

from dateline.model import Article, RemovedLine

pytestmark = pytest.mark.shared

TITLE_1 = "Two Missiles Delay International Coalition Withdrawal from Iraq"
TITLE_2 = "Blinken Heading to Israel to Press Gaza Truce"
CAPTION_1 = "Iraqi Foreign Minister Fouad Hussein and his American counterpart Antony Blinken"
CAPTION_2_START = "FILE PHOTO: US Secretary of State Antony Blinken testifies before a Senate Foreign"


@pytest.fixture(scope="module")
def seed_articles(seed_cleaned: list[Article]) -> list[Article]:
    return seed_cleaned


@pytest.fixture(scope="module")
def seed_raw(seed_dump: Path) -> str:
    return seed_dump.read_text(encoding="utf-8")


def test_exactly_two_articles_kept(seed_articles: list[Article]) -> None:
    assert len(seed_articles) == 2
    assert [a.drop for a in seed_articles] == [None, None]
    assert [a.position for a in seed_articles] == [0, 1]
    assert [a.title for a in seed_articles] == [TITLE_1, TITLE_2]


def test_metadata_copied_and_offsets_point_into_the_file(seed_articles: list[Article], seed_raw: str) -> None:
    for article, title in zip(seed_articles, [TITLE_1, TITLE_2], strict=True):
        assert article.outlet == "Asharq Al-Awsat"
        assert article.source.endswith("asharq_al_awsat_2024-08.txt")
        offset = article.provenance.segment_offset
        assert seed_raw[offset : offset + len(title)] == title
    assert seed_articles[0].provenance.segment_offset == 0
    assert seed_articles[1].provenance.segment_offset == seed_raw.index(TITLE_2)


def test_captions_kept_once_with_credits(seed_articles: list[Article]) -> None:
    first, second = seed_articles
    assert len(first.captions) == 1
    assert first.captions[0].text == CAPTION_1
    assert first.captions[0].credit == "the government media"
    assert len(second.captions) == 1
    caption = second.captions[0]
    assert caption.text.startswith(CAPTION_2_START)
    assert caption.text.endswith("May 21, 2024.")
    assert caption.credit == "REUTERS/Kevin Lamarque/File Photo"
    assert second.credits == ["REUTERS/Kevin Lamarque/File Photo"]


def test_bodies_start_at_first_sentence_and_end_intact(seed_articles: list[Article]) -> None:
    first, second = seed_articles
    assert first.text.startswith("Washington is mulling to cancel understandings with Iraq")
    assert second.text.startswith("US Secretary of State Antony Blinken will travel to Israel this weekend")
    assert first.text.endswith("the coalition’s mission,” he remarked.")
    assert second.text.endswith("It will be the ninth trip by Blinken to the Middle East since October 7.")
    assert first.text.count("\n\n") == 14  # 15 paragraphs in the first story
    assert second.text.count("\n\n") == 6  # 7 paragraphs in the second


def test_no_headline_caption_or_furniture_in_bodies(seed_articles: list[Article]) -> None:
    for article in seed_articles:
        paragraphs = article.text.split("\n\n")
        assert TITLE_1 not in article.text and TITLE_2 not in article.text
        assert CAPTION_1 not in article.text
        assert "FILE PHOTO" not in article.text and "REUTERS/" not in article.text
        assert "TT" not in paragraphs
        assert all(len(p) > 40 for p in paragraphs)
        assert len(paragraphs) == len(set(paragraphs))


def test_removed_lines_are_recorded(seed_articles: list[Article]) -> None:
    for article in seed_articles:
        assert article.cleaned is not None
        removed = article.cleaned.removed_lines
        whys = [r.why for r in removed]
        assert whys.count("title") == 1
        assert whys.count("repeated_title") == 1
        assert whys.count("caption") == 1
        assert whys.count("repeated_caption") == 3
        assert RemovedLine("TT", "short") in removed


def test_ids_are_distinct_content_hashes(seed_articles: list[Article]) -> None:
    ids = [a.id for a in seed_articles]
    assert all(i.startswith("a") and len(i) == 16 for i in ids)
    assert len(set(ids)) == 2
