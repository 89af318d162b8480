"""Plain text, JSONL records and stdin into Documents, with one-line errors for bad input.

Bytes are decoded as UTF-8 (BOM tolerated), else cp1256; binary data, empty text, text with no
Arabic letters and absurdly long records are refused with an :class:`InputError` naming the
input. In a JSONL batch a bad line is reported as a :class:`Failure` and the rest goes on.
"""

from __future__ import annotations

import hashlib
import io
import json
import re
from dataclasses import dataclass
from typing import BinaryIO, Iterator, Union

from rasd.errors import InputError, RecordError
from rasd.ingest.text import decode, strip_boilerplate
from rasd.model import Document

MAX_CHARS = 1_000_000          # longest article accepted (characters)
MAX_LINE_BYTES = 8_000_000     # longest JSONL line accepted (bytes)
MIN_ARABIC_SHARE = 0.2         # share of letters that must be Arabic
SHARE_SAMPLE = 1500            # characters looked at for that share (title and lead)
_NOT_LETTER = re.compile(r"[\W\d_]+")
_ARABIC_RANGES = ((0x0600, 0x06FF), (0x0750, 0x077F), (0x08A0, 0x08FF), (0xFB50, 0xFDFF),
                  (0xFE70, 0xFEFF))
_NOT_ARABIC = re.compile("[^" + "".join(f"{chr(lo)}-{chr(hi)}" for lo, hi in _ARABIC_RANGES) + "]+")


@dataclass(frozen=True, slots=True)
class Failure:
    """A record that could not be processed: where it was and why."""

    source: str
    reason: str
    code: str = "bad_record"

    def __str__(self) -> str:
        return f"{self.source}: {self.reason}"


def arabic_share(text: str) -> float:
    """Share of the letters (of the first 1,500 characters) that are Arabic."""
    sample = _NOT_LETTER.sub("", text[:SHARE_SAMPLE])
    return len(_NOT_ARABIC.sub("", sample)) / len(sample) if sample else 0.0


def check_text(text: str, source: str, require_arabic: bool = True) -> str:
    """``text`` if it is a usable article (Arabic unless told otherwise), else an InputError
    naming ``source``."""
    if not text or not text.strip():
        raise InputError("empty text", source=source)
    if len(text) > MAX_CHARS:
        raise InputError(f"text too long ({len(text):,} characters; limit {MAX_CHARS:,})",
                         source=source)
    if require_arabic and arabic_share(text) < MIN_ARABIC_SHARE:
        raise InputError("not Arabic text (no or too few Arabic letters)", source=source)
    return text


def make_document(text: str, *, id: str | None = None, title: str | None = None,
                  published: str | None = None, outlet: str | None = None,
                  url: str | None = None, source: str = "<text>",
                  require_arabic: bool = True) -> Document:
    """A Document for an article; the title, when given, is its first line."""
    title = (title or "").strip()
    full = f"{title}\n{text or ''}" if title else (text or "")
    check_text(full, source, require_arabic)
    doc_id = id or hashlib.sha256(full.encode("utf-8")).hexdigest()[:16]
    return Document(id=str(doc_id), text=full, published=published or None, outlet=outlet,
                    url=url, title_end=len(title))


def document_from_record(record: object, source: str, require_arabic: bool = True) -> Document:
    """A Document from one corpus-format record (id, title, text, published, outlet, url)."""
    if not isinstance(record, dict):
        raise RecordError("record is not a JSON object", source=source)
    text = record.get("text")
    if not isinstance(text, str):
        raise RecordError("record has no 'text' string", source=source)
    title = record.get("title") if isinstance(record.get("title"), str) else None
    published = record.get("published")
    return make_document(text, id=str(record["id"]) if record.get("id") is not None else None,
                         title=title, published=str(published) if published else None,
                         outlet=record.get("outlet"), url=record.get("url"), source=source,
                         require_arabic=require_arabic)


def _lines(fh: BinaryIO) -> Iterator[tuple[int, bytes | None]]:
    """Lines of a binary stream; an over-long line comes as None (and is skipped whole)."""
    number = 0
    while True:
        line = fh.readline(MAX_LINE_BYTES)
        if not line:
            return
        number += 1
        if len(line) >= MAX_LINE_BYTES and not line.endswith(b"\n"):
            while True:  # drain the rest of the long line
                more = fh.readline(MAX_LINE_BYTES)
                if not more or more.endswith(b"\n"):
                    break
            yield number, None
            continue
        yield number, line


def read_jsonl(fh: BinaryIO, name: str,
               require_arabic: bool = True) -> Iterator[Union[Document, Failure]]:
    """Documents of a JSONL stream; bad lines come as Failures naming the line."""
    for number, line in _lines(fh):
        where = f"{name}:{number}"
        if line is None:
            yield Failure(where, f"line longer than {MAX_LINE_BYTES:,} bytes")
            continue
        if not line.strip():
            continue
        try:
            record = json.loads(decode(line, where))
            yield document_from_record(record, where, require_arabic)
        except json.JSONDecodeError as exc:
            yield Failure(where, f"invalid JSON ({exc.msg} at column {exc.colno})")
        except InputError as exc:
            yield Failure(where, str(exc).removeprefix(f"{where}: "), exc.code)


_BOM = b"\xef\xbb\xbf"
SNIFF_BYTES = 4096


def _looks_like_jsonl(head: bytes) -> bool:
    return head.removeprefix(_BOM).lstrip().startswith(b"{")


def read_stream(fh: BinaryIO, name: str,
                require_arabic: bool = True) -> Iterator[Union[Document, Failure]]:
    """A stream that is either JSONL records or one plain-text article."""
    if not hasattr(fh, "peek"):
        fh = io.BufferedReader(fh)  # type: ignore[arg-type]
    head = fh.peek(SNIFF_BYTES)[:SNIFF_BYTES]  # type: ignore[attr-defined]
    if _looks_like_jsonl(head):
        yield from read_jsonl(fh, name, require_arabic)
        return
    data = fh.read(MAX_CHARS * 4 + 1)
    if len(data) > MAX_CHARS * 4:
        yield Failure(name, f"input larger than {MAX_CHARS * 4:,} bytes", "bad_input")
        return
    try:
        yield make_document(strip_boilerplate(decode(data, name)), source=name,
                            require_arabic=require_arabic)
    except InputError as exc:
        yield Failure(name, str(exc).removeprefix(f"{name}: "), exc.code)
