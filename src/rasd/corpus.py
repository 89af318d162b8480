"""The corpus workflow over a store: ingest, re-extract, reconcile, export.

The CLI (and later the REST API) are thin layers over these functions. Ingestion streams its
inputs: each new Arabic document runs through the pipeline and is stored with its claims in one
transaction (batched), a document already stored is skipped before any work, documents in
other languages are stored and marked but not extracted, and every bad input — unreadable,
failing extraction or refused by the store — is recorded as a failure of the run, which goes
on. The counts reported are those of what the store inserted.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path
from typing import BinaryIO, Callable, Iterable, Iterator

from rasd.export import WRITERS, Row, claim_id, write_acled
from rasd.ingest.readers import read_inputs
from rasd.ingest.records import MIN_ARABIC_SHARE, Failure, arabic_share, one_line
from rasd.ingest.text import detect_language
from rasd.ingest.web import FetchOptions
from rasd.model import Claim, Document
from rasd.pipeline import run, run_many
from rasd.reconcile import ClaimRecord, Group, reconcile
from rasd.store import Store
from rasd.version import __version__

BATCH = 100
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


def _language(doc: Document) -> str:
    """"ar" for Arabic text, else the detected language code."""
    if arabic_share(doc.text) >= MIN_ARABIC_SHARE:
        return "ar"
    lang = detect_language(doc.text)
    return "und" if lang == "ar" else lang


def _source(doc: Document) -> str:
    """Where a document came from (file:line, URL), for its failure."""
    return str(doc.meta.get("source") or doc.url or doc.id)


def _extract(doc: Document) -> Document | Failure:
    """The pipeline over one document; an error is that document's failure (a module-level
    function, so that it runs in worker processes too)."""
    try:
        return run(doc)
    except Exception as exc:  # noqa: BLE001 - recorded, and the batch goes on
        return Failure(_source(doc), f"extraction failed ({one_line(exc)})", "extract_error")


class _Ingest:
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

    def fresh(self, items: Iterable[Document | Failure]) -> Iterator[Document]:
        """The documents to extract: failures recorded, stored ones skipped, other languages
        stored and marked."""
        for item in items:
            self.summary.read += 1
            if isinstance(item, Failure):
                self.fail(item)
                continue
            try:
                if self.store.has_document(item.id) or self.store.document_id_for_text(item.text):
                    self.counted(False, 0)
                    continue
                lang = _language(item)
                if lang != "ar":  # stored and marked, not extracted
                    new = self.store.save(item, [], self.summary.run_id, language=lang)
                    self.summary.not_arabic += new
                    self.counted(new, 0, "not Arabic")
                    continue
            except Exception as exc:  # noqa: BLE001
                self.fail(Failure(_source(item), f"cannot store ({one_line(exc)})",
                                  "store_error"))
                continue
            yield item

    def counted(self, new: bool, claims: int, what: str = "new") -> None:
        if new:
            self.summary.new += 1
            self.summary.claims += claims
            self.tick(what)
        else:
            self.summary.already_stored += 1
            self.tick("known")

    def save(self, docs: list[Document]) -> None:
        """Store a batch in one transaction; when that fails, each document on its own, so
        that only the bad one is a failure."""
        pairs = [(doc, list(doc.claims)) for doc in docs]
        try:
            results: list[bool | None] = list(self.store.save_batch(pairs, self.summary.run_id))
        except Exception:  # noqa: BLE001 - retried one by one below
            results = [self.save_one(doc, claims) for doc, claims in pairs]
        for (_, claims), new in zip(pairs, results):
            if new is not None:
                self.counted(new, len(claims))

    def save_one(self, doc: Document, claims: list[Claim]) -> bool | None:
        try:
            return self.store.save(doc, claims, self.summary.run_id)
        except Exception as exc:  # noqa: BLE001
            self.fail(Failure(_source(doc), f"cannot store ({one_line(exc)})", "store_error"))
            return None

    def run(self, items: Iterable[Document | Failure], workers: int) -> None:
        extracted = run_many(self.fresh(items), workers=workers, fn=_extract)
        while chunk := list(islice(extracted, BATCH)):
            docs = []
            for item in chunk:
                if isinstance(item, Failure):
                    self.fail(item)
                else:
                    docs.append(item)
            if docs:
                self.save(docs)


def ingest(inputs: list[str], db: str | None = None, *, stdin: BinaryIO | None = None,
           workers: int = 1, progress: Progress | None = None,
           fetch: FetchOptions | None = None) -> IngestSummary:
    """Read ``inputs`` (files, folders, URLs, feeds, WARC, ``-``) into the store at ``db``.

    The run ends ``finished``, or ``failed`` (an error stopped it) or ``interrupted`` (Ctrl-C);
    a run whose process was killed is marked ``interrupted`` by the next run's start."""
    summary = IngestSummary()
    with Store.open(db) as store:
        summary.run_id = store.start_run("ingest " + " ".join(inputs), __version__)
        status = "failed"
        try:
            items = read_inputs(inputs, stdin, require_arabic=False, fetch=fetch)
            _Ingest(store, summary, progress).run(items, workers)
            status = "finished"
        except KeyboardInterrupt:
            status = "interrupted"
            raise
        finally:
            _finish(store, summary, status)
    return summary


