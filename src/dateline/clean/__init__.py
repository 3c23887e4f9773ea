"""Segmentation of text dumps and cleaning of article text.

Four steps, in this order:

- :class:`SegmentStep` splits a multi-article text dump into one Article per story;
- :class:`CleanStep` finds title, captions, byline, date and dateline and leaves the clean body;
- :class:`LanguageStep` detects the language of the clean body;
- :class:`IdentityStep` sets the content id and drops empty or too-short bodies.

The word lists (page furniture, agencies, caption cues) live in ``data/clean/furniture.txt`` and
``data/clean/credits.txt``; :meth:`Lexicon.extended` adds your own.
"""

from .clean import CleanStep
from .identity import MIN_BODY_CHARS, IdentityStep
from .language import LanguageStep, detect_language
from .lexicon import Lexicon
from .segment import SegmentStep, segment_text

__all__ = [
    "MIN_BODY_CHARS", "CleanStep", "IdentityStep", "LanguageStep", "Lexicon", "SegmentStep", "detect_language",
    "segment_text",
]
