"""What entity linking adds to parsing, on the same text in one run.

Prints the parse time (``nlp.pipe`` with the components EntityStep needs), the time of EntityStep
(mentions, roles, in-article linking), the time of storing the entities and mentions on an in-memory
database with plain exact-name merging (the store's own cost, not linking), the time corpus-wide
linking adds to that (the writer's linking decisions plus the surname plan after the batch), and
the ratio of the linking parts (EntityStep and corpus linking) to the parse (the target: under 5%),
and the CPU time of the parse and of EntityStep (steadier than wall time on a busy machine). With
``--ingest-parse`` it also times the parse an ingest runs (the components of all extraction steps,
the parser among them) and gives the ratio to that. The text is the PolNeAR dev articles when
``../shared/eval/quotes/polnear_dev.jsonl`` is there, else the labelled people fixtures. Never
asserts on time.

Run: ``.venv/bin/python bench/entities.py [--limit N] [--repeat N]``.
"""

from __future__ import annotations

import argparse
import time
from dataclasses import replace
from pathlib import Path

from texts import POLNEAR, polnear_texts

from dateline.api import extraction_steps
from dateline.config import Settings
from dateline.corpus.linking import corpus_rules
from dateline.extract.entities import EntityStep
from dateline.model import Article, article_id
from dateline.nlp import load_pipeline
from dateline.store.connection import connect
from dateline.store.writer import Writer

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures" / "entities" / "people"


def texts(limit: int | None) -> tuple[str, list[str]]:
    polnear = polnear_texts(limit)
    if polnear is not None:
        return POLNEAR.name, polnear
    found = [
        p.read_text(encoding="utf-8").replace("{", "").replace("}", "")
        for p in sorted(FIXTURES.rglob("*.txt"))
    ]
    return "tests/fixtures/entities/people", found[:limit]


def _write(articles: list[Article], link: bool) -> float:
    """Seconds to write ``articles``: with corpus linking and the surname plan, or (``link`` False)
    with the store's default exact-name merging."""
    conn = connect(":memory:")
    writer = Writer(conn, None, link_rules=corpus_rules() if link else None)
    began = time.perf_counter()
    for a in articles:
        writer.write(a, None)
    if link:
        writer.relink_people()
    spent = time.perf_counter() - began
    conn.close()
    return spent


def writes(articles: list[Article]) -> tuple[float, float, float]:
    """Seconds of three writes of ``articles``: without entities or mentions, with them merged by
    exact names, and with corpus linking (storing costs the second less the first; corpus linking
    adds the third less the second)."""
    bare = [replace(a, entities=[], mentions=[]) for a in articles]
    return _write(bare, False), _write(articles, False), _write(articles, True)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--limit", type=int, default=None, help="only the first N texts")
    ap.add_argument("--repeat", type=int, default=3, help="runs; the fastest of each is kept")
    ap.add_argument("--ingest-parse", action="store_true", help="also time the parse an ingest runs")
    args = ap.parse_args()
    source, bodies = texts(args.limit)
    nlp = load_pipeline(Settings().models, EntityStep.nlp_components)
    nlp("warm up")
    words = sum(len(b.split()) for b in bodies)
    parse_best = step_best = parse_cpu = step_cpu = float("inf")
    write_best = [float("inf")] * 3
    count = 0
    for _ in range(args.repeat):
        began, cpu = time.perf_counter(), time.process_time()
        docs = list(nlp.pipe(bodies, batch_size=Settings().batch_size))
        parse_best = min(parse_best, time.perf_counter() - began)
        parse_cpu = min(parse_cpu, time.process_time() - cpu)
        articles = [Article(text=b, doc=d, id=article_id(b)) for b, d in zip(bodies, docs, strict=True)]
        began, cpu = time.perf_counter(), time.process_time()
        articles = list(EntityStep().run(articles))
        step_best = min(step_best, time.perf_counter() - began)
        step_cpu = min(step_cpu, time.process_time() - cpu)
        count = sum(len(a.entities) for a in articles)
        for a in articles:
            a.doc = None
        write_best = [min(best, spent) for best, spent in zip(write_best, writes(articles), strict=True)]
    plain, exact, linked = write_best
    store_best, corpus_best = max(exact - plain, 0.0), max(linked - exact, 0.0)
    print(f"text: {source}, {len(bodies)} articles, {words:,} words; {count} entities found in articles")
    print(f"parse:                      {parse_best:8.2f} s  ({words / parse_best:,.0f} words/s)")
    print(f"EntityStep (in-article):    {step_best:8.3f} s  ({step_best / parse_best:.1%} of parse)")
    print(
        f"storing entities + mentions: {store_best:7.3f} s  ({store_best / parse_best:.1%} of parse, not linking)"
    )
    print(f"corpus linking (writer+plan): {corpus_best:6.3f} s  ({corpus_best / parse_best:.1%} of parse)")
    print(f"ratio linking / parse: {(step_best + corpus_best) / parse_best:.3f}")
    print(f"CPU time (this process): parse {parse_cpu:.2f} s, EntityStep {step_cpu:.3f} s ({step_cpu / parse_cpu:.1%})")
    if args.ingest_parse:
        full = ingest_parse(bodies, args.repeat)
        print(f"parse as an ingest runs it: {full:8.2f} s; ratio linking / that parse: {(step_best + corpus_best) / full:.3f}")


def ingest_parse(bodies: list[str], repeat: int) -> float:
    """Seconds of the fastest ``nlp.pipe`` over ``bodies`` with the components an ingest loads."""
    parse = extraction_steps(Settings())[0]
    nlp = load_pipeline(Settings().models, getattr(parse, "components", None))
    nlp("warm up")
    best = float("inf")
    for _ in range(repeat):
        began = time.perf_counter()
        for _doc in nlp.pipe(bodies, batch_size=Settings().batch_size):
            pass
        best = min(best, time.perf_counter() - began)
    return best


if __name__ == "__main__":
    main()
