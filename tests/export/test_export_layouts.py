"""GDELT 2.0 and ACLED layouts: the published column lists, in order, loading with the anchors' dtypes."""

from __future__ import annotations

import csv
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.csv as pacsv
from export_samples import stored

from dateline.export import export
from dateline.export.layouts import ACLED_EVENTS, GDELT_EVENTS, GDELT_MENTIONS
from dateline.store import Reader

# GDELT 2.0 Event Database Data Format Codebook V2.0 (2015-02-19), event table, columns 1-61.
# (Column 2 is "Day" in the codebook's prose and SQLDATE in GDELT's files and BigQuery table.)
GDELT_EVENT_COLUMNS = [
    "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
    "Actor1Code", "Actor1Name", "Actor1CountryCode", "Actor1KnownGroupCode", "Actor1EthnicCode",
    "Actor1Religion1Code", "Actor1Religion2Code", "Actor1Type1Code", "Actor1Type2Code", "Actor1Type3Code",
    "Actor2Code", "Actor2Name", "Actor2CountryCode", "Actor2KnownGroupCode", "Actor2EthnicCode",
    "Actor2Religion1Code", "Actor2Religion2Code", "Actor2Type1Code", "Actor2Type2Code", "Actor2Type3Code",
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
    "NumMentions", "NumSources", "NumArticles", "AvgTone",
    "Actor1Geo_Type", "Actor1Geo_FullName", "Actor1Geo_CountryCode", "Actor1Geo_ADM1Code", "Actor1Geo_ADM2Code",
    "Actor1Geo_Lat", "Actor1Geo_Long", "Actor1Geo_FeatureID",
    "Actor2Geo_Type", "Actor2Geo_FullName", "Actor2Geo_CountryCode", "Actor2Geo_ADM1Code", "Actor2Geo_ADM2Code",
    "Actor2Geo_Lat", "Actor2Geo_Long", "Actor2Geo_FeatureID",
    "ActionGeo_Type", "ActionGeo_FullName", "ActionGeo_CountryCode", "ActionGeo_ADM1Code", "ActionGeo_ADM2Code",
    "ActionGeo_Lat", "ActionGeo_Long", "ActionGeo_FeatureID",
    "DATEADDED", "SOURCEURL",
]
# GDELT 2.0 Event Mentions table, as documented in the GDELT 2.0 Event Codebook V2.0 (2015-02-19): 16 columns.
GDELT_MENTION_COLUMNS = [
    "GLOBALEVENTID", "EventTimeDate", "MentionTimeDate", "MentionType", "MentionSourceName",
    "MentionIdentifier", "SentenceID", "Actor1CharOffset", "Actor2CharOffset", "ActionCharOffset",
    "InRawText", "Confidence", "MentionDocLen", "MentionDocTone", "MentionDocTranslationInfo", "Extras",
]
# ACLED Codebook (2023 edition), columns of the current data export, in export order: 31 columns.
ACLED_COLUMNS = [
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type", "sub_event_type",
    "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2", "interaction",
    "civilian_targeting", "iso", "region", "country", "admin1", "admin2", "admin3", "location", "latitude",
    "longitude", "geo_precision", "source", "source_scale", "notes", "fatalities", "tags", "timestamp",
]
# The dtypes a GDELT user's loader declares (integers as nullable Int64, codes as strings).
GDELT_DTYPES = {c: {"int64": "Int64", "float64": "float64", "string": "string"}[k] for c, k in GDELT_EVENTS.items()}
MENTION_DTYPES = {c: {"int64": "Int64", "float64": "float64", "string": "string"}[k] for c, k in GDELT_MENTIONS.items()}
ACLED_DTYPES = {"year": "Int64", "time_precision": "Int64", "inter1": "Int64", "inter2": "Int64",
                "interaction": "Int64", "iso": "Int64", "geo_precision": "Int64", "fatalities": "Int64",
                "timestamp": "Int64", "latitude": "float64", "longitude": "float64", "event_id_cnty": "string"}


def _export(tmp_path: Path, table: str, style: str, fmt: str = "csv", header: bool = False) -> Path:
    out = tmp_path / f"{table}-{style}.{fmt}"
    export(Reader(stored()), table, out, style=style, fmt=fmt, header=header)
    return out


