"""A small versioned migration runner, run every time a store is opened.

``STEPS`` is an ordered list of ``(version, name, function)``; the versions applied to a database
are recorded in ``schema_migrations``. Opening runs the missing steps in order, all in one
transaction under a lock (``BEGIN IMMEDIATE`` on SQLite, an advisory lock on PostgreSQL), so
that two processes opening a fresh database at once do not race and a failed step leaves the
database as it was. A database whose newest step is unknown to this rasd is refused.

Rules for a new step: never edit a released step; append one with the next version; make it a
no-op where the change is already there (step 1 creates the *current* tables of
:mod:`rasd.store.schema`, so a fresh database already has every later column) — use
:func:`add_column_if_missing` and ``create(..., checkfirst=True)``.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

import sqlalchemy as sa

from rasd.store import schema
from rasd.store.engine import StoreError, write_options

Step = tuple[int, str, Callable[[sa.Connection], None]]
_PG_LOCK_KEY = 0x72617364  # "rasd"


def _initial(conn: sa.Connection) -> None:
    schema.metadata.create_all(conn, checkfirst=True)


def _run_owner(conn: sa.Connection) -> None:
    add_column_if_missing(conn, schema.runs, "host")
    add_column_if_missing(conn, schema.runs, "pid")


def _watch(conn: sa.Connection) -> None:
    for table in schema.WATCH_TABLES:
        table.create(conn, checkfirst=True)


STEPS: list[Step] = [
    (1, "initial schema: documents, claims, sources, runs, failures", _initial),
    (2, "runs.host and runs.pid: runs of dead processes are marked interrupted", _run_owner),
    (3, "rasd watch: feeds, items seen, checked documents, alerts and their deliveries",
     _watch),
]


def latest() -> int:
    """The schema version this rasd writes."""
    return STEPS[-1][0]


def add_column_if_missing(conn: sa.Connection, table: sa.Table, column_name: str) -> bool:
    """``ALTER TABLE .. ADD COLUMN`` for a column of ``table`` (from :mod:`schema`) that the
    database lacks; True when it was added."""
    have = {c["name"] for c in sa.inspect(conn).get_columns(table.name)}
    if column_name in have:
        return False
    ddl = sa.schema.CreateColumn(table.c[column_name]).compile(dialect=conn.dialect)
    conn.exec_driver_sql(f"ALTER TABLE {table.name} ADD COLUMN {ddl}")
    return True


def _applied(conn: sa.Connection) -> set[int]:
    if not sa.inspect(conn).has_table(schema.schema_migrations.name):
        return set()
    return set(conn.scalars(sa.select(schema.schema_migrations.c.version)))


def current_version(engine: sa.Engine) -> int:
    """The newest step applied to the database (0 for an empty database)."""
    with engine.connect() as conn:
        return max(_applied(conn), default=0)


def check_readable(engine: sa.Engine) -> int:
    """The schema version of a database about to be read without migrating (read-only): an
    error when it has no rasd schema or one newer than this rasd knows; an older one is read
    as it is."""
    version = current_version(engine)
    if version == 0:
        raise StoreError("not a rasd database (no schema): create it with `rasd ingest`")
    if version > latest():
        raise StoreError(f"database schema version {version} is newer than this rasd knows "
                         f"({latest()}); upgrade rasd")
    return version


def migrate(engine: sa.Engine) -> int:
    """Apply the missing steps; the database's schema version afterwards."""
    known = {version for version, _, _ in STEPS}
    if current_version(engine) == latest():
        return latest()  # fast path: no write lock taken
    with engine.connect() as conn:
        conn.execution_options(**write_options())
        with conn.begin():
            if conn.dialect.name == "postgresql":
                conn.execute(sa.text("SELECT pg_advisory_xact_lock(:key)"), {"key": _PG_LOCK_KEY})
            schema.schema_migrations.create(conn, checkfirst=True)
            applied = _applied(conn)
            newer = applied - known
            if newer:
                raise StoreError(f"database schema version {max(newer)} is newer than this rasd "
                                 f"knows ({latest()}); upgrade rasd")
            for version, name, step in STEPS:
                if version in applied:
                    continue
                step(conn)
                conn.execute(schema.schema_migrations.insert().values(
                    version=version, name=name, applied_at=datetime.now(UTC)))
    return latest()
