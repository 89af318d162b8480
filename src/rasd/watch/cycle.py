"""One watch cycle, and the loop of them.

A cycle polls every source that is due, a few at a time (conditional GETs, :mod:`.poll`),
fetches the pages of the items it has not seen (a few at a time), and stores them as
``rasd ingest`` does (:func:`rasd.corpus.ingest_items`), a batch of up to 16 fetched items (or
what came within half a second) at a time. A stop request (SIGINT/SIGTERM) fetches nothing
more: the items already fetched are stored and marked, and the cycle ends.

An item is marked seen only once its document is stored, so a killed watcher loses nothing: the
next cycle fetches again what was not marked (and the store skips what it already has); a
source's new ETag / Last-Modified and next poll are saved only once its items are stored (else
a restart would meet a 304 with items left behind). A page that cannot be read is tried again
on the next cycles, up to ``max_attempts`` times.

A healthy source is polled every cycle (its validators make that cheap); one that fails is
recorded with its error and polled again after an exponential back-off, at its next poll (a
minute early at most); the others go on. After the items, the alert rules look at the
documents stored since they last looked (:mod:`.alerts`), and every channel gets the alerts it
has not had yet (:mod:`.channels`).
"""

from __future__ import annotations

import datetime as dt
import threading
import time
from collections.abc import Callable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from dataclasses import dataclass, field

import httpx

from rasd.corpus import IngestSummary, ingest_items
from rasd.errors import InputError
from rasd.ingest.fetch import FetchOptions, client, fetch
from rasd.ingest.records import Failure, one_line
from rasd.ingest.web import document_from_html
from rasd.model import Document
from rasd.store import Store
from rasd.store.watch import FeedState, WatchStore
from rasd.version import __version__
from rasd.watch.poll import MAX_BACKOFF, Entry, Polled, backoff, poll

Log = Callable[[str], None]
SLACK = dt.timedelta(minutes=1)  #: a failing source's next poll may come this much early


def utc_now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


@dataclass(frozen=True)
class WatchOptions:
    """How often and how widely to poll."""

    every: dt.timedelta = dt.timedelta(minutes=10)
    feed_workers: int = 8          #: sources polled at once
    page_workers: int = 4          #: item pages fetched at once
    max_items: int = 500           #: items read from one feed per poll
    max_attempts: int = 3          #: tries of an item's page before it is given up
    batch: int = 16                #: items stored (and marked) together, at most ...
    batch_seconds: float = 0.5     #: ... and once the first of them waited this long
    backoff_cap: dt.timedelta = MAX_BACKOFF
    fetch: FetchOptions = field(default_factory=FetchOptions)


@dataclass
class CycleReport:
    """What one cycle did."""

    run_id: int = 0
    polled: int = 0
    unchanged: int = 0
    not_due: int = 0
    failed: list[FeedState] = field(default_factory=list)
    items: int = 0                 #: new items whose pages were read
    stored: int = 0                #: of which stored (new or already there)
    item_failures: int = 0
    alerts: list[int] = field(default_factory=list)
    stopped: bool = False
    summary: IngestSummary = field(default_factory=IngestSummary)

    def line(self) -> str:
        s = self.summary
        return (f"cycle (run {self.run_id}): {self.polled} polled, {self.unchanged} unchanged, "
                f"{len(self.failed)} failing, {self.not_due} backing off; {self.items} new "
                f"items, {s.new} new documents, {s.claims} claims, {self.item_failures} item "
                f"failures; {len(self.alerts)} alerts" + (" (stopped)" if self.stopped else ""))


