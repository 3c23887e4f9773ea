"""Articles with given people, for linking tests: (mention text, entity name) in order of appearance."""

from __future__ import annotations

from dateline.model import Article, Entity, Mention, MergeEvidence, Span, article_id


def person(name: str, aliases: list[str] | None = None, country: str | None = None) -> Entity:
    return Entity(Entity.make_id("PERSON", name), name, "PERSON", aliases=aliases or [], country=country)


def article_with_people(text: str, names: list[tuple[str, str]], **fields: str) -> Article:
    """An article whose PERSON mentions and entities are given; a mention written other than the
    name is an alias merged by surname."""
    art = Article(text=text, id=article_id(text), **fields)  # type: ignore[arg-type]
    by_name: dict[str, Entity] = {}
    cursor = 0
    for piece, name in names:
        start = text.index(piece, cursor)
        cursor = start + len(piece)
        ent = by_name.setdefault(name, person(name))
        m = Mention(Span(start, cursor), piece, "PERSON", entity_id=ent.id)
        ent.mentions.append(m)
        ent.evidence.append(MergeEvidence(piece, m.span, "exact" if piece == name else "surname"))
        if piece != name:
            ent.aliases.append(piece)
        art.mentions.append(m)
    art.entities = list(by_name.values())
    return art
