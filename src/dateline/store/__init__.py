"""The SQLite store: schema and migrations, the single writer, the read side."""

from .connection import connect
from .reader import Reader
from .schema import SCHEMA_VERSION
from .writer import WriteCounts, Writer

__all__ = ["SCHEMA_VERSION", "Reader", "WriteCounts", "Writer", "connect"]
