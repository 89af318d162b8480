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


@pytest.fixture
def fresh_caches(monkeypatch: pytest.MonkeyPatch):
    """``fresh_caches(*loaders)``: the loaders' caches (functions with ``cache_clear``) emptied
    now and again after the test, once its patches (``monkeypatch``) are undone."""
    cleared: list = []

    def clear(*caches) -> None:
        for cache in caches:
            cache.cache_clear()
        cleared.extend(caches)

    yield clear
    monkeypatch.undo()
    for cache in cleared:
        cache.cache_clear()


@pytest.fixture
def broken_data(monkeypatch: pytest.MonkeyPatch, fresh_caches):
    """``broken_data(module, name, edit, *caches)``: ``module.load_data(name)`` gives the shipped
    data file ``name`` with ``edit`` applied to a copy of it, the loader ``caches`` emptied
    before and after the test (:func:`fresh_caches`)."""
    import copy

    from rasd.lang.ar import Section, load_yaml

    def apply(module, name: str, edit, *caches) -> None:
        data = copy.deepcopy(load_yaml(name))
        edit(data)
        real = module.load_data
        monkeypatch.setattr(module, "load_data",
                            lambda n: Section.of(data, n) if n == name else real(n))
        fresh_caches(*caches)

    return apply


@pytest.fixture
def file_text(monkeypatch: pytest.MonkeyPatch, fresh_caches):
    """``file_text(module, text, *caches)``: ``module.open_data`` (a generated file of
    ``geo/data``) gives ``text``, the loader ``caches`` emptied before and after the test."""
    import io

    def apply(module, text: str, *caches) -> None:
        monkeypatch.setattr(module, "open_data", lambda name: io.StringIO(text))
        fresh_caches(*caches)

    return apply
