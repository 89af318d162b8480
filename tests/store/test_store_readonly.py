"""Read-only use (``report``, ``export``, ``serve``): nothing written — no WAL switch, no
migration, no lock files beside a read-only database."""

from __future__ import annotations

import os
import sqlite3
import stat
import warnings
from pathlib import Path

import pytest
import sqlalchemy as sa
from click.testing import CliRunner
from store_factories import numbered_claims, numbered_document

from rasd.cli import main
from rasd.store import Store, StoreError, migrations, resolve_url

warnings.filterwarnings("ignore", message=".*httpx.*")


def _filled(db: str, n: int = 5) -> None:
    with Store.open(db) as store:
        run_id = store.start_run("fill", "0.1.0")
        for i in range(n):
            doc = numbered_document(i)
            store.save(doc, numbered_claims(doc, i), run_id=run_id)
        store.finish_run(run_id, documents=n, claims=0, failures=0)


def _state(folder: Path) -> dict[str, tuple[bytes, int]]:
    """Every file of the folder: its bytes and mtime."""
    return {p.name: (p.read_bytes(), p.stat().st_mtime_ns) for p in sorted(folder.iterdir())}


@pytest.fixture()
def readonly_db(tmp_path):
    """A filled SQLite database, the file made read-only (a-w) in a read-only folder."""
    folder = tmp_path / "ro"
    folder.mkdir()
    db = folder / "rasd.db"
    _filled(str(db))
    assert sorted(p.name for p in folder.iterdir()) == ["rasd.db"]  # WAL files gone on close
    db.chmod(stat.S_IRUSR | stat.S_IRGRP | stat.S_IROTH)
    folder.chmod(stat.S_IRUSR | stat.S_IXUSR | stat.S_IRGRP | stat.S_IXGRP)
    yield db
    folder.chmod(stat.S_IRWXU)
    db.chmod(stat.S_IRUSR | stat.S_IWUSR)


def test_readonly_database_in_a_readonly_folder_is_read_and_never_written(readonly_db,
                                                                           tmp_path,
                                                                           monkeypatch):
    """Tests run as root in CI, where chmod stops nothing: what is checked is that the files
    are unchanged and no -wal/-shm file appears, at the end and while the store is open."""
    from fastapi.testclient import TestClient

    import rasd.corpus
    from rasd.api import create_app

    folder = readonly_db.parent
    before = _state(folder)

    def only_the_db() -> None:
        assert sorted(os.listdir(folder)) == ["rasd.db"]

    with Store.open(str(readonly_db), readonly=True) as store:
        assert store.readonly and store.counts()["documents"] == 5
        assert len(list(store.claims())) >= 5
        with pytest.raises(StoreError, match="readonly|read-only|query_only"):
            store.start_run("write", "0.1.0")
        only_the_db()
    claim_records = rasd.corpus.claim_records

    def checked(store, **filters):  # report and export read through this, the store open
        only_the_db()
        yield from claim_records(store, **filters)

    monkeypatch.setattr(rasd.corpus, "claim_records", checked)
    runner = CliRunner()
    result = runner.invoke(main, ["report", "--db", str(readonly_db)])
    assert result.exit_code == 0, result.output
    out = tmp_path / "claims.csv"
    result = runner.invoke(main, ["export", "--db", str(readonly_db), "--format", "csv",
                                  "--output", str(out)])
    assert result.exit_code == 0 and out.exists(), result.output
    with TestClient(create_app(str(readonly_db))) as client:
        assert client.get("/api/health").json()["counts"]["documents"] == 5
        assert client.get("/api/claims").json()["total"] >= 5
        assert client.get("/").status_code == 200
        only_the_db()
    assert _state(folder) == before  # same bytes, same mtimes, no -wal / -shm


def test_readonly_open_of_a_writable_file_switches_and_migrates_nothing(tmp_path):
    db = tmp_path / "x.db"
    _filled(str(db))
    with sqlite3.connect(db) as raw:  # an older rasd's file: rollback journal, schema v1
        raw.execute("PRAGMA journal_mode = DELETE")
        raw.execute("ALTER TABLE runs DROP COLUMN host")
        raw.execute("ALTER TABLE runs DROP COLUMN pid")
        raw.execute("DELETE FROM schema_migrations WHERE version >= 2")
    before = _state(tmp_path)
    with Store.open(str(db), readonly=True) as store:
        assert store.schema_version == 1 and store.pragma("journal_mode") == "delete"
        assert [r.status for r in store.runs()] == ["finished"]
        assert store.counts()["documents"] == 5
    assert _state(tmp_path) == before
    with Store.open(str(db)) as store:  # opened for writing, it is migrated
        assert store.schema_version == migrations.latest() and store.pragma("journal_mode") == "wal"


def test_readonly_open_creates_nothing(tmp_path):
    with pytest.raises(StoreError, match="no database here"):
        Store.open(str(tmp_path / "missing.db"), readonly=True)
    assert list(tmp_path.iterdir()) == []
    result = CliRunner().invoke(main, ["report", "--db", str(tmp_path / "missing.db")])
    assert result.exit_code == 1 and "no database here" in result.output
    assert "Traceback" not in result.output and list(tmp_path.iterdir()) == []
    (tmp_path / "empty.db").touch()
    with pytest.raises(StoreError, match="not a rasd database"):
        Store.open(str(tmp_path / "empty.db"), readonly=True)


def test_readonly_paths_with_uri_characters(tmp_path):
    folder = tmp_path / "a b?c#d%20"
    folder.mkdir()
    _filled(str(folder / "x.db"))
    with Store.open(str(folder / "x.db"), readonly=True) as store:
        assert store.counts()["documents"] == 5


def test_readonly_store_refuses_writes_on_every_backend(db_url):
    _filled(db_url)
    with Store.open(db_url, readonly=True) as store:
        assert store.readonly
        with pytest.raises(StoreError):
            store.add_failure(None, "x", "y")
        assert store.counts()["failures"] == 0
    if not db_url.startswith("postgresql"):
        engine = sa.create_engine(resolve_url(db_url))
        with engine.connect() as conn:  # the file is still in WAL mode, as rasd left it
            assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        engine.dispose()


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads and writes whatever chmod says")
def test_readonly_folder_without_root(readonly_db):  # pragma: no cover - CI runs as root
    with Store.open(str(readonly_db), readonly=True) as store:
        assert store.counts()["documents"] == 5
