"""Headline and title-case lines: where NER glues a name to the next word ("Obama Says ...").

A line is title-case when it holds at least three words and nearly every word that is not a short
function word starts with a capital ("Obama Says African-American Museum Will Tell of ..."); the
first line of a text followed by a blank line is its headline, whatever its case. In such lines a
PERSON mention that is a person's name from the rest of the article followed by words no person
there is named with ("Obama Speech", "Obama Says"), or such words followed by a person's name
("Double Standard Vell"), is cut down to the name; so is an organisation or title NER makes of a
whole headline that starts with a person's name. A PERSON mention there with no given name and no
word a person of the article is named with is dropped ("Judge Keeps Divorce Records Sealed").
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from functools import lru_cache

from ...model import Mention, Span
from .tables import given_names, name_key

#: Characters of the longest title-case line.
_LONGEST = 240
#: Words starting in lower and in upper case, after any opening quote or bracket ("'Suffering").
_LOWER = re.compile(r"(?<![^\s\"'“‘(\[«])[\"'“‘(\[«]*[^\W\d_A-Z]", re.ASCII)
_UPPER = re.compile(r"(?<![^\s\"'“‘(\[«])[\"'“‘(\[«]*[A-Z]")
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
_SMALL_WORD = re.compile(r"(?<!\S)(?:" + "|".join(sorted(_SMALL)) + r")(?!\S)")
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
    """At least three words, at most 15% of those that are not short function words in lower case."""
    if len(line) > _LONGEST:
        return False  # a paragraph, not a headline
    if len(_LOWER.findall(line, 0, 50)) - len(_SMALL_WORD.findall(line, 0, 50)) > 2:
        return False  # a sentence: three lower-case words in its first fifty characters
    lower = len(_LOWER.findall(line)) - len(_SMALL_WORD.findall(line))
    upper = len(_UPPER.findall(line))
    return upper + lower >= 3 and lower <= 0.15 * (upper + lower)


@dataclass(frozen=True)
class Headlines:
    """The headline and title-case lines of a text: their spans, sorted, and where each starts."""

    spans: list[Span] = field(default_factory=list)
    starts: list[int] = field(default_factory=list)


@lru_cache(maxsize=4)
def headline_spans(text: str) -> Headlines:
    """The text's headline (its first line, when a blank line follows) and title-case lines."""
    spans = []
    start = 0
    for line in text.split("\n"):
        end = start + len(line)
        headline = start == 0 and text[end : end + 2] == "\n\n"
        if line.strip() and (headline or _title_case(line)):
            spans.append(Span(start, end))
        start = end + 1
    return Headlines(spans, [s.start for s in spans])


def inside(heads: Headlines, position: int) -> bool:
    """Whether ``position`` falls in one of the lines of ``heads``."""
    i = bisect_right(heads.starts, position) - 1
    return i >= 0 and position < heads.spans[i].end


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
    in the article is named with ("Double Standard Vell"); 0 when the mention is to be kept."""
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


def _stray(words: list[str], named: set[str]) -> bool:
    """A PERSON mention of two or more words in a headline or title-case line none of which is a
    given name or a word a person in the rest of the article is named with ("Keeps Divorce Records")."""
    return len(words) > 1 and not any(name_key(w) in named or name_key(w) in given_names() for w in words)


def trim_headline_fragments(text: str, mentions: list[Mention]) -> list[Mention]:
    """``mentions`` with PERSON mentions in headline and title-case lines cut down to the person's
    name they start with (see the module doc)."""
    heads = headline_spans(text)
    held = [
        (m.label == "PERSON" and " " in m.text or m.label in _FRAGMENT_LABELS and m.text.count(" ") > 1)
        and inside(heads, m.span.start)
        for m in mentions
    ] if heads.spans else []  # fmt: skip
    if not any(held):
        return mentions
    body = [m for m in mentions if m.label == "PERSON" and not inside(heads, m.span.start)]
    known = {name_key(m.text) for m in body} | {name_key(m.text.split()[-1]) for m in body}
    named = {name_key(w) for m in body for w in m.text.split()}
    out = []
    for m, maybe in zip(mentions, held, strict=True):
        words = m.text.split()
        if not maybe:
            out.append(m)
            continue
        if m.label == "PERSON" and _stray(words, named):
            continue
        if m.label == "PERSON":
            m = _trimmed(text, m, words, known, named)
        else:
            cut = _trimmed(text, m, words, known, named, tail=False)
            m = cut if cut.span.end < m.span.end else m
        out.append(m)
    return out
