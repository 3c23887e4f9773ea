"""CleanStep: title, captions, byline, date and a clean body for each article."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, datetime

from ..model import Article, Caption, CleanReport, Dateline, RemovedLine
from ..pipeline import Step
from .captions import CaptionMatch, is_credit_line, read_caption
from .controls import optional, without_controls
from .furniture import TRAILER_START, furniture_reason, pull_quote_lines, story_list_lines
from .header import read_byline, read_date_line, read_dateline, read_place_byline
from .lexicon import Lexicon
from .paragraphs import paragraphs
from .textlines import (
    Line,
    ends_sentence,
    is_sentence,
    line_key,
    looks_like_headline,
    looks_like_repeated_headline,
    title_cased,
    word_count,
)

#: Evidence that makes a line a caption before the body starts (``described`` needs no credit).
HEADER_CAPTION = frozenset({"prefix", "photo", "agency", "paren", "described"})
#: Caption evidence that rules a line out as a standfirst (a credit or a caption prefix).
CREDITED = frozenset({"prefix", "photo", "agency", "paren"})
#: Words a standfirst (dek) has.
STANDFIRST_WORDS = (6, 60)


@dataclass
class StoryParts:
    """What cleaning found in one article."""

    title: str | None = None
    byline: str | None = None
    byline_org: str | None = None
    published: date | datetime | None = None
    published_raw: str | None = None
    dateline: Dateline | None = None
    standfirst: str | None = None
    captions: list[Caption] = field(default_factory=list)
    body: list[str] = field(default_factory=list)
    removed: list[RemovedLine] = field(default_factory=list)

    def remove(self, text: str, why: str) -> None:
        self.removed.append(RemovedLine(text, why))


class _TextReader:
    """Reads a text-dump story top to bottom: header block first, then the body."""

    def __init__(self, lexicon: Lexicon, outlet: str | None, known_title: str | None) -> None:
        self.lexicon = lexicon
        self.outlet = outlet
        self.parts = StoryParts()
        self.known_title_key = line_key(known_title) if known_title else None
        self.in_header = True
        self.caption_keys: set[str] = set()
        self.body_keys: set[str] = set()
        self.after_title = False  # the line before (furniture aside) was the headline or its copy
        self.next_line: Line | None = None
        self.paired = False  # the line has an identical neighbour (scrapers print captions twice)

    def read(self, items: list[Line]) -> StoryParts:
        content = [p for p in items if not p.separator]
        counts = Counter(line_key(p.text) for p in content)
        place = {id(p): n for n, p in enumerate(content)}
        listed = story_list_lines([p.text for p in content], self.lexicon)
        for item in items:
            if item.separator:
                self.parts.remove(item.text, "separator")
                continue
            n = place[id(item)]
            if n in listed and not self.in_header:
                self.parts.remove(item.text, "story_list")
                continue
            near = [content[m] for m in (n - 1, n + 1) if 0 <= m < len(content)]
            self.next_line = content[n + 1] if n + 1 < len(content) else None
            self.paired = any(line_key(m.text) == line_key(item.text) for m in near)
            self._line(item.text, counts[line_key(item.text)] > 1)
        return self.parts

    def _line(self, text: str, repeated: bool) -> None:
        parts, key = self.parts, line_key(text)
        why = furniture_reason(text, self.lexicon)
        if why:
            parts.remove(text, why)
            return
        was_after_title, self.after_title = self.after_title, False
        if key in (line_key(parts.title) if parts.title else None, self.known_title_key):
            parts.remove(text, "repeated_title")
            self.after_title = True
        elif key in self.caption_keys:
            parts.remove(text, "repeated_caption")
        elif parts.standfirst is not None and key == line_key(parts.standfirst):
            parts.remove(text, "repeated_standfirst")
        elif self.in_header and was_after_title and self._standfirst(text, repeated):
            parts.standfirst = text
            parts.remove(text, "standfirst")
        elif not self._caption_or_credit(text, key):
            if self.in_header and self._header_line(text, key, repeated):
                return
            self.in_header = False
            if repeated and not ends_sentence(text) and word_count(text) >= 4:
                # a repeated line that is not a sentence is a scraper copy of a caption
                self._add_caption(read_caption(text, self.lexicon), text, key)
                return
            self._body_line(text, key)

    def _caption_or_credit(self, text: str, key: str) -> bool:
        if is_credit_line(text, self.lexicon):
            last = self.parts.captions[-1] if self.parts.captions else None
            if last is not None and last.credit is None:
                last.credit = text.strip().strip("()").strip()
            self.parts.remove(text, "credit")
            return True
        match = read_caption(text, self.lexicon)
        if match.strong or (self.in_header and match.evidence == "agency"):
            self._add_caption(match, text, key)
            return True
        return False

    def _header_line(self, text: str, key: str, repeated: bool) -> bool:
        """Handle a line before the body; False when the body starts at it."""
        parts = self.parts
        byline = read_byline(text, self.lexicon, self.outlet)
        if byline:
            parts.byline = parts.byline or byline[0]
            parts.byline_org = parts.byline_org or byline[1]
            parts.remove(text, "byline")
            return True
        stated = read_date_line(text)
        if stated is not None:
            if parts.published is None:
                parts.published, parts.published_raw = stated, text
            parts.remove(text, "date")
            return True
        if parts.title is None and (
            looks_like_headline(text) or (repeated and looks_like_repeated_headline(text)) or title_cased(text)
        ):
            parts.title = text
            parts.remove(text, "title")
            self.after_title = True
            return True
        place_byline = read_place_byline(text)
        if place_byline:
            parts.dateline = parts.dateline or Dateline(place_byline[0])
            parts.byline = parts.byline or place_byline[1]
            parts.remove(text, "byline")
            return True
        if is_sentence(text) or read_dateline(text, self.lexicon):
            return False
        match = read_caption(text, self.lexicon)
        if match.evidence in HEADER_CAPTION or (repeated and word_count(text) >= 4):
            self._add_caption(match, text, key)
        else:
            parts.remove(text, "header")
        return True

    def _standfirst(self, text: str, repeated: bool) -> bool:
        """A dek: a line right under the headline, of sentence length, with no photo credit, not
        printed twice in a row (as captions are), that the header goes on after (a caption, a
        byline, a date, the headline's copy) or that the header block repeats."""
        low, high = STANDFIRST_WORDS
        if self.paired or not low <= word_count(text) <= high or read_dateline(text, self.lexicon):
            return False
        if read_caption(text, self.lexicon).evidence in CREDITED or _header_shaped(text, self.lexicon, self.outlet):
            return False
        if repeated:
            return True
        following = self.next_line.text if self.next_line is not None else ""
        if not following or furniture_reason(following, self.lexicon):
            return False
        header_next = (
            _header_shaped(following, self.lexicon, self.outlet)
            or read_caption(following, self.lexicon).evidence in CREDITED
            or line_key(following) in (line_key(self.parts.title or ""), self.known_title_key)
        )
        return bool(header_next)

    def _body_line(self, text: str, key: str) -> None:
        parts = self.parts
        if key in self.body_keys:
            parts.remove(text, "repeated")
            return
        self.body_keys.add(key)
        if not parts.body:
            found = read_dateline(text, self.lexicon)
            if found:
                parts.remove(text[: found.body_start].strip(), "dateline")
                parts.dateline = Dateline(found.place, found.date or None, found.agency or None)
                text = text[found.body_start :].strip()
        parts.body.append(text)

    def _add_caption(self, match: CaptionMatch, text: str, key: str) -> None:
        self.caption_keys.update({key, line_key(match.text)})
        self.parts.captions.append(Caption(match.text, match.credit))
        self.parts.remove(text, "caption")


def _header_shaped(text: str, lexicon: Lexicon, outlet: str | None) -> bool:
    """A byline ("By Jane Doe"), a stated date or a place byline ("Baghdad: Jane Doe")."""
    return (
        read_byline(text, lexicon, outlet) is not None
        or read_date_line(text) is not None
        or read_place_byline(text) is not None
    )


def _is_label(text: str) -> bool:
    """A section or breadcrumb label before the body ("Syria", "Middle East"): 1-2 words, no punctuation."""
    return len(text.split()) <= 2 and not any(ch in text for ch in ".!?,;:\"“”")


def read_safe(items: list[Line], lexicon: Lexicon, title: str | None) -> StoryParts:
    """Furniture and repeated lines (and copies of the given title) only."""
    parts = StoryParts()
    seen = {line_key(title)} if title else set()
    listed = story_list_lines([item.text for item in items], lexicon)
    pulled = pull_quote_lines([item.text for item in items])
    for number, item in enumerate(items):
        if parts.body and number >= len(items) // 2 and TRAILER_START.match(item.text):
            for rest in items[number:]:
                parts.remove(rest.text, "related_posts")
            break
        why = "separator" if item.separator else furniture_reason(item.text, lexicon)
        if why is None and number in listed:
            why = "story_list"
        if why is None and number in pulled:
            why = "pull_quote"
        key = line_key(item.text)
        if why is None and key in seen:
            why = "repeated_title" if title and key == line_key(title) else "repeated"
        if why is None and not parts.body and _is_label(item.text):
            why = "section_label"
        if why:
            parts.remove(item.text, why)
            continue
        seen.add(key)
        parts.body.append(item.text)
    return parts


def _date_of_dateline(article: Article, report: CleanReport, lexicon: Lexicon) -> None:
    """An undated article takes the day its dateline states, when that has a year
    ("WASHINGTON, Nov. 19, 2019 (Reuters) -"); the source is ``dateline``."""
    if article.published is not None:
        return
    stated = report.dateline.date if report.dateline is not None else None
    if stated is None:
        first = article.text.split("\n\n", 1)[0]
        found = read_dateline(first, lexicon)
        stated = found.date if found is not None else None
    day = read_date_line(stated) if stated else None
    if day is not None:
        article.published, article.published_raw = day, stated
        article.provenance.published_source = "dateline"


def _strip_controls(article: Article) -> None:
    """Escape sequences and control characters out of the text and the fields read beside it."""
    article.text = without_controls(article.text)
    article.title = optional(article.title)
    article.byline = optional(article.byline)
    article.outlet = optional(article.outlet)
    for caption in article.captions:
        caption.text = without_controls(caption.text)
        caption.credit = optional(caption.credit)


class CleanStep(Step):
    """Requires ``text``; assigns ``title``, ``captions``, ``byline``, ``published``, ``cleaned`` and
    ``provenance.published_source`` (when it dates the article); rewrites ``text``.

    Text-dump articles (``format == "text"``) get the full treatment: title (first real line),
    captions kept once each with their credits, byline, a stated date (only when
    ``published`` was unknown), the dateline prefix (in ``cleaned.dateline``), page
    furniture and every repeated line removed, and the body starting at the first real
    sentence. Other formats get only furniture and repeated-line removal; their title, byline
    and captions are left as given. ``text`` becomes the body paragraphs joined by ``"\\n\\n"``;
    ``cleaned.removed_lines`` lists what was taken out, and why. Terminal escape sequences and control
    characters leave the text, title, byline and captions first (:mod:`.controls`). An article already cleaned
    (``cleaned`` set) passes unchanged. Drops nothing:
    :class:`~dateline.clean.IdentityStep` drops empty bodies.
    """

    name = "clean"
    requires: frozenset[str] = frozenset({"text"})
    assigns: frozenset[str] = frozenset(
        {"text", "title", "captions", "byline", "published", "published_raw", "cleaned", "provenance"}
    )

    def __init__(self, lexicon: Lexicon | None = None) -> None:
        self.lexicon = lexicon or Lexicon.default()

    def process(self, article: Article) -> Iterator[Article]:
        if article.cleaned is not None:
            yield article
            return
        report = CleanReport()
        _strip_controls(article)
        if article.format == "text":
            parts = _TextReader(self.lexicon, article.outlet, article.title).read(paragraphs(article.text))
            self._apply_header(article, parts, report)
        else:
            parts = read_safe(paragraphs(article.text, join=False), self.lexicon, article.title)
        article.text = "\n\n".join(parts.body)
        report.removed_lines = parts.removed
        report.standfirst = report.standfirst or article.provenance.standfirst
        _date_of_dateline(article, report, self.lexicon)
        article.cleaned = report
        yield article

    @staticmethod
    def _apply_header(article: Article, parts: StoryParts, report: CleanReport) -> None:
        if parts.title:
            article.title = parts.title
        if parts.captions:
            article.captions = parts.captions
        if parts.byline and not article.byline:
            article.byline = parts.byline
            report.byline_org = parts.byline_org
        if parts.published is not None and article.published is None:
            article.published = parts.published
            article.published_raw = article.published_raw or parts.published_raw
            article.provenance.published_source = "date_line"
        report.dateline = parts.dateline
        report.standfirst = parts.standfirst
