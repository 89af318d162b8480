"""What a worker does with one record, and the compact results it sends back.

A process pool (:func:`rasd.pipeline.run_many`) or a Dask partition (:mod:`rasd.scale`) gets a
raw record (a JSONL line, or a Document as read from HTML, WARC or a feed) and returns only
what the caller writes: the claims as JSON lines for ``rasd extract``, table rows for
``rasd ingest``. Every function here is a module-level function (picklable) that never raises
on bad input or a failing stage: the record's :class:`~rasd.ingest.records.Failure` comes
back instead, and the batch goes on.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import TYPE_CHECKING

from rasd.ingest.records import Failure, RawRecord, one_line, parse_record
from rasd.model import Document
from rasd.pipeline import run

if TYPE_CHECKING:  # the store (SQLAlchemy) is imported by ingest only: extract starts faster
    from rasd.store.rows import Prepared

Record = Document | RawRecord | Failure


@dataclass(frozen=True, slots=True)
class ClaimLines:
    """One document's claims as JSON Lines (each line ends in a newline), and its warnings."""

    doc_id: str
    lines: str
    claims: int
    warnings: tuple[str, ...] = ()


def source_of(doc: Document) -> str:
    """Where a document came from (file:line, URL), for its failure."""
    return str(doc.meta.get("source") or doc.url or doc.id)


def extracted(record: Record) -> Document | Failure:
    """The record parsed (when raw) and run through the pipeline; a failure of either is the
    record's Failure."""
    doc = parse_record(record) if isinstance(record, RawRecord) else record
    if isinstance(doc, Failure):
        return doc
    try:
        return run(doc)
    except Exception as exc:  # noqa: BLE001 - recorded, and the batch goes on
        return Failure(source_of(doc), f"extraction failed ({one_line(exc)})", "extract_error")


def claim_lines(record: Record) -> ClaimLines | Failure:
    """``rasd extract``'s work on one record: its claims as JSON lines."""
    doc = extracted(record)
    if isinstance(doc, Failure):
        return doc
    return ClaimLines(doc.id, json_lines(doc), len(doc.claims), doc.warnings)


def json_lines(doc: Document) -> str:
    """A document's claims as JSON Lines, the output of ``rasd extract``."""
    return "".join(json.dumps(c.to_json(), ensure_ascii=False) + "\n" for c in doc.claims)


def claim_rows(record: Record) -> Prepared | Failure:
    """``rasd ingest``'s work on one new Arabic document: its document and claim rows."""
    from rasd.store.rows import prepare

    doc = extracted(record)
    if isinstance(doc, Failure):
        return doc
    try:
        return prepare(doc, doc.claims, source=source_of(doc))
    except Exception as exc:  # noqa: BLE001 - recorded, and the batch goes on
        return Failure(source_of(doc), f"cannot store ({one_line(exc)})", "store_error")
