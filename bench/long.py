"""How the cost of one article grows with its length: is every step close to linear?

One article is made of the PolNeAR dev articles run together (else the seed dump repeated), cut at
growing lengths (doubling from ``--start`` characters). For each length the whole pipeline runs
once (clean, parse, every extraction step) and each step is timed. Printed per length: seconds per
10,000 characters for the parse and for each extraction step, and the growth against the shortest
length (1.0 = linear; a step whose growth doubles with each doubling is quadratic). Never asserts
on time.

Run: ``.venv/bin/python bench/long.py [--start 25000] [--steps 4]``.
"""

from __future__ import annotations

import argparse
import time
from collections import defaultdict
from collections.abc import Iterable, Iterator
from pathlib import Path

from texts import polnear_texts

from dateline.api import build_pipeline
from dateline.model import Article
from dateline.pipeline import Step

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT.parent / "shared" / "corpus" / "asharq_al_awsat_2024-08.txt"


def long_text(size: int) -> str:
    texts = polnear_texts(None) or [SEED.read_text(encoding="utf-8")]
    text = "\n\n".join(texts)
    while len(text) < size:
        text = text + "\n\n" + text
    return text[:size]


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


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--start", type=int, default=25_000, help="characters of the shortest article")
    ap.add_argument("--steps", type=int, default=4, help="lengths, each twice the one before")
    args = ap.parse_args()
    pipeline = build_pipeline()
    list(pipeline.run([Article(text=long_text(2000), title="Warm up")]))
    rows: list[tuple[int, dict[str, float]]] = []
    for k in range(args.steps):
        size = args.start * 2**k
        spent: dict[str, float] = defaultdict(float)
        for step in pipeline.steps:
            timed(step, spent)
        list(pipeline.run([Article(text=long_text(size), title="Long")]))
        for step in pipeline.steps:  # unwrap for the next length
            del step.run
        # a step's time includes the steps before it that it pulls articles through: subtract them
        order = [s.name for s in pipeline.steps]
        own = {name: spent[name] - (spent[order[i - 1]] if i else 0.0) for i, name in enumerate(order)}
        rows.append((size, own))
    base_size, base = rows[0]
    names = [n for n in rows[0][1] if max(r[1][n] for r in rows) > 0.05]
    print(f"one article of growing length; seconds per 10,000 characters (growth against {base_size:,} chars)")
    print(f"{'chars':>9} " + " ".join(f"{n:>16}" for n in names))
    for size, own in rows:
        cells = []
        for n in names:
            per = own[n] / size * 10_000
            growth = per / (base[n] / base_size * 10_000) if base[n] > 0 else float("nan")
            cells.append(f"{per:7.2f} ({growth:4.1f}x)")
        print(f"{size:>9,} " + " ".join(f"{c:>16}" for c in cells))


if __name__ == "__main__":
    main()
