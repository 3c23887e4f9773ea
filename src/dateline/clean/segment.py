"""SegmentStep: split a multi-article text dump into one Article per story.

Story boundaries come from the layout, not from any one file:

- a hard separator line (``-----``, ``=====``, ``* * *``, ``###``, ``END``, a form feed);
- otherwise a headline-like line that follows body text (a finished sentence at most two
  lines before it; widgets such as "Share" or "Listen" and notes to readers do not count) and has
  at least one of: a longer run of blank lines before it than the
  file's usual paragraph gap; a copy of itself in the next few lines (scrapers repeat the
  headline block: a headline printed again after at least one other line opens a story whatever
  its final punctuation, "... ‘Reckless.’"); a byline, date, dateline or photo caption in the next three lines.

A headline followed directly by plain paragraphs at the usual gap is read as a crosshead
inside the current story, not as a new story.
"""

from __future__ import annotations

import copy
import dataclasses
from collections import Counter
from collections.abc import Iterator

from ..model import Article
from ..pipeline import Step
from .captions import read_caption
from .furniture import furniture_reason, story_list_lines
from .header import read_byline, read_date_line, read_dateline, read_place_byline
from .lexicon import Lexicon
from .paragraphs import paragraphs
from .textlines import (
    Line,
    is_sentence,
    looks_like_headline,
    looks_like_repeated_headline,
    title_cased,
    word_count,
)

#: How many lines after a headline to look for its repeated copy.
REPEAT_WINDOW = 8
#: How many lines after a headline to look for a byline, date, dateline or caption.
HEADER_WINDOW = 3
#: Lines allowed between the last body sentence and a new headline (trailers, sign-offs).
MAX_TRAILER_LINES = 2
_HEADER_CAPTIONS = frozenset({"prefix", "photo", "agency", "paren"})


def story_starts(lines: list[Line], lexicon: Lexicon) -> list[int]:
    """Indexes into ``lines`` where stories begin (the first content line always does)."""
    content = [line for line in lines if not line.separator]
    if not content:
        return []
    gaps = Counter(line.gap for line in content[1:])
    usual_gap = min(gaps, key=lambda g: (-gaps[g], g)) if gaps else 0
    starts = [content[0].index]
    listed = story_list_lines([line.text for line in lines], lexicon)
    seen: set[str] = set()
    has_body = False
    since_body = 0
    after_separator = False
    for line in lines:
        if line.separator:
            after_separator = after_separator or bool(seen)
            continue
        furniture = furniture_reason(line.text, lexicon) is not None
        new_story = after_separator or (
            not furniture
            and has_body
            and since_body <= MAX_TRAILER_LINES
            and line.key not in seen
            and _opens_story(lines, line, usual_gap, lexicon, line.index in listed)
        )
        if new_story and line.index != starts[-1]:
            starts.append(line.index)
        if new_story:
            seen, has_body, since_body, after_separator = set(), False, 0, False
        seen.add(line.key)
        if furniture or line.index == starts[-1]:
            continue  # a story's first line is its headline, never body (even one ending in "?")
        if is_sentence(line.text):
            has_body, since_body = True, 0
        else:
            since_body += 1
    return starts


def _opens_story(lines: list[Line], line: Line, usual_gap: int, lexicon: Lexicon, listed: bool) -> bool:
    """A headline-like line with some evidence that a new story begins at it. A headline the
    header block prints twice (with captions, widgets or a dek between) opens a story whatever
    its final punctuation; a line printed twice in a row is a caption; a line in a list of other
    stories ("Related stories" and the headlines under it) opens one only when printed twice or
    after a wider gap."""
    ahead = lines[line.index + 1 : line.index + 1 + 2 * REPEAT_WINDOW]
    following = [n for n in ahead if not n.separator][:REPEAT_WINDOW]
    if following and following[0].key == line.key:
        return False
    printed_twice = any(n.key == line.key for n in following) and looks_like_repeated_headline(line.text)
    headline = looks_like_headline(line.text) or printed_twice or title_cased(line.text)
    if not headline or _is_header_line(line.text, lexicon):
        return False
    if read_caption(line.text, lexicon).evidence in _HEADER_CAPTIONS:
        return False
    if printed_twice or line.gap > usual_gap:
        return True
    if listed:
        return False
    if any(n.key == line.key for n in following):
        return True
    if any(lexicon.is_note(n.text) for n in following[:HEADER_WINDOW]):
        return True  # a note to readers opens the story's body
    near = [n for n in following if furniture_reason(n.text, lexicon) is None][:HEADER_WINDOW]
    if _caption_then_body(near):
        return True
    return any(_is_header_line(n.text, lexicon) or _is_caption(n.text, lexicon) for n in near) or any(
        read_dateline(n.text, lexicon) is not None for n in near[:2]
    )


def _caption_then_body(near: list[Line]) -> bool:
    """A short caption-like line (no final full stop, as captions without a credit are) followed
    by a body sentence: the layout of a headline, not of a crosshead."""
    if len(near) < 2 or is_sentence(near[0].text) or not 3 <= word_count(near[0].text) <= 30:
        return False
    return is_sentence(near[1].text) and word_count(near[1].text) >= 12


def _is_header_line(text: str, lexicon: Lexicon) -> bool:
    return (
        read_byline(text, lexicon) is not None
        or read_date_line(text) is not None
        or read_place_byline(text) is not None
    )


def _is_caption(text: str, lexicon: Lexicon) -> bool:
    return read_caption(text, lexicon).evidence in _HEADER_CAPTIONS


def segment_text(text: str, lexicon: Lexicon) -> list[tuple[int, str]]:
    """``(offset, segment text)`` for each story in a dump; offsets index into ``text``."""
    lines = paragraphs(text)
    starts = story_starts(lines, lexicon)
    segments: list[tuple[int, str]] = []
    for number, first in enumerate(starts):
        stop = starts[number + 1] if number + 1 < len(starts) else len(lines)
        body = [line for line in lines[first:stop] if not line.separator]
        if body:
            segments.append((body[0].start, text[body[0].start : body[-1].end]))
    return segments


class SegmentStep(Step):
    """Requires ``text``; assigns ``provenance.segment_offset``; splits text dumps into stories.

    For ``format == "text"`` articles, yields one Article per story with ``source``,
    ``format``, ``outlet``, ``published``, ``published_raw``, ``url``, ``language`` and a copy
    of ``provenance`` carried over, ``position`` set to the story's index in the file and
    ``provenance.segment_offset`` to its character offset in the file. A blank file passes
    through as it came. Other formats pass through unchanged. Drops nothing.
    """

    name = "segment"
    requires: frozenset[str] = frozenset({"text"})
    assigns: frozenset[str] = frozenset({"id", "provenance"})  # a split article is identified anew

    def __init__(self, lexicon: Lexicon | None = None) -> None:
        self.lexicon = lexicon or Lexicon.default()

    def process(self, article: Article) -> Iterator[Article]:
        if article.format != "text":
            yield article
            return
        segments = segment_text(article.text, self.lexicon)
        if not segments:
            if article.provenance.segment_offset is None:
                article.provenance.segment_offset = 0
            yield article
            return
        for position, (offset, text) in enumerate(segments):
            yield Article(
                text=text,
                source=article.source,
                position=position,
                format=article.format,
                outlet=article.outlet,
                url=article.url,
                published=article.published,
                published_raw=article.published_raw,
                language=article.language,
                provenance=dataclasses.replace(copy.deepcopy(article.provenance), segment_offset=offset),
                cleaned=copy.deepcopy(article.cleaned),
            )
