"""Cell values for export files: typed casts and spreadsheet-safe text.

Every exported column has one of three kinds: ``string``, ``int64`` or ``float64``. A missing
value is ``None`` (an empty CSV cell, JSON ``null``, a Parquet null), never a NaN float, so an
integer column stays integer in every format.

Text bound for CSV or TSV is made safe for spreadsheets: control characters are removed (tabs and
line breaks become a space, so a row stays one line) and a cell that starts with ``=``, ``+``,
``-`` or ``@`` gets a leading apostrophe, as OWASP recommends against formula injection.
"""

from __future__ import annotations

import math
import re
from typing import Any

S, N, F = "string", "int64", "float64"  # text, integer, real
KINDS = (S, N, F)
_SPACES = re.compile(r"[\t\n\r\v\f\u2028\u2029]")
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]")
_FORMULA = ("=", "+", "-", "@")


def cast(value: Any, kind: str) -> Any:
    """``value`` as ``kind`` (int, float or str), or None when missing (None, "", NaN)."""
    if value is None or (isinstance(value, str) and value == "" and kind != S):
        return None
    if isinstance(value, float) and math.isnan(value):
        return None
    if kind == N:
        return int(value)
    if kind == F:
        return float(value)
    return value if isinstance(value, str) else str(value)


def safe_text(value: str) -> str:
    """Text without control characters; tabs and line breaks become single spaces."""
    return _CONTROL.sub("", _SPACES.sub(" ", value))


def spreadsheet_cell(value: Any, kind: str) -> str:
    """The CSV/TSV cell for ``value``: empty when missing, numbers as written, text guarded."""
    value = cast(value, kind)
    if value is None:
        return ""
    if kind != S:
        return repr(value) if isinstance(value, float) else str(value)
    text = safe_text(value)
    return "'" + text if text.lstrip().startswith(_FORMULA) else text
