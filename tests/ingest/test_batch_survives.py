"""Nothing kills a batch: a failing step, a page that trips the reader, an over-long article."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any, ClassVar

import pytest
import spacy
from spacy.language import Language

from dateline import api
from dateline.ingest.html import read_html
from dateline.model import Article
from dateline.nlp.parse import ParseStep, paragraph_chunks
from dateline.pipeline import Step

STORY = (
    "PORT ELLIS — The harbour authority reopened the northern quay on Tuesday after a week of repairs, "
    "officials said.\n\nShips queued overnight to unload grain and timber, and dock workers said the "
    "backlog would take days to clear.\n"
)


class Exploding(Step):
    """Raises on any article whose text mentions the word 'detonator'."""

    name = "exploding"
    requires: ClassVar[frozenset[str]] = frozenset({"text"})

    def process(self, article: Article) -> Iterator[Article]:
        if "detonator" in article.text:
            raise RuntimeError("cannot handle\nthis text")
        yield article


def test_failing_step_becomes_a_stored_drop_and_the_batch_goes_on(tmp_path: Path, monkeypatch: Any) -> None:
    monkeypatch.setattr(api, "extraction_steps", lambda settings: [Exploding()])
    news = tmp_path / "news"
    news.mkdir()
    (news / "a.txt").write_text(STORY)
    (news / "b.txt").write_text(STORY.replace("grain", "a detonator"))
    (news / "c.txt").write_text(STORY.replace("northern", "southern"))
    db = tmp_path / "n.db"
    report = api.ingest([str(news)], db)
    assert report.articles == 2
    assert report.drops == {"internal_error": 1}
    conn = sqlite3.connect(db)
    (detail,) = conn.execute("SELECT detail FROM drops WHERE reason = 'internal_error'").fetchone()
    assert detail == "step 'exploding' raised RuntimeError: cannot handle this text"
    statuses = dict(conn.execute("SELECT path, status FROM sources").fetchall())
    assert statuses[str(news / "b.txt")] == "done_with_errors"
    assert statuses[str(news / "a.txt")] == statuses[str(news / "c.txt")] == "done"
    again = api.ingest([str(news)], db)
    assert again.unchanged_sources == 3 and again.articles == 0 and not again.drops


def test_figure_caption_with_a_comment_inside_is_read() -> None:
    page = (
        "<html><head><title>Quay reopens</title></head><body><article><h1>Quay reopens</h1>"
        "<figure><img src='q.jpg'><figcaption>Cranes at the northern quay. <!-- credit below -->"
        "<?php echo 1 ?><span class='photo-credit'>Ana Ruiz</span></figcaption></figure>"
        f"<p>{STORY}</p><p>{STORY}</p></article></body></html>"
    ).encode()
    article = read_html(page)
    assert article.drop is None
    assert [(c.text, c.credit) for c in article.captions] == [("Cranes at the northern quay.", "Ana Ruiz")]


def test_over_long_bodies_are_parsed_in_chunks_with_offsets_kept() -> None:
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    nlp.max_length = 400
    long_text = STORY * 6  # about 1,300 characters in paragraphs
    short = Article(text=STORY)
    long_ = Article(text=long_text)
    one_block = Article(text=STORY.replace("\n", " ") * 3)  # a single 'paragraph' over the limit
    out = list(ParseStep(nlp=nlp).run([short, long_, one_block]))
    assert [a.drop.reason if a.drop else None for a in out] == [None, None, "too_long"]
    assert out[1].doc.text == long_text
    assert [s.of(long_text).strip() for s in out[1].sentences if s.of(long_text).strip()][:2] == [
        "PORT ELLIS — The harbour authority reopened the northern quay on Tuesday after a week of repairs, "
        "officials said.",
        "Ships queued overnight to unload grain and timber, and dock workers said the backlog would take "
        "days to clear.",
    ]
    assert "".join(paragraph_chunks(long_text, 400) or []) == long_text


@Language.component("trips_on_sirens")
def _trips_on_sirens(doc: Any) -> Any:
    if "sirens" in doc.text:
        raise ValueError("component failed")
    return doc


def test_an_exception_inside_the_parser_drops_only_that_article() -> None:
    nlp = spacy.blank("en")
    nlp.add_pipe("trips_on_sirens")
    texts = ["Calm in the port.", "Sirens? No: sirens sounded at noon.", "Ferries ran late.", "Rain fell."]
    out = list(ParseStep(nlp=nlp).run([Article(text=t) for t in texts]))
    assert [a.text for a in out] == texts
    assert [a.drop.reason if a.drop else None for a in out] == [None, "internal_error", None, None]
    assert out[1].drop is not None and "ValueError: component failed" in out[1].drop.detail
    assert all(a.doc is not None for a in out if a.drop is None)


@pytest.mark.parametrize("limit", [120, 250])
def test_paragraph_chunks_respect_the_limit(limit: int) -> None:
    chunks = paragraph_chunks(STORY * 3, limit)
    assert chunks is not None and all(len(c) <= limit for c in chunks)
    assert paragraph_chunks(STORY * 3, 60) is None
