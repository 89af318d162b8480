"""The Dask engine: the same pure pipeline mapped over partitions of the input on a cluster.

``rasd extract|ingest --engine dask`` plans partitions on the driver (:func:`plan`): each JSONL
file is cut into byte ranges at line starts (one pass counting lines, so that a bad record is
still named ``file:line``), WARC, HTML, text and feed files and URLs are grouped into lists
read whole. Each partition is one ``distributed`` task, run by :func:`extract_partition` or
:func:`ingest_partition` in a worker with the functions of :mod:`rasd.jobs` (records parsed
there, never an annotated Document sent back). At most ``2 x workers`` partitions are in
flight, and results are taken in partition order, so output is ordered and the driver's
memory is flat.

Writes: ``extract`` sends claim lines back to the driver (stdout), or each partition writes its
own Parquet shard (``--output DIR``); ``ingest`` into SQLite sends rows back to the driver, the
single writer; into PostgreSQL each partition writes its own documents and claims. A record's
failure comes back as data; a partition that raises (an unreadable file, a worker that dies)
is retried (``RETRIES``) and then recorded as a failure naming the partition, never lost:
the other partitions complete. Needs ``pip install 'rasd[dask]'``.
"""

from __future__ import annotations

import io
import logging
import math
import os
import uuid
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import partial
from itertools import islice
from pathlib import Path
from typing import Any, BinaryIO

from rasd.errors import RasdError
from rasd.ingest.fetch import FetchOptions
from rasd.ingest.readers import FOLDER_SUFFIXES, RawItem, file_suffix, read_inputs
from rasd.ingest.records import Failure, RawRecord, one_line, parse_record, read_jsonl
from rasd.model import Claim, Document
from rasd.settings import active, run_with

RETRIES = 1                    #: extra tries of a partition that raised
IN_FLIGHT_PER_WORKER = 2       #: partitions submitted per worker before the oldest is awaited
TARGET_BYTES = 64 * 1024 ** 2  #: JSONL bytes per partition when --partitions is not given
SCAN_BLOCK = 4 * 1024 ** 2     #: bytes read at a time when finding line starts
BATCH = 100                    #: documents per existence check and per write


class EngineError(RasdError):
    """The Dask engine cannot run: dask is not installed, the scheduler cannot be reached,
    or an input cannot be partitioned (stdin)."""

    code = "engine_error"


@dataclass(frozen=True, slots=True)
class Partition:
    """A piece of the input: a JSONL byte range ``[start, end)`` of ``path`` whose first line
    is line ``first_line``, or ``inputs`` (files, URLs) read whole."""

    index: int
    path: str | None = None
    start: int = 0
    end: int = 0
    first_line: int = 1
    inputs: tuple[str, ...] = ()

    def __str__(self) -> str:
        if self.path is not None:
            return f"partition {self.index} ({self.path} bytes {self.start:,}-{self.end:,})"
        more = f" and {len(self.inputs) - 1} more" if len(self.inputs) > 1 else ""
        return f"partition {self.index} ({self.inputs[0]}{more})"


@dataclass
class PartitionResult:
    """What one partition sends back: counts, failures and warnings, and the claim lines
    (extract to stdout) or the rows to store (ingest into SQLite)."""

    index: int
    read: int = 0
    documents: int = 0
    claims: int = 0
    known: int = 0
    lines: list[str] = field(default_factory=list)
    rows: list[Any] = field(default_factory=list)       #: rasd.store.rows.Prepared
    failures: list[Failure] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    new: int = 0            #: documents this partition stored itself (PostgreSQL)
    not_arabic: int = 0


# --- planning (driver) ---------------------------------------------------------------------

def _files(inputs: Iterable[str]) -> Iterator[str]:
    """Files and URLs of the inputs, folders expanded as the readers do."""
    for item in inputs:
        if item == "-":
            raise EngineError("standard input cannot be partitioned: give files or URLs "
                              "with --engine dask")
        p = Path(item)
        if p.is_dir():
            yield from (str(f) for f in sorted(p.rglob("*"))
                        if f.is_file() and file_suffix(f) in FOLDER_SUFFIXES)
        else:
            yield item


def _is_jsonl(item: str) -> bool:
    return not item.startswith(("http://", "https://")) and file_suffix(Path(item)) == ".jsonl" \
        and os.path.isfile(item)


