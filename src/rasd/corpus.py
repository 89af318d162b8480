"""The corpus workflow over a store: ingest, re-extract, reconcile, export.

The CLI (and later the REST API) are thin layers over these functions. Ingestion streams its
inputs: each new Arabic document runs through the pipeline and is stored with its claims in one
transaction (batched), a document already stored is skipped before any work, documents in
other languages are stored and marked but not extracted, and every bad input — unreadable,
failing extraction or refused by the store — is recorded as a failure of the run, which goes
on. The counts reported are those of what the store inserted.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path
from typing import Any, BinaryIO, TextIO, TypeVar

from rasd.export import WRITERS, record_row, write_acled
from rasd.filters import Filters, check, group_passes
from rasd.ingest.readers import read_inputs
from rasd.ingest.records import MIN_ARABIC_SHARE, Failure, arabic_share, one_line
from rasd.ingest.text import detect_language
from rasd.ingest.web import FetchOptions
from rasd.jobs import claim_rows, extracted, source_of
from rasd.model import Document
from rasd.pipeline import run_many
from rasd.reconcile import ClaimRecord, Group, group_order, reconcile_stream
from rasd.store import Store
from rasd.store.rows import Prepared
from rasd.version import __version__

BATCH = 100
T = TypeVar("T")
Progress = Callable[[str, int], None]


@dataclass
class IngestSummary:
    """What one ingest run did."""

    run_id: int = 0
    read: int = 0
    new: int = 0
    already_stored: int = 0
    not_arabic: int = 0
    claims: int = 0
    failures: list[Failure] = field(default_factory=list)


def language_of(doc: Document) -> str:
    """"ar" for Arabic text, else the detected language code."""
    if arabic_share(doc.text) >= MIN_ARABIC_SHARE:
        return "ar"
    lang = detect_language(doc.text)
    return "und" if lang == "ar" else lang


def _extract(doc: Document) -> Document | Failure:
    """The pipeline over one document, returned with its claims but not the stages'
    annotations (small to send back from a worker); an error is that document's failure."""
    done = extracted(doc)
    return done if isinstance(done, Failure) else doc.with_(claims=done.claims)


class Ingest:
    """One ingest run over an open store: every input is handled under a guard that records
    its failure and goes on (only a failure to record a failure stops the run); the counts are
    those of the rows the store actually inserted."""

    def __init__(self, store: Store, summary: IngestSummary, progress: Progress | None) -> None:
        self.store, self.summary, self.progress = store, summary, progress

    def tick(self, what: str) -> None:
        if self.progress:
            self.progress(what, 1)

    def fail(self, failure: Failure) -> None:
        self.summary.failures.append(failure)
        self.store.add_failure(self.summary.run_id, failure.source, failure.reason,
                               failure.code)
        self.tick("failed")

    def passed(self, items: Iterable[T | Failure]) -> list[T]:
        """``items`` but the failures, each recorded."""
        out: list[T] = []
        for item in items:
            if isinstance(item, Failure):
                self.fail(item)
            else:
                out.append(item)
        return out

    def fresh(self, items: Iterable[Document | Failure]) -> Iterator[Document]:
        """The documents to extract, a batch at a time: failures recorded, stored ones skipped
        (one query for the batch), other languages stored and marked."""
        it = iter(items)
        while batch := list(islice(it, BATCH)):
            self.summary.read += len(batch)
            docs = self.passed(batch)
            stored: Sequence[bool | None]
            try:
                stored = self.store.stored(docs)
            except Exception:  # noqa: BLE001 - asked one by one below, to name the bad one
                stored = [self.stored_one(doc) for doc in docs]
            for doc, known in zip(docs, stored):
                if known:
                    self.counted(False, 0)
                elif known is False and self.arabic(doc):
                    yield doc

    def stored_one(self, doc: Document) -> bool | None:
        """Whether one document is stored; None (and its failure recorded) when that fails."""
        try:
            return self.store.stored([doc])[0]
        except Exception as exc:  # noqa: BLE001
            self.fail(Failure(source_of(doc), f"cannot store ({one_line(exc)})", "store_error"))
            return None

    def arabic(self, doc: Document) -> bool:
        """Whether a new document is Arabic (to extract); one in another language is stored
        and marked here (or its failure recorded)."""
        lang = language_of(doc)
        if lang == "ar":
            return True
        try:
            new = self.store.save(doc, [], self.summary.run_id, language=lang)
        except Exception as exc:  # noqa: BLE001
            self.fail(Failure(source_of(doc), f"cannot store ({one_line(exc)})", "store_error"))
            return False
        self.summary.not_arabic += new
        self.counted(new, 0, "not Arabic")
        return False

    def counted(self, new: bool, claims: int, what: str = "new") -> None:
        if new:
            self.summary.new += 1
            self.summary.claims += claims
            self.tick(what)
        else:
            self.summary.already_stored += 1
            self.tick("known")

    def save(self, prepared: list[Prepared]) -> None:
        """Store a batch in one transaction; when that fails, each document on its own, so
        that only the bad one is a failure."""
        try:
            results: list[bool | None] = list(self.store.save_prepared(prepared,
                                                                       self.summary.run_id))
        except Exception:  # noqa: BLE001 - retried one by one below
            results = [self.save_one(p) for p in prepared]
        for p, new in zip(prepared, results):
            if new is not None:
                arabic = p.document["language"] == "ar"
                self.summary.not_arabic += bool(new) and not arabic
                self.counted(new, len(p.claims), "new" if arabic else "not Arabic")

    def save_one(self, prepared: Prepared) -> bool | None:
        try:
            return self.store.save_prepared([prepared], self.summary.run_id)[0]
        except Exception as exc:  # noqa: BLE001
            self.fail(Failure(prepared.source, f"cannot store ({one_line(exc)})",
                              "store_error"))
            return None

    def run(self, items: Iterable[Document | Failure], workers: int) -> None:
        extracted = run_many(self.fresh(items), workers=workers, fn=claim_rows)
        while chunk := list(islice(extracted, BATCH)):
            prepared = self.passed(chunk)
            if prepared:
                self.save(prepared)


