"""List every PERSON entity of an ingest of real news, with the contexts of its mentions, for a checker.

Usage::

    python eval/entity_audit.py [--count 50] [--skip 0] [-o ../labels/entity-audit.txt] [--db audit.db]

Picks ``--count`` articles of the PolNeAR train split (``../shared/eval/quotes/polnear_train.jsonl``)
by a fixed order that no rule was written for (the SHA-1 of each article id, lowest first, after
skipping ``--skip``), ingests them with ``dateline.api.ingest`` as a user would (a JSONL file into a
fresh database), then writes one block per PERSON entity: its number, name, aliases, roles, country,
and each mention with forty characters of context on each side. The checker answers, for each
block: is it a person, and does it hold one person only. Skips with a reason when the split is absent.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sqlite3
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TRAIN = ROOT.parent / "shared/eval/quotes/polnear_train.jsonl"
WIDTH = 40


def pick(path: Path, count: int, skip: int = 0) -> list[dict[str, str]]:
    """``count`` articles of ``path`` in the order of the SHA-1 of their ids (``skip`` first ones left out)."""
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    rows.sort(key=lambda r: hashlib.sha1(r["id"].encode()).hexdigest())
    return [{"id": r["id"], "text": r["text"], "title": r["id"]} for r in rows[skip : skip + count]]


def _context(text: str, start: int, end: int) -> str:
    left = text[max(0, start - WIDTH) : start].replace("\n", " ")
    right = text[end : end + WIDTH].replace("\n", " ")
    return f"...{left}[[{text[start:end]}]]{right}..."


def report(db: Path) -> list[str]:
    """The audit lines of every PERSON entity stored in ``db``."""
    conn = sqlite3.connect(db)
    texts = dict(conn.execute("SELECT id, text FROM articles"))
    titles = dict(conn.execute("SELECT id, title FROM articles"))
    lines: list[str] = []
    people = conn.execute("SELECT id, name, country FROM entities WHERE type = 'PERSON' ORDER BY name, id").fetchall()
    for number, (eid, name, country) in enumerate(people, 1):
        aliases = [r[0] for r in conn.execute("SELECT alias FROM entity_aliases WHERE entity_id = ? ORDER BY alias", (eid,))]
        roles = [r[0] for r in conn.execute("SELECT role FROM entity_roles WHERE entity_id = ? ORDER BY role", (eid,))]
        lines.append(f"#{number} {name}  [aliases: {'; '.join(a for a in aliases if a != name) or '-'}]"
                     f"  [roles: {'; '.join(roles) or '-'}]  [country: {country or '-'}]")  # fmt: skip
        for art, start, end in conn.execute(
            "SELECT article_id, start, end FROM mentions WHERE entity_id = ? AND field = 'text' "
            "ORDER BY article_id, start",
            (eid,),
        ):
            lines.append(f"    {titles.get(art) or art}: {_context(texts[art], start, end)}")
        lines.append("")
    conn.close()
    return lines


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--count", type=int, default=50)
    ap.add_argument("--skip", type=int, default=0)
    ap.add_argument("-o", "--out", type=Path, default=ROOT.parent / "labels/entity-audit.txt")
    ap.add_argument("--db", type=Path, help="keep the database here (default: a temporary one)")
    args = ap.parse_args()
    if args.db is not None and args.db.exists():
        ap.error(f"{args.db} exists: the audit ingests into a fresh database")
    if not TRAIN.exists():
        print(f"skipped: {TRAIN} is absent", file=sys.stderr)
        return 0
    from dateline.api import ingest

    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / "audit.jsonl"
        source.write_text("".join(json.dumps(r) + "\n" for r in pick(TRAIN, args.count, args.skip)), "utf-8")
        db = args.db or Path(tmp) / "audit.db"
        ingest([str(source)], db)
        lines = report(db)
    people = sum(1 for line in lines if line.startswith("#"))
    header = [
        f"PERSON entities of {args.count} PolNeAR train articles (after skipping {args.skip}), {people} entities.",
        "For each entity: is it a person? does it hold one person only? Mentions are marked [[...]].",
        "",
    ]
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text("\n".join(header + lines) + "\n", encoding="utf-8")
    print(f"{people} PERSON entities written to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
