"""SegmentStep on hand-written dumps: separators, blank runs, headline blocks, newline styles."""

from __future__ import annotations

from datetime import date

from dateline.clean import Lexicon, SegmentStep, segment_text
from dateline.model import Article, Provenance
from paths import FIXTURES

CLEAN = FIXTURES / "clean"


def read_raw(name: str) -> str:
    """The file exactly as stored (no newline translation)."""
    return (CLEAN / name).read_bytes().decode("utf-8")


def segment(name: str, **fields: object) -> list[Article]:
    dump = Article(text=read_raw(name), source=name, format="text", **fields)  # type: ignore[arg-type]
    return list(SegmentStep().run([dump]))


def first_line(text: str) -> str:
    return text.splitlines()[0]


def test_three_stories_with_different_boundaries() -> None:
    stories = segment("three_stories.txt")
    assert [first_line(s.text) for s in stories] == [
        "Flood Waters Recede in Riverton as Repair Crews Move In",  # start of file
        "Dock Workers Extend Strike at Porto Sul",  # after a "-----" line
        "Council Approves New Budget After Nine-Hour Debate",  # after a run of blank lines
    ]
    assert [s.position for s in stories] == [0, 1, 2]
    assert "-----" not in "".join(s.text for s in stories)


def test_segment_offsets_index_the_original_file() -> None:
    raw = read_raw("three_stories.txt")
    for story in segment("three_stories.txt"):
        offset = story.provenance.segment_offset
        assert raw[offset : offset + len(story.text)] == story.text


def test_story_ends_before_the_next_headline() -> None:
    first, second, third = segment("three_stories.txt")
    assert first.text.endswith("(Reporting by Lena Marsh; Editing by Tomas Quill)")
    assert second.text.endswith("Copyright 2024 AFP. All rights reserved.")
    assert third.text.endswith("Share")


def test_crosshead_inside_a_story_does_not_split_it() -> None:
    third = segment("three_stories.txt")[2]
    assert "What happens next" in third.text
    assert "The mayor must sign the budget" in third.text
    compact = segment("compact.txt")
    assert len(compact) == 2
    assert "Schools Stay Closed" in compact[0].text


def test_single_newline_dump_splits_on_headline_and_byline() -> None:
    stories = segment("compact.txt")
    assert [first_line(s.text) for s in stories] == [
        "Wildfire Forces Evacuation of Hillside Suburbs",
        "Museum Returns Stolen Manuscripts to Monastery",
    ]


def test_windows_newlines_and_repeated_headline_blocks() -> None:
    raw = read_raw("windows_newlines.txt")
    assert "\r\n" in raw
    stories = segment("windows_newlines.txt")
    assert len(stories) == 2
    assert first_line(stories[1].text) == "Central Bank Holds Rates Steady, Signals Cut Later in Year"
    for story in stories:
        offset = story.provenance.segment_offset
        assert raw[offset : offset + len(story.text)] == story.text
    # each story keeps both copies of its headline block for CleanStep to fold
    assert stories[0].text.count("Rescue Teams Search Rubble After Quake Hits Mountain Villages") == 2


def test_hard_separator_in_wrapped_dump() -> None:
    stories = segment("wrapped.txt")
    assert [first_line(s.text) for s in stories] == [
        "Rail Line Reopens Two Years After Landslide",
        "Ferry Service Suspended as Storm Nears Coast",
    ]


def test_fields_are_copied_to_every_story() -> None:
    stories = segment(
        "compact.txt",
        outlet="City Desk",
        url="file:///dumps/compact.txt",
        published=date(2024, 7, 1),
        published_raw="2024-07-01",
        provenance=Provenance(source_sha256="ab" * 32, unparsed_published_raw="early July"),
    )
    for story in stories:
        assert story.source == "compact.txt" and story.format == "text"
        assert story.outlet == "City Desk" and story.url == "file:///dumps/compact.txt"
        assert story.published == date(2024, 7, 1) and story.published_raw == "2024-07-01"
        assert story.provenance.source_sha256 == "ab" * 32
        assert story.provenance.unparsed_published_raw == "early July"
    assert stories[0].provenance is not stories[1].provenance
    assert [s.provenance.segment_offset for s in stories] == sorted({s.provenance.segment_offset for s in stories})


def test_single_story_file_is_one_segment() -> None:
    text = "\n\nOne Headline Only Here\n\nA single paragraph of news text that ends properly.\n\n"
    assert segment_text(text, Lexicon.default()) == [(2, text.strip())]


def test_blank_and_non_text_articles_pass_through() -> None:
    blank = Article(text="  \n\n ", format="text")
    html = Article(text="Title\n\nBody one.\n\n-----\n\nBody two.", format="html", title="Title")
    out = list(SegmentStep().run([blank, html]))
    assert out == [blank, html]
    assert out[1].text == "Title\n\nBody one.\n\n-----\n\nBody two."


def test_dropped_articles_pass_through_untouched() -> None:
    dropped = Article(text="A\n-----\nB", format="text")
    SegmentStep.dropped(dropped, "bad_utf8")
    assert list(SegmentStep().run([dropped])) == [dropped]
