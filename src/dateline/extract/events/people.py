"""Who a person is, from what the article says of them anywhere: their country and sector.

Needs the parsed article with its mentions linked to entities; yields, for each person entity,
the country and sector its roles and affiliations give. A person is read from every mention of
theirs: the words that qualify the name ("Republican nominee Jane Ortiz", "Tom Reyes, the Ohio
governor", "Democrat Ana Lee", "Israeli Prime Minister ...") and the roles
the entity step stored. A role word gives the sector ("governor" → GOV, "senator" → LEG), a
country word in a role the country, a capitalised party word ("Republican", "GOP"; not "conservative") a politician
(GOV) of that party's country. A bare surname later in the story carries what an earlier, fuller
mention said ("titles known in the story count for bare names in it").
"""

from __future__ import annotations

from typing import Any

from ...geo.countries import find_countries
from ...geo.gazetteer import fold, gazetteer
from ...geo.orgs import sectors
from ...geo.points import state_named
from ...model import Article, Entity
from ..entities.tables import aliases, name_key, party_words

#: Population from which a town named in a role tells the person's country ("Chicago Alderman").
BIG_TOWN = 100_000
#: Dependents of a name that qualify it ("nominee", "Republican", "the governor" in apposition).
QUALIFIERS = frozenset({"compound", "amod", "appos", "nmod"})


def _qualifiers(head: Any) -> list[Any]:
    """The words that qualify a name: its modifiers and an apposition with the apposition's own."""
    out = []
    for child in head.children:
        if child.dep_ not in QUALIFIERS:
            continue
        out.append(child)
        out.extend(g for g in child.subtree if g.i != child.i and g.dep_ in ("compound", "amod", "nmod", "poss"))
    return out


def party_country(party: str) -> str | None:
    known = aliases().get(name_key(party))
    return known.country if known is not None else None


def _place_country(text: str) -> str | None:
    """The country of a place named by capitalised words in a role ("Florida Sen.", "New Jersey Gov.")."""
    run: list[str] = []
    for word in [*text.replace(",", " ").split(), ""]:
        if word[:1].isupper() and not word.endswith("."):
            run.append(word)
            continue
        for n in range(len(run), 0, -1):  # the longest run of capitalised words the gazetteer knows
            for i in range(len(run) - n + 1):
                name = " ".join(run[i:i + n])
                if state_named(name, gazetteer().states, fold) is not None:
                    return "USA"  # "New Jersey Gov.": a US state
                site = gazetteer().lookup(name)
                if site is not None and site.country and fold(site.name) == fold(name) and (
                        site.precision == 3 or site.population >= BIG_TOWN):
                    return site.country  # a region or a big town of that very name
        run = []
    return None


def read_person(words: list[str], texts: list[str]) -> tuple[str | None, str | None]:
    """(country, sector) from the words qualifying a person and their role texts."""
    table, parties = sectors(), party_words()
    sector = next((table[k] for w in words if (k := w.lower().rstrip(".")) in table), None)
    country = next((iso for t in texts for _, _, iso in find_countries(t)), None)
    country = country or next((c for t in texts if (c := _place_country(t))), None)
    party = next((parties[w.casefold()] for w in words if w[:1].isupper() and w.casefold() in parties), None)
    if party is not None:
        sector = sector or "GOV"
        country = country or party_country(party)
    return country, sector


_LAST: list[tuple[Article, dict[str, tuple[str | None, str | None]]]] = []


def person_sides(article: Article) -> dict[str, tuple[str | None, str | None]]:
    """Person entity id → (country, sector) from all its mentions in the article and its roles
    (read once per article: the last article's answer is kept)."""
    if _LAST and _LAST[0][0] is article:
        return _LAST[0][1]
    found = _read_people(article)
    _LAST[:] = [(article, found)]
    return found


def _read_people(article: Article) -> dict[str, tuple[str | None, str | None]]:
    doc = article.doc
    people = {e.id: e for e in article.entities if e.type == "PERSON"}
    if doc is None or not people:
        return {}
    words: dict[str, list[str]] = {pid: [] for pid in people}
    texts: dict[str, list[str]] = {pid: list(ent.roles) for pid, ent in people.items()}
    for mention in article.mentions:
        if mention.entity_id not in people or mention.field != "text":
            continue
        span = doc.char_span(mention.span.start, mention.span.end, alignment_mode="expand")
        if span is None:
            continue
        quals = _qualifiers(span.root)
        words[mention.entity_id] += [t.lemma_ for t in quals] + [t.text for t in quals]
        texts[mention.entity_id].append(" ".join(t.text for t in sorted(quals, key=lambda t: t.i)))
        if mention.role:
            texts[mention.entity_id].append(mention.role)
            words[mention.entity_id] += mention.role.replace(".", " ").split()
    out = {}
    for pid, ent in people.items():
        country, sector = read_person(words[pid] + [w for r in ent.roles for w in r.split()], texts[pid])
        out[pid] = (ent.country or country, sector)
    return out


def party_of(entity: Entity) -> str | None:
    """The country of the party a person is affiliated with, if the tables know it."""
    return party_country(entity.affiliation) if entity.affiliation else None
