"""Corpus-level entity linking: is a new article's entity one the corpus already holds?

The store looks candidates up by :func:`corpus_keys` (blocking keys) and asks :func:`match_corpus`
which one, if any, is the same thing. It is conservative: when two candidates fit, or the
countries disagree, there is no match (a wrong merge is worse than a miss).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import lru_cache

from rapidfuzz.fuzz import ratio

from ...model import Entity
from .names import (
    acronym_matches,
    given_name,
    initials,
    is_acronym,
    is_full_name,
    org_shape,
    same_given,
    suffix,
    surname,
)
from .tables import CACHED, alias_of, country_word, name_key, nicknames

_PLACE_TYPES = frozenset({"GPE", "NORP", "LOC"})
_GIVEN_NAME_SIMILARITY = 85.0


def _names(entity: Entity) -> list[str]:
    """The canonical name and the capitalised aliases."""
    return [entity.name, *(a for a in entity.aliases if a[:1].isupper())]


def corpus_keys(entity: Entity) -> set[str]:
    """Blocking keys: ``{"PERSON:blinken", "PERSON:antony blinken"}`` for Antony Blinken.

    Two entities that could be the same share at least one key.
    """
    keys: set[str] = set()
    for name in _names(entity):
        keys |= _name_keys(entity.type, name)
    if entity.type in _PLACE_TYPES and entity.country and country_word(entity.name) is not None:
        keys.add(f"{entity.type}:country:{entity.country}")  # a country's names meet ("US", "United States")
    return {k for k in keys if not k.endswith(":")}


@lru_cache(maxsize=65536)
def _name_keys(type_: str, name: str) -> frozenset[str]:
    """The blocking keys one name of an entity of type ``type_`` gives (see :func:`corpus_keys`)."""
    keys = {f"{type_}:{name_key(name)}"}
    if type_ == "PERSON":
        return frozenset({*keys, f"PERSON:{surname(name)}"})
    alias = alias_of(name)
    if alias is not None:
        keys.add(f"{type_}:{name_key(alias.canonical)}")
    if type_ not in _PLACE_TYPES and not is_acronym(name) and len(name.split()) >= 2:
        keys.add(f"{type_}:{initials(name).casefold()}")
    return frozenset(keys)


def _countries_agree(a: Entity, b: Entity) -> bool:
    return a.country is None or b.country is None or a.country == b.country


def _unique(
    entity: Entity, candidates: Sequence[Entity], test: Callable[[Entity], bool]
) -> Entity | None | bool:
    """The single candidate passing ``test``; None when none does; False when several do."""
    found = {c.id: c for c in candidates if c.type == entity.type and _countries_agree(entity, c) and test(c)}
    if len(found) > 1:
        return False
    return next(iter(found.values()), None)


def _specific_org_keys(entity: Entity) -> set[str]:
    """Name keys of an organisation that identify it anywhere (not a bare "Foreign Ministry")."""
    keys = set()
    for name in _names(entity):
        shape = org_shape(name)
        if shape is not None and shape.country is None and alias_of(name) is None:
            continue
        if is_acronym(name) and alias_of(name) is None:
            continue
        keys.add(name_key(name))
        alias = alias_of(name)
        if alias is not None:
            keys.add(name_key(alias.canonical))
    return keys


Rule = tuple[str, Callable[[Entity], bool]]


def _person_rules(entity: Entity, exact: Rule) -> list[Rule]:
    """A full name: exact, same given name, nickname, a bare surname, a close spelling; a bare
    surname goes to the one full name first, then to the same bare name."""
    last, given, ends = surname(entity.name), given_name(entity.name), suffix(entity.name)
    if not is_full_name(entity.name):
        return [("surname", lambda c: is_full_name(c.name) and surname(c.name) == last), exact]

    def same_person(c: Entity, names_agree: Callable[[str], bool]) -> bool:
        return (
            is_full_name(c.name)
            and surname(c.name) == last
            and suffix(c.name) == ends
            and names_agree(given_name(c.name))
        )

    return [
        exact,
        ("name-variant", lambda c: same_person(c, lambda g: g == given)),
        ("nickname", lambda c: same_person(c, lambda g: (g, given) in nicknames())),
        ("surname", lambda c: not is_full_name(c.name) and surname(c.name) == last),
        (
            "fuzzy",
            lambda c: same_person(
                c,
                lambda g: (
                    g[:1] == given[:1] and ratio(g, given) >= _GIVEN_NAME_SIMILARITY and same_given(g, given)
                ),
            ),
        ),
    ]


def _rules(entity: Entity) -> list[Rule]:
    key = name_key(entity.name)
    exact: Rule = ("exact", lambda c: name_key(c.name) == key)
    rules = [exact]
    if entity.type == "PERSON":
        return _person_rules(entity, exact)
    if entity.type in _PLACE_TYPES:
        if entity.country:
            rules.append(
                ("country-name", lambda c: c.country == entity.country and _same_country_name(entity, c))
            )
        return rules
    mine = _specific_org_keys(entity)
    rules.append(("alias", lambda c: bool(mine & _specific_org_keys(c))))
    shape = org_shape(entity.name)
    if shape is not None and shape.country:
        rules.append(("ministry-variant", lambda c: any(org_shape(n) == shape for n in _names(c))))
    if is_acronym(entity.name) and alias_of(entity.name) is None:
        rules.append(("acronym", lambda c: any(acronym_matches(entity.name, n) for n in _names(c))))
    elif not is_acronym(entity.name):
        rules.append(
            (
                "acronym",
                lambda c: any(acronym_matches(n, entity.name) and alias_of(n) is None for n in _names(c)),
            )
        )
    return rules


def _same_country_name(a: Entity, b: Entity) -> bool:
    """Both are the country itself ("US" and "United States"), not a city or people of it."""

    def is_country(e: Entity) -> bool:
        word = country_word(e.name)
        return word is not None and word.kind in {"name", "adjective", "demonym"}

    return is_country(a) and is_country(b)


def match_corpus(entity: Entity, candidates: Sequence[Entity]) -> tuple[Entity, str] | None:
    """The existing entity ``entity`` is the same as, with the rule, or None.

    Rules are tried strongest first (``exact``, ``name-variant``, ``nickname``, ``surname``, ``fuzzy``,
    ``country-name``, ``alias``, ``ministry-variant``, ``acronym``); a rule that fits two
    candidates ends the search without a match.
    """
    pool = [c for c in candidates if c is not entity]
    for rule, test in _rules(entity):
        found = _unique(entity, pool, test)
        if found is False:
            return None
        if isinstance(found, Entity):
            return found, rule
    return None


CACHED.append(_name_keys)