class Watcher:
    """Polls ``sources`` into ``store``; :meth:`cycle` once, or :meth:`run` until ``stop``.

    ``alerts`` (the rules) and ``deliver`` (the channels) are called after each cycle that was
    not stopped; ``clock`` gives the time (tests move it)."""

    def __init__(self, store: Store, sources: list[str], options: WatchOptions | None = None,
                 *, stop: threading.Event | None = None, log: Log | None = None,
                 alerts: Callable[[Store], list[int]] | None = None,
                 deliver: Callable[[Store], object] | None = None,
                 clock: Callable[[], dt.datetime] = utc_now) -> None:
        self.store, self.sources = store, list(dict.fromkeys(sources))
        self.options = options or WatchOptions()
        self.stop = stop or threading.Event()
        self.log = log or (lambda line: None)
        self.alerts, self.deliver, self.clock = alerts, deliver, clock
        self.state = WatchStore(store)
        self._unsaved: dict[str, tuple[FeedState, Polled]] = {}  # polled, items not yet stored
        if not self.state.feeds():  # the first watch of this store: what is there is no news
            self.state.check_all_stored()

    # --- the loop ---------------------------------------------------------------------------

    def run(self, once: bool = False) -> list[CycleReport]:
        """Cycles every ``options.every`` until ``stop`` is set (one with ``once``)."""
        reports = []
        while not self.stop.is_set():
            started = self.clock()
            reports.append(self.cycle())
            if once:
                break
            wait_s = (started + self.options.every - self.clock()).total_seconds()
            self.stop.wait(max(0.0, wait_s))
        return reports

    def cycle(self) -> CycleReport:
        """One cycle (see the module docstring)."""
        report = CycleReport()
        self._unsaved.clear()
        run_id = self.store.start_run("watch " + " ".join(self.sources), __version__)
        report.run_id = report.summary.run_id = run_id
        status = "failed"
        try:
            with client(self.options.fetch) as http:
                polled = self._poll_due(http, report)
                self._read_items(http, polled, report)
            report.stopped = self.stop.is_set()
            if not report.stopped:
                self._commit_polls()
            if not report.stopped and self.alerts is not None:
                report.alerts = self.alerts(self.store)
            if not report.stopped and self.deliver is not None:
                self.deliver(self.store)
            status = "interrupted" if report.stopped else "finished"
        finally:
            s = report.summary
            self.store.finish_run(run_id, documents=s.new, claims=s.claims,
                                  failures=len(s.failures), status=status)
        self.log(report.line())
        return report

    # --- sources ------------------------------------------------------------------------------

    def _poll_due(self, http: httpx.Client, report: CycleReport) -> list[Polled]:
        now = self.clock()
        states = self.state.feed_states(self.sources)
        slack = min(self.options.every / 10, SLACK)  # cron and sleep are never exact
        due = [u for u in self.sources if states[u].failures == 0
               or (next_poll := states[u].next_poll) is None or next_poll <= now + slack]
        report.not_due = len(self.sources) - len(due)
        out = []
        with ThreadPoolExecutor(max_workers=max(1, self.options.feed_workers),
                                thread_name_prefix="rasd-watch-feed") as pool:
            futures = [pool.submit(poll, u, http, states[u], self.options.max_items)
                       for u in due]
            for future in futures:
                polled = future.result()
                self._record_poll(states[polled.url], polled, report)
                out.append(polled)
        self.state.save_feeds([states[p.url] for p in out])
        return out

    def _record_poll(self, state: FeedState, polled: Polled, report: CycleReport) -> None:
        now = self.clock()
        state.last_polled = now
        report.polled += 1
        if polled.status == "failed":
            state.failures += 1
            state.last_error = polled.error
            state.next_poll = now + backoff(state.failures, self.options.every,
                                            self.options.backoff_cap)
            report.failed.append(state)
            self.log(f"{state.url}: {polled.error} ({state.failures} failure(s) in a row; next "
                     f"poll {state.next_poll:%Y-%m-%d %H:%M:%S} UTC)")
        else:
            state.failures, state.last_error, state.last_success = 0, None, now
            report.unchanged += polled.status == "unchanged"
            for what in polled.skipped:
                self.log(f"{state.url}: feed item without a link ({what})")
            self._unsaved[state.url] = (state, polled)

    def _commit_polls(self) -> None:
        """Once every item is stored: the sources' new validators and next polls (saved
        earlier, a stopped or killed cycle would leave items behind a 304 and a later poll)."""
        for state, polled in self._unsaved.values():
            state.etag, state.last_modified = polled.etag, polled.last_modified
            state.next_poll = state.last_polled + self.options.every \
                if state.last_polled else self.clock() + self.options.every
        self.state.save_feeds([state for state, _ in self._unsaved.values()])
        self._unsaved.clear()

    # --- items --------------------------------------------------------------------------------

    def _todo(self, polled: list[Polled]) -> list[tuple[Polled, Entry]]:
        """New items of this poll (unseen, or failed fewer than ``max_attempts`` times), and
        the failed items of the sources polled, to try again even when they are unchanged."""
        todo: dict[str, tuple[Polled, Entry]] = {}
        for p in polled:
            for e in p.entries:
                todo.setdefault(e.key, (p, e))
        seen = self.state.items(list(todo))
        out = {key: pe for key, pe in todo.items()
               if key not in seen or (seen[key][0] == "failed"
                                      and seen[key][1] < self.options.max_attempts)}
        by_url = {p.url: p for p in polled if p.status != "failed"}
        for key, feed_url, link in self.state.retries(list(by_url), self.options.max_attempts):
            out.setdefault(key, (by_url[feed_url], Entry(key, link)))
        return list(out.values())

    def _read_items(self, http: httpx.Client, polled: list[Polled], report: CycleReport) -> None:
        """Fetched pages stored a batch at a time (a batch is one ingest and one marking);
        after a stop, the pages already fetched are stored and nothing more."""
        batch: list[tuple[Polled, Entry, Document | Failure]] = []
        started = 0.0
        for (p, entry), item in self._pages(http, self._todo(polled)):
            if not batch:
                started = time.monotonic()
            batch.append((p, entry, item))
            if len(batch) >= self.options.batch or self.stop.is_set() \
                    or time.monotonic() - started >= self.options.batch_seconds:
                self._store_items(batch, report)
                batch = []
            if self.stop.is_set():
                break
        self._store_items(batch, report)

    def _pages(self, http: httpx.Client, todo: list[tuple[Polled, Entry]]
               ) -> Iterator[tuple[tuple[Polled, Entry], Document | Failure]]:
        """Each item's page as a Document (or its failure), fetched a few at a time, as they
        come; nothing more is fetched once ``stop`` is set."""
        workers = max(1, self.options.page_workers)
        pool = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="rasd-watch-page")
        pending: dict[Future[Document | Failure], tuple[Polled, Entry]] = {}
        it = iter(todo)
        try:
            while not self.stop.is_set():
                while len(pending) < 2 * workers:
                    nxt = next(it, None)
                    if nxt is None:
                        break
                    pending[pool.submit(self._page, http, nxt[0], nxt[1])] = nxt
                if not pending:
                    return
                done, _ = wait(pending, return_when=FIRST_COMPLETED)
                for future in done:
                    yield pending.pop(future), future.result()
        finally:
            pool.shutdown(wait=False, cancel_futures=True)

    @staticmethod
    def _page(http: httpx.Client, polled: Polled, entry: Entry) -> Document | Failure:
        try:
            if polled.page is not None and entry.link == polled.url:  # a page source: read
                return document_from_html(polled.page, url=polled.url, source=entry.link,
                                          require_arabic=False)
            page = fetch(entry.link, http)
            return document_from_html(page.data, url=page.url, source=entry.link,
                                      outlet=polled.title, require_arabic=False)
        except InputError as exc:
            return Failure(entry.link, str(exc).removeprefix(f"{entry.link}: "), exc.code)
        except Exception as exc:  # noqa: BLE001 - one item's failure, the cycle goes on
            return Failure(entry.link, f"unexpected error ({one_line(exc)})")

    def _store_items(self, batch: list[tuple[Polled, Entry, Document | Failure]],
                     report: CycleReport) -> None:
        """Store items as ``ingest`` does, then mark each seen (stored) or failed."""
        if not batch:
            return
        before = len(report.summary.failures)
        ingest_items(self.store, [item for _, _, item in batch], report.summary)
        errors = {f.source: f.reason for f in report.summary.failures[before:]}
        tried = self.state.items([entry.key for _, entry, _ in batch])
        marks: list[tuple[str, str, str, str, str | None, str | None]] = []
        for polled, entry, item in batch:
            report.items += 1
            doc_id = None
            if isinstance(item, Document):
                doc_id = item.id if self.store.has_document(item.id) \
                    else self.store.document_id_for_text(item.text)
            if doc_id is not None:
                marks.append((entry.key, polled.url, entry.link, "stored", doc_id, None))
                report.stored += 1
                continue
            report.item_failures += 1
            error = errors.get(entry.link, "not stored")
            attempts = tried.get(entry.key, ("", 0))[1] + 1
            status = "given_up" if attempts >= self.options.max_attempts else "failed"
            marks.append((entry.key, polled.url, entry.link, status, None, error))
            self.log(f"{entry.link}: {error}" + (" (given up)" if status == "given_up" else ""))
        self.state.mark_items(marks)
