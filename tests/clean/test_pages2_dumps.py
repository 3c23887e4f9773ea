"""Dumps in the seed's layout and a local paper's: headlines ending in any punctuation and printed
twice around widgets, notes to readers, deks, headlines in other scripts, pitches, story lists and
rights notices inside a story."""

from __future__ import annotations

from pathlib import Path

import pytest

from dateline.clean import CleanStep, Lexicon, SegmentStep
from dateline.clean.furniture import furniture_reason, story_list_lines
from dateline.model import Article

LEX = Lexicon.default()


def _stories(path: Path) -> list[Article]:
    dump = Article(text=path.read_text(encoding="utf-8"), format="text", source=str(path))
    return list(CleanStep().run(SegmentStep().run([dump])))


@pytest.fixture(scope="module")
def gulf(fixtures_dir: Path) -> list[Article]:
    return _stories(fixtures_dir / "pages2" / "gulf_desk_dump.txt")


@pytest.fixture(scope="module")
def courier(fixtures_dir: Path) -> list[Article]:
    return _stories(fixtures_dir / "pages2" / "valley_courier_dump.txt")


def test_every_story_of_the_seed_layout_is_found_with_title_and_body_start(gulf: list[Article]) -> None:
    assert [(s.title, s.text[:30]) for s in gulf] == [
        ("Desalination Plant Reopens After Three-Week Repair", "The Ras Marin desalination pla"),
        ("Port Council Chief Calls Dredging Plan ‘Reckless.’", "The head of the Ras Marin port"),
        ("Fishermen Tell Ministry: “Enough.”", "Fishermen in Kharin staged a s"),
        ("Airport Expansion Wins Final Approval", "The cabinet gave final approva"),
        ("Drought Pushes Date Farmers Toward the Cities", "Hundreds of date farmers have "),
        ("قمة إقليمية لبحث أمن الملاحة في الخليج", "Foreign ministers from six cou"),
    ]


def test_a_headline_ending_in_a_quoted_full_stop_keeps_its_story_apart(gulf: list[Article]) -> None:
    first, second = gulf[0], gulf[1]
    assert "Reckless" not in first.text and "Dredgers" not in first.text
    assert [c.text for c in second.captions] == ["Dredgers lie idle at the southern basin of Ras Marin port."]
    assert ("furniture", "Share") in [(r.why, r.text) for r in second.cleaned.removed_lines]


def test_a_listen_widget_is_furniture(gulf: list[Article]) -> None:
    assert "Listen" not in gulf[2].text
    assert furniture_reason("Listen to this article · 4 min", LEX) == "furniture"
    assert furniture_reason("Listen · 3:45", LEX) == "furniture"
    assert furniture_reason("Listen to the minister defend the plan, he said.", LEX) is None


def test_an_editors_note_is_neither_title_nor_body(gulf: list[Article]) -> None:
    story = gulf[3]
    assert story.title == "Airport Expansion Wins Final Approval"
    assert "Editor" not in story.text
    assert [r.why for r in story.cleaned.removed_lines if r.text.startswith("Editor")] == ["note"]


def test_a_dek_is_the_standfirst_not_the_body(gulf: list[Article], courier: list[Article]) -> None:
    drought = gulf[4]
    assert drought.cleaned.standfirst is not None and drought.cleaned.standfirst.startswith("Farmers across")
    assert "Farmers across" not in drought.text
    assert [c.text for c in drought.captions] == ["Palm groves near the village of Wadi Sur"]
    assert courier[0].cleaned.standfirst == "Council members want another month to hear from shop owners on Main Street."
    assert courier[0].text.startswith("The Millbrook city council postponed")


def test_a_lead_sentence_after_the_headline_stays_in_the_body() -> None:
    text = ("Ferry Line Adds Winter Crossings\n\nThe island ferry will run four crossings a day this winter, "
            "the operator said on Monday.\n\nTickets go on sale next week.\n")
    story = _stories_of(text)[0]
    assert story.cleaned.standfirst is None
    assert story.text.startswith("The island ferry will run")


def _stories_of(text: str) -> list[Article]:
    return list(CleanStep().run(SegmentStep().run([Article(text=text, format="text")])))


def test_a_headline_in_another_script_is_the_title(gulf: list[Article]) -> None:
    assert gulf[5].title == "قمة إقليمية لبحث أمن الملاحة في الخليج"
    assert gulf[5].captions[0].text == "Delegates arrive for the regional summit in Ras Marin"


def test_no_story_of_a_dump_with_headlines_is_stored_without_one(gulf: list[Article], courier: list[Article]) -> None:
    assert all(s.title for s in [*gulf, *courier])
    assert len(courier) == 2


def test_pitches_story_lists_and_rights_notices_leave_the_body(courier: list[Article]) -> None:
    story = courier[0]
    for words in ("inbox", "Related", "Eastfield", "Louisiana", "personal, non-commercial"):
        assert words not in story.text
    assert story.text.endswith("ridership on the Main Street line had doubled since 2019.")
    why = {r.text[:20]: r.why for r in story.cleaned.removed_lines}
    assert why["Teen charged after f"] == "story_list"
    assert why["This copy is for you"] == "furniture"
    assert "newsletter" not in courier[1].text


