"""Attributions written as "Speaker: claim", the headline convention of news sites.

``Pat Ellis: Voters Want a Recount`` and ``Poll: Turnout Will Be Low`` credit the claim after the
colon to the name (or source noun) before it. The name must be everything before the colon and
be a person or organization (a place is a dateline: ``BEIRUT: ...``), or end in a word that a
person's or organization's name later in the text ends or holds; a common noun counts only
when the lexicon lists it as a source (``Poll``, ``Report``). Labels such as ``Update:`` or
``Correction:`` name nobody and are skipped.

A headline in title case with a cue verb in the present tense (``Morton Blackwell Endorses Ted
Cruz``, ``Mayor Says Budget Is Safe``) credits the words after the verb to the name before it: the
tagger reads such capitals as names, so the verb is found by its form (a cue lemma plus ``s`` or
``es``) and the speaker must hold a name the entity tagger saw.
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


def title_frames(doc: Doc, text: str, lex: CueLexicon) -> list[Frame]:
    """A frame for a title-case first line with a present-tense cue verb (see the module doc)."""
    start, end = paragraphs(text)[0] if text.strip() else (0, 0)
    words = [t for t in doc if start <= t.idx < end and t.is_alpha]
    if len(words) < 4 or len(words) > _MAX_WORDS or sum(t.text[0].isupper() for t in words) < 0.8 * len(words):
        return []
    for tok in words[1:]:
        cue = _present_cue(tok.text, lex)
        before = [t for t in doc[words[0].i : tok.i] if not t.is_punct]
        if cue is None or not before or not any(t.ent_type_ in _NAME_LABELS for t in before):
            continue
        content = runs(t for t in doc[tok.i + 1 :] if t.idx < end)
        if not content:
            return []
        sent = tok.sent
        return [Frame([tok.i], cue, before[-1].i, content, "headline", (sent.start_char, sent.end_char), (tok.idx, tok.idx + len(tok)))]
    return []


def _present_cue(word: str, lex: CueLexicon) -> Cue | None:
    """The cue of a capitalised present-tense verb form ("Says", "Praises", "Urges")."""
    low = word.lower()
    if not word[0].isupper() or not low.endswith("s"):
        return None
    for lemma in (low[:-1], low[:-2]):
        cue = lex.cue(lemma)
        if cue is not None and cue.kind in ("speech", "act", "intent", "clausal"):
            return cue
    return None


def _is_source(name: SpacySpan, lex: CueLexicon) -> bool:
    """A person or organization named by the whole span, or a single source noun ("Poll")."""
    if len(name) == 1 and lex.nouns.get(name[0].lemma_.lower()) in ("document", "institution", "anonymous"):
        return True
    if not all(t.pos_ == "PROPN" or t.text[:1].isupper() for t in name):
        return False
    label = covering_entity_label(name.doc, name.start, name.end)
    if label is not None and label in _NAME_LABELS:
        return True
    # a headline's capitals mislead the tagger: "Sanders: ..." counts when the text names a
    # person or organization with that last word elsewhere
    known = {w.lower() for e in name.doc.ents if e.label_ in _NAME_LABELS and e.start >= name.end for w in e.text.split()}
    return name[-1].lower_ in known


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
