"""Headline and title-case lines: where NER glues a name to the next word ("Obama Says ...").

A line is title-case when it holds at least three words and nearly every word that is not a short
function word starts with a capital ("Obama Says African-American Museum Will Tell of ..."); the
first line of a text followed by a blank line is its headline, whatever its case. In such lines a
PERSON mention that is a person's name from the rest of the article followed by words no person
there is named with ("Obama Speech", "Obama Says"), or such words followed by a person's name
("Double Standard Clinton"), is cut down to the name; so is an organisation or title NER makes of a
whole headline that starts with a person's name. A PERSON mention there with no given name and no
word a person of the article is named with is dropped ("Judge Keeps Divorce Records Sealed").
"""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import lru_cache

from ...model import Mention, Span
from .tables import given_names, name_key

_WORD = re.compile(r"[^\W\d_][\w'’-]*")
#: Characters of the longest title-case line.
_LONGEST = 240
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
#: Words after a name that make it a venue, a business or a body, not a headline fragment ("Trump Tower").
_VENUE = frozenset(
    {
        "hotel", "tower", "towers", "building", "casino", "resort", "organization", "foundation", "university",
        "administration", "campaign", "library", "center", "institute", "doctrine", "care", "era",
    }
)  # fmt: skip
#: Labels NER gives a whole headline that starts with a name ("Obama Says New Museum Will ..." as ORG).
_FRAGMENT_LABELS = frozenset({"ORG", "WORK_OF_ART", "PRODUCT", "EVENT", "FAC", "LAW"})


def _title_case(line: str) -> bool:
    if len(line) > _LONGEST:
        return False  # a paragraph, not a headline
    words = [w for w in _WORD.findall(line) if w.casefold() not in _SMALL]
    return len(words) >= 3 and sum(w[:1].isupper() for w in words) >= 0.85 * len(words)


@lru_cache(maxsize=4)
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


def _start(span: Span) -> int:
    return span.start


def inside(spans: list[Span], position: int) -> bool:
    """Whether ``position`` falls in one of ``spans`` (sorted, not overlapping)."""
    i = bisect_right(spans, position, key=_start) - 1
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


def _tail_point(words: list[str], known: set[str], named: set[str]) -> int:
    """Where the trailing known name of a mention starts, when every word before it is one no person
    in the article is named with ("Double Standard Clinton"); 0 when the mention is to be kept."""
    for size in range(1, len(words)):
        head, tail = [name_key(w) for w in words[:size]], " ".join(words[size:])
        if name_key(tail) not in known:
            continue
        if any(w in named or w in given_names() for w in head):
            return 0
        return size
    return 0


def _trimmed(
    text: str, m: Mention, words: list[str], known: set[str], named: set[str], tail: bool = True
) -> Mention:
    """``m`` cut to the known name at its start (or, with ``tail``, at its end), else ``m`` itself."""
    size = _cut_point(words, known, named)
    if size:
        kept = " ".join(words[:size])
        start, end = m.span.start, m.span.start + len(kept)
    elif tail and (size := _tail_point(words, known, named)):
        kept = " ".join(words[size:])
        start, end = m.span.end - len(kept), m.span.end
    else:
        return m
    if text[start:end] != kept:
        return m  # the words were not one space apart
    return Mention(Span(start, end), text[start:end], "PERSON", role=m.role)


def _stray(m: Mention, words: list[str], spans: list[Span], named: set[str]) -> bool:
    """A PERSON mention of two or more words in a headline or title-case line none of which is a
    given name or a word a person in the rest of the article is named with ("Keeps Divorce Records")."""
    return (
        len(words) > 1
        and inside(spans, m.span.start)
        and not any(name_key(w) in named or name_key(w) in given_names() for w in words)
    )


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
        if m.label == "PERSON" and _stray(m, words, spans, named):
            continue
        if m.label == "PERSON" and len(words) > 1 and inside(spans, m.span.start):
            m = _trimmed(text, m, words, known, named)
        elif m.label in _FRAGMENT_LABELS and len(words) > 2 and inside(spans, m.span.start):
            cut = _trimmed(text, m, words, known, named, tail=False)
            m = cut if cut.span.end < m.span.end else m
        out.append(m)
    return out
