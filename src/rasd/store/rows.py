"""Between model objects and table rows: ids, row dicts, and the records the store returns."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, overload

from rasd.model import Claim, Document, Mention


def content_hash(text: str) -> str:
    """sha256 (hex) of a document's UTF-8 text (lone surrogates, which readers replace, are
    encoded as is rather than raising): the same text under another id is the same document."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def claim_key(claim: Claim) -> str:
    """See :meth:`rasd.model.Claim.key`."""
    return claim.key()


def claim_ids(claims: Sequence[Claim]) -> list[str]:
    """Deterministic ids for one document's claims, in order. Claims that share a
    :func:`claim_key` get the key's hash with an occurrence number (``#1``, ``#2``, ...)
    appended from the second one on, so the ids stay unique and stable for the same input."""
    seen: dict[str, int] = {}
    out = []
    for claim in claims:
        key = claim.key()
        n = seen.get(key, 0)
        seen[key] = n + 1
        out.append(claim.digest(n))
    return out


def document_row(doc: Document, *, digest: str, language: str, run_id: int | None,
                 now: datetime) -> dict[str, Any]:
    """The ``documents`` row of a Document (its claims are written separately)."""
    return {"id": doc.id, "content_hash": digest, "outlet": doc.outlet, "url": doc.url,
            "published": doc.published, "language": language, "title_end": doc.title_end,
            "text": doc.text, "added_at": now, "run_id": run_id}


def row_document(row: Mapping[Any, Any]) -> Document:
    """A Document (text and metadata only, as ingested) from a ``documents`` row."""
    return Document(id=row["id"], text=row["text"], published=row["published"],
                    outlet=row["outlet"], url=row["url"], title_end=row["title_end"],
                    meta={"language": row["language"], "content_hash": row["content_hash"]})


def claim_row(claim: Claim, *, id: str, seq: int, run_id: int | None) -> dict[str, Any]:
    """The ``claims`` row of a Claim: filterable columns plus the whole JSON in ``data``."""
    data = claim.to_json()
    loc, subject = claim.location, claim.subject
    return {
        **claim.columns(), "id": id, "doc_id": claim.doc_id, "seq": seq, "run_id": run_id,
        "type": claim.type, "source_text": claim.source.text, "via": data["via"],
        "subject_text": subject.text if subject else None,
        "location_text": loc.text if loc else None, "location_name": loc.name if loc else None,
        "confidence": data["confidence"], "data": data,
    }


@dataclass(frozen=True, slots=True)
class Prepared:
    """A document and its claims as table rows, built where the claims were extracted (a
    worker process), so that the writer only inserts. ``document`` lacks the run and time
    columns, ``claims`` their ``run_id``: :meth:`rasd.store.Store.save_prepared` adds them."""

    doc_id: str
    source: str                           #: where the document came from (for a failure)
    document: dict[str, Any]
    claims: tuple[dict[str, Any], ...]
    sources: tuple[dict[str, Any], ...]   #: canonical sources the claims point to


def prepare(doc: Document, claims: Sequence[Claim], *, language: str = "ar",
            source: str = "") -> Prepared:
    """The rows of a document and its claims (see :class:`Prepared`)."""
    claims = list(claims)
    document = {"id": doc.id, "content_hash": content_hash(doc.text), "outlet": doc.outlet,
                "url": doc.url, "published": doc.published, "language": language,
                "title_end": doc.title_end, "text": doc.text}
    values = tuple(claim_row(c, id=i, seq=n, run_id=None)
                   for n, (c, i) in enumerate(zip(claims, claim_ids(claims))))
    return Prepared(doc.id, source or doc.id, document, values, tuple(source_rows(claims)))


def row_claim(data: Any) -> Claim:
    """A Claim from the ``data`` column (a dict; a JSON string from a raw SQLite read)."""
    return Claim.from_json(json.loads(data) if isinstance(data, str) else data)


def source_rows(claims: Iterable[Claim]) -> list[dict[str, Any]]:
    """Canonical sources (mentions with an ``id``, the claim's source and its via chain),
    one row per id, sorted by id so concurrent writers lock rows in the same order."""
    found: dict[str, dict[str, Any]] = {}
    for claim in claims:
        for m in (claim.source, *claim.via):
            if m.id and m.id not in found:
                found[m.id] = _source_row(m)
    return [found[k] for k in sorted(found)]


def _source_row(m: Mention) -> dict[str, Any]:
    return {"id": m.id, "name": m.name or m.text, "kind": m.kind, "country": m.country}


@overload
def utc(value: datetime) -> datetime: ...
@overload
def utc(value: None) -> None: ...
def utc(value: datetime | None) -> datetime | None:
    """A stored timestamp as an aware UTC datetime (SQLite gives them back naive)."""
    if value is None or value.tzinfo is not None:
        return value
    return value.replace(tzinfo=UTC)


@dataclass(frozen=True, slots=True)
class DocumentInfo:
    """A stored document's metadata, without its text."""

    id: str
    outlet: str | None
    published: str | None
    url: str | None
    language: str


@dataclass(frozen=True, slots=True)
class StoredClaim:
    """A stored claim with its id, its evidence text and its document's metadata."""

    claim: Claim
    id: str
    seq: int
    evidence_text: str
    doc: DocumentInfo


@dataclass(frozen=True, slots=True)
class Run:
    """One recorded run of a command: ``status`` is ``running`` until it ends ``finished``,
    ``failed`` or ``interrupted`` — a killed run stays ``running`` until the next run on its
    machine starts and marks it ``interrupted`` (:meth:`Store.mark_interrupted`)."""

    id: int
    command: str
    extractor_version: str
    started_at: datetime
    finished_at: datetime | None
    status: str
    documents: int | None
    claims: int | None
    failures: int | None

    @classmethod
    def from_row(cls, row: Mapping[Any, Any]) -> Run:
        return cls(**{**row, "started_at": utc(row["started_at"]),
                      "finished_at": utc(row["finished_at"])})


@dataclass(frozen=True, slots=True)
class StoredFailure:
    """An input that could not be processed, as recorded: which run, which input, why."""

    id: int
    run_id: int | None
    source: str
    reason: str
    code: str
    created_at: datetime

    @classmethod
    def from_row(cls, row: Mapping[Any, Any]) -> StoredFailure:
        return cls(**{**row, "created_at": utc(row["created_at"])})
