"""Score dateline's people: mention recall and entity linking (B-cubed) on labelled multi-article fixtures.

Usage::

    python eval/entities.py [FOLDER ...] [--json SCORES.json] [--reverse]

Each FOLDER (default: ``tests/fixtures/entities/people/dev`` and ``.../held``) is one corpus: every
``*.txt`` is one article (first line the title, the rest the body) whose person mentions are marked
``{surface|person}``. The articles run through ParseStep and EntityStep and are written, in file
order (``--reverse``: the other way round), into an in-memory database by the store's writer with
corpus-wide linking, as ``dateline ingest`` does. Stored PERSON mentions are then compared with the
marks:

- mention recall / precision: a gold mention is found when a stored PERSON mention overlaps it;
- B-cubed precision, recall and F1 over the gold mentions, the predicted cluster being the stored
  entity (a gold mention that was not found is a cluster of its own);
- splits: extra entities a person is spread over; wrong merges: entities holding two people;
- top people in one entity: of the ten most mentioned people, how many sit in a single entity, and
  the extra entities those ten are split into.

Labelled real news (``--gold``, default: ``eval/gold/entities-held.jsonl`` then
``eval/gold/entities-dev.jsonl``): one article a line, ``{"article": PolNeAR train id, "people":
[{"name", "mentions": [[start, end], ...]}]}``, offsets into that article's text in
``../shared/eval/quotes/polnear_train.jsonl``; the articles of one file are one corpus, a person
the same name across articles (:func:`same_people`: "Donald J. Trump" and "Donald Trump" are one).
The held-back file is labelled by people who never saw the rules
and is reported first and in aggregate only: never print or inspect its items. Either is skipped,
with the reason, when it or the texts are absent.
"""

from __future__ import annotations

import argparse
import json
import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from dateline.config import Settings
from dateline.corpus.linking import corpus_rules
from dateline.extract.entities import EntityStep
from dateline.model import Article, article_id
from dateline.nlp import ParseStep, load_pipeline
from dateline.store.connection import connect
from dateline.store.writer import Writer

ROOT = Path(__file__).resolve().parent.parent
FOLDERS = [ROOT / "tests/fixtures/entities/people/dev", ROOT / "tests/fixtures/entities/people/held"]
GOLD = [ROOT / "eval/gold/entities-held.jsonl", ROOT / "eval/gold/entities-dev.jsonl"]
TEXTS = ROOT.parent / "shared/eval/quotes/polnear_train.jsonl"
#: Gold files scored in aggregate only (their items are never printed).
BLIND = frozenset({"entities-held.jsonl"})
_MARK = re.compile(r"\{([^{}|]+)\|([^{}|]+)\}")


@dataclass(frozen=True)
class Gold:
    """One labelled person mention: character offsets into the body, and who it is."""

    start: int
    end: int
    text: str
    person: str


def read_fixture(path: Path) -> tuple[str, str, list[Gold]]:
    """(title, body without marks, gold mentions) of one marked article."""
    title, _, marked = path.read_text(encoding="utf-8").partition("\n")
    body, gold, last = [], [], 0
    size = 0
    for match in _MARK.finditer(marked.strip("\n")):
        before = marked.strip("\n")[last : match.start()]
        body.append(before)
        size += len(before)
        surface, person = match.group(1), match.group(2)
        gold.append(Gold(size, size + len(surface), surface, person))
        body.append(surface)
        size += len(surface)
        last = match.end()
    body.append(marked.strip("\n")[last:])
    return title.strip(), "".join(body), gold


def predict(nlp: Any, articles: list[Article]) -> dict[str, list[tuple[int, int, str]]]:
    """Stored PERSON mentions (start, end, entity id) per article id, after a full corpus write."""
    conn = connect(":memory:")
    writer = Writer(conn, None, link_rules=corpus_rules())
    for article in EntityStep().run(ParseStep(nlp=nlp).run(articles)):
        writer.write(article, None)
    writer.relink_people()
    out: dict[str, list[tuple[int, int, str]]] = defaultdict(list)
    rows = conn.execute(
        "SELECT article_id, start, end, entity_id FROM mentions WHERE label = 'PERSON' AND field = 'text'"
    )
    for art, start, end, entity in rows:
        out[art].append((start, end, entity or f"unlinked:{art}:{start}"))
    conn.close()
    return out


