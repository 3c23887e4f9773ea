"""Attributions written as "Speaker: claim", the headline convention of news sites.

``Pat Ellis: Voters Want a Recount`` and ``Poll: Turnout Will Be Low`` credit the claim after the
colon to the name (or source noun) before it. The name must be everything before the colon and
be a person or organization (a place is a dateline: ``BEIRUT: ...``); a common noun counts only
when the lexicon lists it as a source (``Poll``, ``Report``). Labels such as ``Update:`` or
``Correction:`` name nobody and are skipped.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .frames import Frame, runs
from .lexicon import Cue, CueLexicon
from .marks import paragraphs

if TYPE_CHECKING:
    from ...nlp.types import Doc
    from ...nlp.types import Span as SpacySpan

_HEAD = re.compile(r"([A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,3}):[ \t]+\S")
_NAME_LABELS = frozenset({"PERSON", "ORG"})
_MAX_WORDS = 30
_COLON_CUE = Cue(":", "speech")


def headline_frames(doc: Doc, text: str, lex: CueLexicon) -> list[Frame]:
    """One frame for each paragraph that opens with ``Name: claim``."""
    frames = []
    for start, end in paragraphs(text):
        found = _HEAD.match(text, start, end)
        if found is None or len(text[start:end].split()) > _MAX_WORDS:
            continue
        colon = found.end(1)
        name = doc.char_span(start, colon, alignment_mode="contract")
        mark = doc.char_span(colon, colon + 1, alignment_mode="expand")
        if name is None or mark is None or not len(name) or not len(mark) or not _is_source(name, lex):
            continue
        first = stop = mark[-1].i + 1
        while stop < len(doc) and doc[stop].idx < end:  # the paragraph's tokens only, not the rest of the text
            stop += 1
        content = runs(doc[first:stop])
        if not content:
            continue
        sent = mark[0].sent
        frames.append(
            Frame(
                cue_tokens=[mark[0].i],
                cue=_COLON_CUE,
                speaker=name.root.i,
                content=content,
                via="headline",
                sentence=(sent.start_char, sent.end_char),
                cue_span=(colon, colon + 1),
            )
        )
    return frames


def _is_source(name: SpacySpan, lex: CueLexicon) -> bool:
    """A person or organization named by the whole span, or a single source noun ("Poll")."""
    if len(name) == 1 and lex.nouns.get(name[0].lemma_.lower()) in ("document", "institution", "anonymous"):
        return True
    if not all(t.pos_ == "PROPN" for t in name):
        return False
    label = covering_entity_label(name.doc, name.start, name.end)
    return label is not None and label in _NAME_LABELS


def covering_entity_label(doc: Doc, start: int, end: int) -> str | None:
    """The label of the entity that holds tokens ``[start, end)``, read from the tokens' IOB tags
    around them (not from every entity of the document)."""
    if start >= end or doc[start].ent_iob_ not in ("B", "I"):
        return None
    first = start
    while first > 0 and doc[first].ent_iob_ == "I":
        first -= 1
    last = first + 1
    while last < len(doc) and doc[last].ent_iob_ == "I":
        last += 1
    return doc[first].ent_type_ if end <= last else None
