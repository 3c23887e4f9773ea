"""Names in photo captions: their mentions point into the caption, their entities join the body's.

A caption often names people the body does not ("Iraqi Foreign Minister Fouad Hussein and his
American counterpart ..."), with their titles. Caption mentions keep spans into ``captions[N].text``
(``Mention.field = "caption:N"``) and live in ``Article.caption_mentions``, so steps that read the
body's offsets never see them; their entities are folded into the article's entities.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from ...model import Entity, Mention, MergeEvidence
from .matching import match_corpus

Extract = Callable[[Any], tuple[list[Mention], list[Entity]]]


def _fold(target: Entity, other: Entity, rule: str) -> None:
    names = [other.name, *other.aliases]
    target.aliases = list(dict.fromkeys([*target.aliases, *(n for n in names if n != target.name)]))
    target.roles = list(dict.fromkeys([*target.roles, *other.roles]))
    target.country = target.country or other.country
    target.mentions += other.mentions
    target.evidence += [MergeEvidence(e.mention, e.span, f"caption:{rule}") for e in other.evidence]
    for m in other.mentions:
        m.entity_id = target.id


def caption_entities(
    docs: Sequence[Any], entities: list[Entity], extract: Extract
) -> tuple[list[Mention], list[Entity]]:
    """Mentions found in caption ``docs`` and the article's ``entities`` with the captions' folded in."""
    mentions: list[Mention] = []
    merged = list(entities)
    for index, doc in enumerate(docs):
        found, found_entities = extract(doc)
        for m in found:
            m.field = f"caption:{index}"
        mentions += found
        for ent in found_entities:
            same = next((e for e in merged if e.id == ent.id), None)
            hit = (same, "exact") if same else match_corpus(ent, merged)
            if hit is None:
                for ev in ent.evidence:
                    ev.rule = f"caption:{ev.rule}"
                merged.append(ent)
            else:
                _fold(hit[0], ent, hit[1])
    return mentions, merged
