"""Tabular and geographic exports of claims: JSONL, CSV, Parquet, GeoJSON.

Every export streams claims (any iterable of :class:`~rasd.model.Claim`) and writes one file.
The flat column set (:data:`COLUMNS`) is shared by CSV and Parquet and documented in
``docs/exports.md``.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from rasd.model import Claim
from rasd.reconcile.stream import group_order
from rasd.spill import in_order

#: the article a claim came from (its provenance), in every claim export
PROVENANCE: tuple[str, ...] = ("outlet", "published", "url", "title")
COLUMNS: tuple[str, ...] = (
    "claim_id", "group_id", "doc_id", *PROVENANCE, "type", "mixed", "count_value", "qualifier",
    "count_min", "count_max", "vague", "count_low", "count_high", "subject", "subject_category",
    "source", "source_kind", "source_id", "via", "location", "place_name", "country", "admin1",
    "lat", "lon", "geo_precision", "time_text", "date", "date_precision", "trigger", "evidence",
    "evidence_start", "evidence_end", "confidence",
)
INT_COLUMNS = ("count_value", "count_min", "count_max", "count_low", "count_high",
               "geo_precision", "evidence_start", "evidence_end")
FLOAT_COLUMNS = ("lat", "lon", "confidence")
PARQUET_BATCH = 10_000
Output = Path | IO[Any]  #: a file to write, or an open stream (standard output)


@contextmanager
def _opened(output: Output, encoding: str = "utf-8", newline: str | None = None
            ) -> Iterator[IO[str]]:
    """``output`` opened for text (a path), or as it is (a stream, left open)."""
    if isinstance(output, Path):
        with output.open("w", encoding=encoding, newline=newline) as out:
            yield out
    else:
        yield output


def claim_id(claim: Claim) -> str:
    """A claim's stable id, the same as the store's (:meth:`rasd.model.Claim.digest`)."""
    return claim.digest()


@dataclass(frozen=True, slots=True)
class Row:
    """A stored claim to export: the claim, its store id, its reconciled group's id, the
    article it came from and its evidence text."""

    claim: Claim
    claim_id: str
    group_id: str | None = None
    outlet: str | None = None
    published: str | None = None
    url: str | None = None
    title: str | None = None
    evidence: str | None = None

    def provenance(self) -> dict[str, str | None]:
        return {"outlet": self.outlet, "published": self.published, "url": self.url,
                "title": self.title}


Exported = Claim | Row


def _row(item: Exported) -> Row:
    return item if isinstance(item, Row) else Row(item, claim_id(item))


def member_rows(groups: Iterable[Any], titles: dict[str, str]) -> Iterator[Row]:
    """The member claims of reconciled groups (:class:`rasd.reconcile.Group`), group by group,
    as rows with their group's id and their provenance (``titles``: article titles by id)."""
    for g in groups:
        for rec in g.members:
            yield record_row(rec, g.id, titles)


def record_row(rec: Any, group_id: str | None, titles: dict[str, str]) -> Row:
    """A :class:`rasd.reconcile.ClaimRecord` as a row with its group and provenance."""
    return Row(rec.claim, rec.claim_id or claim_id(rec.claim), group_id, rec.outlet,
               rec.published, rec.url, titles.get(rec.claim.doc_id), rec.evidence_text)


def flat(item: Exported) -> dict[str, Any]:
    """One flat row per claim (the columns of :data:`COLUMNS`, in that order)."""
    r = _row(item)
    claim = r.claim
    loc = claim.location
    row = {
        **claim.columns(), "claim_id": r.claim_id, "group_id": r.group_id,
        "doc_id": claim.doc_id, **r.provenance(), "evidence": r.evidence,
        "type": claim.type, "subject": claim.subject.text if claim.subject else None,
        "source": claim.source.text, "via": " | ".join(v.text for v in claim.via) or None,
        "location": loc.text if loc else None, "place_name": loc.name if loc else None,
        "trigger": claim.trigger.text if claim.trigger else None,
        "confidence": claim.confidence,
    }
    return {name: row[name] for name in COLUMNS}


def write_jsonl(claims: Iterable[Exported], path: Output) -> int:
    """Claims in their JSON form with ``claim_id``, ``group_id`` and the article's outlet,
    published, url and title first, and the evidence text beside its span; one per line."""
    n = 0
    with _opened(path) as out:
        for item in claims:
            r = _row(item)
            data = {"claim_id": r.claim_id, "group_id": r.group_id, **r.provenance(),
                    **r.claim.to_json()}
            data["evidence"] = {**data["evidence"], "text": r.evidence}
            out.write(json.dumps(data, ensure_ascii=False) + "\n")
            n += 1
    return n


def write_csv(claims: Iterable[Exported], path: Output) -> int:
    """Claims as flat CSV rows (UTF-8 with a BOM so spreadsheet programs show Arabic)."""
    return write_rows((flat(c) for c in claims), COLUMNS, path)


