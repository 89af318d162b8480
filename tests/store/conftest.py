"""Store fixtures: every store test runs on each backend of ``db_url`` (tests/conftest.py):
SQLite and, when ``RASD_TEST_POSTGRES_URL`` is set, PostgreSQL."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from rasd.store import Store


@pytest.fixture
def store(db_url: str) -> Iterator[Store]:
    with Store.open(db_url) as s:
        yield s
