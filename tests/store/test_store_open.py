"""Opening a store: --db values, SQLite settings, migrations, errors."""

from __future__ import annotations

import os
import sqlite3
import sys

import pytest
import sqlalchemy as sa

from rasd.store import Store, StoreError, migrations, resolve_url, schema
from rasd.store.store import Store as _Store


def test_default_path_is_rasd_db_in_the_working_folder(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    with Store.open() as store:
        assert store.dialect == "sqlite"
        assert store.location == str(tmp_path / "rasd.db")
    assert (tmp_path / "rasd.db").is_file()
    other = tmp_path / "sub"
    other.mkdir()
    monkeypatch.chdir(other)  # the path was made absolute when opened
    with Store.open(str(tmp_path / "rasd.db")) as store:
        assert store.counts()["documents"] == 0


def test_sqlite_wal_foreign_keys_busy_timeout(tmp_path):
    path = tmp_path / "x.db"
    with Store.open(str(path)) as store:
        assert store.pragma("journal_mode") == "wal"
        assert store.pragma("foreign_keys") == 1
        assert store.pragma("busy_timeout") >= 10_000
        assert store.pragma("synchronous") == 1  # NORMAL
    # WAL is a property of the file: a plain sqlite3 connection sees it too
    with sqlite3.connect(path) as raw:
        assert raw.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_foreign_keys_are_enforced(tmp_path):
    with Store.open(str(tmp_path / "x.db")) as store:
        with pytest.raises(StoreError, match="FOREIGN KEY") as info, store._write() as conn:
            conn.execute(schema.failures.insert().values(
                run_id=999, source="x", reason="y", code="z", created_at=sa.func.now()))
        assert isinstance(info.value.__cause__, sa.exc.IntegrityError)


def test_memory_database():
    with Store.open(":memory:") as store:
        assert store.counts() == {"documents": 0, "claims": 0, "sources": 0, "runs": 0,
                                  "failures": 0}


def _versions(db_url: str) -> list[tuple[int, str]]:
    engine = sa.create_engine(resolve_url(db_url))
    try:
        with engine.connect() as conn:
            return [tuple(r) for r in conn.execute(sa.select(
                schema.schema_migrations.c.version, schema.schema_migrations.c.name)
                .order_by(schema.schema_migrations.c.version))]
    finally:
        engine.dispose()


def test_migrations_run_once_and_are_recorded(db_url):
    with Store.open(db_url) as store:
        assert store.schema_version == migrations.latest()
        run_id = store.start_run("first", "0.1.0")
    with Store.open(db_url) as store:  # opening again changes nothing
        assert store.schema_version == migrations.latest()
        assert [r.id for r in store.runs()] == [run_id]
    versions = _versions(db_url)
    assert [v for v, _ in versions] == [v for v, _, _ in migrations.STEPS]


def test_a_new_step_upgrades_an_existing_database_once(db_url, monkeypatch):
    with Store.open(db_url) as store:
        store.start_run("before the upgrade", "0.1.0")
    calls = []
    nxt = migrations.latest() + 1
    extra = sa.Table("runs", sa.MetaData(), sa.Column("id", sa.Integer, primary_key=True),
                     sa.Column("note", sa.Text))

    def add_note(conn: sa.Connection) -> None:
        calls.append(migrations.add_column_if_missing(conn, extra, "note"))

    monkeypatch.setattr(migrations, "STEPS", [*migrations.STEPS, (nxt, "runs.note", add_note)])
    with Store.open(db_url) as store:
        assert store.schema_version == nxt
    with Store.open(db_url) as store:
        assert store.schema_version == nxt
    assert calls == [True]  # applied once, and it did add the column
    engine = sa.create_engine(resolve_url(db_url))
    with engine.connect() as conn:
        assert "note" in {c["name"] for c in sa.inspect(conn).get_columns("runs")}
    engine.dispose()


def _downgrade_to_v1(db_url: str) -> None:
    """Make the database what rasd wrote before step 2 (runs without host and pid)."""
    engine = sa.create_engine(resolve_url(db_url))
    with engine.begin() as conn:
        conn.exec_driver_sql("ALTER TABLE runs DROP COLUMN host")
        conn.exec_driver_sql("ALTER TABLE runs DROP COLUMN pid")
        conn.exec_driver_sql("DELETE FROM schema_migrations WHERE version >= 2")
    engine.dispose()


def test_step_2_adds_the_run_owner_to_a_v1_database(db_url):
    with Store.open(db_url) as store:
        old = store.start_run("ingest by an older rasd", "0.1.0")
    _downgrade_to_v1(db_url)
    with Store.open(db_url, readonly=True) as store:  # read as it is, not migrated
        assert store.schema_version == 1
        assert [r.status for r in store.runs()] == ["running"]
    with Store.open(db_url) as store:
        assert store.schema_version == migrations.latest()
        new = store.start_run("ingest", "0.1.0")
        runs = {r.id: r.status for r in store.runs()}
    assert runs == {old: "running", new: "running"}  # no owner recorded: left as it was


def test_a_failing_step_leaves_the_database_as_it_was(db_url, monkeypatch):
    def broken(conn: sa.Connection) -> None:
        conn.exec_driver_sql("CREATE TABLE half_done (x INTEGER)")
        raise RuntimeError("step failed")

    nxt = migrations.latest() + 1
    monkeypatch.setattr(migrations, "STEPS", [*migrations.STEPS, (nxt, "broken", broken)])
    with pytest.raises(RuntimeError):
        Store.open(db_url)
    monkeypatch.undo()
    with Store.open(db_url) as store:
        assert store.schema_version == migrations.latest()
    engine = sa.create_engine(resolve_url(db_url))
    with engine.connect() as conn:
        assert not sa.inspect(conn).has_table("half_done")  # DDL rolled back too
    engine.dispose()


def test_a_database_from_a_newer_rasd_is_refused(db_url, monkeypatch):
    Store.open(db_url).close()
    nxt = migrations.latest() + 1
    monkeypatch.setattr(migrations, "STEPS", [*migrations.STEPS, (nxt, "future", lambda c: None)])
    Store.open(db_url).close()
    monkeypatch.undo()
    with pytest.raises(StoreError, match="newer than this rasd"):
        Store.open(db_url)
    with pytest.raises(StoreError, match="newer than this rasd"):
        Store.open(db_url, readonly=True)


@pytest.mark.parametrize("value, expected", [
    (None, "sqlite"), ("x.db", "sqlite"), ("sqlite:///x.db", "sqlite"),
    ("postgresql://u:p@h/db", "postgresql+psycopg"), ("postgres://u@h/db", "postgresql+psycopg"),
    ("postgresql+psycopg://u@h/db", "postgresql+psycopg"),
])
def test_resolve_url(value, expected):
    assert resolve_url(value).drivername == expected


def test_relative_paths_become_absolute(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert resolve_url("data.db").database == os.path.join(str(tmp_path), "data.db")


@pytest.mark.parametrize("value, message", [
    ("mysql://u@h/db", "unsupported database"),
    ("postgresql+psycopg2://u@h/db", "unsupported PostgreSQL driver"),
])
def test_unsupported_urls(value, message):
    with pytest.raises(StoreError, match=message):
        Store.open(value)


def test_postgresql_without_psycopg(monkeypatch):
    monkeypatch.setitem(sys.modules, "psycopg", None)  # import psycopg -> ImportError
    with pytest.raises(StoreError, match="needs the psycopg package"):
        Store.open("postgresql://u@h/db")


def test_missing_folder(tmp_path):
    with pytest.raises(StoreError, match="does not exist"):
        Store.open(str(tmp_path / "nowhere" / "rasd.db"))


def test_unreachable_postgresql_is_one_line_error():
    with pytest.raises(StoreError) as info:
        Store.open("postgresql://nobody:secret@127.0.0.1:1/nothing?connect_timeout=2")
    message = str(info.value)
    assert "cannot open database" in message and "\n" not in message
    assert "secret" not in message  # the password is never shown
    assert info.value.code == "store_error"


def test_not_a_database_file(tmp_path):
    path = tmp_path / "notes.db"
    path.write_bytes(b"this is not a database file, just some bytes" * 100)
    with pytest.raises(StoreError, match="cannot open database"):
        _Store.open(str(path))