def line_starts(path: str, cuts: int) -> list[tuple[int, int]]:
    """``(offset, line number)`` of the first line starting at or after each of ``cuts``
    evenly spaced byte offsets of a file (the first is ``(0, 1)``; repeats dropped), found in
    one streamed pass."""
    size = os.path.getsize(path)
    targets = [size * k // cuts for k in range(1, cuts)]
    out = [(0, 1)]
    lines = pos = t = 0
    with open(path, "rb") as fh:
        while t < len(targets) and (block := fh.read(SCAN_BLOCK)):
            while t < len(targets):
                frm = max(targets[t] - 1, pos) - pos
                if frm >= len(block):
                    break
                nl = block.find(b"\n", frm)
                if nl < 0:  # the line goes on into the next block
                    targets[t] = pos + len(block) + 1
                    break
                start = pos + nl + 1
                if out[-1][0] < start < size:
                    out.append((start, lines + block.count(b"\n", 0, nl + 1) + 1))
                t += 1
            lines += block.count(b"\n")
            pos += len(block)
    return out


def plan(inputs: list[str], partitions: int | None, workers: int) -> list[Partition]:
    """The partitions of the inputs: each JSONL file in byte ranges at line starts (in
    proportion to its size when ``partitions`` is given, else ~``TARGET_BYTES`` each, at
    least ``2 x workers`` in all), every other file or URL grouped into lists."""
    items = list(_files(inputs))
    jsonl = [i for i in items if _is_jsonl(i)]
    others = [i for i in items if i not in set(jsonl)]
    total = sum(os.path.getsize(p) for p in jsonl)
    wanted = partitions or max(2 * workers, math.ceil(total / TARGET_BYTES))
    out: list[Partition] = []
    for path in jsonl:
        size = os.path.getsize(path)
        cuts = max(1, round(wanted * size / total)) if total else 1
        starts = line_starts(path, cuts) if size else [(0, 1)]
        for k, (start, line) in enumerate(starts):
            end = starts[k + 1][0] if k + 1 < len(starts) else size
            out.append(Partition(len(out), path, start, end, line))
    if others:
        per = math.ceil(len(others) / max(1, partitions or 2 * workers))
        for k in range(0, len(others), per):
            out.append(Partition(len(out), inputs=tuple(others[k:k + per])))
    return out


# --- reading a partition (worker) ----------------------------------------------------------

class _Range(io.RawIOBase):
    """Bytes ``[start, end)`` of a file, as a stream."""

    def __init__(self, fh: BinaryIO, start: int, end: int) -> None:
        fh.seek(start)
        self.fh, self.left = fh, end - start

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        if self.left <= 0:
            return 0
        data = self.fh.read(min(len(buffer), self.left))
        buffer[:len(data)] = data
        self.left -= len(data)
        return len(data)


def partition_items(part: Partition, require_arabic: bool,
                    fetch: FetchOptions | None) -> Iterator[RawItem]:
    """The records of a partition: raw JSONL lines named ``file:line``, or what the readers
    give for its files and URLs. An unreadable JSONL file raises (the partition's failure)."""
    if part.path is None:
        yield from read_inputs(list(part.inputs), require_arabic=require_arabic, fetch=fetch,
                               raw=True)
        return
    with open(part.path, "rb") as fh:
        stream = io.BufferedReader(_Range(fh, part.start, part.end))
        yield from read_jsonl(stream, part.path, require_arabic, raw=True,
                              first_line=part.first_line)


def extract_partition(part: Partition, fetch: FetchOptions | None = None,
                      output: str | None = None) -> PartitionResult:
    """``rasd extract`` over one partition: claim lines back, or (``output``) a Parquet shard
    ``part-NNNNN.parquet`` written in that folder and only the counts back."""
    from rasd.jobs import extracted, json_lines

    result = PartitionResult(part.index)
    claims: list[Claim] = []
    for item in partition_items(part, True, fetch):
        result.read += 1
        doc = extracted(item)
        if isinstance(doc, Failure):
            result.failures.append(doc)
            continue
        result.documents += 1
        result.claims += len(doc.claims)
        result.warnings.extend(doc.warnings)
        if output is None:
            result.lines.append(json_lines(doc))
        else:
            claims.extend(doc.claims)
    if output is not None:
        from rasd.export import write_parquet

        write_parquet(claims, Path(output) / f"part-{part.index:05d}.parquet")
    return result


def ingest_partition(part: Partition, db: str | None, run_id: int, write: bool,
                     fetch: FetchOptions | None = None) -> PartitionResult:
    """``rasd ingest`` over one partition: documents already in the store at ``db`` skipped
    (a read-only check, a batch at a time, when ``db`` is reachable from this worker), other
    languages kept unextracted, the rest extracted; the rows are stored here (``write``:
    PostgreSQL) or sent back for the single writer (SQLite)."""
    from rasd.corpus import language_of
    from rasd.jobs import claim_rows, source_of
    from rasd.store import Store
    from rasd.store.rows import Prepared, prepare

    result = PartitionResult(part.index)
    check = _checker(db)
    writer = Store.open(db) if write else None
    try:
        items = partition_items(part, False, fetch)
        while batch := list(islice(items, BATCH)):
            result.read += len(batch)
            docs: list[Document] = []
            for item in batch:
                doc = parse_record(item) if isinstance(item, RawRecord) else item
                if isinstance(doc, Failure):
                    result.failures.append(doc)
                else:
                    docs.append(doc)
            rows: list[Prepared] = []
            for doc, known in zip(docs, check.stored(docs) if check else [False] * len(docs)):
                if known:
                    result.known += 1
                    continue
                lang = language_of(doc)
                done = claim_rows(doc) if lang == "ar" else \
                    prepare(doc, [], language=lang, source=source_of(doc))
                if isinstance(done, Failure):
                    result.failures.append(done)
                else:
                    rows.append(done)
            if writer is None:
                result.rows.extend(rows)
            elif rows:
                _write(writer, rows, run_id, result)
    finally:
        for store in (check, writer):
            if store is not None:
                store.close()
    return result


def _checker(db: str | None) -> Any:
    """A read-only Store to check for stored documents, or None when the database is not
    reachable from here (a SQLite file on another machine: the insert then decides)."""
    from rasd.store import Store
    from rasd.store.engine import StoreError, resolve_url

    url = resolve_url(db)
    if url.drivername.startswith("sqlite") and not os.path.isfile(url.database or ""):
        return None
    try:
        return Store.open(db, readonly=True)
    except StoreError:
        return None


def _write(store: Any, rows: list[Any], run_id: int, result: PartitionResult) -> None:
    """Store a batch of rows (each on its own when the batch is refused, so that only the
    bad one is a failure); the counts go into ``result``."""
    try:
        news: list[bool | None] = list(store.save_prepared(rows, run_id))
    except Exception:  # noqa: BLE001 - retried one by one
        news = []
        for p in rows:
            try:
                news.append(store.save_prepared([p], run_id)[0])
            except Exception as exc:  # noqa: BLE001
                result.failures.append(Failure(p.source, f"cannot store ({one_line(exc)})",
                                               "store_error"))
                news.append(None)
    for p, new in zip(rows, news):
        if new:
            result.new += 1
            result.claims += len(p.claims)
            result.not_arabic += p.document["language"] != "ar"
        elif new is False:
            result.known += 1


# --- running (driver) ----------------------------------------------------------------------

def client(scheduler: str | None, workers: int) -> Any:
    """A ``distributed`` Client: of the scheduler at ``scheduler``, else of a LocalCluster of
    ``workers`` processes with one thread each (rasd is pure Python: threads would share one
    core)."""
    try:
        from distributed import Client, LocalCluster
    except ImportError:
        raise EngineError("the Dask engine needs dask: pip install 'rasd[dask]'") from None
    try:
        if scheduler:
            return Client(scheduler, timeout="30s")
        cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                               dashboard_address=None, silence_logs=logging.CRITICAL)
        return Client(cluster)
    except (OSError, TimeoutError) as exc:
        raise EngineError(f"cannot reach the Dask scheduler {scheduler or '(local)'}: "
                          f"{one_line(exc)}") from None


