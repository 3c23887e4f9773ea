"""The entity tables: organisation aliases, groups (broadcasters, newspapers, parties, armed groups),
party words, given names and the words that make a person's role.

They ship in ``data/entities/`` as TSV files written for this package and are read once;
:class:`EntityTables` names other files (``EntityStep(tables=...)``) and :func:`use` switches to them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from ...geo.countries import CountryWord
from ...geo.countries import country_word as _country_word
from ...model import normalise_key
from ...tables import read_table

_LEADING_THE = re.compile(r"^(?:the|a|an)\s+", re.IGNORECASE)
_POSSESSIVE = re.compile(r"\s*['’]s?$")


@dataclass(frozen=True)
class Alias:
    """One row of ``aliases.tsv`` or ``groups.tsv``: a variant and the canonical entity it names."""

    variant: str
    canonical: str
    type: str
    country: str | None
    kind: str = ""  # groups.tsv: broadcaster, newspaper, agency, party, armed group


@dataclass(frozen=True)
class EntityTables:
    """Where each table is read from: a path relative to ``data/`` or a user's own file."""

    aliases: str | Path = "entities/aliases.tsv"
    groups: str | Path = "entities/groups.tsv"
    roles: str | Path = "entities/roles.tsv"
    given_names: str | Path = "entities/given_names.tsv"
    adjectives: str | Path = "entities/adjectives.tsv"
    constituents: str | Path = "entities/constituents.tsv"
    nicknames: str | Path = "entities/nicknames.tsv"
    first_names: str | Path = "entities/first_names.txt"
    people_groups: str | Path = "entities/people_groups.txt"


_ACTIVE: list[EntityTables] = [EntityTables()]


def use(tables: EntityTables) -> None:
    """Read the tables from ``tables`` from now on (cached lookups are cleared when they change)."""
    if tables == _ACTIVE[0]:
        return
    _ACTIVE[0] = tables
    for cached in CACHED:
        cached.cache_clear()


def _read(name: str, header: bool = True) -> list[list[str]]:
    path = getattr(_ACTIVE[0], name.removesuffix(".tsv").removesuffix(".txt"))
    return read_table(path, header=header, strip=True)


@lru_cache(maxsize=65536)
def strip_name(text: str) -> str:
    """A name without a leading article or a trailing possessive: "the Foreign Ministry's" → "Foreign Ministry"."""
    return _POSSESSIVE.sub("", _LEADING_THE.sub("", text.strip())).strip()


@lru_cache(maxsize=65536)
def name_key(text: str) -> str:
    """Identity key of a name: article and possessive dropped, punctuation removed, case folded."""
    return normalise_key(strip_name(text))


@lru_cache(maxsize=1)
def aliases() -> dict[str, Alias]:
    """Key of a variant (see :func:`name_key`) → its row. Canonical names are variants of themselves."""
    table: dict[str, Alias] = {}
    for row in _read("aliases.tsv") + _read("groups.tsv"):
        variant, canonical, type_ = row[0], row[1], row[2]
        country = row[3] if len(row) > 3 and row[3] else None
        kind = row[4] if len(row) > 4 else ""
        table.setdefault(name_key(canonical), Alias(canonical, canonical, type_, country, kind))
        table[name_key(variant)] = Alias(variant, canonical, type_, country, kind)
    return table


@lru_cache(maxsize=1)
def party_words() -> dict[str, str]:
    """Case-folded party adjective or member noun → the party's canonical name (``adjectives.tsv``)."""
    return {row[0].casefold(): row[1] for row in _read("adjectives.tsv") if len(row) > 1}


@lru_cache(maxsize=1)
def constituents() -> dict[str, str]:
    """Key of a constituent country's name or word ("scottish") → its name ("Scotland")."""
    out = {}
    for row in _read("constituents.tsv"):
        for word in [row[0], *(row[1].split("|") if len(row) > 1 else [])]:
            out[name_key(word)] = row[0]
    return out


@lru_cache(maxsize=1)
def given_names() -> dict[str, str]:
    """Key of a given name → "m" or "f" (``given_names.tsv``)."""
    return {name_key(row[0]): row[1] for row in _read("given_names.tsv") if len(row) > 1}


