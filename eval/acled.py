"""Class short conflict-monitoring snippets by ACLED sub-event type (or topic) and score the classes.

Usage::

    python eval/acled.py [SNIPPETS.jsonl] [--split tuning|heldout|all] [--show] [--json SCORES.json]

SNIPPETS (default: ``tests/fixtures/events/acled/snippets.jsonl``, written for dateline) has
``id``, ``label`` (one of ACLED's 25 sub-event types or five topics, or ``none`` for news that
reports no conflict event: it counts against every label predicted on it but is left out of the
weighted averages), ``published`` and ``text``.
Within each label, snippets sorted by id are numbered; every third (index 2, 5, 8, ...) is held
back: rules are not tuned on it. Each snippet runs through ParseStep, DateStep, PlaceStep and
EventStep; its class is :func:`dateline.extract.events.acled.report_label` (the primary event's
sub-event type or topic; "none" when nothing fits).

Prints, for the tuning and the held-back part side by side, per-label precision, recall and F1,
and F1 weighted by support over the 25 ACLED types and over all 30 labels. ``--show`` lists the
snippets of ``--split`` whose class is wrong.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from datetime import date
from pathlib import Path
from typing import Any

from dateline.config import Settings
from dateline.extract.dates import DateStep
from dateline.extract.events.acled import TOPIC, report_label, type_rules, words_of
from dateline.extract.events.step import EventStep
from dateline.extract.places import PlaceStep
from dateline.model import Article
from dateline.nlp import ParseStep, load_pipeline

ROOT = Path(__file__).resolve().parent.parent
DEFAULT = ROOT / "tests" / "fixtures" / "events" / "acled" / "snippets.jsonl"
HELD_OUT_EVERY = 3
NONE = "none"
PARTS = ("tuning", "heldout", "all")
TOPICS = frozenset(r.label for r in type_rules() if r.event_type == TOPIC)


def load(path: Path) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def split(records: list[dict[str, Any]], which: str) -> list[dict[str, Any]]:
    """The ``tuning`` part, the ``heldout`` part (every third of each label by id) or ``all``."""
    seen: Counter[str] = Counter()
    out = []
    for rec in sorted(records, key=lambda r: (r["label"], r["id"])):
        n = seen[rec["label"]]
        seen[rec["label"]] += 1
        held = n % HELD_OUT_EVERY == HELD_OUT_EVERY - 1
        if which == "all" or held == (which == "heldout"):
            out.append(rec)
    return out


def classify(records: list[dict[str, Any]], nlp: Any) -> dict[str, str]:
    """id → predicted label."""
    articles = [Article(text=r["text"], id=r["id"], published=date.fromisoformat(r["published"][:10])
                        if r.get("published") else None) for r in records]
    stream: Any = articles
    for step in (ParseStep(Settings(), nlp=nlp), DateStep(), PlaceStep(), EventStep()):
        stream = step.run(stream)
    return {a.id: report_label(a.events, words_of(a.doc)) for a in stream}


def scores(records: list[dict[str, Any]], predicted: dict[str, str]) -> dict[str, Any]:
    """Per-label P/R/F1 and support-weighted F1 over the ACLED labels and over all labels."""
    gold = {r["id"]: r["label"] for r in records}
    labels = sorted(set(gold.values()))
    per: dict[str, dict[str, float]] = {}
    for label in labels:
        tp = sum(1 for i, g in gold.items() if g == label and predicted.get(i) == label)
        fp = sum(1 for i, g in gold.items() if g != label and predicted.get(i) == label)
        fn = sum(1 for i, g in gold.items() if g == label and predicted.get(i) != label)
        p = tp / (tp + fp) if tp + fp else 0.0
        r = tp / (tp + fn) if tp + fn else 0.0
        per[label] = {"P": round(p, 3), "R": round(r, 3), "F1": round(2 * p * r / (p + r), 3) if p + r else 0.0,
                      "support": tp + fn}

    def weighted(keep: list[str]) -> float:
        total = sum(per[k]["support"] for k in keep)
        return round(sum(per[k]["F1"] * per[k]["support"] for k in keep) / total, 3) if total else 0.0

    acled = [k for k in labels if k not in TOPICS and k != NONE]
    return {"records": len(records), "per_label": per, "weighted_F1_acled": weighted(acled),
            "weighted_F1_all": weighted([k for k in labels if k != NONE])}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("snippets", nargs="?", type=Path, default=DEFAULT)
    ap.add_argument("--split", choices=PARTS, default="all", help="which snippets --show lists")
    ap.add_argument("--show", action="store_true", help="list the misclassed snippets of --split")
    ap.add_argument("--json", type=Path, default=None, help="Also write the scores here.")
    args = ap.parse_args(argv)
    if not args.snippets.exists():
        print(f"{args.snippets}: no such file", file=sys.stderr)
        return 2
    records = load(args.snippets)
    predicted = classify(records, load_pipeline(Settings().models, None))
    parts = {name: scores(split(records, name), predicted) for name in PARTS}
    print(f"{'label':38} {'tuning P/R/F1':>18} {'held-back P/R/F1':>18}")
    for label in sorted(parts["all"]["per_label"]):
        cells = []
        for name in ("tuning", "heldout"):
            s = parts[name]["per_label"].get(label)
            cells.append(f"{s['P']:.2f}/{s['R']:.2f}/{s['F1']:.2f}" if s else "-")
        print(f"{label:38} {cells[0]:>18} {cells[1]:>18}")
    for key in ("weighted_F1_acled", "weighted_F1_all"):
        print(f"{key:38} {parts['tuning'][key]:>18.3f} {parts['heldout'][key]:>18.3f}   all {parts['all'][key]:.3f}")
    if args.show:
        for rec in split(records, args.split):
            if predicted.get(rec["id"]) != rec["label"]:
                print(json.dumps({"id": rec["id"], "text": rec["text"], "gold": rec["label"],
                                  "pred": predicted.get(rec["id"])}))
    if args.json:
        args.json.write_text(json.dumps(parts, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