def run_partitions(dask_client: Any, parts: list[Partition], fn: Callable[..., PartitionResult],
                   *args: Any, progress: Callable[[PartitionResult], None] | None = None
                   ) -> Iterator[PartitionResult]:
    """``fn(part, *args)`` for every partition on the cluster, results in partition order, at
    most ``IN_FLIGHT_PER_WORKER`` partitions per worker at a time. A partition that raised
    (after ``RETRIES`` more tries) comes back as a result holding one failure naming it. The
    workers run with this process's :func:`~rasd.settings.active` settings."""
    job = partial(run_with, active(), fn)
    workers = max(1, len(dask_client.scheduler_info(n_workers=-1).get("workers", {})))
    pending: deque[tuple[Partition, Any]] = deque()
    todo = iter(parts)
    run = uuid.uuid4().hex

    def submit() -> None:
        part = next(todo, None)
        if part is not None:
            pending.append((part, dask_client.submit(job, part, *args, retries=RETRIES,
                                                     key=f"rasd-{fn.__name__}-{run}-{part.index}",
                                                     pure=False)))

    for _ in range(workers * IN_FLIGHT_PER_WORKER):
        submit()
    while pending:
        part, future = pending.popleft()
        try:
            result = future.result()
        except Exception as exc:  # noqa: BLE001 - the partition's failure, the rest goes on
            result = PartitionResult(part.index, failures=[Failure(
                str(part), f"partition failed after {RETRIES + 1} tries ({one_line(exc)})",
                "partition_error")])
        finally:
            future.release()
        submit()
        if progress:
            progress(result)
        yield result


