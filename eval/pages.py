"""Score body extraction of web pages against hand-made bodies: token F1 per page and on average.

Usage::

    python eval/pages.py [DIR ...] [--json]

Each ``DIR`` holds pages ``NAME.html`` with the body a person cut from each, ``NAME.body.txt``
(paragraphs separated by blank lines). Every page is read as ingest reads it (the HTML reader, then
cleaning). Printed per page: token F1 (words, case folded), whether the first paragraph (the lead)
was kept, title, outlet, publication date and where it came from; then the mean F1, pages under
0.9 and pages the reader dropped. Without ``DIR``: ``../shared/eval/pages`` when it is there, else
the pages written for the tests (``tests/fixtures/pages2``: a training score, the rules were made
on them).
"""

from __future__ import annotations

import argparse
import json
import re
from collections import Counter
from pathlib import Path
from typing import Any

from dateline.clean import CleanStep
from dateline.ingest.html import read_html

ROOT = Path(__file__).resolve().parent.parent
HELD_BACK = ROOT.parent / "shared" / "eval" / "pages"
WRITTEN = ROOT / "tests" / "fixtures" / "pages2"


def token_f1(found: str, wanted: str) -> float:
    a, b = Counter(re.findall(r"\w+", found.casefold())), Counter(re.findall(r"\w+", wanted.casefold()))
    common = sum((a & b).values())
    if not common:
        return 0.0
    precision, recall = common / sum(a.values()), common / sum(b.values())
    return 2 * precision * recall / (precision + recall)


def score_page(page: Path) -> dict[str, Any]:
    wanted = page.with_suffix(".body.txt").read_text(encoding="utf-8")
    article = read_html(page.read_bytes())
    if article.drop is not None:
        return {"page": page.name, "dropped": f"{article.drop.reason}: {article.drop.detail}", "f1": 0.0}
    article = next(iter(CleanStep().run([article])))
    lead = wanted.strip().split("\n\n")[0].strip()
    return {
        "page": page.name, "f1": round(token_f1(article.text, wanted), 4),
        "lead_kept": " ".join(lead.split()) in " ".join(article.text.split()),
        "title": article.title, "outlet": article.outlet,
        "published": str(article.published) if article.published else None,
        "published_source": article.provenance.published_source,
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("dirs", nargs="*", type=Path)
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    dirs = args.dirs or [HELD_BACK if HELD_BACK.is_dir() else WRITTEN]
    pages = sorted(p for d in dirs for p in d.glob("*.html") if p.with_suffix(".body.txt").exists())
    if not pages:
        raise SystemExit(f"no NAME.html with NAME.body.txt in {', '.join(map(str, dirs))}")
    rows = [score_page(p) for p in pages]
    mean = sum(r["f1"] for r in rows) / len(rows)
    if args.json:
        print(json.dumps({"pages": rows, "mean_f1": round(mean, 4)}, ensure_ascii=False, indent=1))
        return
    print(f"{len(rows)} pages from {', '.join(map(str, dirs))}")
    for r in rows:
        if "dropped" in r:
            print(f"  {r['page']}: DROPPED ({r['dropped']})")
            continue
        print(f"  {r['f1']:.3f} lead {'kept' if r['lead_kept'] else 'LOST'}  {r['page']}: {r['title']!r} · "
              f"{r['outlet']} · {r['published']} ({r['published_source']})")
    print(f"mean body token F1 {mean:.3f}; under 0.9: {sum(r['f1'] < 0.9 for r in rows)}; "
          f"dropped: {sum('dropped' in r for r in rows)}")


if __name__ == "__main__":
    main()
