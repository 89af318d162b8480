"""Fixtures shared by the store and watch tests: a database of each backend — SQLite, and
PostgreSQL too when ``RASD_TEST_POSTGRES_URL`` is set (e.g.
``postgresql://rasd:rasd@localhost:5432/rasd_test``), each PostgreSQL test in a schema of its
own, dropped afterwards."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator

import pytest
import sqlalchemy as sa

PG_ENV = "RASD_TEST_POSTGRES_URL"


def _pg_url() -> Iterator[str]:
    base = os.environ.get(PG_ENV)
    if not base:
        pytest.skip(f"PostgreSQL tests need {PG_ENV}=postgresql://user:password@host/db")
    schema = f"rasd_test_{uuid.uuid4().hex[:10]}"
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


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request: pytest.FixtureRequest, tmp_path) -> Iterator[str]:
    """A ``--db`` value for an empty database of each backend."""
    if request.param == "sqlite":
        yield str(tmp_path / "rasd.db")
    else:
        yield from _pg_url()
