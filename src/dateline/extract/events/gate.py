"""What counts as an event: a political or social actor acting on or with another.

Needs a trigger's category and its built sources and targets; yields whether the trigger is an
event. Like the coders it competes with, an event needs a political or social actor — a state, a
government or official, an armed force or group, a party, an organisation, protesters, a community,
civilians as victims — acting through a predicate in its political, legal, conflict or cooperation
sense. "The lawyer sat down", "the pundits demonstrated that it helps", "the rules let shops sell
knives" name no such actor and are no events.

- An act done with or for another (consult, cooperate, aid) named by a bare verb needs
  that other side: "gave", "helped", "met" alone are too often no political act.
- One side must be a political or social actor: the doer, or the one the act is done to ("the
  convoy was ambushed", "a businessman is suing the state"); "the hunter was hit", "the
  telescope observed" are no events. Whoever is harmed by an attack or an arrest counts as a
  victim. A violent act may stand alone ("a roadside bomb killed four"): its violent sense is checked
  separately.
"""

from __future__ import annotations

from ...model import Actor

#: Sectors of political or social actors (``data/events/sectors.tsv`` codes).
POLITICAL = frozenset({"GOV", "MIL", "COP", "SPY", "JUD", "LEG", "REB", "OPP", "PTY", "CVL", "IGO", "NGO", "IMG",
                       "REF", "LAB", "EDU", "AGR", "REL", "CRM", "ELI", "HLH"})
#: Categories of acts done with or for another: a bare verb of these ("gave", "helped", "met",
#: "sold", "agreed") is an event only with the other side named ("gave Ukraine", "met the envoy").
DYADIC = frozenset({"CONSULT", "COOPERATE", "AID", "AGREE"})
#: Categories of harm done to people: any person harmed counts as a victim.
HARM = frozenset({"ASSAULT", "COERCE"})
#: Categories of an event with no side named at all (its violent sense is checked apart).
STANDALONE = frozenset({"ASSAULT", "COERCE", "PROTEST", "MOBILIZE"})


#: Sectors that make an actor no political one by themselves (a company, an outlet, a team).
APOLITICAL = frozenset({"BUS", "MED", "SPT", "DEV", "ENV"})


def political(actor: Actor) -> bool:
    """A state, organisation, armed or social group; an actor of a known country; or a named person
    or body (an entity) of no business, media or sport sector."""
    if actor.group or actor.sector in POLITICAL:
        return True
    return bool((actor.country or actor.entity_id) and actor.sector not in APOLITICAL)


def is_event(category: str, sources: list[Actor], targets: list[Actor], bare: bool = False,
             named: bool = False, doer: bool = False) -> bool:
    """Whether a trigger of ``category`` with these sides is an event (see the module docstring);
    ``bare``: the trigger is a single verb with no words, object or complement of its own and one
    doer ("he sat down", "she helped", not "gave aid", "met the envoy", "the leaders met");
    ``named``: a side is a proper name (a person, organisation or place the parser recognised);
    ``doer``: the sentence names a doer, even one that is no actor ("the tennis star rallied")."""
    if bare and category in DYADIC and not targets:
        return False  # "he sat down", "she helped": no other side
    if any(political(a) for a in sources) or any(political(a) for a in targets):
        return True  # "the convoy was ambushed", "a businessman is suing the state"
    if named and any(a.sector not in APOLITICAL for a in [*sources, *targets]):
        return True  # a person named in the news who acts: "Ortiz pleaded guilty"
    if sources:
        return False  # a named doer that is no political actor, acting on none: "the hunter", "the telescope"
    if targets and category in HARM:
        return True  # "a journalist was killed": whoever is harmed is a victim
    # "a bomb exploded at the station", "the group denied carrying out the bombing"; not "the star rallied"
    return not targets and category in STANDALONE and (not doer or category in HARM)
