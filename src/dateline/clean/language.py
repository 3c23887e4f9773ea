"""LanguageStep: detect each article's language from its text (py3langid ships its own model)."""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache
from typing import Any, ClassVar

from ..model import Article
from ..pipeline import Step

#: Text shorter than this keeps the language its source declared (or English).
MIN_CHARS = 60
#: Least probability for a detection to replace the declared language.
MIN_CONFIDENCE = 0.9
#: How much of the body the detector reads.
SAMPLE_CHARS = 4000


@lru_cache(maxsize=1)
def _identifier() -> Any:
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def detect_language(text: str) -> tuple[str, float] | None:
    """``(ISO 639-1 code, probability)`` for ``text``, or ``None`` when it is too short to tell."""
    sample = text[:SAMPLE_CHARS]
    if sum(c.isalpha() for c in sample) < MIN_CHARS:
        return None
    code, probability = _identifier().classify(sample)
    return str(code), float(probability)


def base_language(code: str | None) -> str | None:
    """``"en"`` for ``"en-GB"``, ``"EN_us"`` or ``"en"``; ``None`` for nothing."""
    if not code:
        return None
    return code.replace("_", "-").split("-")[0].strip().lower() or None


class LanguageStep(Step):
    """Requires ``text``; assigns ``language`` (ISO 639-1). A confident detection wins over the
    language the source declared (an HTML ``lang`` attribute, a feed's ``<language>``); a short or
    uncertain text keeps the declared one, else English. Drops nothing."""

    name = "language"
    requires: ClassVar[frozenset[str]] = frozenset({"text"})
    assigns: ClassVar[frozenset[str]] = frozenset({"language"})

    def process(self, article: Article) -> Iterator[Article]:
        found = detect_language(article.text)
        declared = base_language(article.language)
        if found is not None and found[1] >= MIN_CONFIDENCE:
            article.language = found[0]
        else:
            article.language = declared or "en"
        yield article
