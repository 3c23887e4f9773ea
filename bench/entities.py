"""What entity linking adds to parsing, on the same text in one run.

Prints the parse time (``nlp.pipe`` with the components EntityStep needs), the time of EntityStep
(mentions, roles, in-article linking), the time of storing the entities and mentions on an in-memory
database with plain exact-name merging (the store's own cost, not linking), the time corpus-wide
linking adds to that (the writer's linking decisions plus the surname plan after the batch; each the
median, over nine rounds of the three writes, of a round's difference), and
the ratio of the linking parts (EntityStep and corpus linking) to the parse (the target: under 5%),
and the CPU time of the parse and of EntityStep (steadier than wall time on a busy machine). With
``--ingest-parse`` it also times the parse an ingest runs (the components of all extraction steps,
the parser among them) and gives the ratio to that. The text is the PolNeAR dev articles when
``../shared/eval/quotes/polnear_dev.jsonl`` is there, else the labelled people fixtures. Never
asserts on time.

The machine's speed drifts from second to second, so the parse and the linking are timed in turn
over small chunks of texts (``--chunk``) and summed over ``--repeat`` passes: both see the same
drift, and the ratio holds still where a fastest-of-N of a half-second step would not. The tables
are read, the patterns compiled and the gazetteer loaded before the clock starts, on the labelled
people fixtures (a start-up cost paid once per process, not per article), and what is then loaded
is frozen out of the garbage collections, as an ingest does.

Run: ``.venv/bin/python bench/entities.py [--limit N] [--repeat N] [--chunk N] [--ingest-parse]``.
"""

from __future__ import annotations

import argparse
import gc
import statistics
import time
from dataclasses import replace
from pathlib import Path

from texts import POLNEAR, polnear_texts

from dateline.api import extraction_steps
from dateline.config import Settings
from dateline.corpus.linking import corpus_rules
from dateline.extract.entities import EntityStep
from dateline.geo.gazetteer import gazetteer
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


#: Rounds of the three writes per pass: the store's and the corpus part's costs are differences of
#: two writes of one round, and their medians over all rounds hold still where a difference of two
#: fastest writes did not.
_WRITE_ROUNDS = 3


def chunks(bodies: list[str], size: int) -> list[list[str]]:
    return [bodies[n : n + size] for n in range(0, len(bodies), size)]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--limit", type=int, default=None, help="only the first N texts")
    ap.add_argument("--repeat", type=int, default=3, help="passes over the texts (times are summed)")
    ap.add_argument("--chunk", type=int, default=8, help="texts parsed, then linked, in turn")
    ap.add_argument("--ingest-parse", action="store_true", help="also time the parse an ingest runs")
    args = ap.parse_args()
    source, bodies = texts(args.limit)
    nlp = load_pipeline(Settings().models, EntityStep.nlp_components)
    nlp("warm up")
    full = None
    if args.ingest_parse:
        full = load_pipeline(Settings().models, getattr(extraction_steps(Settings())[0], "components", None))
        full("warm up")
    words = sum(len(b.split()) for b in bodies)
    step = EntityStep()
    warm = [p.read_text(encoding="utf-8").replace("{", "").replace("}", "") for p in sorted(FIXTURES.rglob("*.txt"))]
    list(step.run(Article(text=t, doc=d, id=article_id(t)) for t, d in zip(warm, nlp.pipe(warm), strict=True)))
    gazetteer()  # loaded at start-up by an ingest's place step; the entity rules look towns up in it
    gc.collect()
    gc.freeze()  # as an ingest does once its steps are warm (scale/pool.py)
    parse = linking = parse_cpu = linking_cpu = ingest = 0.0
    stored: list[float] = []
    linked: list[float] = []
    count = 0
    for _ in range(args.repeat):
        analysed: list[Article] = []
        for chunk in chunks(bodies, args.chunk):
            began, cpu = time.perf_counter(), time.process_time()
            docs = list(nlp.pipe(chunk, batch_size=Settings().batch_size))
            parse += time.perf_counter() - began
            parse_cpu += time.process_time() - cpu
            articles = [Article(text=b, doc=d, id=article_id(b)) for b, d in zip(chunk, docs, strict=True)]
            began, cpu = time.perf_counter(), time.process_time()
            articles = list(step.run(articles))
            linking += time.perf_counter() - began
            linking_cpu += time.process_time() - cpu
            if full is not None:
                began = time.perf_counter()
                for _doc in full.pipe(chunk, batch_size=Settings().batch_size):
                    pass
                ingest += time.perf_counter() - began
            for a in articles:
                a.doc = None
            analysed += articles
        count = sum(len(a.entities) for a in analysed)
        for _ in range(_WRITE_ROUNDS):
            plain, exact, corpus = writes(analysed)
            stored.append(exact - plain)
            linked.append(corpus - exact)
    n = args.repeat
    parse, linking, parse_cpu, linking_cpu, ingest = (v / n for v in (parse, linking, parse_cpu, linking_cpu, ingest))
    store_best, corpus_best = max(statistics.median(stored), 0.0), max(statistics.median(linked), 0.0)
    print(f"text: {source}, {len(bodies)} articles, {words:,} words; {count} entities found in articles")
    print(f"passes: {n}, each parsing then linking {args.chunk} texts at a time (mean seconds per pass)")
    print(f"parse:                      {parse:8.2f} s  ({words / parse:,.0f} words/s)")
    print(f"EntityStep (in-article):    {linking:8.3f} s  ({linking / parse:.1%} of parse)")
    print(f"storing entities + mentions: {store_best:7.3f} s  ({store_best / parse:.1%} of parse, not linking)")
    print(f"corpus linking (writer+plan): {corpus_best:6.3f} s  ({corpus_best / parse:.1%} of parse)")
    print(f"ratio linking / parse: {(linking + corpus_best) / parse:.3f}")
    print(f"CPU time (this process): parse {parse_cpu:.2f} s, EntityStep {linking_cpu:.3f} s ({linking_cpu / parse_cpu:.1%})")
    if full is not None:
        print(f"parse as an ingest runs it: {ingest:8.2f} s; ratio linking / that parse: {(linking + corpus_best) / ingest:.3f}")


if __name__ == "__main__":
    main()
