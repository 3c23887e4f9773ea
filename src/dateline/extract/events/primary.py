"""The primary event of an article: the happening its lead reports, so a report can be classed whole.

Events of the first sentences weigh most (news puts the headline happening first), then the
sentence's main predicate (the event's confidence), an event that occurred over one claimed,
planned or denied, and material over verbal action. Exactly one event of an article with events
is marked ``primary``.
"""

from __future__ import annotations

from ...model import Event

#: Weight of an event by the rank of its sentence in the article (first, second, third ...).
LEAD_WEIGHT = (0.5, 0.3, 0.15)
MODALITY_WEIGHT = {"occurred": 0.15, "claimed": 0.1, "planned": 0.0, "hypothetical": -0.05, "denied": -0.1,
                   "negated": -0.15}


def primary_score(event: Event, rank: int) -> float:
    """How well ``event``, in the article's ``rank``-th sentence with events, stands for the article."""
    lead = LEAD_WEIGHT[rank] if rank < len(LEAD_WEIGHT) else 0.0
    material = 0.05 if event.quad_class in (2, 4) else 0.0
    return lead + event.confidence + MODALITY_WEIGHT.get(event.modality, 0.0) + material


def mark_primary(events: list[Event]) -> Event | None:
    """Mark the article's primary event (``primary=True``) and return it; None without events."""
    for event in events:
        event.primary = False
    if not events:
        return None
    starts = sorted({e.sentence_span.start for e in events})
    rank = {start: n for n, start in enumerate(starts)}
    best = max(events, key=lambda e: (primary_score(e, rank[e.sentence_span.start]), -e.trigger_span.start))
    best.primary = True
    return best
