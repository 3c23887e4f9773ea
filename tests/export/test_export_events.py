"""Event export: every format in every style loads with pandas and has the stated columns."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pandas as pd
import pytest

from dateline.export import COLUMNS, event_rows, write_events
from dateline.model import Actor, Article, DateRef, Event, Place, Span

TEXT = ("The Iraqi military base was attacked by two missiles on Monday, killing three soldiers. "
        "Iraq and Jordan agreed to hold talks.")


def sample() -> list[tuple[Article, Event]]:
    article = Article(text=TEXT, id="a123456789abcdef", url="https://example.org/a", outlet="Example Wire",
                      published=date(2024, 8, 10))
    first = TEXT.index(".") + 1
    base = Place("Ain al-Asad Air Base", None, "IRQ", 33.79, 42.44, 1, "facility")
    attack = Event(
        Span(0, first), Span(TEXT.index("attacked"), TEXT.index("attacked") + 8), "attack", "ASSAULT",
        cameo="194", quad_class=4, goldstein=-10.0, acled_event_type="Explosions/Remote violence",
        acled_sub_event_type="Shelling/artillery/missile attack",
        actors=[Actor("an unknown group", None, sector="REB", name="unidentified armed group")],
        targets=[Actor("The Iraqi military base", None, country="IRQ", sector="MIL")],
        instrument="two missiles", casualties="killed: three soldiers", place=base,
        date=DateRef("on Monday", None, "2024-08-05", "day"), confidence=0.9,
    )
    talks = Event(
        Span(first + 1, len(TEXT)), Span(TEXT.index("agreed"), TEXT.index("agreed") + 6), "agree", "AGREE",
        cameo="030", quad_class=1, goldstein=4.0,
        actors=[Actor("Iraq", None, country="IRQ", sector="GOV"), Actor("Jordan", None, country="JOR", sector="GOV")],
        targets=[Actor("the UN", None, sector="IGO", group="IGO")], confidence=0.8,
        attributed_to=Actor("officials", None, sector="GOV"),
    )
    return [(article, attack), (article, talks)]


def load(path: Path, fmt: str, style: str = "dateline") -> pd.DataFrame:
    if fmt == "csv" and style == "gdelt":  # GDELT's own convention: tab-separated, no header
        return pd.read_csv(path, sep="\t", header=None, names=list(COLUMNS["gdelt"]))
    if fmt == "csv":
        return pd.read_csv(path)
    if fmt == "jsonl":
        return pd.read_json(path, lines=True)
    if fmt == "parquet":
        return pd.read_parquet(path)
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["type"] == "FeatureCollection"
    return pd.json_normalize([f["properties"] for f in data["features"]])


@pytest.mark.parametrize("style", ["dateline", "gdelt", "acled"])
@pytest.mark.parametrize("fmt", ["csv", "jsonl", "parquet", "geojson"])
def test_each_format_and_style_loads_with_pandas(tmp_path: Path, fmt: str, style: str) -> None:
    path = tmp_path / f"events.{fmt}"
    n = write_events(event_rows(sample(), style=style), fmt, path, style=style)
    frame = load(path, fmt, style)
    assert n == len(frame) > 0
    assert list(frame.columns) == list(COLUMNS[style])


@pytest.mark.parametrize("fmt", ["csv", "parquet"])
def test_an_empty_export_still_has_its_columns(tmp_path: Path, fmt: str) -> None:
    path = tmp_path / f"empty.{fmt}"
    assert write_events(event_rows([], style="acled"), fmt, path, style="acled") == 0
    assert list(load(path, fmt).columns) == list(COLUMNS["acled"])


def test_dateline_rows_keep_every_actor_in_iso3() -> None:
    rows = list(event_rows(sample(), style="dateline"))
    assert len(rows) == 2
    attack, talks = rows
    assert attack["place_country"] == "IRQ" and attack["geo_precision"] == 1 and attack["fatalities"] == 3
    assert attack["trigger"] == "attacked" and attack["date"] == "2024-08-05"
    assert talks["actor_countries"] == "IRQ; JOR" and talks["target_groups"] == "IGO"
    assert talks["attributed_to"] == "officials"


def test_gdelt_rows_are_dyads_with_fips_geo_codes() -> None:
    rows = list(event_rows(sample(), style="gdelt"))
    assert len(rows) == 3  # one attack dyad, two agree dyads (Iraq-UN, Jordan-UN)
    attack = rows[0]
    assert attack["ActionGeo_CountryCode"] == "IZ"  # FIPS 10-4, as GDELT
    assert attack["Actor2CountryCode"] == "IRQ" and attack["Actor2Code"] == "IRQMIL"
    assert attack["Actor1Code"] == "REB" and attack["Actor1CountryCode"] == ""
    assert attack["EventRootCode"] == "19" and attack["QuadClass"] == 4 and attack["SQLDATE"] == 20240805
    assert {r["Actor1CountryCode"] for r in rows[1:]} == {"IRQ", "JOR"}
    assert {r["Actor2Code"] for r in rows[1:]} == {"IGO"}


def test_acled_rows_only_for_events_acled_covers() -> None:
    rows = list(event_rows(sample(), style="acled"))
    assert len(rows) == 1
    row = rows[0]
    assert (row["event_type"], row["sub_event_type"]) == ("Explosions/Remote violence",
                                                          "Shelling/artillery/missile attack")
    assert row["country"] == "Iraq" and row["iso"] == 368 and row["fatalities"] == 3
    assert (row["inter1"], row["inter2"], row["interaction"]) == (2, 1, 12)
    assert row["event_date"] == "2024-08-05" and row["time_precision"] == 1
    assert row["location"] == "Ain al-Asad Air Base" and row["source"] == "Example Wire"


def test_geojson_points_where_there_are_coordinates(tmp_path: Path) -> None:
    path = tmp_path / "events.geojson"
    write_events(event_rows(sample(), style="dateline"), "geojson", path)
    features = json.loads(path.read_text(encoding="utf-8"))["features"]
    assert features[0]["geometry"] == {"type": "Point", "coordinates": [42.44, 33.79]}
    assert features[1]["geometry"] is None


def test_unknown_style_or_format_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="style"):
        list(event_rows(sample(), style="cameo"))
    with pytest.raises(ValueError, match="format"):
        write_events([], "xlsx", tmp_path / "x.xlsx")
