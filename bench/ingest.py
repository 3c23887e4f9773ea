"""Ingest against bare spaCy on the same text: wall and CPU ratios, and the same facts either way.

The corpus: the bundled samples, the seed dump and the PolNeAR dev articles from ../shared (those
present). First a bare default ``nlp.pipe`` (``spacy.load`` of the configured model, every component,
one process, spaCy's default thinc ops) over the cleaned bodies, and the same with dateline's ops
(plain numpy without blis, one BLAS thread) for reference; then whole ingests (read, clean, parse,
extract, store) into fresh databases with the default settings and with one process (the plain
path), the model already loaded. CPU time counts this process and its finished children. Prints
the ratios against both bare runs and checks that the default run stored exactly the facts of the
plain path.
Run: ``.venv/bin/python bench/ingest.py [PATH ...] [--repeat N]``.
"""

from __future__ import annotations

import argparse
import json
import resource
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from texts import polnear_texts

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT.parent / "shared" / "corpus" / "asharq_al_awsat_2024-08.txt"


def cpu_seconds() -> float:
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def timed(fn: Callable[[], object], repeat: int) -> tuple[float, float]:
    """Best wall and best CPU seconds of ``repeat`` runs of ``fn``."""
    walls, cpus = [], []
    for _ in range(repeat):
        wall, cpu = time.perf_counter(), cpu_seconds()
        fn()
        walls.append(time.perf_counter() - wall)
        cpus.append(cpu_seconds() - cpu)
    return min(walls), min(cpus)


def default_paths(tmp: Path) -> list[str]:
    paths = [str(ROOT / "samples" / d) for d in ("dumps", "html", "feeds", "warc", "jsonl")]
    if SEED.exists():
        paths.append(str(SEED))
    texts = polnear_texts(None)
    if texts:
        polnear = tmp / "polnear.jsonl"
        with polnear.open("w", encoding="utf-8") as fh:
            for text in texts:
                fh.write(json.dumps({"text": text, "outlet": "PolNeAR", "published": "2016-10-01"}) + "\n")
        paths.append(str(polnear))
    return paths


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("paths", nargs="*")
    parser.add_argument("--repeat", type=int, default=2)
    args = parser.parse_args()
    import spacy
    from thinc.api import NumpyOps, get_current_ops, set_current_ops

    from dateline import api
    from dateline.config import Settings
    from dateline.store import connect
    from dateline.store.facts import count_facts, diff_facts, dump_facts

    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        paths = args.paths or default_paths(tmp)
        plain = Settings(processes=1)
        report = api.ingest(paths, tmp / "plain.db", settings=plain)  # loads the model and tables
        texts = [row["text"] for row in api.open_reader(tmp / "plain.db").articles()]
        name = plain.models[0] if spacy.util.is_package(plain.models[0]) else plain.models[-1]
        ours = get_current_ops()
        set_current_ops(NumpyOps())  # spaCy's default (blis), which the loaded dateline pipeline replaced
        bare = spacy.load(name)
        set_current_ops(ours)
        bare_ops = spacy.load(name)  # stock components, dateline's ops
        bare_wall, bare_cpu = timed(lambda: list(bare.pipe(texts)), args.repeat)
        ops_wall, ops_cpu = timed(lambda: list(bare_ops.pipe(texts)), args.repeat)
        runs = {"default": Settings(), "1 process": plain}
        figures = {}
        for label, settings in runs.items():
            def run(label: str = label, settings: Settings = settings) -> None:
                db = tmp / f"{label}.db"
                for suffix in ("", "-wal", "-shm"):
                    Path(f"{db}{suffix}").unlink(missing_ok=True)
                api.ingest(paths, db, settings=settings)

            figures[label] = timed(run, args.repeat)
        default_facts = dump_facts(connect(tmp / "default.db", readonly=True))
        plain_facts = dump_facts(connect(tmp / "plain.db", readonly=True))
        diff = diff_facts(plain_facts, default_facts)
    words = sum(len(t.split()) for t in texts)
    print(f"corpus: {report.articles} articles, {words} words ({', '.join(Path(p).name for p in paths)})")
    print(f"bare nlp.pipe, default pipeline:  wall {bare_wall:6.2f} s  cpu {bare_cpu:6.2f} s")
    print(f"bare nlp.pipe, dateline's ops:    wall {ops_wall:6.2f} s  cpu {ops_cpu:6.2f} s")
    for label, (wall, cpu) in figures.items():
        print(f"ingest, {label:<10} processes={runs[label].processes}: wall {wall:6.2f} s  cpu {cpu:6.2f} s  "
              f"wall ratio {wall / bare_wall:.2f}  cpu ratio {cpu / bare_cpu:.2f}  "
              f"(against dateline's ops: {wall / ops_wall:.2f}, {cpu / ops_cpu:.2f})")
    same = "identical" if not diff else "DIFFERENT:\n" + "\n".join(diff)
    print(f"stored facts, default against 1 process: {count_facts(plain_facts)} rows, {same}")
    print(f"(best of {args.repeat}; model load outside the timings)")


if __name__ == "__main__":
    main()
