"""One long article full of figures and claims: the contradiction stage examines a bounded number of
claim pairs per claim, whatever the article holds (a real ingest of a generated article)."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

from dateline import api
from dateline.corpus import contradictions, stage
from dateline.store import Reader

PARAGRAPHS = 160
SPEAKERS = ["Mayor Ilse Varga", "Police chief Tomas Brandt", "Red Cross official Nadia Osei",
            "Governor Petra Lind", "Union leader Omar Haddad", "Coast guard captain Erik Sand"]


def _long_article() -> str:
    paragraphs = []
    for n in range(PARAGRAPHS):
        speaker = SPEAKERS[n % len(SPEAKERS)]
        paragraphs.append(
            f"{speaker} said that {n + 3} people died and {2 * n + 5} were injured when the storm hit "
            f"district {n} of the port on Monday. The count in district {n} did not include {n + 1} missing "
            f"fishermen, {speaker.split()[-1]} told reporters.")
    return "\n\n".join(paragraphs)


def test_pairs_examined_stay_bounded_per_claim(tmp_path: Path) -> None:
    corpus = tmp_path / "long.jsonl"
    corpus.write_text(json.dumps({"title": "Storm toll rises across the port", "text": _long_article(),
                                  "url": "https://news.example/long-1", "published": "2024-03-04",
                                  "outlet": "Port Ledger"}) + "\n", encoding="utf-8")
    db = tmp_path / "long.db"
    api.ingest([str(corpus)], str(db))
    reader = Reader(api.open_reader(db).conn)
    story_of = reader.story_of_articles()
    claims = [c for story in stage.claims_by_story(reader, story_of).values() for c in story]
    assert len(claims) >= PARAGRAPHS  # the article's claims were stored and read back
    stats: Counter[str] = Counter()
    found = contradictions.find(claims, stats)
    per_claim = contradictions.MAX_CANDIDATES * 2 + contradictions.MAX_FIGURE_PAIRS * 4
    assert 0 < stats["pairs"] <= per_claim * len(claims)
    assert stats["pairs"] < len(claims) * (len(claims) - 1) // 2  # far fewer than every pair
    assert all(x.claim.quote_id != x.counter.quote_id for x in found)
