"""A plain-list view of a spaCy Doc's tokens, read once per article.

Reading ``doc.text`` or ``doc[i]`` builds new objects on every call; the entity rules look at
tokens many times, so they read these lists instead. The lists are read in one ``Doc.to_array``
call (no Token objects are made).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from typing import Any

_FINAL = frozenset({".", "!", "?"})


@dataclass(frozen=True)
class Tokens:
    """Token texts, offsets and tags of one Doc. ``tags``/``ents`` are "" when not annotated.

    ``tags`` are the fine-grained tagger tags ("NNP"), which need no attribute ruler.
    """

    text: str
    words: list[str]
    starts: list[int]
    tags: list[str]
    ents: list[str]
    sent_starts: list[bool]
    tagged: bool
    upper: list[bool]  # a capitalised word with a letter in it (see is_upper_word)
    entities: list[tuple[int, int, str]]  # spaCy's entities (doc.ents): first token, last + 1, label
    capitalised: list[int]  # the indices where ``upper`` is True, in order

    def __len__(self) -> int:
        return len(self.words)

    def end(self, i: int) -> int:
        """Character offset just after token ``i``."""
        return self.starts[i] + len(self.words[i])

    def chars(self, first: int, last: int) -> str:
        """Text from the start of token ``first`` to the end of token ``last - 1``."""
        return self.text[self.starts[first] : self.end(last - 1)] if last > first else ""

    def folded(self, first: int, last: int) -> str:
        return self.chars(first, last).casefold()

    def is_proper(self, i: int) -> bool:
        """Tagged as a proper noun; True when the Doc has no tags (nothing to contradict it)."""
        return not self.tagged or self.tags[i] in {"NNP", "NNPS"}

    def is_upper_word(self, i: int) -> bool:
        return self.upper[i]

    def token_range(self, start: int, end: int) -> tuple[int, int]:
        """Tokens overlapping the characters ``start:end`` (first, last + 1)."""
        first = max(bisect_right(self.starts, start) - 1, 0)
        last = bisect_left(self.starts, end)
        return first, max(last, first + 1)


def _labels(strings: Any, hashes: list[int]) -> list[str]:
    """The strings of a column of label hashes (a few distinct values, each looked up once)."""
    names = {h: strings[h] for h in set(hashes)}
    return [names[h] for h in hashes]


def _entities(iob: list[int], labels: list[str]) -> list[tuple[int, int, str]]:
    """Entity spans from the IOB codes (3 begin, 1 inside, 2 outside, 0 unset), as ``Doc.ents``
    reads them: a span runs from a "begin" token with a label to the next token that is not inside."""
    out = []
    start = -1
    for i, code in enumerate(iob):
        if code == 1:
            continue
        if start != -1:
            out.append((start, i, labels[start]))
        start = i if code == 3 and labels[i] else -1
    if start != -1:
        out.append((start, len(iob), labels[start]))
    return out


#: Attributes read per token, in this order: none of the lexeme's (text, length, is-space), which
#: would be looked up token by token; the words are cut from the text.
_ATTRS = ["IDX", "SPACY", "TAG", "ENT_TYPE", "SENT_START", "ENT_IOB"]


def _words(doc: Any, text: str | None, starts: list[int], spaces: list[int]) -> tuple[str, list[str]]:
    """The text and the token texts: cut from ``text`` where it is the text the Doc was made from
    (its length and first and last words agree), else read from the Doc."""
    last = doc[-1].text
    if (
        text is not None
        and len(text) == starts[-1] + len(last) + spaces[-1]
        and text.startswith(last, starts[-1])
        and text.startswith(doc[0].text, starts[0])
    ):
        ends = [*starts[1:], len(text) - spaces[-1]]
        spaced = [*spaces[:-1], 0]
        return text, [text[s : e - sp] for s, e, sp in zip(starts, ends, spaced, strict=True)]
    words = [t.text for t in doc]
    return "".join([w + " " if space else w for w, space in zip(words, spaces, strict=True)]), words


def tokens_of(doc: Any, text: str | None = None) -> Tokens:
    """Read a spaCy Doc into a :class:`Tokens` view.

    ``text``, the text the Doc was made from (``Article.text``), saves rebuilding it from the tokens;
    a text that does not fit the Doc is ignored.
    """
    tagged = bool(doc.has_annotation("TAG"))
    sents = bool(doc.has_annotation("SENT_START"))
    if not len(doc):
        return Tokens(doc.text, [], [], [], [], [], tagged, [], [], [])
    strings = doc.vocab.strings
    table = doc.to_array(_ATTRS)
    starts = table[:, 0].tolist()
    text, words = _words(doc, text, starts, table[:, 1].tolist())
    tags = _labels(strings, table[:, 2].tolist()) if tagged else [""] * len(words)
    ents = _labels(strings, table[:, 3].tolist())
    if sents:
        sent_starts = (table[:, 4] == 1).tolist()
    else:  # no parser: a sentence starts after final punctuation or a line break
        sent_starts = [True] + [w in _FINAL or w.isspace() for w in words[:-1]]
    caps = {w for w in set(words) if w[0].isupper() and (w[0].isalpha() or any(map(str.isalpha, w)))}
    capitalised = [i for i, w in enumerate(words) if w in caps]
    upper = [False] * len(words)
    for i in capitalised:
        upper[i] = True
    found = _entities(table[:, 5].tolist(), ents)
    return Tokens(text, words, starts, tags, ents, sent_starts, tagged, upper, found, capitalised)
