"""Two stored reports of one shelling, with quotes, for the export tests (texts written for them)."""

from __future__ import annotations

import sqlite3
from datetime import date

from dateline.model import Actor, Article, DateRef, Entity, Event, Mention, Place, Quote, Span
from dateline.store import Writer, connect

FIRST = ("Rebel fighters shelled an Iraqi army post near Ain al-Asad Air Base on Monday, killing three "
         "soldiers, the army said.\n\nForeign Minister Fuad Hussein said: \"We will not accept attacks on our "
         "soil.\" A senior official, who asked not to be named, said talks with Jordan were planned.")
SECOND = ("Insurgents fired shells at an Iraqi army post in western Iraq on Monday. "
          "\"We will not accept attacks on our soil,\" Foreign Minister Fuad Hussein said.")


def span(text: str, needle: str, after: int = 0) -> Span:
    start = text.index(needle, after)
    return Span(start, start + len(needle))


def actor(text: str, needle: str, **kw: str) -> Actor:
    return Actor(needle, span(text, needle), **kw)


def _shelling(text: str, who: str, verb: str, whom: str, place: Place) -> Event:
    sentence_end = text.index(".") + 1
    return Event(
        Span(0, sentence_end), span(text, verb), "shell", "ASSAULT", cameo="194", quad_class=4, goldstein=-10.0,
        acled_event_type="Explosions/Remote violence", acled_sub_event_type="Shelling/artillery/missile attack",
        actors=[actor(text, who, sector="REB", name="Rebel fighters")],
        targets=[actor(text, whom, country="IRQ", sector="MIL")],
        casualties="killed: three soldiers" if "killing" in text else None, place=place,
        date=DateRef("on Monday", span(text, "on Monday"), "2024-08-05", "day"), confidence=0.8,
    )


def articles() -> list[Article]:
    base = Place("Ain al-Asad Air Base", None, "IRQ", 33.79, 42.44, 1, "facility")
    iraq = Place("Iraq", None, "IRQ", 33.0, 44.0, 3, "country")
    first = Article(text=FIRST, id="a000000000000001", title="=HYPERLINK(\"http://x\")\x07 Post shelled",
                    outlet="Harbour Wire", published=date(2024, 8, 6), url="https://harbour.example/post")
    first.events = [_shelling(FIRST, "Rebel fighters", "shelled", "an Iraqi army post", base)]
    direct = span(FIRST, "We will not accept attacks on our soil.")
    first.quotes = [
        Quote([direct], "say", span(FIRST, "said:"), "direct", speaker="Fuad Hussein",
              speaker_mention="Fuad Hussein", speaker_span=span(FIRST, "Fuad Hussein"), speaker_kind="person",
              confidence=0.9),
        Quote([span(FIRST, "talks with Jordan were planned")], "say", span(FIRST, "said talks"), "indirect",
              speaker="a senior official", speaker_mention="A senior official",
              speaker_span=span(FIRST, "A senior official"), speaker_kind="anonymous", confidence=0.7,
              anonymity_reason="asked not to be named"),
    ]
    hussein = Entity(Entity.make_id("PERSON", "Fuad Hussein"), "Fuad Hussein", "PERSON", ["Hussein"],
                     ["Foreign Minister"], "IRQ")
    first.entities = [hussein]
    first.mentions = [Mention(span(FIRST, "Fuad Hussein"), "Fuad Hussein", "PERSON", hussein.id)]
    second = Article(text=SECOND, id="a000000000000002", title="Shells hit army post", outlet="Gulf Daily",
                     published=date(2024, 8, 6))
    second.events = [_shelling(SECOND, "Insurgents", "fired shells", "an Iraqi army post", iraq)]
    second.events[0].actors[0].name = "Rebel fighters"
    second.quotes = [Quote([span(SECOND, "We will not accept attacks on our soil,")], "say",
                           span(SECOND, "said", SECOND.index("Hussein")), "direct", speaker="Fuad Hussein",
                           speaker_mention="Fuad Hussein", speaker_span=span(SECOND, "Fuad Hussein"),
                           speaker_kind="person", confidence=0.8)]
    return [first, second]


def stored(path: str = ":memory:", happenings: bool = False) -> sqlite3.Connection:
    """A real store holding the two reports; with ``happenings``, events carry one shared happening_id."""
    conn = connect(path)
    writer = Writer(conn)
    for a in articles():
        writer.write(a, None)
    if happenings:
        if not any(r[1] == "happening_id" for r in conn.execute("PRAGMA table_info(events)")):
            conn.execute("ALTER TABLE events ADD COLUMN happening_id TEXT")
        conn.execute("UPDATE events SET happening_id = 'h-shelling'")
    return conn
