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

from ...errors import UsageError
from ...model import Event
from ...tables import read_table

TOPIC = "topic"
NO_EVENT = "-"
NONE_LABEL = "none"
#: Topics that name a report better than the event's own ACLED type.
LEADING_TOPICS = frozenset({"attribution of responsibility"})
#: Topics that name a report better than a non-violent strategic development ("floods destroyed
#: 300 homes" is a disaster, not property destruction); organised crime only over the police's own
#: acts (arrests and seizures of drugs or money), not over looting by gangs.
OVER_DEVELOPMENTS = frozenset({"natural disaster", "man-made disaster"})
CRIME = "organised crime"
POLICE_MODES = frozenset({"detain", "confiscate", "arrest"})
DEVELOPMENTS = "Strategic developments"


@dataclass(frozen=True)
class TypeRule:
    """One row of ``acled.tsv``."""

    label: str
    event_type: str
    cues: tuple[frozenset[str], ...]
    categories: frozenset[str]
    absent: frozenset[str] = frozenset()
    example: str = ""

    def fits(self, category: str | None, words: set[str]) -> bool:
        if category is None:
            ok = NO_EVENT in self.categories or "*" in self.categories
        else:
            ok = category in self.categories or "*" in self.categories
        return ok and all(group & words for group in self.cues) and not self.absent & words


@lru_cache(maxsize=4)
def type_rules(path: str | Path = "events/acled.tsv") -> tuple[TypeRule, ...]:
    """The rows of ``path`` (the shipped table by default), in order.

    A cue group written ``!a|b`` lists words that must not be in the sentence.
    """
    out = []
    for label, event_type, cues, categories, example in read_table(path, header=True, width=5, strip=True):
        if not label or not cues:
            raise UsageError(f"{path}: a row needs a label and cues: {label!r}")
        parts = [g.strip() for g in cues.split(";")]
        groups = tuple(_words(g) for g in parts if not g.startswith("!"))
        absent = frozenset().union(*(_words(g[1:]) for g in parts if g.startswith("!")))
        if not groups:
            raise UsageError(f"{path}: a row needs a cue group without '!': {label!r}")
        out.append(TypeRule(label, event_type, groups, frozenset(categories.split("|")), absent, example))
    return tuple(out)


def _words(group: str) -> frozenset[str]:
    return frozenset(w.strip() for w in group.split("|") if w.strip())


#: Entity types whose words never cue a type ("On 3 March": the month is no march).
_NO_CUE_ENTS = frozenset({"DATE", "TIME"})


def words_of(tokens: Iterable[Any]) -> set[str]:
    """Lower-case forms and lemmas of ``tokens`` (a spaCy Doc or Span, or a list of tokens), not of
    date and time phrases (a token's entity type is its phrase's: ``Span.ents`` would rebuild every
    entity of the document for each sentence)."""
    return {w for t in tokens if t.ent_type_ not in _NO_CUE_ENTS for w in (t.lower_, str(t.lemma_).lower())}


@lru_cache(maxsize=256)
def _rows_for(rules: tuple[TypeRule, ...], category: str, topics: bool) -> tuple[TypeRule, ...]:
    """The rows of ``rules`` (topic rows or type rows) that may recode an event of ``category``."""
    return tuple(r for r in rules if (r.event_type == TOPIC) == topics
                 and (category in r.categories or "*" in r.categories))


def acled_type(category: str, words: set[str], rules: tuple[TypeRule, ...] | None = None) -> tuple[str, str] | None:
    """(ACLED event type, sub-event type) of the first ACLED row an event of ``category`` fits."""
    rules = rules if rules is not None else type_rules()
    found = next((r for r in _rows_for(rules, category, False) if r.fits(category, words)), None)
    return (found.event_type, found.label) if found is not None else None


def topic_of(category: str, words: set[str], rules: tuple[TypeRule, ...] | None = None) -> str | None:
    """The topic of the first topic row an event of ``category`` fits."""
    rules = rules if rules is not None else type_rules()
    return next((r.label for r in _rows_for(rules, category, True) if r.fits(category, words)), None)


def topic_leads(event: Event) -> bool:
    """Whether the event's topic names its report better than its ACLED type (see ``OVER_DEVELOPMENTS``)."""
    if event.topic in LEADING_TOPICS or not event.acled_sub_event_type:
        return True
    developing = event.acled_event_type == DEVELOPMENTS
    if event.topic in OVER_DEVELOPMENTS:
        return developing
    return event.topic == CRIME and developing and event.mode in POLICE_MODES


def report_label(events: list[Event], words: set[str], rules: tuple[TypeRule, ...] | None = None) -> str:
    """The class of a report: its primary event's topic (when :func:`topic_leads`) or ACLED
    sub-event type, else its topic; with no such event, the first type row its words fit unless a
    topic row fits that leads over it; "none" when nothing fits."""
    rules = rules if rules is not None else type_rules()
    primary = next((e for e in events if e.primary), None)
    if primary is not None:
        if primary.topic and topic_leads(primary):
            return primary.topic
        if primary.acled_sub_event_type:
            return primary.acled_sub_event_type
        if primary.topic:
            return primary.topic
    found = next((r for r in rules if r.event_type != TOPIC and r.fits(None, words)), None)
    topic = next((r.label for r in rules if r.event_type == TOPIC and r.fits(None, words)), None)
    if topic is not None and (found is None or topic in LEADING_TOPICS
                              or (topic in OVER_DEVELOPMENTS and found.event_type == DEVELOPMENTS)):
        return topic
    return found.label if found is not None else NONE_LABEL
