"""A synthetic dateline database made by inserting rows straight into the store's schema.

No parsing: titles and bodies are assembled from a small news vocabulary, with names placed at
known offsets so mentions, quote speakers and event actors point at real spans. Deterministic for
a given ``random.Random``.
"""

from __future__ import annotations

import hashlib
import json
import random
from pathlib import Path
from typing import Any

from dateline.model import Actor, DateRef, Event, Place, Span
from dateline.serialize import to_jsonable
from dateline.store import connect

OUTLETS = ["Harbour Post", "Nile Dispatch", "Cedar Post", "Gulf Wire", "Danube Daily", "Sahel Monitor"]
WORDS = ["talks", "ceasefire", "council", "minister", "aid", "convoy", "border", "market", "protest", "harvest", "election", "court", "strike", "drone", "port", "grain", "fuel", "tax", "river", "bridge", "hospital", "school", "camp", "refugees", "envoy", "summit", "delegation", "statement", "reporters", "officials", "residents", "farmers", "traders", "police", "army", "rebels"]
PEOPLE = ["Leila Mansour", "Karim Haddad", "Amina Yusuf", "Tomas Varga", "Nadia Rahimi", "Samuel Okoro",
          "Ines Duarte", "Yusuf Demir", "Mara Lindqvist", "Omar Farouk"]
PLACES = [("Khartoum", "SDN", 15.5, 32.53), ("Odesa", "UKR", 46.48, 30.72), ("Cairo", "EGY", 30.04, 31.24),
          ("Nairobi", "KEN", -1.29, 36.82), ("Beirut", "LBN", 33.89, 35.5), ("Tripoli", "LBY", 32.89, 13.19),
          ("Kabul", "AFG", 34.53, 69.17), ("Lima", "PER", -12.05, -77.04)]
SYLLABLES = ["ka", "lo", "mi", "ra", "su", "te", "vo", "ne", "di", "ba", "zu", "pe", "go", "ha", "ju", "wi",
             "xo", "fa", "ci", "yu", "ro", "sa"]
#: 484 rare words, one per article, so that searches can be selective as real ones are.
TOPICS = [a + b + "dor" for a in SYLLABLES for b in SYLLABLES]
CATEGORIES = ["ASSAULT", "CONSULT", "PROTEST", "COERCE", "AID", "DEMAND", "SUPPORT", "ACCUSE"]
MODALITIES = ["occurred", "claimed", "planned", "denied"]


def _sentence(rng: random.Random, n: int = 14) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(n)).capitalize() + "."


def _article(rng: random.Random, i: int) -> tuple[str, str, list[tuple[int, int, str]]]:
    """Title, body, and (start, end, name) of every person named in the body."""
    names: list[tuple[int, int, str]] = []
    parts: list[str] = []
    offset = 0
    for _ in range(8):
        person = rng.choice(PEOPLE)
        lead = f"{person} said "
        names.append((offset, offset + len(person), person))
        chunk = lead + _sentence(rng) + " " + _sentence(rng, 20) + "\n\n"
        parts.append(chunk)
        offset += len(chunk)
    parts.append(f"The {rng.choice(TOPICS)} file was reviewed.")
    title = f"{rng.choice(WORDS).capitalize()} {rng.choice(WORDS)} in {rng.choice(PLACES)[0]} ({i})"
    return title, "".join(parts).rstrip(), names


def build(path: str | Path, articles: int = 10_000, rng: random.Random | None = None) -> dict[str, int]:
    """Create the database at ``path`` with ``articles`` articles; returns row counts."""
    rng = rng or random.Random(7)
    conn = connect(path)
    conn.execute("BEGIN")
    conn.execute("INSERT INTO sources (id, path, sha256, size, format, status) VALUES (1, 'synthetic', 'x', 0, "
                 "'jsonl', 'done')")
    ent_ids = {p: hashlib.sha1(p.encode()).hexdigest()[:16] for p in PEOPLE}
    conn.executemany("INSERT INTO entities (id, name, type, country) VALUES (?, ?, 'PERSON', NULL)",
                     [(eid, name) for name, eid in ent_ids.items()])
    counts = {"articles": 0, "mentions": 0, "quotes": 0, "events": 0}
    for i in range(articles):
        title, text, names = _article(rng, i)
        aid = hashlib.sha1(f"{i}:{text}".encode()).hexdigest()[:16]
        day = f"2024-{1 + i % 12:02d}-{1 + i % 28:02d}"
        conn.execute(
            "INSERT INTO articles (id, source_id, position, format, outlet, url, title, published, language, text) "
            "VALUES (?, 1, ?, 'jsonl', ?, ?, ?, ?, 'en', ?)",
            (aid, i, OUTLETS[i % len(OUTLETS)], f"https://news.example/{i}", title, day, text))
        conn.execute("INSERT INTO copies (article_id, source_id, position) VALUES (?, 1, ?)", (aid, i))
        conn.executemany(
            "INSERT INTO mentions (article_id, entity_id, start, end, text, label) VALUES (?, ?, ?, ?, ?, 'PERSON')",
            [(aid, ent_ids[name], s, e, name) for s, e, name in names])
        for q, (s, e, name) in enumerate(names[:3]):
            start = e + len(" said ")
            end = text.index(".", start) + 1
            conn.execute(
                "INSERT INTO quotes (article_id, position, type, content, start, end, content_spans, cue, cue_start, "
                "cue_end, speaker, speaker_mention, speaker_start, speaker_end, speaker_entity_id, speaker_kind, "
                "confidence) VALUES (?, ?, 'indirect', ?, ?, ?, ?, 'say', ?, ?, ?, ?, ?, ?, ?, 'person', 0.8)",
                (aid, q, text[start:end], start, end, json.dumps([[start, end]]), e + 1, e + 5, name, name, s, e,
                 ent_ids[name]))
        for k in range(2):
            _event(conn, rng, aid, k, text, names[k], ent_ids, day)
        counts["articles"] += 1
        counts["mentions"] += len(names)
        counts["quotes"] += 3
        counts["events"] += 2
    conn.execute("COMMIT")
    conn.close()
    return counts


def _event(conn: Any, rng: random.Random, aid: str, k: int, text: str, name: tuple[int, int, str],
           ent_ids: dict[str, str], day: str) -> None:
    place_name, country, lat, lon = rng.choice(PLACES)
    start, end, person = name
    sentence_end = text.index(".", end) + 1
    event = Event(
        sentence_span=Span(start, sentence_end), trigger_span=Span(end + 1, end + 5), action="say",
        category=rng.choice(CATEGORIES), modality=rng.choice(MODALITIES), cameo="010", quad_class=1,
        actors=[Actor(person, Span(start, end), ent_ids[person], None, "GOV", person)],
        place=Place(place_name, None, country, lat, lon, 1, "city"),
        date=DateRef(day, None, day, "day"), confidence=0.6,
    )
    conn.execute(
        "INSERT INTO events (article_id, position, data, category, action, modality, cameo, quad_class, actors, "
        "targets, place, country, latitude, longitude, date, date_precision, sentence_start, sentence_end, "
        "confidence) VALUES (?, ?, ?, ?, 'say', ?, '010', 1, ?, '', ?, ?, ?, ?, ?, 'day', ?, ?, 0.6)",
        (aid, k, json.dumps(to_jsonable(event)), event.category, event.modality, person, place_name, country,
         lat, lon, day, start, sentence_end))
