"""Polling one source: a conditional GET (ETag / Last-Modified, a 304 is "nothing new"), its
new items read with feedparser, and the exponential back-off of a source that fails.

The GET goes through rasd's HTTP client (:func:`rasd.ingest.fetch.client`: timeouts,
redirects, the private-address guard) with the same size limit and deadline as any fetch.
"""

from __future__ import annotations

import datetime as dt
import time
from dataclasses import dataclass, field

import httpx

from rasd.errors import InputError
from rasd.ingest.feeds import looks_like_feed
from rasd.ingest.fetch import MAX_BYTES, PAGE_DEADLINE
from rasd.store.watch import FeedState, item_key

MAX_BACKOFF = dt.timedelta(hours=6)  #: longest wait after repeated failures


@dataclass(frozen=True, slots=True)
class Entry:
    """A feed item: its seen-key and the link to its page."""

    key: str
    link: str


@dataclass(slots=True)
class Polled:
    """What one poll of a source found."""

    url: str
    status: str                      #: new (200) | unchanged (304) | failed
    entries: list[Entry] = field(default_factory=list)
    title: str | None = None         #: the feed's title (its outlet)
    etag: str | None = None
    last_modified: str | None = None
    error: str | None = None
    skipped: list[str] = field(default_factory=list)  #: items without a link
    page: bytes | None = None        #: the body, when the source is a page (its one item)


def backoff(failures: int, every: dt.timedelta, cap: dt.timedelta = MAX_BACKOFF
            ) -> dt.timedelta:
    """How long to wait after ``failures`` consecutive failures: the poll interval doubled per
    failure after the first (``every``, 2×, 4× ...), at most ``cap``."""
    if failures <= 0:
        return every
    return min(every * (2 ** min(failures - 1, 30)), max(cap, every))


def conditional_get(url: str, http: httpx.Client, state: FeedState, *,
                    max_bytes: int = MAX_BYTES, deadline: float = PAGE_DEADLINE
                    ) -> tuple[int, bytes, httpx.Headers]:
    """GET ``url`` with the validators of its last answer; (status, body, headers) of a 200 or
    a 304. An InputError names what went wrong (HTTP status, network, size, deadline, a refused
    address)."""
    headers = {}
    if state.etag:
        headers["If-None-Match"] = state.etag
    if state.last_modified:
        headers["If-Modified-Since"] = state.last_modified
    end = time.monotonic() + deadline
    try:
        with http.stream("GET", url, headers=headers) as response:
            if response.status_code == 304:
                return 304, b"", response.headers
            if response.status_code != 200:
                raise InputError(f"HTTP {response.status_code}")
            chunks: list[bytes] = []
            size = 0
            for chunk in response.iter_bytes():
                size += len(chunk)
                if size > max_bytes:
                    raise InputError(f"larger than {max_bytes:,} bytes")
                if time.monotonic() > end:
                    raise InputError("took longer than its deadline")
                chunks.append(chunk)
            return 200, b"".join(chunks), response.headers
    except InputError:
        raise
    except (httpx.InvalidURL, ValueError, UnicodeError) as exc:
        raise InputError(f"invalid URL ({exc})") from None
    except httpx.HTTPError as exc:
        raise InputError(f"cannot fetch ({type(exc).__name__}: {exc or 'no answer'})") from exc


def poll(url: str, http: httpx.Client, state: FeedState, max_items: int) -> Polled:
    """Poll one source (never raises): a feed gives its items (the first ``max_items``), a page
    gives itself as its one item."""
    import feedparser

    try:
        status, body, headers = conditional_get(url, http, state)
    except InputError as exc:
        return Polled(url, "failed", error=str(exc))
    etag = headers.get("etag") or (state.etag if status == 304 else None)
    modified = headers.get("last-modified") or (state.last_modified if status == 304 else None)
    if status == 304:
        return Polled(url, "unchanged", etag=etag, last_modified=modified)
    if not looks_like_feed(body, headers.get("content-type", "")):
        return Polled(url, "new", [Entry(item_key(None, url), url)], etag=etag,
                      last_modified=modified, page=body)
    feed = feedparser.parse(body)
    if feed.bozo and not any(e.get("link") for e in feed.entries):
        return Polled(url, "failed", error=f"not a readable feed ({feed.bozo_exception})")
    out = Polled(url, "new", title=feed.feed.get("title"), etag=etag, last_modified=modified)
    for entry in feed.entries[:max_items]:
        link = entry.get("link")
        if not link:
            out.skipped.append(str(entry.get("id") or entry.get("title") or "?"))
            continue
        out.entries.append(Entry(item_key(entry.get("id"), link), link))
    return out
