"""A cold ingest, as a user runs it, against a cold bare spaCy parse of the same texts.

The corpus: the PolNeAR dev articles from ../shared, written to one JSONL file in a temporary
folder (nothing is written into the repository). Each round starts two fresh processes, in turn:
a bare default spaCy run (``import spacy``, ``spacy.load`` of the configured model with every
component, ``list(nlp.pipe(texts))``) and ``dateline ingest`` of the JSONL into a new database
(default settings: every process, the corpus stages). Wall time is measured around each process,
CPU time from ``resource.getrusage(RUSAGE_CHILDREN)`` (a process and the workers it waited for).
Prints the medians, the ratios, the load average of each round (the machine is shared, so both
runs are interleaved) and the slowest imports of ``import dateline.cli``.

``--against SRC`` adds a third run per round: the same ingest with ``PYTHONPATH=SRC`` (another
checkout's ``src``), and checks that both stored exactly the same facts, table by table, row by row.

Bytecode: an installed package has its modules compiled (pip does it), and the spaCy run reads
spaCy's compiled modules. So both ``src`` trees are copied to the temporary folder and compiled
there first, and the runs import them from it (nothing is written into the checkouts). With
``--source`` they run from the checkouts as the environment says (with ``PYTHONDONTWRITEBYTECODE``
set, every start compiles dateline's modules again).

Run: ``.venv/bin/python bench/cold.py [--repeat N] [--against ../main/src] [--source] [--imports N]``.
"""

from __future__ import annotations

import argparse
import compileall
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from texts import POLNEAR, polnear_texts

ROOT = Path(__file__).resolve().parent.parent
SRC = ROOT / "src"

#: The bare run: what a user of spaCy alone would write to parse the same texts.
BARE = """
import json, sys
import spacy
texts = [json.loads(line)["text"] for line in open(sys.argv[1], encoding="utf-8") if line.strip()]
nlp = spacy.load(sys.argv[2])
docs = list(nlp.pipe(texts))
print(len(docs), sum(len(d) for d in docs))
"""


@dataclass
class Runs:
    """Wall and CPU seconds of one kind of run, and the load average before each."""

    label: str
    walls: list[float] = field(default_factory=list)
    cpus: list[float] = field(default_factory=list)
    loads: list[float] = field(default_factory=list)

    @property
    def wall(self) -> float:
        return statistics.median(self.walls)

    @property
    def cpu(self) -> float:
        return statistics.median(self.cpus)


def children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def timed(runs: Runs, command: list[str], env: dict[str, str]) -> None:
    """Run ``command`` to its end and add its wall and CPU seconds to ``runs``."""
    runs.loads.append(os.getloadavg()[0])
    wall, cpu = time.perf_counter(), children_cpu()
    done = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
    runs.walls.append(time.perf_counter() - wall)
    runs.cpus.append(children_cpu() - cpu)
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed ({done.returncode}):\n{done.stderr[-2000:]}")


def write_jsonl(path: Path, texts: list[str]) -> None:
    with path.open("w", encoding="utf-8") as fh:
        for text in texts:
            fh.write(json.dumps({"text": text, "outlet": "PolNeAR", "published": "2016-10-01"}) + "\n")


def model_name(env: dict[str, str]) -> str:
    """The first installed pipeline among dateline's configured models."""
    code = ("import spacy.util\nfrom dateline.config import Settings\n"
            "print(next((m for m in Settings().models if spacy.util.is_package(m)), Settings().models[-1]))")
    return subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True).stdout.strip()


def env_with(src: Path) -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = str(src)
    env.pop("DATELINE_DB", None)
    return env


def runnable(src: Path, tmp: Path, name: str, source: bool) -> Path:
    """``src`` itself (``source``), or a compiled copy of it in ``tmp`` (as an installed package is)."""
    if source:
        return src.resolve()
    copy = tmp / name
    shutil.copytree(src, copy, ignore=shutil.ignore_patterns("__pycache__"))
    if not compileall.compile_dir(copy, quiet=1, workers=0):
        raise SystemExit(f"compiling {copy} failed")
    return copy


def ingest_command(jsonl: Path, db: Path) -> list[str]:
    for suffix in ("", "-wal", "-shm"):
        Path(f"{db}{suffix}").unlink(missing_ok=True)
    return [sys.executable, "-c", "from dateline.cli import main; main()", "ingest", str(jsonl), "--db", str(db), "--quiet"]


