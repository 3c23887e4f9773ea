"""Headline and title-case lines: where NER glues a name to the next word ("Obama Says ...").

A line is title-case when it holds at least three words and nearly every word that is not a short
function word starts with a capital ("Obama Says African-American Museum Will Tell of ..."); the
first line of a text followed by a blank line is its headline, whatever its case. In such lines a
PERSON mention that is a person's name from the rest of the article followed by words no person
there is named with ("Obama Speech", "Obama Says") is cut down to the name.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from ...model import Mention, Span
from .tables import given_names, name_key

_WORD = re.compile(r"[^\W\d_][\w'’-]*")
#: Words a title-case line leaves in lower case.
_SMALL = frozenset(
    {
        "a",
        "an",
        "and",
        "as",
        "at",
        "but",
        "by",
        "for",
        "from",
        "in",
        "of",
        "on",
        "or",
        "the",
        "to",
        "vs",
        "with",
    }
)
#: Words after a name that make it a venue or a business, not a headline fragment ("Trump Tower").
_VENUE = frozenset(
    {"hotel", "tower", "towers", "building", "casino", "resort", "organization", "foundation", "university"}
)


def _title_case(line: str) -> bool:
    words = [w for w in _WORD.findall(line) if w.casefold() not in _SMALL]
    return len(words) >= 3 and sum(w[:1].isupper() for w in words) >= 0.85 * len(words)


def headline_spans(text: str) -> list[Span]:
    """Spans of the text's headline (its first line, when a blank line follows) and title-case lines."""
    spans = []
    start = 0
    for line in text.split("\n"):
        end = start + len(line)
        headline = start == 0 and text[end : end + 2] == "\n\n"
        if line.strip() and (headline or _title_case(line)):
            spans.append(Span(start, end))
        start = end + 1
    return spans


def inside(spans: list[Span], position: int) -> bool:
    """Whether ``position`` falls in one of ``spans`` (sorted, not overlapping)."""
    i = bisect_right([s.start for s in spans], position) - 1
    return i >= 0 and spans[i].start <= position < spans[i].end


def _cut_point(words: list[str], known: set[str], named: set[str]) -> int:
    """How many leading words of a mention make a known name, when every word after them is one no
    person in the article is named with; 0 when the mention is to be kept."""
    for size in range(len(words) - 1, 0, -1):
        head, rest = words[:size], [name_key(w) for w in words[size:]]
        if name_key(" ".join(head)) not in known:
            continue
        if any(w in named or w in given_names() or w in _VENUE for w in rest):
            return 0
        return size
    return 0


def trim_headline_fragments(text: str, mentions: list[Mention]) -> list[Mention]:
    """``mentions`` with PERSON mentions in headline and title-case lines cut down to the person's
    name they start with (see the module doc)."""
    spans = headline_spans(text)
    if not spans:
        return mentions
    body = [m for m in mentions if m.label == "PERSON" and not inside(spans, m.span.start)]
    known = {name_key(m.text) for m in body} | {name_key(m.text.split()[-1]) for m in body}
    named = {name_key(w) for m in body for w in m.text.split()}
    out = []
    for m in mentions:
        words = m.text.split()
        size = _cut_point(words, known, named) if m.label == "PERSON" and len(words) > 1 else 0
        if size and inside(spans, m.span.start):
            end = m.span.start + len(" ".join(words[:size]))
            if text[m.span.start : end] == " ".join(words[:size]):
                m = Mention(Span(m.span.start, end), text[m.span.start : end], "PERSON", role=m.role)
        out.append(m)
    return out
