"""Who a speaker phrase is: a named person, an organization, an anonymous source, or unknown.

- A name (an entity mention, else a spaCy entity) at the head of the phrase decides: PERSON is a
  person; ORG, FAC, GPE and NORP are organizations, and a capital standing for its government
  ("Washington said") is named after the government (``metonyms.tsv``).
- A document ("a State Department statement") speaks for the body that issued it.
- A head noun of the ``anonymous`` class without a name ("official sources", "a senior US
  official") is an anonymous source named by its descriptor; the reason for anonymity ("on
  condition of anonymity") is kept.
- Pronouns and definite descriptions ("it", "the ministry") are resolved by :mod:`.coref`.
- An outlet credited for another attribution ("..., AFP reported") becomes that attribution's
  relay rather than an attribution of its own.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ...vocab import SpeakerKind
from .coref import PRONOUNS, Referent, Resolver, gender_of
from .frames import Frame
from .lexicon import CueLexicon
from .speaker import speaker_phrase

if TYPE_CHECKING:
    from ...nlp.types import Doc, Token

_DEFINITE = frozenset({"the", "this", "that", "these", "those"})
_RELATIVE = frozenset({"who", "which", "that"})
_ORG_LABELS = frozenset({"ORG", "FAC", "GPE", "NORP", "LOC"})
_NAME_TYPES = _ORG_LABELS | {"PERSON"}


@dataclass(frozen=True)
class Named:
    """A name in the text: a mention linked to an entity, or a spaCy entity."""

    start: int
    end: int
    text: str
    name: str
    label: str
    entity_id: str | None = None
    roles: tuple[str, ...] = ()


@dataclass
class Speaker:
    """The resolved speaker of one attribution."""

    mention: str
    span: tuple[int, int]
    name: str | None
    kind: SpeakerKind
    entity_id: str | None = None
    resolved: bool = False  # a pronoun or description was resolved to an antecedent
    plural: bool = False


def strip_article(text: str) -> str:
    """``text`` without a leading "the" and a trailing possessive ("the ministry's" -> "ministry")."""
    for article in ("the ", "The "):
        if text.startswith(article):
            text = text[len(article) :]
    for possessive in ("'s", "’s", "'", "’"):
        if text.endswith(possessive):
            return text[: -len(possessive)]
    return text


def descriptor(tokens: Sequence[Token]) -> str:
    """The phrase as a descriptor: first word lower-cased unless it is (part of) a name ("Iraqi")."""
    text = "".join(t.text_with_ws for t in tokens).strip()
    if tokens and tokens[0].pos_ != "PROPN" and tokens[0].ent_type_ not in _NAME_TYPES and text[:1].isupper():
        text = text[:1].lower() + text[1:]
    return text


def _proper(name: str) -> bool:
    """True for a written name ("the Ministry of Finance"), not a common noun the tagger took for one
    (a description the entity step linked to its entity still counts, through its entity id)."""
    return any(word[:1].isupper() or word[:1].isdigit() for word in strip_article(name).split())


def kind_of_label(label: str) -> SpeakerKind:
    if label == "PERSON":
        return "person"
    return "organization" if label in _ORG_LABELS else "unknown"


def name_of(named: Named, lex: CueLexicon) -> str:
    if named.label in ("GPE", "LOC", "FAC", "ORG"):
        return lex.metonyms.get(strip_article(named.text).lower(), strip_article(named.name))
    return named.name


def describe_speaker(head: Token, first: int, last: int, lex: CueLexicon, names: Sequence[Named], resolver: Resolver) -> Speaker:
    """Kind, name and entity of the speaker phrase ``doc[first:last+1]`` headed by ``head``."""
    doc = head.doc
    tokens = list(doc[first : last + 1])
    span = (tokens[0].idx, tokens[-1].idx + len(tokens[-1]))
    mention = doc[first : last + 1].text
    plural = head.tag_ in ("NNS", "NNPS") or any(c.dep_ == "conj" for c in head.children)
    found = _by_reference(head, mention, span, plural, lex, names, resolver)
    if found is not None:
        return found
    return _by_phrase(head, tokens, mention, span, plural, lex, names, resolver)


def _by_reference(
    head: Token, mention: str, span: tuple[int, int], plural: bool, lex: CueLexicon, names: Sequence[Named],
    resolver: Resolver,
) -> Speaker | None:
    """A pronoun ("he") or a relative pronoun ("who") as speaker: what it refers to."""
    low = head.lower_
    if low in PRONOUNS:
        plural = PRONOUNS[low][2]
        ref = resolver.pronoun(low, head.idx)
        if ref is not None:
            return Speaker(mention, span, ref.name, ref.kind, ref.entity_id, True, plural)
        kind = PRONOUNS[low][0] or "unknown"
        return Speaker(mention, span, mention, kind, None, False, plural)
    if low in _RELATIVE and head.head.dep_ == "relcl" and head.head.head.i != head.i:
        antecedent = _named_antecedent(head.head.head)
        a_first, a_last = speaker_phrase(antecedent)
        inner = describe_speaker(antecedent, a_first, a_last, lex, names, resolver)
        return Speaker(mention, span, inner.name, inner.kind, inner.entity_id, True, inner.plural)
    return None


def _named_antecedent(noun: Token) -> Token:
    """The name a description stands in apposition to: in "Maria Lopez, a nurse ... and an
    organizer who felt ..." the "who" is Maria Lopez, not "an organizer". ``noun`` itself when it
    is a name or no name is found."""
    tok = noun
    for _ in range(8):
        if tok.pos_ == "PROPN":
            return tok
        if tok.dep_ in ("appos", "conj") and tok.head.pos_ in ("NOUN", "PROPN") and tok.head.i < tok.i:
            tok = tok.head
        elif tok.dep_ == "attr" and tok.head.lemma_ == "be":  # "an agent who was an assistant": the agent
            subject = next((c for c in tok.head.children if c.dep_ == "nsubj"), None)
            if subject is None:
                break
            tok = tok.head.head if subject.lower_ in _RELATIVE and tok.head.dep_ == "relcl" else subject
        else:
            break
    return tok if tok.pos_ == "PROPN" else noun


def _named_after(named: Named | None, head: Token) -> bool:
    """True when ``named`` modifies the noun ``head`` without being its name ("the Harris campaign")."""
    return named is not None and not (named.start <= head.idx < named.end) and named.end <= head.idx


def _start(named: Named) -> int:
    return named.start


def _possessives(tokens: list[Token]) -> set[int]:
    """Where a possessive "'s" starts, within the phrase ``tokens`` or just after it."""
    after = tokens[-1].doc[tokens[-1].i + 1 : tokens[-1].i + 2]
    return {t.idx for t in [*tokens, *after] if t.text.startswith(("'s", "’s"))}


def _by_phrase(
    head: Token, tokens: list[Token], mention: str, span: tuple[int, int], plural: bool, lex: CueLexicon,
    names: Sequence[Named], resolver: Resolver,
) -> Speaker:
    """A noun phrase as speaker: a name inside it, a description resolved to an earlier one, or a descriptor."""
    low = head.lower_
    lo = bisect.bisect_left(names, span[0], key=_start)  # names are in text order
    hi = bisect.bisect_right(names, span[1], key=_start)
    inside = [n for n in names[lo:hi] if n.end <= span[1]]
    at_head = next(
        (n for n in inside if n.start <= head.idx < n.end and (_proper(n.text) or n.entity_id is not None)), None
    )
    noun_class = lex.nouns.get(head.lemma_.lower()) or lex.nouns.get(low)
    if at_head is None and head.pos_ == "PROPN" or (
        at_head is not None and at_head.label == "PERSON" and at_head.entity_id is None and " " not in at_head.text
    ):
        ref = resolver.description(head.text, head.idx)  # "Brunner" after "Lena Brunner"
        if ref is not None and ref.kind in ("person", "organization") and head.text in ref.name.split():
            return Speaker(mention, span, ref.name, ref.kind, ref.entity_id, True, plural)
    if at_head is not None and not (noun_class == "anonymous" and at_head.label == "NORP"):
        kind = kind_of_label(at_head.label)
        if at_head.label == "NORP" and not plural:
            kind = "unknown"
        return Speaker(mention, span, name_of(at_head, lex), kind, at_head.entity_id, False, plural)
    persons = [n for n in inside if n.label == "PERSON"]
    # "Clinton's spokesman, Brian Fallon": the name in apposition, not the possessor
    possessed = _possessives(tokens) if persons else set()
    person = next((n for n in persons if n.end not in possessed), persons[0] if persons else None)
    owner = person or next((n for n in inside if n.label in _ORG_LABELS - {"NORP"}), None)
    definite = tokens[0].lower_ in _DEFINITE
    bare = definite and all(t.i == head.i or t.dep_ in ("det", "punct", "case") for t in tokens)
    if noun_class == "document" and owner is not None:
        return Speaker(mention, span, name_of(owner, lex), kind_of_label(owner.label), owner.entity_id, False, plural)
    if noun_class == "anonymous" and person is None:
        if definite:
            ref = resolver.description(head.lemma_.lower(), head.idx)
            if ref is not None and ref.kind == "anonymous":
                return Speaker(mention, span, ref.name, ref.kind, ref.entity_id, True, plural)
        return Speaker(mention, span, descriptor(tokens), "anonymous", None, False, plural)
    if noun_class == "institution" and head.pos_ == "NOUN" and _named_after(person or owner, head):
        # "the Harris campaign", "Ortiz's office": the organisation speaks, not the person it is named after
        return Speaker(mention, span, strip_article(mention), "organization", None, False, plural)
    if person is not None:
        return Speaker(mention, span, person.name, "person", person.entity_id, False, plural)
    if noun_class in ("person", "institution", "document") and bare:
        ref = resolver.description(head.lemma_.lower(), head.idx)
        if ref is not None:
            return Speaker(mention, span, ref.name, ref.kind, ref.entity_id, True, plural)
    if noun_class == "institution" or noun_class == "document":
        name = name_of(owner, lex) if owner is not None else strip_article(mention)
        return Speaker(mention, span, name, "organization", None if owner is None else owner.entity_id, False, plural)
    if noun_class == "person":
        return Speaker(mention, span, descriptor(tokens), "person", None, False, plural)
    return Speaker(mention, span, descriptor(tokens), "unknown", None, False, plural)


def referent_of(speaker: Speaker, words: Sequence[str]) -> Referent:
    """The speaker as a referent later pronouns and descriptions can point back to."""
    lowered = {w.lower() for w in words} | {w.lower() for w in (speaker.name or "").split()}
    return Referent(
        start=speaker.span[0],
        end=speaker.span[1],
        text=speaker.mention,
        name=speaker.name or speaker.mention,
        kind=speaker.kind,
        entity_id=speaker.entity_id,
        words=frozenset(lowered),
        gender=gender_of(words) if speaker.kind == "person" else None,
        plural=speaker.plural,
        subject=True,
        speaker=True,
    )


def anonymity_reason(frame: Frame, text: str, lex: CueLexicon) -> str | None:
    """A stated reason for anonymity in the frame's sentence, outside its content."""
    start, end = frame.sentence
    for m_start, m_end in lex.anonymity_spans(text[start:end]):
        m_start, m_end = start + m_start, start + m_end
        if not any(s <= m_start and m_end <= e for s, e in frame.content):
            return text[m_start:m_end].strip()
    return None


def credit_relays(frames: list[Frame], doc: Doc, lex: CueLexicon) -> list[Frame]:
    """Turn "..., AFP reported" and "according to Reuters" into the relay of the frame they credit."""
    drop = set()
    for outer in frames:
        if outer.speaker is None:
            continue
        first, last = speaker_phrase(doc[outer.speaker])
        outlet = doc[first : last + 1].text
        if not lex.is_outlet(outlet):
            continue
        inner = [
            f for f in frames
            if f is not outer and f.speaker is not None and f.sentence == outer.sentence
            and any(s <= f.cue_span[0] < e for s, e in outer.content) and not _is_outlet_speaker(f, doc, lex)
        ]
        if inner:
            for frame in inner:
                frame.relay = strip_article(outlet)
            drop.add(id(outer))
    return [f for f in frames if id(f) not in drop]


def _is_outlet_speaker(frame: Frame, doc: Doc, lex: CueLexicon) -> bool:
    if frame.speaker is None:
        return False
    first, last = speaker_phrase(doc[frame.speaker])
    return lex.is_outlet(doc[first : last + 1].text)
