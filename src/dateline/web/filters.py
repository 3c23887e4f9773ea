"""Enumerated filter values: a value that no stored fact can hold (``category=NOPE``) is a 422
problem naming the values allowed, never a page or a list that is silently empty.

A value is allowed when it is in dateline's vocabulary (PLOVER categories and ACLED types of the
event tables, modalities, quote types, entity types, countries) or held by the database itself
(the filter menus' values), so every stored value stays selectable.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from fastapi import Request

from ..geo.countries import country_name
from ..store import Reader
from ..tables import read_table
from ..vocab import MODALITIES, QUOTE_TYPES
from .deps import choices
from .problems import Problem

#: spaCy's named-entity labels (the types an entity is stored with).
ENTITY_TYPES = frozenset({"PERSON", "NORP", "FAC", "ORG", "GPE", "LOC", "PRODUCT", "EVENT", "WORK_OF_ART", "LAW",
                          "LANGUAGE"})
#: How many allowed values a problem lists.
SHOWN = 30


@cache
def vocabulary() -> dict[str, frozenset[str]]:
    """The values each enumerated filter takes, from dateline's own tables and vocabularies."""
    lexicon = read_table("events/lexicon.tsv", header=True, width=8, strip=True)
    acled = read_table("events/acled.tsv", header=True, width=5, strip=True)
    acled_types = {r[5] for r in lexicon} | {r[6] for r in lexicon}
    acled_types |= {v for r in acled if r[1] != "topic" for v in (r[0], r[1])}
    return {
        "category": frozenset({r[2].upper() for r in lexicon} - {"NONE", "", "CATEGORY"}),
        "acled": frozenset(acled_types - {""}),
        "modality": frozenset(MODALITIES),
        "type_quote": frozenset(QUOTE_TYPES),
        "type_entity": ENTITY_TYPES,
    }


def _refuse(name: str, value: str, allowed: set[str] | frozenset[str]) -> Problem:
    shown = sorted(allowed)
    listed = ", ".join(shown[:SHOWN]) + (", ..." if len(shown) > SHOWN else "")
    return Problem(422, f"{name}: unknown value {value[:80]!r}; use one of {listed}", errors=[
        {"loc": ["query", name], "msg": f"unknown value; use one of {listed}"}])


def _check(name: str, value: str | None, allowed: set[str] | frozenset[str], fold: bool = False) -> None:
    if not value:
        return
    if (value.upper() if fold else value) not in allowed:
        raise _refuse(name, value, allowed)


def check_events(request: Request, rd: Reader, category: str | None, acled: str | None, country: str | None,
                 modality: str | None) -> None:
    """Raise a 422 Problem for an event filter value no event can hold."""
    if not (category or acled or country or modality):
        return
    known, stored = vocabulary(), _stored(request, rd)
    _check("category", category, known["category"] | {c.upper() for c in stored.get("categories", [])}, fold=True)
    _check("acled", acled, known["acled"] | set(stored.get("acled", [])))
    _check("modality", modality, known["modality"] | set(stored.get("modalities", [])))
    if country and country_name(country.upper()) is None and country.upper() not in stored.get("countries", []):
        raise _refuse("country", country, {c for c in stored.get("countries", []) if c})


def check_quote_type(value: str | None) -> None:
    """Raise a 422 Problem for a quote type that is none of direct, indirect, mixed."""
    _check("type", value, vocabulary()["type_quote"])


def check_entity_type(value: str | None) -> None:
    """Raise a 422 Problem for an entity type that is no named-entity label."""
    _check("type", value, vocabulary()["type_entity"], fold=True)


def _stored(request: Request, rd: Reader) -> dict[str, Any]:
    try:
        return choices(request, rd)
    except Exception:  # noqa: BLE001 - a store without menus allows the vocabulary only
        return {}
