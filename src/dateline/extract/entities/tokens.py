"""A plain-list view of a spaCy Doc's tokens, read once per article.

Reading ``doc.text`` or ``doc[i]`` builds new objects on every call; the entity rules look at
tokens many times, so they read these lists instead.
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
        word = self.words[i]
        return word[:1].isupper() and any(c.isalpha() for c in word)

    def token_range(self, start: int, end: int) -> tuple[int, int]:
        """Tokens overlapping the characters ``start:end`` (first, last + 1)."""
        first = max(bisect_right(self.starts, start) - 1, 0)
        last = bisect_left(self.starts, end)
        return first, max(last, first + 1)


def tokens_of(doc: Any) -> Tokens:
    """Read a spaCy Doc into a :class:`Tokens` view."""
    tagged = bool(doc.has_annotation("TAG"))
    sents = bool(doc.has_annotation("SENT_START"))
    words, starts, tags, ents, sent_starts = [], [], [], [], []
    for token in doc:
        words.append(token.text)
        starts.append(token.idx)
        tags.append(token.tag_ if tagged else "")
        ents.append(token.ent_type_)
        if sents:
            sent_starts.append(bool(token.is_sent_start))
        else:  # no parser: a sentence starts after final punctuation or a line break
            before = words[-2] if len(words) > 1 else ""
            sent_starts.append(not before or before in _FINAL or not before.strip())
    return Tokens(doc.text, words, starts, tags, ents, sent_starts, tagged)
