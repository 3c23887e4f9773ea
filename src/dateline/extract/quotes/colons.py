"""Colon frames without a verb: "His message: the party must change", "The mayor's answer: no".

A sentence that opens with a cue noun of the lexicon (``noun`` kind) held by a possessor and
followed by a colon within its first eight words attributes what follows the colon to the
possessor. The content runs to the end of the sentence and stays in the paragraph; a quotation
after the colon makes it a direct quote when the quotation marks are attached.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from typing import TYPE_CHECKING

from .frames import Frame, runs
from .lexicon import CueLexicon
from .marks import Marked, inside_quotation, paragraphs

if TYPE_CHECKING:
    from ...nlp.types import Doc, Token

_REACH = 8


def colon_frames(doc: Doc, lex: CueLexicon, quotations: Sequence[Marked], text: str) -> list[Frame]:
    """One frame per sentence that opens with "POSSESSOR's CUE-NOUN:"."""
    bounds = paragraphs(text)
    starts = [b[0] for b in bounds]
    frames = []
    for sent in doc.sents:
        colon = next((t for t in sent[:_REACH] if t.text == ":" and not inside_quotation(t.idx, quotations)), None)
        if colon is None or colon.i == sent.start:
            continue
        noun = _cue_noun(doc[colon.i - 1], lex)
        if noun is None:
            continue
        holder = next((c for c in noun.children if c.dep_ == "poss"), None)
        if holder is None or holder.i < sent.start:
            continue
        para_end = bounds[max(0, bisect.bisect_right(starts, colon.idx) - 1)][1]
        spans = runs(t for t in doc[colon.i + 1 : sent.end] if t.idx < para_end)
        if not spans:
            continue
        frames.append(
            Frame(
                cue_tokens=[noun.i],
                cue=lex.noun_cues[lex.lemma(noun)],
                speaker=holder.i,
                content=spans,
                via="colon",
                sentence=(sent.start_char, sent.end_char),
                cue_span=(noun.idx, noun.idx + len(noun)),
            )
        )
    return frames


def _cue_noun(tok: Token, lex: CueLexicon) -> Token | None:
    """The cue noun right before the colon ("message" in "His message:")."""
    return tok if tok.pos_ == "NOUN" and lex.lemma(tok) in lex.noun_cues else None
