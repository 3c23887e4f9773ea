"""Memory stays flat as the corpus grows: peak traced memory of an ingest at 1x and 8x the corpus.

Builds a JSONL corpus from the bundled samples (each copy made distinct by a numbered closing
sentence, so nothing is skipped as a duplicate), ingests 1x and 8x of it into fresh databases, and
prints peak memory (tracemalloc, which sees numpy's buffers too) against a bare ``nlp.pipe`` over
the 1x bodies in the same process. Run: ``.venv/bin/python bench/memory.py [--copies 8]``.

``--hostile`` instead ingests, each in a child process, a gzipped WARC bomb (``WARC/1.0`` then 1 GiB
of zeros), a 1.3 MB plain-text article (over spaCy's ``max_length``; ``--long-chars`` sets another length) and, as the baseline, one short
article; it prints each child's peak resident memory, its wall time, and both as ratios to the baseline.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path

from dateline import api
from dateline.config import Settings
from dateline.nlp import load_pipeline

ROOT = Path(__file__).resolve().parent.parent
FOLDERS = [str(ROOT / "samples" / d) for d in ("dumps", "html", "feeds", "warc", "jsonl")]


def peak(fn: Callable[[], object]) -> float:
    tracemalloc.start()
    fn()
    _, top = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return top / 2**20


STORY = "PORT ELLIS — Ferries to the islands resumed on Tuesday after a two-day pause, the port said."


def _bomb(path: Path) -> None:
    import zlib

    packer = zlib.compressobj(6, zlib.DEFLATED, 31)
    with path.open("wb") as out:
        out.write(packer.compress(b"WARC/1.0\r\n"))
        for _ in range(1024):
            out.write(packer.compress(bytes(1 << 20)))
        out.write(packer.flush())


def _child_ingest(path: Path, db: Path) -> tuple[float, float, str]:
    """Peak RSS (MB) and seconds of ``api.ingest([path])`` in a child process, and its report."""
    code = ("import sys; from dateline import api; r = api.ingest([sys.argv[1]], sys.argv[2]); "
            "print(r.articles, 'stored;', dict(r.drops))")
    started = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-c", code, str(path), str(db)], stdout=subprocess.PIPE, text=True)
    out = proc.stdout.read().strip() if proc.stdout else ""
    _, _, usage = os.wait4(proc.pid, 0)
    return usage.ru_maxrss / 1024, time.perf_counter() - started, out


def hostile(long_chars: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        base = Path(tmp)
        short, long_, bomb = base / "short.txt", base / "long.txt", base / "bomb.warc.gz"
        short.write_text(STORY + "\n")
        paragraph = " ".join(f"{STORY} Crew {i} returned." for i in range(8))
        long_.write_text("\n\n".join(f"{paragraph} Shift {n}." for n in range(long_chars // len(paragraph) + 1)))
        _bomb(bomb)
        rows = [("baseline: one short article", short), (f"long article ({long_.stat().st_size:,} bytes)", long_),
                (f"WARC bomb ({bomb.stat().st_size:,} bytes gzipped, 1 GiB inside)", bomb)]
        results = [(label, *_child_ingest(path, base / f"{i}.db")) for i, (label, path) in enumerate(rows)]
    rss0, sec0 = results[0][1], results[0][2]
    for label, rss, sec, out in results:
        print(f"{label:55s} peak {rss:7.1f} MB ({rss / rss0:4.2f}x)  {sec:6.1f} s ({sec / sec0:5.2f}x)  {out}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--copies", type=int, default=8)
    parser.add_argument("--hostile", action="store_true", help="Peak memory of a WARC bomb and a long article.")
    parser.add_argument("--long-chars", type=int, default=1_300_000, help="Length of the long article.")
    args = parser.parse_args()
    if args.hostile:
        return hostile(args.long_chars)
    nlp = load_pipeline(Settings().models, None)
    with tempfile.TemporaryDirectory() as tmp:
        base = api.ingest(FOLDERS, str(Path(tmp) / "base.db"))
        texts = [r["text"] for r in api.open_reader(str(Path(tmp) / "base.db")).articles()]

        def corpus(copies: int) -> str:
            path = Path(tmp) / f"corpus_{copies}.jsonl"
            with path.open("w") as fh:
                for c in range(copies):
                    for i, text in enumerate(texts):
                        fh.write(json.dumps({"text": f"{text}\n\nThis is copy {c} of story {i}."}) + "\n")
            return str(path)

        small, large = corpus(1), corpus(args.copies)
        bare = peak(lambda: list(nlp.pipe(texts, batch_size=32)))
        one = peak(lambda: api.ingest([small], str(Path(tmp) / "one.db")))
        many = peak(lambda: api.ingest([large], str(Path(tmp) / "many.db")))
    print(f"corpus: {base.articles} articles; {args.copies}x = {base.articles * args.copies} articles")
    print(f"bare nlp.pipe over 1x, docs kept:  peak {bare:7.1f} MB")
    print(f"ingest 1x:                          peak {one:7.1f} MB  ({one / bare:.2f}x bare)")
    print(f"ingest {args.copies}x:                          peak {many:7.1f} MB  ({many / one:.2f}x the 1x ingest)")


if __name__ == "__main__":
    main()