def ingest(inputs: list[str], db: str | None = None, *, stdin: BinaryIO | None = None,
           workers: int = 1, progress: Progress | None = None,
           fetch: FetchOptions | None = None) -> IngestSummary:
    """Read ``inputs`` (files, folders, URLs, feeds, WARC, ``-``) into the store at ``db``.

    The run ends ``finished``, or ``failed`` (an error stopped it) or ``interrupted`` (Ctrl-C);
    a run whose process was killed is marked ``interrupted`` by the next run's start."""
    summary = IngestSummary()
    with Store.open(db) as store:
        summary.run_id = store.start_run("ingest " + " ".join(inputs), __version__)
        with recorded_run(store, summary):
            items = read_inputs(inputs, stdin, require_arabic=False, fetch=fetch)
            Ingest(store, summary, progress).run(items, workers)
    return summary


def ingest_items(store: Store, items: Iterable[Document | Failure], summary: IngestSummary,
                 *, workers: int = 1, progress: Progress | None = None) -> IngestSummary:
    """Store items already read (documents and failures) exactly as :func:`ingest` does, in
    the open run ``summary.run_id`` of ``store``, adding to ``summary`` (``rasd watch``)."""
    Ingest(store, summary, progress).run(items, workers)
    return summary


@contextmanager
def recorded_run(store: Store, summary: IngestSummary) -> Iterator[None]:
    """Record how the run ``summary.run_id`` ends: ``finished``, ``interrupted`` (Ctrl-C) or
    ``failed`` (an error, which propagates)."""
    status = "failed"
    try:
        yield
        status = "finished"
    except KeyboardInterrupt:
        status = "interrupted"
        raise
    finally:
        finish_run(store, summary, status)


def finish_run(store: Store, summary: IngestSummary, status: str) -> None:
    """Record the run's end; when it stopped on an error, a second error recording that does
    not hide the first."""
    try:
        store.finish_run(summary.run_id, documents=summary.new, claims=summary.claims,
                         failures=len(summary.failures), status=status)
    except Exception:
        if status == "finished":
            raise


def reextract(db: str | None = None, *, workers: int = 1, everything: bool = False,
              progress: Progress | None = None) -> int:
    """Run the current extractor again over stored Arabic documents (those extracted by another
    version, or all with ``everything``) and replace their claims atomically, document by
    document; a document whose extraction or storing fails keeps its claims and is recorded as
    a failure of the run. Returns the number of documents re-extracted."""
    n = failed = 0
    with Store.open(db) as store:
        run_id = store.start_run("reextract", __version__)
        status = "failed"
        try:
            docs = store.documents(language="ar", outdated=None if everything else __version__)
            for item in run_many(docs, workers=workers, fn=_extract):
                if isinstance(item, Document):
                    try:
                        store.replace_claims(item.id, list(item.claims), run_id)
                        n += 1
                    except Exception as exc:  # noqa: BLE001 - recorded, the run goes on
                        item = Failure(item.id, f"cannot store ({one_line(exc)})",
                                       "store_error")
                if isinstance(item, Failure):
                    store.add_failure(run_id, item.source, item.reason, item.code)
                    failed += 1
                if progress:
                    progress("failed" if isinstance(item, Failure) else "reextracted", 1)
            status = "finished"
        except KeyboardInterrupt:
            status = "interrupted"
            raise
        finally:
            try:
                store.finish_run(run_id, documents=n, claims=0, failures=failed, status=status)
            except Exception:
                if status == "finished":
                    raise
    return n


