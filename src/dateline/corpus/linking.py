"""Corpus-wide entity linking: the rules the writer uses to join a new entity to a stored one."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from ..extract.entities.matching import corpus_keys, match_corpus
from ..model import Entity

KeysFn = Callable[[Entity], set[str]]
MatchFn = Callable[[Entity, Sequence[Entity]], "tuple[Entity, str] | None"]


def corpus_rules() -> tuple[KeysFn, MatchFn]:
    """Blocking keys and the matcher for corpus-wide linking (see :mod:`dateline.extract.entities.matching`)."""
    return corpus_keys, match_corpus
