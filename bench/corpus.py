"""The corpus stages at scale: stories, happenings and contradictions over reprinted news.

A wire story is reprinted by many outlets, so one story may gather hundreds of near-identical
articles and their claims. This bench analyses the PolNeAR dev texts in ../shared (or the bundled
samples) once, stores 1x and then ``--copies`` times the corpus (each copy of an article ends with
its own sentence, so it is stored as a near-duplicate) with the writer an ingest sets up, and times,
in the same process, the storing (the baseline), the entity relinking and the corpus stages an
ingest runs at its end. Printed per size: the seconds of each, the corpus stages' ratio to the
storing, and each one's seconds per 1,000 articles against the 1x run (1.0 = linear). Never asserts
on time.

Run: ``.venv/bin/python bench/corpus.py [--copies 10 30] [--limit N]``.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from dateline.api import link_corpus
from dateline.corpus.linking import corpus_rules
from dateline.model import Article
from dateline.store.writer import Writer
from scale import analysed_articles, corpus_texts, store_copies


def measure(analysed: list[Article], db: Path, copies: int) -> tuple[int, float, float, float]:
    """Articles stored, and the seconds of storing, of relinking people and of the corpus stages."""
    conn, storing, stored = store_copies(analysed, db, copies)
    start = time.perf_counter()
    Writer(conn, None, link_rules=corpus_rules()).relink_people()
    relinking = time.perf_counter() - start
    start = time.perf_counter()
    counts = link_corpus(conn)
    stages = time.perf_counter() - start
    conn.close()
    print(f"  {copies}x: {stored} articles stored in {storing:.1f} s; people relinked in {relinking:.2f} s; "
          f"corpus stages {stages:.2f} s ({counts.stories} stories, {counts.happenings} happenings, "
          f"{counts.contradictions} contradictions), {stages / storing:.2f}x the storing")
    return stored, storing, relinking, stages


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--copies", type=int, nargs="+", default=[10, 30])
    parser.add_argument("--limit", type=int, default=None, help="use only the first N texts")
    args = parser.parse_args()
    analysed = analysed_articles(corpus_texts(args.limit))
    print(f"corpus: {len(analysed)} analysed articles")
    with tempfile.TemporaryDirectory() as tmp:
        base = measure(analysed, Path(tmp) / "c1.db", 1)
        for copies in args.copies:
            run = measure(analysed, Path(tmp) / f"c{copies}.db", copies)
            growth = [(r / run[0]) / (b / base[0]) for r, b in zip(run[1:], base[1:], strict=True)]
            print(f"  {copies}x against 1x, seconds per article: storing {growth[0]:.2f}x, relinking "
                  f"{growth[1]:.2f}x, corpus stages {growth[2]:.2f}x")


if __name__ == "__main__":
    main()
