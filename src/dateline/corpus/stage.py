"""The corpus stages, run over what is stored at the end of an ingest: stories, happenings, contradictions.

Needs a database the per-article pipeline has filled. Recomputes the corpus view from the stored
articles and facts (so the result does not depend on the order articles arrived in), keeps the ids
of stories that already existed (:func:`.stories.assign_ids`), and hands the rows to the store's
:class:`~dateline.store.corpus.CorpusWriter`, which replaces the previous view in one transaction.
"""

from __future__ import annotations

import sqlite3
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from ..store import Reader
from ..store.corpus import ContradictionRow, CorpusWriter, HappeningRow, StoryRow
from ..store.corrections import Corrections
from . import contradictions, happenings, stories

KEY_ENTITIES = 8
KEY_PLACES = 5
#: Entity types that can be a story's key entities (people and organisations, not nationalities,
#: products or works); places are listed apart.
KEY_TYPES = frozenset({"PERSON", "ORG"})
PLACE_TYPES = frozenset({"GPE", "LOC", "FAC"})


@dataclass
class CorpusCounts:
    stories: int = 0
    happenings: int = 0
    contradictions: int = 0


def _day(value: str) -> int:
    try:
        return date.fromisoformat(value[:10]).toordinal()
    except ValueError:
        return 0


def _story_rows(reader: Reader, inputs: list[dict[str, Any]]) -> list[StoryRow]:
    docs = [stories.ArticleDoc(r["id"], _day(r["day"]) if r.get("dated", True) else 0, r["title"], r["text"],
                               r["names"], r["events"]) for r in inputs]
    groups = stories.group(docs)
    ids = stories.assign_ids(groups, reader.story_of_articles())
    by_id = {r["id"]: r for r in inputs}
    names = _entity_names(reader)
    out = []
    for sid, grp in zip(ids, groups, strict=True):
        days = sorted(by_id[a]["day"] for a in grp.articles if by_id[a]["day"])
        ents, places = names_of(names, grp.articles)
        out.append(StoryRow(
            id=sid, title=by_id[grp.representative]["title"] or None, representative=grp.representative,
            first_seen=days[0] if days else None, last_seen=days[-1] if days else None,
            articles={a: round(grp.scores.get(a, 0.0), 4) for a in grp.articles},
            outlets=sorted({by_id[a]["outlet"] for a in grp.articles if by_id[a]["outlet"]}),
            entities=ents, places=places,
        ))
    return out


def _entity_names(reader: Reader) -> dict[str, list[tuple[str, str]]]:
    out: dict[str, list[tuple[str, str]]] = {}
    for r in reader.conn.execute(
        "SELECT DISTINCT m.article_id, e.name, e.type FROM mentions m JOIN entities e ON e.id = m.entity_id "
        "WHERE m.field = 'text' ORDER BY m.article_id, e.name"
    ):
        out.setdefault(r[0], []).append((r[1], r[2]))
    return out


def names_of(names: dict[str, list[tuple[str, str]]], articles: Sequence[str]) -> tuple[list[str], list[str]]:
    """The story's key entities (people and organisations) and places: most articles first, then by
    name; in a story of several articles, only names that more than one of them mentions."""
    ents: Counter[str] = Counter()
    places: Counter[str] = Counter()
    for a in articles:
        for name, type_ in names.get(a, []):
            if type_ in PLACE_TYPES:
                places[name] += 1
            elif type_ in KEY_TYPES:
                ents[name] += 1
    if len(articles) > 1:
        ents = Counter({n: c for n, c in ents.items() if c > 1})
    top = sorted(ents.items(), key=lambda kv: (-kv[1], kv[0]))[:KEY_ENTITIES]
    top_places = sorted(places.items(), key=lambda kv: (-kv[1], kv[0]))[:KEY_PLACES]
    return [n for n, _ in top], [n for n, _ in top_places]


def _happening_rows(reader: Reader, story_of: dict[str, str]) -> list[HappeningRow]:
    per_story: dict[str, list[happenings.EventReport]] = {}
    for r in reader.event_report_rows():
        sid = story_of.get(r["article_id"])
        if sid is None:
            continue
        names = frozenset(n.strip().lower() for n in f"{r['actors'] or ''};{r['targets'] or ''}".split(";")
                          if n.strip())
        # a date taken from the publication is the report's, not the happening's: it fits any
        dated = r.get("date_source") != "publication"
        per_story.setdefault(sid, []).append(happenings.EventReport(
            r["id"], r["article_id"], r["position"], r["outlet"] or "", r["category"], r["modality"] or "occurred",
            r["date"] if dated else None, r["date_precision"] if dated else None, r["place"], names))
    out = []
    for sid in sorted(per_story):
        for h in happenings.group_events(per_story[sid]):
            out.append(HappeningRow(h.id, sid, h.category, h.date, h.precision, h.place, h.mentions, h.sources,
                                    h.articles, [r.event_id for r in h.reports]))
    return out


def claims_by_story(reader: Reader, story_of: dict[str, str]) -> dict[str, list[contradictions.Claim]]:
    """Story id -> the attributed claims of its articles (quotes with content)."""
    per_story: dict[str, list[contradictions.Claim]] = {}
    for r in reader.claim_rows():
        sid = story_of.get(r["article_id"])
        if sid is None or not r["content"]:
            continue
        per_story.setdefault(sid, []).append(contradictions.Claim(
            r["id"], r["article_id"], _day(r["day"]), r["position"], r["speaker"] or r["speaker_mention"] or "",
            r["content"], r["cue"] or "", r["type"], (r["entity_name"] or "").lower(), r["roles"], r["aliases"]))
    return per_story


def _contradiction_rows(reader: Reader, story_of: dict[str, str]) -> list[ContradictionRow]:
    per_story = claims_by_story(reader, story_of)
    out = []
    for sid in sorted(per_story):
        for x in contradictions.find(per_story[sid]):
            out.append(ContradictionRow(sid, x.relation, x.confidence, x.evidence, x.claim.quote_id,
                                        x.counter.quote_id))
    return out


def run(conn: sqlite3.Connection) -> CorpusCounts:
    """Re-apply the entity corrections, then recompute and store stories, happenings and contradictions;
    returns how many of each."""
    Corrections(conn).reapply()
    reader = Reader(conn)
    story_rows = _story_rows(reader, reader.story_inputs())
    story_of = {a: s.id for s in story_rows for a in s.articles}
    happening_rows = _happening_rows(reader, story_of)
    contradiction_rows = _contradiction_rows(reader, story_of)
    CorpusWriter(conn).replace(story_rows, happening_rows, contradiction_rows)
    return CorpusCounts(len(story_rows), len(happening_rows), len(contradiction_rows))
