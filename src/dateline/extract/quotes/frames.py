"""Attribution frames from the dependency parse: cue, speaker head and reported content.

A frame is found for every cue of the lexicon that governs content of the kind it allows:

- a clause (``said that ...``, ``told reporters that ...``, ``"...," he said``),
- the host clause when the cue is parenthetical (``..., the minister said, ...``),
- a to-infinitive for ``intent`` cues (``vowed to retaliate``),
- an object for ``act`` cues (``denied the report``, ``called the charges "false"``), and for
  speech cues an object that names what was said (``noted the shortage``),
- the passive subject when the agent is named (``the plan was criticized by Democrats``),
- the rest of the sentence for ``source`` cues (``according to officials, ...``),
- the words after a colon (``The sources said: ...``); quotations are attached later.

Cues inside quotation marks are skipped: a quoted speaker's own "I think" is part of the quote.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from .according import source_content
from .can_speak import PASSIVE_AGENT
from .lexicon import Cue, CueLexicon
from .marks import Marked, inside_quotation, paragraphs
from .objects import ADDRESSEE_CUES, conjecture, negation, prep_object, reduced_relative, said_object
from .speaker import find_speaker

if TYPE_CHECKING:
    from ...nlp.types import Doc, Token
    from ...nlp.types import Span as SpacySpan


_CLAUSE_DEPS = frozenset({"ccomp"})
_PARENTHETICAL_DEPS = frozenset({"parataxis", "advcl", "ccomp", "conj", "dep"})
_EDGE_PUNCT = frozenset({",", ";", ":", "—", "–", "-", "--", ".", "(", ")"})
_OBJECT_DEPS = frozenset({"dobj", "oprd", "attr", "dative"})
_OBJECT_PREPS = frozenset({"as", "of", "for", "to", "with", "in", "about", "on", "over"})
_OBJECT_TAIL = frozenset({"prep", "oprd"})
_NOUN_PREPS = frozenset({"of", "about", "on", "for", "against"})
#: Verbs whose subject receives what their object noun gives ("won support", "faced criticism").
_RECEIVING = frozenset({"win", "receive", "get", "draw", "face", "earn", "gain", "attract", "garner", "lose", "enjoy", "have"})
_SEPARATORS = frozenset({",", "—", "–", "--", '"', "”"})
_DASHES = frozenset({"-", "—", "–", "--"})


@dataclass
class Frame:
    """One attribution found in the parse (offsets are characters of the doc text)."""

    cue_tokens: list[int]
    cue: Cue
    speaker: int | None  # head token of the speaker phrase
    content: list[tuple[int, int]]
    via: str  # clause | parenthetical | infinitive | object | source | colon | quotation
    sentence: tuple[int, int]
    cue_span: tuple[int, int]
    quotations: list[Marked] = field(default_factory=list)
    relay: str | None = None


def _frame(doc: Doc, cue_toks: list[int], cue: Cue, speaker: Token | None, content: list[Token], via: str) -> Frame:
    first, last = doc[min(cue_toks)], doc[max(cue_toks)]
    sent = first.sent
    return Frame(
        cue_tokens=cue_toks,
        cue=cue,
        speaker=None if speaker is None else speaker.i,
        content=runs(content),
        via=via,
        sentence=(sent.start_char, sent.end_char),
        cue_span=(first.idx, last.idx + len(last)),
    )


def runs(tokens: Iterable[Token]) -> list[tuple[int, int]]:
    """Character spans of the runs of consecutive tokens, split at line breaks, edges trimmed."""
    ordered = sorted(tokens, key=lambda t: t.i)
    groups: list[list[Token]] = []
    for tok in ordered:
        if tok.is_space:
            continue
        prev = groups[-1][-1] if groups else None
        if prev is not None and all(t.is_space and "\n" not in t.text for t in tok.doc[prev.i + 1 : tok.i]):
            groups[-1].append(tok)
        else:
            groups.append([tok])
    out = []
    for group in groups:
        while group and (group[0].text in _EDGE_PUNCT or group[0].pos_ == "CCONJ"):
            group = group[1:]
        while group and (group[-1].text in _EDGE_PUNCT or group[-1].pos_ == "CCONJ"):
            group = group[:-1]
        if any(t.is_alpha or t.is_digit for t in group):
            out.append((group[0].idx, group[-1].idx + len(group[-1])))
    return out


def _particle_cue(tok: Token, lex: CueLexicon) -> tuple[Cue, list[Token]] | None:
    options = lex.cues.get(lex.lemma(tok))
    if not options:
        return None
    if {c.lower_ for c in tok.children if c.dep_ == "prt"} - set(options) and any(c.dep_ == "dobj" for c in tok.children):
        return None  # "calling out the governor on the cost" is "call out", neither "call on" nor "call"
    for child in tok.children:
        key = child.lower_
        mark = next((g for g in child.children if g.dep_ == "mark" and g.i == child.left_edge.i), None)
        if child.dep_ == "advcl" and mark is not None and mark.lower_ in options and options[mark.lower_].particle:
            return options[mark.lower_], [tok, mark]  # "called for [all candidates to lay out ...]"
        if key in options and options[key].particle and child.dep_ in ("prt", "prep", "dobj", "advmod"):
            if child.dep_ == "prep" and any(g.ent_type_ in ("DATE", "TIME") for g in child.children):
                continue  # "spoke on Monday" is no "spoke on the budget"
            return options[key], [tok, child]
    if "" in options:
        return options[""], [tok]
    return None


def _misparsed_clause(tok: Token, speech: bool) -> list[Token]:
    """Clauses the parser hung elsewhere: "insisted [the offer] [was generous]" (object + adverbial
    clause) and "said in a statement [that ...]" (a clause on the noun of a prepositional phrase)."""
    if tok.dep_ == "acl":
        return []
    for child in tok.children:
        bare_clause = child.dep_ == "advcl" and child.i > tok.i and child.pos_ in ("VERB", "AUX") and not any(
            g.dep_ in ("mark", "nsubj", "csubj") for g in child.children
        )
        if speech and bare_clause:
            objects = [c for c in tok.children if c.dep_ == "dobj" and tok.i < c.i < child.i]
            if objects:
                return objects + [child]
    for child in tok.children:
        if child.dep_ != "prep" or child.i < tok.i:
            continue
        for noun in child.children:
            for clause in noun.children:
                if clause.dep_ in ("acl", "relcl") and clause.left_edge.lower_ == "that" and clause.left_edge.dep_ == "mark":
                    return [clause]
    return []


def _content_of(tok: Token, cue: Cue, particle: list[Token], lex: CueLexicon) -> tuple[list[Token], str]:
    """Content tokens governed by the cue and the construction found."""
    clauses = [c for c in tok.children if c.dep_ in _CLAUSE_DEPS] or _misparsed_clause(tok, cue.kind in ("speech", "clausal"))
    reduced = reduced_relative(tok, cue, clauses)
    if reduced:
        return reduced, "object"
    if clauses:
        return [t for c in clauses for t in c.subtree], "clause"
    if len(particle) > 1 and particle[1].dep_ == "mark":
        return [t for t in particle[1].head.subtree if t.i != particle[1].i], "infinitive"
    if cue.kind in ("speech", "intent", "act") or cue.particle:
        if len(particle) > 1 and particle[1].dep_ == "prep":
            direct = [c for c in tok.children if c.dep_ in ("dobj", "dative")]
            objects = [g for g in particle[1].children if g.dep_ in ("pobj", "pcomp")]
            extra = [c for c in tok.children if c.dep_ == "xcomp"]
            kept = [] if cue.lemma in ADDRESSEE_CUES else direct  # "asked the mayor about the tweet": the mayor is asked
            toks = [t for c in kept + objects + extra for t in c.subtree] + particle[1:2] * bool(direct)
            if objects or extra:  # "cast the Clintons as insiders": with an object before it, the preposition is content
                return toks, "object"
        infinitives = [c for c in tok.children if c.dep_ == "xcomp"]
        if infinitives:
            objects = [c for c in tok.children if c.dep_ in ("dobj", "dative")]
            return [t for c in objects + infinitives for t in c.subtree], "infinitive"
    if cue.kind in ("act", "intent") or _document_subject(tok, lex):
        objects = [c for c in tok.children if c.dep_ in _OBJECT_DEPS and c not in particle]
        if objects:
            last = max(o.i for o in objects)
            objects += [
                c for c in tok.children
                if c.i > last and c.dep_ in _OBJECT_TAIL and c.doc[c.left_edge.i - 1].text not in _SEPARATORS
                and (c.dep_ != "prep" or c.lower_ in _OBJECT_PREPS)
            ]
            return [t for c in objects for t in c.subtree], "object"
    said = said_object(tok, cue, lex) or prep_object(tok, cue, lex)
    if said:
        return said, "object"
    passive = [c for c in tok.children if c.dep_ == "nsubjpass"]
    agents = [g for c in tok.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
    if passive and agents and cue.kind in ("act", "speech") and PASSIVE_AGENT(agents[0], lex):
        return list(passive[0].subtree), "passive"  # "The plan was criticized by Democrats"
    return [], ""


def _document_subject(tok: Token, lex: CueLexicon) -> bool:
    """True when a document speaks: "A survey in March found the mayor with a lead" (its object
    is a finding, not a thing found)."""
    return any(c.dep_ == "nsubj" and lex.nouns.get(c.lemma_.lower()) == "document" for c in tok.children)


def _parenthetical(tok: Token, sent: SpacySpan) -> list[Token]:
    """Host-clause tokens when the cue is inserted in (or appended to) another clause."""
    head, doc = tok.head, tok.doc
    if tok.tag_ == "VBN" and tok.dep_ in ("acl", "advcl", "amod"):
        return []  # "..., claimed by an unknown group": a reduced passive, not a parenthesis
    if head.i == tok.i or tok.dep_ not in _PARENTHETICAL_DEPS or (tok.dep_ == "conj" and head.i < tok.i):
        return []
    words = [t.i for t in tok.subtree if not t.is_punct]
    if head.i < tok.i:  # "CLAUSE, X said"
        left = words[0]
        if left <= sent.start or doc[left - 1].text not in _SEPARATORS:
            return []
    else:  # "As X said, CLAUSE" / "CLAUSE, X said, CLAUSE" with the clause's head after the cue
        right = words[-1] + 1
        if right >= sent.end or doc[right].text not in _SEPARATORS:
            return []
    while head.pos_ not in ("VERB", "AUX") and head.head.i != head.i:
        head = head.head  # "The difference now, he told me, is that ...": hung on the subject
    skip = {t.i for t in tok.subtree}
    return [t for t in head.subtree if t.i not in skip]


def _colon(tok: Token, sent: SpacySpan) -> list[Token]:
    after = [t for t in sent if t.i > tok.i]
    for i, t in enumerate(after[:8]):
        if t.text == ":":
            named = i > 0 and after[i - 1].pos_ == "PROPN" and any(d.text in _DASHES for d in after[:i])
            return [] if named else after[i + 1 :]  # "Pollsters agree - Jane Ruiz: ...": Ruiz speaks
    return []


def _noun_frame(tok: Token, lex: CueLexicon, para: tuple[int, int]) -> Frame | None:
    """"Trump's claim that ...", "his promise to cut taxes", "made the argument that ...", and
    with a possessor a prepositional object: "Trump's criticism of the deal"."""
    cue = lex.noun_cues.get(tok.lemma_.lower())
    if cue is None:
        return None
    clauses = [
        c for c in tok.children
        if c.dep_ in ("acl", "ccomp", "relcl") and c.i > tok.i
        and any((g.dep_ == "mark" and g.lower_ == "that") or (g.dep_ == "aux" and g.lower_ == "to") for g in c.children)
    ]
    speaker = _noun_speaker(tok)
    if not clauses and speaker is not None:  # "Trump's criticism of the deal", "signaled support for a ban"
        preps = [c for c in tok.children if c.dep_ == "prep" and c.i > tok.i and c.lower_ in _NOUN_PREPS][:1]
        clauses = [g for c in preps for g in c.children if g.dep_ in ("pobj", "pcomp")]
    if not clauses:
        return None
    content = _within([t for c in clauses for t in c.subtree], para)
    if speaker is None or not content or not _within([speaker], para):
        return None
    return _frame(tok.doc, [tok.i], cue, speaker, content, "noun")


def _noun_speaker(tok: Token) -> Token | None:
    """Who holds a cue noun: its possessor, the object of its "by"/"from", or the subject of the
    verb it is the object of ("made the argument", "launched an attack", "signaled support")."""
    speaker = next((c for c in tok.children if c.dep_ == "poss"), None)
    if speaker is None:
        by = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ in ("by", "from")), None)
        speaker = next((g for g in by.children if g.dep_ == "pobj"), None) if by is not None else None
    if speaker is None and tok.dep_ == "dobj" and tok.head.lemma_ not in _RECEIVING:
        speaker = next((c for c in tok.head.children if c.dep_ == "nsubj"), None)
    return speaker


def _within(tokens: list[Token], para: tuple[int, int]) -> list[Token]:
    return [t for t in tokens if para[0] <= t.idx < para[1]]


def _trim(tokens: list[Token], cue: Token, lex: CueLexicon, quotations: Sequence[Marked]) -> list[Token]:
    """Content without what the speaker adds in a clause of its own, and cut at semicolons.

    ``said A, adding that B`` and ``said A; they only learned B`` are two statements: the
    participle or the clause after the semicolon is left to its own frame (or to none).
    """
    if not tokens:
        return tokens
    keep = {t.i for t in tokens}
    for tok in tokens:
        if tok.i in keep and tok.i != cue.i and _own_statement(tok, lex):
            keep -= {t.i for t in tok.subtree}
    ordered = [t for t in tokens if t.i in keep]
    cut = [
        t.i for t in ordered
        if t.text == ";" and not inside_quotation(t.idx, quotations)
    ]
    if cut:
        after = [c for c in cut if c > cue.i]
        before = [c for c in cut if c < cue.i]
        low = max(before) if before else -1
        high = min(after) if after else len(cue.doc)
        ordered = [t for t in ordered if low < t.i < high]
    return _after_colon(ordered, cue, quotations)


def _after_colon(tokens: list[Token], cue: Token, quotations: Sequence[Marked]) -> list[Token]:
    """Content after the cue does not reach back over a colon before it: in ``The news set off
    fireworks: Republicans said they were convinced ...`` the parser may hang the first clause on
    ``said`` too, but what the Republicans said starts after the colon."""
    if not any(t.i > cue.i for t in tokens):
        return tokens
    colons = [
        t.i for t in cue.doc[cue.sent.start : cue.i]
        if t.text == ":" and not inside_quotation(t.idx, quotations)
    ]
    if not colons:
        return tokens
    return [t for t in tokens if t.i > colons[-1]]


def _passive(tok: Token) -> bool:
    """A passive cue without its agent, or a bare past participle ("Asked about it, she ...")."""
    if any(c.dep_ == "agent" for c in tok.children):
        return False
    if any(c.dep_ == "auxpass" for c in tok.children):
        return True
    return tok.tag_ == "VBN" and tok.dep_ in ("advcl", "acl", "amod") and not any(c.dep_ == "aux" for c in tok.children)


def _own_statement(tok: Token, lex: CueLexicon) -> bool:
    """True for a cue verb coordinated or appended to the content: "..., adding that ...", "but noted ..."."""
    cues = lex.cues.get(lex.lemma(tok), {})
    if tok.pos_ != "VERB" or not any(c.kind in ("speech", "clausal") for c in cues.values()):
        return False
    if any(c.dep_ in ("auxpass", "nsubjpass") for c in tok.children):
        return False  # "... saw a gun and that one was found nearby": a passive states nothing of its own
    if tok.dep_ in ("conj", "parataxis"):
        return True
    if tok.dep_ != "advcl":
        return False
    j = tok.left_edge.i - 1
    while j > 0 and tok.doc[j].dep_ == "cc":
        j -= 1
    return tok.doc[j].text in (",", ";", "—", "–", "--")


def find_frames(doc: Doc, lex: CueLexicon, quotations: Sequence[Marked], text: str | None = None) -> list[Frame]:
    """Every attribution frame of ``doc`` (content may still be empty for colon/quotation cues).

    Content and speaker stay in the cue's paragraph: the parser sometimes runs a sentence over a
    paragraph break; quotations that do run on are joined later from the quotation marks.
    """
    frames: list[Frame] = []
    text = doc.text if text is None else text
    bounds = paragraphs(text)
    starts = [b[0] for b in bounds]
    reasons = lex.anonymity_spans(text)
    for tok in doc:
        lemma = lex.lemma(tok)
        if lemma not in lex.cues and tok.lower_ not in lex.cues and lemma not in lex.noun_cues:
            continue
        if inside_quotation(tok.idx, quotations):
            continue
        if any(s <= tok.idx < e for s, e in reasons):
            continue  # "who requested anonymity": a reason, not a statement
        sent = tok.sent
        source = lex.cues.get(tok.lower_, {})
        source_cue = next((c for c in source.values() if c.kind == "source"), None)
        para = bounds[max(0, bisect.bisect_right(starts, tok.idx) - 1)]
        if source_cue is not None:
            speaker, content = source_content(tok, source_cue)
            content = _within(content, para)
            if speaker is not None and content and _within([speaker], para):
                frames.append(_frame(doc, [tok.i, tok.i + 1], source_cue, speaker, content, "source"))
            continue
        verbal = tok.pos_ == "VERB" or (tok.pos_ == "NOUN" and any(c.dep_ == "nsubj" for c in tok.children))
        if tok.pos_ == "NOUN" and not verbal:  # a noun with a subject is a misread verb ("Farmers fear that")
            frame = _noun_frame(tok, lex, para)
            if frame is not None:
                frames.append(frame)
            continue
        if not verbal or (tok.i > 1 and doc[tok.i - 2 : tok.i].text.lower() == "according to"):
            continue  # "according to show insiders": a misread noun, not a cue
        found = _particle_cue(tok, lex)
        if found is None:
            continue
        cue, cue_toks = found
        if _passive(tok) or conjecture(tok, cue):
            continue  # "he was called to testify"; "Asked about it, ..."; "They may still believe ..."
        content, via = _content_of(tok, cue, cue_toks, lex)
        if not content and cue.kind in ("speech", "act"):
            content, via = _parenthetical(tok, sent), "parenthetical"
        if not content:
            content, via = _colon(tok, sent), "colon"
        content = _trim(_within(content, para), tok, lex, quotations)
        speaker = find_speaker(tok, cue, lex, quotations)
        if speaker is not None and not _within([speaker], para):
            speaker = None
        if speaker is not None and (speaker.i > tok.i or speaker.head.i == tok.i):
            own = {t.i for t in speaker.subtree}  # the speaker phrase is never part of what it says
            content = [t for t in content if t.i not in own]
        content = negation(tok, content) + content
        frames.append(_frame(doc, [t.i for t in cue_toks], cue, speaker, content, via or "quotation"))
    return frames
