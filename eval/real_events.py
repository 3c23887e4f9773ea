"""Score the events dateline stores on real news sentences labelled by hand, through the CLI.

Usage::

    python eval/real_events.py [--dev eval/gold/events-dev.jsonl] [--held eval/gold/events-held.jsonl]
                               [--texts ../shared/eval/quotes/polnear_train.jsonl] [--calibrate] [--json OUT]
                               [--audit SHEET VERDICTS]

The gold files (``eval/gold/``) hold one labelled sentence a line: ``article`` (a PolNeAR train
id), ``start``/``end`` (character offsets of the sentence in that article's text) and ``events``
(PLOVER category, actor and target with countries, place, modality; empty for a sentence that
tempts a coder but holds no event). They were labelled by people who had not seen dateline's
rules; the held-back part was never inspected while the rules were written: only its aggregate
scores are printed, and they are printed first.

Every labelled article is ingested once with ``dateline ingest`` (a JSONL built from the shared
text, into a temporary database); ``dateline events --json --all`` then lists what is stored. For
each gold sentence the stored events whose sentence overlaps it are compared, as shown by default
(confidence at or above the threshold) and as stored (``--all``):

- ``empty``: the share of no-event sentences left without any event;
- ``category``: event sentences whose top event (highest confidence) has a category of the
  sentence's gold events (a sentence with no stored event counts as wrong);
- ``actor_country`` / ``target_country``: of event sentences whose matched gold event names an
  actor (target) country, those whose top event carries that country;
- ``all``: category right, and actor and target countries right (a gold side with no country
  always matches).

``--calibrate`` fits ``data/events/calibration.tsv`` on the dev part: stored events are sorted by
raw score and binned, and each bin's share of right events (the category of a gold event of the
sentence) becomes its confidence (made monotone). With ``--audit SHEET VERDICTS`` (a blind audit of
stored events: a JSONL sheet of items whose ``context`` marks the sentence with « » and whose
``fact`` is the stored event, and a JSONL of verdicts with ``is_event`` and ``kind``) each audited
context is ingested too, the event this code stores at the same trigger is found, and it counts as
right when the editor judged it a real event of the right kind; those pairs join the fit, and the
share of audited events still shown is printed (a training figure: the audit is dev data). The held-back part's share of right events
among those with confidence >= 0.8 is then printed (re-run after ingesting with the new table).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT / "eval" / "gold"
TEXTS = ROOT.parent / "shared" / "eval" / "quotes" / "polnear_train.jsonl"
TABLE = ROOT / "src" / "dateline" / "data" / "events" / "calibration.tsv"
CLI = "import sys; from dateline.cli import main; sys.argv[0] = 'dateline'; main()"
URL = "polnear:"
BINS = 5
HIGH = 0.8


def load(path: Path) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def dateline(*args: str) -> str:
    """Run the ``dateline`` command (this checkout's code) and return what it prints."""
    done = subprocess.run([sys.executable, "-c", CLI, *args], capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise SystemExit(f"dateline {' '.join(args)} failed: {done.stderr.strip()[-500:]}")
    return done.stdout


def stored_events(texts: dict[str, str], work: Path) -> dict[str, list[dict[str, Any]]]:
    """Ingest the articles once; article id → its stored events (every one, with its sentence)."""
    source = work / "articles.jsonl"
    with source.open("w", encoding="utf-8") as f:
        for pid, text in texts.items():
            f.write(json.dumps({"id": pid, "url": URL + pid, "text": text}) + "\n")
    db = str(work / "events.db")
    dateline("ingest", str(source), "--db", db, "--quiet", "--processes", "1")
    out: dict[str, list[dict[str, Any]]] = {pid: [] for pid in texts}
    for row in json.loads(dateline("events", "--db", db, "--json", "--all") or "[]"):
        pid = (row.get("url") or "").removeprefix(URL)
        if pid in out:
            row["span"] = locate(row.get("sentence") or "", texts[pid])
            out[pid].append(row)
    return out


def locate(sentence: str, text: str) -> tuple[int, int] | None:
    """Offsets of a stored event's sentence (from the cleaned text) in the original text, found by
    its words (the clean step may change white space)."""
    wanted = " ".join(sentence.split())
    flat: list[str] = []
    where: list[int] = []
    for i, ch in enumerate(text):
        if ch.isspace() and flat and flat[-1] == " ":
            continue
        flat.append(" " if ch.isspace() else ch)
        where.append(i)
    at = "".join(flat).find(wanted)
    if at < 0 or not wanted:
        return None
    return where[at], where[at + len(wanted) - 1] + 1


def _codes(value: str | None) -> set[str]:
    return {c for c in (value or "").split("; ") if c}


def _side(gold: str | None, pred: set[str]) -> bool:
    return not gold or gold in pred


def judge(label: dict[str, Any], events: list[dict[str, Any]]) -> dict[str, Any]:
    """What one gold sentence scores against the stored events that overlap it."""
    gold = label["events"]
    if not gold:
        return {"kind": "empty", "ok": not events}
    top = max(events, key=lambda e: e["confidence"]) if events else None
    match = next((g for g in gold if top and g["category"] == top["category"]), gold[0])
    category = top is not None and match["category"] == top["category"]
    actors = _codes(top["actor_countries"]) | _codes(top["actor_groups"]) if top else set()
    targets = _codes(top["target_countries"]) | _codes(top["target_groups"]) if top else set()
    return {"kind": "event", "category": category,
            "actor": None if not match.get("actor_country") else match["actor_country"] in actors,
            "target": None if not match.get("target_country") else match["target_country"] in targets,
            "all": category and _side(match.get("actor_country"), actors) and _side(match.get("target_country"), targets)}


def overlapping(label: dict[str, Any], events: list[dict[str, Any]], floor: float) -> list[dict[str, Any]]:
    """The stored events at or above ``floor`` whose sentence overlaps the gold sentence."""
    return [e for e in events if e["confidence"] >= floor and e["span"] is not None
            and e["span"][0] < label["end"] and e["span"][1] > label["start"]]


def _share(values: list[bool]) -> str:
    return f"{sum(values)}/{len(values)} = {sum(values) / len(values):.2f}" if values else "-"


def scores(judged: list[dict[str, Any]]) -> dict[str, str]:
    events = [j for j in judged if j["kind"] == "event"]
    return {
        "sentences": str(len(judged)),
        "empty": _share([j["ok"] for j in judged if j["kind"] == "empty"]),
        "category": _share([j["category"] for j in events]),
        "actor_country": _share([j["actor"] for j in events if j["actor"] is not None]),
        "target_country": _share([j["target"] for j in events if j["target"] is not None]),
        "all": _share([j["all"] for j in events]),
    }


def right_events(labels: list[dict[str, Any]], stored: dict[str, list[dict[str, Any]]]) -> list[tuple[float, bool]]:
    """(confidence, right) of every stored event overlapping a gold sentence."""
    out = []
    for label in labels:
        cats = {g["category"] for g in label["events"]}
        out += [(e["confidence"], e["category"] in cats) for e in overlapping(label, stored[label["article"]], 0.0)]
    return out


def fit(pairs: list[tuple[float, bool]]) -> list[tuple[float, float]]:
    """(raw lower bound, share right) rows: quantile bins, pooled until the shares rise."""
    pairs = sorted(pairs)
    size = max(1, len(pairs) // BINS)
    bins = [pairs[i:i + size] for i in range(0, len(pairs), size)]
    if len(bins) > 1 and len(bins[-1]) < size // 2:
        bins[-2] += bins.pop()
    rows: list[list[float]] = []
    for b in bins:
        if rows and rows[-1][0] == b[0][0]:  # a bin that starts on the same raw score joins the previous one
            rows[-1][1] += sum(r for _, r in b)
            rows[-1][2] += len(b)
        else:
            rows.append([b[0][0], sum(r for _, r in b), len(b)])
    n = 0
    while n < len(rows) - 1:  # pool adjacent violators
        if rows[n][1] / rows[n][2] > rows[n + 1][1] / rows[n + 1][2]:
            rows[n][1] += rows[n + 1][1]
            rows[n][2] += rows[n + 1][2]
            del rows[n + 1]
            n = max(0, n - 1)
        else:
            n += 1
    return [(round(lo, 3), round(min(0.99, right / total + 0.001 * i), 3)) for i, (lo, right, total) in enumerate(rows)]


def write_table(rows: list[tuple[float, float]], path: Path) -> None:
    """The table, with end rows at raw 0 and 1 a little below and above the ends (values must rise)."""
    ends = [(0.0, round(max(0.01, rows[0][1] - 0.05), 3)), *rows, (1.0, round(min(0.99, rows[-1][1] + 0.01), 3))]
    ends = [row for n, row in enumerate(ends) if n == 0 or row[0] > ends[n - 1][0]]
    lines = ["# Raw event score (lower bound) and the share of events of that score found right on the",
             "# labelled development sentences and a blind audit of stored events (eval/real_events.py",
             "# --calibrate --audit SHEET VERDICTS writes this file).",
             "raw\tconfidence", *(f"{lo}\t{share}" for lo, share in ends)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def audit_texts(sheet: Path) -> tuple[dict[str, str], dict[str, dict[str, Any]]]:
    """An audit sheet's contexts as texts to ingest (item → text without the « » marks) and each
    item's marked sentence (offsets in that text) and stored fact."""
    texts: dict[str, str] = {}
    items: dict[str, dict[str, Any]] = {}
    for row in load(sheet):
        context = row["context"]
        start = context.find("«")
        end = context.find("»") - 1
        texts[row["item"]] = context.replace("«", "").replace("»", "")
        items[row["item"]] = {"start": start, "end": end, "fact": row["fact"]}
    return texts, items


def _same_trigger(event: dict[str, Any], fact: dict[str, Any]) -> bool:
    word = (fact.get("action") or "").split(" ")[0].lower()
    return event.get("action") == fact.get("action") or str(event.get("trigger") or "").lower()[:4] == word[:4]


def audit_pairs(sheet: Path, verdicts: Path, work: Path) -> list[tuple[float, bool] | None]:
    """For each audited event, (confidence, judged a real event of the right kind) of the event this
    code stores at the same trigger of the marked sentence, or None when it stores none there."""
    texts, items = audit_texts(sheet)
    stored = stored_events(texts, work)
    out: list[tuple[float, bool] | None] = []
    for v in load(verdicts):
        item = items[v["item"]]
        found = [e for e in overlapping(item, stored[v["item"]], 0.0) if _same_trigger(e, item["fact"])]
        right = bool(v["verdict"]["is_event"] and v["verdict"]["kind"])
        out.append((max(e["confidence"] for e in found), right) if found else None)
    return out


def audit_report(pairs: list[tuple[float, bool] | None], show_at: float) -> dict[str, str]:
    """How many audited events are still stored and shown, and how many of the shown were judged right."""
    kept = [p for p in pairs if p is not None]
    shown = [r for c, r in kept if c >= show_at]
    return {"audited": str(len(pairs)), "stored": str(len(kept)), "shown": str(len(shown)),
            "right_of_shown": _share(shown)}


def show(labels: list[dict[str, Any]], texts: dict[str, str], stored: dict[str, list[dict[str, Any]]]) -> None:
    """Print each dev sentence, its gold events and the stored events over it (never the held-back part)."""
    for label in labels:
        print("##", " ".join(texts[label["article"]][label["start"]:label["end"]].split())[:300])
        for g in label["events"]:
            print("   gold", g["category"], g.get("actor"), g.get("actor_country"), "->", g.get("target"),
                  g.get("target_country"), "@", g.get("place_country"))
        for e in overlapping(label, stored[label["article"]], 0.0):
            print(f"   got  {e['category']} {e['confidence']} '{e['trigger']}' {e['actors']} [{e['actor_countries']}]"
                  f" -> {e['targets']} [{e['target_countries']}] @ {e['place_country']}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--dev", type=Path, default=GOLD / "events-dev.jsonl")
    ap.add_argument("--held", type=Path, default=GOLD / "events-held.jsonl")
    ap.add_argument("--texts", type=Path, default=TEXTS)
    ap.add_argument("--calibrate", action="store_true", help="fit data/events/calibration.tsv on the dev part")
    ap.add_argument("--json", type=Path, help="also write the scores here")
    ap.add_argument("--audit", type=Path, nargs=2, metavar=("SHEET", "VERDICTS"),
                    help="a blind audit of stored events (dev data): scored, and used by --calibrate")
    ap.add_argument("--show", action="store_true", help="list the dev part's sentences and their stored events")
    a = ap.parse_args(argv)
    if not a.texts.exists():
        print(f"{a.texts}: no such file (the PolNeAR train texts); nothing to score", file=sys.stderr)
        return 2
    parts = {name: load(path) for name, path in (("held-back", a.held), ("dev", a.dev)) if path.exists()}
    wanted = {label["article"] for labels in parts.values() for label in labels}
    texts = {r["id"]: r["text"] for r in load(a.texts) if r["id"] in wanted}
    with tempfile.TemporaryDirectory() as tmp:
        stored = stored_events(texts, Path(tmp))
    audited: list[tuple[float, bool] | None] = []
    if a.audit:
        with tempfile.TemporaryDirectory() as tmp:
            audited = audit_pairs(a.audit[0], a.audit[1], Path(tmp))
    from dateline.extract.events.calibration import SHOW_AT, raw_of

    report: dict[str, Any] = {}
    for name, labels in parts.items():
        for view, floor in (("shown", SHOW_AT), ("stored", 0.0)):
            report[f"{name} {view}"] = scores([judge(lb, overlapping(lb, stored[lb["article"]], floor)) for lb in labels])
        pairs = right_events(labels, stored)
        report[f"{name} stored"]["right_at_0.8"] = _share([r for c, r in pairs if c >= HIGH])
        report[f"{name} shown"]["right_shown"] = _share([r for c, r in pairs if c >= SHOW_AT])
        if name == "dev" and a.calibrate:
            extra = [p for p in audited if p is not None]
            rows = fit([(raw_of(c), r) for c, r in [*pairs, *extra]])
            write_table(rows, TABLE)
            report["calibration"] = {str(lo): str(share) for lo, share in rows}
    if a.audit:
        report["audit (dev)"] = audit_report(audited, SHOW_AT)
    if a.show and "dev" in parts:
        show(parts["dev"], texts, stored)
    for key, values in report.items():
        print(f"{key:18} " + "  ".join(f"{k}={v}" for k, v in values.items()))
    if a.json:
        a.json.write_text(json.dumps(report, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
