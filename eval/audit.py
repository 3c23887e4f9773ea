"""Blind audits of stored facts: sample facts from a database into a judging sheet, and score verdicts.

Usage::

    python eval/audit.py sheet KIND --db FILE [--n 50] [--seed 7] [--per-article 2] [--all] -o SHEET.jsonl
    python eval/audit.py score SHEET.jsonl VERDICTS.jsonl

KIND is ``events``, ``quotes``, ``contradictions`` or ``people``. A sheet holds one item a line:
an ``item`` id, the fact as stored (``fact``) and the text a judge needs (``context``: the sentence
marked with « », with the paragraph around it; for people every mention in its sentence), so a
reader who has not seen the code can say whether the fact is right from the article alone. Events
are sampled from those shown by default (confidence at or above ``--threshold``, default 0.0 = all
stored events; ``--all`` ignores it). At most ``--per-article`` facts come from one article.

A verdicts file has one line per judged item: ``{"item", "verdict": {...}, "note"}``. The verdict
keys per kind:

- events: ``is_event`` (a real event, as coded, that the text reports), ``kind``, ``actor``,
  ``target``, ``place`` (each right: true/false/null when the field is empty and should be);
- quotes: ``is_attribution``, ``content``, ``speaker``;
- contradictions: ``genuine`` (same proposition, opposite truth, opposing sides), ``speakers``;
- people: ``is_person``, ``one_person`` (all its mentions are one person).

``score`` prints the share of items with each key true, the share right in every key, and for
events and quotes the same by confidence band (so a stated confidence can be checked).
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections import defaultdict
from pathlib import Path
from typing import Any

from dateline import api
from dateline.model import Article, Span

KEYS = {
    "events": ("is_event", "kind", "actor", "target", "place"),
    "quotes": ("is_attribution", "content", "speaker"),
    "contradictions": ("genuine", "speakers"),
    "people": ("is_person", "one_person"),
}


def _paragraph(text: str, span: Span, mark: Span | None = None) -> str:
    """The paragraph(s) holding ``span``, with ``mark`` (default ``span``) between « and »."""
    mark = mark or span
    trimmed = len(text[span.start:span.end].rstrip())
    span = Span(span.start, span.start + trimmed) if trimmed else span
    mark = Span(mark.start, min(mark.end, span.end)) if mark.start < span.end else mark
    start = text.rfind("\n\n", 0, span.start)
    start = 0 if start < 0 else start + 2
    end = text.find("\n\n", span.end)
    end = len(text) if end < 0 else end
    return (text[start:mark.start] + "«" + text[mark.start:mark.end] + "»" + text[mark.end:end]).strip()


def _previous_paragraph(text: str, span: Span) -> str:
    start = text.rfind("\n\n", 0, span.start)
    if start <= 0:
        return ""
    before = text.rfind("\n\n", 0, start)
    return text[(0 if before < 0 else before + 2):start].strip()


def _cap(items: list[dict[str, Any]], n: int, seed: int, per_article: int) -> list[dict[str, Any]]:
    rng = random.Random(seed)
    rng.shuffle(items)
    taken: dict[str, int] = defaultdict(int)
    out = []
    for item in items:
        if taken[item["article_id"]] < per_article:
            taken[item["article_id"]] += 1
            out.append(item)
        if len(out) == n:
            break
    return out


def _side(actors: list[Any]) -> list[dict[str, Any]]:
    return [{"text": a.text, "name": a.name, "country": a.country, "sector": a.sector} for a in actors]


def event_items(reader: Any, threshold: float) -> list[dict[str, Any]]:
    out = []
    for art, event, _, position in reader.export_events():
        if (event.confidence or 0.0) < threshold:
            continue
        place = event.place
        out.append({
            "article_id": art.id, "item": f"{art.id}:e{position}", "title": art.title,
            "context": _paragraph(art.text, event.sentence_span),
            "fact": {"category": event.category, "cameo": event.cameo, "acled": event.acled_sub_event_type,
                     "action": event.action, "modality": event.modality, "actors": _side(event.actors),
                     "targets": _side(event.targets),
                     "place": {"name": place.name, "country": place.country} if place else None,
                     "date": event.date.value if event.date else None, "confidence": event.confidence},
        })
    return out


def quote_items(reader: Any) -> list[dict[str, Any]]:
    out = []
    for art, position, quote in reader.export_quotes():
        hull = quote.hull
        out.append({
            "article_id": art.id, "item": f"{art.id}:q{position}", "title": art.title,
            "context": (_previous_paragraph(art.text, hull) + "\n\n" + _paragraph(art.text, hull)).strip(),
            "fact": {"content": " … ".join(s.of(art.text) for s in quote.content_spans), "type": quote.type,
                     "cue": quote.cue, "speaker": quote.speaker, "speaker_mention": quote.speaker_mention,
                     "speaker_kind": quote.speaker_kind, "confidence": quote.confidence},
        })
    return out


def contradiction_items(reader: Any) -> list[dict[str, Any]]:
    out = []
    for k, row in enumerate(reader.contradictions()):
        sides = {}
        for side in ("claim", "counter"):
            part = row[side]
            art: Article = reader.article(part["article_id"])
            text = part["text"] or ""
            at = art.text.find(text[:60]) if text else -1
            context = _paragraph(art.text, Span(at, at + len(text))) if at >= 0 else text
            sides[side] = {"speaker": part["speaker"], "text": text, "title": art.title, "context": context}
        out.append({"article_id": row["claim"]["article_id"], "item": f"c{k}", "title": sides["claim"]["title"],
                    "context": "", "fact": {"relation": row["relation"], "confidence": row["confidence"],
                                            "evidence": row["evidence"], **sides}})
    return out


def people_items(reader: Any) -> list[dict[str, Any]]:
    contexts: dict[str, list[str]] = defaultdict(list)
    for row in reader.articles():
        art = reader.article(row["id"])
        for m in art.mentions:
            if m.entity_id and m.label == "PERSON" and len(contexts[m.entity_id]) < 8:
                lo, hi = max(0, m.span.start - 80), min(len(art.text), m.span.end + 80)
                contexts[m.entity_id].append(
                    art.text[lo:m.span.start] + "«" + art.text[m.span.start:m.span.end] + "»" + art.text[m.span.end:hi])
    out = []
    for row in reader.entities("PERSON"):
        out.append({"article_id": row["id"], "item": row["id"], "title": "", "context": "\n---\n".join(
            c.replace("\n", " ") for c in contexts.get(row["id"], [])),
            "fact": {"name": row["name"], "aliases": row.get("aliases"), "roles": row.get("roles"),
                     "country": row.get("country"), "mentions": row.get("mentions")}})
    return out


def sheet(args: argparse.Namespace) -> None:
    reader = api.open_reader(args.db)
    threshold = 0.0 if args.all else args.threshold
    items = {"events": lambda: event_items(reader, threshold), "quotes": lambda: quote_items(reader),
             "contradictions": lambda: contradiction_items(reader), "people": lambda: people_items(reader)}[args.kind]()
    chosen = items if args.kind in ("contradictions", "people") and args.n <= 0 else \
        _cap(items, args.n, args.seed, args.per_article if args.kind not in ("people",) else 10**6)
    with open(args.output, "w", encoding="utf-8") as fh:
        for item in chosen:
            fh.write(json.dumps({"kind": args.kind, **item}, ensure_ascii=False) + "\n")
    print(f"{len(chosen)} of {len(items)} {args.kind} written to {args.output}", file=sys.stderr)


def _band(confidence: Any) -> str:
    if not isinstance(confidence, int | float):
        return "none"
    return ">=0.8" if confidence >= 0.8 else "0.5-0.8" if confidence >= 0.5 else "<0.5"


def score(args: argparse.Namespace) -> dict[str, Any]:
    items = {json.loads(x)["item"]: json.loads(x) for x in Path(args.sheet).read_text().splitlines() if x.strip()}
    verdicts = [json.loads(x) for x in Path(args.verdicts).read_text().splitlines() if x.strip()]
    kind = next(iter(items.values()))["kind"]
    keys = KEYS[kind]
    rows = [(items[v["item"]], v["verdict"]) for v in verdicts if v["item"] in items]
    result: dict[str, Any] = {"kind": kind, "judged": len(rows)}
    for key in keys:
        result[key] = sum(1 for _, v in rows if v.get(key) is True)
    result["all_right"] = sum(1 for _, v in rows if all(v.get(k) in (True, None) for k in keys))
    bands: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for item, v in rows:
        band = _band(item["fact"].get("confidence"))
        bands[band][0] += all(v.get(k) in (True, None) for k in keys)
        bands[band][1] += 1
    result["by_confidence"] = {b: f"{right}/{n}" for b, (right, n) in sorted(bands.items())}
    print(json.dumps(result, indent=1))
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    sub = parser.add_subparsers(dest="command", required=True)
    s = sub.add_parser("sheet")
    s.add_argument("kind", choices=sorted(KEYS))
    s.add_argument("--db", required=True)
    s.add_argument("--n", type=int, default=50)
    s.add_argument("--seed", type=int, default=7)
    s.add_argument("--per-article", type=int, default=2)
    s.add_argument("--threshold", type=float, default=0.0)
    s.add_argument("--all", action="store_true")
    s.add_argument("-o", "--output", required=True)
    c = sub.add_parser("score")
    c.add_argument("sheet")
    c.add_argument("verdicts")
    args = parser.parse_args()
    (sheet if args.command == "sheet" else score)(args)


if __name__ == "__main__":
    main()
