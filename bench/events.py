"""What dates, places and events add to parsing, on the same text in one run.

Prints the parse time (``nlp.pipe`` with the components the three steps need), the time of
DateStep + PlaceStep + EventStep on the parsed articles, and the ratio of parse + extraction to
parse alone (the extraction should add at most 10%). The gazetteer and lexicon are loaded once
before timing. The text is the PolNeAR dev articles when ``../shared/eval/quotes/polnear_dev.jsonl``
is there (US political news), else the seed dump and the event test fixtures. Never asserts on
time.

Run: ``.venv/bin/python bench/events.py [--limit N] [--repeat N] [--entities]``.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from texts import POLNEAR, polnear_texts

from dateline.config import Settings
from dateline.extract.dates import DateStep
from dateline.extract.events import EventStep
from dateline.extract.events.lexicon import lexicon
from dateline.extract.places import PlaceStep
from dateline.geo.gazetteer import gazetteer
from dateline.model import Article
from dateline.nlp import load_pipeline
from dateline.pipeline import Step

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT.parent / "shared" / "corpus" / "asharq_al_awsat_2024-08.txt"
FIXTURES = ROOT / "tests" / "fixtures" / "events"


def texts(limit: int | None) -> tuple[str, list[str]]:
    polnear = polnear_texts(limit)
    if polnear is not None:
        return POLNEAR.name, polnear
    found = [SEED.read_text(encoding="utf-8")] if SEED.exists() else []
    for path in sorted(FIXTURES.glob("*.tsv")):
        lines = [line.split("\t")[-1] for line in path.read_text(encoding="utf-8").splitlines()]
        found.append(" ".join(line for line in lines[2:] if line and not line.startswith("#")))
    return "seed dump + tests/fixtures/events", found[:limit]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--limit", type=int, default=None, help="only the first N texts")
    ap.add_argument("--repeat", type=int, default=3, help="runs; the fastest of each is kept")
    ap.add_argument("--entities", action="store_true", help="also run EntityStep (not timed) first")
    args = ap.parse_args()
    source, bodies = texts(args.limit)
    steps: list[Step] = [DateStep(), PlaceStep(), EventStep()]
    components: frozenset[str] = frozenset().union(*(s.nlp_components for s in steps))
    nlp = load_pipeline(Settings().models, components)
    nlp("warm up")
    gazetteer(), lexicon()
    words = sum(len(b.split()) for b in bodies)
    parse_best = extract_best = float("inf")
    events = places = dates = 0
    for _ in range(args.repeat):
        started = time.perf_counter()
        docs = list(nlp.pipe(bodies, batch_size=32))
        parse_best = min(parse_best, time.perf_counter() - started)
        articles = [Article(text=b) for b in bodies]
        for article, doc in zip(articles, docs, strict=True):
            article.doc = doc
        if args.entities:
            from dateline.extract.entities import EntityStep

            articles = list(EntityStep().run(articles))
        started = time.perf_counter()
        stream: list[Article] = articles
        for step in steps:
            stream = list(step.run(stream))
        extract_best = min(extract_best, time.perf_counter() - started)
        events = sum(len(a.events) for a in stream)
        places = sum(len(a.places) for a in stream)
        dates = sum(len(a.dates) for a in stream)
    print(f"text: {source}, {len(bodies)} articles, {words:,} words")
    print(f"found: {dates} date phrases, {places} places, {events} events")
    print(f"parse ({', '.join(sorted(components))}): {parse_best:.2f} s ({words / parse_best:,.0f} words/s)")
    print(f"dates + places + events: {extract_best:.2f} s")
    print(f"parse + extraction / parse: {(parse_best + extract_best) / parse_best:.3f} "
          f"(extraction adds {100 * extract_best / parse_best:.1f}%)")


if __name__ == "__main__":
    main()
