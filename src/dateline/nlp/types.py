"""spaCy's document types, for type hints anywhere in dateline (only ``nlp/`` imports spaCy).

Import them under ``if TYPE_CHECKING:`` so that a module does not load spaCy to be imported::

    if TYPE_CHECKING:
        from dateline.nlp.types import Doc, Span, Token

``Span`` here is spaCy's (a slice of a Doc: a sentence, an entity), not :class:`dateline.model.Span`.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

__all__ = ["Doc", "Span", "Token"]
