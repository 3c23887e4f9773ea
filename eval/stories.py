"""Score stories and contradictions of a database against a gold file of our multi-outlet corpus.

Usage::

    python eval/stories.py [--set training|dev|held] [--corpus tests/fixtures/corpus/wires.jsonl]
                           [--gold tests/fixtures/corpus/gold.json] [--db FILE] [--strict] [--json]

Without ``--db`` the corpus is ingested into a temporary database first. The gold file holds
``stories`` (article url -> story label) and ``contradictions`` (story label, relation, and a
snippet of the claim and of the counter). Printed:

- story B-cubed precision, recall and F1 over the articles of the gold (each article's precision
  is the share of its predicted story that shares its gold story, recall the share of its gold story
  that is in its predicted story; both averaged over articles);
- contradiction precision and recall over the pairs shown by default: a predicted pair matches a
  gold one when it links the two gold statements: its articles belong to the gold story and the
  sentences its two quotes stand in (speaker and cue included: "X firmly denies that ...") contain
  the two snippets, in either role, whatever relation it is given (``--strict``: the quotes
  themselves must hold the snippets, and the relation must be the gold one). Each gold pair is
  matched at most once. Also printed: how many gold pairs have both statements stored as quotes
  (the others no contradiction rule can find).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import tempfile
from pathlib import Path
from typing import Any

from dateline import api

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "tests" / "fixtures" / "corpus" / "wires.jsonl"
GOLD = ROOT / "tests" / "fixtures" / "corpus" / "gold.json"
SETS = {"training": CORPUS.parent, "dev": CORPUS.parent / "dev", "held": CORPUS.parent / "held"}


def bcubed(predicted: dict[str, str], gold: dict[str, str]) -> dict[str, float]:
    """B-cubed precision, recall and F1 of ``predicted`` (item -> cluster) against ``gold``."""
    items = sorted(gold)
    pred_members: dict[str, set[str]] = {}
    gold_members: dict[str, set[str]] = {}
    for item in items:
        pred_members.setdefault(predicted.get(item, f"alone:{item}"), set()).add(item)
        gold_members.setdefault(gold[item], set()).add(item)
    p = r = 0.0
    for item in items:
        mine = pred_members[predicted.get(item, f"alone:{item}")]
        truth = gold_members[gold[item]]
        p += len(mine & truth) / len(mine)
        r += len(mine & truth) / len(truth)
    p, r = p / len(items), r / len(items)
    return {"precision": p, "recall": r, "f1": 2 * p * r / (p + r) if p + r else 0.0}


def _matches(pred: dict[str, Any], gold: dict[str, Any], story_of_article: dict[str, str],
             strict: bool = False) -> bool:
    """Whether a predicted pair links the two gold statements: its two sides stand in the sentences of
    the gold claim and counter (either way round), within the gold story. The relation counts only
    with ``strict`` (a pair that links the two statements is the contradiction, whatever it is named)."""
    if strict and pred["relation"] != gold["relation"]:
        return False
    if story_of_article.get(pred["claim"]["article_id"]) != gold["story"]:
        return False
    texts = (pred["claim"].get("statement") or pred["claim"]["text"],
             pred["counter"].get("statement") or pred["counter"]["text"])
    want = (gold["claim"], gold["counter"])
    return (want[0] in texts[0] and want[1] in texts[1]) or (want[0] in texts[1] and want[1] in texts[0])


def contradiction_scores(predicted: list[dict[str, Any]], gold: list[dict[str, Any]],
                         story_of_article: dict[str, str], strict: bool = False) -> dict[str, float]:
    used: set[int] = set()
    hits = 0
    for pred in predicted:
        for n, want in enumerate(gold):
            if n not in used and _matches(pred, want, story_of_article, strict):
                used.add(n)
                hits += 1
                break
    return {"precision": hits / len(predicted) if predicted else 1.0, "recall": hits / len(gold) if gold else 1.0,
            "predicted": len(predicted), "gold": len(gold)}


_SENTENCE_END = re.compile(r"[.!?][\"”’)]*\s|\n")


def statement(text: str, spans: list[list[int] | None]) -> str:
    """The sentence(s) of ``text`` covering ``spans`` (a quote's content, cue and speaker): the whole
    statement, "X firmly denies that ..."."""
    found = [sp for sp in spans if sp]
    start, end = min(sp[0] for sp in found), max(sp[1] for sp in found)
    starts = [m.end() for m in _SENTENCE_END.finditer(text, 0, start)]
    after = _SENTENCE_END.search(text, max(end - 1, start))
    return text[starts[-1] if starts else 0: after.end() if after else len(text)]


def _with_statements(reader: Any, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Each side gains ``statement``: the sentence its quote stands in (the stored quote of the same
    article and content)."""
    cache: dict[str, tuple[str, list[dict[str, Any]]]] = {}
    for row in rows:
        for side in (row["claim"], row["counter"]):
            aid = side["article_id"]
            if aid not in cache:
                cache[aid] = (reader.article(aid).text, reader.quotes(article=aid))
            text, quotes = cache[aid]
            quote = next((q for q in quotes if q["content"] == side["text"]), None)
            if quote is not None:
                side["statement"] = statement(text, [*quote["content_spans"], quote["cue_span"],
                                                     quote["speaker_span"]])
    return rows


def score(db: str | Path, gold_path: Path = GOLD, strict: bool = False) -> dict[str, Any]:
    """Both scores for the stories and contradictions stored in ``db``. A predicted side matches a gold
    snippet found in its sentence (speaker and cue included), or with ``strict`` only in the quote."""
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    reader = api.open_reader(db)
    url_of = {a["id"]: a["url"] for a in reader.articles()}
    predicted = {url_of[a]: s["id"] for s in reader.stories() for a in s["articles"]}
    gold_story = {url_of_id: label for url_of_id, label in gold["stories"].items()}
    story_of_article = {a: gold_story.get(u, "") for a, u in url_of.items()}
    rows = reader.contradictions()
    if not strict:
        rows = _with_statements(reader, rows)
    scores = contradiction_scores(rows, gold["contradictions"], story_of_article, strict)
    scores["reachable"] = reachable(reader, gold["contradictions"], story_of_article, strict)
    return {"stories": bcubed(predicted, gold_story), "contradictions": scores}


def reachable(reader: Any, gold: list[dict[str, Any]], story_of_article: dict[str, str], strict: bool) -> int:
    """How many gold pairs could be found at all: both statements stand in the sentence of a stored quote
    of the gold story (a statement the quote step did not capture cannot be paired)."""
    said: dict[str, list[str]] = {}
    for aid, story in story_of_article.items():
        text = reader.article(aid).text
        for q in reader.quotes(article=aid):
            spans = [*q["content_spans"], q["cue_span"], q["speaker_span"]]
            said.setdefault(story, []).append(q["content"] if strict else statement(text, spans))
    return sum(all(any(want[k] in s for s in said.get(want["story"], ())) for k in ("claim", "counter"))
               for want in gold)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--set", choices=sorted(SETS), help="A corpus of tests/fixtures/corpus by name "
                        "(training: the fixture the rules were tuned on; held: written by others, never inspected).")
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--gold", type=Path, default=GOLD)
    parser.add_argument("--db", help="Score this database instead of ingesting the corpus.")
    parser.add_argument("--strict", action="store_true",
                        help="A gold snippet must lie in the quote itself, not only in its sentence, and the "
                        "relation must be the gold one.")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    if args.set:
        folder = SETS[args.set]
        args.corpus, args.gold = folder / "wires.jsonl", folder / "gold.json"
        if not args.corpus.is_file():
            parser.error(f"{args.corpus} is missing: the {args.set} corpus is not in this checkout")
    with tempfile.TemporaryDirectory() as tmp:
        db = args.db or str(Path(tmp) / "stories.db")
        if not args.db:
            api.ingest([str(args.corpus)], db)
        scores = score(db, args.gold, args.strict)
    if args.json:
        print(json.dumps(scores, indent=2))
        return 0
    s, c = scores["stories"], scores["contradictions"]
    print(f"stories B-cubed        P {s['precision']:.3f}  R {s['recall']:.3f}  F1 {s['f1']:.3f}")
    print(f"contradictions         P {c['precision']:.3f}  R {c['recall']:.3f}  "
          f"({c['predicted']} found, {c['gold']} in the gold, {c['reachable']} of them with both statements "
          "stored as quotes)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
