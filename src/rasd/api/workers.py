"""Extraction for the API in worker processes, each request within a time budget.

A request waits for a free worker (at most :data:`QUEUE_WAIT` seconds, else 503 busy: waiting
requests hold server threads) and has it extract within ``timeout`` seconds: a worker that has
not answered in time is killed and the request is a 504 — so no request holds the server, nor a
CPU, past its budget (threads cannot be stopped; processes can) — and a new worker is started
in the background. Workers are started on first use (``spawn``: safe in a threaded server),
each warmed by one extraction before it takes requests.
"""

from __future__ import annotations

import contextlib
import multiprocessing as mp
import queue
import threading
from collections.abc import Callable
from dataclasses import dataclass
from multiprocessing.connection import Connection
from typing import Any

from rasd.api.errors import ApiError
from rasd.errors import InputError, RasdError

START_TIMEOUT = 120.0  #: seconds a new worker may take to start (imports, data)
QUEUE_WAIT = 5.0       #: most seconds a request waits for a free worker
WARM_TEXT = "warm"     #: a text sent through the pipeline at start (refused as not Arabic)

Job = dict[str, Any]


def extract_job(job: Job) -> dict[str, Any]:
    """What a worker does with one job: the article's claims, as JSON-ready data."""
    import rasd

    doc = rasd.extract_document(job["text"], title=job.get("title"),
                                published=job.get("published"), outlet=job.get("outlet"))
    return {"doc_id": doc.id, "text": doc.text, "claims": [c.to_json() for c in doc.claims]}


def _serve(conn: Connection, fn: Callable[[Job], dict[str, Any]]) -> None:
    """A worker's loop: a job in; ``("ok", result)``, ``("error", code, message)`` (rasd's own
    error: bad input) or ``("crash", type)`` out."""
    with contextlib.suppress(Exception):  # warming only
        fn({"text": WARM_TEXT})
    conn.send(("ready",))
    while True:
        try:
            job = conn.recv()
        except (EOFError, OSError):
            return
        try:
            conn.send(("ok", fn(job)))
        except RasdError as exc:
            conn.send(("error", exc.code, str(exc)))
        except Exception as exc:  # noqa: BLE001 - one request's failure, not the worker's
            conn.send(("crash", type(exc).__name__))


@dataclass(eq=False)
class _Worker:
    process: mp.process.BaseProcess
    conn: Connection

    def stop(self) -> None:
        if self.process.is_alive():
            self.process.kill()
        self.process.join(5)
        self.conn.close()


class ExtractWorkers:
    """``size`` extraction processes running ``fn`` (a module-level function of a job); each
    request waits at most :data:`QUEUE_WAIT` s for one (else 503) and is answered within
    ``timeout`` seconds (else 504)."""

    def __init__(self, size: int = 2, timeout: float = 30.0,
                 fn: Callable[[Job], dict[str, Any]] = extract_job) -> None:
        self.size, self.timeout, self.fn = max(1, size), timeout, fn
        # last in, first out: a started worker is reused before a new one is started
        self._free: queue.LifoQueue[_Worker | None] = queue.LifoQueue()
        for _ in range(self.size):
            self._free.put(None)  # a slot; its process is started when first needed
        self._lock = threading.Lock()
        self._all: set[_Worker] = set()
        self._closed = False

    def run(self, job: Job) -> dict[str, Any]:
        """The result of ``job``; ApiError 503/504, or the job's own InputError (400)."""
        wait = QUEUE_WAIT
        try:
            slot = self._free.get(timeout=wait)
        except queue.Empty:
            raise ApiError(503, f"every extraction worker is busy (waited {wait:g} s); try "
                                "again later", "busy", headers={"Retry-After": "5"}) from None
        worker = slot or self._start()
        try:
            worker.conn.send(job)
            reply = worker.conn.recv() if worker.conn.poll(self.timeout) else None
        except (EOFError, OSError):
            self._retire(worker)
            raise ApiError(503, "the extraction worker died; try again", "busy") from None
        if reply is None:
            self._retire(worker)
            raise ApiError(504, f"extraction took longer than its {self.timeout:g} s budget",
                           "timeout")
        self._free.put(worker)
        if reply[0] == "crash":
            raise ApiError(500, "extraction failed", "internal_error")
        if reply[0] == "error":
            error = InputError(reply[2])
            error.code = reply[1]
            raise error
        return dict(reply[1])

    def _start(self) -> _Worker:
        """A new, warmed worker (its slot given back, and a 503, when it does not start)."""
        try:
            ctx = mp.get_context("spawn")
            parent, child = ctx.Pipe()
            process = ctx.Process(target=_serve, args=(child, self.fn), daemon=True,
                                  name="rasd-extract")
            process.start()
            child.close()
        except Exception:
            self._free.put(None)
            raise
        worker = _Worker(process, parent)
        with self._lock:
            self._all.add(worker)
        try:
            ready = parent.poll(START_TIMEOUT) and parent.recv() == ("ready",)
        except (EOFError, OSError):
            ready = False
        if not ready:
            self._retire(worker, replace=False)
            raise ApiError(503, "the extraction worker did not start", "busy")
        return worker

    def _retire(self, worker: _Worker, replace: bool = True) -> None:
        """Kill a worker (too slow, or dead); with ``replace``, start another in its slot in
        the background, else leave the slot to be started on next use."""
        worker.stop()
        with self._lock:
            self._all.discard(worker)
        if replace:
            threading.Thread(target=self._replace, name="rasd-extract-start", daemon=True).start()
        else:
            self._free.put(None)

    def _replace(self) -> None:
        try:
            worker = self._start()
        except Exception:  # noqa: BLE001 - _start gave the slot back
            return
        if self._closed:
            worker.stop()
        self._free.put(worker)

    def close(self) -> None:
        """Stop every worker."""
        self._closed = True
        with self._lock:
            workers, self._all = list(self._all), set()
        for worker in workers:
            worker.stop()
