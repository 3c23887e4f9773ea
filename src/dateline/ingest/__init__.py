"""Readers: paths in, raw :class:`~dateline.model.Article` objects out.

The format is chosen by content (the extension is only a hint): plain-text dumps, HTML
(trafilatura), WARC / WARC.gz (warcio), RSS / Atom (feedparser, local files only) and JSONL.
Every source yields at least one article; a source or a part of one that cannot be used yields
an article with ``drop`` set (see :data:`DROP_REASONS`) and ``text=""``.

>>> from dateline.ingest import read_paths, describe
>>> for article in read_paths(["corpus/"]):  # doctest: +SKIP
...     print(describe(article))
"""

from .common import DROP_REASONS, describe
from .dates import parse_published
from .reader import read_paths, read_source
from .sniff import sniff
from .source import DEFAULT_MAX_BYTES, Source, discover, inspect_path

__all__ = [
    "DEFAULT_MAX_BYTES",
    "DROP_REASONS",
    "Source",
    "describe",
    "discover",
    "inspect_path",
    "parse_published",
    "read_paths",
    "read_source",
    "sniff",
]
