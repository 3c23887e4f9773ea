"""One entry point for every export: which table, in which layout, to which file.

=========  ===============================  ==========================
table      styles                           formats
=========  ===============================  ==========================
events     dateline, gdelt, acled           csv, jsonl, parquet, geojson
mentions   gdelt                            csv, jsonl, parquet
quotes     dateline, quotebank,             csv, jsonl, parquet (quotebank styles: jsonl)
           quotebank-articles
entities   dateline                         csv, jsonl, parquet
articles   dateline                         csv, jsonl, parquet
=========  ===============================  ==========================

GDELT's CSV is tab-separated without a header (as GDELT's own files), unless ``header`` is set.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from ..errors import StoreError, UsageError
from ..store import Reader
from .events import event_rows
from .gdelt import gdelt_mention_rows
from .layouts import DATELINE_ARTICLES, DATELINE_ENTITIES, DATELINE_QUOTES, GDELT_MENTIONS
from .output import check_target, move_into_place, temporary_beside
from .quotebank import quotebank_article_lines, quotebank_quote_lines
from .tables import article_rows, entity_rows, quote_rows
from .writers import COLUMNS, COORDS, write_jsonl, write_rows

#: Styles of each table; the first is the default.
STYLES: dict[str, tuple[str, ...]] = {
    "events": ("dateline", "gdelt", "acled"), "mentions": ("gdelt",),
    "quotes": ("dateline", "quotebank", "quotebank-articles"), "entities": ("dateline",),
    "articles": ("dateline",),
}
QUOTEBANK = ("quotebank", "quotebank-articles")


def check(table: str, style: str | None, fmt: str | None) -> tuple[str, str]:
    """The (style, format) to use, defaults filled in; ValueError naming the bad choice."""
    if table not in STYLES:
        raise UsageError(f"nothing to export called {table!r}; use one of {', '.join(STYLES)}")
    style = style or STYLES[table][0]
    if style not in STYLES[table]:
        raise UsageError(f"--style {style!r} does not apply to {table}; use one of {', '.join(STYLES[table])}")
    fmt = fmt or ("jsonl" if style in QUOTEBANK else "csv")
    formats = ("jsonl",) if style in QUOTEBANK else ("csv", "jsonl", "parquet", "geojson") if table == "events" \
        else ("csv", "jsonl", "parquet")
    if fmt not in formats:
        raise UsageError(f"--format {fmt!r} does not apply to {table} in {style} style; use one of {', '.join(formats)}")
    return style, fmt


def export(reader: Reader, table: str, output: str | Path, style: str | None = None, fmt: str | None = None,
           header: bool = False, per: str = "report", min_confidence: float = 0.0) -> int:
    """Write ``table`` from the store to ``output``; return the number of rows (or lines) written.
    ``per="happening"`` writes events once per happening (its first report), not once per report;
    events below ``min_confidence`` are left out.

    The file is written beside ``output`` (a new file with a random name) and moved into place when
    complete, so a failed export never leaves a truncated file where a good one was. ``output`` may be
    a regular file (replaced) or a new name; a database, device, FIFO, symbolic link or folder there is
    an OutputError and is left as it is. An unreadable stored row is a StoreError.
    """
    style, fmt = check(table, style, fmt)
    target = Path(output)
    protected = database_paths(reader)
    check_target(target, protected)
    path = temporary_beside(target)
    try:
        n = _write(reader, table, path, style, fmt, header, per, min_confidence)
    except (ValueError, KeyError, TypeError) as exc:
        path.unlink(missing_ok=True)
        raise StoreError(f"cannot export {table}: a stored row is unreadable ({exc}); {target} is unchanged") from exc
    except BaseException:
        path.unlink(missing_ok=True)
        raise
    move_into_place(path, target, protected)
    return n


def database_paths(reader: Reader) -> list[str]:
    """The files of the databases ``reader`` reads (an export never writes over them)."""
    try:
        return [row[2] for row in reader.conn.execute("PRAGMA database_list") if row[2]]
    except Exception:  # noqa: BLE001 - a reader without a connection protects nothing more
        return []


def first_reports(items: Iterable[tuple[Any, ...]]) -> Iterator[tuple[Any, ...]]:
    """The first report of each happening (reports of one happening come together); events outside
    any happening pass as they are."""
    last: str | None = None
    for item in items:
        happening = item[2]
        if happening is None or happening != last:
            yield item
        last = happening


def _write(reader: Reader, table: str, path: Path, style: str, fmt: str, header: bool, per: str = "report",
           min_confidence: float = 0.0) -> int:
    if table == "events":
        gdelt = style == "gdelt"
        items: Iterable[tuple[Any, ...]] = (it for it in reader.export_events() if it[1].confidence >= min_confidence)
        if per == "happening":
            items = first_reports(items)
        return write_rows(event_rows(items, style), fmt, path, COLUMNS[style], coords=COORDS[style],
                          header=header or not gdelt, delimiter="\t" if gdelt else ",")
    if table == "mentions":
        return write_rows(gdelt_mention_rows(reader.export_events()), fmt, path, GDELT_MENTIONS, header=header,
                          delimiter="\t")
    if table == "quotes" and style == "quotebank":
        return write_jsonl(quotebank_quote_lines(reader.export_quotes()), path)
    if table == "quotes" and style == "quotebank-articles":
        return write_jsonl(quotebank_article_lines(reader.export_quotes()), path)
    if table == "quotes":
        return write_rows(quote_rows(reader.export_quotes()), fmt, path, DATELINE_QUOTES)
    if table == "entities":
        return write_rows(entity_rows(reader.entities()), fmt, path, DATELINE_ENTITIES)
    return write_rows(article_rows(reader.articles()), fmt, path, DATELINE_ARTICLES)
