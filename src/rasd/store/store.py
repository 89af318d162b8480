"""The :class:`Store`: documents, claims, sources, runs and failures in SQLite or PostgreSQL.

Every write is one transaction; a document and its claims are written together, so a killed
process never leaves a document without its claims (canonical sources, reference data, are
upserted just before in a transaction of their own), and running the same input again skips
what is stored (documents are keyed by id and by a hash of their text). Reads are streamed in
chunks (a server-side cursor on PostgreSQL) and see one snapshot.
"""

from __future__ import annotations

import datetime as dt
import os
import socket
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from itertools import islice
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from rasd.model import Claim, Document
from rasd.store import engine as engines
from rasd.store import migrations, rows
from rasd.store.engine import StoreError
from rasd.store.processes import process_alive
from rasd.store.rows import DocumentInfo, Run, StoredClaim, StoredFailure
from rasd.store.schema import claims as C
from rasd.store.schema import documents as D
from rasd.store.schema import failures as F
from rasd.store.schema import runs as R
from rasd.store.schema import sources as S
from rasd.version import __version__

DateLike = str | dt.date
Match = str | Iterable[str] | None


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def _iso(value: DateLike) -> str:
    return value.isoformat()[:10] if isinstance(value, dt.date) else str(value)


def _match(column: sa.ColumnElement[Any], value: Match) -> sa.ColumnElement[bool] | None:
    if value is None:
        return None
    if isinstance(value, str):
        return column == value
    return column.in_(list(value))


def _claim_filters(type: Match, country: Match, since: DateLike | None, until: DateLike | None,
                   source_id: Match, doc_id: Match) -> list[sa.ColumnElement[bool]]:
    conds = [_match(C.c.type, type), _match(C.c.country, country),
             _match(C.c.source_id, source_id), _match(C.c.doc_id, doc_id),
             C.c.date >= _iso(since) if since is not None else None,
             C.c.date <= _iso(until) if until is not None else None]
    return [c for c in conds if c is not None]


