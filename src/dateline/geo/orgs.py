"""Organisations and their home countries (``data/events/actors.tsv``), and sector words.

"Hamas" → PSE, "the UN" → IGO, "human rights group" → NGO (a generic kind).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..tables import read_table

#: Codes that are not countries: intergovernmental, nongovernmental, international militant.
GROUP_CODES = frozenset({"IGO", "NGO", "IMG"})


def _rows(name: str) -> list[list[str]]:
    return read_table(f"events/{name}", header=True)


@lru_cache(maxsize=1)
def sectors() -> dict[str, str]:
    """Lemma → sector code."""
    return {r[0].strip(): r[1].strip() for r in _rows("sectors.tsv") if len(r) >= 2}


@dataclass(frozen=True)
class Org:
    name: str  # the first listed name
    code: str  # ISO alpha-3, IGO, NGO or IMG
    sector: str
    generic: bool  # a lower-case kind ("human rights group") rather than a name


@lru_cache(maxsize=1)
def _orgs() -> tuple[dict[str, Org], re.Pattern[str], re.Pattern[str]]:
    """Name → org, the pattern of names (case-sensitive) and of kinds (any case, plural allowed)."""
    table: dict[str, Org] = {}
    for row in _rows("actors.tsv"):
        names = [n.strip() for n in row[0].split("|") if n.strip()]
        for name in names:
            table[name] = Org(names[0], row[1].strip(), row[2].strip(), name.islower())
    for name in [n for n, o in table.items() if o.generic]:
        plural = name[:-1] + "ies" if name.endswith("y") else name + "s"
        table.setdefault(plural, table[name])
    named = "|".join(re.escape(n) for n in sorted(table, key=len, reverse=True) if not table[n].generic)
    kinds = "|".join(re.escape(n) for n in sorted(table, key=len, reverse=True) if table[n].generic)
    return (table, re.compile(rf"(?<![\w.-])(?:{named})(?![\w-])"),
            re.compile(rf"(?<![\w.-])(?:{kinds})(?![\w-])", re.I))


def find_orgs(text: str) -> list[tuple[int, int, Org]]:
    """Known organisations named in ``text`` (longest match first), then kinds ("aid agencies")."""
    table, named, kinds = _orgs()
    out = [(m.start(), m.end(), table[m.group()]) for m in named.finditer(text)]
    out += [(m.start(), m.end(), table[m.group().lower()]) for m in kinds.finditer(text)]
    return out