def _b_cubed(gold: list[str], pred: list[str]) -> tuple[float, float]:
    by_gold: dict[str, set[int]] = defaultdict(set)
    by_pred: dict[str, set[int]] = defaultdict(set)
    for i, (g, p) in enumerate(zip(gold, pred, strict=True)):
        by_gold[g].add(i)
        by_pred[p].add(i)
    if not gold:
        return 0.0, 0.0
    precision = sum(len(by_gold[g] & by_pred[p]) / len(by_pred[p]) for g, p in zip(gold, pred, strict=True))
    recall = sum(len(by_gold[g] & by_pred[p]) / len(by_gold[g]) for g, p in zip(gold, pred, strict=True))
    return precision / len(gold), recall / len(gold)


def score(docs: list[tuple[str, list[Gold]]], found: dict[str, list[tuple[int, int, str]]]) -> dict[str, Any]:
    """Scores of stored mentions ``found`` against gold ``docs`` ((article id, gold mentions))."""
    gold_ids, pred_ids = [], []
    hits = extra = 0
    for art, gold in docs:
        pred = found.get(art, [])
        used: set[int] = set()
        for g in gold:
            match = next((k for k, (s, e, _) in enumerate(pred) if s < g.end and g.start < e), None)
            gold_ids.append(g.person)
            if match is None:
                pred_ids.append(f"missed:{art}:{g.start}")
                continue
            used.add(match)
            hits += 1
            pred_ids.append(pred[match][2])
        extra += len(pred) - len(used)
    precision, recall = _b_cubed(gold_ids, pred_ids)
    people: dict[str, set[str]] = defaultdict(set)
    holders: dict[str, set[str]] = defaultdict(set)
    for g, p in zip(gold_ids, pred_ids, strict=True):
        if not p.startswith("missed:"):
            people[g].add(p)
            holders[p].add(g)
    top = [g for g, _ in Counter(gold_ids).most_common(10)]
    return {
        "gold_mentions": len(gold_ids),
        "people": len(set(gold_ids)),
        "mention_recall": round(hits / len(gold_ids), 3) if gold_ids else 0.0,
        "mention_precision": round(hits / (hits + extra), 3) if hits + extra else 0.0,
        "b3_precision": round(precision, 3),
        "b3_recall": round(recall, 3),
        "b3_f1": round(2 * precision * recall / (precision + recall), 3) if precision + recall else 0.0,
        "splits": sum(len(v) - 1 for v in people.values() if v),
        "wrong_merges": sum(1 for v in holders.values() if len(v) > 1),
        "top10_in_one_entity": sum(1 for g in top if len(people[g]) == 1),
        "top10_extra": sum(max(len(people[g]) - 1, 0) for g in top),
        "merged_people": sorted("+".join(sorted(v)) for v in holders.values() if len(v) > 1),
        "split_people": sorted(g for g, v in people.items() if len(v) > 1),
    }


def evaluate(nlp: Any, folder: Path, reverse: bool = False) -> dict[str, Any]:
    """Scores of one fixture folder (one corpus)."""
    docs, articles = [], []
    for position, path in enumerate(sorted(folder.glob("*.txt"))):
        title, body, gold = read_fixture(path)
        art = Article(text=body, title=title, source=str(path), position=position, id=article_id(body))
        articles.append(art)
        docs.append((art.id, gold))
    if reverse:
        articles.reverse()
    return score(docs, predict(nlp, articles))


def _person_key(name: str) -> tuple[str, str, str, str]:
    """(given name, surname, suffix, middle initials) of a labelled name, case folded."""
    words = [w.strip(".,").casefold() for w in name.split() if w.strip(".,")]
    ends = words[-1] if len(words) > 2 and words[-1] in {"jr", "sr", "ii", "iii", "iv"} else ""
    core = words[:-1] if ends else words
    middle = "".join(w[0] for w in core[1:-1])
    return (core[0] if core else "", core[-1] if core else "", ends, middle)