@pytest.mark.parametrize("line", [
    "Let our news meet your inbox. The news and stories that matter, delivered weekday mornings.",
    "Sign up for the Evening Briefing and get the day's top stories delivered to your inbox.",
    "Get our free Politics newsletter every Friday.",
    "This copy is for your personal, non-commercial use only.",
    "Distribution and use of this material are governed by our Subscriber Agreement and by copyright law.",
    "Share | Print | Email",
    "Story continues below advertisement",
    "Correction: An earlier version of this story misspelled the mayor's name, which is Ortega.",
])
def test_pitches_notices_and_widgets_are_furniture(line: str) -> None:
    assert furniture_reason(line, LEX) is not None


@pytest.mark.parametrize("line", [
    "The newsletter, which reaches 40,000 readers, said the mayor had resigned.",
    "Residents said the mail had not been delivered to their inbox or their door for a week.",
    "The council will print the ballots on Friday.",
    "Permission was granted by the council on Monday.",
    "With input from residents, the council redrew the ward map.",
    "Scammers sent messages to your inbox pretending to be the tax office, police said.",
    "The newsletter, which was delivered to 40,000 homes, named the new mayor.",
])
def test_prose_about_newsletters_and_printing_stays(line: str) -> None:
    assert furniture_reason(line, LEX) is None


def test_story_lists_need_a_heading_or_a_run_of_headlines() -> None:
    texts = ["The mayor spoke on Monday.", "Most read", "Bridge closes for repairs", "New park opens downtown",
             "The council will vote again in May."]
    assert story_list_lines(texts, LEX) == {1, 2, 3}
    crosshead = ["The mayor spoke on Monday.", "What happens next", "The council will vote again in May."]
    assert story_list_lines(crosshead, LEX) == set()


def test_an_undated_story_takes_the_day_its_dateline_states() -> None:
    text = ("Port Strike Ends After Nine Days\n\nBy Ana Ruiz\n\n"
            "PORT ELLIS, Nov. 19, 2019 (Reuters) - Dock workers in Port Ellis returned to work on Tuesday "
            "after a nine-day strike over night shifts.\n\nThe union said the new rota would start in January.\n")
    story = _stories_of(text)[0]
    assert str(story.published) == "2019-11-19"
    assert story.provenance.published_source == "dateline"
    no_year = _stories_of(text.replace("Nov. 19, 2019", "Nov. 19"))[0]
    assert no_year.published is None and no_year.provenance.published_source is None


def test_furniture_patterns_notes_and_lists_can_be_extended(tmp_path: Path) -> None:
    extra = tmp_path / "house.txt"
    extra.write_text("[patterns]\n(?:support|donate to) our newsroom.{0,80}\n\n[notes]\nreader advisory:\n\n"
                     "[lists]\naround the region\n", encoding="utf-8")
    lexicon = Lexicon.extended(extra)
    assert furniture_reason("Support our newsroom with a gift today.", LEX) is None
    assert furniture_reason("Support our newsroom with a gift today.", lexicon) == "furniture"
    assert furniture_reason("Reader advisory: this story describes violence.", lexicon) == "note"
    assert lexicon.is_list_heading("Around the region")
    bad = tmp_path / "bad.txt"
    bad.write_text("[patterns]\n(unclosed\n", encoding="utf-8")
    with pytest.raises(ValueError, match="unclosed"):
        Lexicon.extended(bad)


def test_a_title_cased_headline_with_a_full_stop_is_the_title_even_printed_once() -> None:
    text = ("Harbour Master Quits Over Dredging Deal.\n\n"
            "The harbour master of Port Ellis resigned on Friday, two days after the council signed a "
            "dredging contract he had opposed.\n\n"
            "He said the deal ignored the pilots' safety advice.\n")
    story = _stories_of(text)[0]
    assert story.title == "Harbour Master Quits Over Dredging Deal."
    assert story.text.startswith("The harbour master of Port Ellis resigned")
    plain = _stories_of("The harbour master resigned on Friday.\n\nHe said the deal ignored safety advice.\n")[0]
    assert plain.title is None and plain.text.startswith("The harbour master resigned")


def test_a_title_cased_headline_with_a_full_stop_opens_a_story_after_a_wide_gap() -> None:
    text = ("Ferry Line Adds Winter Crossings\n\nThe island ferry will run four crossings a day this winter, "
            "the operator said.\n\n\n\nHarbour Master Quits Over Dredging Deal.\n\n"
            "The harbour master of Port Ellis resigned on Friday, two days after the council signed the contract.\n")
    assert [s.title for s in _stories_of(text)] == ["Ferry Line Adds Winter Crossings",
                                                    "Harbour Master Quits Over Dredging Deal."]
