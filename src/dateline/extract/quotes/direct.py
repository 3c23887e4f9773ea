"""Join quotations to frames, and decide each attribution's type.

1. A frame whose content touches a quotation takes the whole quotation (and the paragraphs it
   continues into): ``"A. B," he said`` parses ``B`` as the clause of ``said``, yet ``A. B`` is
   the content.
2. A quotation no frame touches joins the frame it sits next to: right before the speaker and
   cue (``"...," said X``), right after them (``X said: "..."``, ``"A," he said, "B"``), or
   after a quotation already joined in the same paragraph (``"A," he said. "B."``), or it
   continues a quotation of the previous paragraph, or it fills a paragraph without a cue right
   after a paragraph that ends with the speaker's quotation (the speaker carries on).
3. Type: ``direct`` when the content is all inside quotation marks, ``mixed`` when part of it
   is, ``indirect`` otherwise.
"""

from __future__ import annotations

import bisect
import itertools
import re
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING

from ...vocab import QuoteType
from .frames import Frame
from .lexicon import Cue
from .marks import QUOTE_CHARS, Marked, Quotations, inside_quotation
from .spans_index import CoreIndex

if TYPE_CHECKING:
    from ...nlp.types import Doc

_WORD = re.compile(r"\w+")
#: What may stand between a quotation and the cue it belongs to.
_GAP = re.compile(r"^[\s,:;.\-—–]*$")
_MAX_GAP_WORDS = 8
_LONG_GAP = 200  # characters


def _more_words_than(text: str, start: int, end: int, limit: int) -> bool:
    """Whether ``text[start:end]`` holds more than ``limit`` words, reading no further than needed."""
    return sum(1 for _ in itertools.islice(_WORD.finditer(text, start, end), limit + 1)) > limit


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _core(frame: Frame, doc: Doc) -> tuple[int, int]:
    """Character range of the speaker phrase and the cue together."""
    start, end = frame.cue_span
    if frame.speaker is not None:
        tok = doc[frame.speaker]
        start, end = min(start, tok.idx), max(end, tok.idx + len(tok))
    return start, end


def _chain(mark: Marked, quotations: Sequence[Marked], position: dict[int, int]) -> list[Marked]:
    """``mark`` and the quotations of the next paragraphs that continue it (``position``: index of
    each quotation by its ``id``)."""
    out = [mark]
    index = position[id(mark)]
    while not out[-1].closed and index + 1 < len(quotations) and quotations[index + 1].continues:
        index += 1
        out.append(quotations[index])
    return out


def _short_gap(text: str, start: int, end: int, doc: Doc) -> bool:
    """True when ``text[start:end]`` is only punctuation, or a few words without a verb."""
    if start > end:
        return False
    if end - start > _LONG_GAP and _more_words_than(text, start, end, _MAX_GAP_WORDS):
        return False  # what follows would say the same, after copying a long stretch of text
    gap = text[start:end]
    if "\n" in gap.strip(" \t"):
        return gap.strip() == ":"  # "He said:" closing one paragraph, the quotation opening the next
    if _GAP.match(gap):
        return True
    if len(_WORD.findall(gap)) > _MAX_GAP_WORDS:
        return False
    span = doc.char_span(start, end, alignment_mode="contract")
    return span is not None and not any(t.pos_ in ("VERB", "AUX") for t in span)


def _touched(frame: Frame, quotations: Sequence[Marked]) -> list[Marked]:
    """The quotations, in order, whose inside overlaps the frame's content."""
    if isinstance(quotations, Quotations) and quotations.ordered:
        found = sorted({i for s, e in frame.content for i in quotations.touching(s, e)})
        return [quotations[i] for i in found]
    return [m for m in quotations if any(_overlaps((m.start + 1, m.end - 1), s) for s in frame.content)]


