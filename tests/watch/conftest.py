"""Watch fixtures: the local feed server (the database of each backend, `db_url`, is in
tests/conftest.py)."""

from __future__ import annotations

import pytest
from feedserver import FeedServer


@pytest.fixture()
def server():
    with FeedServer() as s:
        yield s
