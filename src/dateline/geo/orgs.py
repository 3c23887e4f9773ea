"""Organisations and their home countries (``data/events/actors.tsv``), and sector words.

"Hamas" → PSE, "the UN" → IGO, "human rights group" → NGO (a generic kind). :data:`SHIPPED_ORGS`
holds the shipped tables (read once); every lookup takes an :class:`OrgTables` of your own instead.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from ..tables import Default, read_table

#: Codes that are not countries: intergovernmental, nongovernmental, international militant.
GROUP_CODES = frozenset({"IGO", "NGO", "IMG"})


@dataclass(frozen=True)
class Org:
    name: str  # the first listed name
    code: str  # ISO alpha-3, IGO, NGO or IMG
    sector: str
    generic: bool  # a lower-case kind ("human rights group") rather than a name


@dataclass(frozen=True)
class OrgTables:
    """Organisations by name, the patterns that find them, and sector words."""

    orgs: dict[str, Org]
    named: re.Pattern[str]  # names, case-sensitive
    kinds: re.Pattern[str]  # kinds, any case, plural allowed
    sectors: dict[str, str]  # lemma → sector code

    @classmethod
    def read(
        cls, actors: str | Path = "events/actors.tsv", sectors: str | Path = "events/sectors.tsv"
    ) -> OrgTables:
        """The tables from the shipped files (paths relative to ``data/``) or from your own."""
        table: dict[str, Org] = {}
        for row in read_table(actors, header=True):
            names = [n.strip() for n in row[0].split("|") if n.strip()]
            for name in names:
                table[name] = Org(names[0], row[1].strip(), row[2].strip(), name.islower())
        for name in [n for n, o in table.items() if o.generic]:
            plural = name[:-1] + "ies" if name.endswith("y") else name + "s"
            table.setdefault(plural, table[name])
        by_length = sorted(table, key=len, reverse=True)
        named = "|".join(re.escape(n) for n in by_length if not table[n].generic)
        kinds = "|".join(re.escape(n) for n in by_length if table[n].generic)
        words = {r[0].strip(): r[1].strip() for r in read_table(sectors, header=True) if len(r) >= 2}
        return cls(
            table,
            re.compile(rf"(?<![\w.-])(?:{named})(?![\w-])"),
            re.compile(rf"(?<![\w.-])(?:{kinds})(?![\w-])", re.I),
            words,
        )


#: The tables every lookup that is given none uses (read on first use).
SHIPPED_ORGS: Default[OrgTables] = Default("organisations and sector words", OrgTables.read)


def sectors(tables: OrgTables | None = None) -> dict[str, str]:
    """Lemma → sector code."""
    return (tables or SHIPPED_ORGS.get()).sectors


def find_orgs(text: str, tables: OrgTables | None = None) -> list[tuple[int, int, Org]]:
    """Known organisations named in ``text`` (longest match first), then kinds ("aid agencies")."""
    t = tables or SHIPPED_ORGS.get()
    out = [(m.start(), m.end(), t.orgs[m.group()]) for m in t.named.finditer(text)]
    out += [(m.start(), m.end(), t.orgs[m.group().lower()]) for m in t.kinds.finditer(text)]
    return out
