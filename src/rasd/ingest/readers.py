"""One entry point for every kind of input: files, folders, stdin, HTML, WARC, feeds, URLs.

The kind is chosen by URL scheme, file suffix, or (for stdin and unknown suffixes) by sniffing
the first bytes. Bad inputs come out as :class:`Failure` items; the stream goes on. Every read
is bounded: HTML and feed files are read up to :data:`~rasd.ingest.fetch.MAX_BYTES`, text
and JSONL as :mod:`rasd.ingest.records` says, WARC as :mod:`rasd.ingest.web` says; URLs are
fetched as ``fetch`` (:class:`~rasd.ingest.fetch.FetchOptions`) says.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO, Literal, overload

from rasd.errors import InputError
from rasd.ingest.fetch import MAX_BYTES, FetchOptions, client
from rasd.ingest.records import Failure, RawRecord, one_line, read_stream
from rasd.ingest.web import document_from_html, looks_like_feed, read_feed, read_url, read_warc
from rasd.model import Document

if TYPE_CHECKING:  # httpx is imported when a URL is fetched (rasd.ingest.fetch)
    import httpx

Item = Document | Failure
RawItem = Document | Failure | RawRecord
TEXT_SUFFIXES = (".txt", ".jsonl", ".json")
HTML_SUFFIXES = (".html", ".htm", ".xhtml")
WARC_SUFFIXES = (".warc", ".warc.gz", ".arc", ".arc.gz")
FEED_SUFFIXES = (".rss", ".atom", ".xml")
FOLDER_SUFFIXES = TEXT_SUFFIXES + HTML_SUFFIXES + WARC_SUFFIXES + FEED_SUFFIXES


def file_suffix(path: Path) -> str:
    """A file's kind by its name: the lower-case suffix (``.warc.gz`` as one)."""
    name = path.name.lower()
    for suffix in WARC_SUFFIXES:
        if name.endswith(suffix):
            return suffix
    return path.suffix.lower()


def read_file(path: Path, http: httpx.Client | None = None, require_arabic: bool = True,
              fetch: FetchOptions | None = None, raw: bool = False) -> Iterator[RawItem]:
    """Documents of one file, by its kind (JSONL lines as RawRecords with ``raw``)."""
    suffix = file_suffix(path)
    try:
        with path.open("rb") as fh:
            if suffix in WARC_SUFFIXES:
                yield from read_warc(fh, str(path), require_arabic)
            elif suffix in HTML_SUFFIXES:
                yield _bounded(fh, str(path)) or _html(fh.read(), str(path), require_arabic)
            elif suffix in FEED_SUFFIXES or looks_like_feed(fh.peek(2048)):
                too_big = _bounded(fh, str(path))
                if too_big:
                    yield too_big
                    return
                with _client(http, fetch) as own:
                    yield from read_feed(fh.read(), str(path), own, require_arabic, fetch)
            else:
                yield from read_stream(fh, str(path), require_arabic, raw)
    except OSError as exc:
        yield Failure(str(path), exc.strerror or str(exc), "bad_input")


def _bounded(fh: BinaryIO, source: str) -> Failure | None:
    """A Failure when the file is larger than :data:`MAX_BYTES` (read whole otherwise)."""
    try:
        size = os.fstat(fh.fileno()).st_size
    except (OSError, AttributeError, ValueError):
        return None
    if size > MAX_BYTES:
        return Failure(source, f"file larger than {MAX_BYTES:,} bytes", "too_large")
    return None


def _html(data: bytes, source: str, require_arabic: bool = True) -> Item:
    try:
        return document_from_html(data, source=source, require_arabic=require_arabic)
    except InputError as exc:
        return Failure(source, str(exc).removeprefix(f"{source}: "), exc.code)


class _client:
    """The caller's HTTP client (used as it is), or a fresh one with rasd's guard, closed on
    exit."""

    def __init__(self, http: httpx.Client | None, options: FetchOptions | None) -> None:
        self.http, self.own, self.options = http, http is None, options

    def __enter__(self) -> httpx.Client:
        if self.http is None:
            self.http = client(self.options)
        return self.http

    def __exit__(self, *exc: object) -> None:
        if self.own and self.http is not None:
            self.http.close()


@overload
def read_inputs(paths: list[str], stdin: BinaryIO | None = None,
                http: httpx.Client | None = None, require_arabic: bool = True,
                fetch: FetchOptions | None = None, raw: Literal[False] = False
                ) -> Iterator[Document | Failure]: ...
@overload
def read_inputs(paths: list[str], stdin: BinaryIO | None = None,
                http: httpx.Client | None = None, require_arabic: bool = True,
                fetch: FetchOptions | None = None, *, raw: bool) -> Iterator[RawItem]: ...
def read_inputs(paths: list[str], stdin: BinaryIO | None = None,
                http: httpx.Client | None = None, require_arabic: bool = True,
                fetch: FetchOptions | None = None, raw: bool = False) -> Iterator[RawItem]:
    """Documents (or Failures) from files, folders, ``-`` (stdin) and http(s) URLs; with
    ``require_arabic`` off, texts in other languages come through too (for storing). URLs
    and feed items are fetched as ``fetch`` says (by default: no private addresses). An
    unexpected error in one input is that input's failure; the next inputs are read. With
    ``raw``, JSONL lines come unparsed (:class:`~rasd.ingest.records.RawRecord`), for a
    process pool to parse in its workers."""
    for path in paths or ["-"]:
        try:
            yield from _read_one(path, stdin, http, require_arabic, fetch, raw)
        except Exception as exc:  # noqa: BLE001 - recorded, and the batch goes on
            yield Failure(path, f"unexpected error ({one_line(exc)})", "bad_input")


def _read_one(path: str, stdin: BinaryIO | None, http: httpx.Client | None,
              require_arabic: bool, fetch: FetchOptions | None,
              raw: bool = False) -> Iterator[RawItem]:
    """The documents of one input (see :func:`read_inputs`)."""
    if path == "-":
        if stdin is None:
            yield Failure("<stdin>", "no standard input", "bad_input")
        else:
            yield from read_stream(stdin, "<stdin>", require_arabic, raw)
    elif path.startswith(("http://", "https://")):
        with _client(http, fetch) as own:
            yield from read_url(path, own, require_arabic, fetch)
    else:
        p = Path(path)
        if not p.exists():
            yield Failure(path, "no such file or folder", "bad_input")
        elif p.is_dir():
            for f in sorted(p.rglob("*")):
                if f.is_file() and (file_suffix(f) in FOLDER_SUFFIXES):
                    yield from read_file(f, http, require_arabic, fetch, raw)
        else:
            yield from read_file(p, http, require_arabic, fetch, raw)
