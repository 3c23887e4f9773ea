"""Scale of the Dask engine: 1 against 2 workers, worker memory at 1x and 10x, the writer's ceiling.

Builds a corpus of small JSONL files (``--per-file`` articles each; a source is the unit of work)
from the PolNeAR dev texts in ../shared (or the bundled samples), then:

1. ingests it with the Dask engine on a LocalCluster of 1, then 2 workers (started and warmed before
   the clock starts) and prints articles per second, the speed-up, the CPU seconds of the writer's
   process and of the workers, and the load average of the machine (other work on it skews the
   wall times; the CPU seconds show what the ingest itself cost), ``--repeat`` times (the order
   of the two turns from run to run), and checks that both stored the same facts; with several
   runs, the speed-up of the summed times and the median of the runs';
2. ingests 1x and ``--times``x the corpus (copies made distinct by a numbered closing sentence) on
   fresh 2-worker clusters and prints each worker's peak resident memory;
3. times the single writer alone, set up as an ingest sets it up, storing already analysed articles
   into a fresh database, and prints facts (stored rows) and articles per second: the ceiling of one
   SQLite writer.

Run: ``.venv/bin/python bench/scale.py [--times 10] [--per-file 4] [--limit N] [--repeat N] [--speedup-only | --writer-only]``.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import tempfile
import time
from dataclasses import replace
from pathlib import Path
from typing import Any

from texts import polnear_texts

from dateline import api
from dateline.config import Settings
from dateline.corpus.dedup import NearDuplicateIndex
from dateline.corpus.linking import corpus_rules
from dateline.model import Article
from dateline.scale import open_client
from dateline.store import Writer, connect
from dateline.store.facts import count_facts, diff_facts, dump_facts
from dateline.store.writer import INGEST_BATCH

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = [str(ROOT / "samples" / d) for d in ("dumps", "html", "feeds", "warc", "jsonl")]


def corpus_texts(limit: int | None) -> list[str]:
    texts = polnear_texts(limit)
    if texts:
        return texts
    with tempfile.TemporaryDirectory() as tmp:
        api.ingest(SAMPLES, str(Path(tmp) / "s.db"))
        return [r["text"] for r in api.open_reader(str(Path(tmp) / "s.db")).articles()][:limit]


def write_corpus(texts: list[str], folder: Path, copies: int, per_file: int) -> int:
    """JSONL files of ``per_file`` articles; copy ``c`` of each text ends with its own sentence."""
    folder.mkdir(parents=True)
    rows = [f"{t}\n\nThis is copy {c} of story {i}." if c else t
            for c in range(copies) for i, t in enumerate(texts)]
    for n in range(0, len(rows), per_file):
        with (folder / f"part-{n // per_file:05d}.jsonl").open("w", encoding="utf-8") as fh:
            for text in rows[n : n + per_file]:
                fh.write(json.dumps({"text": text, "outlet": "Bench Wire", "published": "2024-08-16"}) + "\n")
    return len(rows)


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def cpu_seconds() -> float:
    """CPU seconds of this process so far (run on a worker: of that worker)."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    return own.ru_utime + own.ru_stime


def run_cluster(folder: Path, db: Path, workers: int) -> tuple[float, int, list[float], float, float]:
    """Ingest ``folder`` on a fresh, warmed LocalCluster; (seconds, articles, peak MB per worker,
    CPU seconds of this process, CPU seconds of all workers)."""
    settings = Settings(engine="dask", workers=workers)
    client, cluster = open_client(settings, api.build_pipeline)
    try:
        settings.scheduler = cluster.scheduler_address
        before, workers_before = cpu_seconds(), client.run(cpu_seconds)
        report = api.ingest([str(folder)], db, settings=settings)
        own, workers_after = cpu_seconds() - before, client.run(cpu_seconds)
        peaks = sorted(client.run(peak_rss_mb).values())
    finally:
        client.close()
        cluster.close()
    spent = sum(workers_after[w] - workers_before.get(w, 0.0) for w in workers_after)
    return report.seconds, report.articles, peaks, own, spent


def speedup(folder: Path, tmp: Path, run: int) -> tuple[float, float, list[float]]:
    """One 1-worker and one 2-worker ingest of ``folder`` (in turn first, so that a drift of the
    machine's speed does not always favour one); prints them; returns both times and the 2-worker
    peaks."""
    load = os.getloadavg()[0]
    runs = {}
    for workers in (1, 2) if run % 2 else (2, 1):
        runs[workers] = run_cluster(folder, tmp / f"w{workers}-{run}.db", workers)
    (one_s, one_n, _, one_own, one_workers), (two_s, two_n, peaks, two_own, two_workers) = runs[1], runs[2]
    print(f"run {run} ({'1 worker first' if run % 2 else '2 workers first'}), load average {load:.1f} -> "
          f"{os.getloadavg()[0]:.1f}")
    print(f"  1 worker:  {one_s:6.1f} s = {one_n / one_s:5.1f} articles/s; CPU: writer's process {one_own:.1f} s, "
          f"workers {one_workers:.1f} s")
    print(f"  2 workers: {two_s:6.1f} s = {two_n / two_s:5.1f} articles/s  ({one_s / two_s:.2f}x); CPU: writer's "
          f"process {two_own:.1f} s, workers {two_workers:.1f} s")
    one, two = connect(tmp / f"w1-{run}.db", readonly=True), connect(tmp / f"w2-{run}.db", readonly=True)
    differences = diff_facts(dump_facts(one), dump_facts(two))
    one.close()
    two.close()
    print(f"  stored facts: {'identical' if not differences else f'{len(differences)} differences'}")
    return one_s, two_s, peaks


