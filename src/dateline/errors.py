"""The exception tree. Each error has a stable code and says what to do."""

from __future__ import annotations


class DatelineError(Exception):
    """Base of every error dateline raises on purpose."""

    code = "D000"

    def __str__(self) -> str:
        return f"[{self.code}] {super().__str__()}"


class InputError(DatelineError):
    """A source could not be read; the message names the file and the reason."""

    code = "D100"

    def __init__(self, path: str, reason: str, detail: str = "") -> None:
        self.path = path
        self.reason = reason
        self.detail = detail
        super().__init__(f"{path}: {reason}" + (f" ({detail})" if detail else ""))


class PipelineOrderError(DatelineError):
    """A step needs something no earlier step assigns."""

    code = "D200"


class ModelNotFoundError(DatelineError):
    """No spaCy pipeline from the configured list is installed."""

    code = "D300"


class StoreError(DatelineError):
    """The database is unusable (wrong schema version, not a dateline file, ...)."""

    code = "D400"


class OutputError(DatelineError):
    """An output file cannot be written where asked (a database, device, FIFO, link or folder is
    there); the message names the path and what to do."""

    code = "D500"
