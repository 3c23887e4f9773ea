"""Entities: mentions found by NER and rules, merged within an article, with roles and countries.

:class:`EntityStep` is the step; its parts are mentions, names, merge, roles, captions, tables and
``matching`` (the rules that decide whether two entities are the same thing, also used corpus-wide).
"""

from .step import EntityStep

__all__ = ["EntityStep"]
