"""Adjective cues: "X is critical of Y", "X was eager to Y", "X is confident that Y".

An adjective of the lexicon (kind ``adjective``, with the word that opens its content as the
particle: ``of``, ``about``, ``in``, ``to`` for an infinitive, ``that`` for a clause) that
complements a verb ("is", "seems", "remains") makes a frame whose speaker is that verb's subject
and whose content is the object of the preposition, the infinitive or the clause. Adjectives
inside quotation marks belong to the quotation; a speaker in another paragraph is no speaker.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from .frames import Frame, runs
from .lexicon import Cue, CueLexicon
from .marks import Marked, inside_quotation, paragraphs

if TYPE_CHECKING:
    from ...nlp.types import Doc, Token


def adjective_frames(doc: Doc, lex: CueLexicon, quotations: Sequence[Marked], text: str) -> list[Frame]:
    """One frame for each adjective cue with a subject and content (see the module doc)."""
    frames = []
    for tok in doc:
        options = lex.adjective_cues.get(tok.lower_)
        if not options or tok.dep_ != "acomp" or inside_quotation(tok.idx, quotations):
            continue
        speaker = next((c for c in tok.head.children if c.dep_ == "nsubj"), None)
        found = _content(tok, options)
        if speaker is None or found is None or inside_quotation(speaker.idx, quotations):
            continue
        cue, content = found
        start, end = next(((s, e) for s, e in paragraphs(text) if s <= tok.idx < e), (0, len(text)))
        spans = runs(t for t in content if start <= t.idx < end)
        if not spans or not start <= speaker.idx < end:
            continue
        sent = tok.sent
        frames.append(Frame([tok.i], cue, speaker.i, spans, "adjective", (sent.start_char, sent.end_char), (tok.idx, tok.idx + len(tok))))
    return frames


def _content(tok: Token, options: dict[str, Cue]) -> tuple[Cue, list[Token]] | None:
    """The cue and content tokens of an adjective: its preposition's object, its infinitive or its clause."""
    for child in tok.children:
        if child.i < tok.i:
            continue
        if child.dep_ == "prep" and child.lower_ in options:
            objects = [t for g in child.children if g.dep_ in ("pobj", "pcomp") for t in g.subtree]
            if objects:
                return options[child.lower_], objects
        if child.dep_ == "xcomp" and "to" in options:
            return options["to"], list(child.subtree)
    clauses = [c for c in [*tok.children, *tok.head.children] if c.dep_ == "ccomp" and c.i > tok.i]
    if clauses and "that" in options:
        return options["that"], list(clauses[0].subtree)
    return None
