"""ACLED rows name the first-level division (and county where known) of towns and divisions in any
country; GDELT's ADM1 stays a code; GeoJSON features carry admin1 (conflict notes written for these tests)."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from dateline.export import event_rows, write_events
from dateline.export.acled import acled_rows
from dateline.extract.dates import extract_dates
from dateline.extract.events.step import extract_events
from dateline.extract.places import extract_places
from dateline.model import Article, Event

pytestmark = pytest.mark.slow


def reported(nlp: Any, text: str) -> list[tuple[Article, Event]]:
    article = Article(text=text, id="b" * 16, published=date(2024, 3, 20), outlet="Example Monitor")
    article.doc = nlp(text)
    article.dates = extract_dates(text, article.published, article.doc)
    article.places = extract_places(article)
    article.events = extract_events(article)
    return [(article, e) for e in article.events]


@pytest.mark.parametrize(("text", "country", "admin1", "location", "precision"), [
    ("On 11 March, suicide bombers attacked a mosque in Maiduguri, Borno State, killing 12 worshippers.",
     "Nigeria", "Borno", "Maiduguri", 1),
    ("On 4 March, Russian forces shelled a school in Kramatorsk, Donetsk Oblast, injuring two teachers.",
     "Ukraine", "Donetsk", "Kramatorsk", 1),
    ("On 7 March, Taliban fighters attacked a police checkpoint in Helmand province, killing four officers.",
     "Afghanistan", "Helmand", "Helmand", 3),
    ("On 13 March, government aircraft bombed a market in Idlib governorate, killing nine civilians.",
     "Syria", "Idlib", "Idlib", 3),
    ("On 15 March, militiamen attacked a displacement camp in North Darfur, killing 20 civilians.",
     "Sudan", "North Darfur", "North Darfur", 3),
    ("On 16 March, al-Shabaab militants ambushed a military convoy in Mogadishu, killing three soldiers.",
     "Somalia", "Banadir", "Mogadishu", 1),
    ("On 18 March, M23 rebels attacked an army position in Goma, North Kivu, killing two soldiers.",
     "Democratic Republic of the Congo", "Nord-Kivu", "Goma", 1),
    ("On 20 March, gunmen attacked police officers in Culiacan, Sinaloa, killing two of them.",
     "Mexico", "Sinaloa", "Culiacán", 1),
    ("On 23 March, police fired tear gas at protesters in Kolkata, West Bengal, injuring dozens.",
     "India", "West Bengal", "Kolkata", 1),
    ("On 26 March, a gunman shot three people at a bar in Chicago, police said.",
     "United States", "Illinois", "Chicago", 1),
])
def test_acled_row_names_the_division(
    nlp: Any, text: str, country: str, admin1: str, location: str, precision: int
) -> None:
    rows = [r for r in acled_rows(reported(nlp, text)) if r["location"] == location]
    assert rows, list(acled_rows(reported(nlp, text)))
    row = rows[0]
    assert (row["country"], row["admin1"], row["geo_precision"]) == (country, admin1, precision)


def test_admin2_gdelt_code_and_geojson(nlp: Any, tmp_path: Path) -> None:
    items = reported(nlp, "On 26 March, a gunman shot three people at a bar in Chicago, police said.")
    (acled,) = [r for r in acled_rows(items) if r["location"] == "Chicago"][:1]
    assert acled["admin2"] == "Cook County"
    (gdelt,) = [r for r in event_rows(items, "gdelt") if r["ActionGeo_FullName"].startswith("Chicago")][:1]
    assert gdelt["ActionGeo_ADM1Code"] == "USIL"
    path = tmp_path / "events.geojson"
    write_events(event_rows(items), "geojson", path)
    features = json.loads(path.read_text(encoding="utf-8"))["features"]
    assert {f["properties"]["admin1"] for f in features if f["properties"]["place"] == "Chicago"} == {"Illinois"}
