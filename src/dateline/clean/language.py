"""LanguageStep: detect each article's language from its text (py3langid ships its own model)."""

from __future__ import annotations

import os
import pickle
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any, Protocol

from ..config import cache_dir
from ..model import Article
from ..pipeline import Step
from ..tables import Default

#: Text shorter than this keeps the language its source declared (or English).
MIN_CHARS = 60
#: Least probability for a detection to replace the declared language.
MIN_CONFIDENCE = 0.9
#: How much of the body the detector reads.
SAMPLE_CHARS = 4000


class Identifier(Protocol):
    """What detection needs of a language model: ``classify(text) -> (code, probability)``."""

    def classify(self, text: str) -> tuple[Any, Any]: ...


def read_identifier() -> Identifier:
    """py3langid's shipped model, with probabilities normalised to 0..1. The shipped file is
    xz-compressed (half a second to read); the model is kept decompressed in the cache folder
    (:func:`dateline.config.cache_dir`, keyed by py3langid's version and the file's size), from
    which later processes read it in a tenth of that. A cache that cannot be read or written is
    passed over."""
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    cached: Path | None
    try:
        import py3langid

        source = Path(py3langid.__file__).parent / MODEL_FILE
        cached = cache_dir() / f"langid-{getattr(py3langid, '__version__', '')}-{source.stat().st_size}.pickle"
    except (OSError, AttributeError, TypeError):
        cached = None
    if cached is not None and cached.is_file():
        try:
            with cached.open("rb") as fh:
                loaded: Identifier = pickle.load(fh)  # noqa: S301 - our own cache file
            return loaded
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ValueError, ImportError):
            pass  # rebuilt and written again below
    identifier: Identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    if cached is not None:
        _store(cached, identifier)
    return identifier


def _store(path: Path, identifier: Identifier) -> None:
    """Write the model to ``path`` through a temporary file, so a reader never sees half of it."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=path.parent, prefix=".langid-", delete=False) as fh:
            pickle.dump(identifier, fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(fh.name, path)
    except OSError:
        pass


#: The language model every caller that is given none uses (read on first use).
SHIPPED_IDENTIFIER: Default[Identifier] = Default("the language model", read_identifier)


def detect_language(text: str, identifier: Identifier | None = None) -> tuple[str, float] | None:
    """``(ISO 639-1 code, probability)`` for ``text``, or ``None`` when it is too short to tell."""
    sample = text[:SAMPLE_CHARS]
    if sum(c.isalpha() for c in sample) < MIN_CHARS:
        return None
    code, probability = (identifier or SHIPPED_IDENTIFIER.get()).classify(sample)
    return str(code), float(probability)


def base_language(code: str | None) -> str | None:
    """``"en"`` for ``"en-GB"``, ``"EN_us"`` or ``"en"``; ``None`` for nothing."""
    if not code:
        return None
    return code.replace("_", "-").split("-")[0].strip().lower() or None


class LanguageStep(Step):
    """Requires ``text``; assigns ``language`` (ISO 639-1). A confident detection wins over the
    language the source declared (an HTML ``lang`` attribute, a feed's ``<language>``); a short or
    uncertain text keeps the declared one, else English. ``identifier`` is the language model
    (default: :data:`SHIPPED_IDENTIFIER`, py3langid's, read once). Drops nothing."""

    name = "language"
    requires: frozenset[str] = frozenset({"text"})
    assigns: frozenset[str] = frozenset({"language"})

    def __init__(self, identifier: Identifier | None = None) -> None:
        self.identifier = identifier  # None: the shared one, read when first needed

    def process(self, article: Article) -> Iterator[Article]:
        found = detect_language(article.text, self.identifier)
        declared = base_language(article.language)
        if found is not None and found[1] >= MIN_CONFIDENCE:
            article.language = found[0]
        else:
            article.language = declared or "en"
        yield article
