"""Quotebank layouts: quote-centric and article-centric lines with Quotebank's fields and conventions."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.json as pajson
from export_samples import FIRST, stored

from dateline.export import export
from dateline.export.quotebank import Occurrence
from dateline.model import Article, Quote, Span
from dateline.store import Reader

# Quotebank (Vaucher et al., 2021; Zenodo release v1): fields of the quote-centric and article-centric files.
QUOTE_FIELDS = ["quoteID", "quotation", "speaker", "qids", "date", "numOccurrences", "probas", "urls", "phase"]
ARTICLE_FIELDS = ["articleID", "articleLength", "date", "title", "url", "phase", "quotations"]
QUOTATION_FIELDS = ["quoteID", "quotation", "quotationOffset", "leftContext", "rightContext", "globalTopSpeaker",
                    "globalProbas", "numOccurrences"]


def _lines(tmp_path: Path, style: str) -> pd.DataFrame:
    out = tmp_path / f"{style}.json"
    export(Reader(stored()), "quotes", out, style=style)
    frame = pd.read_json(out, lines=True, dtype=False)  # dates stay strings, as Quotebank users read them
    key = "quoteID" if style == "quotebank" else "articleID"
    return frame.astype({key: "string", "date": "string"})


def test_quote_centric_lines(tmp_path: Path) -> None:
    frame = _lines(tmp_path, "quotebank")
    assert list(frame.columns)[:9] == QUOTE_FIELDS
    assert str(frame["numOccurrences"].dtype) == "int64"
    direct, anonymous = frame.to_dict("records")
    assert direct["quoteID"] == "2024-08-06-000001" and direct["date"] == "2024-08-06 00:00:00"
    assert direct["quotation"] == "We will not accept attacks on our soil."
    assert direct["speaker"] == "Fuad Hussein" and direct["numOccurrences"] == 2 and direct["qids"] == []
    assert direct["probas"] == [["Fuad Hussein", "0.8500"], ["None", "0.1500"]]
    assert direct["urls"] == ["https://harbour.example/post", "Gulf Daily, 2024-08-06, Shells hit army post"]
    assert direct["type"] == "direct" and direct["phase"] == "E"
    assert anonymous["speaker"] == "None" and anonymous["speakerDescriptor"] == "a senior official"
    assert anonymous["type"] == "indirect" and anonymous["probas"] == [["None", "1.0000"]]
    table = pajson.read_json(tmp_path / "quotebank.json")
    assert table.schema.field("numOccurrences").type == pa.int64()
    assert table.schema.field("probas").type == pa.list_(pa.list_(pa.string()))


def test_article_centric_lines(tmp_path: Path) -> None:
    frame = _lines(tmp_path, "quotebank-articles")
    assert list(frame.columns) == ARTICLE_FIELDS and len(frame) == 2
    first = frame.to_dict("records")[0]
    assert first["articleLength"] == len(FIRST.split()) and first["title"].startswith("=HYPERLINK")
    direct, anonymous = first["quotations"]
    assert list(direct)[:8] == QUOTATION_FIELDS
    assert FIRST.split()[direct["quotationOffset"]] == "\"We"
    assert direct["leftContext"].endswith("Foreign Minister Fuad Hussein said:")
    assert direct["rightContext"].startswith("A senior official")
    assert direct["globalTopSpeaker"] == "Fuad Hussein" and direct["numOccurrences"] == 2
    assert FIRST[direct["start"]:direct["end"]] == direct["quotation"]
    assert anonymous["speaker"] == "None" and anonymous["speakerDescriptor"] == "a senior official"


def test_quotation_marks_and_closing_comma_are_not_part_of_the_quotation() -> None:
    text = "“We will stay,” he said, adding: \"We are not leaving.\""
    quote = Quote([Span(0, text.index(" he")), Span(text.index("\"We"), len(text))], "say", None, "direct",
                  speaker="Ali Hassan", speaker_kind="person")
    occ = Occurrence(Article(text=text, id="a1"), 0, quote)
    assert occ.quotation == "We will stay We are not leaving."
