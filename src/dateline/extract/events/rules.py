"""Coding rules: small named overrides of a trigger's lexicon coding, read from its arguments.

A :class:`Coding` starts as the lexicon line of the trigger. :data:`TOKEN_RULES` run on the
argument tokens, before actors are built ("Kenya said Uganda must return ..." is a demand of
Russia's); :data:`ACTOR_RULES` run once the actors and their sectors are known ("workers struck"
is a labour strike). Each rule changes the coding when its case applies and returns whether it did.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from ...model import Actor
from . import args, sides
from . import triggers as senses
from .codes import threat_code
from .modality import Reading
from .triggers import MUST, Trigger


@dataclass
class Coding:
    """The coding of one trigger as the rules refine it."""

    trigger: Trigger
    reading: Reading
    category: str
    mode: str | None
    cameo: str
    acled: str | None
    sub: str | None
    src_toks: list[Any] = field(default_factory=list)
    tgt_toks: list[Any] = field(default_factory=list)
    sources: list[Actor] = field(default_factory=list)
    targets: list[Actor] = field(default_factory=list)
    instrument: str | None = None

    @property
    def token(self) -> Any:
        return self.trigger.token

    def recode(self, category: str, mode: str | None, cameo: str, acled: str | None = None,
               sub: str | None = None) -> None:
        self.category, self.mode, self.cameo, self.acled, self.sub = category, mode, cameo, acled, sub


def must_demand(c: Coding) -> bool:
    """"Kenya said Uganda must return the boats": Kenya demands it of Uganda."""
    if not ((senses.must(c.token) or c.trigger.entry is MUST) and c.trigger.entry.pos == "verb"):
        return False
    c.tgt_toks = c.src_toks
    c.src_toks = [c.reading.reporter] if c.reading.reporter is not None else []
    c.recode("REQUEST", "demand", "100")
    c.reading.modality = "occurred" if c.reading.modality == "claimed" else c.reading.modality
    return True


def blamed_accusation(c: Coding) -> bool:
    """"Iran said Israel was behind the assassination": Iran accuses Israel."""
    blamed = senses.blamed(c.token) if c.reading.reporter is not None else None
    if blamed is None:
        return False
    c.src_toks, c.tgt_toks = [c.reading.reporter], [blamed]
    c.recode("ACCUSE", "accuse", "112")
    return True


def wanted_request(c: Coding) -> bool:
    """"Tehran wants Washington to lift sanctions": Tehran asks Washington."""
    asker = senses.wanted_by(c.token) if c.trigger.entry is MUST else None
    if asker is None:
        return False
    c.src_toks, c.tgt_toks = [asker], senses.asked(c.token)
    c.recode("REQUEST", "demand", "100")
    if c.reading.modality == "planned":
        c.reading.modality = "claimed" if c.reading.reporter is not None else "occurred"
    return True


def stated_instrument(c: Coding) -> bool:
    """"attacked with two missiles": the weapon sets the ACLED sub-event type and the CAMEO code."""
    if c.category != "ASSAULT":
        return False
    found = args.instrument_of(c.token)
    c.src_toks = [t for t in c.src_toks if args.is_instrument(t) is None or senses.national(t)]
    if found is None:
        return False
    c.instrument = found[0]
    c.acled, c.sub = found[1].acled_event_type, found[1].acled_sub_event_type
    c.cameo = found[1].cameo if c.cameo in ("190", "180") else c.cameo
    return True


def vowed_threat(c: Coding) -> bool:
    """"vowed to retaliate": a promise of harm is a threat, of a planned harm."""
    if not (c.category == "AGREE" and c.token.lemma_.lower() in senses.PROMISES
            and set(c.trigger.content) & senses.CONFLICT):
        return False
    harm = next(k for k in c.trigger.content if k in senses.CONFLICT)
    c.recode("THREATEN", harm.lower(), threat_code(harm))
    c.reading.add("planned")  # the harm is to come
    return True


def target_sector(c: Coding) -> bool:
    """An attack with no stated weapon: on civilians it is an Attack, on forces an Armed clash."""
    if not (c.category == "ASSAULT" and c.sub is None and c.targets):
        return False
    if any(a.sector in ("CVL", "REF") for a in c.targets):
        c.acled, c.sub = "Violence against civilians", "Attack"
    elif any(a.sector in ("MIL", "COP", "REB") for a in c.targets):
        c.acled, c.sub = "Battles", "Armed clash"
    else:
        return False
    return True


def labour_strike(c: Coding) -> bool:
    """"dock workers struck for a third day": a labour strike, not an air strike."""
    if not (c.category == "ASSAULT" and c.trigger.entry.pos == "verb"
            and senses.labour_strike(c.token, c.sources, c.targets)):
        return False
    c.recode("PROTEST", "strike", "143", "Protests", "Peaceful protest")
    return True


def street_clash(c: Coding) -> bool:
    """"protesters clashed with police": a violent demonstration."""
    if not (c.category == "ASSAULT" and senses.street_clash(c.token, c.sources)):
        return False
    c.recode("PROTEST", "riot", "145", "Riots", "Violent demonstration")
    return True


def police_obstruction(c: Coding) -> bool:
    """"police blocked access to the square": a restriction, not a protest."""
    if not (c.category == "PROTEST" and c.mode == "obstruct" and senses.by_authorities(c.src_toks)):
        return False
    c.recode("COERCE", "restrict", "172")
    return True


def spoken_protest(c: Coding) -> bool:
    """"..., a rights group protested": a complaint in words."""
    if not (c.category == "PROTEST" and c.trigger.entry.pos == "verb" and senses.speech(c.token)):
        return False
    c.recode("ACCUSE", "complain", "114")
    return True


def peacekeepers_arrive(c: Coding) -> bool:
    """"UN peacekeepers arrived in the town": peacekeeping aid, not a visit."""
    if not (c.category == "CONSULT" and c.mode == "visit"
            and any("peacekeep" in a.text.lower() for a in c.sources)):
        return False
    c.recode("AID", "peacekeeping", "074", c.acled, c.sub)
    return True


#: Verbs of getting ready: "the brigade got ready to renew its bombardment" is a show of force.
PREPARING = frozenset({"prepare", "ready", "poise", "gear", "brace"})
#: Number words that make an expulsion a mass one ("hundreds of families").
MASS_WORDS = frozenset({"hundreds", "thousands", "tens"})
MASS_FLOOR = 500


def military_preparation(c: Coding) -> bool:
    """"The brigade got ready to renew its bombardment": armed forces getting ready to strike show force
    (CAMEO 15); the preparation itself has happened."""
    if not (c.category == "ASSAULT" and c.reading.modality == "planned"
            and any(a.sector == "MIL" for a in c.sources)):
        return False
    cur = c.token
    for _ in range(3):
        if cur.dep_ not in ("xcomp", "dobj") or cur.head.i == cur.i:
            return False
        cur = cur.head
        if cur.lemma_.lower() in PREPARING:
            break
    else:
        return False
    c.recode("MOBILIZE", "alert", "150")
    c.reading.modality = "occurred"
    return True


def _mass(tok: Any) -> bool:
    for t in tok.subtree:
        if t.lower_ in MASS_WORDS:
            return True
        if t.dep_ == "nummod":
            digits = t.text.replace(",", "")
            if digits.isdigit() and int(digits) >= MASS_FLOOR:
                return True
    return False


def mass_expulsion(c: Coding) -> bool:
    """"drove out 2,000 villagers from the valley": a mass expulsion (CAMEO 201)."""
    if not (c.category == "COERCE" and c.mode == "deport" and any(_mass(t) for t in c.tgt_toks)):
        return False
    c.recode("ASSAULT", "expel", "201")
    return True


def action_by_agent(c: Coding) -> bool:
    """"condemned the detention of a journalist by Iranian authorities": the one condemned is the
    doer of the action ("by" its agent), not the one it was done to."""
    if c.category not in ("ACCUSE", "PROTEST"):
        return False
    agents = []
    for tok in c.tgt_toks:
        if tok.pos_ != "NOUN":
            continue
        of = [g for ch in tok.children if ch.dep_ == "prep" and ch.lower_ == "of" for g in ch.children
              if g.dep_ == "pobj"]
        for holder in (tok, *of):  # "the detention of a journalist by ...": "by" may hang on either
            by = next((ch for ch in holder.children if ch.dep_ in ("prep", "agent") and ch.lower_ == "by"), None)
            pobj = next((g for g in by.children if g.dep_ == "pobj"), None) if by is not None else None
            if pobj is not None:
                agents.extend(args.conjuncts(pobj))
                break
    if not agents:
        return False
    c.tgt_toks = agents
    return True


def joint_exercise(c: Coding) -> bool:
    """A military exercise is a show of force (MOBILIZE, CAMEO 15); held jointly — two countries
    act, a partner is named, or it is called "joint" — it is military cooperation (CAMEO 062)."""
    if not (c.category == "MOBILIZE" and c.mode == "exercise"):
        return False
    countries = {a.country for a in c.sources if a.country}
    joint = any(t.lower_ in ("joint", "combined", "bilateral") for x in (c.token, *c.trigger.extra) for t in x.subtree)
    if len(countries) < 2 and not c.targets and not joint and not any(sides.partners(t) for t in c.src_toks):
        return False
    c.recode("COOPERATE", "military", "062")
    return True


Rule = Callable[[Coding], bool]
#: Rules on argument tokens, in order (before actors are built).
TOKEN_RULES: tuple[Rule, ...] = (must_demand, blamed_accusation, wanted_request, stated_instrument, action_by_agent)
#: Rules on built actors, in order.
ACTOR_RULES: tuple[Rule, ...] = (target_sector, vowed_threat, labour_strike, street_clash, police_obstruction,
                                 spoken_protest, peacekeepers_arrive, military_preparation, mass_expulsion,
                                 joint_exercise)


def apply(rules: tuple[Rule, ...], coding: Coding) -> list[str]:
    """Run ``rules`` on ``coding`` in order; the names of those that applied."""
    return [rule.__name__ for rule in rules if rule(coding)]
