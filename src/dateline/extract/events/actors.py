"""Actors: who an event's participant is — a country (ISO alpha-3) and a sector.

"the Iraqi Foreign Ministry" → IRQ GOV, "US soldiers" → USA MIL, "Washington" as a subject →
USA GOV, "an unknown group calling itself 'revolutionaries'" → an unidentified armed group (REB, no
country). The country comes, in this order, from a named organisation in ``data/events/actors.tsv``
("Hamas", "the UN" → IGO), the linked entity's country, a country word in the phrase ("Iraqi",
"Lebanon's"), a lower-case organisation kind ("human rights group" → NGO) and a city in the phrase.
The sector comes from the head noun, then its modifiers (``data/events/sectors.tsv``), then the
organisation or the entity's roles.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from ...geo.countries import country_of, find_countries
from ...geo.gazetteer import gazetteer
from ...geo.orgs import GROUP_CODES, Org, find_orgs, sectors
from ...model import Actor, Article, Entity, Mention, Span
from ...tables import read_table
from ...vocab import as_sector
from ..entities.tables import party_words
from ..span_index import by_key, index_of
from .people import party_country, party_of, person_sides, read_person

#: Dependents that start a clause of their own: not part of the actor's noun phrase.
CLAUSE_DEPS = frozenset({"relcl", "acl", "advcl", "ccomp", "xcomp", "conj", "cc", "punct", "parataxis"})
#: Prepositions whose object still describes the actor ("rebels in Darfur", "doctors from ...").
ACTOR_PREPS = frozenset({"of", "from", "in", "at", "inside", "within", "by"})
UNKNOWN_WORDS = frozenset({"unknown", "unidentified", "armed", "militant", "masked", "anonymous"})
ARMED_NOUNS = frozenset({"group", "man", "men", "gunman", "gunmen", "attacker", "assailant", "cell"})


def phrase_tokens(head: Any) -> list[Any]:
    """The actor's noun phrase: ``head`` and its modifiers, without clauses or coordinated parts."""
    out = [head]
    for child in head.children:
        if child.dep_ in CLAUSE_DEPS:
            continue
        if child.dep_ == "prep" and child.lower_ not in ACTOR_PREPS:
            continue
        out.extend(phrase_tokens(child))
    return sorted(out, key=lambda t: t.i)


@lru_cache(maxsize=1)
def head_kinds() -> dict[str, str]:
    """Head noun → ``role`` or ``holding`` (``data/events/heads.tsv``): heads whose modifier tells the sector."""
    return {r[0].strip(): r[1].strip() for r in read_table("events/heads.tsv", header=True, width=2)}


def sector_of_tokens(head: Any, tokens: list[Any]) -> str | None:
    """Sector from the head noun, else from its closest modifiers when the head only stands for a
    side ("rebel leaders", "army positions") or is a name; "a navy-blue blazer" has none."""
    table = sectors()
    lemma = head.lemma_.lower()
    if lemma not in table and lemma.endswith("s") and lemma[:-1] in table:
        lemma = lemma[:-1]  # "Rebels" opening a sentence, tagged as a name
    kind = head_kinds().get(lemma)
    if kind != "role" and lemma in table and head.pos_ in ("NOUN", "PROPN", "ADJ"):
        return table[lemma]
    if kind is None and head.pos_ != "PROPN":
        return None
    if kind is None:  # a name: only its own modifiers ("Army Gen. Ortiz"), not "of the West Bank"
        tokens = [t for t in tokens if t.head.i == head.i and t.dep_ in ("compound", "amod", "nmod")]
    others = sorted((t for t in tokens if t.i != head.i), key=lambda t: abs(t.i - head.i))
    for tok in [*others, head]:
        word = tok.lemma_.lower()
        if word in table and tok.pos_ in ("NOUN", "PROPN", "ADJ"):
            return table[word]
    return None


def _entity_id(entity: Entity) -> str:
    return entity.id


def _mention_span(mention: Mention) -> tuple[int, int]:
    return mention.span.start, mention.span.end


def _entity_of(article: Article, head: Any) -> tuple[Entity | None, list[str]]:
    """The entity mentioned at the phrase's head word, and its roles (the article's and the mention's)."""
    at = head.idx
    by_id = by_key(article.entities, _entity_id)
    for mention in index_of(article.mentions, _mention_span).at(at):
        if mention.entity_id:
            ent = by_id.get(mention.entity_id)
            if ent is not None:
                return ent, list(ent.roles) + ([mention.role] if mention.role else [])
    return None, []


