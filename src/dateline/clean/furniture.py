"""Page furniture: share buttons, "Read more", copyright lines, stray short tokens."""

from __future__ import annotations

import re

from ..model import normalise_text
from .header import read_byline, read_date_line
from .lexicon import Lexicon, fold
from .textlines import looks_like_headline, word_count

#: Lines this short (in characters) never carry article text ("TT", "|", "AP").
SHORT_LINE = 3
#: Prefix rules only apply to lines up to this many words, so prose is never cut.
PREFIX_MAX_WORDS = 30
#: The ``[patterns]`` rules (pitches, rights notices, widgets) apply to lines up to this many words.
PATTERN_MAX_WORDS = 40

_EDGES = " \t.,:;!?|-–—•·»«>*_\"'“”‘’()[]{}"
_DIGITS = re.compile(r"\d+")
_TOKENS = re.compile(r"[|/•·,;]+|\s+")
_LETTER = re.compile(r"[^\W\d_]")


#: Article-tool strips: a line made only of these words ("Keywords Feedback Print Permalink").
_TOOL_WORDS = frozenset({
    "keywords", "feedback", "print", "permalink", "share", "email", "mail", "link", "more", "facebook",
    "twitter", "x", "whatsapp", "linkedin", "reddit", "telegram", "copy", "comments", "save", "bookmark",
})
#: A line that introduces related or next posts appended after the story; the rest is cut.
TRAILER_START = re.compile(
    r"^(?:related(?:\ (?:posts?|articles?|stories|coverage|news|content))?|next\ (?:post|article|story)|"
    r"previous\ (?:post|article|story)|read\ next|up\ next|you\ (?:may|might)\ also\ like|"
    r"more\ (?:stories|from\ [\w\ ]{1,30})|recommended(?:\ for\ you)?)\s*[:»>]?\s*$",
    re.IGNORECASE | re.VERBOSE,
)


def furniture_reason(text: str, lexicon: Lexicon) -> str | None:
    """Why ``text`` (one stripped line) is page furniture, or None when it is not.

    Reasons: ``short`` (1-3 characters), ``no_letters``, ``furniture`` (a listed line, prefix or
    pattern), ``social`` (a line made only of share-button words) and ``note`` (a note to readers
    such as "Editor's note: ...").
    """
    if len(text) <= SHORT_LINE:
        return "short"
    if not _LETTER.search(text):
        return "no_letters"
    folded = fold(text)
    bare = fold(_DIGITS.sub(" ", folded)).strip(_EDGES)
    if bare in lexicon.furniture_lines or folded.strip(_EDGES) in lexicon.furniture_lines:
        return "furniture"
    if word_count(text) <= PREFIX_MAX_WORDS:
        for prefix in lexicon.furniture_prefixes:
            if folded.startswith(prefix) and _ends_word(folded, len(prefix)):
                return "furniture"
    tokens = [t.strip(_EDGES) for t in _TOKENS.split(folded)]
    tokens = [t for t in tokens if t]
    if tokens and all(t in lexicon.social_words for t in tokens):
        return "social"
    if tokens and len(tokens) >= 2 and all(t in _TOOL_WORDS or t in lexicon.social_words for t in tokens):
        return "social"
    if word_count(text) <= PATTERN_MAX_WORDS and lexicon.matches_furniture_pattern(text):
        return "furniture"
    if lexicon.is_note(text):
        return "note"
    return None


def _ends_word(folded: str, at: int) -> bool:
    """The prefix ends at a word boundary (``subscribe`` matches, ``subscribers`` does not)."""
    if at >= len(folded) or not folded[at - 1].isalnum():
        return True
    return not folded[at].isalnum()


#: Headline-shaped lines in a row (with no list heading) that read as a list of other stories.
LIST_RUN = 3
#: Most words of one listed headline.
LIST_ITEM_WORDS = 20


def story_list_lines(texts: list[str], lexicon: Lexicon) -> set[int]:
    """Indexes of ``texts`` (one stripped line each) that list other stories: a list heading
    ("Related stories", "Most read": the ``[lists]`` section) with the headline-shaped lines after
    it, and any run of :data:`LIST_RUN` or more headline-shaped lines (a sidebar the page kept)."""
    out: set[int] = set()
    i = 0
    while i < len(texts):
        heading = lexicon.is_list_heading(texts[i])
        j = i + 1 if heading else i
        while j < len(texts) and _listed_headline(texts[j], lexicon):
            j += 1
        items = j - (i + 1 if heading else i)
        if (heading and (items or j == len(texts))) or items >= LIST_RUN:
            out.update(range(i, j))
        i = max(j, i + 1)
    return out


def _listed_headline(text: str, lexicon: Lexicon) -> bool:
    """A headline of a listed story: not a byline or a stated date (a story's own header)."""
    if not looks_like_headline(text) or word_count(text) > LIST_ITEM_WORDS:
        return False
    return read_byline(text, lexicon) is None and read_date_line(text) is None


#: Paragraphs either side in which a pull quote's text is looked for.
PULL_QUOTE_REACH = 6
#: Most words of a pull quote.
PULL_QUOTE_WORDS = 40


def pull_quote_lines(texts: list[str]) -> set[int]:
    """Indexes of paragraphs that a page repeats as a pull quote: a short
    quotation (or a line with no final full stop) whose whole text stands inside a longer paragraph
    nearby. A short sentence of plain prose repeated in a longer one is left alone."""
    keys = [normalise_text(t) for t in texts]
    out: set[int] = set()
    for i, key in enumerate(keys):
        if len(key.split()) > PULL_QUOTE_WORDS or len(key.split()) < 4:
            continue
        if not key.startswith(("\"", "'")) and key.rstrip().endswith((".", "!", "?")):
            continue  # plain prose, not a quotation
        core = key.strip("\"' .,;:!?")
        for j in range(max(0, i - PULL_QUOTE_REACH), min(len(keys), i + PULL_QUOTE_REACH + 1)):
            if j != i and len(keys[j]) > len(key) and core in keys[j]:
                out.add(i)
                break
    return out
