"""Triggers of a sentence: lexicon matches, folded into the trigger that governs them, and word senses.

``find_triggers`` keeps one trigger per event: "agreed to withdraw" is one AGREE (the withdrawal
is its content), "held talks" one CONSULT, "shot a guard and injured three" one ASSAULT; a
verb with "must" the lexicon does not know is a demand; "ordered the paper to suspend
publication" and "ordered an inquiry" keep the ordered action; "a round of talks" is the talks and
"returned to Geneva" is no handing back. The sense helpers tell a labour strike from an air strike,
a spoken protest from a street one and a road blocked by protesters from one blocked by police.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from ...geo.orgs import sectors
from ...model import Actor
from ..places import PLACE_NOUNS
from . import args
from .lexicon import Entry, TriggerLexicon, match

#: Categories whose trigger takes the event under it as its content ("agreed to withdraw").
ABSORBING = frozenset({"AGREE", "THREATEN", "REJECT", "REQUEST", "ACCUSE"})

#: Categories of harm: a promise or vow to do one of these is a threat ("vowed to retaliate").
CONFLICT = frozenset({"ASSAULT", "COERCE", "SANCTION", "MOBILIZE", "PROTEST"})
PROMISES = frozenset({"promise", "pledge", "vow", "swear", "commit"})

#: The category of lexicon lines that name a sense of a trigger word that is no event ("release a statement").
NOT_AN_EVENT = "NONE"

#: The entry of a verb with "must"/"should" that the lexicon does not know.
MUST = Entry((frozenset({"must"}),), "verb", "REQUEST", "demand", "100", None, None, -1)


@dataclass
class Trigger:
    token: Any
    entry: Entry
    extra: list[Any] = field(default_factory=list)
    content: list[str] = field(default_factory=list)  # categories of the events folded into this one
    folded: list[Any] = field(default_factory=list)  # their trigger tokens


def find_triggers(sent: Iterable[Any], lex: TriggerLexicon) -> list[Trigger]:
    """Lexicon triggers of a sentence (its tokens), with the ones folded into a governing trigger removed."""
    found = []
    used: set[int] = set()
    for tok in sent:
        hit = match(tok, lex)
        if hit is not None and hit[0].category == NOT_AN_EVENT:
            used.update(x.i for x in hit[1])  # "released a statement", "met the deadline": no event
            hit = None
        if hit is not None:
            found.append(Trigger(tok, hit[0], hit[1]))
            if tok.pos_ == "VERB" and hit[0].category != "REQUEST" and wanted_by(tok) is not None:
                found.append(Trigger(tok, MUST))  # "X wants Y to attack Z": Y attacks Z, and X asks it of Y
        elif tok.pos_ == "VERB" and (must(tok) or wanted_by(tok) is not None):
            found.append(Trigger(tok, MUST))  # "Uganda must return ...", "wants Italy to pay ...": a demand
    used |= {x.i for t in found for x in t.extra}
    found = [t for t in found if t.token.i not in used and not _not_an_event(t, lex)]
    by_i = {t.token.i: t for t in found}
    commanded = set()
    kept = []
    for trig in found:
        head = by_i.get(trig.token.head.i)
        if (trig.token.dep_ == "conj" and head is not None and head.entry.category == trig.entry.category
                and not any(c.dep_ in ("nsubj", "nsubjpass") for c in trig.token.children)):
            continue  # "shot a guard and injured three more": one attack
        gov = _governor(trig.token, by_i)
        if gov is not None and lex.control.get(gov.token.lemma_.lower()) == "command" and (
                trig.entry.pos == "verb" or (trig.token.dep_ == "dobj" and trig.token.head.i == gov.token.i)):
            commanded.add(gov.token.i)  # "ordered the paper to suspend publication", "ordered an inquiry"
        elif gov is not None and gov.entry.category in ABSORBING:
            gov.content.append(trig.entry.category)
            gov.folded.append(trig.token)
            continue
        elif gov is not None and trig.entry.pos == "noun" and not _circumstantial(trig.token, gov.token):
            continue  # "discuss the withdrawal": a topic; "through a compromise offer": an event
        kept.append(trig)
    return [t for t in kept if t.token.i not in commanded]


def _not_an_event(trig: Trigger, lex: TriggerLexicon) -> bool:
    """A noun that is only a topic ("assessing the threat", "talks on the transition"), or a verb
    used in another sense ("a group calling itself ...")."""
    tok = trig.token
    if trig.entry.pos == "noun":
        head = tok.head
        if tok.dep_ == "dobj" and not args.is_light(head) and not args.sets_off(head):
            return True
        if (tok.dep_ == "compound" and head.pos_ == "NOUN" and head.lemma_.lower() not in lex.heads
                and head.lemma_.lower() not in CARRIERS):
            return True  # "a harassment drama", "the conference hall", "the ceasefire line": a modifier
        if (tok.dep_ == "nsubj" and head.lemma_ == "be" and any(c.dep_ in ("acomp", "attr") for c in head.children)
                and not any(c.dep_ in ("prep", "poss") for c in tok.children)):
            return True  # "Protests are rare", "the attack was the deadliest since 2015" (not "the attack on X was ...")
        if tok.dep_ == "pobj" and head.lower_ == "of" and head.head.lemma_.lower() in EPISODES:
            return False  # "a second round of talks", "a wave of arrests": the event itself
        return tok.dep_ == "pobj" and head.lower_ in ("about", "over", "regarding", "concerning", "of")
    if habitual(tok):
        return True  # "the committee meets every Tuesday": a description of a routine
    if questioned(tok):
        return True  # "Asked about the vote, the mayor said ...": the reporter's question
    if trig.entry.category == "PROTEST" and len(trig.entry.words) == 1 and shows(tok):
        return True  # "the figures demonstrate that ...", "demonstrated its resolve": showing, not protesting
    if trig.entry.mode == "host":  # "the base, which hosts American advisors"
        subj = args.resolve_pronoun(args.subject_of(tok), None) if args.subject_of(tok) is not None else None
        if subj is not None and subj.lemma_.lower() in PLACE_NOUNS:
            return True
    if trig.entry.mode == "return" and len(trig.entry.words) == 1 and not any(
            c.dep_ in ("dobj", "nsubjpass") for c in tok.children):
        return True  # "envoys go back to Vienna": going back, not handing something back
    if trig.entry.pos == "verb" and len(trig.entry.words) == 1 and tok.lemma_.lower() not in PROMISES:
        return any(c.dep_ == "oprd" or (c.dep_ == "dobj" and c.lower_.endswith(("self", "selves"))) for c in tok.children)
    return False


#: Verbs of putting a question: "Asked about ...", "Pressed on ..." open a sentence with the reporter's question.
QUESTIONING = frozenset({"ask", "press", "question", "quiz"})


def questioned(tok: Any) -> bool:
    """A passive participle of asking that only frames what follows ("Asked about the deal, ...")."""
    return (tok.tag_ == "VBN" and tok.dep_ == "advcl" and tok.lemma_.lower() in QUESTIONING
            and not any(c.dep_ in ("agent", "nsubjpass", "dobj") for c in tok.children))


#: Verbs of protest that also mean "to show" when they take an object or a clause.
SHOWING = frozenset({"demonstrate", "display", "show"})


def shows(tok: Any) -> bool:
    """"demonstrated that it helps", "demonstrated the weakness": a verb of showing, not a protest."""
    return tok.lemma_.lower() in SHOWING and any(c.dep_ in ("dobj", "ccomp") for c in tok.children)


#: Nouns an event noun may modify and still be the event ("an aid package", "a rescue mission").
CARRIERS = frozenset({"package", "convoy", "shipment", "delivery", "consignment", "flight", "mission",
                      "operation", "campaign", "drive", "effort", "wave", "spree"})

#: Words that make a time phrase a routine ("every Tuesday", "each year").
ROUTINE = frozenset({"every", "each"})


def habitual(tok: Any) -> bool:
    """A verb in the present with "every"/"each" time phrase: a routine, not an event."""
    if tok.tag_ not in ("VBZ", "VBP"):
        return False
    return any(c.dep_ in ("npadvmod", "advmod", "prep") and any(g.lower_ in ROUTINE for g in c.subtree)
               for c in tok.children)


#: Nouns that count or measure events: "a round of talks" is talks, not a topic.
EPISODES = frozenset({"round", "series", "wave", "spate", "string", "day", "week", "month", "year", "hour",
                      "night", "campaign", "bout", "flurry", "burst", "number", "dozen", "hundred", "thousand"})

CIRCUMSTANCE = frozenset({"through", "during", "after", "before", "amid", "despite", "following", "since",
                          "until", "via", "under", "without"})


def _circumstantial(tok: Any, gov: Any) -> bool:
    """Whether ``tok`` hangs on ``gov`` through a preposition of circumstance ("during talks")."""
    cur = tok
    while cur.i != gov.i and cur.head.i != cur.i:
        if cur.dep_ == "prep" and cur.lower_ in CIRCUMSTANCE:
            return True
        cur = cur.head
    return False


def _governor(tok: Any, by_i: dict[int, Trigger]) -> Trigger | None:
    """The trigger that takes ``tok`` as its complement or argument, if any (three arcs up)."""
    cur = tok
    for _ in range(3):
        infinitive = cur.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in cur.children)
        if cur.head.i == cur.i or not infinitive and cur.dep_ not in (
            "xcomp", "ccomp", "dobj", "pobj", "prep", "pcomp", "acomp", "nsubj", "nsubjpass", "attr", "compound",
            "conj", "amod"):
            return None
        if cur.dep_ == "conj" and cur.pos_ == "VERB":
            return None
        cur = cur.head
        if cur.i in by_i and cur.i != tok.i:
            return by_i[cur.i]
    return None


def unless(tok: Any) -> bool:
    """A condition on the action: "will withdraw ... unless", "or else"."""
    return any(c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ == "unless" for m in c.children)
               for c in tok.children)


def street_clash(tok: Any, sources: list[Actor]) -> bool:
    """"Students clashed with riot police", "protesters stormed parliament": a riot."""
    return tok.lemma_.lower() in ("clash", "fight", "battle", "scuffle", "storm", "occupy") and any(
        a.sector in ("EDU", "LAB", "OPP", "CVL", "AGR") for a in sources)


def blamed(tok: Any) -> Any | None:
    """"(said) Israel was behind the attack", "X was responsible for the bombing": the one blamed."""
    prep = tok.head
    if tok.dep_ != "pobj" or prep.lower_ not in ("behind", "for"):
        return None
    pred = prep.head
    if prep.lower_ == "for" and pred.lemma_.lower() not in ("responsible", "blame"):
        return None
    verb = pred if pred.lemma_ == "be" else pred.head
    if verb.lemma_ != "be":
        return None
    return next((c for c in verb.children if c.dep_ == "nsubj"), None)


#: Verbs of wanting: "X wants Y to do Z" asks Y for Z.
WISHES = frozenset({"want", "expect", "wish", "need", "like"})


def wanted_by(tok: Any) -> Any | None:
    """The subject of a verb of wanting whose complement ``tok`` has a subject of its own."""
    head = tok.head
    if tok.dep_ not in ("ccomp", "xcomp") or head.lemma_.lower() not in WISHES or not asked(tok):
        return None
    return args.subject_of(head)


def asked(tok: Any) -> list[Any]:
    """"wants Canada to drop": the one who should act (complement subject or object)."""
    own = [c for c in tok.children if c.dep_ == "nsubj"]
    if tok.dep_ == "ccomp":
        return own
    return own or [c for c in tok.head.children if c.dep_ == "dobj"]


def by_authorities(subjects: list[Any]) -> bool:
    """"Police blocked the road", "the authorities blocked access": obstruction by the state is
    coercion. The subject's own head word must name the state ("supporters of the president" do not)."""
    table = sectors()
    return bool(subjects) and all(table.get(t.lemma_.lower()) in ("GOV", "COP", "MIL", "JUD", "SPY") for t in subjects)


def labour_strike(tok: Any, sources: list[Actor], targets: list[Actor]) -> bool:
    """"the union could strike": "strike" with no target, done by workers, students or doctors."""
    if tok.lemma_.lower() != "strike" or targets or any(c.dep_ == "dobj" for c in tok.children):
        return False
    return any(a.sector in ("LAB", "EDU", "HLH", "AGR", "OPP", "CVL") for a in sources)


def speech(tok: Any) -> bool:
    """"protest" used as a verb of saying: it has a reported clause, or follows one after a comma."""
    if any(c.dep_ == "ccomp" for c in tok.children):
        return True
    before = tok.doc[max(tok.sent.start, tok.i - 6) : tok.i]
    return tok.dep_ in ("acl", "parataxis", "relcl") and any(t.text == "," for t in before)


def national(tok: Any) -> bool:
    """"Israeli tanks", "British aircraft": a weapon with a nationality names its side."""
    return any(c.ent_type_ in ("NORP", "GPE") or c.dep_ == "poss" for c in tok.subtree)


def must(tok: Any) -> bool:
    return any(c.dep_ == "aux" and c.lower_ in ("must", "should") for c in tok.children)
