"""Lemmas memoised by (form, part of speech, morphology): the stock lemmatizer asked once per key.

A rule or lookup lemmatizer's answer depends only on a token's form, coarse part of speech and
morphology, so :class:`MemoLemmas` asks the stock component once per distinct key and sets the
lemmas of a whole Doc in one array write; the stock rules look words up in sets
(:func:`index_sets`).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

import numpy
from spacy.attrs import LEMMA, MORPH, ORTH, POS

#: Lemmatizer modes whose answer is a function of (form, part of speech, morphology).
MEMO_MODES = ("rule", "lookup")


def index_sets(lemmatizer: Any) -> None:
    """Turn the word lists of a rule lemmatizer's ``lemma_index`` table into sets, in place.

    The rules only ask whether a candidate form is in the list for its part of speech (57,000
    nouns in English), so a set gives the same lemmas without a scan per candidate. (A pipeline
    changed this way is for parsing, not for saving with ``to_disk``.)
    """
    lookups = getattr(lemmatizer, "lookups", None)
    if lookups is None or not lookups.has_table("lemma_index"):
        return
    table = lookups.get_table("lemma_index")
    for key in list(table.keys()):
        words = table[key]
        if isinstance(words, list):
            table[key] = frozenset(words)


class MemoLemmas:
    """A pipeline component that sets the lemmas ``lemmatizer`` would set, asking it once per key.

    Needs part of speech and morphology (the attribute ruler); keeps a lemma already set unless the
    wrapped lemmatizer overwrites.
    """

    def __init__(self, vocab: Any, lemmatizer: Any = None) -> None:
        self.vocab = vocab
        self.lemmatizer: Any = None
        self._lemmas: dict[tuple[int, int, int], int] = {}
        if lemmatizer is not None:
            self.use(lemmatizer)

    def use(self, lemmatizer: Any) -> None:
        """Ask ``lemmatizer`` (a stock rule or lookup lemmatizer) from now on."""
        self.lemmatizer = lemmatizer
        self._lemmas = {}
        index_sets(lemmatizer)

    def _lemma(self, doc: Any, at: int, key: tuple[int, int, int]) -> int:
        lemma = self._lemmas.get(key)
        if lemma is None:
            lemma = self.vocab.strings.add(self.lemmatizer.lemmatize(doc[at])[0])
            self._lemmas[key] = lemma
        return lemma

    def __call__(self, doc: Any) -> Any:
        if self.lemmatizer is None:
            raise ValueError("MemoLemmas needs a lemmatizer to ask (see MemoLemmas.use)")
        if not len(doc):
            return doc
        if not self.lemmatizer._validated:
            self.lemmatizer._validate_tables()
        lemmas = self._lemmas
        rows = doc.to_array([ORTH, POS, MORPH, LEMMA]).tolist()
        out = []
        for at, (orth, pos, morph, lemma) in enumerate(rows):
            if lemma and not self.lemmatizer.overwrite:
                out.append(lemma)
                continue
            key = (orth, pos, morph)
            known = lemmas.get(key)
            out.append(known if known is not None else self._lemma(doc, at, key))
        doc.from_array([LEMMA], numpy.asarray(out, dtype=numpy.uint64))
        return doc

    def pipe(self, docs: Iterable[Any], batch_size: int = 128) -> Iterator[Any]:
        for doc in docs:
            yield self(doc)
