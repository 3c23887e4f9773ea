"""How much of the parse a selective parse could skip: each component's share of the parse, and the
share of sentences that can hold no quote and no event.

Every component of the pipeline is read by some step (``nlp_components`` of the steps), so none can
be left out whole. The parser could be skipped on sentences with no quotation mark, no attribution
cue (``data/quotes/cues.tsv``, by lemma or form) and no event trigger's head word
(``data/events/lexicon.tsv``, triggers that are events). This script parses the PolNeAR dev split
(../shared, held-back articles left out) once with every component, timing each, and counts the
sentences and tokens that pass that test: the parser's work a selective parse could save at most.

Run: ``.venv/bin/python bench/parse_need.py``.
"""

from __future__ import annotations

import json
import re
import sys
import time
from pathlib import Path

from texts import POLNEAR

from dateline.config import Settings
from dateline.nlp.loader import load_pipeline
from dateline.tables import read_table

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "eval"))
from quotes import split  # noqa: E402

QUOTE_MARK = re.compile("[\"“”‘’']")


def cue_words() -> set[str]:
    """Attribution cue lemmas (the first word of each cue)."""
    return {row[0].split()[0].lower() for row in read_table("quotes/cues.tsv", width=2, strip=True) if row[0]}


def trigger_heads() -> set[str]:
    """Head words of event triggers: a verb trigger's first word, a noun or adjective trigger's last."""
    heads: set[str] = set()
    for row in read_table("events/lexicon.tsv", width=3, strip=True, header=True):
        if not row[0] or row[2] == "NONE":
            continue
        words = row[0].lower().split()
        heads.update((words[0] if row[1] == "verb" else words[-1]).split("|"))
    return heads


def main() -> None:
    if not POLNEAR.exists():
        raise SystemExit(f"{POLNEAR} is not there")
    with POLNEAR.open(encoding="utf-8") as fh:
        texts = [a["text"] for a in split([json.loads(line) for line in fh if line.strip()], "dev")]
    nlp = load_pipeline(Settings().models, None)
    list(nlp.pipe(texts[:2]))  # warm up
    docs = [nlp.make_doc(t) for t in texts]
    seconds: dict[str, float] = {}
    for name, component in nlp.pipeline:
        start = time.process_time()
        docs = list(component.pipe(docs, batch_size=Settings().batch_size))
        seconds[name] = time.process_time() - start
    total = sum(seconds.values())
    print(f"{len(texts)} dev articles; CPU per component: "
          + ", ".join(f"{n} {s:.1f} s ({s / total:.0%})" for n, s in seconds.items()))
    cues, heads = cue_words(), trigger_heads()
    sentences = needed = tokens = needed_tokens = 0
    for doc in docs:
        for sent in doc.sents:
            words = {t.lemma_.lower() for t in sent} | {t.lower_ for t in sent}
            sentences += 1
            tokens += len(sent)
            if QUOTE_MARK.search(sent.text) or words & cues or words & heads:
                needed += 1
                needed_tokens += len(sent)
    print(f"sentences that may hold a quote or an event: {needed} of {sentences} ({needed / sentences:.0%}), "
          f"{needed_tokens / tokens:.0%} of the tokens")
    skippable = seconds.get("parser", 0.0) * (1 - needed_tokens / tokens)
    print(f"parser time a sentence-selective parse could skip at most: {skippable:.2f} s "
          f"({skippable / total:.1%} of the parse)")


if __name__ == "__main__":
    main()
