"""How the cost of one article grows with its length: is every step, the store and the corpus stages linear?

One article is made of the PolNeAR dev articles run together (else the seed dump), one sentence to a
paragraph (the shape of a long live page: thousands of short paragraphs), cut at growing lengths
(doubling from ``--start`` characters up to ``--stop``). For each length the article is written as one
JSON-lines record and ingested into a new database with the real ingest (one process): reader, clean,
parse, every extraction step, the writer, then the corpus stages (stories, happenings, contradictions).
Printed per length: the whole ingest's seconds and the process's peak memory so far; then seconds per
10,000 characters for each step, the store and the corpus stages, and the growth against the shortest length (1.0x = linear; a step whose growth doubles with each
doubling is quadratic). Never asserts on time.

Run: ``.venv/bin/python bench/long.py [--start 25000] [--stop 1500000]``.
"""

from __future__ import annotations

import argparse
import json
import re
import resource
import tempfile
import time
from collections import defaultdict
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from texts import polnear_texts

from dateline import api
from dateline.config import Settings
from dateline.model import Article
from dateline.pipeline import Pipeline, Step

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT.parent / "shared" / "corpus" / "asharq_al_awsat_2024-08.txt"
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[\"“A-Z])")


def long_text(size: int) -> str:
    """``size`` characters of news prose, one sentence to a paragraph. Each round through the source
    texts marks its sentences ("... Round 2."), so no paragraph repeats (cleaning would drop copies)."""
    texts = polnear_texts(None) or [SEED.read_text(encoding="utf-8")]
    sentences = [s.strip() for t in texts for s in _SENTENCE_END.split(t.replace("\n", " ")) if s.strip()]
    paragraphs: list[str] = []
    chars = 0
    round_ = 1
    while chars < size:
        for sentence in sentences:
            paragraphs.append(sentence if round_ == 1 else f"{sentence} Round {round_}.")
            chars += len(paragraphs[-1]) + 2
            if chars >= size:
                break
        round_ += 1
    return "\n\n".join(paragraphs)[:size].rsplit("\n\n", 1)[0]


def timed(step: Step, spent: dict[str, float]) -> Step:
    """``step`` with the time spent inside its ``run`` added to ``spent[step.name]``."""
    run = step.run

    def timed_run(articles: Iterable[Article]) -> Iterator[Article]:
        inner = run(articles)
        while True:
            began = time.perf_counter()
            try:
                article = next(inner)
            except StopIteration:
                spent[step.name] += time.perf_counter() - began
                return
            spent[step.name] += time.perf_counter() - began
            yield article

    step.run = timed_run  # type: ignore[method-assign]
    return step


def ingest_once(text: str, workdir: Path, order: list[str]) -> dict[str, float]:
    """Seconds spent in each step, the store and the corpus stages for one ingest of ``text``."""
    spent: dict[str, float] = defaultdict(float)
    build, link = api.build_pipeline, api.link_corpus

    def timed_pipeline(settings: Settings | None = None, reader: Any = None) -> Pipeline:
        pipeline = build(settings, reader)
        order[:] = [s.name for s in pipeline.steps]
        for step in pipeline.steps:
            timed(step, spent)
        return pipeline

    def timed_link(conn: Any) -> Any:
        began = time.perf_counter()
        try:
            return link(conn)
        finally:
            spent["corpus"] += time.perf_counter() - began

    source = workdir / f"long_{len(text)}.jsonl"
    source.write_text(json.dumps({"title": "One long page", "text": text, "published": "2024-08-16"}) + "\n",
                      encoding="utf-8")
    api.build_pipeline, api.link_corpus = timed_pipeline, timed_link  # type: ignore[assignment]
    try:
        began = time.perf_counter()
        report = api.ingest([str(source)], db=workdir / f"long_{len(text)}.db", settings=Settings(processes=1))
        total = time.perf_counter() - began
    finally:
        api.build_pipeline, api.link_corpus = build, link  # type: ignore[assignment]
    if report.articles != 1:
        raise SystemExit(f"the long article was not stored: {dict(report.drops)}")
    # a step's time includes the steps before it that it pulls articles through: subtract them
    own = {name: spent[name] - (spent[order[i - 1]] if i else 0.0) for i, name in enumerate(order)}
    own["corpus"] = spent["corpus"]
    own["store"] = total - spent[order[-1]] - spent["corpus"]
    own["total"] = total
    return own


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--start", type=int, default=25_000, help="characters of the shortest article")
    ap.add_argument("--stop", type=int, default=1_500_000, help="characters of the longest article")
    args = ap.parse_args()
    sizes = []
    size = args.start
    while size < args.stop:
        sizes.append(size)
        size *= 2
    sizes.append(args.stop)
    order: list[str] = []
    rows: list[tuple[int, dict[str, float]]] = []
    with tempfile.TemporaryDirectory() as tmp:
        ingest_once(long_text(5_000), Path(tmp), order)  # warm up: models loaded
        for size in sizes:
            text = long_text(size)
            own = ingest_once(text, Path(tmp), order)
            own["peak MB"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # so far, this process
            rows.append((len(text), own))
    base_size, base = rows[0]
    names = [n for n in (*order, "store", "corpus", "total") if max(r[1].get(n, 0.0) for r in rows) > 0.02]
    print(f"{'chars':>9} {'total s':>8} {'peak MB':>8}")
    for size, own in rows:
        print(f"{size:>9,} {own['total']:8.1f} {own['peak MB']:8.0f}")
    print(f"one article of growing length; seconds per 10,000 characters (growth against {base_size:,} chars)")
    print(f"{'chars':>9} " + " ".join(f"{n:>15}" for n in names))
    for size, own in rows:
        cells = []
        for n in names:
            per = own.get(n, 0.0) / size * 10_000
            first = base.get(n, 0.0) / base_size * 10_000
            growth = per / first if first > 0 else float("nan")
            cells.append(f"{per:6.2f} ({growth:4.1f}x)")
        print(f"{size:>9,} " + " ".join(f"{c:>15}" for c in cells))


if __name__ == "__main__":
    main()