def claim_records(store: Store, *, type: str | None = None, country: str | None = None,
                  since: str | None = None, until: str | None = None,
                  source: str | None = None, outlet: str | None = None,
                  by_partition: bool = False) -> Iterator[ClaimRecord]:
    """Stored claims with their articles' outlet, date and URL, for reconciliation (streamed;
    ``by_partition``: in the order :func:`rasd.reconcile.reconcile_stream` reads best). The
    values must be valid (:func:`rasd.filters.check`)."""
    for sc in store.stored_claims(type=type, country=country, since=since, until=until,
                                  by_partition=by_partition):
        claim, doc = sc.claim, sc.doc
        if source and source not in claim.source.text and source != claim.source.id:
            continue
        if outlet and doc.outlet != outlet:
            continue
        yield ClaimRecord(claim, doc.outlet, doc.published, doc.url, sc.id, sc.seq,
                          sc.evidence_text)


def _records(store: Store, f: Filters, by_partition: bool = False) -> Iterator[ClaimRecord]:
    return claim_records(store, **f.store_args(), outlet=f.outlet, by_partition=by_partition)


def stored_groups(store: Store, f: Filters) -> Iterator[Group]:
    """Reconciled groups of the stored claims the filters ``f`` choose (the group filters are
    not applied), partition by partition (:func:`rasd.reconcile.reconcile_stream`): the claims
    are read twice, sorted by type and country; within a partition they are reconciled in the
    store's own order (article, index)."""
    return reconcile_stream(lambda: _records(store, f, by_partition=True),
                            order=lambda rec: (rec.claim.doc_id, rec.seq or 0))


def groups(db: str | None = None, f: Filters | None = None, **raw: Any) -> list[Group]:
    """Reconciled groups of the stored claims that pass the filters ``f`` (or the raw filter
    values ``raw``, checked by :func:`rasd.filters.check`: a bad one is a FilterError); the
    claim filters (type, country, dates, source, outlet) choose the claims reconciled, the
    others the groups kept. The store is opened read-only; reconciled one partition at a
    time, only the groups kept are held."""
    f = f or check(**raw)
    with Store.open(db, readonly=True) as store:
        out = [g for g in stored_groups(store, f) if group_passes(g, f)]
    out.sort(key=group_order)
    return out


def export(db: str | None, fmt: str, output: Path | TextIO, f: Filters | None = None,
           **raw: Any) -> int:
    """Write stored claims (or, for ``ucdp`` and ``groups``, reconciled groups) to ``output``
    (a path or an open text stream); rows written. Filters as :func:`groups`: the claims are
    reconciled first, so every claim row carries its ``group_id``, and with a group filter
    (place, period, disagree, min_sources) only the claims of the groups kept are written.
    The store is opened read-only. Groups are reconciled one partition at a time and written
    in order through a spill file; claim rows are streamed with one claim-id -> group-id map."""
    from rasd.export import write_groups, write_ucdp

    f = f or check(**raw)
    with Store.open(db, readonly=True) as store:
        if fmt in ("ucdp", "groups"):
            writer = write_ucdp if fmt == "ucdp" else write_groups
            return writer((g for g in stored_groups(store, f) if group_passes(g, f)), output,
                          ordered=True)
        group_of = {rec.claim_id: g.id for g in stored_groups(store, f) if group_passes(g, f)
                    for rec in g.members if rec.claim_id is not None}
        records: Iterable[ClaimRecord] = _records(store, f)
        if f.about_groups:
            records = (rec for rec in records if rec.claim_id in group_of)
        pairs = ((record_row(rec, group_of.get(rec.claim_id or ""), titles), rec)
                 for batch, titles in _with_titles(store, records) for rec in batch)
        if fmt == "acled":
            return write_acled(((row, rec.evidence_text) for row, rec in pairs), output)
        return WRITERS[fmt]((row for row, _rec in pairs), output)


def _with_titles(store: Store, records: Iterable[ClaimRecord], size: int = 1000
                 ) -> Iterator[tuple[list[ClaimRecord], dict[str, str]]]:
    """The records in batches, each with its articles' titles."""
    it = iter(records)
    while batch := list(islice(it, size)):
        yield batch, store.titles(rec.claim.doc_id for rec in batch)
