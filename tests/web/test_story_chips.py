"""Every entity chip of every story page leads to a page that exists: the entity's own page by id
(a real server over a real database)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from html import unescape
from pathlib import Path

import httpx
import pytest

from dateline.web import create_app
from webtools import served

CHIPS = re.compile(r'<ul class="chips">(.*?)</ul>', re.S)
HREF = re.compile(r'<a href="([^"]*)">([^<]*)</a>')


@pytest.fixture(scope="module")
def base(web_db: Path) -> Iterator[str]:
    with served(create_app(web_db)) as url:
        yield url


def test_every_story_chip_opens_its_entity(base: str) -> None:
    stories = httpx.get(base + "/api/v1/stories?limit=500", timeout=30).json()["items"]
    with_entities = [s for s in stories if s.get("entities")]
    assert with_entities, "the sample database has stories with entities"
    checked = 0
    for story in with_entities:
        html = httpx.get(f"{base}/stories/{story['id']}", timeout=30).text
        found = CHIPS.search(html)
        assert found, f"story {story['id']} shows no entity chips"
        for href, name in HREF.findall(found.group(1)):
            href = unescape(href)
            assert href.startswith("/entities/") and " " not in href, href
            answer = httpx.get(base + href, timeout=30)
            assert answer.status_code == 200, f"{name}: {href} answered {answer.status_code}"
            assert unescape(name) in unescape(answer.text)
            checked += 1
    assert checked