@lru_cache(maxsize=1)
def first_names() -> frozenset[str]:
    """Keys of words that are mostly a person's given name in news (``first_names.txt``, one per
    line, and the names of ``given_names.tsv``)."""
    return frozenset(name_key(row[0]) for row in _read("first_names.txt", header=False) if row) | set(given_names())


@lru_cache(maxsize=1)
def nicknames() -> frozenset[tuple[str, str]]:
    """Keys of given names that may name one person, both ways round ("bill", "william")."""
    pairs = [(name_key(row[0]), name_key(row[1])) for row in _read("nicknames.tsv") if len(row) > 1]
    return frozenset(pairs + [(b, a) for a, b in pairs])


@lru_cache(maxsize=1)
def formal_names() -> dict[str, str]:
    """Key of a short given name → key of its one full form ("joe" → "joseph"); a short form of two
    full names ("pat": Patrick, Patricia) has none."""
    fulls: dict[str, set[str]] = {}
    for row in _read("nicknames.tsv"):
        if len(row) > 1:
            fulls.setdefault(name_key(row[0]), set()).add(name_key(row[1]))
    return {short: next(iter(found)) for short, found in fulls.items() if len(found) == 1}


@lru_cache(maxsize=65536)
def country_word(text: str) -> CountryWord | None:
    """:func:`dateline.geo.countries.country_word`, memoised: the same names come up again and again.
    An abbreviation whose final stop was trimmed off as punctuation ("U.S") is read with it."""
    found = _country_word(text)
    if found is None and "." in text and text[-1:].isalpha():
        return _country_word(text + ".")
    return found


#: Generic last words that leave the name they follow unchanged ("the ISIS group" is ISIS).
_GENERIC_TAILS = frozenset({"organization", "organisation", "group", "militia", "militants", "network"})


def alias_of(text: str) -> Alias | None:
    """The alias row for a mention text, or for it without a generic last word ("group",
    "organization", "militia", "network"), or None."""
    key = name_key(text)
    found = aliases().get(key)
    if found is None and " " in key:
        head, _, last = key.rpartition(" ")
        if last in _GENERIC_TAILS:
            return aliases().get(head)
    return found


@lru_cache(maxsize=1)
def people_groups() -> frozenset[str]:
    """Keys of words naming groups of people ("Latinos", "Evangelicals"; ``people_groups.txt``)."""
    return frozenset(name_key(row[0]) for row in _read("people_groups.txt", header=False) if row)


@lru_cache(maxsize=1)
def role_words() -> dict[str, str]:
    """Case-folded role word or phrase → kind (title, descriptor, modifier, institution, honorific).

    A word listed twice keeps its first kind except that ``title`` entries are reachable by their
    exact spelling through :func:`titles`.
    """
    out: dict[str, str] = {}
    for word, kind in (row[:2] for row in _read("roles.tsv")):
        out.setdefault(word.casefold(), kind)
    return out


@lru_cache(maxsize=1)
def titles() -> frozenset[str]:
    """Case-folded titles that may stand right before a name ("president", "secretary of state")."""
    return frozenset(row[0].casefold() for row in _read("roles.tsv") if row[1] == "title")


@lru_cache(maxsize=1)
def role_heads() -> frozenset[str]:
    """Case-folded single words that can head a role: every title word and descriptor."""
    heads = {row[0].casefold() for row in _read("roles.tsv") if row[1] in {"title", "descriptor"}}
    return frozenset(h for h in heads if " " not in h)


@lru_cache(maxsize=1)
def role_fillers() -> frozenset[str]:
    """Case-folded words allowed inside a role besides heads: modifiers and institution words."""
    return frozenset(row[0].casefold() for row in _read("roles.tsv") if row[1] in {"modifier", "institution"})


@lru_cache(maxsize=1)
def honorifics() -> frozenset[str]:
    """Case-folded honorifics ("mr.", "mrs") that are dropped from names and not kept as roles."""
    return frozenset(row[0].casefold() for row in _read("roles.tsv") if row[1] == "honorific")


#: Cached lookups that depend on the tables; modules with their own add theirs.
CACHED: list[Any] = [
    aliases,
    constituents,
    party_words,
    given_names,
    first_names,
    people_groups,
    nicknames,
    formal_names,
    role_words,
    titles,
    role_heads,
    role_fillers,
    honorifics,
]
