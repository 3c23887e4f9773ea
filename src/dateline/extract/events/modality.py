"""Modality of an event trigger: occurred, planned, claimed, denied, negated or hypothetical.

Read from the trigger's own auxiliaries and negation and from the verbs that govern it
(``data/events/control.tsv``): "will travel" → planned; "denied that ..." → denied; "At no time
did we discuss" → negated; "if"/"unless", "mull", "would" → hypothetical; under a reporting verb or
inside a quote → claimed. When several apply, the first of negated, denied, hypothetical, planned,
claimed wins.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, cast

from ...model import Quote
from ...vocab import Modality
from ..span_index import index_of, memo
from .lexicon import lexicon

ORDER = ("negated", "denied", "hypothetical", "planned", "claimed", "occurred")
FUTURE_AUX = frozenset({"will", "shall", "'ll", "wo"})
MAYBE_AUX = frozenset({"would", "could", "might", "may", "'d"})
NEG_WORDS = frozenset({"not", "n't", "never", "no", "nt"})
COND_MARKS = frozenset({"if", "unless", "whether"})
#: Nouns whose infinitive is an event not yet done ("plans to meet"; not "a bid to topple").
PLAN_NOUNS = frozenset({"plan", "intention", "intent", "proposal"})
#: Dependencies through which a governing verb reaches an event under it.
GOVERNED = frozenset({"xcomp", "ccomp", "conj", "acomp", "pcomp", "pobj", "prep", "advcl", "dobj", "attr", "nsubj", "nsubjpass"})


@dataclass
class Reading:
    modality: Modality = "occurred"
    reporter: Any = None  # token: the subject of the reporting or denying verb
    report_verb: Any = None
    source_quote: int | None = None
    refusal: bool = False  # a negated intention: "will not accept", "would not meet"

    def add(self, modality: Modality) -> None:
        if ORDER.index(modality) < ORDER.index(self.modality):
            self.modality = modality


def _negated(tok: Any) -> bool:
    for child in tok.children:
        if child.dep_ == "neg" or (child.dep_ == "advmod" and child.lower_ == "never"):
            return True
        if child.dep_ in ("npadvmod", "prep", "advmod") and any(
            g.dep_ == "det" and g.lower_ == "no" for g in child.subtree
        ):
            return True  # "At no time did we ...", "in no way"
        if child.dep_ == "advmod" and child.lower_ == "longer" and any(g.lower_ == "no" for g in child.children):
            return True
    return False


def _subject(verb: Any) -> Any | None:
    return next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)


def read(trigger: Any, quotes: list[Quote] | None = None, control: dict[str, str] | None = None) -> Reading:
    """The modality of the event at ``trigger`` and who reports it."""
    control = control if control is not None else lexicon().control
    out = Reading()
    verb = trigger
    described = next((c for c in trigger.children if c.dep_ == "acl" and c.tag_ == "VBN"), None)
    if trigger.pos_ in ("NOUN", "PROPN") and described is not None:
        verb = described  # "the proposal presented Friday": read the participle, not the sentence
    elif trigger.pos_ in ("NOUN", "PROPN", "ADJ") and trigger.dep_ in ("dobj", "attr", "nsubj", "nsubjpass", "acomp"):
        verb = trigger.head  # "held talks": read the verb's auxiliaries
    if _negated(verb) or (verb.i != trigger.i and _negated(trigger)):
        out.add("negated")
    aux = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
    if aux & FUTURE_AUX or ("going" in aux and any(c.lower_ == "to" for c in verb.children)):
        out.add("planned")
    if any(c.dep_ == "mark" and c.lower_ in COND_MARKS for c in verb.children):
        out.add("hypothetical")
    would = bool(aux & MAYBE_AUX)
    if out.modality == "negated" and aux & (FUTURE_AUX | MAYBE_AUX | {"can", "ca"}):
        out.refusal = True
    cur = verb
    for _ in range(0 if described is not None else 8):
        if cur.head.i == cur.i:
            break
        dep, cur = cur.dep_, cur.head
        if dep not in GOVERNED:
            if dep == "acl" and cur.pos_ == "NOUN" and cur.lemma_.lower() in PLAN_NOUNS:
                kind = control.get(cur.lemma_.lower(), "planned")  # "made plans to meet", "their intention to attack"
                out.add("hypothetical" if kind == "hypothetical" else "planned")
            if dep in ("relcl", "acl", "advmod", "npadvmod", "appos"):
                break
            continue
        effect = control.get(cur.lemma_.lower()) or control.get(cur.lower_)
        if effect == "report" and out.reporter is None:
            out.reporter, out.report_verb = _subject(cur), cur
            out.add("claimed")
        elif effect == "deny":
            out.reporter, out.report_verb = _subject(cur), cur
            out.add("denied")
        elif effect in ("planned", "hypothetical") and dep in ("xcomp", "ccomp", "prep", "pcomp"):
            out.add(cast(Modality, effect))
        if _negated(cur) and effect in ("planned", "transparent"):
            out.add("negated")
        if dep == "advcl" and any(c.dep_ == "mark" and c.lower_ in COND_MARKS for c in verb.children):
            out.add("hypothetical")
    if would:  # "said it would ..." is a future seen from the past; "might", "could" stay possible
        past_report = out.report_verb is not None and out.report_verb.tag_ == "VBD"
        out.add("planned" if past_report and aux & {"would", "'d"} else "hypothetical")
    n = _quote_at(quotes or [], trigger.idx)
    if n is not None:
        out.source_quote = n
        out.add("claimed")
    return out


def _content_spans(quotes: list[Quote]) -> list[tuple[int, int, int]]:
    """(start, end, quote number) of every content span of the quotes."""
    return [(s.start, s.end, n) for n, q in enumerate(quotes) for s in q.content_spans]


def _span_of(part: tuple[int, int, int]) -> tuple[int, int]:
    return part[0], part[1]


def _quote_at(quotes: list[Quote], offset: int) -> int | None:
    """The number of the first quote whose content holds ``offset``."""
    parts = memo(quotes, _content_spans, lambda: _content_spans(quotes))
    found = index_of(parts, _span_of).at(offset)
    return min(p[2] for p in found) if found else None