def person_side(entity: Entity | None, roles: list[str], article: Article) -> tuple[str | None, str | None]:
    """(country, sector) of a person from what the article says of them (see
    :mod:`dateline.extract.events.people`): their roles, the words that qualify their name in any
    mention, and their party (a politician of that party's country)."""
    if entity is None or entity.type != "PERSON":
        return None, None
    country, sector = person_sides(article).get(entity.id, (entity.country, None))
    if not sector or not country:
        more_country, more_sector = read_person([w for r in roles for w in r.replace(".", " ").split()], roles)
        country, sector = country or more_country, sector or more_sector
    if entity.affiliation:
        sector = sector or "GOV"
        country = country or party_of(entity)
    return country, sector


def _country_words(text: str, tokens: list[Any], head: Any) -> str | None:
    """A country named in the phrase, preferring words outside prepositional modifiers.

    An ethnic group ("ethnic Albanians in Serbia", "the ethnic Turks") belongs to the country it
    lives in: only a country in a prepositional modifier counts, else none.
    """
    start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1])
    found = find_countries(text[start:end])
    if not found:
        return None
    in_prep = set()
    for tok in tokens:
        if tok.dep_ == "prep" and tok.head.i == head.i:
            in_prep |= {t.idx - start for t in tok.subtree}
    ethnic = {t.head.idx - start for t in tokens if t.lower_ == "ethnic"}
    if ethnic:
        found = [f for f in found if f[0] not in ethnic]
        return next((iso for s, _, iso in found if s in in_prep), None)
    direct = [iso for s, _, iso in found if s not in in_prep]
    return (direct or [iso for _, _, iso in found])[0]


def _city_country(tokens: list[Any]) -> str | None:
    """The country of a town named in the phrase ("a missionary from Calgary")."""

    names: list[list[str]] = []
    for tok in tokens:
        if tok.ent_type_ == "GPE":
            if tok.ent_iob_ == "B" or not names:
                names.append([])
            names[-1].append(tok.text_with_ws)
    for name in names:
        site = gazetteer().lookup("".join(name).strip())
        if site is not None and site.country:
            return site.country
    return None


def build_actor(head: Any, article: Article) -> Actor:
    """The actor whose noun phrase is headed by the spaCy token ``head``."""
    tokens = phrase_tokens(head)
    while tokens and tokens[0].dep_ in ("det", "case") and tokens[0].i != head.i:
        tokens = tokens[1:]
    start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1])
    text = article.text[start:end]
    entity, roles = _entity_of(article, head)
    entity_id, name = (entity.id, entity.name) if entity is not None else (None, None)
    country, person_sector = person_side(entity, roles, article)
    ethnic = any(t.lower_ == "ethnic" for t in tokens)
    if ethnic:
        country = None  # "ethnic Albanians": the country they live in, not the nationality word
    orgs = find_orgs(text)
    named = [o for _, _, o in orgs if not o.generic]
    generic = [o for _, _, o in orgs if o.generic]
    sector = sector_of_tokens(head, tokens)
    group: str | None = None
    org: Org | None = (named or generic)[0] if (named or generic) else None
    if named:
        name = name or named[0].name
        if named[0].code in GROUP_CODES:
            group = named[0].code
        else:
            country = country or named[0].code
    if not country and not group:
        country = _country_words(article.text, tokens, head)
    if not country and not group and generic:
        name = name or generic[0].name
        if generic[0].code in GROUP_CODES:
            group = generic[0].code
        else:
            country = generic[0].code
    party = party_words().get(head.text.casefold()) if not country and not group else None
    if party is not None:  # "Democrats", "the GOP": the party, of its country
        country, sector, name = party_country(party), sector or "PTY", name or party
    if not country and not group and head.ent_type_ == "GPE":
        country = country_of(head.text)
    if not country and not group and head.ent_type_ == "NORP" and head.text.endswith("s") and not ethnic:
        country = next((iso for _, _, iso in find_countries(head.text[:-1])), None)  # "Serbians", "Iraqis"
        sector = sector or "CVL"
    if not country and not group:
        country = _city_country(tokens)
    if sector is None and head.text.endswith("s") and (
            head.ent_type_ == "NORP" or (head.tag_ == "NNPS" and find_countries(head.text[:-1]))):
        sector = "CVL"  # "ethnic Hungarians", "Kurds": a community
    if sector is None:
        if org is not None:
            sector = org.sector
        elif person_sector is not None:
            sector = person_sector
        elif head.ent_type_ == "GPE" and country:
            sector = "GOV"  # a country or capital acting: its government
    lemmas = {t.lower_ for t in tokens}
    if head.lemma_.lower() in ARMED_NOUNS and (lemmas & UNKNOWN_WORDS or _calls_itself(head)):
        sector, name = "REB", name or "unidentified armed group"
    return Actor(text, Span(start, end), entity_id, country, as_sector(sector), name, group)


def _calls_itself(head: Any) -> bool:
    return any(c.dep_ == "acl" and c.lemma_ in ("call", "name", "describe") for c in head.children)


def actor_code(actor: Actor) -> str | None:
    """The actor's country, or IGO/NGO/IMG for groups that belong to none."""
    return actor.country or actor.group