def summary(times: list[tuple[float, float, list[float]]]) -> None:
    """The speed-up over all runs: of the summed times, and the median of the runs' own."""
    ones, twos = [t[0] for t in times], [t[1] for t in times]
    ratios = sorted(o / t for o, t in zip(ones, twos, strict=True))
    print(f"all {len(times)} runs: 1 worker {sum(ones):.1f} s, 2 workers {sum(twos):.1f} s: "
          f"{sum(ones) / sum(twos):.2f}x; median of the runs {statistics.median(ratios):.2f}x "
          f"(lowest {ratios[0]:.2f}x, highest {ratios[-1]:.2f}x)")


def analysed_articles(texts: list[str]) -> list[Article]:
    """The texts analysed once, ready to be stored (no Docs)."""
    out = [a for a in api.process(Article(text=t, outlet="Bench Wire") for t in texts) if a.drop is None]
    for a in out:
        a.doc, a.caption_docs = None, []
    return out


def store_copies(analysed: list[Article], db: Path, copies: int) -> tuple[Any, float, int]:
    """Store ``copies`` x the analysed corpus into a fresh database with the writer an ingest sets up
    (near-duplicate index, corpus-wide entity linking, commits in batches); copy ``c`` of each
    article ends with its own sentence. Returns the open connection, the seconds and the articles
    stored."""
    conn = connect(db)
    writer = Writer(conn, NearDuplicateIndex(), link_rules=corpus_rules(), batch=INGEST_BATCH)
    source = writer.begin_source("bench", "x", 0, "jsonl")
    start = time.perf_counter()
    stored = 0
    for c in range(copies):
        for i, a in enumerate(analysed):
            copy = replace(a, text=f"{a.text}\n\nThis is copy {c} of story {i}." if c else a.text)
            copy.id, copy.position = f"{c:04d}{i:04d}{a.id[8:]}", c * len(analysed) + i
            stored += writer.write(copy, source) == "stored"
    writer.flush()
    return conn, time.perf_counter() - start, stored


def writer_ceiling(texts: list[str], tmp: Path, copies: int) -> tuple[float, int, int]:
    """Seconds, facts and articles for the writer alone storing ``copies`` x the analysed corpus, set
    up as an ingest sets it up (the corpus stages after an ingest are not counted)."""
    conn, seconds, stored = store_copies(analysed_articles(texts), tmp / "writer.db", copies)
    facts = count_facts(dump_facts(conn))
    conn.close()
    return seconds, facts, stored


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--times", type=int, default=10)
    parser.add_argument("--per-file", type=int, default=4)
    parser.add_argument("--limit", type=int, default=None, help="use only the first N texts")
    parser.add_argument("--repeat", type=int, default=1, help="1-against-2-worker runs")
    parser.add_argument("--speedup-only", action="store_true", help="skip the memory and writer parts")
    parser.add_argument("--writer-only", action="store_true", help="only the writer's ceiling")
    args = parser.parse_args()
    texts = corpus_texts(args.limit)
    words = sum(len(t.split()) for t in texts)
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        write_corpus(texts, tmp / "x1", 1, args.per_file)
        many = write_corpus(texts, tmp / "xN", args.times, args.per_file)
        print(f"corpus: {len(texts)} articles, {words} words, in files of {args.per_file}; "
              f"{args.times}x = {many} articles")
        if args.writer_only:
            writer_line(texts, tmp, args.times)
            return
        times = [speedup(tmp / "x1", tmp, run) for run in range(1, args.repeat + 1)]
        if len(times) > 1:
            summary(times)
        peaks1 = times[-1][2]
        if args.speedup_only:
            return
        big_s, big_n, peaks10, _, _ = run_cluster(tmp / "xN", tmp / "wN.db", 2)
        print(f"2 workers, {args.times}x: {big_s:6.1f} s = {big_n / big_s:5.1f} articles/s")
        print(f"peak memory per worker, 1x:  {', '.join(f'{p:.0f} MB' for p in peaks1)}")
        print(f"peak memory per worker, {args.times}x: {', '.join(f'{p:.0f} MB' for p in peaks10)}  "
              f"({max(peaks10) / max(peaks1):.2f}x the 1x peak)")
        writer_line(texts, tmp, args.times)


def writer_line(texts: list[str], tmp: Path, copies: int) -> None:
    w_s, facts, stored = writer_ceiling(texts, tmp, copies)
    print(f"writer alone, {stored} articles: {w_s:.1f} s = {facts / w_s:,.0f} facts/s, "
          f"{stored / w_s:.0f} articles/s ({stored / w_s * 86400:,.0f} articles/day)")


if __name__ == "__main__":
    main()
