"""Memory stays flat as the corpus grows: peak traced memory of an ingest at 1x and 8x the corpus.

Builds a JSONL corpus from the bundled samples (each copy made distinct by a numbered closing
sentence, so nothing is skipped as a duplicate), ingests 1x and 8x of it into fresh databases, and
prints peak memory (tracemalloc, which sees numpy's buffers too) against a bare ``nlp.pipe`` over
the 1x bodies in the same process. Run: ``.venv/bin/python bench/memory.py [--copies 8]``.
"""

from __future__ import annotations

import argparse
import json
import tempfile
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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--copies", type=int, default=8)
    args = parser.parse_args()
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
