"""Story grouping at scale: time and peak memory on synthetic corpora of 10k and 100k articles.

Each synthetic story has its own handful of happening words and names; its articles (one to six,
over up to three days) draw some of them and fill the rest from a Zipf-distributed general
vocabulary, so the inverted index meets common words too. Printed per size: seconds to group,
articles per second, seconds to compute the article terms alone (the baseline, in the same
process), the ratio of the two, the CPU seconds of the grouping (the machine may be shared), the
peak resident memory of the process after each size (sizes run smallest first; it includes the
synthetic texts), and the ratios of the largest size against the smallest. Story B-cubed F1 against the generator's
own labels is printed as a sanity check.

Run: ``.venv/bin/python bench/stories.py [--sizes 10000 100000]``.
"""

from __future__ import annotations

import argparse
import random
import resource
import sys
import time
from itertools import accumulate
from pathlib import Path

from dateline.corpus.stories import ArticleDoc, doc_terms, group

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "eval"))
from stories import bcubed  # noqa: E402

SYLLABLES = ["ka", "lo", "mi", "ra", "te", "su", "vo", "ne", "di", "pa", "ro", "ve", "lu", "sa", "no", "ti"]


def _word(rng: random.Random, parts: int) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(parts))


def synthetic(n_articles: int, seed: int = 7) -> tuple[list[ArticleDoc], dict[str, str]]:
    """``n_articles`` articles in stories of 1-6 articles; returns the docs and article -> story."""
    rng = random.Random(seed)
    general = [_word(rng, 3) for _ in range(20000)]
    cumulative = list(accumulate(1 / (rank + 1) for rank in range(len(general))))
    docs: list[ArticleDoc] = []
    labels: dict[str, str] = {}
    story = 0
    while len(docs) < n_articles:
        story += 1
        topic = [_word(rng, 4) for _ in range(10)]
        names = [_word(rng, 3).title() + " " + _word(rng, 3).title() for _ in range(3)]
        start = rng.randrange(365 * 3)
        for k in range(min(rng.randint(1, 6), n_articles - len(docs))):
            body = rng.sample(topic, 6) + rng.choices(general, cum_weights=cumulative, k=70)
            rng.shuffle(body)
            text = " ".join(body) + ". " + " and ".join(rng.sample(names, 2)) + " said."
            art = f"a{story:07d}{k}"
            docs.append(ArticleDoc(art, 738000 + start + rng.randint(0, 2), " ".join(rng.sample(topic, 3)), text))
            labels[art] = f"s{story}"
    return docs, labels


def measure(n: int) -> dict[str, float]:
    docs, labels = synthetic(n)
    started = time.perf_counter()
    for doc in docs:
        doc_terms(doc)
    baseline = time.perf_counter() - started
    started, cpu = time.perf_counter(), time.process_time()
    groups = group(docs)
    seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    predicted = {a: str(i) for i, g in enumerate(groups) for a in g.articles}
    f1 = bcubed(predicted, labels)["f1"]
    return {"n": n, "seconds": seconds, "cpu": cpu, "baseline": baseline, "peak_mb": peak, "f1": f1}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10000, 100000])
    args = parser.parse_args()
    rows = []
    for n in sorted(args.sizes):
        rows.append(measure(n))
        r = rows[-1]
        print(f"{int(r['n']):>7} articles: grouping {r['seconds']:.1f} s ({r['n'] / r['seconds']:.0f} articles/s), "
              f"terms alone {r['baseline']:.1f} s, ratio {r['seconds'] / r['baseline']:.2f}x; "
              f"CPU {r['cpu']:.1f} s; peak RSS {r['peak_mb']:.0f} MB; B-cubed F1 {r['f1']:.3f}", flush=True)
    if len(rows) > 1:
        first, last = rows[0], rows[-1]
        print(f"{int(last['n'] / first['n'])}x the articles: {last['seconds'] / first['seconds']:.1f}x the time, "
              f"{last['cpu'] / first['cpu']:.1f}x the CPU time, "
              f"{last['peak_mb'] / first['peak_mb']:.1f}x the peak memory")


if __name__ == "__main__":
    main()
