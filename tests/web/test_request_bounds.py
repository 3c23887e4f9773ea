"""No request answers 500: huge or nested cursors, huge ``after``/``offset``/ids are 400/422
problems; unknown enumerated filter values are 422 problems, not empty lists (a real server).
The CLI bounds its numbers too (real subprocesses)."""

from __future__ import annotations

import base64
import json
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from clitools import run
from dateline.web import create_app
from webtools import served

LISTS = ["/api/v1/articles", "/api/v1/entities", "/api/v1/quotes", "/api/v1/events", "/api/v1/stories",
         "/api/v1/contradictions", "/api/v1/search?q=council"]


@pytest.fixture(scope="module")
def base(web_db: Path) -> Iterator[str]:
    with served(create_app(web_db)) as url:
        yield url


def _cursor(payload: str) -> str:
    return base64.urlsafe_b64encode(payload.encode()).decode().rstrip("=")


def _problem(answer: httpx.Response, status: int) -> dict[str, object]:
    assert answer.status_code == status, answer.text[:300]
    assert answer.headers["content-type"].startswith("application/problem+json")
    body: dict[str, object] = answer.json()
    assert body["status"] == status and body["detail"]
    return body


@pytest.mark.parametrize("path", LISTS)
@pytest.mark.parametrize("payload", [json.dumps({"k": 2**63}), json.dumps({"k": 2**64 + 5}),
                                     "[" * 5000, '{"k": ' + "[" * 3000 + "]" * 3000 + "}"])
def test_hostile_cursors_are_problems(base: str, path: str, payload: str) -> None:
    sep = "&" if "?" in path else "?"
    answer = httpx.get(f"{base}{path}{sep}cursor={_cursor(payload)}", timeout=30)
    _problem(answer, 400)


@pytest.mark.parametrize("query", ["/entities?after=9223372036854775808", "/quotes?after=9223372036854775807",
                                   "/events?after=99999999999999999999", "/search?q=council&offset=9223372036854775808"])
def test_huge_page_numbers_are_problems(base: str, query: str) -> None:
    answer = httpx.get(base + query, headers={"accept": "application/json"}, timeout=30)
    assert answer.status_code == 422, answer.text[:300]


@pytest.mark.parametrize("query", ["/api/v1/events?category=NOPE", "/api/v1/events?modality=maybe",
                                   "/api/v1/events?acled=Picnic", "/api/v1/events?country=XYZ",
                                   "/api/v1/quotes?type=shouted", "/api/v1/entities?type=MONSTER"])
def test_unknown_filter_values_are_422_problems(base: str, query: str) -> None:
    body = _problem(httpx.get(base + query, timeout=30), 422)
    assert "unknown value" in str(body["detail"]) and "use one of" in str(body["detail"])


@pytest.mark.parametrize("query", ["/api/v1/events?category=assault", "/api/v1/events?modality=occurred",
                                   "/api/v1/events?country=LBY", "/api/v1/quotes?type=direct",
                                   "/api/v1/entities?type=person", "/api/v1/events?acled=Protests"])
def test_known_filter_values_still_list(base: str, query: str) -> None:
    answer = httpx.get(base + query, timeout=30)
    assert answer.status_code == 200 and "items" in answer.json()


def test_cli_numbers_are_bounded(web_db: Path) -> None:
    proc = run("articles", "--db", str(web_db), "--limit", "99999999999999999999", check=False)
    assert proc.returncode == 2 and "Traceback" not in proc.stderr and "--limit" in proc.stderr
    proc = run("search", "council", "--db", str(web_db), "--limit", str(2**63), check=False)
    assert proc.returncode == 2 and "Traceback" not in proc.stderr
    assert run("articles", "--db", str(web_db), "--limit", "1", "--json").stdout.count('"id"') == 1