def ingest_items(store: Store, items: Iterable[Document | Failure], summary: IngestSummary,
                 *, workers: int = 1, progress: Progress | None = None) -> IngestSummary:
    """Store items already read (documents and failures) exactly as :func:`ingest` does, in
    the open run ``summary.run_id`` of ``store``, adding to ``summary`` (``rasd watch``)."""
    _Ingest(store, summary, progress).run(items, workers)
    return summary


def _finish(store: Store, summary: IngestSummary, status: str) -> None:
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
                  source: str | None = None) -> Iterator[ClaimRecord]:
    """Stored claims with their articles' outlet, date and URL, for reconciliation (streamed)."""
    for sc in store.stored_claims(type=type, country=country, since=since, until=until):
        claim, doc = sc.claim, sc.doc
        if source and source not in claim.source.text and source != claim.source.id:
            continue
        yield ClaimRecord(claim, doc.outlet, doc.published, doc.url, sc.id, sc.seq,
                          sc.evidence_text)


def groups(db: str | None = None, *, place: str | None = None, disagree_only: bool = False,
           min_sources: int = 1, **filters: str | None) -> list[Group]:
    """Reconciled groups of the stored claims, filtered (the store opened read-only)."""
    with Store.open(db, readonly=True) as store:
        found = reconcile(claim_records(store, **filters))
    out = []
    for g in found:
        if disagree_only and not g.disagree:
            continue
        if len(g.figures) < min_sources:
            continue
        if place and not _place_matches(g, place):
            continue
        out.append(g)
    return out


def _place_matches(group: Group, place: str) -> bool:
    p = group.place
    return any(place in (x or "") for x in (p.text, p.name, p.country))


def export(db: str | None, fmt: str, output: Path, **filters: str | None) -> int:
    """Write stored claims (or, for ``ucdp`` and ``groups``, reconciled groups) to ``output``;
    rows written. The claims are reconciled first, so every claim row carries its
    ``group_id`` (the group it has among the exported claims). The store is opened
    read-only."""
    from rasd.export import write_groups, write_ucdp

    with Store.open(db, readonly=True) as store:
        records = list(claim_records(store, **filters))
    found = reconcile(records)
    if fmt in ("ucdp", "groups"):
        writer = write_ucdp if fmt == "ucdp" else write_groups
        return writer(found, output)
    group_of = {id(rec): g.id for g in found for rec in g.members}
    rows = [Row(rec.claim, rec.claim_id or claim_id(rec.claim), group_of.get(id(rec)))
            for rec in records]
    if fmt == "acled":
        return write_acled(((row, rec.evidence_text) for row, rec in zip(rows, records)), output)
    return WRITERS[fmt](rows, output)
