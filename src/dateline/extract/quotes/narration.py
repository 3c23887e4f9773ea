"""What the writer says is no attribution, and the writer's asides are no part of one.

- :func:`writer_frames_dropped`: frames whose speaker is the writer's "we" ("we believe the
  council acted too late" outside quotation marks; a first-person "I" stays, as labelled news
  attributions count a columnist's "I think" as one) or whose content is only a person ("unions
  that have endorsed him": the object of an act, not something said);
- :func:`without_aside`: content cut before a dash that opens the writer's comment on it
  ("... were sent - a point that officials have disputed").
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from .frames import Frame
from .marks import Marked, inside_quotation

if TYPE_CHECKING:
    from ...nlp.types import Doc

#: The writer (or the paper) speaking of themselves, outside quotation marks.
_WRITER = frozenset({"we", "us"})
#: Objects that name a person, never a statement ("praised him", "backed her").
_PERSON_OBJECTS = frozenset({"him", "her", "them", "me", "us", "you", "himself", "herself", "themselves"})
_DASHES = frozenset({"-", "–", "—", "--"})
#: Words that open an appositive comment after a dash ("- a point that ...", "- an assertion ...").
_COMMENT_OPENERS = frozenset({"a", "an"})


def writer_frames_dropped(frames: list[Frame], doc: Doc, text: str, quotations: list[Marked]) -> list[Frame]:
    """``frames`` (of ``doc``, whose text is ``text``) without those whose speaker is the writer or
    whose content is a bare person; content ends before the writer's aside."""
    out = []
    for frame in frames:
        if frame.speaker is not None:
            head = doc[frame.speaker]
            if head.lower_ in _WRITER and not inside_quotation(head.idx, quotations):
                continue
        words = [text[s:e].strip().lower() for s, e in frame.content]
        if frame.via == "object" and len(words) == 1 and words[0] in _PERSON_OBJECTS:
            continue
        out.append(replace(frame, content=without_aside(frame.content, doc, text, quotations)))
    return out


def without_aside(content: list[tuple[int, int]], doc: Doc, text: str, quotations: list[Marked]) -> list[tuple[int, int]]:
    """``content`` ending before a dash followed by "a"/"an" and a noun with a clause of its own
    ("- a point that intelligence officials have disputed"), when that comment runs to the end of
    the content and lies outside quotation marks. Other dashes stay ("ready - and that ...")."""
    if not content:
        return content
    start, end = content[-1]
    if not any(d in text[start:end] for d in _DASHES):
        return content
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return content
    for tok in span:
        if tok.text not in _DASHES or tok.i + 1 >= span.end or inside_quotation(tok.idx, quotations):
            continue
        opener = doc[tok.i + 1]
        noun = opener.head
        if opener.lower_ not in _COMMENT_OPENERS or noun.pos_ != "NOUN" or noun.i >= span.end:
            continue
        if not any(c.dep_ in ("relcl", "acl") for c in noun.children):
            continue
        if any(t.text in _DASHES for t in doc[tok.i + 1 : span.end]):
            continue  # a pair of dashes encloses an aside inside the content, which then goes on
        cut = text[start : tok.idx].rstrip(" ,;")
        if cut:
            return [*content[:-1], (start, start + len(cut))]
    return content
