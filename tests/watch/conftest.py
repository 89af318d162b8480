"""Watch fixtures: the local feed server, and a database of each backend (SQLite; PostgreSQL
too when ``RASD_TEST_POSTGRES_URL`` is set, in a schema of its own, as the store tests do)."""

from __future__ import annotations

import os
import uuid

import pytest
import sqlalchemy as sa
from feedserver import FeedServer

PG_ENV = "RASD_TEST_POSTGRES_URL"


@pytest.fixture()
def server():
    with FeedServer() as s:
        yield s


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request, tmp_path):
    """A ``--db`` value for an empty database of each backend."""
    if request.param == "sqlite":
        yield str(tmp_path / "w.db")
        return
    base = os.environ.get(PG_ENV)
    if not base:
        pytest.skip(f"PostgreSQL tests need {PG_ENV}=postgresql://user:password@host/db")
    schema = f"rasd_watch_{uuid.uuid4().hex[:10]}"
    url = sa.make_url(base).set(drivername="postgresql+psycopg")
    admin = sa.create_engine(url)
    with admin.begin() as conn:
        conn.exec_driver_sql(f"CREATE SCHEMA {schema}")
    try:
        yield url.update_query_dict({"options": f"-csearch_path={schema}"}) \
                 .render_as_string(hide_password=False)
    finally:
        with admin.begin() as conn:
            conn.exec_driver_sql(f"DROP SCHEMA {schema} CASCADE")
        admin.dispose()
