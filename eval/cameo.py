"""Code wire-style sentences with CAMEO and score root codes, actor countries and empty sentences.

Usage::

    python eval/cameo.py [SENTENCES.jsonl] [--split tuning|heldout|all] [--show] [--json SCORES.json]

SENTENCES (default: ``tests/fixtures/events/cameo/sentences.jsonl``, written for dateline) has one
sentence a line: ``id``, ``text``, ``published``, ``root`` (the CAMEO root code of the sentence's
event, two digits, or null when the sentence reports no codable event) and ``source``/``target``
(ISO alpha-3 countries of the actors; empty when unknown). Within the event sentences and within
the no-event sentences, sorted by id, every third (index 2, 5, 8, ...) is held back: rules are not
tuned on it.

Each sentence runs alone through ParseStep, DateStep, PlaceStep and EventStep. The event that
counts is the one with the highest confidence; its sides are CAMEO's dyad
(:func:`dateline.extract.events.sides.dyad`: "A and B held talks" is A → B). Printed for the tuning and held-back parts:

- root F1: a sentence's prediction is right when its root equals the gold root; a prediction on
  a no-event sentence or with another root is a false positive, a missed gold root a false negative;
- root + actor countries F1: as above, and the predicted source countries overlap the gold ones
  and the target countries overlap the gold ones (a side with no gold country always matches);
- empty: the share of no-event sentences left without any event.
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date
from pathlib import Path
from typing import Any

from dateline.config import Settings
from dateline.extract.dates import DateStep
from dateline.extract.events.sides import dyad
from dateline.extract.events.step import EventStep
from dateline.extract.places import PlaceStep
from dateline.model import Actor, Article, Event
from dateline.nlp import ParseStep, load_pipeline

ROOT = Path(__file__).resolve().parent.parent
DEFAULT = ROOT / "tests" / "fixtures" / "events" / "cameo" / "sentences.jsonl"
HELD_OUT_EVERY = 3
PARTS = ("tuning", "heldout", "all")


def load(path: Path) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def split(records: list[dict[str, Any]], which: str) -> list[dict[str, Any]]:
    """The ``tuning`` part, the ``heldout`` part (every third event and no-event sentence) or ``all``."""
    out = []
    for kind in (True, False):
        same = sorted((r for r in records if bool(r["root"]) == kind), key=lambda r: r["id"])
        for n, rec in enumerate(same):
            held = n % HELD_OUT_EVERY == HELD_OUT_EVERY - 1
            if which == "all" or held == (which == "heldout"):
                out.append(rec)
    return sorted(out, key=lambda r: r["id"])


def _codes(actors: list[Actor]) -> list[str]:
    return list(dict.fromkeys(c for a in actors if (c := a.country or a.group)))


def top_event(events: list[Event]) -> dict[str, Any] | None:
    """The event that counts for a sentence (highest confidence, first on a tie), as root and countries."""
    if not events:
        return None
    best = max(events, key=lambda e: e.confidence)
    sources, targets = dyad(best.category, best.actors, best.targets)
    return {"root": best.cameo[:2] if best.cameo else None, "source": _codes(sources),
            "target": _codes(targets), "events": len(events)}


def code(records: list[dict[str, Any]], nlp: Any) -> dict[str, dict[str, Any] | None]:
    """id → the sentence's top event (None when it has none)."""
    articles = [Article(text=r["text"], id=r["id"], published=date.fromisoformat(r["published"][:10])
                        if r.get("published") else None) for r in records]
    stream: Any = articles
    for step in (ParseStep(Settings(), nlp=nlp), DateStep(), PlaceStep(), EventStep()):
        stream = step.run(stream)
    return {a.id: top_event(a.events) for a in stream}


def _side(gold: list[str], pred: list[str]) -> bool:
    return not gold or bool(set(gold) & set(pred))


def _f1(tp: int, fp: int, fn: int) -> float:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return round(2 * p * r / (p + r), 3) if p + r else 0.0


def scores(records: list[dict[str, Any]], predicted: dict[str, dict[str, Any] | None]) -> dict[str, Any]:
    """Root F1, root + actor countries F1 and the share of no-event sentences left empty."""
    counts = {"root": [0, 0, 0], "actors": [0, 0, 0]}
    empty = quiet = 0
    for rec in records:
        pred = predicted.get(rec["id"])
        if not rec["root"]:
            empty += 1
            quiet += pred is None
        root_ok = pred is not None and rec["root"] is not None and pred["root"] == rec["root"]
        actors_ok = root_ok and pred is not None and _side(rec["source"], pred["source"]) and \
            _side(rec["target"], pred["target"])
        for key, ok in (("root", root_ok), ("actors", actors_ok)):
            tp, fp, fn = counts[key]
            counts[key] = [tp + ok, fp + (pred is not None and not ok), fn + (bool(rec["root"]) and not ok)]
    return {"records": len(records), "root_F1": _f1(*counts["root"]), "root_actors_F1": _f1(*counts["actors"]),
            "empty_share": round(quiet / empty, 3) if empty else 0.0}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("sentences", nargs="?", type=Path, default=DEFAULT)
    ap.add_argument("--split", choices=PARTS, default="all", help="which sentences --show lists")
    ap.add_argument("--show", action="store_true", help="list the misses of --split")
    ap.add_argument("--json", type=Path, default=None, help="also write the scores here")
    args = ap.parse_args(argv)
    if not args.sentences.exists():
        print(f"{args.sentences}: no such file", file=sys.stderr)
        return 2
    records = load(args.sentences)
    predicted = code(records, load_pipeline(Settings().models, None))
    parts = {name: scores(split(records, name), predicted) for name in PARTS}
    print(f"{'':22} {'tuning':>8} {'held-back':>10} {'all':>8}")
    for key in ("records", "root_F1", "root_actors_F1", "empty_share"):
        print(f"{key:22} " + " ".join(f"{parts[p][key]:>{w}}" for p, w in zip(PARTS, (8, 10, 8), strict=True)))
    if args.show:
        for rec in split(records, args.split):
            pred = predicted.get(rec["id"])
            if (pred or {}).get("root") != rec["root"] or (pred is None) != (rec["root"] is None):
                print(json.dumps({"id": rec["id"], "text": rec["text"], "gold": rec["root"], "pred": pred}))
    if args.json:
        args.json.write_text(json.dumps(parts, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