def import_offenders(env: dict[str, str], top: int) -> list[tuple[int, int, str]]:
    """The ``top`` slowest top-level imports of ``import dateline.cli``: (cumulative µs, self µs, name)."""
    done = subprocess.run([sys.executable, "-X", "importtime", "-c", "import dateline.cli"], env=env,
                          capture_output=True, text=True, check=True)
    rows = []
    for line in done.stderr.splitlines():
        if not line.startswith("import time:") or "|" not in line or "cumulative" in line:
            continue
        own, cumulative, name = (part.strip() for part in line.removeprefix("import time:").split("|"))
        rows.append((int(cumulative), int(own), name))
    total = next((r[0] for r in rows if r[2] == "dateline.cli"), 0)
    print(f"\n`python -X importtime -c 'import dateline.cli'`: {total / 1e6:.2f} s in all; slowest packages:")
    outer = sorted((r for r in rows if "." not in r[2] or r[2].startswith("dateline.")), reverse=True)[:top]
    for cumulative, own, name in outer:
        print(f"  {cumulative / 1e3:8.1f} ms  (self {own / 1e3:6.1f} ms)  {name}")
    return outer


def same_facts(left: Path, right: Path) -> str:
    from dateline.store import connect
    from dateline.store.facts import count_facts, diff_facts, dump_facts

    a, b = dump_facts(connect(left, readonly=True)), dump_facts(connect(right, readonly=True))
    diff = diff_facts(a, b)
    return f"{count_facts(a)} rows in {len(a)} tables, " + ("identical" if not diff else "DIFFERENT:\n" + "\n".join(diff))


def report(bare: Runs, runs: list[Runs]) -> None:
    print(f"{bare.label:<28} wall {bare.wall:6.2f} s  cpu {bare.cpu:6.2f} s   (each: "
          + ", ".join(f"{w:.2f}/{c:.2f}" for w, c in zip(bare.walls, bare.cpus, strict=True)) + ")")
    for runs_ in runs:
        print(f"{runs_.label:<28} wall {runs_.wall:6.2f} s  cpu {runs_.cpu:6.2f} s   wall ratio "
              f"{runs_.wall / bare.wall:.2f}  cpu ratio {runs_.cpu / bare.cpu:.2f}   (each: "
              + ", ".join(f"{w:.2f}/{c:.2f}" for w, c in zip(runs_.walls, runs_.cpus, strict=True)) + ")")
    loads = bare.loads + [x for r in runs for x in r.loads]
    print(f"1-minute load average before each run: {', '.join(f'{x:.2f}' for x in loads)} "
          f"(median {statistics.median(loads):.2f}, {os.cpu_count()} cores)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repeat", type=int, default=3, help="rounds (medians are printed; default 3)")
    parser.add_argument("--against", type=Path, help="another checkout's src/ to time and compare facts with")
    parser.add_argument("--source", action="store_true", help="run dateline from the checkouts, uncompiled")
    parser.add_argument("--imports", type=int, default=12, help="slowest imports to list (0: none)")
    args = parser.parse_args()
    texts = polnear_texts(None)
    if not texts:
        print(f"skipped: {POLNEAR} is absent (the cold bench reads the PolNeAR dev texts from ../shared)")
        return
    sys.path.insert(0, str(SRC))
    with tempfile.TemporaryDirectory(prefix="dateline-cold-") as tmp_name:
        tmp = Path(tmp_name)
        env = env_with(runnable(SRC, tmp, "src", args.source))
        other_env = env_with(runnable(args.against, tmp, "against-src", args.source)) if args.against else {}
        jsonl = tmp / "articles.jsonl"
        write_jsonl(jsonl, texts)
        model = model_name(env)
        bare = Runs(f"bare nlp.pipe ({model})")
        ours = Runs("dateline ingest")
        other = Runs(f"ingest with {args.against}") if args.against else None
        for _ in range(args.repeat):
            timed(bare, [sys.executable, "-c", BARE, str(jsonl), model], env)
            timed(ours, ingest_command(jsonl, tmp / "ours.db"), env)
            if other is not None and args.against is not None:
                timed(other, ingest_command(jsonl, tmp / "other.db"), other_env)
        print(f"corpus: {len(texts)} articles, {sum(len(t.split()) for t in texts)} words, one JSONL file; "
              f"fresh processes, medians of {args.repeat}; dateline "
              + ("from the checkouts as the environment runs it" if args.source else "compiled, as installed"))
        report(bare, [ours] + ([other] if other else []))
        if other is not None:
            print(f"stored facts, {args.against} against this tree: {same_facts(tmp / 'other.db', tmp / 'ours.db')}")
        if args.imports:
            import_offenders(env, args.imports)


if __name__ == "__main__":
    main()