def attach(frames: list[Frame], quotations: Sequence[Marked], text: str, doc: Doc) -> list[Frame]:
    """Give quotations to frames; return the frames that have content."""
    owner: dict[int, Frame] = {}
    position = {id(m): i for i, m in enumerate(quotations)}
    touched = {id(frame): _touched(frame, quotations) for frame in frames}
    claimed = {id(m) for marks in touched.values() for m in marks}
    for frame in frames:
        for mark in touched[id(frame)]:
            owner.setdefault(id(mark), frame)
            frame.quotations.append(mark)
            for part in _chain(mark, quotations, position)[1:]:
                if id(part) in claimed:
                    break  # the next paragraph has a cue of its own
                owner.setdefault(id(part), frame)
                frame.quotations.append(part)
    ordered = sorted((f for f in frames if f.speaker is not None), key=lambda f: f.cue_span)
    cores = CoreIndex([(_core(f, doc), f) for f in ordered])
    previous: Marked | None = None
    for mark in quotations:
        if id(mark) in owner:
            previous = mark
            continue
        found = _neighbour(mark, previous, cores, owner, text, doc)
        if found is None:
            found = _continued(mark, previous, cores, owner, quotations, text)
        if found is None:
            found = _colon_frame(mark, text, doc, quotations)
            if found is not None:
                frames.append(found)
        if found is not None:
            for part in _chain(mark, quotations, position):
                if part is not mark and id(part) in claimed:
                    break
                owner[id(part)] = found
                found.quotations.append(part)
        previous = mark
    for frame in frames:
        frame.content = _merge(_framed(frame, text, doc) + [(m.start, m.end) for m in frame.quotations])
    return [f for f in frames if f.content]


def _framed(frame: Frame, text: str, doc: Doc) -> list[tuple[int, int]]:
    """The frame's parsed content, cut to the quotation where the quotation frames the cue.

    ``"...," she said`` and ``X said: "..."``: the parser may hang the clause around the cue on
    it, but the words said are the quotation's.
    """
    if frame.speaker is None or not frame.quotations:
        return frame.content
    start, end = _core(frame, doc)
    before = [
        m for m in frame.quotations
        if m.end <= start and _short_gap(text, m.end, start, doc) and _char_before(text, m.start) in ("", ".", ":", "?", "!", "—")
    ]
    if before:
        first, last = min(m.start for m in before), max(m.end for m in before)
        return [piece for span in frame.content if span[0] >= first for piece in _cut(span, last, start)]
    after = [m for m in frame.quotations if m.start >= end and text[end : m.start].strip() == ":"]
    if after:
        return [span for span in frame.content if span[0] >= end]
    return frame.content


def _cut(span: tuple[int, int], start: int, end: int) -> list[tuple[int, int]]:
    """``span`` without the characters in ``[start, end)``."""
    pieces = [(span[0], min(span[1], start)), (max(span[0], end), span[1])]
    return [(s, e) for s, e in pieces if s < e]


def _char_before(text: str, i: int) -> str:
    """The last non-space character before ``i`` ("" at the start of the text)."""
    i -= 1
    while i >= 0 and text[i].isspace():
        i -= 1
    return text[i] if i >= 0 else ""


def _word_reach(text: str, mark: Marked, window: int = 4000) -> tuple[int, int]:
    """(reach, back): a gap from the quotation's end to ``reach`` or beyond, or from ``back`` or
    before to its start, holds more than _MAX_GAP_WORDS words."""
    after = list(itertools.islice(_WORD.finditer(text, mark.end), _MAX_GAP_WORDS + 1))
    reach = after[-1].end() if len(after) > _MAX_GAP_WORDS else sys.maxsize
    before = list(_WORD.finditer(text, max(0, mark.start - window), mark.start))
    back = before[-_MAX_GAP_WORDS - 1].start() if len(before) > _MAX_GAP_WORDS else -1
    return reach, back


