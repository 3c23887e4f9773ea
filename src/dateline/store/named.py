"""Filters by name that resolve the name to its entities first.

A name the store knows (an entity's name or any of its aliases, case aside) selects the facts of
those entities, so "Kurt Volker" and "Volker" select the same quotes; a name it does not know
("volk") falls back to matching the text of speakers and actors.
"""

from __future__ import annotations

from typing import Any

from .rows import contains

#: The ids of the entities a name names (two parameters: the name twice).
NAMED = (
    "SELECT id FROM entities WHERE name = ? COLLATE NOCASE "
    "UNION SELECT entity_id FROM entity_aliases WHERE alias = ? COLLATE NOCASE"
)


def speaker_condition(name: str) -> tuple[str, list[Any]]:
    """Condition on ``quotes q``: said by an entity ``name`` names, else by a speaker whose text holds it."""
    name = name.strip()
    return (
        f"(q.speaker_entity_id IN ({NAMED}) OR (NOT EXISTS ({NAMED}) AND "
        "(q.speaker LIKE ? ESCAPE '\\' OR q.speaker_mention LIKE ? ESCAPE '\\')))",
        [name, name, name, name, contains(name), contains(name)],
    )


def actor_condition(name: str) -> tuple[str, list[Any]]:
    """Condition on ``events e``: an actor or target is an entity ``name`` names (through
    ``event_entities``, so relinked and corrected entities keep their events), else an actor or
    target whose text holds ``name``."""
    name = name.strip()
    return (
        f"(e.id IN (SELECT ee.event_id FROM event_entities ee WHERE ee.entity_id IN ({NAMED})) OR "
        f"(NOT EXISTS ({NAMED}) AND (e.actors LIKE ? ESCAPE '\\' OR e.targets LIKE ? ESCAPE '\\')))",
        [name, name, name, name, contains(name), contains(name)],
    )