def same_people(names: set[str]) -> dict[str, str]:
    """Labelled names → one name per person across articles: labellers name a person per article
    ("Donald J. Trump" here, "Donald Trump" there). Names with one given name, surname and suffix are
    one person unless two of them carry different middle names or initials (George W. / George H.W.)."""
    groups: dict[tuple[str, str, str], list[str]] = defaultdict(list)
    for name in sorted(names):
        key = _person_key(name)
        groups[key[:3]].append(name)
    out = {}
    for members in groups.values():
        middles = {_person_key(n)[3] for n in members} - {""}
        for name in members:
            out[name] = members[0] if len(middles) <= 1 else name
    return out


def read_gold(path: Path, texts: dict[str, str]) -> tuple[list[Article], list[tuple[str, list[Gold]]]]:
    """Articles (PolNeAR texts, in file order) and their gold mentions from one labelled JSONL file."""
    articles, docs = [], []
    for position, line in enumerate(path.read_text(encoding="utf-8").splitlines()):
        if not line.strip():
            continue
        row = json.loads(line)
        text = texts[row["article"]]
        art = Article(text=text, title=row["article"], source=str(path), position=position, id=article_id(text))
        gold = [Gold(s, e, text[s:e], p["name"]) for p in row["people"] for s, e in p["mentions"]]
        articles.append(art)
        docs.append((art.id, sorted(gold, key=lambda g: g.start)))
    person = same_people({g.person for _, gold in docs for g in gold})
    docs = [(art, [Gold(g.start, g.end, g.text, person[g.person]) for g in gold]) for art, gold in docs]
    return articles, docs


def evaluate_gold(nlp: Any, path: Path, reverse: bool = False) -> dict[str, Any] | str:
    """Scores of one labelled JSONL file, or the reason it is skipped."""
    if not path.exists():
        return f"skipped: {path} is absent"
    if not TEXTS.exists():
        return f"skipped: the article texts ({TEXTS}) are absent"
    texts = {}
    with TEXTS.open(encoding="utf-8") as handle:
        for line in handle:
            row = json.loads(line)
            texts[row["id"]] = row["text"]
    articles, docs = read_gold(path, texts)
    if reverse:
        articles.reverse()
    return score(docs, predict(nlp, articles))


KEYS = ["gold_mentions", "people", "mention_recall", "mention_precision", "b3_precision", "b3_recall",
        "b3_f1", "splits", "wrong_merges", "top10_in_one_entity", "top10_extra"]  # fmt: skip


def _print(name: str, scores: dict[str, Any], details: bool) -> None:
    print(name[:16].ljust(16), *(str(scores[k]).rjust(12) for k in KEYS))
    for key in ("split_people", "merged_people") if details else ():
        if scores[key]:
            print(f"  {key.replace('_', ' ')}: {', '.join(scores[key])}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("folders", nargs="*", type=Path, default=FOLDERS)
    ap.add_argument("--gold", nargs="*", type=Path, default=GOLD, help="labelled JSONL files (held-back first)")
    ap.add_argument("--json", type=Path, help="write the scores here")
    ap.add_argument("--reverse", action="store_true", help="write the articles in reverse order")
    args = ap.parse_args()
    nlp = load_pipeline(Settings().models, EntityStep.nlp_components)
    results: dict[str, Any] = {}
    print("set".ljust(16), *(k.replace("_", " ")[:12].rjust(12) for k in KEYS))
    for path in args.gold:
        found = evaluate_gold(nlp, path, args.reverse)
        if isinstance(found, str):
            print(path.name[:16].ljust(16), found)
            continue
        blind = path.name in BLIND
        results[path.name] = {k: found[k] for k in KEYS} if blind else found
        _print(path.name.removesuffix(".jsonl"), found, details=not blind)
    for folder in args.folders:
        scores = evaluate(nlp, folder, args.reverse)
        results[folder.name] = scores
        _print(f"fixtures/{folder.name}", scores, details=True)
    if args.json:
        args.json.write_text(json.dumps(results, indent=2), encoding="utf-8")


if __name__ == "__main__":
    main()
