"""The line rules behind cleaning: credits, captions, bylines, datelines, dates, furniture."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest

from dateline.clean import CleanStep, Lexicon
from dateline.clean.captions import is_credit_line, read_caption
from dateline.clean.furniture import furniture_reason
from dateline.clean.header import read_byline, read_date_line, read_dateline
from dateline.clean.textlines import looks_like_headline
from dateline.model import Article

LEX = Lexicon.default()


@pytest.mark.parametrize(
    ("line", "text", "credit", "evidence"),
    [
        (
            "Smoke rises over the port after a strike, Aug. 17, 2024. (AP Photo/Lee Hart)",
            "Smoke rises over the port after a strike, Aug. 17, 2024.",
            "AP Photo/Lee Hart",
            "photo",
        ),
        (
            "Protesters wave flags outside parliament. REUTERS/Mia Stone/File Photo",
            "Protesters wave flags outside parliament.",
            "REUTERS/Mia Stone/File Photo",
            "photo",
        ),
        ("Protesters wave flags outside parliament on Monday Jack Lowe/AFP", None, "Jack Lowe/AFP", "photo"),
        ("Workers clear debris from a market street in the old town. AFP", None, "AFP", "agency"),
        ("A woman waits at a bus stop in the rain (Photo: Anadolu)", None, "Photo: Anadolu", "photo"),
        (
            "Minister Ali Noor and his guest at the airport (the ministry's media office)",
            None,
            "the ministry's media office",
            "paren",
        ),
        ("FILE PHOTO: The central bank building in the capital", None, None, "prefix"),
        ("Fishermen haul their nets onto the beach at dawn near the harbour", None, None, "described"),
    ],
)
def test_captions_and_credits(line: str, text: str | None, credit: str | None, evidence: str) -> None:
    match = read_caption(line, LEX)
    assert match.evidence == evidence
    assert match.credit == credit
    if text is not None:
        assert match.text == text


@pytest.mark.parametrize(
    "line",
    [
        "Two Missiles Delay Coalition Withdrawal",
        "Minister Tells AP the Deal Is Close",
        "The ministry said the talks would resume next week.",
        "Exports fell in July (2024)",
    ],
)
def test_non_captions(line: str) -> None:
    assert read_caption(line, LEX).evidence in {"none", "described"}
    assert not read_caption(line, LEX).strong
    assert not is_credit_line(line, LEX)


@pytest.mark.parametrize(
    "line", ["REUTERS/Kevin Park", "(AP Photo/Sam Reed)", "Photo: AFP", "Getty Images", "AFP"]
)
def test_credit_lines(line: str) -> None:
    assert is_credit_line(line, LEX)


def test_standalone_credit_line_attaches_to_caption() -> None:
    text = (
        "Harbour Crane Collapses in High Winds\n\n"
        "PHOTO: A collapsed crane lies across the quay\n"
        "REUTERS/Nina Vogel\n\n"
        "A harbour crane collapsed in high winds on Sunday, injuring two workers, the port authority said."
    )
    (out,) = CleanStep().run([Article(text=text, format="text")])
    assert [(c.text, c.credit) for c in out.captions] == [
        ("PHOTO: A collapsed crane lies across the quay", "REUTERS/Nina Vogel")
    ]
    assert out.text.startswith("A harbour crane collapsed")


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("By Jane Doe", ("Jane Doe", None)),
        ("BY JANE DOE and John Roe", ("JANE DOE and John Roe", None)),
        ("Jane Doe, Reuters", ("Jane Doe", "Reuters")),
        ("Written by Omar al-Farsi | AFP", ("Omar al-Farsi", "AFP")),
        ("By Jane Doe, Staff Writer", ("Jane Doe, Staff Writer", None)),
        ("By Thursday, the ministry had", None),
        ("By Land and Sea", None),
        ("Council Approves New Budget", None),
    ],
)
def test_bylines(line: str, expected: tuple[str, str | None] | None) -> None:
    assert read_byline(line, LEX) == expected


@pytest.mark.parametrize(
    ("paragraph", "place", "agency"),
    [
        ("BAGHDAD (Reuters) - Iraq said on Friday it would hold talks.", "BAGHDAD", "Reuters"),
        ("WASHINGTON, Aug 16 (Reuters) - The United States said on Friday", "WASHINGTON", "Reuters"),
        (
            "GAZA CITY, Gaza Strip (AP) — Strikes hit the city overnight, residents said.",
            "GAZA CITY, Gaza Strip",
            "AP",
        ),
        ("Beirut (AFP) – Lebanon's army said on Monday it had deployed.", "Beirut", "AFP"),
        ("JERUSALEM — The cabinet met late into the night on Sunday.", "JERUSALEM", None),
    ],
)
def test_datelines(paragraph: str, place: str, agency: str | None) -> None:
    found = read_dateline(paragraph, LEX)
    assert found is not None
    assert (found.place, found.agency) == (place, agency)
    assert paragraph[found.body_start].isupper()


@pytest.mark.parametrize(
    "paragraph",
    [
        "Washington is mulling to cancel understandings with Iraq.",
        "US Secretary of State Antony Blinken will travel to Israel.",
        "Cairo - Egypt said on Monday it would host the talks.",
        "The sources said: “The situation is very complicated.”",
    ],
)
def test_not_datelines(paragraph: str) -> None:
    assert read_dateline(paragraph, LEX) is None


@pytest.mark.parametrize(
    ("line", "value"),
    [
        ("Published: 17 August 2024 10:32 GMT", datetime(2024, 8, 17, 10, 32)),
        ("Saturday, 17 August, 2024 - 10:32", datetime(2024, 8, 17, 10, 32)),
        ("Aug. 17, 2024", date(2024, 8, 17)),
        ("2024-08-05", date(2024, 8, 5)),
        ("Updated on Sept 3, 2024 at 4:15 pm", datetime(2024, 9, 3, 16, 15)),
        ("August 2024 was the hottest month on record", None),
    ],
)
def test_date_lines(line: str, value: date | None) -> None:
    found = read_date_line(line)
    if isinstance(found, datetime):
        found = found.replace(tzinfo=None)
    assert found == value


@pytest.mark.parametrize(
    ("line", "why"),
    [
        ("TT", "short"),
        ("Share", "furniture"),
        ("Comments (12)", "furniture"),
        ("Follow us on Twitter", "furniture"),
        ("Subscribe to our newsletter", "furniture"),
        ("Copyright 2024 Example News. All rights reserved.", "furniture"),
        ("Facebook Twitter WhatsApp Email", "social"),
        ("10:32", "no_letters"),
        ("Subscribers in the region said prices had risen.", None),
        ("Shares in the company fell 4 percent.", None),
    ],
)
def test_furniture(line: str, why: str | None) -> None:
    assert furniture_reason(line, LEX) == why


def test_headline_shape() -> None:
    assert looks_like_headline("Blinken Heading to Israel to Press Gaza Truce")
    assert looks_like_headline("Is the truce holding?")
    assert not looks_like_headline("The talks ended on Friday.")
    assert not looks_like_headline("Gaza")


def test_lexicon_can_be_extended(tmp_path: Path) -> None:
    extra = tmp_path / "house.txt"
    extra.write_text("[lines]\nListen to the podcast\n\n[agencies]\nHarbour Wire\n", encoding="utf-8")
    lexicon = Lexicon.extended(extra)
    assert furniture_reason("Listen to the podcast", LEX) is None
    assert furniture_reason("Listen to the podcast", lexicon) == "furniture"
    line = "Boats shelter in the marina before the storm. Harbour Wire"
    assert read_caption(line, LEX).credit is None
    assert read_caption(line, lexicon).credit == "Harbour Wire"
    text = "Listen to the podcast\n\nThe marina closed on Friday as the storm approached, officials said."
    (out,) = CleanStep(lexicon).run([Article(text=text, format="html")])
    assert out.text.startswith("The marina closed")


def test_sentence_ending_inside_a_closing_quote_is_not_a_headline() -> None:
    from dateline.clean.textlines import looks_like_headline

    assert not looks_like_headline('The ministry denied that wages were late, saying the claims were "misleading."')
    assert not looks_like_headline("Officials called the report “inaccurate.”")
    assert looks_like_headline('Minister Calls Ceasefire Talks "Final Chance"')


def test_section_label_before_an_html_body_is_removed() -> None:
    from dateline.clean import CleanStep
    from dateline.model import Article, RemovedLine

    art = Article(text="Middle East\n\nQAMISHLI, Syria — Prisoners were exchanged on Sunday, officials said.",
                  format="html", title="Prisoners Exchanged")
    out = next(CleanStep().run([art]))
    assert out.text.startswith("QAMISHLI, Syria")
    assert out.cleaned is not None
    assert RemovedLine("Middle East", "section_label") in out.cleaned.removed_lines


def test_date_lines_with_full_month_names() -> None:
    from datetime import date

    from dateline.clean.header import read_date_line

    assert read_date_line("September 4, 2024") == date(2024, 9, 4)
    assert read_date_line("Published: Wednesday, September 4, 2024") == date(2024, 9, 4)
    assert read_date_line("Sept. 4, 2024") == date(2024, 9, 4)
