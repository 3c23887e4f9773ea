"""The shipped entity tables: organisation aliases and the words that make a person's role.

Both live in ``data/entities/`` as TSV files written for this package and are read once.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ...model import normalise_key
from ...tables import read_table

_LEADING_THE = re.compile(r"^(?:the|a|an)\s+", re.IGNORECASE)
_POSSESSIVE = re.compile(r"\s*['’]s?$")


@dataclass(frozen=True)
class Alias:
    """One row of ``aliases.tsv``: a variant and the canonical entity it names."""

    variant: str
    canonical: str
    type: str
    country: str | None


def _read(name: str) -> list[list[str]]:
    return read_table(f"entities/{name}", header=True, strip=True)


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
    for row in _read("aliases.tsv"):
        variant, canonical, type_ = row[0], row[1], row[2]
        country = row[3] if len(row) > 3 and row[3] else None
        table.setdefault(name_key(canonical), Alias(canonical, canonical, type_, country))
        table[name_key(variant)] = Alias(variant, canonical, type_, country)
    return table


def alias_of(text: str) -> Alias | None:
    """The alias row for a mention text, or None."""
    return aliases().get(name_key(text))


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
