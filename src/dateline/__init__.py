"""dateline: raw news in, a sourced record out."""

from .model import Actor, Article, Caption, DateRef, Drop, Entity, Event, Mention, Place, Quote, Span

__version__ = "0.1.0"

__all__ = [
    "Actor",
    "Article",
    "Caption",
    "DateRef",
    "Drop",
    "Entity",
    "Event",
    "Mention",
    "Place",
    "Quote",
    "Span",
    "__version__",
]
