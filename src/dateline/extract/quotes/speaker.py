"""The speaker of a cue: its subject, found through participles, conjuncts and parser slips.

- the subject (or passive agent) of the cue verb, preferring one outside quotation marks;
- for participles and conjuncts without a subject ("..., adding that", "but noted"), the subject
  of the verb they hang on; a subject inside a quotation never speaks for a cue outside it;
- "a statement saying ..." speaks through the document noun; "Said Ellis: ..." through the name;
- when the parser gave a finite cue no subject, the noun right before it or the person named
  just before it.

:func:`speaker_phrase` gives the noun phrase around the head, without appositions and clauses
(except a name in apposition to a common noun: "Its chief executive, Marta Lindqvist").
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from .can_speak import NOUN_SPEAKER
from .lexicon import Cue, CueLexicon
from .marks import Marked, inside_quotation

if TYPE_CHECKING:
    from ...nlp.types import Doc, Token
    from ...nlp.types import Span as SpacySpan


_SPEAKER_DEPS = ("nsubj", "csubj")
_CLIMB_DEPS = frozenset({"conj", "advcl", "pcomp", "xcomp", "prep"})
_NP_DROP = frozenset({"appos", "relcl", "acl", "punct", "advcl", "parataxis", "cc", "conj", "prep"})
_NP_KEEP_PREP = frozenset({"of", "at", "for", "from", "with", "in", "close", "familiar"})


def speaker_phrase(head: Token) -> tuple[int, int]:
    """Token range ``[first, last]`` of the speaker noun phrase, without appositions or clauses."""
    keep = [head]
    stack = [head]
    if head.pos_ == "NOUN":  # "Its chief executive, Marta Lindqvist," names the speaker in apposition
        named = [c for c in head.children if c.dep_ == "appos" and c.pos_ == "PROPN"]
        keep += named[:1]
        stack += named[:1]
    while stack:
        tok = stack.pop()
        for child in tok.children:
            if child.dep_ in _NP_DROP and not (
                child.dep_ == "prep" and child.i > head.i and child.lower_ in _NP_KEEP_PREP
            ) and not (child.dep_ in ("cc", "conj") and tok.i == head.i):
                continue
            keep.append(child)
            stack.append(child)
    first, last = min(t.i for t in keep), max(t.i for t in keep)
    doc = head.doc
    while last > first and (doc[last].is_punct or doc[last].dep_ == "case"):
        last -= 1
    breaks = [t.i for t in doc[first:last] if t.i < head.i and "\n" in t.text]
    if breaks:
        first = breaks[-1] + 1  # "10:10 a.m.\n\nJeb Bush said": a dateline over the break is no part of the name
    while first < last and (doc[first].is_punct or doc[first].is_space):
        first += 1
    return first, last


def _subject(tok: Token, quotations: Sequence[Marked]) -> Token | None:
    """The subject of ``tok``, preferring one outside quotation marks (the parser sometimes hangs
    a quoted clause's subject on the cue too)."""
    subjects = [c for c in tok.children if c.dep_ in _SPEAKER_DEPS]
    if subjects:
        outside = [c for c in subjects if not inside_quotation(c.idx, quotations)]
        return min(outside or subjects, key=lambda c: abs(c.i - tok.i))
    for child in tok.children:
        if child.dep_ == "agent":
            for grand in child.children:
                if grand.dep_ == "pobj":
                    return grand
    return None


def find_speaker(tok: Token, cue: Cue, lex: CueLexicon, quotations: Sequence[Marked]) -> Token | None:
    """The subject of the cue, climbing to the governing verb for participles and conjuncts.

    A subject inside quotation marks never speaks for a cue outside them: ``"We did not," he
    noted, but pointed that ...`` takes the speaker of the sibling cue ``noted``.
    """
    found = _climb(tok, cue, lex, quotations)
    return found if found is not None else _preceding_noun(tok)


def _climb(tok: Token, cue: Cue, lex: CueLexicon, quotations: Sequence[Marked]) -> Token | None:
    current, came_by = tok, ""
    for _ in range(4):
        subject = _subject(current, quotations)
        if subject is None and came_by in ("xcomp", "prep"):
            subject = _raised(current)
        if subject is not None:
            if subject.lower_ == "there":
                return None
            if inside_quotation(subject.idx, quotations) and not inside_quotation(tok.idx, quotations):
                return _sibling_speaker(current, tok, lex, quotations)
            return subject
        if current.dep_ == "compound" and current.head.pos_ == "PROPN" and current.i < current.head.i:
            return current.head  # "Said Ellis: ..."
        if current.dep_ == "acl" and current.tag_ == "VBG":
            shown = _shown_speaker(current, lex)
            if shown is not None:
                return shown  # "footage of the senator saying ..."
            if cue.kind == "speech" and NOUN_SPEAKER(current.head, lex):
                return current.head  # "officials warning that ..."
        if current.dep_ == "acl" and lex.nouns.get(current.head.lemma_.lower()) == "document":
            return current.head  # "a statement saying ..."
        if current.dep_ not in _CLIMB_DEPS or current.head.i == current.i:
            return None
        if current.dep_ == "xcomp" and cue.kind != "speech":
            return None
        came_by, current = current.dep_, current.head
    return None


def _shown_speaker(participle: Token, lex: CueLexicon) -> Token | None:
    """The speaker named right before a participle hung on the noun that shows them: "footage of
    the senator saying ...", "a video of Ellis telling ..."."""
    before = participle.doc[participle.i - 1]
    if before.dep_ == "pobj" and before.head.lower_ == "of" and before.head.head.i == participle.head.i:
        return before if NOUN_SPEAKER(before, lex) else None
    return None


def _raised(verb: Token) -> Token | None:
    """The passive subject of a verb the cue hangs on as an infinitive or "as saying": in "X is
    said to have told ...", "X is expected to announce ..." and "X was quoted as saying ..." X is
    the one who tells, announces or says."""
    return next((c for c in verb.children if c.dep_ == "nsubjpass"), None)


def _preceding_noun(tok: Token) -> Token | None:
    """Fallback for a finite cue the parser left without subject: the noun right before it, or
    else the closest person named shortly before it ("In remarks to X, Hussein Allawi, advisor
    to ..., said")."""
    if tok.tag_ not in ("VBD", "VBZ", "VBP"):
        return None
    doc = tok.doc
    i = tok.i - 1
    while i >= 0 and doc[i].pos_ in ("ADV", "AUX", "PART"):
        i -= 1
    if i >= 0 and doc[i].pos_ in ("PROPN", "PRON", "NOUN") and doc[i].lower_ not in ("it", "there"):
        return doc[i]
    start = max(tok.sent.start, tok.i - 15)
    people = _people_within(doc, start, tok.i)
    return people[-1].root if people else None


def _people_within(doc: Doc, start: int, end: int) -> list[SpacySpan]:
    """PERSON entities that lie wholly in tokens ``[start, end)``, read from the tokens' IOB tags (a
    scan of every entity of the document would make long articles cost the square of their length)."""
    out = []
    i = start
    while i < end:
        if doc[i].ent_iob_ != "B":
            i += 1
            continue
        j = i + 1
        while j < len(doc) and doc[j].ent_iob_ == "I":
            j += 1
        if j <= end and doc[i].ent_type_ == "PERSON":
            out.append(doc[i:j])
        i = j
    return out


def _sibling_speaker(head: Token, tok: Token, lex: CueLexicon, quotations: Sequence[Marked]) -> Token | None:
    for sibling in head.children:
        if sibling.i == tok.i or sibling.dep_ not in ("parataxis", "conj", "ccomp"):
            continue
        if sibling.lemma_.lower() in lex.cues:
            subject = _subject(sibling, quotations)
            if subject is not None and not inside_quotation(subject.idx, quotations):
                return subject
    return None
