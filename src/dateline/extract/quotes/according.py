"""Speaker and content of a source cue: "according to X" at the start, in the middle or at the end
of a sentence ("According to the ministry, ...", "Prices, according to the organisers, will
rise", "The border stays closed, according to officials").

The speaker is the object of the preposition (or, when the parser read a noun of the phrase as a
verb, its last noun); the content is the rest of the sentence without the cue phrase. At the start
of a sentence the phrase ends at the first comma after its noun, whatever the parser hung on it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .lexicon import Cue

if TYPE_CHECKING:
    from ...nlp.types import Token


def source_content(tok: Token, cue: Cue) -> tuple[Token | None, list[Token]]:
    """Speaker and content of ``according to X`` style cues."""
    prep = next((c for c in tok.children if c.lower_ == cue.particle), None)
    if prep is None:
        nxt = tok.nbor(1) if tok.i + 1 < len(tok.doc) else None
        prep = nxt if nxt is not None and nxt.lower_ == cue.particle else None
    if prep is None:
        return None, []
    speaker = next((c for c in prep.children if c.dep_ == "pobj"), None)
    if speaker is None:  # "according to show insiders" parsed with "show" as a verb
        speaker = next((t for t in reversed(list(prep.subtree)) if t.pos_ in ("NOUN", "PROPN")), None)
    if speaker is None:
        return None, []
    sent = tok.sent
    skip = {t.i for t in tok.subtree} | {t.i for t in prep.subtree}
    # the phrase ends at the first comma after its noun, whatever the parser hung on it
    comma = next((t.i for t in tok.doc[speaker.i : sent.end] if t.text in (",", ";")), sent.end)
    if tok.i == sent.start or all(t.is_punct for t in tok.doc[sent.start : tok.i]):
        skip |= set(range(tok.i, comma + 1))
        skip -= set(range(comma + 1, sent.end))
    return speaker, [t for t in sent if t.i not in skip]
