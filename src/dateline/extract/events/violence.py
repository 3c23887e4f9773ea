"""Violence needs violence: whether a violent trigger is used in its conflict sense, and prose lines.

A violent reading (ASSAULT, a destructive COERCE, or an ACLED Battles, Explosions/
Remote violence or Violence against civilians type) is kept only when the sentence shows violence:
the trigger is violent on its own ("airstrike"), or the sentence names an armed actor, a weapon or
a casualty or damage word, or the trigger's object is a harmable target (people, forces, places,
vehicles, infrastructure) and the sentence is not about a game or a market. "Never" rules tell the
other senses apart by the trigger's arguments ("shell out money", "fire an employee", "hit by an
outage"). The rules are the rows of ``data/events/violence.tsv``; :func:`sense_rules` loads them.

:func:`is_prose` tells a sentence of news prose from sign-up lines, menus and headline fragments,
which yield no events.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Any

from ...errors import UsageError
from ...model import Actor
from ...tables import read_table

KINDS = ("self", "armed", "weapon", "harm", "target", "never", "speech", "context", "cause", "verbal")
#: Violent triggers that, when they are words and not blows, are criticism (PLOVER ACCUSE, CAMEO 111):
#: "the senator attacked her rival over the budget", "the minister slammed the report in a statement".
CRITICISE = frozenset({"attack", "slam", "blast", "assail", "lash", "hammer", "bash", "hit"})
VIOLENT_ACLED = frozenset({"Battles", "Explosions/Remote violence", "Violence against civilians"})
VIOLENT_COERCE_MODES = frozenset({"destroy"})
ARMED_SECTORS = frozenset({"MIL", "REB", "COP"})
HARMABLE_SECTORS = frozenset({"MIL", "REB", "COP", "CVL", "REF"})
#: Dependencies that carry a trigger's arguments (not the clauses under it).
_ARG_DEPS = frozenset({"dobj", "prt", "prep", "pobj", "agent", "nsubjpass", "compound", "amod", "dative", "attr",
                       "oprd", "npadvmod", "acomp", "advmod", "poss", "nmod", "pcomp"})
_PLACE_TYPES = frozenset({"GPE", "LOC", "FAC"})
#: The trigger's object and subject of a passive: where a "never" word of any trigger is looked for.
_OBJECT_DEPS = frozenset({"dobj", "nsubjpass", "attr", "oprd", "dative"})
#: Prepositions of circumstance: their phrases are no argument ("during a protest against the tax").
CIRCUMSTANCE = frozenset({"during", "after", "before", "amid", "despite", "following", "since", "until", "over"})
_SCORE = re.compile(r"^\d{1,3}[-–]\d{1,3}$")


@dataclass(frozen=True)
class SenseRule:
    """One row of ``violence.tsv``."""

    kind: str
    triggers: frozenset[str]
    words: frozenset[str]
    example: str
    violent: bool


@dataclass
class SenseRules:
    """The rows of ``violence.tsv`` gathered by kind."""

    rules: list[SenseRule]
    by_kind: dict[str, frozenset[str]] = field(default_factory=dict)
    never: dict[str, frozenset[str]] = field(default_factory=dict)  # trigger lemma ("*": any) → words

    def __post_init__(self) -> None:
        kinds: dict[str, set[str]] = {}
        never: dict[str, set[str]] = {}
        for rule in self.rules:
            if rule.kind in ("never", "speech"):
                for trig in rule.triggers:
                    never.setdefault(trig, set()).update(rule.words)
            else:
                kinds.setdefault(rule.kind, set()).update(rule.words)
        self.by_kind = {k: frozenset(v) for k, v in kinds.items()}
        self.never = {k: frozenset(v) for k, v in never.items()}

    def words(self, kind: str) -> frozenset[str]:
        return self.by_kind.get(kind, frozenset())

    @cached_property
    def speech(self) -> dict[str, frozenset[str]]:
        """Trigger lemma → the words that say it is done in words (the "speech" rows)."""
        out: dict[str, set[str]] = {}
        for rule in self.rules:
            if rule.kind == "speech":
                for trig in rule.triggers:
                    out.setdefault(trig, set()).update(rule.words)
        return {k: frozenset(v) for k, v in out.items()}

    @cached_property
    def verbal_triggers(self) -> frozenset[str]:
        """Triggers that a person's doing makes words, not blows, when nothing in the sentence hurts."""
        return frozenset(t for r in self.rules if r.kind == "verbal" for t in r.triggers)


@lru_cache(maxsize=4)
def sense_rules(path: str | Path = "events/violence.tsv") -> SenseRules:
    """The sense rules of ``path`` (a shipped table by default), loaded once per process."""
    rows = []
    for row in read_table(path, header=True, width=5, strip=True):
        kind, triggers, words, example, violent = row
        if kind not in KINDS:
            raise UsageError(f"{path}: unknown kind {kind!r} in row {row!r}")
        rows.append(SenseRule(kind, frozenset(triggers.split("|")), frozenset(words.split("|")), example,
                              violent == "yes"))
    return SenseRules(rows)


