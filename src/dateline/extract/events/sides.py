"""The sides of an event read from the shape of its phrases.

- A quantity is no actor: "hundreds of Chileans marched" — the Chileans act
  (:func:`content_head`).
- A joint action names both sides in its subject: "Peruvian and Bolivian troops held a drill",
  "Chile and Peru started shared patrols" — the first side acts and the other is its partner, the
  event's target in CAMEO's dyad (:func:`partners`, :func:`dyad`).
- An attack with no target of its own on a place abroad hits that place's country: "Turkish
  jets bombed positions in northern Iraq" (:func:`place_target`).
"""

from __future__ import annotations

from typing import Any

from ...geo.orgs import sectors
from ...model import Actor, Event

#: Heads that count the actors rather than name them ("thousands of", "dozens of").
QUANTITY_HEADS = frozenset({"thousands", "hundreds", "dozens", "scores", "tens", "millions", "thousand", "hundred",
                            "dozen", "some", "many", "most", "several"})
#: Categories whose subject may name both sides ("A and B held talks", "A and B troops clashed").
JOINT = frozenset({"CONSULT", "COOPERATE", "AGREE", "ASSAULT", "SUPPORT"})


def content_head(tok: Any) -> Any:
    """``tok``, or the "of" object of a quantity ("thousands of Serbians" → "Serbians")."""
    if tok.lower_ not in QUANTITY_HEADS and tok.pos_ != "NUM":
        return tok
    for prep in tok.children:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            pobj = next((g for g in prep.children if g.dep_ == "pobj"), None)
            if pobj is not None:
                return pobj
    return tok


def possessor(tok: Any) -> Any:
    """"the government's handling", "Iran's decision": the possessor, when ``tok`` is a common noun
    of no side of its own (not "Iran's army", which is a side)."""
    if tok.pos_ != "NOUN" or tok.lemma_.lower() in sectors():
        return tok
    poss = next((c for c in tok.children if c.dep_ == "poss" and c.pos_ in ("PROPN", "NOUN")), None)
    return poss if poss is not None else tok


def partners(tok: Any) -> list[Any]:
    """Nationality words coordinated with the first one of ``tok`` ("Peruvian and *Bolivian* troops")."""
    out: list[Any] = []
    for mod in tok.children:
        if mod.dep_ in ("amod", "compound", "nmod") and mod.ent_type_ in ("NORP", "GPE"):
            out.extend(g for g in mod.children if g.dep_ == "conj" and g.ent_type_ in ("NORP", "GPE"))
    return out


def dyad(category: str, sources: list[Actor], targets: list[Actor]) -> tuple[list[Actor], list[Actor]]:
    """CAMEO's source and target of an event. PLOVER keeps every side of a joint action as a source
    ("A and B held talks"); CAMEO codes a dyad: when the sources name two or more countries and the
    targets (if any) are only those countries again, the first country acts and the others are targets."""
    countries = list(dict.fromkeys(a.country for a in sources if a.country))
    if category not in JOINT or len(countries) < 2:
        return sources, targets
    if any(a.country not in countries or (not a.country and a.group) for a in targets):
        return sources, targets  # a target of its own
    first = countries[0]
    return [a for a in sources if a.country in (first, None)], [a for a in sources if a.country not in (first, None)]


def place_target(event: Event) -> None:
    """Give an attack with no target the country of its place, when that is not the attacker's own."""
    place = event.place
    if event.category != "ASSAULT" or event.targets or place is None or not place.country:
        return
    own = {a.country for a in event.actors if a.country}
    if own and place.country not in own:
        event.targets.append(Actor(text=place.name, span=place.span, country=place.country))