def _one_line(exc: BaseException) -> str:
    text = str(getattr(exc, "orig", None) or exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__


class Store:
    """A rasd database. Open with :meth:`open`; use as a context manager or :meth:`close` it.

    Safe to share between threads (each call takes a pooled connection). After ``fork``, open a
    new Store in the child instead of using the parent's. Database errors come as
    :class:`StoreError` (one line; the driver's exception is its ``__cause__``). A ``:memory:``
    store has a single connection: no writes while one of its read streams is open.
    """

    def __init__(self, engine: sa.Engine) -> None:
        self._engine = engine
        self._pg = engine.dialect.name == "postgresql"
        self.readonly = False
        self._versions: dict[int, str] = {}
        self._sources: dict[str, dict[str, Any]] = {}  # canonical sources known to be stored
        insert = pg_insert if self._pg else sqlite_insert
        # the statements of the save path, built once (values come as parameters)
        # no conflict target: a clash on the id or on the content hash both mean "stored"
        self._add_doc = insert(D).on_conflict_do_nothing().returning(D.c.id)
        upsert = insert(S)
        fields = ("name", "kind", "country")
        self._upsert_sources = upsert.on_conflict_do_update(
            index_elements=[S.c.id], set_={k: upsert.excluded[k] for k in fields},
            where=sa.or_(*(S.c[k].is_distinct_from(upsert.excluded[k]) for k in fields)))
        self._mark_doc = D.update().where(D.c.id == sa.bindparam("doc_id")).values(
            claims_run_id=sa.bindparam("run"), extractor_version=sa.bindparam("version"))

    # --- lifecycle -------------------------------------------------------------------------

    @classmethod
    def open(cls, db: str | Path | None = None, *, readonly: bool = False) -> Store:
        """Open (creating and migrating as needed) the database named by a ``--db`` value:
        None → ``./rasd.db``; a path → that SQLite file; ``postgresql://...`` → PostgreSQL.

        ``readonly`` opens an existing database for reading only: nothing is created, migrated
        or switched (see :mod:`rasd.store.engine`), and any write is a StoreError."""
        engine = engines.create(db, readonly=readonly)
        readonly = readonly and not engines.is_memory(engine.url)
        try:
            if readonly:
                migrations.check_readable(engine)
            else:
                migrations.migrate(engine)
        except StoreError:
            engine.dispose()
            raise
        except sa.exc.SQLAlchemyError as exc:
            engine.dispose()
            raise StoreError(f"cannot open database: {_one_line(exc)}",
                             source=engines.describe(engine.url)) from None
        store = cls(engine)
        store.readonly = readonly
        return store

    def close(self) -> None:
        """Close every pooled connection."""
        self._engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def dialect(self) -> str:
        """``sqlite`` or ``postgresql``."""
        return self._engine.dialect.name

    @property
    def location(self) -> str:
        """The SQLite file, or the PostgreSQL URL without its password."""
        return engines.describe(self._engine.url)

    @property
    def schema_version(self) -> int:
        return migrations.current_version(self._engine)

    def pragma(self, name: str) -> Any:
        """A SQLite PRAGMA's value on a pooled connection (``journal_mode``, ``foreign_keys``)."""
        if self._pg or not name.isidentifier():
            raise StoreError(f"no PRAGMA {name!r} on {self.dialect}")
        with self._read() as conn:
            return conn.exec_driver_sql(f"PRAGMA {name}").scalar()

    @contextmanager
    def _read(self) -> Iterator[sa.Connection]:
        try:
            with self._engine.connect() as conn:
                yield conn
        except sa.exc.DBAPIError as exc:
            raise StoreError(_one_line(exc), source=self.location) from exc

    @contextmanager
    def _write(self) -> Iterator[sa.Connection]:
        with self._read() as conn:
            conn.execution_options(**engines.write_options())
            with conn.begin():
                yield conn

    # --- runs and failures -----------------------------------------------------------------

    def start_run(self, command: str, extractor_version: str = __version__) -> int:
        """Record the start of a run (with this machine and process); its id. Runs that this
        machine's processes left ``running`` and that are gone are marked ``interrupted``
        first (see :meth:`mark_interrupted`)."""
        self.mark_interrupted()
        with self._write() as conn:
            result = conn.execute(R.insert().values(
                command=command, extractor_version=extractor_version, started_at=_now(),
                status="running", host=socket.gethostname(), pid=os.getpid()))
            run_id = engines.inserted_id(result)
        self._versions[run_id] = extractor_version
        return run_id

    def mark_interrupted(self) -> list[int]:
        """Mark ``interrupted`` the runs still ``running`` whose process is gone: started on
        this machine (same host name) by a process that no longer exists, or that is another
        process now (its pid reused: started after the run). Runs of other machines, and those
        recorded before runs had a host, are left as they are. The ids marked."""
        with self._read() as conn:
            running = conn.execute(sa.select(R.c.id, R.c.pid, R.c.started_at).where(
                R.c.status == "running", R.c.host == socket.gethostname())).all()
        dead = [run_id for run_id, pid, started in running
                if pid is not None and not process_alive(pid, rows.utc(started))]
        if dead:
            with self._write() as conn:
                conn.execute(R.update().where(R.c.id.in_(dead), R.c.status == "running")
                             .values(status="interrupted", finished_at=_now()))
        return dead

    def finish_run(self, run_id: int, *, documents: int, claims: int, failures: int,
                   status: str = "finished") -> None:
        """Record the end of a run, its totals and its final status (``finished``, or
        ``failed`` / ``interrupted`` when it stopped early)."""
        with self._write() as conn:
            conn.execute(R.update().where(R.c.id == run_id).values(
                finished_at=_now(), status=status, documents=documents, claims=claims,
                failures=failures))

    def runs(self) -> list[Run]:
        """Every recorded run, oldest first."""
        with self._read() as conn:
            result = conn.execute(sa.select(*(R.c[f] for f in Run.__slots__)).order_by(R.c.id))
            return [Run.from_row(row._mapping) for row in result]

    def add_failure(self, run_id: int | None, source: str, reason: str,
                    code: str = "bad_input") -> None:
        """Record an input that could not be processed (``source`` names it: file[:line], URL)."""
        with self._write() as conn:
            conn.execute(F.insert().values(run_id=run_id, source=source, reason=reason,
                                           code=code, created_at=_now()))

    def failures(self, run_id: int | None = None) -> Iterator[StoredFailure]:
        """Recorded failures (of one run when given), oldest first."""
        stmt = sa.select(F).order_by(F.c.id)
        if run_id is not None:
            stmt = stmt.where(F.c.run_id == run_id)
        for row in self._stream(stmt, 1000):
            yield StoredFailure.from_row(row._mapping)

    # --- writing documents and claims ------------------------------------------------------

    def add_document(self, doc: Document, *, language: str | None = None,
                     content_hash: str | None = None, run_id: int | None = None) -> bool:
        """Store a document without claims; False (and nothing written) when it is already
        stored under its id or its text is stored under another id."""
        with self._write() as conn:
            return self._insert_document(conn, doc, language, content_hash, run_id)

    def save(self, doc: Document, claims: Sequence[Claim] | None = None,
             run_id: int | None = None, *, replace: bool = False,
             language: str | None = None) -> bool:
        """Store a document and its claims (default ``doc.claims``) in one transaction.

        True when the document was new. When it was already stored, False: its claims are left
        alone, unless ``replace`` is set and it is stored under this id — then the document
        row is updated and its claims replaced (as :meth:`replace_claims`)."""
        claims = list(doc.claims if claims is None else claims)
        if not replace:
            prepared = rows.prepare(doc, claims, language=self._language(doc, language))
            return self.save_prepared([prepared], run_id)[0]
        self._ensure_sources(claims)
        with self._write() as conn:
            return self._save(conn, doc, claims, run_id, replace, language)

    def save_many(self, items: Iterable[Document | tuple[Document, Sequence[Claim]]],
                  run_id: int | None = None, *, replace: bool = False,
                  batch_size: int = 100) -> int:
        """:meth:`save` for a stream of documents (or ``(document, claims)`` pairs),
        ``batch_size`` documents per transaction; the number of new documents. An exception
        rolls back the batch it happened in; earlier batches stay stored."""
        added = 0
        it = iter(items)
        while chunk := list(islice(it, batch_size)):
            pairs = [(item[0], list(item[1])) if isinstance(item, tuple) else (item, item.claims)
                     for item in chunk]
            added += sum(self.save_batch(pairs, run_id, replace=replace))
        return added

    def save_batch(self, pairs: Sequence[tuple[Document, Sequence[Claim]]],
                   run_id: int | None = None, *, replace: bool = False) -> list[bool]:
        """:meth:`save` for ``(document, claims)`` pairs in one transaction; for each pair,
        whether its document was new (and so its claims stored) — decided by the insert
        itself, so a document another process stored meanwhile counts as not new."""
        pairs = [(doc, list(claims)) for doc, claims in pairs]
        if not replace:
            return self.save_prepared([rows.prepare(doc, claims, language=self._language(doc, None))
                                       for doc, claims in pairs], run_id)
        self._ensure_sources([c for _, claims in pairs for c in claims])
        with self._write() as conn:
            return [self._save(conn, doc, claims, run_id, replace, None)
                    for doc, claims in pairs]

    def save_prepared(self, items: Sequence[rows.Prepared],
                      run_id: int | None = None) -> list[bool]:
        """Store documents with their claims, given as rows (:func:`rasd.store.rows.prepare`,
        built where they were extracted), in one transaction of three statements: documents
        inserted together (those already stored, by id or text, are skipped by the insert
        itself), then all claims of the new ones, each statement sent as batched multi-row
        inserts. For each item, whether its document was new; a second item with the id of
        an earlier one in the batch is not new."""
        items = list(items)
        for p in items:
            stray = next((r["doc_id"] for r in p.claims if r["doc_id"] != p.doc_id), None)
            if stray is not None:
                raise StoreError(f"claim of document {stray!r} given for {p.doc_id!r}")
        self._ensure_source_rows([r for p in items for r in p.sources])
        first: dict[str, rows.Prepared] = {}
        for p in items:
            first.setdefault(p.doc_id, p)
        now = _now()
        with self._write() as conn:
            version = self._run_version(conn, run_id)
            extra = {"added_at": now, "run_id": run_id, "claims_run_id": run_id,
                     "extractor_version": version}
            inserted = set(conn.execute(self._add_doc, [{**p.document, **extra}
                                                        for p in first.values()]).scalars())
            values = [{**r, "run_id": run_id} for doc_id, p in first.items()
                      if doc_id in inserted for r in p.claims]
            if values and self._pg:
                self._copy_claims(conn, values)
            elif values:
                conn.execute(C.insert(), values)
        return [p.doc_id in inserted and first[p.doc_id] is p for p in items]

    @staticmethod
    def _copy_claims(conn: sa.Connection, values: list[dict[str, Any]]) -> None:
        """PostgreSQL: claim rows with ``COPY ... FROM STDIN`` in the open transaction (1.3 to
        1.6 times the rate of batched INSERTs, measured on 1,333 claims; benchmarks/
        store_write.py)."""
        from psycopg.types.json import Jsonb

        columns = [c.name for c in C.columns]
        json_columns = {c.name for c in C.columns if isinstance(c.type, sa.JSON)}
        raw = conn.connection.driver_connection
        if raw is None:
            raise StoreError("the PostgreSQL connection is closed")
        with raw.cursor() as cursor, \
                cursor.copy(f"COPY claims ({', '.join(columns)}) FROM STDIN") as copy:
            for row in values:
                copy.write_row([Jsonb(row[c]) if c in json_columns else row[c] for c in columns])

    def stored(self, docs: Sequence[Document]) -> list[bool]:
        """For each document, whether it is stored already, under its id or (its text) under
        another id: two ``IN (...)`` queries for the whole batch."""
        docs = list(docs)
        if not docs:
            return []
        hashes = [rows.content_hash(d.text) for d in docs]
        with self._read() as conn:
            ids = set(conn.scalars(sa.select(D.c.id).where(D.c.id.in_({d.id for d in docs}))))
            known = set(conn.scalars(sa.select(D.c.content_hash).where(
                D.c.content_hash.in_(set(hashes)))))
        return [d.id in ids or h in known for d, h in zip(docs, hashes)]

    def replace_claims(self, doc_id: str, claims: Sequence[Claim],
                       run_id: int | None = None) -> int:
        """Replace a stored document's claims (after re-extraction) in one transaction; the
        number of claims stored. Raises StoreError when the document is not stored."""
        claims = list(claims)
        self._ensure_sources(claims)
        with self._write() as conn:
            if conn.scalar(sa.select(D.c.id).where(D.c.id == doc_id)) is None:
                raise StoreError(f"document {doc_id!r} is not stored")
            return self._put_claims(conn, doc_id, claims, run_id, delete=True)

    def _save(self, conn: sa.Connection, doc: Document, claims: Sequence[Claim],
              run_id: int | None, replace: bool, language: str | None) -> bool:
        if self._insert_document(conn, doc, language, None, run_id):
            self._put_claims(conn, doc.id, claims, run_id, delete=False)
            return True
        if replace and conn.scalar(sa.select(D.c.id).where(D.c.id == doc.id)) is not None:
            new = rows.document_row(doc, digest=rows.content_hash(doc.text),
                                    language=self._language(doc, language), run_id=run_id,
                                    now=_now())
            keep = ("id", "added_at", "run_id")
            try:
                with conn.begin_nested():
                    conn.execute(D.update().where(D.c.id == doc.id).values(
                        {k: v for k, v in new.items() if k not in keep}))
            except sa.exc.IntegrityError:
                raise StoreError("its new text is stored under another id",
                                 source=doc.id) from None
            self._put_claims(conn, doc.id, claims, run_id, delete=True)
        return False

    @staticmethod
    def _language(doc: Document, language: str | None) -> str:
        return language or str(doc.meta.get("language") or "ar")

    def _insert_document(self, conn: sa.Connection, doc: Document, language: str | None,
                         digest: str | None, run_id: int | None) -> bool:
        row = rows.document_row(doc, digest=digest or rows.content_hash(doc.text),
                                language=self._language(doc, language), run_id=run_id,
                                now=_now())
        return conn.execute(self._add_doc, row).first() is not None

    def _put_claims(self, conn: sa.Connection, doc_id: str, claims: Sequence[Claim],
                    run_id: int | None, *, delete: bool) -> int:
        claims = list(claims)
        stray = [c.doc_id for c in claims if c.doc_id != doc_id]
        if stray:
            raise StoreError(f"claim of document {stray[0]!r} given for {doc_id!r}")
        if delete:
            conn.execute(C.delete().where(C.c.doc_id == doc_id))
        ids = rows.claim_ids(claims)
        values = [rows.claim_row(c, id=i, seq=n, run_id=run_id)
                  for n, (c, i) in enumerate(zip(claims, ids))]
        if values:
            conn.execute(C.insert(), values)
        conn.execute(self._mark_doc, {"doc_id": doc_id, "run": run_id,
                                      "version": self._run_version(conn, run_id)})
        return len(values)

    def _ensure_sources(self, claims: Iterable[Claim]) -> None:
        """Upsert the canonical sources of these claims (see :meth:`_ensure_source_rows`)."""
        self._ensure_source_rows(rows.source_rows(claims))

    def _ensure_source_rows(self, found: Iterable[dict[str, Any]]) -> None:
        """Upsert the canonical sources that this Store has not stored yet, in a transaction
        of their own: reference data, committed before the claims that point to them, so a
        document's transaction never waits on another's source rows. Sorted by id, so that
        concurrent writers lock rows in the same order."""
        unique = {r["id"]: r for r in found}
        todo = [unique[k] for k in sorted(unique) if self._sources.get(k) != unique[k]]
        if todo:
            with self._write() as conn:
                conn.execute(self._upsert_sources, todo)
            self._sources.update((r["id"], r) for r in todo)

    def _run_version(self, conn: sa.Connection, run_id: int | None) -> str | None:
        if run_id is None:
            return None
        if run_id not in self._versions:
            version = conn.scalar(sa.select(R.c.extractor_version).where(R.c.id == run_id))
            if version is None:
                raise StoreError(f"run {run_id} is not recorded")
            self._versions[run_id] = version
        return self._versions[run_id]

    # --- reading ---------------------------------------------------------------------------

    def _stream(self, stmt: sa.Select[Any], chunk: int) -> Iterator[sa.Row[*tuple[Any, ...]]]:
        with self._read() as conn:
            yield from conn.execution_options(yield_per=chunk).execute(stmt)

    def has_document(self, doc_id: str) -> bool:
        """Whether a document is stored under this id."""
        with self._read() as conn:
            return conn.scalar(sa.select(D.c.id).where(D.c.id == doc_id)) is not None

    def document_id_for_text(self, text: str) -> str | None:
        """The id under which this exact text is stored, if it is."""
        with self._read() as conn:
            return conn.scalar(sa.select(D.c.id).where(
                D.c.content_hash == rows.content_hash(text)))

    def get_document(self, doc_id: str) -> Document | None:
        """A stored document (text and metadata, as ingested), or None."""
        with self._read() as conn:
            row = conn.execute(sa.select(D).where(D.c.id == doc_id)).first()
        return rows.row_document(row._mapping) if row else None

    def documents(self, *, outlet: Match = None, language: Match = None,
                  since: DateLike | None = None, until: DateLike | None = None,
                  outdated: str | None = None, chunk: int = 500) -> Iterator[Document]:
        """Stored documents in id order, streamed. ``since``/``until`` (inclusive ISO dates)
        filter on the publication date; ``outdated=VERSION`` keeps those whose claims were not
        extracted by that rasd version (to re-extract them after an upgrade)."""
        day = sa.func.substr(D.c.published, 1, 10)
        conds = [_match(D.c.outlet, outlet), _match(D.c.language, language),
                 day >= _iso(since) if since is not None else None,
                 day <= _iso(until) if until is not None else None,
                 sa.or_(D.c.extractor_version.is_(None), D.c.extractor_version != outdated)
                 if outdated is not None else None]
        stmt = sa.select(D).where(*(c for c in conds if c is not None)).order_by(D.c.id)
        for row in self._stream(stmt, chunk):
            yield rows.row_document(row._mapping)

    def claims(self, *, type: Match = None, country: Match = None,
               since: DateLike | None = None, until: DateLike | None = None,
               source_id: Match = None, doc_id: Match = None,
               chunk: int = 1000) -> Iterator[Claim]:
        """Stored claims, by document id and then in extraction order, streamed. Each filter
        takes a value or a list of values; ``since``/``until`` (inclusive ISO dates) filter on
        the claim's resolved event date (claims without one are left out)."""
        stmt = sa.select(C.c.data).where(*_claim_filters(type, country, since, until,
                                                         source_id, doc_id))
        for row in self._stream(stmt.order_by(C.c.doc_id, C.c.seq), chunk):
            yield rows.row_claim(row[0])

    def claims_with_documents(self, *, type: Match = None, country: Match = None,
                              since: DateLike | None = None, until: DateLike | None = None,
                              source_id: Match = None, doc_id: Match = None,
                              chunk: int = 1000) -> Iterator[tuple[Claim, DocumentInfo]]:
        """:meth:`claims` (same filters and order), each with its document's metadata."""
        info = (D.c.id, D.c.outlet, D.c.published, D.c.url, D.c.language)
        stmt = (sa.select(C.c.data, *info).join(D, D.c.id == C.c.doc_id)
                .where(*_claim_filters(type, country, since, until, source_id, doc_id)))
        for row in self._stream(stmt.order_by(C.c.doc_id, C.c.seq), chunk):
            yield rows.row_claim(row[0]), DocumentInfo(*row[1:])

    def stored_claims(self, *, type: Match = None, country: Match = None,
                      since: DateLike | None = None, until: DateLike | None = None,
                      source_id: Match = None, doc_id: Match = None, by_partition: bool = False,
                      chunk: int = 1000) -> Iterator[StoredClaim]:
        """:meth:`claims` (same filters and order), each with its stored id, its evidence text
        and its document's metadata (what reconciliation and the group export need).
        ``by_partition`` orders by event type and the place's country first (nearly the
        partitions that :func:`rasd.reconcile.reconcile_stream` reconciles one at a time),
        then as :meth:`claims`."""
        info = (D.c.id, D.c.outlet, D.c.published, D.c.url, D.c.language)
        length = C.c.evidence_end - C.c.evidence_start
        evidence = sa.func.substr(D.c.text, C.c.evidence_start + 1, length)
        stmt = (sa.select(C.c.data, C.c.id, C.c.seq, evidence, *info)
                .join(D, D.c.id == C.c.doc_id)
                .where(*_claim_filters(type, country, since, until, source_id, doc_id)))
        order = (C.c.type, sa.func.coalesce(C.c.country, "")) if by_partition else ()
        for row in self._stream(stmt.order_by(*order, C.c.doc_id, C.c.seq), chunk):
            yield StoredClaim(rows.row_claim(row[0]), row[1], row[2], row[3] or "",
                              DocumentInfo(*row[4:]))

    def titles(self, doc_ids: Iterable[str], chunk: int = 500) -> dict[str, str]:
        """The titles of these stored documents (those that have one), by id."""
        ids = list(dict.fromkeys(doc_ids))
        out: dict[str, str] = {}
        title = sa.func.substr(D.c.text, 1, D.c.title_end)
        with self._read() as conn:
            for n in range(0, len(ids), chunk):
                stmt = sa.select(D.c.id, title).where(D.c.id.in_(ids[n:n + chunk]),
                                                      D.c.title_end > 0)
                out.update((i, t) for i, t in conn.execute(stmt) if t)
        return out

    def claim_ids(self, doc_id: str) -> list[str]:
        """The stored ids of one document's claims, in extraction order."""
        with self._read() as conn:
            return list(conn.scalars(sa.select(C.c.id).where(C.c.doc_id == doc_id)
                                     .order_by(C.c.seq)))

    def counts(self) -> dict[str, int]:
        """Rows per table: documents, claims, sources, runs, failures."""
        tables = {"documents": D, "claims": C, "sources": S, "runs": R, "failures": F}
        with self._read() as conn:
            return {name: int(conn.scalar(sa.select(sa.func.count()).select_from(t)) or 0)
                    for name, t in tables.items()}
