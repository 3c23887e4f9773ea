"""The error tree: each type has its own code, CLI exit status and HTTP status, and the shells map
the type, never the message text."""

from __future__ import annotations

from pathlib import Path

import pytest

from dateline import errors
from dateline.errors import (
    CorruptDatabaseError,
    DatelineError,
    NotFoundError,
    QueryError,
    StoreError,
    UsageError,
)


def test_every_error_has_its_own_code_and_statuses() -> None:
    kinds = [k for k in vars(errors).values() if isinstance(k, type) and issubclass(k, DatelineError)]
    codes = [k.code for k in kinds]
    assert len(codes) == len(set(codes)) == len(kinds) >= 9
    assert (UsageError.exit_code, NotFoundError.exit_code, StoreError.exit_code) == (2, 3, 4)
    assert (UsageError.http_status, NotFoundError.http_status, CorruptDatabaseError.http_status) == (400, 404, 503)
    assert issubclass(UsageError, ValueError) and issubclass(QueryError, UsageError)
    assert issubclass(NotFoundError, LookupError) and issubclass(CorruptDatabaseError, StoreError)
    assert str(NotFoundError("no entity named 'x'")) == "[D404] no entity named 'x'"
    assert NotFoundError("no entity named 'x'").message == "no entity named 'x'"


def test_the_store_raises_by_kind(tmp_path: Path) -> None:
    from dateline.store.connection import connect
    from dateline.store.reader import Reader

    reader = Reader(connect(str(tmp_path / "kinds.db")))
    with pytest.raises(NotFoundError):
        reader.article("zzzz")
    with pytest.raises(NotFoundError):
        reader.entity_profile("Nobody At All")
    assert reader.search('"unbalanced') == []  # retried word by word, never an error for plain words
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"this is no database" * 100)
    with pytest.raises(CorruptDatabaseError, match="junk.db"):
        connect(str(junk))


def test_the_web_maps_types_to_statuses(tmp_path: Path) -> None:
    from fastapi.testclient import TestClient

    from dateline.store.connection import connect
    from dateline.web import create_app

    db = tmp_path / "web.db"
    connect(str(db)).close()
    with TestClient(create_app(db), base_url="http://127.0.0.1") as client:
        missing = client.get("/api/v1/articles/zzzz")
        assert missing.status_code == 404 and missing.json()["code"] == "D404"
        entity = client.get("/api/v1/entities/nobody")
        assert entity.status_code == 404 and entity.json()["code"] == "D404"
