"""Score dateline's quote attribution (and textacy's direct quotations, as a baseline) on gold data.

Usage::

    python eval/quotes.py GOLD.jsonl [--pred OUT.jsonl] [--limit N] [--split dev|heldout|all]
                          [--threshold 0.5] [--json SCORES.json]

GOLD is a file in the schema of ``../shared/eval/quotes/polnear_dev.jsonl`` (one article a line:
``{"id", "text", "quotes": [...]}``). Each article's text becomes ``Article(text=...)`` and runs
through ParseStep, EntityStep (when importable) and QuoteStep; predictions are written in the
gold schema (``content_span`` is the hull, ``content_fragments`` the parts when the cue splits
the quote, ``speaker_span`` the in-text mention) and scored with ``score_quotes.py``, which is
loaded from next to GOLD (or ``--scorer``), never copied.

Splits: articles sorted by id; every fifth (index 4, 9, ...) is held back (``heldout``) and
was never looked at while the rules were written; the rest is ``dev``.

Rows printed for both systems:

- all types: every prediction against every gold attribution;
- direct only: gold direct quotations against predictions typed ``direct`` (textacy only
  predicts direct quotations); predictions matching gold of another type are ignored;
- exact-span content F1: a predicted content matches a gold one only when its span is
  identical after trimming whitespace and punctuation at both ends (with ``content_fragments``,
  every fragment so trimmed). The scorer tokenizes into runs of word characters, so this is its
  ``exact`` mode: the same word tokens on both sides, one-to-one.

The first line after the header is the summary the targets are stated in: quote F1 and
precision, quote+speaker F1, direct quote+speaker F1, indirect recall and exact-span content F1.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import sys
import time
from collections.abc import Iterable, Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

from dateline.config import Settings
from dateline.extract.quotes import QuoteStep
from dateline.model import Article, Quote
from dateline.nlp import ParseStep, load_pipeline
from dateline.pipeline import Step

SPLITS = ("dev", "heldout", "all")
HELD_OUT_EVERY = 5


def load_gold(path: Path) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def split(articles: list[dict[str, Any]], which: str) -> list[dict[str, Any]]:
    """The ``dev`` (tuning) part, the ``heldout`` part (every fifth by sorted id), or ``all``."""
    if which not in SPLITS:
        raise ValueError(f"unknown split {which!r}; use one of {SPLITS}")
    ordered = sorted(articles, key=lambda a: a["id"])
    if which == "all":
        return ordered
    held = which == "heldout"
    return [a for i, a in enumerate(ordered) if (i % HELD_OUT_EVERY == HELD_OUT_EVERY - 1) == held]


def load_scorer(path: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location("score_quotes", path)
    if spec is None or spec.loader is None:
        raise SystemExit(f"cannot load the scorer {path}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def entity_step() -> Step | None:
    try:
        from dateline.extract.entities import EntityStep
    except ImportError:
        return None
    return EntityStep()


def parsed(gold: Iterable[dict[str, Any]], nlp: Any = None) -> Iterator[Article]:
    """Gold articles as parsed Articles (with entities when the entity step is importable)."""
    articles = (Article(text=g["text"], id=g["id"]) for g in gold)
    stream: Iterable[Article] = ParseStep(nlp=nlp or load_pipeline(Settings().models, None)).run(articles)
    entities = entity_step()
    if entities is not None:
        stream = entities.run(stream)
    yield from stream


def quote_record(q: Quote) -> dict[str, Any]:
    record: dict[str, Any] = {
        "content_span": q.hull.to_list(),
        "speaker": q.speaker_mention or q.speaker,  # the name alone when the quote mentions nobody
        "speaker_span": q.speaker_span.to_list() if q.speaker_span else None,
        "cue_span": q.cue_span.to_list() if q.cue_span else None,
        "type": q.type,
        "cue": q.cue,
        "speaker_resolved": q.speaker,
        "speaker_kind": q.speaker_kind,
        "confidence": q.confidence,
    }
    if len(q.content_spans) > 1:
        record["content_fragments"] = [s.to_list() for s in q.content_spans]
    return record


def textacy_records(doc: Any) -> list[dict[str, Any]]:
    """textacy's ``direct_quotations``, run paragraph by paragraph, in the gold schema."""
    from textacy.extract.triples import direct_quotations

    out = []
    start = 0
    for block in doc.text.split("\n"):
        end = start + len(block)
        span = doc.char_span(start, end, alignment_mode="contract") if block.strip() else None
        if span is not None and len(span):
            base = span.start_char
            try:
                triples = list(direct_quotations(span.as_doc()))
            except ValueError:  # textacy gives up on a paragraph with an unclosed quotation
                triples = []
            for triple in triples:
                speaker = sorted(triple.speaker, key=lambda t: t.i)
                cue = sorted(triple.cue, key=lambda t: t.i)
                content = triple.content
                out.append({
                    "content_span": [base + content.start_char, base + content.end_char],
                    "speaker": " ".join(t.text for t in speaker) or None,
                    "speaker_span": [base + speaker[0].idx, base + speaker[-1].idx + len(speaker[-1])] if speaker else None,
                    "cue_span": [base + cue[0].idx, base + cue[-1].idx + len(cue[-1])] if cue else None,
                    "type": "direct",
                })
        start = end + 1
    return out


