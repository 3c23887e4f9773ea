"""EntityStep: named mentions, merged into the article's entities, with roles and countries.

Requires ``doc`` (spaCy NER and tags; the parse is not needed). Assigns ``mentions`` (every named mention,
with ``entity_id`` and, for people, ``role``) and ``entities`` (canonical name, aliases, roles,
ISO alpha-3 country, mentions and the merge evidence of each). Drops nothing: an article without
names gets empty lists.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from functools import lru_cache
from typing import Any

from ...geo import countries
from ...geo.place_country import place_country
from ...model import Article, Entity, Mention, MergeEvidence
from ...pipeline import Step
from .attributes import assign_attributes
from .captions import caption_entities
from .mentions import find_mentions
from .merge import Cluster, attach_descriptions, merge
from .names import is_full_name, name_words, org_shape, surname
from .recover import place
from .roles import assign_roles
from .tables import (
    CACHED,
    EntityTables,
    alias_of,
    aliases,
    constituents,
    country_word,
    name_key,
    strip_name,
    titles,
    use,
)
from .tokens import tokens_of

_NO_COUNTRY = frozenset({"WORK_OF_ART", "EVENT", "LAW"})
#: A country's name and adjective by ISO alpha-3, looked up once each.
country_name = lru_cache(maxsize=1024)(countries.country_name)
country_adjective = lru_cache(maxsize=1024)(countries.country_adjective)
#: Entity ids by (type, name): the same names recur from article to article.
entity_id = lru_cache(maxsize=65536)(Entity.make_id)


def _canonical(cluster: Cluster) -> str:
    """The name an entity goes by: the alias table's, the country's, else the longest full form."""
    texts = [strip_name(m.text) for m in cluster.members]
    if cluster.label == "PERSON":
        full = [t for t in texts + cluster.names if is_full_name(t)] or texts
        best = max(full, key=lambda t: (len(t.split()), len(t), not t.isupper()))
        return best.title() if best.isupper() and len(best) > 3 else best  # "HILLARY CLINTON"
    for m in cluster.members:
        alias = alias_of(m.text)
        if alias is not None:
            return alias.canonical
    words = [None if name_key(m.text) in constituents() else country_word(m.text) for m in cluster.members]
    if cluster.label == "GPE" and any(w and w.kind == "name" for w in words):
        iso3 = next(w.iso3 for w in words if w and w.kind == "name")
        return country_name(iso3) or texts[0]
    if cluster.label == "NORP" and any(w and w.kind in {"adjective", "demonym"} for w in words):
        iso3 = next(w.iso3 for w in words if w and w.kind in {"adjective", "demonym"})
        return country_adjective(iso3) or texts[0]
    named = [t for t in texts if t[:1].isupper()] or texts
    return max(named, key=lambda t: (len(t.split()), len(t)))


def _rule(mention: Mention, joined: str, canonical: str, cluster: Cluster) -> str:
    """Why ``mention`` belongs with ``canonical``: its join rule, or for the founding name, how it relates."""
    if name_key(mention.text) == name_key(canonical):
        return "exact"
    if joined != "exact":
        return joined
    alias = alias_of(mention.text)
    if alias is not None and alias.canonical == canonical:
        return "alias-table"
    word = country_word(mention.text)
    if word is not None and cluster.label in {"GPE", "NORP"}:
        return "country-name" if cluster.label == "GPE" else "demonym"
    if cluster.label == "PERSON" and surname(mention.text) == surname(canonical):
        return "name-variant" if is_full_name(mention.text) else "surname"
    shape, canon_shape = org_shape(mention.text), org_shape(canonical)
    if shape is not None and canon_shape is not None and shape == canon_shape:
        return "ministry-variant"
    return next((r for r in cluster.rules if r != "exact"), "exact")


def _unique_roles(roles: list[str]) -> list[str]:
    """Roles in order, without one that another contains ("Secretary" inside "US Secretary of State")."""
    out: list[str] = []
    for role in dict.fromkeys(roles):
        low = role.casefold()
        if any(
            low != other.casefold() and re.search(rf"\b{re.escape(low)}\b", other.casefold())
            for other in roles
        ):
            continue
        out.append(role)
    return out


@lru_cache(maxsize=1)
def _institutions() -> tuple[dict[str, tuple[int, str]], int]:
    """Alias keys longer than three letters that give a country → (table order, country), and the
    most words such a key has."""
    found = {
        key: (order, alias.country)
        for order, (key, alias) in enumerate(aliases().items())
        if alias.country and len(key) > 3
    }
    return found, max((len(k.split(" ")) for k in found), default=0)


@lru_cache(maxsize=65536)
def _country_in(text: str) -> str | None:
    """The country a name or role points to: a national word in it, or an institution it names
    (the first in the alias table whose name stands in it as whole words)."""
    for _, _, word in countries.find_country_words(text):
        if word.kind in {"name", "adjective", "demonym"}:
            return word.iso3
    keys, longest = _institutions()
    words = name_key(text).split(" ")
    hits = [
        keys[piece]
        for size in range(1, longest + 1)
        for first in range(len(words) - size + 1)
        if (piece := " ".join(words[first : first + size])) in keys
    ]
    return min(hits)[1] if hits else None


CACHED.extend([_institutions, _country_in])


def _country(cluster: Cluster, name: str, roles: list[str]) -> str | None:
    """ISO alpha-3 of an entity: GPE/NORP itself; ORG from its name; PERSON from its roles."""
    if cluster.label in _NO_COUNTRY:
        return None  # "The Irishman" is a film, not Irish
    if cluster.label in {"GPE", "NORP", "LOC"}:
        for m in [name, *(m.text for m in cluster.members)]:
            word = country_word(m)
            if word is not None:
                return word.iso3
        return place_country(name) if cluster.label != "NORP" else None
    if cluster.label == "PERSON":
        if not roles:
            return None
        votes = Counter(c for c in (_country_in(r) for r in roles) if c)
        return votes.most_common(1)[0][0] if votes else None
    for text in [name, *(m.text for m in cluster.members)]:
        alias = alias_of(text)
        if alias is not None and alias.country:
            return alias.country
        shape = org_shape(text)
        if shape is not None and shape.country:
            return shape.country
    for text in [name, *(m.text for m in cluster.members)]:
        words = name_words(text)
        found = _country_in(" ".join(words[:3])) if words else None
        if found:
            return found
    return None


def _titled(mention: Mention, text: str) -> str | None:
    """ "Secretary Blinken" when a bare title stands right before the mention in ``text``."""
    role = mention.role
    if not role or role.casefold() not in titles():
        return None
    start = mention.span.start - len(role) - 1
    return f"{role} {mention.text}" if start >= 0 and text[start : mention.span.start] == role + " " else None


def build_entity(cluster: Cluster, text: str = "") -> Entity:
    """One Entity from a cluster; sets ``entity_id`` on its mentions.

    ``text`` (the article text) lets a title standing before a name join the aliases
    ("Secretary Blinken").
    """
    name = _canonical(cluster)
    roles = _unique_roles([m.role for m in cluster.members if m.role])
    names = [strip_name(m.text) for m in cluster.members]
    names += [t for t in (_titled(m, text) for m in cluster.members) if t]
    entity = Entity(
        id=entity_id(cluster.label, name),
        name=name,
        type=cluster.label,
        aliases=list(dict.fromkeys(t for t in names if t != name and t[:1].isupper())),
        roles=roles,
        country=_country(cluster, name, roles),
        mentions=list(cluster.members),
    )
    for m, joined in zip(cluster.members, cluster.rules, strict=True):
        m.entity_id = entity.id
        entity.evidence.append(MergeEvidence(m.text, m.span, _rule(m, joined, name, cluster)))
    return entity


def extract_entities(doc: Any, text: str | None = None) -> tuple[list[Mention], list[Entity]]:
    """Mentions and entities of a parsed article (``doc`` made from ``Article.text``, which may be
    given as ``text`` to save rebuilding it)."""
    tk = tokens_of(doc, text)
    mentions = find_mentions(doc, tk)
    assign_roles(tk, mentions)
    clusters = merge(mentions, tk.text)
    mentions = sorted(mentions + attach_descriptions(tk, mentions, clusters), key=place)
    for cluster in clusters:
        order = sorted(range(len(cluster.members)), key=lambda i: place(cluster.members[i]))
        cluster.members = [cluster.members[i] for i in order]
        cluster.rules = [cluster.rules[i] for i in order]
    entities: dict[str, Entity] = {}
    for cluster in clusters:
        entity = build_entity(cluster, tk.text)
        seen = entities.get(entity.id)
        if seen is None:
            entities[entity.id] = entity
        else:  # two clusters ended with one name: they are one entity
            seen.mentions += entity.mentions
            seen.evidence += entity.evidence
            seen.aliases = list(dict.fromkeys(seen.aliases + entity.aliases))
            seen.roles = _unique_roles(seen.roles + entity.roles)
    assign_attributes(tk.text, mentions, list(entities.values()))
    return mentions, list(entities.values())


class EntityStep(Step):
    """Requires ``doc``; assigns ``mentions`` and ``entities``. Drops nothing.

    Names in captions (``caption_docs``) become ``caption_mentions`` whose entities join the body's.
    Reads spaCy's entities (``ner``) and, when present, the tagger's tags (``NNP``) to be stricter
    about names the rules add; the parser is not needed. Roles, countries and merges come from token
    rules and the tables in ``data/entities/`` (``aliases.tsv``, ``groups.tsv``, ``roles.tsv``,
    ``given_names.tsv``, ``first_names.txt``, ``adjectives.tsv``; ``countries.tsv`` through ``geo``), or the files named by
    ``tables`` (an :class:`~dateline.extract.entities.tables.EntityTables`).
    """

    name = "entities"
    requires: frozenset[str] = frozenset({"doc", "caption_docs"})
    assigns: frozenset[str] = frozenset({"mentions", "entities", "caption_mentions"})
    nlp_components: frozenset[str] = frozenset({"ner", "tagger"})

    def __init__(self, tables: EntityTables | None = None) -> None:
        self.tables = tables or EntityTables()

    def process(self, article: Article) -> Iterator[Article]:
        use(self.tables)
        if article.doc is None:
            article.mentions, article.entities = [], []
        else:
            article.mentions, article.entities = extract_entities(article.doc, article.text)
        if article.caption_docs:
            article.caption_mentions, article.entities = caption_entities(
                article.caption_docs, article.entities, extract_entities
            )
        yield article
