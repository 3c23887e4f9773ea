"""A plain-list view of a spaCy Doc's tokens, read once per article.

Reading ``doc.text`` or ``doc[i]`` builds new objects on every call; the entity rules look at
tokens many times, so they read these lists instead. The lists are read in one ``Doc.to_array``
call (no Token objects are made).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from typing import Any

import numpy as np

_FINAL = frozenset({".", "!", "?"})


@dataclass(frozen=True)
class Tokens:
    """Token texts, offsets and tags of one Doc. ``ents`` are "" outside entities.

    ``proper`` says which tokens the tagger tagged a proper noun ("NNP", "NNPS": fine-grained tags,
    which need no attribute ruler); all False when the Doc has no tags.
    """

    text: str
    words: list[str]
    starts: list[int]
    proper: list[bool]
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
        return not self.tagged or self.proper[i]

    def is_upper_word(self, i: int) -> bool:
        return self.upper[i]

    def token_range(self, start: int, end: int) -> tuple[int, int]:
        """Tokens overlapping the characters ``start:end`` (first, last + 1)."""
        first = max(bisect_right(self.starts, start) - 1, 0)
        last = bisect_left(self.starts, end)
        return first, max(last, first + 1)


def _proper(strings: Any, tags: np.ndarray) -> list[bool]:
    """Which tokens of a column of tag hashes are tagged "NNP" or "NNPS"."""
    return list(((tags == strings["NNP"]) | (tags == strings["NNPS"])).tolist())


def _entities(strings: Any, iob: np.ndarray, types: np.ndarray) -> list[tuple[int, int, str]]:
    """Entity spans from the IOB codes (3 begin, 1 inside, 2 outside, 0 unset) and the entity type
    hashes, as ``Doc.ents`` reads them: a span runs from a "begin" token with a type to the next
    token that is not inside."""
    begins = np.flatnonzero((iob == 3) & (types != 0))
    if not len(begins):
        return []
    stops = np.append(np.flatnonzero(iob != 1), len(iob))  # a begin stops the entity before it
    ends = stops[np.searchsorted(stops, begins, side="right")]
    return [
        (b, e, strings[h]) for b, e, h in zip(begins.tolist(), ends.tolist(), types[begins].tolist(), strict=True)
    ]


def _token_types(count: int, entities: list[tuple[int, int, str]]) -> list[str]:
    """The entity type of each token ("" outside entities)."""
    types = [""] * count
    for first, last, label in entities:
        types[first:last] = [label] * (last - first)
    return types


#: Attributes read per token, in this order: none of the lexeme's (text, length, is-space), which
#: would be looked up token by token; the words are cut from the text.
_ATTRS = ["IDX", "SPACY", "TAG", "ENT_TYPE", "SENT_START", "ENT_IOB"]


def _words(doc: Any, text: str | None, starts: np.ndarray, spaces: np.ndarray) -> tuple[str, list[str]]:
    """The text and the token texts: cut from ``text`` where it is the text the Doc was made from
    (its length and first and last words agree), else read from the Doc."""
    last, first_start, last_start, last_space = doc[-1].text, int(starts[0]), int(starts[-1]), int(spaces[-1])
    if (
        text is not None
        and len(text) == last_start + len(last) + last_space
        and text.startswith(last, last_start)
        and text.startswith(doc[0].text, first_start)
    ):
        ends = np.empty_like(starts)
        ends[:-1] = starts[1:] - spaces[:-1]
        ends[-1] = len(text) - last_space
        return text, [text[s:e] for s, e in zip(starts.tolist(), ends.tolist(), strict=True)]
    words = [t.text for t in doc]
    spaced = spaces.tolist()
    return "".join([w + " " if space else w for w, space in zip(words, spaced, strict=True)]), words


def _first_codes(text: str, starts: np.ndarray) -> np.ndarray:
    """The code point of each token's first character."""
    return np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)[starts]


def _sentence_starts(words: list[str], codes: np.ndarray) -> list[bool]:
    """Without a parser: a sentence starts at the first token and after final punctuation or a line
    break (a token of white space)."""
    candidates = (codes <= 32) | (codes == 33) | (codes == 46) | (codes == 63) | (codes >= 133)
    starts = np.zeros(len(words), dtype=bool)
    starts[0] = True
    for i in np.flatnonzero(candidates[:-1]).tolist():
        w = words[i]
        starts[i + 1] = w in _FINAL or w.isspace()
    return list(starts.tolist())


def _capitalised(words: list[str], codes: np.ndarray) -> tuple[list[bool], list[int]]:
    """Which words start with a capital letter and hold a letter (see :meth:`Tokens.is_upper_word`),
    and their indices, found from the first characters' code points (``codes``)."""
    upper = (codes >= 65) & (codes <= 90)
    high = [chr(c) for c in np.unique(codes[codes > 127]).tolist()]  # a few: quotes, dashes, letters
    letters = [ord(c) for c in high if c.isupper() and c.isalpha()]
    if letters:
        upper |= np.isin(codes, letters)
    for c in (ord(c) for c in high if c.isupper() and not c.isalpha()):  # "Ⅷ": a letter after it?
        for i in np.flatnonzero(codes == c).tolist():
            upper[i] = any(map(str.isalpha, words[i]))
    return upper.tolist(), np.flatnonzero(upper).tolist()


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
    column = table[:, 0]
    text, words = _words(doc, text, column, table[:, 1])
    starts = column.tolist()
    proper = _proper(strings, table[:, 2]) if tagged else [False] * len(words)
    codes = _first_codes(text, column)
    sent_starts = (table[:, 4] == 1).tolist() if sents else _sentence_starts(words, codes)
    upper, capitalised = _capitalised(words, codes)
    found = _entities(strings, table[:, 5], table[:, 3])
    ents = _token_types(len(words), found)
    return Tokens(text, words, starts, proper, ents, sent_starts, tagged, upper, found, capitalised)