def predict(gold: list[dict[str, Any]], nlp: Any = None) -> tuple[dict[str, list[dict[str, Any]]], dict[str, list[dict[str, Any]]], float]:
    """dateline's and textacy's predictions by article id, and the seconds quote extraction took."""
    step = QuoteStep()
    ours: dict[str, list[dict[str, Any]]] = {}
    baseline: dict[str, list[dict[str, Any]]] = {}
    spent = 0.0
    for article in parsed(gold, nlp):
        began = time.perf_counter()
        for done in step.process(article):
            ours[done.id] = [quote_record(q) for q in done.quotes]
        spent += time.perf_counter() - began
        baseline[article.id] = textacy_records(article.doc)
    return ours, baseline, spent


def direct_only(pred: dict[str, list[dict[str, Any]]]) -> dict[str, list[dict[str, Any]]]:
    return {k: [q for q in v if q.get("type") == "direct"] for k, v in pred.items()}


def scores(scorer: ModuleType, gold: list[dict[str, Any]], pred: dict[str, list[dict[str, Any]]], threshold: float) -> dict[str, Any]:
    """The scorer's figures for all types, for direct quotations only, and with exact-span content."""
    key = f"f1>={threshold:.2f}"
    every = scorer.score(gold, pred, threshold)
    return {
        "all": every[key],
        "direct": scorer.score(gold, direct_only(pred), threshold, {"direct"})[key],
        "exact": every["exact"],
    }


def summary(figures: dict[str, Any]) -> str:
    """One line with the figures the targets are stated in."""
    every = figures["all"]
    indirect = every["recall_by_gold_type"].get("indirect", {"recall": 0.0})["recall"]
    return (
        f"quote F1 {every['quote']['f1']:.3f} (P {every['quote']['precision']:.3f}), "
        f"quote+speaker F1 {every['quote+speaker']['f1']:.3f}, "
        f"direct quote+speaker F1 {figures['direct']['quote+speaker']['f1']:.3f}, "
        f"indirect recall {indirect:.3f}, exact-span content F1 {figures['exact']['quote']['f1']:.3f}"
    )


def table(ours: dict[str, Any], baseline: dict[str, Any]) -> str:
    rows = [("quote P", "quote", "precision"), ("quote R", "quote", "recall"), ("quote F1", "quote", "f1"),
            ("quote+speaker P", "quote+speaker", "precision"), ("quote+speaker R", "quote+speaker", "recall"),
            ("quote+speaker F1", "quote+speaker", "f1")]
    lines = [f"{'':30}{'dateline':>10}{'textacy':>10}"]
    for part in ("all", "direct"):
        label = "all types" if part == "all" else "direct only"
        for name, group, field in rows:
            lines.append(f"{label + ' ' + name:30}{ours[part][group][field]:>10.3f}{baseline[part][group][field]:>10.3f}")
        acc = ours[part]["speaker_accuracy_on_matched"], baseline[part]["speaker_accuracy_on_matched"]
        lines.append(f"{label + ' speaker acc.':30}" + "".join(f"{a if a is not None else 0:>10.3f}" for a in acc))
    lines.append(f"{'exact-span content F1':30}{ours['exact']['quote']['f1']:>10.3f}{baseline['exact']['quote']['f1']:>10.3f}")
    recall = ours["all"]["recall_by_gold_type"]
    lines.append("dateline recall by gold type: " + ", ".join(f"{k} {v['recall']:.3f} ({v['matched']}/{v['gold']})" for k, v in recall.items()))
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("gold", type=Path)
    ap.add_argument("--pred", type=Path, default=None, help="write dateline's predictions here (JSONL)")
    ap.add_argument("--limit", type=int, default=None, help="only the first N articles of the split")
    ap.add_argument("--split", choices=SPLITS, default="all")
    ap.add_argument("--threshold", type=float, default=0.5)
    ap.add_argument("--scorer", type=Path, default=None, help="score_quotes.py (default: next to GOLD)")
    ap.add_argument("--json", type=Path, default=None, help="write all scores here")
    args = ap.parse_args(argv)
    if not args.gold.exists():
        print(f"{args.gold} is absent; the gold data lives in ../shared/eval/quotes", file=sys.stderr)
        return 2
    scorer = load_scorer(args.scorer or args.gold.parent / "score_quotes.py")
    gold = split(load_gold(args.gold), args.split)[: args.limit]
    began = time.perf_counter()
    ours, baseline, spent = predict(gold)
    total = time.perf_counter() - began
    if args.pred:
        args.pred.parent.mkdir(parents=True, exist_ok=True)
        with args.pred.open("w", encoding="utf-8") as f:
            for g in gold:
                f.write(json.dumps({"id": g["id"], "quotes": ours.get(g["id"], [])}, ensure_ascii=False) + "\n")
    mine, theirs = scores(scorer, gold, ours, args.threshold), scores(scorer, gold, baseline, args.threshold)
    print(f"{args.gold.name}: split {args.split}, {len(gold)} articles, "
          f"{sum(len(g['quotes']) for g in gold)} gold attributions; "
          f"{total:.1f}s in all, {spent:.2f}s in quote extraction")
    print("dateline: " + summary(mine))
    print(table(mine, theirs))
    if args.json:
        args.json.write_text(json.dumps({"dateline": mine, "textacy": theirs}, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