def test_layouts_are_the_published_column_lists() -> None:
    assert list(GDELT_EVENTS) == GDELT_EVENT_COLUMNS and len(GDELT_EVENTS) == 61
    assert list(GDELT_MENTIONS) == GDELT_MENTION_COLUMNS and len(GDELT_MENTIONS) == 16
    assert list(ACLED_EVENTS)[:31] == ACLED_COLUMNS
    assert list(ACLED_EVENTS)[31:] == ["modality", "confidence", "article_id"]


def test_gdelt_events_are_61_tab_separated_columns_without_header(tmp_path: Path) -> None:
    out = _export(tmp_path, "events", "gdelt")
    lines = out.read_text(encoding="utf-8").splitlines()
    assert len(lines) == 2 and all(len(line.split("\t")) == 61 for line in lines)
    assert not lines[0].startswith("GLOBALEVENTID")
    frame = pd.read_csv(out, sep="\t", header=None, names=GDELT_EVENT_COLUMNS, dtype=GDELT_DTYPES)
    assert frame["SQLDATE"].tolist() == [20240805, 20240805]
    assert frame["MonthYear"].tolist() == [202408, 202408] and str(frame["SQLDATE"].dtype) == "Int64"
    assert frame["EventCode"].tolist() == ["194", "194"] and frame["EventRootCode"].tolist() == ["19", "19"]
    assert frame["Actor2Code"].tolist() == ["IRQMIL", "IRQMIL"] and frame["Actor1Name"][0] == "REBEL FIGHTERS"
    assert frame["ActionGeo_CountryCode"].tolist() == ["IZ", "IZ"]  # FIPS 10-4, as GDELT
    assert frame["ActionGeo_Type"].tolist() == [4, 1] and frame["Actor1Geo_Type"].tolist() == [0, 0]
    assert frame["AvgTone"].isna().all() and frame["DATEADDED"].astype(str).str.len().eq(14).all()
    table = pacsv.read_csv(out, read_options=pacsv.ReadOptions(column_names=GDELT_EVENT_COLUMNS),
                           parse_options=pacsv.ParseOptions(delimiter="\t"),
                           convert_options=pacsv.ConvertOptions(column_types={"SQLDATE": pa.int64(),
                                                                              "EventCode": pa.string()}))
    assert table.num_rows == 2 and table.schema.field("GLOBALEVENTID").type == pa.int64()


def test_header_on_request(tmp_path: Path) -> None:
    out = _export(tmp_path, "mentions", "gdelt", header=True)
    frame = pd.read_csv(out, sep="\t", dtype=MENTION_DTYPES)
    assert list(frame.columns) == GDELT_MENTION_COLUMNS and len(frame) == 2


def test_gdelt_parquet_has_the_anchor_types(tmp_path: Path) -> None:
    import pyarrow.parquet as pq

    schema = pq.read_schema(_export(tmp_path, "events", "gdelt", "parquet"))
    assert schema.names == GDELT_EVENT_COLUMNS
    assert schema.field("SQLDATE").type == pa.int64() and schema.field("EventCode").type == pa.string()
    assert schema.field("GoldsteinScale").type == pa.float64()


def test_acled_columns_codes_and_integer_iso(tmp_path: Path) -> None:
    out = _export(tmp_path, "events", "acled")
    with out.open(encoding="utf-8") as f:
        assert next(csv.reader(f))[:31] == ACLED_COLUMNS
    frame = pd.read_csv(out, dtype=ACLED_DTYPES, keep_default_na=False, na_values=[""])
    row = frame.iloc[0]
    assert row["iso"] == 368 and "iso,year" not in out.read_text() and ",368," in out.read_text()
    assert (row["inter1"], row["inter2"], row["interaction"]) == (2, 1, 12)
    assert row["disorder_type"] == "Political violence" and row["region"] == "Middle East"
    assert row["country"] == "Iraq" and row["fatalities"] == 3 and row["time_precision"] == 1
    assert row["notes"].startswith("On 5 August 2024, Rebel fighters: shell against an Iraqi army post")
    assert 'Source: "Rebel fighters shelled' in row["notes"]
    assert row["modality"] == "occurred" and row["article_id"] == "a000000000000001"
    assert pd.isna(row["admin2"]) and pd.isna(row["source_scale"]) and pd.isna(row["tags"])
    types = {"iso": pa.int64(), "year": pa.int64(), "inter1": pa.int64(), "timestamp": pa.int64(),
             "latitude": pa.float64(), "event_date": pa.string()}
    table = pacsv.read_csv(out, convert_options=pacsv.ConvertOptions(column_types=types))
    assert table.column("iso").to_pylist() == [368, 368] and table.schema.field("timestamp").type == pa.int64()
