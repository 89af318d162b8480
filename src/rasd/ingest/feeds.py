"""RSS/Atom feeds: every item's page fetched and extracted, a few at a time, within bounds.

A feed reads at most ``max_items`` items (one failure line says how many were left out), fetches
them ``workers`` at a time in threads sharing one HTTP client, and gives up on whatever is not
read ``deadline`` seconds after it started (one failure line says how many). Each fetch's
timeouts are cut to the time left, so a silent server cannot hold the feed past its deadline.
Items come out as they are read (not in feed order); a progress line goes to
``options.progress`` every few seconds.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from typing import TYPE_CHECKING

from rasd.errors import InputError
from rasd.ingest.fetch import FetchOptions, fetch
from rasd.ingest.records import Failure, one_line
from rasd.model import Document

if TYPE_CHECKING:  # httpx is imported when a URL is fetched (rasd.ingest.fetch)
    import httpx

Item = Document | Failure
PROGRESS_EVERY = 2.0  #: seconds between progress lines


def looks_like_feed(data: bytes, content_type: str = "") -> bool:
    head = data[:2048].lstrip().lower()
    return ("rss" in content_type or "atom" in content_type
            or b"<rss" in head or b"<feed" in head or b"<rdf:rdf" in head)


def read_feed(data: bytes, source: str, http: httpx.Client, require_arabic: bool = True,
              options: FetchOptions | None = None) -> Iterator[Item]:
    """Every item of an RSS/Atom feed (up to the item cap), its page fetched and extracted."""
    import feedparser

    options = options or FetchOptions()
    feed = feedparser.parse(data)
    if feed.bozo and not feed.entries:
        yield Failure(source, f"not a readable feed ({feed.bozo_exception})", "bad_input")
        return
    links = []
    for entry in feed.entries:
        link = entry.get("link")
        if link:
            links.append(link)
        else:
            yield Failure(source, "feed item without a link")
    if len(links) > options.max_items:
        yield Failure(source, f"{len(links):,} items; only the first {options.max_items:,} are "
                              "read (the item cap)", "item_cap")
        links = links[:options.max_items]
    yield from _Items(links, source, feed.feed.get("title"), http, require_arabic,
                      options).read()


class _Items:
    """The bounded concurrent fetch of a feed's items."""

    def __init__(self, links: list[str], source: str, outlet: str | None, http: httpx.Client,
                 require_arabic: bool, options: FetchOptions) -> None:
        self.links, self.source, self.outlet, self.http = links, source, outlet, http
        self.require_arabic, self.options = require_arabic, options
        self.deadline = time.monotonic() + options.deadline
        self.done = self.failed = 0

    def one(self, link: str) -> Item:
        """One item's page as a Document, or its failure (never raises)."""
        from rasd.ingest.web import document_from_html

        try:
            page = fetch(link, self.http, deadline=self.deadline)
            return document_from_html(page.data, url=page.url, source=link, outlet=self.outlet,
                                      require_arabic=self.require_arabic)
        except InputError as exc:
            return Failure(link, str(exc).removeprefix(f"{link}: "), exc.code)
        except Exception as exc:  # noqa: BLE001 - one item's failure, the feed goes on
            return Failure(link, f"unexpected error ({one_line(exc)})")

    def read(self) -> Iterator[Item]:
        workers = max(1, self.options.workers)
        pool = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="rasd-feed")
        todo = iter(self.links)
        pending: set[Future[Item]] = set()
        last = time.monotonic()
        try:
            while True:
                while len(pending) < 2 * workers and time.monotonic() < self.deadline:
                    link = next(todo, None)
                    if link is None:
                        break
                    pending.add(pool.submit(self.one, link))
                left = self.deadline - time.monotonic()
                if not pending or left <= 0:
                    break
                finished, pending = wait(pending, timeout=min(PROGRESS_EVERY, left),
                                         return_when=FIRST_COMPLETED)
                for future in finished:
                    item = future.result()
                    self.done += 1
                    self.failed += isinstance(item, Failure)
                    yield item
                if time.monotonic() - last >= PROGRESS_EVERY:
                    self.report()
                    last = time.monotonic()
        finally:
            pool.shutdown(wait=False, cancel_futures=True)
        missed = len(self.links) - self.done
        if missed:
            yield Failure(self.source, f"deadline of {self.options.deadline:g} s passed: "
                                       f"{missed:,} of {len(self.links):,} items not read",
                          "deadline")
        if len(self.links) > 2 * workers:
            self.report()

    def report(self) -> None:
        if self.options.progress:
            left = max(0.0, self.deadline - time.monotonic())
            self.options.progress(f"{self.source}: {self.done:,}/{len(self.links):,} feed items "
                                  f"read ({self.failed:,} failed), {left:.0f} s to the deadline")
