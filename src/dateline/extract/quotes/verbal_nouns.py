"""Cue verbs the tagger took for plural nouns: "Trump claims that ...", "The campaign plans to ...".

A present-tense cue verb ending in -s looks like a plural noun, and the tagger sometimes reads it
so. A word of the verb cue list tagged as a plural noun counts as the verb when

- it has no determiner, possessor or adjective of its own (``the claims that`` is a noun),
- a name, a personal pronoun, or a noun phrase with a determiner or possessor ("the campaign")
  or listed as a source ("officials") stands right before it (its subject), and that word is
  not the head the parser hung the cue on,
- ``that`` as a conjunction (any cue) or ``to`` (cues taking an infinitive) follows it.

The content runs from ``that``/``to`` to the end of the sentence (cut at a semicolon, kept in
the paragraph).
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

_MODIFIERS = frozenset({"det", "poss", "amod", "compound", "nummod"})
_INFINITIVE_KINDS = frozenset({"speech", "intent"})


def verbal_noun_frames(doc: Doc, lex: CueLexicon, quotations: Sequence[Marked], text: str) -> list[Frame]:
    """Frames for cue verbs tagged as plural nouns."""
    bounds = paragraphs(text)
    starts = [b[0] for b in bounds]
    frames = []
    for tok in doc:
        if tok.tag_ != "NNS" or tok.i == 0 or tok.i + 1 >= len(doc):
            continue
        cue = lex.cue(tok.lemma_.lower())
        if cue is None or cue.kind not in ("speech", "clausal", "intent", "act"):
            continue
        after, subject = doc[tok.i + 1], doc[tok.i - 1]
        complement = after.lower_ == "that" and after.tag_ == "IN"  # not the relative "that" (WDT)
        if not (complement or (after.lower_ == "to" and cue.kind in _INFINITIVE_KINDS)):
            continue
        if any(c.dep_ in _MODIFIERS and c.i != subject.i for c in tok.children) or not _subject(subject, lex):
            continue
        if subject.i == tok.head.i or inside_quotation(tok.idx, quotations):
            continue
        para_end = bounds[max(0, bisect.bisect_right(starts, tok.idx) - 1)][1]
        content = []
        for t in doc[after.i : tok.sent.end]:
            if t.idx >= para_end or (t.text == ";" and not inside_quotation(t.idx, quotations)):
                break
            content.append(t)
        spans = runs(content)
        if not spans:
            continue
        sent = tok.sent
        frames.append(
            Frame(
                cue_tokens=[tok.i],
                cue=cue,
                speaker=subject.i,
                content=spans,
                via="clause" if after.lower_ == "that" else "infinitive",
                sentence=(sent.start_char, sent.end_char),
                cue_span=(tok.idx, tok.idx + len(tok)),
            )
        )
    return frames


def _subject(word: Token, lex: CueLexicon) -> bool:
    """True for a word that can be the subject right before a cue: "Trump", "she", "the campaign"."""
    if word.pos_ == "PROPN":
        return bool(word.ent_type_) or word.i > word.sent.start  # a capitalised first word may be none
    if word.pos_ == "PRON":
        return word.tag_ == "PRP"
    if word.pos_ != "NOUN" or word.dep_ in _MODIFIERS:
        return False
    return word.lemma_.lower() in lex.nouns or any(c.dep_ in ("det", "poss") for c in word.children)