def _neighbour(
    mark: Marked,
    previous: Marked | None,
    cores: CoreIndex,
    owner: dict[int, Frame],
    text: str,
    doc: Doc,
) -> Frame | None:
    if mark.continues and previous is not None and id(previous) in owner:
        return owner[id(previous)]
    # a gap holding more than _MAX_GAP_WORDS words is never short: cores beyond these are skipped
    reach, back = _word_reach(text, mark)
    runs_on = _runs_on(text, mark)
    for i in cores.starting(mark.end, reach) if runs_on else []:  # "...," said X
        (start, _end), frame = cores[i]
        if frame.via != "source" and _short_gap(text, mark.end, start, doc) and not _content_before(frame, start):
            return frame
    for i in reversed(cores.ending(back, mark.start)):  # X said: "..."   /   "A," he said, "B"
        (_start, end), frame = cores[i]
        if (
            _short_gap(text, end, mark.start, doc)
            and _introduces(text, end, mark.start, doc)
            and not _content_after(frame, end, mark.start)
        ):
            return frame
    if previous is not None and id(previous) in owner and previous.paragraph == mark.paragraph:
        frame = owner[id(previous)]
        between = [
            f for f in (cores[i][1] for i in cores.starting(previous.end, mark.start))
            if f is not frame and f.sentence != frame.sentence
        ]
        if not between and _introduces(text, previous.end, mark.start, doc):
            return frame
    return None


def _continued(
    mark: Marked,
    previous: Marked | None,
    cores: CoreIndex,
    owner: dict[int, Frame],
    quotations: Sequence[Marked],
    text: str,
) -> Frame | None:
    """The frame of the previous paragraph's last quotation, for a paragraph that is nothing but a
    quotation and has no cue of its own: ``"A," she said.`` / ``"B."`` (the speaker carries on)."""
    if previous is None or id(previous) not in owner or previous.paragraph != mark.paragraph - 1:
        return None
    start = text.rfind("\n", 0, mark.start) + 1
    end = text.find("\n", mark.start)
    end = len(text) if end < 0 else end
    if text[start : mark.start].strip():
        return None
    frame = owner[id(previous)]
    if any(e > previous.end and s < start for s, e in frame.content):
        return None  # the speaker's words go on after the quotation: "... "damage" to the coast."
    if any(cores[i][1] is not frame for i in cores.starting(previous.end, end)):
        return None  # someone else speaks after the quotation, or in this paragraph
    if cores.starting(start, end):
        return None
    inside = [m for m in quotations if m.paragraph == mark.paragraph]
    outside = text[start:end]
    for m in reversed(inside):
        outside = outside[: m.start - start] + outside[m.end - start :]
    return frame if _GAP.match(outside) else None


def _colon_frame(mark: Marked, text: str, doc: Doc, quotations: Sequence[Marked]) -> Frame | None:
    """A frame for a quotation introduced by a colon after a verb the lexicon does not list:
    "Sanders made the following comment: “...”", "Ellis was blunt: “...”" (the colon may close
    the previous paragraph); a name right before the colon speaks, wherever the sentence's
    verb is ("The surge does not surprise pollster Dan Shaw: “...”")."""
    j = mark.start - 1
    while j >= 0 and text[j].isspace():
        j -= 1
    if j < 0 or text[j] != ":" or text.count("\n", j, mark.start) > 2:
        return None
    colon = doc.char_span(j, j + 1, alignment_mode="expand")
    if colon is None or not len(colon):
        return None
    before = [t for t in doc[colon[0].sent.start : colon[0].i] if not inside_quotation(t.idx, quotations)]
    if before and before[-1].pos_ == "PROPN" and before[-1].ent_type_ in ("PERSON", "ORG", ""):
        label, sent = before[-1], before[-1].sent  # "Turnout rose - Jane Ruiz: “...”": the name labels the quotation
        return Frame([colon[0].i], Cue(":", "speech"), label.i, [], "colon", (sent.start_char, sent.end_char), (j, j + 1))
    verbs = [t for t in reversed(before) if t.pos_ in ("VERB", "AUX") and any(c.dep_ == "nsubj" for c in t.children)]
    if not verbs:
        return None
    root = verbs[0]
    subject = next(c for c in root.children if c.dep_ == "nsubj")
    if subject.pos_ not in ("PROPN", "PRON", "NOUN") or inside_quotation(subject.idx, quotations):
        return None
    sent = root.sent
    return Frame(
        cue_tokens=[root.i],
        cue=Cue(root.lemma_.lower(), "speech"),
        speaker=subject.i,
        content=[],
        via="colon",
        sentence=(sent.start_char, sent.end_char),
        cue_span=(root.idx, root.idx + len(root)),
    )


