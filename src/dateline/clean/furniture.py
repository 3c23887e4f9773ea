"""Page furniture: share buttons, "Read more", copyright lines, stray short tokens."""

from __future__ import annotations

import re

from .lexicon import Lexicon, fold
from .textlines import word_count

#: Lines this short (in characters) never carry article text ("TT", "|", "AP").
SHORT_LINE = 3
#: Prefix rules only apply to lines up to this many words, so prose is never cut.
PREFIX_MAX_WORDS = 30

_EDGES = " \t.,:;!?|-–—•·»«>*_\"'“”‘’()[]{}"
_DIGITS = re.compile(r"\d+")
_TOKENS = re.compile(r"[|/•·,;]+|\s+")
_LETTER = re.compile(r"[^\W\d_]")


#: Furniture seen in real bodies that a word list cannot hold: sign-up and subscription pitches,
#: standards boilerplate, letter forms, tool and video links, article-tool strips, fact boxes.
_FURNITURE_PATTERNS = re.compile(
    r"""^(?:
        (?:free\ )?sign\ ?up(?:\ (?:here|now|for\ free|today))?[.!]?$
      | (?:sign\ up|subscribe)\ (?:to|for)\ (?:our|the)\ .{0,80}newsletter.{0,80}$
      | start\ your\ .{0,60}subscription\ today.{0,40}$
      | our\ standards:.*$
      | submit\ your\ letter\ to\ the\ editor.{0,80}$
      | [a-z-]{2,20}\ tool:.{0,120}$
      | (?:video|watch|photos|gallery|listen):.{0,120}$
      | (?:company|website|funding|founders?|founded|headquarters|employees):\ .{0,120}$
    )""",
    re.IGNORECASE | re.VERBOSE,
)
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

    Reasons: ``short`` (1-3 characters), ``no_letters``, ``furniture`` (a listed line or
    prefix) and ``social`` (a line made only of share-button words).
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
    if word_count(text) <= PREFIX_MAX_WORDS and _FURNITURE_PATTERNS.match(text.strip()):
        return "furniture"
    return None


def _ends_word(folded: str, at: int) -> bool:
    """The prefix ends at a word boundary (``subscribe`` matches, ``subscribers`` does not)."""
    if at >= len(folded) or not folded[at - 1].isalnum():
        return True
    return not folded[at].isalnum()
