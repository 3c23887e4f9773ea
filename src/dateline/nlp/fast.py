"""Swap the attribute ruler and the lemmatizer of a loaded pipeline for their fast equivalents.

:func:`speed_up` replaces ``attribute_ruler`` by :class:`~.attributes.TagAttributes` (its rules as a
precomputed mapping) and ``lemmatizer`` by :class:`~.lemmas.MemoLemmas` (lemmas memoised by form, part
of speech and morphology). The names stay, so choosing components works as before; a component
that cannot be expressed this way (other patterns, other lemmatizer modes) is left as it is.
"""

from __future__ import annotations

from typing import Any

from spacy.language import Language

from .attributes import TagAttributes, compile_rules
from .lemmas import MEMO_MODES, MemoLemmas

TAG_FACTORY = "dateline_tag_attributes"
LEMMA_FACTORY = "dateline_memo_lemmas"


@Language.factory(TAG_FACTORY)
def make_tag_attributes(nlp: Language, name: str) -> TagAttributes:
    """An empty :class:`TagAttributes`; :func:`speed_up` gives it the ruler's rules."""
    return TagAttributes(nlp.vocab)


@Language.factory(LEMMA_FACTORY)
def make_memo_lemmas(nlp: Language, name: str) -> MemoLemmas:
    """A :class:`MemoLemmas` with no lemmatizer yet; :func:`speed_up` gives it the stock one."""
    return MemoLemmas(nlp.vocab)


def speed_up(nlp: Any) -> list[str]:
    """Replace the stock ``attribute_ruler`` and ``lemmatizer`` of ``nlp`` (where they can be)
    by their fast equivalents, in place; returns the names of the components replaced."""
    done = []
    if "attribute_ruler" in nlp.component_names:
        ruler = nlp.get_pipe("attribute_ruler")
        rules = compile_rules(ruler) if type(ruler).__name__ == "AttributeRuler" else None
        if rules is not None:
            nlp.replace_pipe("attribute_ruler", TAG_FACTORY).use(rules)
            done.append("attribute_ruler")
    if "lemmatizer" in nlp.component_names:
        lemmatizer = nlp.get_pipe("lemmatizer")
        if getattr(lemmatizer, "mode", None) in MEMO_MODES and hasattr(lemmatizer, "lemmatize"):
            nlp.replace_pipe("lemmatizer", LEMMA_FACTORY).use(lemmatizer)
            done.append("lemmatizer")
    return done