def _introduces(text: str, start: int, end: int, doc: Doc) -> bool:
    """False when the quotation is the object of a preposition or a possessive between it and the
    cue ("said on Fox News's “Fox and Friends”"): then it names something, nobody speaks it."""
    span = doc.char_span(start, end, alignment_mode="contract")
    if span is None or not len(span):
        return True
    last = span[-1]
    return last.pos_ != "ADP" and last.tag_ != "POS" and last.dep_ != "case"


def _runs_on(text: str, mark: Marked) -> bool:
    """True when the quotation ends as one that a following cue completes ("...," / "...?" / "...!").

    A quotation closed by a full stop ends its sentence: ``"... concerns." It added that ...``
    does not make the quotation the object of ``added``.
    """
    inner = text[mark.start : mark.end].rstrip("".join(QUOTE_CHARS) + " ")
    return not inner.endswith(".") or inner.endswith("...")


def _content_before(frame: Frame, core_start: int) -> bool:
    """True when the frame already has content of its own before its speaker and cue."""
    return any(span[1] <= core_start and not _is_quoted(frame, span) for span in frame.content)


def _content_after(frame: Frame, core_end: int, until: int) -> bool:
    """True when the frame has unquoted content between its cue and ``until``."""
    return any(core_end <= span[0] < until and not _is_quoted(frame, span) for span in frame.content)


def _is_quoted(frame: Frame, span: tuple[int, int]) -> bool:
    return any(m.start <= span[0] and span[1] <= m.end for m in frame.quotations)


def _merge(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if out and start <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], end))
        else:
            out.append((start, end))
    return out


def drop_nested(frames: list[Frame]) -> list[Frame]:
    """Keep only outermost attributions: a cue inside another frame's content is reported second-hand.

    In ``The poll found that 74 percent said Trump should release his returns`` the claim is the
    poll's; the voters' saying is part of what the poll reports.
    """
    kept: list[Frame] = []
    spans: list[tuple[int, int]] = []  # the kept frames' content, by start
    longest = 0
    for frame in sorted(frames, key=lambda f: -sum(e - s for s, e in f.content)):
        cue_start, cue_end = frame.cue_span
        # a span holding the cue starts at most ``longest`` characters before it
        i = bisect.bisect_right(spans, (cue_start, sys.maxsize))
        lo = bisect.bisect_left(spans, (cue_start - longest, -1))
        if not any(cue_end <= e for _s, e in spans[lo:i]):
            kept.append(frame)
            for s, e in frame.content:
                bisect.insort(spans, (s, e))
                longest = max(longest, e - s)
    return sorted(kept, key=lambda f: f.cue_span)


def _quoted(word: tuple[int, int], quotations: Sequence[Marked]) -> bool:
    """Whether the word lies within one of the quotations (marks included)."""
    if isinstance(quotations, Quotations) and quotations.ordered:
        i = bisect.bisect_right(quotations.starts, word[0]) - 1
        return i >= 0 and word[1] <= quotations.ends[i]
    return any(q.start <= word[0] and word[1] <= q.end for q in quotations)


def quote_type(content: Sequence[tuple[int, int]], quotations: Sequence[Marked], text: str) -> QuoteType:
    """``direct``, ``mixed`` or ``indirect`` by how much of the content is quoted."""
    words = [m.span() for start, end in content for m in _WORD.finditer(text, start, end)]
    if not words:
        return "indirect"
    inside = sum(1 for w in words if _quoted(w, quotations))
    if inside == len(words):
        return "direct"
    return "mixed" if inside else "indirect"
