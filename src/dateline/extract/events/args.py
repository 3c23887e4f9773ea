"""Who did it, to whom, with what, and who was hurt: arguments of an event trigger.

All functions read a parsed spaCy sentence (tokens with ``dep_``, ``head``, ``children``) and
return tokens; :mod:`dateline.extract.events.actors` turns them into actors.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import Any

from ..dates import NUMBERS
from .actors import phrase_tokens
from .lexicon import Instrument, lemmas, lexicon

PRONOUNS = frozenset({"it", "they", "he", "she", "we", "i", "its", "their", "his", "her", "our", "them", "us"})
SUBJ_DEPS = ("nsubj", "csubj")
#: Prepositions that introduce the target of an action ("talks with Iraq", "attack on the base").
TARGET_PREPS = frozenset({"to", "with", "against", "on", "at", "into", "from", "toward", "towards", "upon", "for"})
#: Prepositions of a multi-word trigger's own noun that name the other side ("shared intelligence with").
PARTNER_PREPS = frozenset({"with", "to", "against"})
#: Verbs whose object is the event itself ("launched an attack", "held talks").
LIGHT_VERBS = frozenset({
    "launch", "carry", "conduct", "stage", "hold", "make", "pay", "mount", "begin", "start", "continue",
    "resume", "undertake", "organize", "organise", "give", "issue", "lodge", "declare", "impose",
    "announce", "sign", "reach", "accept", "present", "propose", "offer", "file", "complete", "finish",
    "speed", "accelerate", "step", "intensify", "escalate", "order", "plan", "prepare",
})
#: Verbs whose object is an event that the subject set off ("sparked a gun battle", "triggered
#: protests"): the object is an event, but the verb stays the sentence's predicate.
CAUSING_VERBS = frozenset({"spark", "trigger", "provoke", "ignite", "prompt"})  # fmt: skip
HARM_WORDS = {"kill": "killed", "wound": "injured", "injure": "injured", "die": "killed", "dead": "killed",
              "hurt": "injured", "injured": "injured", "wounded": "injured", "killed": "killed"}


def conjuncts(tok: Any) -> list[Any]:
    """``tok`` and the tokens coordinated with it ("Israel and Lebanon")."""
    out = [tok]
    for child in tok.children:
        if child.dep_ == "conj" and child.pos_ in ("NOUN", "PROPN", "PRON"):
            out.extend(conjuncts(child))
    return out


def _child(tok: Any, *deps: str) -> Any | None:
    return next((c for c in tok.children if c.dep_ in deps), None)


def clause_head(tok: Any) -> Any:
    """The verb whose clause holds ``tok`` (``tok`` itself when it is a verb)."""
    cur = tok
    for _ in range(8):
        if cur.pos_ in ("VERB", "AUX") or cur.dep_ == "ROOT" or cur.head.i == cur.i:
            return cur
        cur = cur.head
    return cur


def subject_of(verb: Any) -> Any | None:
    """The active subject of ``verb``, inherited through conjoined and controlled verbs."""
    cur = verb
    for n in range(5):
        subj = _child(cur, *SUBJ_DEPS) if n == 0 else _child(cur, *SUBJ_DEPS, "nsubjpass")
        if subj is not None:  # "the mediator is expected to arrive": the governor's passive subject
            return subj
        if cur.dep_ in ("conj", "xcomp", "advcl", "acomp") and cur.head.i != cur.i:
            cur = cur.head
            continue
        if cur.dep_ == "pcomp" and cur.head.dep_ == "prep":  # "turned to hurling rocks"
            cur = cur.head.head
            continue
        if (cur.dep_ == "acl" and cur.head.dep_ in ("dobj", "attr") and cur.head.head.i != cur.head.i
                and any(c.dep_ == "aux" and c.lower_ == "to" for c in cur.children)):
            cur = cur.head.head  # "the leaders made plans to meet": the planners meet
            continue
        if cur.dep_ in ("relcl", "acl") and cur.head.i != cur.i:
            return cur.head  # "a group calling itself ...": the noun it describes
        return None
    return None


def passive_subject(verb: Any) -> Any | None:
    return _child(verb, "nsubjpass")


def agent_of(verb: Any) -> Any | None:
    """The "by" object of a passive verb."""
    agent = _child(verb, "agent")
    return _child(agent, "pobj") if agent is not None else None


def is_instrument(tok: Any) -> Instrument | None:
    """The instrument ``tok`` names ("missiles", "a roadside bombing"), if any."""
    instruments = lexicon().instruments
    for word in (tok.lemma_.lower(), tok.lower_):
        if word in instruments:
            return instruments[word]
    for child in tok.children:
        if child.dep_ in ("compound", "amod") and child.lemma_.lower() in instruments:
            return instruments[child.lemma_.lower()]
    return None


def objects_of(trigger: Any, skip: set[int]) -> list[Any]:
    """Target tokens: direct and indirect objects, then objects of target prepositions.

    The "with"/"to"/"against" object of a direct object follows it ("cancel understandings with
    Iraq"), in case the object itself is no actor.
    """
    out = []
    for child in trigger.children:
        trigger_word = child.i in skip and not any(t.ent_type_ in ("NORP", "GPE") for t in child.subtree)
        if trigger_word and child.dep_ != "dobj":
            continue  # a trigger word ("hold talks"), unless it names a side ("expel Russian diplomats")
        if child.dep_ in ("dobj", "dative", "iobj", "attr") and child.pos_ in ("NOUN", "PROPN", "PRON"):
            if not trigger_word:  # "swapped data with the coastguard": only the "with" object
                out.extend(conjuncts(child))
            for prep in child.children:
                if prep.dep_ == "prep" and prep.lower_ in (PARTNER_PREPS if trigger_word else TARGET_PREPS - {"for", "at"}):
                    out.extend(p for p in prep.children if p.dep_ == "pobj")
    for child in trigger.children:
        if child.dep_ in ("prep", "dative") and child.lower_ in TARGET_PREPS:  # "travel to Israel", "sent aid to Syria"
            pobj = _child(child, "pobj")
            if pobj is not None and pobj.i not in skip:
                out.extend(conjuncts(pobj))
    return out


def noun_arguments(noun: Any) -> tuple[list[Any], list[Any]]:
    """(sources, targets) of an event noun: its possessor or nationality modifier, its "on"/"with" object."""
    sources = [c for c in noun.children if c.dep_ == "poss" or (c.dep_ in ("amod", "compound") and c.ent_type_ in ("NORP", "GPE", "ORG"))]
    for child in noun.children:  # "the plan put forward by Norway"
        if child.dep_ == "acl" and child.tag_ == "VBN":
            agent = agent_of(child) or _late_agent(child)
            if agent is not None:
                sources.extend(conjuncts(agent))
    targets = []
    for child in noun.children:
        if child.dep_ == "prep" and child.lower_ in TARGET_PREPS | {"of", "between", "by"}:
            pobj = _child(child, "pobj")
            if pobj is None:
                continue
            if child.lower_ in ("by", "between"):
                sources.extend(conjuncts(pobj))
            else:
                targets.extend(conjuncts(pobj))
    return sources, targets


RELATIVE = frozenset({"which", "who", "that", "whom"})


def _late_agent(participle: Any) -> Any | None:
    """"put forward on Monday at the meeting in Oslo by Norway": a "by" the parser hung lower."""
    for tok in participle.subtree:
        if tok.dep_ == "prep" and tok.lower_ == "by" and tok.head.i != participle.i:
            pobj = _child(tok, "pobj")
            if pobj is not None and pobj.ent_type_ in ("GPE", "ORG", "NORP", "PERSON"):
                return pobj
    return None


def resolve_pronoun(tok: Any, fallback: Any | None, role: str = "source") -> Any | None:
    """The noun a pronoun stands for: the subject of a governing clause, else ``fallback``.

    A relative pronoun stands for the noun its clause describes. A target "they" ("replied to the
    statements by saying they were inaccurate") stands for the nearest earlier plural object.
    """
    if tok.lower_ in RELATIVE and tok.head.dep_ == "relcl":
        return tok.head.head
    if tok.lower_ not in PRONOUNS:
        return tok
    if role == "target" and tok.lower_ in ("him", "her"):
        subj = _child(clause_head(tok), *SUBJ_DEPS)
        people = [c for c in tok.sent[: tok.i - tok.sent.start] if c.ent_type_ == "PERSON"
                  and (subj is None or c.i not in {t.i for t in subj.subtree})]
        if people:  # "While Reyes campaigned, Ortiz's team criticized him": Reyes
            return people[-1]
    if role == "target" and tok.lower_ in ("they", "them", "it"):
        plural = tok.lower_ != "it"
        for cand in reversed(list(tok.sent[: tok.i - tok.sent.start])):
            if cand.dep_ in ("pobj", "dobj") and cand.pos_ in ("NOUN", "PROPN") and (cand.tag_ in ("NNS", "NNPS")) == plural:
                return cand
    cur = clause_head(tok)
    for _ in range(6):
        if cur.head.i == cur.i:
            break
        cur = cur.head
        subj = _child(cur, *SUBJ_DEPS)
        if subj is not None and subj.lower_ not in PRONOUNS and subj.i != tok.i:
            return subj
    return fallback


def phrase_text(tok: Any) -> str:
    """Text of the noun phrase headed by ``tok`` (without clauses)."""
    toks = phrase_tokens(tok)
    return str(tok.doc[toks[0].i : toks[-1].i + 1].text)


def instrument_of(trigger: Any) -> tuple[str, Instrument] | None:
    """The weapon an ASSAULT trigger names: its agent, "with"/"using" object, subject or modifier."""
    cands: list[Any] = []
    agent = agent_of(trigger)
    if agent is not None:
        cands.append(agent)
    for child in trigger.children:
        if child.dep_ == "prep" and child.lower_ in ("with", "by", "in"):
            cands.extend(c for c in child.children if c.dep_ == "pobj")
        if child.dep_ in ("nsubj", "dobj", "compound", "amod"):
            cands.append(child)
        if child.dep_ in ("advcl", "acl") and child.lemma_ in ("use", "fire"):
            cands.extend(c for c in child.children if c.dep_ == "dobj")
    cands.append(trigger)
    for cand in cands:
        found = is_instrument(cand)
        if found is not None:
            return (phrase_text(cand) if cand.i != trigger.i else found.word), found
    return None


_NUM = re.compile(r"\b(\d[\d,]*)\b")


def casualties(sent: Iterable[Any]) -> Iterator[tuple[str, str, Any]]:
    """(kind, victims phrase, harm token) for every "killed"/"injured" statement in the sentence."""
    for tok in sent:
        kind = HARM_WORDS.get(tok.lemma_.lower()) or HARM_WORDS.get(tok.lower_)
        if kind is None or tok.pos_ not in ("VERB", "ADJ", "AUX"):
            continue
        victim = passive_subject(tok) or _child(tok, "dobj")
        if victim is None and tok.lemma_.lower() in ("die", "dead", "injured", "wounded", "killed"):
            victim = _child(tok, "nsubj") or _child(tok.head, "nsubj")
        if victim is None and tok.dep_ in ("amod", "acomp") and tok.head.pos_ in ("NOUN", "PROPN"):
            victim = tok.head
        if victim is None:
            continue
        yield kind, phrase_text(victim), tok


def count_of(phrase: str) -> int | None:
    """A number stated in a casualty phrase ("at least 156 people" → 156, "two others" → 2)."""
    m = _NUM.search(phrase)
    if m:
        return int(m.group(1).replace(",", ""))
    for word in phrase.lower().split():
        if word not in ("a", "an") and NUMBERS.get(word):
            return NUMBERS[word]
    return None


def sets_off(verb: Any) -> bool:
    """A verb whose object is an event it caused ("sparked clashes")."""
    return any(w in CAUSING_VERBS for w in lemmas(verb))


def is_light(verb: Any) -> bool:
    """A verb whose object is the event itself ("staged a hunger strike")."""
    return any(w in LIGHT_VERBS for w in lemmas(verb))


def clause_subject_targets(tok: Any) -> list[Any]:
    """"insisted that the Peruvian cabinet release ...": the subject of the demanded clause."""
    for child in tok.children:
        if child.dep_ in ("ccomp", "acl") and child.pos_ in ("VERB", "AUX"):
            subj = _child(child, "nsubj", "nsubjpass")
            if subj is not None:
                return conjuncts(subj)
    return []
