"""Run dateline's event coder on a JSONL file and score it against PLOVER gold data.

Usage::

    python eval/events.py GOLD.jsonl [--pred OUT.jsonl] [--split all|dev|heldout] [--limit N]
                          [--scorer score_events.py] [--json SCORES.json]

GOLD is any JSONL file with ``id`` and ``text`` per line (``date``, when present, is the
publication date). Each line runs through ParseStep, EntityStep and QuoteStep (when importable),
DateStep, PlaceStep and EventStep; one line per id is written to ``--pred``::

    {"id", "events": [{"code", "source", "target", "cameo_root", "acled_event_type",
                       "acled_sub_event_type", "modality", "confidence"}]}

When the gold is ``../shared/eval/events/plover_gold.jsonl`` (it has ``expected``), the scores of
``score_events.py`` (loaded from next to GOLD, or ``--scorer``; never copied) are printed for the
``dev`` part, the ``heldout`` part (ids sorted; every fifth, index 4, 9, ..., was never looked at
while the rules were written) and ``all``.

How dateline's events are put in the gold's terms:

- ``code`` is :func:`dateline.extract.events.step.reported_category`: the PLOVER category, except that
  a planned or hypothetical action counts as the intent or threat the sentence reports (AGREE,
  THREATEN) and a refused one ("will not accept") as REJECT, the CAMEO convention the gold
  follows.
- ``source``/``target`` are the actors' ISO alpha-3 codes, or IGO/NGO/IMG for actors of no single
  country. The gold writes Japan as JAP and Italy as ITL; those two are renamed.
- Sources and targets are exactly what the stored event carries. The gold often codes the
  location of a domestic or unattributed event as its actor ("protesters marched in Lima" → PER);
  the product fills such an actor's country from the event's place only where the sentence gives
  a domestic actor (see ``docs/events.md``), so an event with no actor at all scores no country.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import sys
import time
from datetime import date
from pathlib import Path
from types import ModuleType
from typing import Any

from dateline.config import Settings
from dateline.extract.dates import DateStep
from dateline.extract.events.step import EventStep, reported_category
from dateline.extract.places import PlaceStep
from dateline.model import Actor, Article, Event
from dateline.nlp import ParseStep, load_pipeline
from dateline.pipeline import Step

SPLITS = ("all", "dev", "heldout")
HELD_OUT_EVERY = 5
#: Country codes the PLOVER gold writes differently from ISO 3166.
GOLD_CODES = {"JPN": "JAP", "ITA": "ITL"}


def load(path: Path) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def split(records: list[dict[str, Any]], which: str) -> list[dict[str, Any]]:
    """The ``dev`` part, the ``heldout`` part (every fifth by sorted id) or ``all``."""
    ordered = sorted(records, key=lambda r: r["id"])
    if which == "all":
        return ordered
    held = which == "heldout"
    return [r for i, r in enumerate(ordered) if (i % HELD_OUT_EVERY == HELD_OUT_EVERY - 1) == held]


def steps(nlp: Any) -> list[Step]:
    """Parse, then every extraction step the events build on (entities and quotes when present)."""
    out: list[Step] = [ParseStep(Settings(), nlp=nlp)]
    try:
        from dateline.extract.entities import EntityStep

        out.append(EntityStep())
    except ImportError:  # pragma: no cover - the entity step is optional here
        pass
    try:
        from dateline.extract.quotes import QuoteStep

        out.append(QuoteStep())
    except ImportError:  # pragma: no cover
        pass
    return [*out, DateStep(), PlaceStep(), EventStep()]


def _code(actor: Actor) -> str | None:
    code = actor.country or actor.group
    return GOLD_CODES.get(code, code) if code else None


def event_record(event: Event) -> dict[str, Any]:
    """One predicted event in the scorer's schema: the stored actors' codes, nothing added."""
    source = [c for a in event.actors if (c := _code(a))]
    target = [c for a in event.targets if (c := _code(a))]
    return {
        "code": reported_category(event),
        "source": list(dict.fromkeys(source)),
        "target": list(dict.fromkeys(target)),
        "cameo_root": event.cameo[:2] if event.cameo else None,
        "acled_event_type": event.acled_event_type,
        "acled_sub_event_type": event.acled_sub_event_type,
        "modality": event.modality,
        "confidence": event.confidence,
    }


def run(records: list[dict[str, Any]], nlp: Any) -> list[dict[str, Any]]:
    """Code every record; one prediction line per id."""
    articles = []
    for rec in records:
        published = date.fromisoformat(rec["date"][:10]) if rec.get("date") else None
        articles.append(Article(text=rec["text"], id=rec["id"], published=published))
    stream: Any = articles
    for step in steps(nlp):
        stream = step.run(stream)
    return [{"id": a.id, "events": [event_record(e) for e in a.events]} for a in stream]


def load_scorer(path: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location("score_events", path)
    if spec is None or spec.loader is None:
        raise SystemExit(f"cannot load the scorer from {path}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def score(gold: list[dict[str, Any]], preds: list[dict[str, Any]], scorer: ModuleType) -> dict[str, Any]:
    """Scores of the PLOVER scorer for each split of ``gold``."""
    by_id = {p["id"]: p["events"] for p in preds}
    out = {}
    for which in SPLITS:
        part = split(gold, which)
        if part:
            out[which] = scorer.score_plover(part, {r["id"]: by_id.get(r["id"], []) for r in part})
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("gold", type=Path)
    ap.add_argument("--pred", type=Path, help="write predictions here (JSONL)")
    ap.add_argument("--split", choices=SPLITS, default="all", help="which records to run")
    ap.add_argument("--limit", type=int, default=0, help="run only the first N records")
    ap.add_argument("--scorer", type=Path, help="score_events.py (default: next to GOLD)")
    ap.add_argument("--json", type=Path, help="also write the scores here")
    a = ap.parse_args(argv)
    records = split(load(a.gold), a.split)
    if a.limit:
        records = records[: a.limit]
    started = time.perf_counter()
    nlp = load_pipeline(Settings().models, None)
    preds = run(records, nlp)
    seconds = time.perf_counter() - started
    if a.pred:
        with a.pred.open("w", encoding="utf-8") as f:
            for p in preds:
                f.write(json.dumps(p, ensure_ascii=False) + "\n")
    print(f"{len(records)} records coded in {seconds:.1f} s", file=sys.stderr)
    scorer_path = a.scorer or a.gold.parent / "score_events.py"
    if not records or "expected" not in records[0] or not scorer_path.exists():
        return 0
    scores = score(records, preds, load_scorer(scorer_path))
    print(json.dumps(scores, indent=1))
    if a.json:
        a.json.write_text(json.dumps(scores, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
