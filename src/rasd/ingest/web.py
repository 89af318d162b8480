"""HTML pages, WARC archives and URLs into Documents (feeds: :mod:`rasd.ingest.feeds`; fetching
and its guard: :mod:`rasd.ingest.fetch`).

HTML goes through trafilatura (main text, title, date; navigation and "related" blocks left
out), WARC through warcio, streamed with bounds: an HTML record's body is read up to
:data:`MAX_BYTES` (a bigger one is that record's failure), and no record may decompress to more
than :data:`MAX_RECORD_BYTES` (headers included) — past that, a gzip bomb or a broken archive,
the rest of the archive is not read. Every failure is a
:class:`~rasd.ingest.records.Failure` naming the input; the rest goes on.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache
from typing import TYPE_CHECKING, Any, BinaryIO

from rasd.errors import InputError
from rasd.ingest.feeds import looks_like_feed, read_feed
from rasd.ingest.fetch import MAX_BYTES, FetchOptions, Page, client, fetch
from rasd.ingest.records import Failure, make_document, one_line
from rasd.ingest.text import decode, strip_boilerplate
from rasd.model import Document

if TYPE_CHECKING:  # httpx is imported when a URL is fetched (rasd.ingest.fetch)
    import httpx

__all__ = ["MAX_BYTES", "MAX_RECORD_BYTES", "FetchOptions", "Page", "client",
           "document_from_html", "fetch", "looks_like_feed", "read_feed", "read_url",
           "read_warc"]

Item = Document | Failure
MAX_RECORD_BYTES = 100_000_000  #: most bytes one WARC record may decompress to
MAX_HEADER_LINE = 1_000_000     #: longest WARC/HTTP header line read at once (bytes)


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


def read_url(url: str, http: httpx.Client, require_arabic: bool = True,
             options: FetchOptions | None = None) -> Iterator[Item]:
    """An article page or a feed at ``url``."""
    try:
        page = fetch(url, http)
        if looks_like_feed(page.data, page.content_type):
            yield from read_feed(page.data, url, http, require_arabic, options)
        else:
            yield document_from_html(page.data, url=page.url, source=url,
                                     require_arabic=require_arabic)
    except InputError as exc:
        yield Failure(url, str(exc).removeprefix(f"{url}: "), exc.code)


class RecordTooLarge(InputError):
    """A WARC record decompresses to more than the cap."""


@lru_cache(maxsize=1)
def _bounded_reader() -> type:
    """warcio's reader, with the bytes delivered since the current record began counted (an
    error past :data:`MAX_RECORD_BYTES`) and header lines read at most
    :data:`MAX_HEADER_LINE` bytes at a time (made on first use: warcio is imported only to
    read a WARC)."""
    from warcio.bufferedreaders import DecompressingBufferedReader

    class BoundedReader(DecompressingBufferedReader):
        record_bytes = 0

        def _process_read(self, data: bytes) -> None:
            super()._process_read(data)
            self.record_bytes += self.buff_size
            if self.record_bytes > MAX_RECORD_BYTES:
                raise RecordTooLarge(f"a record decompresses to more than {MAX_RECORD_BYTES:,} "
                                     "bytes (a gzip bomb?); the rest of the archive is not read")

        def readline(self, length: int | None = None) -> bytes:
            return super().readline(MAX_HEADER_LINE if length is None
                                    else min(length, MAX_HEADER_LINE))

    return BoundedReader


def read_warc(fh: BinaryIO, source: str, require_arabic: bool = True) -> Iterator[Item]:
    """Every HTML response record of a WARC file (gzip or plain), streamed with bounds."""
    from warcio.archiveiterator import ArchiveIterator

    archive = ArchiveIterator(fh)
    reader = archive.reader = _bounded_reader()(archive.fh)
    pages = 0
    try:
        for record in archive:
            reader.record_bytes = 0
            if record.rec_type != "response":
                continue
            ctype = record.http_headers.get_header("Content-Type", "") if record.http_headers \
                else ""
            if "html" not in ctype:
                continue
            url = record.rec_headers.get_header("WARC-Target-URI") or source
            pages += 1
            yield _warc_page(record, url, require_arabic)
    except RecordTooLarge as exc:
        yield Failure(source, str(exc), "too_large")
        return
    except Exception as exc:  # noqa: BLE001 - warcio raises bare exceptions for corrupt archives
        yield Failure(source, f"unreadable WARC ({one_line(exc)})", "bad_input")
        return
    if pages == 0:
        yield Failure(source, "no HTML response records in the WARC", "bad_input")


def _warc_page(record: Any, url: str, require_arabic: bool) -> Item:
    """One HTML response record as a Document, or its failure (body over :data:`MAX_BYTES`)."""
    data = record.content_stream().read(MAX_BYTES + 1)  # a warcio record: no type hints
    if len(data) > MAX_BYTES:
        return Failure(url, f"record body larger than {MAX_BYTES:,} bytes; skipped", "too_large")
    try:
        return document_from_html(data, url=url, source=url, require_arabic=require_arabic)
    except InputError as exc:
        return Failure(url, str(exc).removeprefix(f"{url}: "), exc.code)
