"""The ``articles.meta`` column: an article's provenance and cleaning report as one JSON object.

The column keeps the layout it has always had (flat keys, in a fixed order), so databases written
before and after stay comparable fact for fact: ``external_id``, ``line``, ``item``, ``feed_entry``,
``feed_entry_id``, ``canonical_url``, ``description``, ``warc_record_id``, ``crawled``,
``unparsed_published_raw``, ``segment_offset``, ``published_source`` (where the publication date was
read), ``byline_org``, ``dateline``, ``dateline_date``, ``dateline_agency``, ``standfirst`` (the dek),
``removed_lines`` (``[{"text", "why"}]``) and ``cleaned`` (true). Keys without a
value are left out. ``source_sha256`` is stored with the source, ``ingested_at`` in its own column.
"""

from __future__ import annotations

import json
from typing import Any

from ..model import Article, CleanReport, Dateline, Provenance, RemovedLine, WarcRecord

#: Provenance fields stored under their own name, in stored order, before the WARC keys.
_SOURCE_KEYS = ("external_id", "line", "item", "feed_entry", "feed_entry_id", "canonical_url", "description")


def meta_of(article: Article) -> dict[str, Any]:
    """The JSON object stored in ``articles.meta`` for ``article``."""
    p = article.provenance
    meta: dict[str, Any] = {}
    for key in _SOURCE_KEYS:
        value = getattr(p, key)
        if value is not None:
            meta[key] = value
    if p.warc is not None:
        meta["warc_record_id"] = p.warc.record_id
        meta["crawled"] = p.warc.crawled
    if p.unparsed_published_raw:
        meta["unparsed_published_raw"] = p.unparsed_published_raw
    if p.segment_offset is not None:
        meta["segment_offset"] = p.segment_offset
    if p.published_source:
        meta["published_source"] = p.published_source
    if article.cleaned is not None:
        meta.update(_clean_meta(article.cleaned))
    return meta


def _clean_meta(report: CleanReport) -> dict[str, Any]:
    meta: dict[str, Any] = {}
    if report.byline_org:
        meta["byline_org"] = report.byline_org
    if report.dateline is not None:
        meta["dateline"] = report.dateline.place
        if report.dateline.date:
            meta["dateline_date"] = report.dateline.date
        if report.dateline.agency:
            meta["dateline_agency"] = report.dateline.agency
    if report.standfirst:
        meta["standfirst"] = report.standfirst
    meta["removed_lines"] = [{"text": r.text, "why": r.why} for r in report.removed_lines]
    meta["cleaned"] = True
    return meta


def meta_json(article: Article) -> str:
    """:func:`meta_of` as the stored JSON text."""
    return json.dumps(meta_of(article))


def read_meta(text: str | None) -> tuple[Provenance, CleanReport | None]:
    """The provenance and cleaning report stored as ``text`` (unknown keys are ignored)."""
    meta: dict[str, Any] = json.loads(text or "{}")
    provenance = Provenance(**{k: meta[k] for k in _SOURCE_KEYS if k in meta})
    if "warc_record_id" in meta or "crawled" in meta:
        provenance.warc = WarcRecord(meta.get("warc_record_id"), meta.get("crawled"))
    provenance.unparsed_published_raw = meta.get("unparsed_published_raw")
    provenance.segment_offset = meta.get("segment_offset")
    provenance.published_source = meta.get("published_source")
    if not meta.get("cleaned"):
        return provenance, None
    dateline = None
    if meta.get("dateline"):
        dateline = Dateline(meta["dateline"], meta.get("dateline_date"), meta.get("dateline_agency"))
    removed = [RemovedLine(r["text"], r["why"]) for r in meta.get("removed_lines") or []]
    return provenance, CleanReport(removed, meta.get("byline_org"), dateline, meta.get("standfirst"))
