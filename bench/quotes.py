"""What quote extraction adds to parsing, on the same text in one run.

Prints the parse time (``nlp.pipe`` with the components QuoteStep needs), the parse + quote
extraction time, and their ratio (extraction should add at most 10%). The text is the PolNeAR
dev articles when ``../shared/eval/quotes/polnear_dev.jsonl`` is there, else the bundled test
fixtures. Never asserts on time.

Run: ``.venv/bin/python bench/quotes.py [--limit N] [--repeat N] [--entities]``.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from texts import POLNEAR, polnear_texts

from dateline.config import Settings
from dateline.extract.quotes import QuoteStep
from dateline.model import Article
from dateline.nlp import load_pipeline

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures" / "quotes"


def texts(limit: int | None) -> tuple[str, list[str]]:
    polnear = polnear_texts(limit)
    if polnear is not None:
        return POLNEAR.name, polnear
    found = [p.read_text(encoding="utf-8") for p in sorted(FIXTURES.glob("*.txt"))]
    return "tests/fixtures/quotes", found[:limit]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--limit", type=int, default=None, help="only the first N texts")
    ap.add_argument("--repeat", type=int, default=3, help="runs; the fastest of each is kept")
    ap.add_argument("--entities", action="store_true", help="also run EntityStep (not timed) first")
    args = ap.parse_args()
    source, bodies = texts(args.limit)
    step = QuoteStep()
    nlp = load_pipeline(Settings().models, step.nlp_components)
    nlp("warm up")
    words = sum(len(b.split()) for b in bodies)
    parse_best = quote_best = float("inf")
    count = 0
    for _ in range(args.repeat):
        began = time.perf_counter()
        docs = list(nlp.pipe(bodies, batch_size=Settings().batch_size))
        parse_best = min(parse_best, time.perf_counter() - began)
        articles = [Article(text=b, doc=d) for b, d in zip(bodies, docs, strict=True)]
        if args.entities:
            from dateline.extract.entities import EntityStep

            articles = list(EntityStep().run(articles))
        began = time.perf_counter()
        count = sum(len(a.quotes) for a in step.run(articles))
        quote_best = min(quote_best, time.perf_counter() - began)
    total = parse_best + quote_best
    print(f"text: {source}, {len(bodies)} articles, {words:,} words; {count} quotes found")
    print(f"parse:                  {parse_best:8.2f} s  ({words / parse_best:,.0f} words/s)")
    print(f"parse + quotes:         {total:8.2f} s  ({words / total:,.0f} words/s)")
    print(f"quote extraction alone: {quote_best:8.3f} s")
    print(f"ratio (parse + quotes) / parse: {total / parse_best:.3f}  (quotes add {quote_best / parse_best:.1%})")


if __name__ == "__main__":
    main()
