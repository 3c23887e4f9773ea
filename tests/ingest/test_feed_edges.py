"""Feeds as found: a blank line before the XML declaration, markup in titles."""

from __future__ import annotations

from dateline.ingest.feed import read_feed

FEED = """

<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Harbour Desk</title>
<item><title>&lt;b&gt;Ferries&lt;/b&gt; resume &amp;amp; ports reopen</title><link>https://harbour.example/1</link>
<description>Ferries to the islands resumed on Tuesday after a two-day pause, the port said.</description></item>
<item><title>Quay repairs finish</title><link>https://harbour.example/2</link>
<description>Repairs to the northern quay finished a day early, engineers said on Wednesday.</description></item>
</channel></rss>
"""


def test_leading_blank_line_is_not_a_malformed_feed() -> None:
    articles = list(read_feed(FEED.encode()))
    assert [a.drop for a in articles] == [None, None]
    assert [a.title for a in articles] == ["Ferries resume & ports reopen", "Quay repairs finish"]
