"""The corpus workflow over a store: ingest, re-extract, reconcile, export.

The CLI (and later the REST API) are thin layers over these functions. Ingestion streams its
inputs: each new Arabic document runs through the pipeline and is stored with its claims in one
transaction (batched), a document already stored is skipped before any work, documents in
other languages are stored and marked but not extracted, and every bad input is recorded as a
failure of the run.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO, Callable, Iterable, Iterator

from rasd.export import WRITERS, write_acled
from rasd.ingest.readers import read_inputs
from rasd.ingest.records import MIN_ARABIC_SHARE, Failure, arabic_share
from rasd.ingest.text import detect_language
from rasd.model import Claim, Document
from rasd.pipeline import run_many
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


def ingest(inputs: list[str], db: str | None = None, *, stdin: BinaryIO | None = None,
           workers: int = 1, progress: Progress | None = None) -> IngestSummary:
    """Read ``inputs`` (files, folders, URLs, feeds, WARC, ``-``) into the store at ``db``."""
    summary = IngestSummary()
    with Store.open(db) as store:
        summary.run_id = store.start_run("ingest " + " ".join(inputs), __version__)

        def fresh() -> Iterator[Document]:
            for item in read_inputs(inputs, stdin, require_arabic=False):
                summary.read += 1
                if isinstance(item, Failure):
                    summary.failures.append(item)
                    store.add_failure(summary.run_id, item.source, item.reason, item.code)
                    if progress:
                        progress("failed", 1)
                    continue
                if store.has_document(item.id) or store.document_id_for_text(item.text):
                    summary.already_stored += 1
                    if progress:
                        progress("known", 1)
                    continue
                lang = _language(item)
                if lang != "ar":  # stored and marked, not extracted
                    summary.not_arabic += store.save(item, [], summary.run_id, language=lang)
                    if progress:
                        progress("not Arabic", 1)
                    continue
                yield item

        def extracted() -> Iterator[tuple[Document, list[Claim]]]:
            for doc in run_many(fresh(), workers=workers):
                summary.claims += len(doc.claims)
                if progress:
                    progress("new", 1)
                yield doc, list(doc.claims)

        summary.new = store.save_many(extracted(), summary.run_id, batch_size=BATCH)
        summary.new += summary.not_arabic
        store.finish_run(summary.run_id, documents=summary.new, claims=summary.claims,
                         failures=len(summary.failures))
    return summary


def reextract(db: str | None = None, *, workers: int = 1, everything: bool = False,
              progress: Progress | None = None) -> int:
    """Run the current extractor again over stored Arabic documents (those extracted by another
    version, or all with ``everything``) and replace their claims atomically, document by
    document. Returns the number of documents re-extracted."""
    n = 0
    with Store.open(db) as store:
        run_id = store.start_run("reextract", __version__)
        docs = store.documents(language="ar", outdated=None if everything else __version__)
        for doc in run_many(docs, workers=workers):
            store.replace_claims(doc.id, list(doc.claims), run_id)
            n += 1
            if progress:
                progress("reextracted", 1)
        store.finish_run(run_id, documents=n, claims=0, failures=0)
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
    """Reconciled groups of the stored claims, filtered."""
    with Store.open(db) as store:
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
    rows written."""
    from rasd.export import write_groups, write_ucdp

    with Store.open(db) as store:
        if fmt in ("ucdp", "groups"):
            writer = write_ucdp if fmt == "ucdp" else write_groups
            return writer(reconcile(claim_records(store, **filters)), output)
        claims = (r.claim for r in claim_records(store, **filters))
        if fmt == "acled":
            return write_acled(_with_evidence(store, claims), output)
        return WRITERS[fmt](claims, output)


def _with_evidence(store: Store, claims: Iterable[Claim]) -> Iterator[tuple[Claim, str | None]]:
    """Claims with their evidence text (documents fetched once per document)."""
    doc: Document | None = None
    for claim in claims:
        if doc is None or doc.id != claim.doc_id:
            doc = store.get_document(claim.doc_id)
        ev = claim.evidence
        yield claim, doc.text[ev.start:ev.end] if doc else None
