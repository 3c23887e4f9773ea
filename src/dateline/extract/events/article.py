"""Article-level passes over an article's events, after each sentence is coded.

- :func:`casualties`: "killed"/"injured" phrases attached to the sentence's attacks, or to the
  attack a later "in the attack" refers back to;
- :func:`corefer`: a definite target named like an earlier one is the same, and takes its place;
- :func:`domestic`: a domestic actor with no country takes the country of the event's place;
- :func:`home_country`: a named politician with no country takes the article's home country.

Each needs the events of one article (and its spaCy tokens for casualties) and changes them in place.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from ...model import Actor, Article, Event
from . import args, sides

DOMESTIC_SECTORS = frozenset({"GOV", "MIL", "COP", "REB", "OPP", "CVL", "REF", "LAB", "EDU", "JUD", "LEG",
                              "PTY", "AGR", "REL", "HLH", "SPY", "BUS", "CRM"})
#: Sectors of people whose country the story's home country does not tell (international bodies).
FOREIGN_SECTORS = frozenset({"IGO", "NGO", "IMG"})
#: The name of an armed group that does not name itself: no country is guessed for it.
UNKNOWN_GROUP = "unidentified armed group"
#: Share of the article's country-coded names one country must hold to be the article's home country.
HOME_SHARE = 0.6
HOME_FLOOR = 3


def casualties(sent: list[Any], events: list[Event], earlier: list[Event]) -> None:
    """Attach "killed"/"injured" phrases to the sentence's assaults, or to the attack they refer back to."""
    for kind, phrase, tok in args.casualties(sent):
        text = f"{kind}: {phrase}"
        here = [e for e in events if e.category == "ASSAULT"]
        for event in here:
            event.casualties = f"{event.casualties}; {text}" if event.casualties else text
        refers_back = any(t.lemma_ in ("attack", "strike", "bombing", "raid", "explosion") and
                          any(d.lower_ in ("the", "this", "that") for d in t.children) for t in tok.subtree)
        previous = [e for e in earlier if e.category == "ASSAULT" and not e.casualties]
        if refers_back and previous:
            previous[-1].casualties = text


def _head_word(actor: Actor) -> str:
    return actor.text.split()[-1].lower() if actor.text.split() else ""


def corefer(events: list[Event]) -> None:
    """"The Iraqi military base ... was attacked": a definite target named like an earlier one
    ("the Ain al-Asad base") is the same; the later event takes its place and instrument."""
    for n, event in enumerate(events):
        heads = {_head_word(a) for a in event.targets} - {""}
        if event.place is not None or not heads:
            continue
        for earlier in reversed(events[:n]):
            if earlier.category == event.category and earlier.place is not None and \
                    heads & {_head_word(a) for a in earlier.targets}:
                event.place = earlier.place
                event.instrument = event.instrument or earlier.instrument
                break


def domestic(events: list[Event], people: frozenset[str]) -> None:
    """A domestic actor with no stated country takes the country of the event's place; a named
    person does not (a leader "in Iraq" is not Iraqi: ``people`` are the article's person ids)."""
    for event in events:
        if event.place is None or not event.place.country:
            continue
        for actor in [*event.actors, *event.targets]:
            if (not actor.country and not actor.group and actor.sector in DOMESTIC_SECTORS
                    and actor.name != UNKNOWN_GROUP and actor.entity_id not in people):
                actor.country = event.place.country
        sides.place_target(event)


def article_country(article: Article) -> str | None:
    """The country most of the article's places and organisations belong to, when one clearly
    dominates (at least 60% of at least three country-coded mentions), else None."""
    counts: Counter[str] = Counter(p.country for p in article.places if p.country)
    for ent in article.entities:
        if ent.type in ("ORG", "GPE") and ent.country:
            counts[ent.country] += max(1, len(ent.mentions))
    total = sum(counts.values())
    if total < HOME_FLOOR:
        return None
    best, n = counts.most_common(1)[0]
    return best if n / total >= HOME_SHARE else None


def home_country(events: list[Event], article: Article, people: frozenset[str]) -> None:
    """A named person with no country stated anywhere in the article (no country word or place in
    their roles, no party of a known country), or a domestic actor ("supporters", "the army") that
    neither its words nor the event's place give a country, takes the article's home country (see
    :func:`article_country`): "Ortiz" in a story whose places and bodies are Chilean. A person
    the article places elsewhere ("Israeli Prime Minister ...") keeps that country."""
    home: str | None = None
    for event in events:
        for actor in [*event.actors, *event.targets]:
            if actor.country or actor.group or actor.sector in FOREIGN_SECTORS or actor.name == UNKNOWN_GROUP or (
                    actor.entity_id not in people and actor.sector not in DOMESTIC_SECTORS):
                continue
            home = home or article_country(article)
            if home is None:
                return
            actor.country = home