def is_violent(category: str, mode: str | None, acled: str | None) -> bool:
    """Whether a coding is a violent one that needs a violent sense."""
    return category == "ASSAULT" or acled in VIOLENT_ACLED or (category == "COERCE" and mode in VIOLENT_COERCE_MODES)


def _lemma(tok: Any) -> str:
    return str(tok.lemma_).lower()


def _argument_tokens(trigger: Any) -> list[Any]:
    """The tokens of the trigger's argument phrases (not the clauses under it)."""
    out = []
    frontier = [c for c in trigger.children if c.dep_ in _ARG_DEPS and c.lower_ not in CIRCUMSTANCE]
    while frontier:
        tok = frontier.pop()
        out.append(tok)
        frontier.extend(c for c in tok.children if (c.dep_ in _ARG_DEPS or c.dep_ in ("pobj", "det"))
                        and c.lower_ not in CIRCUMSTANCE)
    return out


def argument_words(trigger: Any) -> set[str]:
    """Lemmas and forms of the words in the trigger's argument phrases (not the clauses under it)."""
    return {w for tok in _argument_tokens(trigger) for w in (_lemma(tok), tok.lower_)}


def causes(trigger: Any) -> list[Any]:
    """The doer of the trigger: its subject, the agent of a passive, or the noun a relative clause
    hangs on ("flooding that killed ...")."""
    out = [c for c in trigger.children if c.dep_ in ("nsubj", "csubj")]
    out += [g for c in trigger.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
    if trigger.dep_ in ("relcl", "acl") and (not out or out[0].lower_ in ("that", "which")):
        out.append(trigger.head)
    if not out and trigger.dep_ in ("advcl", "xcomp", "conj") and trigger.head.i != trigger.i:
        return causes(trigger.head)  # "floods hit the town, killing three": the floods killed
    return out


def _has_object(trigger: Any) -> bool:
    """The trigger acts on something: an object, a passive subject, or "attacks on ..."."""
    return any(c.dep_ in ("dobj", "nsubjpass") or (c.dep_ == "prep" and c.lower_ in ("on", "against", "upon"))
               for c in trigger.children)


def _names(tokens: list[Any], words: frozenset[str]) -> bool:
    """Whether one of ``tokens`` is one of ``words`` (by lemma or form)."""
    return any(_lemma(t) in words or t.lower_ in words for t in tokens)


def _shared_object(trigger: Any) -> set[str]:
    """The object a trigger shares with a verb joined to it ("kill and sacrifice animals")."""
    if any(c.dep_ == "dobj" for c in trigger.children):
        return set()
    joined = [c for c in trigger.children if c.dep_ == "conj"]
    objects = [o for v in joined if v.pos_ == "VERB" for o in v.children if o.dep_ == "dobj"]
    objects += [v for v in joined if v.pos_ == "NOUN"]  # the parser's "kill and sacrifice animals"
    return {w for o in objects for t in o.subtree for w in (_lemma(t), t.lower_)}


def _armed_modifier(tok: Any, armed: frozenset[str]) -> bool:
    """"artillery fire", "rocket fire": a hazard word made a weapon by its modifier."""
    return any(c.dep_ in ("compound", "amod", "nmod") and (_lemma(c) in armed or c.lower_ in armed)
               for c in tok.children)


def accident(trigger: Any, hazards: frozenset[str], weapons: frozenset[str]) -> bool:
    """A death told as the outcome of an accident verb, with no weapon in the sentence: "killed when
    the train derailed", "the coach overturned on the pass, killing six"."""
    verbs = [c for c in trigger.children if c.dep_ == "advcl"]
    if trigger.dep_ in ("advcl", "xcomp", "conj") and trigger.head.i != trigger.i:
        verbs.append(trigger.head)
    if not any(v.pos_ == "VERB" and _lemma(v) in hazards for v in verbs):
        return False
    return not any(_lemma(t) in weapons or t.lower_ in weapons for t in trigger.sent if t.i != trigger.i)


def never_violent(trigger: Any, rules: SenseRules) -> bool:
    """The trigger's arguments name a sense that is no violence ("shell out", "fire 200 workers"),
    or its doer is a hazard ("floods hit Colorado")."""
    hazards = rules.words("cause")
    armed = rules.words("weapon") | rules.words("armed")
    if any((_lemma(t) in hazards or t.lower_ in hazards) and not _armed_modifier(t, armed) for t in causes(trigger)):
        return True  # "floods hit the town" (not "mortar rounds hit the village")
    if accident(trigger, hazards, rules.words("weapon")):
        return True
    words = argument_words(trigger) | _shared_object(trigger)
    if trigger.dep_ == "amod" and trigger.i > 0 and trigger.nbor(-1).text in ("-", "–"):
        return True  # "coal-fired", "rapid-fire": a compound adjective
    if any(t.text in ("-", "–") and t.i + 1 == trigger.i for t in trigger.lefts):
        return True
    if words & rules.never.get(_lemma(trigger), frozenset()):
        return True
    objects = {w for c in trigger.children if c.dep_ in _OBJECT_DEPS
               for t in c.subtree for w in (_lemma(t), t.lower_)}
    return bool(objects & rules.never.get("*", frozenset()))


def person_doer(trigger: Any, rules: SenseRules, sources: list[Actor], people: frozenset[str]) -> bool:
    """A named person (or "he", "she") attacks, targets or hits: a politician's words, unless the
    sentence names a weapon or harm ("the senator attacked her rival over the budget", not "Smith attacked a
    guard with a knife")."""
    if _lemma(trigger) not in rules.verbal_triggers:
        return False
    pronouns = rules.words("verbal")
    if any(a.entity_id in people for a in sources if a.entity_id):
        return True  # the article knows the doer as a person, whatever the parser tagged
    return any(t.ent_type_ == "PERSON" or t.lower_ in pronouns for t in causes(trigger))


def criticism(trigger: Any, rules: SenseRules, sources: list[Actor], people: frozenset[str]) -> bool:
    """A violent trigger found to be no violence is criticism of its target when a person does it or
    it is done in words ("attacked the mayor in late-night posts"); with no target it is nothing
    ("Rovers attacked from the first whistle")."""
    lemma = _lemma(trigger)
    if lemma not in CRITICISE or not _has_object(trigger):
        return False
    said = rules.speech.get(lemma, frozenset())
    return bool(argument_words(trigger) & said) or person_doer(trigger, rules, sources, people)


def violent_sense(trigger: Any, sentence: list[Any], sources: list[Actor], targets: list[Any],
                  rules: SenseRules | None = None, weapons: frozenset[str] = frozenset(),
                  people: frozenset[str] = frozenset()) -> bool:
    """Whether ``trigger`` (already coded as violent) is violence in this sentence.

    ``sources`` are the event's actors, ``targets`` its target tokens, ``weapons`` more weapon
    words (the instrument table's), ``people`` the ids of the article's PERSON entities.
    """
    rules = rules or sense_rules()
    if never_violent(trigger, rules):
        return False
    if _lemma(trigger) in rules.words("self") or trigger.lower_ in rules.words("self"):
        return True
    if any(a.sector in ARMED_SECTORS for a in sources):
        return True
    others = [t for t in sentence if t.i != trigger.i]
    armed = _names(others, weapons) or _names(others, rules.words("weapon"))
    if not armed and any(_SCORE.match(t.text) for t in others):
        return False  # "thrash Rovers 4-2", "firing a hat-trick that killed off their hopes"
    hurt = armed or _names(others, rules.words("harm"))
    if person_doer(trigger, rules, sources, people):
        return hurt
    if hurt or _names(others, rules.words("armed")):
        return True
    if any(_lemma(t) in rules.words("context") for t in others):
        return False
    harmable = rules.words("target")
    if any(_lemma(t) in harmable or t.ent_type_ in _PLACE_TYPES for t in targets):
        return True
    around = _argument_tokens(trigger)
    if trigger.dep_ in ("nsubj", "nsubjpass"):  # "fighting broke out in Kosovo"
        around += [t for t in _argument_tokens(trigger.head) if t.i != trigger.i and t.dep_ != "nsubj"]
    if any(t.ent_type_ in _PLACE_TYPES for t in around):
        return True  # "fighting in Kosovo", "clashes near Tuzla"
    return any(a.country or a.group for a in sources) and any(t.ent_type_ in ("NORP", "ORG") for t in targets)


def is_prose(sentence: list[Any]) -> bool:
    """A sentence of prose: three words or more, a verb, not a title-case line or a menu command.

    "Free Sign Up.", "Subscribe to our newsletter", "Meta Outage Hits Facebook" are not.
    """
    words = [t for t in sentence if t.is_alpha]
    if len(words) < 3 or not any(t.pos_ in ("VERB", "AUX") for t in sentence):
        return False
    if words[0].tag_ == "VB" and not any(t.dep_ in ("nsubj", "nsubjpass", "expl") for t in sentence):
        return False  # an imperative line: "Sign up now", "Read more about ..."
    long_words = [t for t in words[1:] if len(t) > 3]
    capitalised = [t for t in long_words if t.text[0].isupper()]
    verb_in_lower_case = any(t.pos_ == "VERB" and t.text.islower() for t in words[1:])
    if long_words and len(capitalised) == len(long_words) and not verb_in_lower_case:
        return False  # "Free Sign Up.", "Rebels Attack Army Base In North" (not "Prime Minister X met President Y.")
    ending = sentence[-1].text
    return ending in (".", "!", "?", '"', "'", "”", "’", ":", ";") or len(capitalised) < 0.6 * len(long_words)
