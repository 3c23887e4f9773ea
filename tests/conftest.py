"""Shared fixtures: the spaCy pipeline, the ../shared folder, temporary databases."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from paths import FIXTURES, ROOT


def _find_shared() -> Path | None:
    for base in (ROOT.parent / "shared", ROOT / ".." / "shared"):
        if (base / "corpus").is_dir():
            return base.resolve()
    return None


SHARED = _find_shared()


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    if SHARED is None:
        pytest.skip("../shared is absent: the seed dump and gold data live there")
    return SHARED


@pytest.fixture(scope="session")
def seed_dump(shared_dir: Path) -> Path:
    path = shared_dir / "corpus" / "asharq_al_awsat_2024-08.txt"
    if not path.exists():
        pytest.skip(f"{path} is absent")
    return path


@pytest.fixture(scope="session")
def nlp() -> Any:
    """The full English pipeline, loaded once for the whole test run."""
    from dateline.config import Settings
    from dateline.nlp import load_pipeline

    return load_pipeline(Settings().models, None)


@pytest.fixture(scope="session")
def fixtures_dir() -> Path:
    return FIXTURES


@pytest.fixture(scope="session")
def quotes_of(nlp: Any) -> Any:
    """``quotes_of(text)``: the quotes QuoteStep finds in ``text`` parsed by the full pipeline."""
    from dateline.extract.quotes import QuoteStep
    from dateline.model import Article

    step = QuoteStep()

    def go(text: str) -> list[Any]:
        article = Article(text=text)
        article.doc = nlp(text)
        (done,) = step.run([article])
        return list(done.quotes)

    return go


@pytest.fixture(scope="session")
def seed_cleaned(seed_dump: Path) -> list[Any]:
    """The seed dump's articles as the real segment, clean and identity steps give them."""
    from datetime import date

    from dateline.clean import CleanStep, IdentityStep, SegmentStep
    from dateline.model import Article
    from dateline.pipeline import Pipeline

    raw = seed_dump.read_text(encoding="utf-8")
    dump = Article(text=raw, source=str(seed_dump), format="text", outlet="Asharq Al-Awsat",
                   published=date(2024, 8, 16))
    return list(Pipeline([SegmentStep(), CleanStep(), IdentityStep()]).run([dump]))
