"""Filters by name resolve the name to its entities: a full name and a surname select the same facts."""

from __future__ import annotations

from pathlib import Path

from dateline.model import Actor, Article, Entity, Event, Mention, MergeEvidence, Quote, Span, article_id
from dateline.store import Reader, Writer, connect
from dateline.store.browse import Browse, event_filters, quote_filters


def _article(text: str, name: str, mention: str, entity: Entity) -> Article:
    art = Article(text=text, id=article_id(text))
    start = text.index(mention)
    span = Span(start, start + len(mention))
    said = text.index("said")
    art.mentions = [Mention(span, mention, "PERSON", entity.id)]
    art.entities = [Entity(entity.id, name, "PERSON", aliases=[mention] if mention != name else [],
                           evidence=[MergeEvidence(mention, span, "exact")])]  # fmt: skip
    art.quotes = [Quote(content_spans=[Span(said + 5, len(text))], cue="say", cue_span=Span(said, said + 4),
                        type="indirect", speaker=name, speaker_mention=mention, speaker_span=span,
                        speaker_entity=entity.id, speaker_kind="person")]  # fmt: skip
    art.events = [Event(sentence_span=Span(0, len(text)), trigger_span=Span(said, said + 4), action="say",
                        category="CONSULT", actors=[Actor(name, span, entity.id)])]  # fmt: skip
    return art


def test_full_name_and_surname_select_the_same_quotes_and_events(tmp_path: Path) -> None:
    conn = connect(tmp_path / "n.db")
    volker = Entity(Entity.make_id("PERSON", "Kurt Volker"), "Kurt Volker", "PERSON")
    other = Entity(Entity.make_id("PERSON", "Ada Volkerson"), "Ada Volkerson", "PERSON")
    writer = Writer(conn, None)
    writer.write(_article("Kurt Volker said talks would resume.", "Kurt Volker", "Kurt Volker", volker), None)
    writer.write(_article("Later Volker said the envoy had left.", "Kurt Volker", "Volker", volker), None)
    writer.write(_article("Ada Volkerson said nothing was agreed.", "Ada Volkerson", "Ada Volkerson", other), None)
    reader, browse = Reader(conn), Browse(conn)
    full, bare = reader.quotes("Kurt Volker"), reader.quotes("volker")
    assert len(full) == 2 and [q["content"] for q in full] == [q["content"] for q in bare]
    assert [q["key"] for q in browse.quotes(quote_filters("Volker"))] == [q["key"] for q in browse.quotes(
        quote_filters("Kurt Volker"))]  # fmt: skip
    assert len(browse.quotes(quote_filters("Volk"))) == 3  # no entity of that name: the text decides
    assert len(list(reader.event_rows("Volker"))) == len(list(reader.event_rows("Kurt Volker"))) == 2
    assert len(list(browse.event_pairs(event_filters(actor="volker")))) == 2
    assert len(list(browse.event_pairs(event_filters(actor="Volk")))) == 3
