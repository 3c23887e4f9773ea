"""Quotes: direct, indirect and mixed attributions with their cues and resolved speakers.

:class:`QuoteStep` is the step; its parts are quotation marks, frames (cue + speaker + content),
speaker phrases, coreference, speaker descriptions and the cue lexicon.
"""

from .step import QuoteStep

__all__ = ["QuoteStep"]
