"""Scale out: the Dask engine (the only package that imports Dask) and inputs given as fsspec URLs.

Importing this package does not import Dask; :func:`dask_articles` does when it runs.
"""

from .engine import dask_articles, open_client
from .sources import discover_sources, is_url
from .worker import process_source

#: The engines ``dateline ingest --engine`` knows.
ENGINES = ("local", "dask")

__all__ = ["ENGINES", "dask_articles", "discover_sources", "is_url", "open_client", "process_source"]
