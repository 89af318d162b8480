"""HTML pages, RSS/Atom feeds, WARC archives and URLs into Documents.

HTML goes through trafilatura (main text, title, date; navigation and "related" blocks left
out), feeds through feedparser (each item's page is then fetched), WARC through warcio, and URLs
through httpx with timeouts, a size limit, redirects and a polite User-Agent. Every failure is
a :class:`~rasd.ingest.records.Failure` naming the input; the rest goes on.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import BinaryIO, Iterator, Union

import httpx

from rasd.version import __version__
from rasd.errors import InputError
from rasd.ingest.records import Failure, make_document
from rasd.ingest.text import decode, strip_boilerplate
from rasd.model import Document

Item = Union[Document, Failure]
USER_AGENT = f"rasd/{__version__} (Arabic news claim extraction; research use)"
MAX_BYTES = 5_000_000
TIMEOUT = httpx.Timeout(20.0, connect=10.0)


@dataclass(frozen=True, slots=True)
class Page:
    """Raw bytes fetched from somewhere, with what is known about them."""

    url: str
    data: bytes
    content_type: str = ""


def document_from_html(html: bytes | str, *, url: str | None = None, source: str = "<html>",
                       outlet: str | None = None, require_arabic: bool = True) -> Document:
    """The article of an HTML page (title, body, date) as a Document."""
    import trafilatura

    text = decode(html, source) if isinstance(html, bytes) else html
    extracted = trafilatura.bare_extraction(text, url=url, with_metadata=True,
                                            include_comments=False, include_tables=False,
                                            favor_precision=True)
    body = getattr(extracted, "text", None) if extracted is not None else None
    if not body:
        raise InputError("no article text found in the page", source=source)
    title = getattr(extracted, "title", None)
    date = getattr(extracted, "date", None)
    site = getattr(extracted, "sitename", None)
    return make_document(strip_boilerplate(body), title=title, published=date, url=url,
                         outlet=outlet or site, source=source, require_arabic=require_arabic)


def fetch(url: str, client: httpx.Client) -> Page:
    """GET ``url`` (redirects followed, size limited); an InputError names the URL on failure."""
    try:
        with client.stream("GET", url) as response:
            response.raise_for_status()
            chunks: list[bytes] = []
            size = 0
            for chunk in response.iter_bytes():
                size += len(chunk)
                if size > MAX_BYTES:
                    raise InputError(f"larger than {MAX_BYTES:,} bytes", source=url)
                chunks.append(chunk)
            return Page(str(response.url), b"".join(chunks),
                        response.headers.get("content-type", ""))
    except httpx.HTTPStatusError as exc:
        raise InputError(f"HTTP {exc.response.status_code}", source=url) from exc
    except httpx.HTTPError as exc:
        raise InputError(f"cannot fetch ({type(exc).__name__}: {exc})", source=url) from exc


def client() -> httpx.Client:
    """An HTTP client with rasd's timeouts, redirects and User-Agent."""
    return httpx.Client(timeout=TIMEOUT, follow_redirects=True, max_redirects=5,
                        headers={"User-Agent": USER_AGENT})


def looks_like_feed(data: bytes, content_type: str = "") -> bool:
    head = data[:2048].lstrip().lower()
    return ("rss" in content_type or "atom" in content_type
            or b"<rss" in head or b"<feed" in head or b"<rdf:rdf" in head)


def read_feed(data: bytes, source: str, http: httpx.Client,
              require_arabic: bool = True) -> Iterator[Item]:
    """Every item of an RSS/Atom feed, its page fetched and extracted."""
    import feedparser

    feed = feedparser.parse(data)
    if feed.bozo and not feed.entries:
        yield Failure(source, f"not a readable feed ({feed.bozo_exception})", "bad_input")
        return
    outlet = feed.feed.get("title")
    for entry in feed.entries:
        link = entry.get("link")
        if not link:
            yield Failure(source, "feed item without a link")
            continue
        try:
            page = fetch(link, http)
            yield document_from_html(page.data, url=page.url, source=link, outlet=outlet,
                                     require_arabic=require_arabic)
        except InputError as exc:
            yield Failure(link, str(exc).removeprefix(f"{link}: "), exc.code)


def read_url(url: str, http: httpx.Client, require_arabic: bool = True) -> Iterator[Item]:
    """An article page or a feed at ``url``."""
    try:
        page = fetch(url, http)
        if looks_like_feed(page.data, page.content_type):
            yield from read_feed(page.data, url, http, require_arabic)
        else:
            yield document_from_html(page.data, url=page.url, source=url,
                                     require_arabic=require_arabic)
    except InputError as exc:
        yield Failure(url, str(exc).removeprefix(f"{url}: "), exc.code)


def read_warc(fh: BinaryIO, source: str, require_arabic: bool = True) -> Iterator[Item]:
    """Every HTML response record of a WARC file (gzip or plain)."""
    from warcio.archiveiterator import ArchiveIterator

    pages = 0
    try:
        for record in ArchiveIterator(fh):
            if record.rec_type != "response":
                continue
            ctype = record.http_headers.get_header("Content-Type", "") if record.http_headers \
                else ""
            if "html" not in ctype:
                continue
            url = record.rec_headers.get_header("WARC-Target-URI") or source
            pages += 1
            try:
                yield document_from_html(record.content_stream().read(), url=url, source=url,
                                         require_arabic=require_arabic)
            except InputError as exc:
                yield Failure(url, str(exc).removeprefix(f"{url}: "), exc.code)
    except Exception as exc:  # warcio raises bare exceptions for corrupt archives
        yield Failure(source, f"unreadable WARC ({type(exc).__name__}: {exc})", "bad_input")
        return
    if pages == 0:
        yield Failure(source, "no HTML response records in the WARC", "bad_input")
