"""The exception tree. Each error has a stable code, an exit status for the CLI and an HTTP status
for the web; shells map the type, never the message text.

```
DatelineError                  D000  exit 1  HTTP 500
├── UsageError (ValueError)     D010  exit 2  HTTP 400   a bad option, argument, setting or table row
│   ├── QueryError              D011  exit 2  HTTP 400   a search query the index cannot read
│   └── OutputError             D500  exit 2  HTTP 400   an export target that must not be replaced
├── NotFoundError (LookupError) D404  exit 3  HTTP 404   no article, entity, story or correction by that name
├── InputError                  D100  exit 1  HTTP 400   a source could not be read
├── PipelineOrderError          D200  exit 1  HTTP 500   a step needs what no earlier step assigns
├── ModelNotFoundError          D300  exit 1  HTTP 500   no configured spaCy pipeline is installed
└── StoreError                  D400  exit 4  HTTP 503   the database cannot be used as asked
    └── CorruptDatabaseError    D401  exit 4  HTTP 503   not a dateline database, or damaged
```
"""

from __future__ import annotations


class DatelineError(Exception):
    """Base of every error dateline raises on purpose."""

    code = "D000"
    exit_code = 1
    http_status = 500

    def __str__(self) -> str:
        return f"[{self.code}] {super().__str__()}"

    @property
    def message(self) -> str:
        """The message without its code."""
        return str(self.args[0]) if self.args else ""


class UsageError(DatelineError, ValueError):
    """A bad option, argument, setting or table row; the message says what is accepted."""

    code = "D010"
    exit_code = 2
    http_status = 400


class QueryError(UsageError):
    """A search query the full-text index cannot read."""

    code = "D011"


class NotFoundError(DatelineError, LookupError):
    """No article, entity, story or correction answers to the name or id given."""

    code = "D404"
    exit_code = 3
    http_status = 404


class InputError(DatelineError):
    """A source could not be read; the message names the file and the reason."""

    code = "D100"
    http_status = 400

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
    """The database cannot be used as asked (cannot be created, opened or written, newer schema, ...)."""

    code = "D400"
    exit_code = 4
    http_status = 503


class CorruptDatabaseError(StoreError):
    """The file is not a dateline database, or it is damaged."""

    code = "D401"


class OutputError(UsageError):
    """An output file cannot be written where asked (a database, device, FIFO, link or folder is
    there); the message names the path and what to do."""

    code = "D500"
