"""CleanStep on hand-written dumps, and the safe cleaning of HTML-format articles."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from dateline.clean import CleanStep, SegmentStep
from dateline.model import Article, Caption, Dateline
from dateline.pipeline import Pipeline
from paths import FIXTURES

CLEAN = FIXTURES / "clean"


def clean_dump(name: str, **fields: object) -> list[Article]:
    raw = (CLEAN / name).read_bytes().decode("utf-8")
    dump = Article(text=raw, source=name, format="text", **fields)  # type: ignore[arg-type]
    return list(Pipeline([SegmentStep(), CleanStep()]).run([dump]))


@pytest.fixture(scope="module")
def three() -> list[Article]:
    return clean_dump("three_stories.txt")


def whys(article: Article) -> dict[str, str]:
    assert article.cleaned is not None
    return {r.text: r.why for r in article.cleaned.removed_lines}


def test_reuters_style_story(three: list[Article]) -> None:
    story = three[0]
    assert story.title == "Flood Waters Recede in Riverton as Repair Crews Move In"
    assert story.byline == "Lena Marsh and Tomas Quill"
    assert story.published == datetime(2024, 3, 12, 9, 15, tzinfo=UTC)
    assert story.published_raw == "Published: 12 March 2024 09:15 GMT"
    assert story.captions == [
        Caption(
            "Residents wade through a flooded street in Riverton on Monday.", "REUTERS/Ana Petrova/File Photo"
        )
    ]
    assert story.cleaned is not None
    assert story.cleaned.dateline == Dateline("RIVERTON", "March 11", "Reuters")
    assert story.text.startswith("Flood waters began to recede in the northern town of Riverton")
    assert story.text.endswith("the national weather service said.")
    assert len(story.text.split("\n\n")) == 4
    removed = whys(story)
    assert removed["Share"] == "furniture"
    assert removed["Facebook | Twitter | WhatsApp"] == "social"
    assert removed["Advertisement"] == "furniture"
    assert removed["RIVERTON, March 11 (Reuters) -"] == "dateline"
    assert removed["(Reporting by Lena Marsh; Editing by Tomas Quill)"] == "furniture"


def test_afp_style_story_with_glued_getty_credit(three: list[Article]) -> None:
    story = three[1]
    assert story.title == "Dock Workers Extend Strike at Porto Sul"
    assert story.byline == "Nadia Ferreira"
    assert story.cleaned is not None and story.cleaned.byline_org == "AFP"
    assert story.captions == [
        Caption("Cranes stand idle at the container terminal in Porto Sul on Tuesday", "AFP via Getty Images")
    ]
    assert story.cleaned is not None and story.cleaned.dateline is not None
    assert story.cleaned.dateline.place == "PORTO SUL"
    assert story.text.startswith("Dock workers at the southern port of Porto Sul voted")
    assert story.text.endswith("remained open to talks with the union.")
    for furniture in ("Read more", "Follow us", "Copyright", "Getty"):
        assert furniture not in story.text
    assert story.published is None


def test_story_without_captions_keeps_its_crosshead(three: list[Article]) -> None:
    story = three[2]
    assert story.title == "Council Approves New Budget After Nine-Hour Debate"
    assert story.byline == "Samir Haddad"
    assert story.captions == []
    assert story.published == date(2024, 8, 5)
    assert story.cleaned is not None and story.cleaned.dateline is None
    paragraphs = story.text.split("\n\n")
    assert paragraphs[0].startswith("The city council approved its budget")
    assert "What happens next" in paragraphs
    assert paragraphs[-1].endswith("said after the vote.")


def test_known_date_is_not_overwritten() -> None:
    known = datetime(2024, 8, 6, 7, 0)
    story = clean_dump("three_stories.txt", published=known, published_raw="from the feed")[2]
    assert story.published == known
    assert story.published_raw == "from the feed"
    assert whys(story)["Aug. 5, 2024"] == "date"


def test_windows_newlines_and_ap_credit() -> None:
    first, second = clean_dump("windows_newlines.txt")
    assert "\r" not in first.text + second.text
    assert first.title == "Rescue Teams Search Rubble After Quake Hits Mountain Villages"
    assert first.captions == [
        Caption(
            "Rescuers search for survivors in the village of Kara Dag on Wednesday.", "AP Photo/Omar Celik"
        )
    ]
    assert first.text.startswith("Rescue teams worked through the night")
    assert "Rescuers search" not in first.text and "TT" not in first.text.split("\n\n")
    assert len(first.text.split("\n\n")) == 3
    assert second.title == "Central Bank Holds Rates Steady, Signals Cut Later in Year"
    assert second.captions[0].credit == "Getty Images"
    assert second.captions[0].text.endswith("as the rate decision is announced")
    assert second.text.startswith("The central bank kept its main interest rate unchanged")
    assert second.text.endswith('"We are not there yet, but we can see the road," she said.')


def test_hard_wrapped_paragraphs_are_rejoined() -> None:
    rail, ferry = clean_dump("wrapped.txt")
    assert rail.byline == "Ines Varga"
    assert rail.cleaned is not None and rail.cleaned.dateline is not None
    assert rail.cleaned.dateline.place == "VALLEY JUNCTION"
    paragraphs = rail.text.split("\n\n")
    assert len(paragraphs) == 3
    assert paragraphs[0] == (
        "The mountain rail line between Valley Junction and Stonebridge reopened to passengers on "
        "Friday, two years after a landslide buried a section of track and forced the operator to "
        "run replacement buses."
    )
    assert ferry.title == "Ferry Service Suspended as Storm Nears Coast"
    assert ferry.text.count("\n\n") == 1


def test_html_articles_get_only_safe_cleaning() -> None:
    text = (
        "Ministers Meet Over Grain Deal\n"
        "Share\n"
        "By Ana Lopez\n"
        "BRUSSELS (Reuters) - Ministers met on Monday to discuss the grain deal.\n"
        "A farmer drives a tractor near a silo. REUTERS/Jo Park\n"
        "They agreed to meet again next month.\n"
        "Ministers Meet Over Grain Deal\n"
        "They agreed to meet again next month.\n"
        "Advertisement"
    )
    html = Article(text=text, format="html", title="Ministers Meet Over Grain Deal", byline="Ana Lopez")
    (out,) = CleanStep().run([html])
    assert out.title == "Ministers Meet Over Grain Deal"
    assert out.captions == []
    assert out.text.split("\n\n") == [
        "By Ana Lopez",
        "BRUSSELS (Reuters) - Ministers met on Monday to discuss the grain deal.",
        "A farmer drives a tractor near a silo. REUTERS/Jo Park",
        "They agreed to meet again next month.",
    ]
    assert out.cleaned is not None
    assert [r.why for r in out.cleaned.removed_lines] == [
        "repeated_title",
        "furniture",
        "repeated_title",
        "repeated",
        "furniture",
    ]
    assert out.cleaned.dateline is None


def test_clean_is_idempotent() -> None:
    story = clean_dump("three_stories.txt")[0]
    before = (story.text, story.title, list(story.captions), story.byline)
    (again,) = CleanStep().run([story])
    assert (again.text, again.title, list(again.captions), again.byline) == before


def test_text_without_headline_starts_at_first_sentence() -> None:
    text = "Share\n\nThe river rose by two metres overnight, officials said on Tuesday.\n\nRoads were closed."
    (out,) = CleanStep().run([Article(text=text, format="text")])
    assert out.title is None
    assert (
        out.text == "The river rose by two metres overnight, officials said on Tuesday.\n\nRoads were closed."
    )


def test_repeated_uncredited_caption_in_body_is_taken_out_everywhere() -> None:
    caption = "Volunteers stack sandbags along the canal wall at dusk"
    text = (
        "Canal Town Braces for Second Flood Crest\n\n"
        "The town of Marlow braced on Thursday for a second flood crest as the canal rose again.\n\n"
        f"{caption}\n\n"
        "Volunteers worked through the afternoon, the mayor said.\n\n"
        f"{caption}\n\n"
        "The water is expected to peak early on Friday."
    )
    (out,) = CleanStep().run([Article(text=text, format="text")])
    assert [c.text for c in out.captions] == [caption]
    assert caption not in out.text
    assert out.text.split("\n\n")[-1] == "The water is expected to peak early on Friday."


def test_html_lines_are_never_joined() -> None:
    text = "Officials listed three demands for the talks\nan end to the shelling, aid access and a prisoner swap."
    (out,) = CleanStep().run([Article(text=text, format="html", title="Talks Resume")])
    assert out.text.split("\n\n") == text.split("\n")
