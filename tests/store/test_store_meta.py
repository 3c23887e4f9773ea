"""The ``articles.meta`` column: typed provenance and cleaning report in, the same flat JSON out, and back."""

from __future__ import annotations

import json

from dateline.model import Article, CleanReport, Dateline, Provenance, RemovedLine, WarcRecord
from dateline.store.meta import meta_json, meta_of, read_meta


def _text_story() -> Article:
    return Article(
        text="Flood waters receded on Tuesday, officials said.",
        format="text",
        provenance=Provenance(source_sha256="ab" * 32, unparsed_published_raw="early March", segment_offset=412),
        cleaned=CleanReport(
            [RemovedLine("By Lina Haddad, AFP", "byline"), RemovedLine("RIVERTON, March 11 (Reuters) -", "dateline")],
            byline_org="AFP",
            dateline=Dateline("RIVERTON", "March 11", "Reuters"),
        ),
    )


def test_a_text_story_keeps_the_stored_layout() -> None:
    assert meta_json(_text_story()) == json.dumps({
        "unparsed_published_raw": "early March",
        "segment_offset": 412,
        "byline_org": "AFP",
        "dateline": "RIVERTON",
        "dateline_date": "March 11",
        "dateline_agency": "Reuters",
        "removed_lines": [
            {"text": "By Lina Haddad, AFP", "why": "byline"},
            {"text": "RIVERTON, March 11 (Reuters) -", "why": "dateline"},
        ],
        "cleaned": True,
    })


def test_source_keys_come_first_and_empty_ones_are_left_out() -> None:
    record = Article(text="x", provenance=Provenance(external_id=0, line=7), cleaned=CleanReport())
    assert list(meta_of(record)) == ["external_id", "line", "removed_lines", "cleaned"]
    crawl = Article(text="x", provenance=Provenance(description="A port reopens.", warc=WarcRecord("<urn:1>", None)))
    assert meta_of(crawl) == {"description": "A port reopens.", "warc_record_id": "<urn:1>", "crawled": None}
    assert meta_of(Article(text="raw")) == {}


def test_what_is_stored_reads_back_as_the_same_fields() -> None:
    story = _text_story()
    provenance, cleaned = read_meta(meta_json(story))
    assert cleaned == story.cleaned
    assert provenance == Provenance(unparsed_published_raw="early March", segment_offset=412)
    entry = Article(text="x", provenance=Provenance(feed_entry=3, feed_entry_id="tag:desk,2024:3",
                                                    warc=WarcRecord("<urn:2>", "2024-10-20T08:00:09Z")))
    assert read_meta(meta_json(entry)) == (entry.provenance, None)
    assert read_meta(None) == (Provenance(), None)
