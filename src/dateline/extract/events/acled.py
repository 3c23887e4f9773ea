"""ACLED sub-event types and news topics from the words of an event's sentence.

The rows of ``data/events/acled.tsv`` tell the codebook's distinctions apart (Armed clash from
Attack, Government regains territory from Non-state actor overtakes territory, Protest with
intervention from Excessive force against protesters, Disrupted weapons use, ...) and name five
topics ACLED does not code (natural disaster, man-made disaster, organised crime, diplomatic
event, attribution of responsibility). :func:`refine` recodes one event; :func:`report_label`
classes a whole report by its primary event, or by its words when it has no event.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from ...model import Event
from ...tables import read_table

TOPIC = "topic"
NO_EVENT = "-"
NONE_LABEL = "none"
#: Topics that name a report better than the event's own ACLED type.
LEADING_TOPICS = frozenset({"attribution of responsibility"})


@dataclass(frozen=True)
class TypeRule:
    """One row of ``acled.tsv``."""

    label: str
    event_type: str
    cues: tuple[frozenset[str], ...]
    categories: frozenset[str]

    def fits(self, category: str | None, words: set[str]) -> bool:
        if category is None:
            ok = NO_EVENT in self.categories or "*" in self.categories
        else:
            ok = category in self.categories or "*" in self.categories
        return ok and all(group & words for group in self.cues)


@lru_cache(maxsize=4)
def type_rules(path: str | Path = "events/acled.tsv") -> tuple[TypeRule, ...]:
    """The rows of ``path`` (the shipped table by default), in order."""
    out = []
    for label, event_type, cues, categories in read_table(path, header=True, width=4, strip=True):
        if not label or not cues:
            raise ValueError(f"{path}: a row needs a label and cues: {label!r}")
        groups = tuple(frozenset(w.strip() for w in g.split("|") if w.strip()) for g in cues.split(";"))
        out.append(TypeRule(label, event_type, groups, frozenset(categories.split("|"))))
    return tuple(out)


def words_of(tokens: Iterable[Any]) -> set[str]:
    """Lower-case forms and lemmas of ``tokens``."""
    return {w for t in tokens for w in (t.lower_, str(t.lemma_).lower())}


def acled_type(category: str, words: set[str], rules: tuple[TypeRule, ...] | None = None) -> tuple[str, str] | None:
    """(ACLED event type, sub-event type) of the first ACLED row an event of ``category`` fits."""
    rules = rules if rules is not None else type_rules()
    found = next((r for r in rules if r.event_type != TOPIC and r.fits(category, words)), None)
    return (found.event_type, found.label) if found is not None else None


def topic_of(category: str, words: set[str], rules: tuple[TypeRule, ...] | None = None) -> str | None:
    """The topic of the first topic row an event of ``category`` fits."""
    rules = rules if rules is not None else type_rules()
    return next((r.label for r in rules if r.event_type == TOPIC and r.fits(category, words)), None)


def report_label(events: list[Event], words: set[str], rules: tuple[TypeRule, ...] | None = None) -> str:
    """The class of a report: its primary event's topic (attribution) or ACLED sub-event type, else
    its topic, else the first row its words fit; "none" when nothing fits."""
    rules = rules if rules is not None else type_rules()
    primary = next((e for e in events if e.primary), None)
    if primary is not None:
        if primary.topic in LEADING_TOPICS:
            return primary.topic or NONE_LABEL
        if primary.acled_sub_event_type:
            return primary.acled_sub_event_type
        if primary.topic:
            return primary.topic
    found = next((r for r in rules if r.fits(None, words)), None)
    return found.label if found is not None else NONE_LABEL
