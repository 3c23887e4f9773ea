"""Whether a trigger reports an act that took place, or only names, wishes, advises or predicts one.

Needs a trigger token (a parsed spaCy token), its category and its modality reading; yields the
reason the trigger is no event, or None. The words come from ``data/events/noneventive.tsv``.

- modal: an auxiliary of possibility, advice or obligation on the trigger's predicate or a verb
  over it ("Sanders should stay in", "she could win", "they might attack"); a "would" in a main
  clause is a prediction ("the senator would win easily"), while "said he would endorse" and "left
  no doubt that he would endorse" stay (a stated plan);
- conditional: the trigger's clause or a clause over it opens with "if", "unless" or "whether"
  ("asked whether he believed they would attack");
- question: the sentence asks ("Are we going to round them all up?");
- opinion: the trigger is the object or clause of a verb of perceiving, thinking, hoping or
  predicting ("I saw him deliver a speech", "they expect him to win");
- modifier: the trigger qualifies a noun ("the support staff", "a protest song"), unless that noun
  carries the act ("an aid package");
- habitual: a stance or standing relation in the simple present ("Kaine supports abortion
  rights", "the firm provides loans", "he calls for single-payer care", "she said he supports the
  plan"): a position, not an act; a rejection or an accusation in the present stays ("the
  Palestinians reject the changes"), and so does a demand's subjunctive ("insisted that the
  government grant more rights");
- under a verb of saying an obligation is the speaker's demand ("Russia said Sudan must return
  the helicopter") and a condition beside the act the speaker's terms ("said it will not accept
  refugees if war starts"): the speech act itself is the event; an embedded question ("asked if
  she believed ...") is not;
- a speaker's own possible act is a stated intention ("the rebels said they might attack"), and
  a passive opinion verb with no one named states a schedule ("is expected to arrive");
- a request "about" something is a question ("was asked about the border"), and one whose clause
  states how things are is a claim ("the police insisted they are prepared");
- description: a gerund under a preposition that describes rather than reports ("built a campaign
  around championing tough policing"), outside violence.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from ...tables import read_table
from .modality import Reading
from .triggers import CARRIERS

#: Categories of a stance or a standing relation: in the simple present they state a position.
STANCE = frozenset({"SUPPORT", "AGREE", "AID", "COOPERATE", "CONSULT", "REQUEST"})
#: Categories whose description is still an event ("arrested for attacking police").
VIOLENT = frozenset({"ASSAULT", "COERCE", "PROTEST", "MOBILIZE"})
#: Dependencies through which a verb over the trigger governs it.
UP = frozenset({"xcomp", "ccomp", "conj", "advcl", "pcomp", "prep", "pobj", "dobj", "acomp"})
#: Dependencies through which an opinion verb holds the trigger as what is seen or thought.
HELD = frozenset({"xcomp", "ccomp", "dobj"})
PRESENT = frozenset({"VBZ", "VBP"})
#: Prepositions whose gerund describes a theme rather than reports an act ("a campaign around
#: championing ...", "a book about negotiating ..."); "by calling", "for warning" report one.
#: Categories of speech acts whose condition is their terms ("threatened to strike unless ...").
TERMS = frozenset({"THREATEN", "REQUEST"})
#: Auxiliaries of obligation: under a verb of saying they state a demand.
OBLIGATION = frozenset({"must", "should", "ought"})
DESCRIBING = frozenset({"around", "about"})
QUESTION_ENDS = ("?", "?\"", "?”", "?'", "?’")


@lru_cache(maxsize=1)
def words() -> dict[str, frozenset[str]]:
    """kind → words, from ``data/events/noneventive.tsv``."""
    out: dict[str, set[str]] = {}
    for word, kind in read_table("events/noneventive.tsv", header=True, width=2, strip=True):
        out.setdefault(kind, set()).add(word.lower())
    return {k: frozenset(v) for k, v in out.items()}


def predicate(tok: Any) -> Any:
    """The verb that carries a trigger: itself, or the verb of a noun trigger it is the object of."""
    if tok.pos_ in ("NOUN", "PROPN", "ADJ") and tok.dep_ in ("dobj", "attr", "acomp", "nsubj", "nsubjpass"):
        return tok.head
    return tok


def _aux(verb: Any) -> set[str]:
    return {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}


def _conditional(verb: Any, kinds: dict[str, frozenset[str]]) -> bool:
    return any(c.dep_ == "mark" and c.lower_ in kinds.get("cond", frozenset()) for c in verb.children)


def _governed(verb: Any, kinds: dict[str, frozenset[str]], reported: bool, terms: bool) -> str | None:
    """A reason found on the trigger's predicate or the verbs over it; ``reported``: a verb of
    saying governs the trigger, so an obligation is the speaker's demand and a condition set beside
    the act the speaker's terms ("said Sudan must return it", "said they would meet him if ...");
    ``terms``: the trigger is a threat or demand, whose condition is its terms ("warned of
    retaliation if the drills go ahead")."""
    cur, dep = verb, ""
    for _ in range(8):
        modal = _aux(cur) & kinds.get("modal", frozenset())
        stated = reported or (cur.dep_ in ("ccomp", "acl") and cur.head.lemma_.lower() not in kinds.get("opinion", ()))
        if modal - (OBLIGATION if stated else frozenset()):
            return "modal"  # not "agreed that their countries should cooperate": a stated demand
        if "would" in _aux(cur) and cur.dep_ == "ROOT":
            return "modal"
        if _conditional(cur, kinds):
            return "conditional"  # "if they win", "asked whether he would attack"
        if not (reported or terms) and any(c.dep_ == "advcl" and _conditional(c, kinds) for c in cur.children):
            return "conditional"  # "the mayor will sign it if the council approves"
        if dep in HELD and cur.lemma_.lower() in kinds.get("opinion", frozenset()) and not _impersonal(cur):
            return "opinion"
        if cur.head.i == cur.i or cur.dep_ not in UP:
            return None
        dep, cur = cur.dep_, cur.head
    return None


def _impersonal(verb: Any) -> bool:
    """"is expected to arrive", "is believed to have fled": a passive with no one named who thinks
    so states a schedule or a report, not someone's opinion."""
    return any(c.dep_ == "auxpass" for c in verb.children) and not any(c.dep_ == "agent" for c in verb.children)


def _own_intent(verb: Any) -> bool:
    """"the rebels said they might attack": the speakers speak of their own act (a pronoun
    subject under the verb of saying), a stated intention or threat, itself an event."""
    return any(c.dep_ == "nsubj" and c.tag_ == "PRP" for c in verb.children)


def _stative(verb: Any) -> bool:
    """A clause that states how things are: "they are prepared", "it was legal"."""
    return verb.lemma_ == "be" or any(c.dep_ in ("acomp", "attr") for c in verb.children)


def _subjunctive(verb: Any) -> bool:
    """"demanded that the government grant ...": a base form after a singular subject."""
    return verb.tag_ == "VBP" and any(c.dep_ == "nsubj" and c.tag_ in ("NN", "NNP") for c in verb.children)


def _simple_present(verb: Any) -> bool:
    return verb.tag_ in PRESENT and not (_aux(verb) - {"do", "does"})


def not_eventive(tok: Any, category: str, reading: Reading) -> str | None:
    """Why the trigger at ``tok`` names no act that took place ("modal", "conditional",
    "question", "opinion", "modifier", "habitual", "description"), or None when it may be one."""
    kinds = words()
    if (tok.pos_ in ("NOUN", "ADJ") and tok.dep_ in ("amod", "compound", "nmod") and category not in VIOLENT
            and tok.head.lemma_.lower() not in CARRIERS):
        return "modifier"  # a lower-case word: "Economic Cooperation (APEC)" is a name
    verb = predicate(tok)
    own = reading.report_verb is not None and _own_intent(verb)
    reason = None if own else _governed(verb, kinds, reading.report_verb is not None, category in TERMS)
    if reason is not None:
        return reason
    if category == "REQUEST" and any(c.dep_ == "prep" and c.lower_ == "about" for c in tok.children):
        return "question"  # "was asked about the border": a question, not a demand
    if category == "REQUEST" and any(c.dep_ == "ccomp" and _stative(c) for c in tok.children):
        return "statement"  # "the police insisted they are prepared": a claim, not a demand
    if tok.sent.text.rstrip().endswith(QUESTION_ENDS):
        return "question"
    if tok.pos_ == "VERB" and category in STANCE and _simple_present(verb) and not _subjunctive(verb):
        return "habitual"
    if (tok.tag_ == "VBG" and tok.dep_ in ("pcomp", "pobj") and tok.head.lower_ in DESCRIBING
            and not _aux(tok) and category not in VIOLENT):
        return "description"
    return None
