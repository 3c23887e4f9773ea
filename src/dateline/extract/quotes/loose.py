"""Quotations no cue claims: the speaker carries on from an earlier sentence.

News writing often sets the speaker up in one sentence and gives the words in the next, without
a cue of its own::

    Senator Paul Wexler was asked about the plan at a town hall.
    "It is a tax on every family in this state."

    Hale's response was short. "That is simply not true."

After :func:`~dateline.extract.quotes.direct.attach` has given quotations to the frames around
them, every quotation left over becomes a direct attribution of its own when it is a quotation
of substance (at least :data:`MIN_WORDS` words, opening a sentence or long enough to be a
statement) and does not name something (``titled "..."``, ``on Fox News's "..."``, a title in
capitals). Its speaker is, nearest first:

- the speaker of a frame whose cue follows it in its sentence (the quotation joins that frame
  when it runs on into the cue: ``"...," Tulsa police Chief Chuck Jordan said``);
- the speaker of a frame whose cue is before it in its sentence, else the main subject before
  it, else a subject after it (``"...," a shaken Ramirez shrugged``), else a name signing it
  after a dash (``"..." — Donald Trump``), else a name right before a colon that opens it
  (``Press secretary Lia Monroe: "..."``);
- the speaker of a frame, or a subject that can speak (a name, a pronoun or a speaker noun of
  the lexicon), of the sentences before it in its paragraph, then of the sentence after it in
  its paragraph (``"..." That is how Maria Keane remembers it.``), then of the paragraph just
  before (``_PARAGRAPHS_BACK``: a speaker introduced one paragraph earlier is a common layout; one
  carried over from further back is more often wrong than right).

A quotation inside a sentence (not opening it) looks for its speaker in that sentence only. A
quotation with nobody found to credit is left alone (an attribution needs a speaker). The cue of
such an attribution is the opening quotation mark; its cue kind is ``carried``.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from typing import TYPE_CHECKING

from .can_speak import LOOSE_SPEAKER
from .frames import Frame
from .lexicon import Cue, CueLexicon
from .marks import Marked, inside_quotation, paragraphs
from .spans_index import CueIndex, SpanIndex

if TYPE_CHECKING:
    from ...nlp.types import Doc
    from ...nlp.types import Span as SpacySpan

MIN_WORDS = 4
#: A quotation that does not open a sentence must be this long to count as a statement.
MIN_RUNNING_WORDS = 8
_OPENING = frozenset({"", ".", "?", "!", ":", ";", "”", '"', "’", "'", ")"})
_NAMING = frozenset({"titled", "entitled", "called", "named", "dubbed", "headlined", "labeled", "labelled", "as", "the", "a", "an"})
_SUBJECTS = frozenset({"nsubj", "nsubjpass"})
_SENTENCES_BACK = 3
_PARAGRAPHS_BACK = 1
_MAX_GAP_WORDS = 8


def loose_frames(frames: Sequence[Frame], quotations: Sequence[Marked], text: str, doc: Doc, lex: CueLexicon) -> list[Frame]:
    """New frames for the quotations no frame owns or covers (see the module docstring)."""
    owned = {id(m): f for f in frames for m in f.quotations}
    covered = SpanIndex(span for f in frames for span in f.content)
    speakers = CueIndex(f for f in frames if f.speaker is not None)
    starts = [s.start_char for s in doc.sents]
    sents = list(doc.sents)
    paras = paragraphs(text)
    out: list[Frame] = []
    index = 0
    while index < len(quotations):
        mark = quotations[index]
        chain = [mark]
        while not chain[-1].closed and index + 1 < len(quotations) and quotations[index + 1].continues:
            index += 1
            chain.append(quotations[index])
        index += 1
        if mark.continues or id(mark) in owned:
            continue
        taken = [m for m in chain if id(m) in owned]
        if taken:  # the cue comes in a later paragraph of the quotation: '"A.' / '"B," he said.'
            frame = owned[id(taken[0])]
            head = chain[: chain.index(taken[0])]
            frame.quotations.extend(head)
            frame.content = sorted(frame.content + [(m.start, m.end) for m in head])
            continue
        if covered.overlaps(mark.start, chain[-1].end):
            continue
        if not _substantial(chain, text, doc):
            continue
        at = bisect.bisect_right(starts, mark.start) - 1
        joined = _following(chain[-1], sents[at] if at >= 0 else None, speakers, text)
        if joined is not None:
            joined.quotations.extend(chain)
            joined.content = sorted(joined.content + [(m.start, m.end) for m in chain])
            continue
        opens = _last_char(text, mark.start) in _OPENING
        speaker = _speaker(mark, sents, at, speakers, quotations, paras, lex, _SENTENCES_BACK if opens else 0)
        if speaker is None:
            continue  # nobody around to credit: a quotation, but no attribution
        sent = sents[max(at, 0)]
        out.append(
            Frame(
                cue_tokens=[],
                cue=Cue(text[mark.start], "carried"),
                speaker=speaker,
                content=[(m.start, m.end) for m in chain],
                via="loose",
                sentence=(sent.start_char, sent.end_char),
                cue_span=(mark.start, mark.start + 1),
                quotations=list(chain),
            )
        )
    return out


def _substantial(chain: list[Marked], text: str, doc: Doc) -> bool:
    """A statement rather than a scare quote, a short name or a title."""
    mark = chain[0]
    words = sum(m.words for m in chain)
    if words < MIN_WORDS:
        return False
    last_char = _last_char(text, mark.start)
    if last_char not in _OPENING and words < MIN_RUNNING_WORDS:
        return False
    before = text[max(0, mark.start - 40) : mark.start]
    previous_word = before.split()[-1].lower().strip(",") if before.split() else ""
    if last_char not in ("", ".", "?", "!", ":") and (previous_word in _NAMING or _possessive_or_preposition(doc, mark)):
        return False
    inner = [w for w in mark.inner(text).split() if w[:1].isalpha()]
    capitals = sum(w[0].isupper() for w in inner)
    return not (inner and capitals >= 0.7 * len(inner) and len(inner) <= 12 and not mark.inner(text).rstrip(",").endswith((".", "?", "!")))


def _last_char(text: str, i: int) -> str:
    """The character before ``i`` and the spaces before it ("" at the start of a paragraph)."""
    j = i - 1
    while j >= 0 and text[j] in " \t":
        j -= 1
    return "" if j < 0 or text[j] == "\n" else text[j]


def _following(mark: Marked, sent: SpacySpan | None, frames: CueIndex, text: str) -> Frame | None:
    """The frame whose cue comes after the quotation in its sentence, when the quotation runs on
    into it (``"...," Tulsa police Chief Chuck Jordan said``) and nothing but a few words stand
    between them."""
    inner = text[mark.start : mark.end].rstrip("”\"’' ")
    if sent is None or not inner.endswith((",", "?", "!", "—")):
        return None
    for frame in frames.between(mark.end, sent.end_char):
        start = frame.cue_span[0]
        if len(text[mark.end : start].split()) <= _MAX_GAP_WORDS:
            return frame
    return None


def _possessive_or_preposition(doc: Doc, mark: Marked) -> bool:
    """True when a preposition or possessive stands right before the quotation ("on CNN's “...”")."""
    span = doc.char_span(mark.start, mark.start + 1, alignment_mode="expand")
    if span is None or not len(span) or span[0].i == 0:
        return False
    last = span.doc[span[0].i - 1]
    return last.pos_ == "ADP" or last.tag_ == "POS"


def _speaker(
    mark: Marked,
    sents: list[SpacySpan],
    at: int,
    frames: CueIndex,
    quotations: Sequence[Marked],
    paras: list[tuple[int, int]],
    lex: CueLexicon,
    reach: int,
) -> int | None:
    """Head token of the nearest speaker of the quotation (see the module docstring)."""
    if at < 0:
        return None
    own = sents[at]
    after = frames.between(mark.end, own.end_char)
    if after:
        return after[0].speaker
    cues = frames.between(own.start_char, mark.start)
    if cues:
        return cues[-1].speaker
    found = _labelled(own, mark, lex)
    if found is None:
        found = _subject(own, mark.start, quotations, lex, True)
    if found is None:
        found = _subject(own, own.end_char, quotations, lex, False, mark.end)
    if found is None:
        found = _signed(mark, own)
    if found is not None or not reach:
        return found
    start, end = paras[mark.paragraph] if mark.paragraph < len(paras) else (own.start_char, own.end_char)
    floor = paras[max(0, mark.paragraph - _PARAGRAPHS_BACK)][0] if paras else 0
    before = [sents[i] for i in range(at - 1, max(-1, at - 1 - reach), -1) if sents[i].end_char > floor]
    later = [x for x in sents[at + 1 : at + 2] if x.start_char < end]  # the next sentence, inside the paragraph
    nearest = [x for x in before if x.end_char > start] + later + [x for x in before if x.end_char <= start]
    for sent in nearest:
        cues = frames.between(sent.start_char, sent.end_char)
        if cues:
            return cues[0].speaker if sent.start_char > mark.start else cues[-1].speaker
        found = _subject(sent, sent.end_char, quotations, lex, False)
        if found is not None:
            return found
    return None


def _signed(mark: Marked, sent: SpacySpan) -> int | None:
    """The name after a dash that signs the quotation ("“...” — Donald Trump, at a rally")."""
    doc = sent.doc
    after = [t for t in doc[sent.start : min(len(doc), sent.end + 4)] if t.idx >= mark.end and not t.is_space][:3]
    if not after or after[0].text not in ("—", "–", "-", "--") or "\n" in doc.text[mark.end : after[0].idx]:
        return None
    for tok in after[1:]:
        if tok.ent_type_ in ("PERSON", "ORG"):
            ent = next(e for e in doc.ents if e.start <= tok.i < e.end)
            return int(ent.root.i)
    return None


def _labelled(sent: SpacySpan, mark: Marked, lex: CueLexicon) -> int | None:
    """The name right before a colon that introduces the quotation, wherever it stands in the
    sentence ("Press secretary Lia Monroe: “...”", "Turnout rose - Jane Ruiz: “...”", "From the
    report: “...”")."""
    before = [t for t in sent if t.idx < mark.start and not t.is_space]
    if len(before) < 2 or before[-1].text != ":":
        return None
    name = before[-2]
    if name.pos_ == "PROPN" and (name.ent_type_ in ("PERSON", "ORG") or not name.ent_type_):
        return name.i
    return name.i if name.pos_ == "NOUN" and lex.nouns.get(name.lemma_.lower()) in ("document", "person") else None


def _subject(sent: SpacySpan, limit: int, quotations: Sequence[Marked], lex: CueLexicon, main: bool, after: int = -1) -> int | None:
    """The last subject between ``after`` and ``limit`` that can speak: a name, a pronoun or a
    speaker noun (with ``main``, only the subject of the main verb: in the quotation's own sentence
    a subject of a subordinate clause, "if they “...”", is seldom the one quoted). With ``after``,
    the first one after that offset ("“...,” a shaken Ramirez shrugged")."""
    found = None
    for tok in sent:
        if tok.idx >= limit:
            break
        if tok.idx < after:
            continue
        if tok.dep_ not in _SUBJECTS or inside_quotation(tok.idx, quotations):
            continue
        if main and not (tok.head.dep_ == "ROOT" or (tok.head.dep_ == "conj" and tok.head.head.dep_ == "ROOT")):
            continue
        owner = next((c for c in tok.children if c.dep_ == "poss" and c.pos_ == "PROPN"), None)
        if LOOSE_SPEAKER(tok, lex):
            found = tok.i  # "Clinton's spokesman, Brian Fallon, ..."
        elif owner is not None:
            found = owner.i  # "Hale's response was short."
        if found is not None and after >= 0:
            return found
    return found


