"""The place of an event: where the sentence says it happened, else the wire dateline.

Needs the parsed article with its places; yields one place for an event or none. In order:

1. a place the sentence puts the action in — the object of a locative preposition ("in Erbil",
   "near the border", "at the airport"), the nearest to the trigger;
2. another place the sentence names as such ("travel to Israel", "fled from Aleppo"), the nearest;
3. the wire dateline of the article ("KABUL (Reuters) —", "BEDFORD, N.H. (AP) —"), which places
   every event of the story that states no place of its own.

A place merely named inside another word's phrase — a modifier ("a US-backed plan", "the Iraqi
army", "Washington's decision") — is never the place of the event.
"""

from __future__ import annotations

import re
from typing import Any

from ...model import Article, Place, Span
from ..places import PLACE_NOUNS
from ..span_index import index_of

#: Prepositions that put an action in a place.
LOCATIVE = frozenset({"in", "at", "near", "outside", "inside", "across", "around", "throughout", "within",
                      "off", "along", "over"})
#: Dependencies of a name that only modifies another word ("US-backed", "Iraqi", "Washington's").
MODIFIER_DEPS = frozenset({"amod", "npadvmod", "compound", "nmod", "poss", "nummod"})
#: A wire dateline at the start of a story: "KABUL (Reuters) —", "BEDFORD, N.H. (AP) —", "LOS ANGELES —".
DATELINE = re.compile(r"^\s*[A-Z][A-Z.'’ -]{2,40}(?:,\s*[A-Z][A-Za-z. ]{1,20})?\s*(?:\([A-Za-z .-]{2,30}\))?\s*[—–-]{1,2}\s")


def _fact_span(place: Place) -> tuple[int, int] | None:
    return (place.span.start, place.span.end) if place.span is not None else None


def _rank(place: Place, doc: Any) -> int:
    """0: after a locative preposition; 1: named as a place otherwise; 2: a modifier (no place)."""
    if doc is None or place.span is None:
        return 1
    span = doc.char_span(place.span.start, place.span.end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return 1
    tok = span.root
    while tok.dep_ in ("compound", "poss", "nmod") and tok.head.i != tok.i and tok.head.i < span.end + 4 and (
            tok.head.pos_ == "PROPN" or tok.head.lemma_.lower() in PLACE_NOUNS):
        tok = tok.head  # "the Gaza Strip", "the Ain al-Asad base", "Balochistan's Kech district": the whole name
    if tok.dep_ == "pobj" and tok.head.lower_ in LOCATIVE:
        return 0
    if tok.dep_ in MODIFIER_DEPS and tok.head.i not in range(span.start, span.end):
        return 2
    return 1


def dateline_place(article: Article) -> Place | None:
    """The place of the story's wire dateline, when it opens with one the places step found."""
    found = DATELINE.match(article.text[:120])
    if found is None:
        return None
    inside = [p for p in article.places if p.span is not None and p.span.end <= found.end()]
    return min(inside, key=lambda p: p.span.start if p.span else 0) if inside else None


def pick_place(article: Article, sent: Span, trigger_at: int, dateline: Place | None) -> Place | None:
    """The event's place (see the module docstring): ``sent`` is its sentence, ``trigger_at`` the
    trigger's offset, ``dateline`` the story's dateline place."""
    inside = index_of(article.places, _fact_span).within(sent.start, sent.end)
    ranked = [(r, p) for p in inside if (r := _rank(p, article.doc)) < 2]
    if ranked:
        best = min(r for r, _ in ranked)
        return min((p for r, p in ranked if r == best),
                   key=lambda p: abs(p.span.start - trigger_at) if p.span else 0)
    return dateline
