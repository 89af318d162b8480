"""From a ``--db`` value to a configured SQLAlchemy engine (SQLite file, or PostgreSQL URL).

* ``None`` → ``./rasd.db``; a path → that SQLite file; ``sqlite:///path`` also works;
  ``:memory:`` → a private in-memory SQLite database (tests, throwaway runs).
* ``postgresql://`` / ``postgres://`` (and ``postgresql+psycopg://``) → PostgreSQL through
  psycopg 3.

SQLite connections get ``journal_mode=WAL``, ``foreign_keys=ON``, ``synchronous=NORMAL`` (in WAL
mode this survives a killed process; only a power cut may lose the last commits) and a busy
timeout.

Read-only engines (``readonly=True``: ``report``, ``export``, ``serve``) never write: SQLite is
opened with ``mode=ro`` (no WAL switch; SQLite may still create its ``-wal``/``-shm`` lock files
beside a WAL database, to read safely while another process writes), and with ``immutable=1`` —
nothing at all written, not even those files — when the file has no write permission bit
(``chmod a-w``: the operator's sign that nothing writes it) or its folder cannot be written;
PostgreSQL sessions are ``default_transaction_read_only``. sqlite3's own implicit transaction
handling is switched off and the engine emits ``BEGIN`` itself, so DDL is transactional and reads
see one snapshot; a write transaction (:func:`write_options`) starts with ``BEGIN IMMEDIATE`` so
that concurrent writers queue on the busy timeout instead of failing on a lock upgrade.
"""

from __future__ import annotations

import json
import os
import sqlite3
import time
from pathlib import Path
from typing import Any
from urllib.request import pathname2url

import sqlalchemy as sa
from sqlalchemy import event
from sqlalchemy.engine import URL, Engine, make_url
from sqlalchemy.pool import StaticPool

from rasd.errors import RasdError

DEFAULT_DB = "rasd.db"
BUSY_TIMEOUT_MS = 60_000
_WRITE = "rasd_write"
_PG_SCHEMES = ("postgresql", "postgres")


class StoreError(RasdError):
    """The database cannot be opened, is of a newer schema, or refuses an operation."""

    code = "store_error"


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def resolve_url(db: str | Path | None) -> URL:
    """The SQLAlchemy URL for a ``--db`` value (see the module docstring)."""
    if db is None:
        db = DEFAULT_DB
    text = str(db)
    scheme = text.split("://", 1)[0].lower() if "://" in text else ""
    if not scheme:
        if text == ":memory:":
            return URL.create("sqlite", database=":memory:")
        return URL.create("sqlite", database=str(Path(text).expanduser().absolute()))
    try:
        url = make_url(text)
    except sa.exc.ArgumentError as exc:
        raise StoreError(f"bad database URL: {exc}") from None
    base, _, driver = url.drivername.partition("+")
    if base in _PG_SCHEMES:
        if driver not in ("", "psycopg"):
            raise StoreError(f"unsupported PostgreSQL driver {driver!r} (use psycopg)")
        return url.set(drivername="postgresql+psycopg")
    if base == "sqlite" and driver in ("", "pysqlite"):
        return url
    raise StoreError(f"unsupported database {url.drivername!r}: give a file path or a "
                     "postgresql:// URL")


def describe(url: URL) -> str:
    """The URL for messages, password hidden."""
    if url.get_backend_name() == "sqlite":
        return url.database or ":memory:"
    return url.render_as_string(hide_password=True)


def is_memory(url: URL) -> bool:
    """Whether ``url`` is a private in-memory SQLite database."""
    return url.get_backend_name() == "sqlite" and url.database in (None, "", ":memory:")