class _Cluster:
    """A Client (and the LocalCluster it started, if any), closed on exit."""

    def __init__(self, scheduler: str | None, workers: int) -> None:
        self.client = client(scheduler, workers)

    def __enter__(self) -> Any:
        return self.client

    def __exit__(self, *exc: object) -> None:
        cluster = self.client.cluster  # the LocalCluster started for this run, else None
        self.client.close()
        if cluster is not None:
            cluster.close()


def _quiet(fetch: FetchOptions | None) -> FetchOptions | None:
    """Fetch options without the driver's progress callback (workers have no terminal)."""
    from dataclasses import replace

    return replace(fetch, progress=None) if fetch is not None else None


def extract(inputs: list[str], *, workers: int = 2, scheduler: str | None = None,
            partitions: int | None = None, output: str | None = None,
            fetch: FetchOptions | None = None,
            progress: Callable[[PartitionResult, int], None] | None = None
            ) -> Iterator[PartitionResult]:
    """``rasd extract --engine dask``: every partition's result, in order (claim lines, or
    with ``output`` a Parquet shard per partition written in that folder)."""
    parts = plan(inputs, partitions, workers)
    if output is not None:
        Path(output).mkdir(parents=True, exist_ok=True)
    with _Cluster(scheduler, workers) as dask_client:
        yield from run_partitions(dask_client, parts, extract_partition, _quiet(fetch), output,
                                  progress=(lambda r: progress(r, len(parts))) if progress
                                  else None)


def ingest(inputs: list[str], db: str | None = None, *, workers: int = 2,
           scheduler: str | None = None, partitions: int | None = None,
           fetch: FetchOptions | None = None, stdin: BinaryIO | None = None,
           progress: Callable[[str, int], None] | None = None) -> Any:
    """``rasd ingest --engine dask``: the partitions' rows written by this process (SQLite:
    one writer) or by each partition (PostgreSQL); failures, including a partition's, are
    recorded in the run. Returns the :class:`rasd.corpus.IngestSummary`. Standard input
    cannot be partitioned (``stdin`` is refused, as ``-`` is)."""
    if stdin is not None:
        raise EngineError("standard input cannot be partitioned: give files or URLs "
                          "with --engine dask")
    from rasd.corpus import Ingest, IngestSummary, recorded_run
    from rasd.store import Store
    from rasd.store.engine import resolve_url
    from rasd.version import __version__

    summary = IngestSummary()
    parts = plan(inputs, partitions, workers)
    url = resolve_url(db)
    where = url.database if url.drivername.startswith("sqlite") else db
    with Store.open(db) as store:
        summary.run_id = store.start_run("ingest --engine dask " + " ".join(inputs), __version__)
        write = store.dialect == "postgresql"
        run = Ingest(store, summary, progress)
        with recorded_run(store, summary), _Cluster(scheduler, workers) as dask_client:
            for r in run_partitions(dask_client, parts, ingest_partition, where,
                                    summary.run_id, write, _quiet(fetch)):
                _collect(run, r)
    return summary


def _collect(run: Any, r: PartitionResult) -> None:
    """Add a partition's result to the run: its failures recorded, its rows stored."""
    summary = run.summary
    summary.read += r.read
    for failure in r.failures:
        run.fail(failure)
    for _ in range(r.known):
        run.counted(False, 0)
    summary.new += r.new
    summary.claims += r.claims
    summary.not_arabic += r.not_arabic
    for k in range(0, len(r.rows), BATCH):
        run.save(r.rows[k:k + BATCH])
    run.tick("partitions")
