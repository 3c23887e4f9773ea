"""Party and nationality words as attributes of the people and groups they describe.

"Republican Donald Trump", "Democratic nominee Hillary Clinton", "the French minister Jean-Marc
Ayrault": the NORP word gives the person an ``affiliation`` (the party's canonical name, from
``adjectives.tsv``) or a ``nationality`` (ISO alpha-3). The word's own entity is marked as an
attribute (its ``affiliation`` or ``nationality`` set) so listings leave it out, while its mentions
and country stay for actor and speaker coding.
"""

from __future__ import annotations

import re

from ...model import Entity, Mention
from .tables import country_word, party_words

#: Between the word and the name: lowercase role words or title-case titles, no punctuation.
_BETWEEN = re.compile(r"^[\s\w.-]{0,60}$")


def attribute_of(text: str) -> tuple[str, str] | None:
    """("affiliation", party) or ("nationality", iso3) for a party or nationality word, else None."""
    party = party_words().get(text.casefold())
    if party:
        return "affiliation", party
    word = country_word(text)
    if word is not None and word.kind in {"adjective", "demonym"}:
        return "nationality", word.iso3
    return None


def _holder(norp: Mention, after: list[Mention], text: str) -> Mention | None:
    """The PERSON mention a word describes: the next one, with only its role in between."""
    nxt = next((m for m in after if m.span.start >= norp.span.end), None)
    if nxt is None or nxt.label != "PERSON":
        return None
    between = text[norp.span.end : nxt.span.start]
    if not _BETWEEN.match(between) or "\n" in between:
        return None
    words, role = between.split(), nxt.role or ""
    plain = len(words) <= 3 and all(w.islower() for w in words)  # "nominee", "presidential candidate"
    return nxt if plain or between.strip() in role else None


def assign_attributes(text: str, mentions: list[Mention], entities: list[Entity]) -> None:
    """Set ``affiliation``/``nationality`` on the people that party and nationality words describe,
    and on the words' own NORP entities (which marks them as attributes)."""
    by_id = {e.id: e for e in entities}
    ordered = sorted(mentions, key=lambda m: m.span.start)
    for i, m in enumerate(ordered):
        if m.label != "NORP":
            continue
        found = attribute_of(m.text)
        if found is None:
            continue
        kind, value = found
        own = by_id.get(m.entity_id or "")
        if own is not None:
            setattr(own, kind, value)
        holder = _holder(m, ordered[i + 1 :], text)
        person = by_id.get(holder.entity_id or "") if holder is not None else None
        if person is not None and getattr(person, kind) is None:
            setattr(person, kind, value)
