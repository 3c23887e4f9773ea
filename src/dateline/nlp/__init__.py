"""The spaCy bridge: the only package that imports spaCy."""

from .loader import load_pipeline
from .parse import ParseStep

__all__ = ["ParseStep", "load_pipeline"]
