"""Ingest throughput on the bundled sample corpus, against bare spaCy on the same text.

Prints articles per second for the whole ingest (read, clean, parse, extract, store) into a fresh
database, and the ratio of its time to a bare ``nlp.pipe`` over the same cleaned bodies in the same
process. Run: ``.venv/bin/python bench/ingest.py [PATH ...] [--repeat N]``.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from dateline import api
from dateline.config import Settings
from dateline.nlp import load_pipeline

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    default = [str(ROOT / "samples" / d) for d in ("dumps", "html", "feeds", "warc", "jsonl")]
    parser.add_argument("paths", nargs="*", default=default)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    settings = Settings()
    nlp = load_pipeline(settings.models, None)  # warm the model cache outside the timings
    nlp("warm up")
    ingest_times, texts = [], []
    for _ in range(args.repeat):
        with tempfile.TemporaryDirectory() as tmp:
            db = str(Path(tmp) / "bench.db")
            start = time.perf_counter()
            report = api.ingest(args.paths, db, settings=settings)
            ingest_times.append(time.perf_counter() - start)
            texts = [row["text"] for row in api.open_reader(db).articles()]
    parse_times = []
    for _ in range(args.repeat):
        start = time.perf_counter()
        for _doc in nlp.pipe(texts, batch_size=settings.batch_size):
            pass
        parse_times.append(time.perf_counter() - start)
    best_ingest, best_parse = min(ingest_times), min(parse_times)
    words = sum(len(t.split()) for t in texts)
    print(f"corpus: {', '.join(args.paths)}: {report.articles} articles, {words} words, "
          f"{report.duplicates} duplicates, {sum(report.drops.values())} drops")
    print(f"ingest (read+clean+parse+extract+store): {best_ingest:.2f} s  = {report.articles / best_ingest:.1f} articles/s")
    print(f"bare nlp.pipe on the same bodies:        {best_parse:.2f} s  = {len(texts) / best_parse:.1f} articles/s")
    print(f"ratio ingest / bare parse: {best_ingest / best_parse:.2f}x (best of {args.repeat})")


if __name__ == "__main__":
    main()