def write_rows(rows: Iterable[dict[str, Any]], columns: tuple[str, ...], path: Output) -> int:
    """Dict rows to a CSV file with the given columns."""
    n = 0
    with _opened(path, "utf-8-sig", "") as out:
        writer = csv.DictWriter(out, fieldnames=list(columns))
        writer.writeheader()
        for row in rows:
            writer.writerow(row)
            n += 1
    return n


def write_parquet(claims: Iterable[Exported], path: Output) -> int:
    """Claims as a Parquet table (written in batches, so memory stays flat)."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = pa.schema([
        (name, pa.bool_() if name == "mixed" else pa.date32() if name == "date" else
         pa.float64() if name in FLOAT_COLUMNS else
         pa.int64() if name in INT_COLUMNS else pa.string())
        for name in COLUMNS])
    n = 0
    with pq.ParquetWriter(str(path) if isinstance(path, Path) else path, schema) as writer:
        for batch in _batches((_typed(flat(c)) for c in claims), PARQUET_BATCH):
            writer.write_table(pa.Table.from_pylist(batch, schema=schema))
            n += len(batch)
    return n


def _typed(row: dict[str, Any]) -> dict[str, Any]:
    """A flat row with its ``date`` as a date (None when it is not a whole ISO day)."""
    try:
        day = dt.date.fromisoformat(row["date"]) if row["date"] else None
    except ValueError:
        day = None
    return {**row, "date": day}


def _batches(rows: Iterator[dict[str, Any]], size: int) -> Iterator[list[dict[str, Any]]]:
    batch: list[dict[str, Any]] = []
    for row in rows:
        batch.append(row)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def write_geojson(claims: Iterable[Exported], path: Output) -> int:
    """Claims with coordinates as a GeoJSON FeatureCollection of points (streamed)."""
    n = 0
    with _opened(path) as out:
        out.write('{"type": "FeatureCollection", "features": [\n')
        for item in claims:
            loc = _row(item).claim.location
            if loc is None or loc.lat is None or loc.lon is None:
                continue
            props = {k: v for k, v in flat(item).items() if k not in ("lat", "lon")}
            feature = {"type": "Feature",
                       "geometry": {"type": "Point", "coordinates": [loc.lon, loc.lat]},
                       "properties": props}
            out.write(("," if n else "") + json.dumps(feature, ensure_ascii=False) + "\n")
            n += 1
        out.write("]}\n")
    return n


WRITERS: dict[str, Callable[[Iterable[Exported], Output], int]] = {
    "jsonl": write_jsonl, "csv": write_csv, "parquet": write_parquet, "geojson": write_geojson,
}


ACLED_COLUMNS: tuple[str, ...] = (
    "event_date", "event_type", "sub_event_type", "actor1", "country", "admin1", "location",
    "latitude", "longitude", "geo_precision", "source", "notes", "fatalities",
    "rasd_claim_id", "rasd_group_id", "rasd_type", "rasd_count",
)


def acled_row(item: Exported, evidence: str | None = None) -> dict[str, Any] | None:
    """An ACLED-style row for a claim, or None when the claim has no ACLED event type."""
    from rasd.mappings import code_claim

    r = _row(item)
    claim = r.claim
    coding = code_claim(claim.type, claim.subject.category if claim.subject else None,
                        claim.trigger.text if claim.trigger else None)
    if coding.acled_event_type is None:
        return None
    loc, time = claim.location, claim.time
    source = claim.source.text if claim.source.kind != "outlet" else ""
    via = "; ".join(v.text for v in claim.via)
    return {
        "event_date": time.date if time else None,
        "event_type": coding.acled_event_type,
        "sub_event_type": coding.acled_sub_event_type,
        "actor1": "",  # rasd does not extract perpetrators
        "country": loc.country if loc else None, "admin1": loc.admin1 if loc else None,
        "location": (loc.name or loc.text) if loc else None,
        "latitude": loc.lat if loc else None, "longitude": loc.lon if loc else None,
        "geo_precision": loc.precision if loc else None,
        "source": "; ".join(x for x in (source, via) if x),
        "notes": evidence or "",
        "fatalities": claim.count.low if coding.fatalities else 0,
        "rasd_claim_id": r.claim_id, "rasd_group_id": r.group_id, "rasd_type": claim.type,
        "rasd_count": json.dumps(claim.count.to_json(), ensure_ascii=False),
    }


def write_acled(items: Iterable[tuple[Exported, str | None]], path: Output) -> int:
    """ACLED-style CSV of (claim, evidence text) pairs; claims with no ACLED type are left out."""
    rows = (row for claim, evidence in items if (row := acled_row(claim, evidence)) is not None)
    return write_rows(rows, ACLED_COLUMNS, path)


UCDP_COLUMNS: tuple[str, ...] = (
    "group_id", "type", "mixed", "country", "admin1", "location", "latitude", "longitude",
    "geo_precision", "date_start", "date_end", "period", "subject", "low", "best", "high",
    "disagree", "disagree_reason", "n_sources", "n_claims", "figures",
)


def ucdp_row(group: Any) -> dict[str, Any]:
    """A UCDP-style low/best/high row for a reconciled group (:class:`rasd.reconcile.Group`)."""
    p = group.place
    figures = "; ".join(
        f"{f.text}={_figure(f.count)}" + (f" ({', '.join(f.outlets)})" if f.outlets else "")
        for f in group.figures)
    return {
        "group_id": group.id, "type": group.type, "mixed": group.mixed, "country": p.country,
        "admin1": p.admin1, "location": p.name or p.text, "latitude": p.lat, "longitude": p.lon,
        "geo_precision": p.precision, "date_start": group.date_from, "date_end": group.date_to,
        "period": group.period, "subject": group.subject, "low": group.low, "best": group.best,
        "high": group.high, "disagree": group.disagree, "disagree_reason": group.reason,
        "n_sources": len(group.figures), "n_claims": group.n_claims, "figures": figures,
    }


def _figure(count: Any) -> str:
    data = count.to_json()
    if "value" in data:
        return f"{data['value']}" + (f" {data['qualifier']}" if data.get("qualifier") else "")
    if "min" in data:
        return f"{data['min']}-{data['max']}"
    return str(data["vague"])


def write_ucdp(groups: Iterable[Any], path: Output, *, ordered: bool = False) -> int:
    """UCDP-style CSV: one row per reconciled group with its low / best / high (``ordered``:
    in :func:`rasd.reconcile.group_order`, groups coming partition by partition)."""
    if not ordered:
        return write_rows((ucdp_row(g) for g in groups), UCDP_COLUMNS, path)
    lines = in_order((group_order(g), json.dumps(ucdp_row(g), ensure_ascii=False))
                     for g in groups)
    return write_rows((json.loads(line) for line in lines), UCDP_COLUMNS, path)


def group_row(group: Any) -> dict[str, Any]:
    """One reconciled group (:class:`rasd.reconcile.Group`) as the ``groups`` export writes it:
    its summary and every member claim with provenance (docs/exports.md, Groups)."""
    p = group.place
    latest = {id(f.claim): f for f in group.figures}  # each source's latest claim
    return {
        "id": group.id, "type": group.type, "mixed": group.mixed, "period": group.period,
        "place": {"level": p.level, "text": p.text, "name": p.name, "country": p.country,
                  "admin1": p.admin1, "lat": p.lat, "lon": p.lon, "precision": p.precision},
        "date_from": group.date_from, "date_to": group.date_to, "subject": group.subject,
        "low": group.low, "best": group.best, "high": group.high,
        "disagree": group.disagree, "reason": group.reason, "spread": group.spread,
        "n_sources": group.n_sources, "n_claims": group.n_claims,
        "parts": list(group.parts), "part_of": list(group.part_of),
        "claims": [_member(rec, latest.get(id(rec.claim))) for rec in group.members],
    }


def _member(rec: Any, figure: Any) -> dict[str, Any]:
    """A member claim of a group; ``figure`` is its source's figure when it is the latest."""
    c = rec.claim
    return {
        "claim_id": rec.claim_id or claim_id(c), "doc_id": c.doc_id, "type": c.type,
        "mixed": c.mixed, "count": c.count.to_json(),
        "source": {"text": c.source.text, "kind": c.source.kind, "id": c.source.id},
        "via": [{"text": v.text, "kind": v.kind, "id": v.id} for v in c.via],
        "evidence": {"span": c.evidence.to_json(), "text": rec.evidence_text},
        "date": c.time.date if c.time else None,
        "date_precision": c.time.precision if c.time else None,
        "period": c.period.kind if c.period else None,
        "signature": c.signature.to_json() if c.signature else None,
        "revision": c.revision, "part_of": c.part_of,
        "outlet": rec.outlet, "published": rec.published, "url": rec.url,
        "latest": figure is not None, "superseded": bool(figure and figure.superseded),
    }


def write_groups(groups: Iterable[Any], path: Output, *, ordered: bool = False) -> int:
    """Reconciled groups, one JSON object per line (``group_row``; ``ordered``: in
    :func:`rasd.reconcile.group_order`, groups coming partition by partition, put in order
    through a spill file)."""
    lines: Iterable[str] = (json.dumps(group_row(g), ensure_ascii=False) for g in groups)
    if ordered:
        lines = in_order((group_order(g), json.dumps(group_row(g), ensure_ascii=False))
                         for g in groups)
    n = 0
    with _opened(path) as out:
        for line in lines:
            out.write(line + "\n")
            n += 1
    return n