def create(db: str | Path | None, *, readonly: bool = False) -> Engine:
    """A configured engine for ``db``; the SQLite file's folder must exist (and, read-only, the
    file itself). ``readonly`` is ignored for an in-memory database."""
    url = resolve_url(db)
    if url.get_backend_name() == "postgresql":
        try:
            engine = sa.create_engine(url, json_serializer=_dumps, pool_pre_ping=True)
        except ImportError:
            raise StoreError("PostgreSQL needs the psycopg package: pip install "
                             "'psycopg[binary]'") from None
        event.listen(engine, "connect", _pg_connect_readonly if readonly else _pg_connect)
        return engine
    kwargs: dict[str, Any] = {}
    if is_memory(url):
        kwargs = {"poolclass": StaticPool, "connect_args": {"check_same_thread": False}}
    else:
        path = Path(url.database or "")
        if not path.parent.is_dir():
            raise StoreError(f"folder {str(path.parent)!r} does not exist", source=url.database)
        if readonly:
            return _readonly_sqlite(url, path)
    engine = sa.create_engine(url, json_serializer=_dumps, **kwargs)
    event.listen(engine, "connect", _sqlite_connect)
    event.listen(engine, "begin", _sqlite_begin)
    return engine


def readonly_uri(path: Path) -> str:
    """The SQLite URI that opens ``path`` read-only (see the module docstring)."""
    unwritable_file = not path.stat().st_mode & 0o222
    unwritable_folder = (not os.access(path.parent, os.W_OK)
                         and not Path(f"{path}-shm").exists())
    flags = "mode=ro&immutable=1" if unwritable_file or unwritable_folder else "mode=ro"
    return f"file:{pathname2url(str(path))}?{flags}"


def _readonly_sqlite(url: URL, path: Path) -> Engine:
    if not path.is_file():
        raise StoreError("no database here (create one with `rasd ingest`)", source=str(path))
    uri = readonly_uri(path)
    engine = sa.create_engine(url, json_serializer=_dumps, creator=lambda: sqlite3.connect(
        uri, uri=True, check_same_thread=False))
    event.listen(engine, "connect", _sqlite_connect_readonly)
    event.listen(engine, "begin", _sqlite_begin)
    return engine


def _pg_connect(dbapi_conn: Any, _record: Any) -> None:
    with dbapi_conn.cursor() as cur:  # wait for row locks, never forever
        cur.execute(f"SET lock_timeout = {BUSY_TIMEOUT_MS}")
    dbapi_conn.commit()


def _pg_connect_readonly(dbapi_conn: Any, _record: Any) -> None:
    with dbapi_conn.cursor() as cur:
        cur.execute(f"SET lock_timeout = {BUSY_TIMEOUT_MS}")
        cur.execute("SET default_transaction_read_only = on")
    dbapi_conn.commit()


def _set_wal(cur: Any, attempts: int = 100) -> None:
    """Switch to WAL. Two processes opening a new file at once can both need the exclusive lock
    this takes, and SQLite may answer "locked" without waiting for the busy timeout: retry."""
    for attempt in range(attempts):
        try:
            cur.execute("PRAGMA journal_mode = WAL")
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or attempt == attempts - 1:
                raise
            time.sleep(0.05)


def _sqlite_connect(dbapi_conn: Any, _record: Any) -> None:
    dbapi_conn.isolation_level = None  # we emit BEGIN ourselves (see _sqlite_begin)
    cur = dbapi_conn.cursor()
    try:
        cur.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        _set_wal(cur)
        cur.execute("PRAGMA synchronous = NORMAL")
        cur.execute("PRAGMA foreign_keys = ON")
    finally:
        cur.close()


def _sqlite_connect_readonly(dbapi_conn: Any, _record: Any) -> None:
    dbapi_conn.isolation_level = None
    cur = dbapi_conn.cursor()
    try:
        cur.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        cur.execute("PRAGMA query_only = ON")
    finally:
        cur.close()


def _sqlite_begin(conn: sa.Connection) -> None:
    write = conn.get_execution_options().get(_WRITE, False)
    conn.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")


def write_options() -> dict[str, Any]:
    """Execution options of a connection that is about to write (``BEGIN IMMEDIATE``)."""
    return {_WRITE: True}


def inserted_id(result: sa.CursorResult[Any]) -> int:
    """The integer primary key of the row an INSERT made."""
    key = result.inserted_primary_key
    if key is None:
        raise StoreError("the database gave back no key for an inserted row")
    return int(key[0])
