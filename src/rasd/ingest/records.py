"""Plain text, JSONL records and stdin into Documents, with one-line errors for bad input.

Bytes are decoded as UTF-8 (BOM tolerated), else cp1256; binary data, empty text, text with no
Arabic letters and absurdly long records are refused with an :class:`InputError` naming the
input. In a JSONL batch each line is read under one guard: a bad line (invalid JSON, nested
deeper than :data:`MAX_JSON_DEPTH`, a field of the wrong type, or any unexpected error) is
reported as a :class:`Failure` naming ``file:line`` and the reason, and the rest goes on.

Lone UTF-16 surrogates (a JSON ``"\\ud800"`` escape decodes to one) cannot be encoded, hashed or
stored: :func:`make_document` replaces each with U+FFFD, one character for one, so offsets are
unchanged and the document's id is the hash of its UTF-8 bytes.
"""

from __future__ import annotations

import hashlib
import io
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import BinaryIO

from rasd.errors import InputError, RecordError
from rasd.ingest.text import decode, strip_boilerplate
from rasd.model import Document, OrigOffset

MAX_CHARS = 1_000_000          # longest article accepted (characters)
MAX_LINE_BYTES = 8_000_000     # longest JSONL line accepted (bytes)
MAX_JSON_DEPTH = 32           # deepest nesting of arrays/objects accepted in a JSONL record
MIN_ARABIC_SHARE = 0.2         # share of letters that must be Arabic
SHARE_SAMPLE = 1500            # characters looked at for that share (title and lead)
_NOT_LETTER = re.compile(r"[\W\d_]+")
_ARABIC_RANGES = ((0x0600, 0x06FF), (0x0750, 0x077F), (0x08A0, 0x08FF), (0xFB50, 0xFDFF),
                  (0xFE70, 0xFEFF))
_NOT_ARABIC = re.compile("[^" + "".join(f"{chr(lo)}-{chr(hi)}" for lo, hi in _ARABIC_RANGES) + "]+")
# the basic Arabic letters (hamza .. ghain, feh .. yeh): letters, and Arabic, by a plain range test
_BASIC_LETTERS = f"[{chr(0x0621)}-{chr(0x063A)}{chr(0x0641)}-{chr(0x064A)}]"
_BASIC_ARABIC = re.compile(_BASIC_LETTERS + _BASIC_LETTERS + "*")  # [..]+: re skips ahead fast
_SURROGATE = re.compile("[\ud800-\udfff]")
_JSON_STRING = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"')
_JSON_BRACKET = re.compile(r"[\[\]{}]")
#: record fields that must be a JSON string or null (``id`` may also be an integer)
STRING_FIELDS = ("title", "published", "outlet", "url")


@dataclass(frozen=True, slots=True)
class Failure:
    """A record that could not be processed: where it was and why."""

    source: str
    reason: str
    code: str = "bad_record"

    def __str__(self) -> str:
        return f"{self.source}: {self.reason}"


def arabic_share(text: str) -> float:
    """Share of the letters (of the first 1,500 characters) that are Arabic. The basic Arabic
    letters, most of an article, are counted by one cheap range pass; only the rest goes
    through the (slower, Unicode-wide) letter test."""
    head = text[:SHARE_SAMPLE]
    rest = _BASIC_ARABIC.sub("", head)
    basic = len(head) - len(rest)
    sample = _NOT_LETTER.sub("", rest)
    letters = basic + len(sample)
    return (basic + len(_NOT_ARABIC.sub("", sample))) / letters if letters else 0.0


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


def without_surrogates(value: str) -> str:
    """``value`` with every lone surrogate replaced by U+FFFD (same length, so same offsets)."""
    return _SURROGATE.sub("\ufffd", value)


def _clean(value: object) -> str | None:
    return without_surrogates(str(value)) if value is not None and value != "" else None


def make_document(text: str, *, id: str | None = None, title: str | None = None,
                  published: str | None = None, outlet: str | None = None,
                  url: str | None = None, source: str = "<text>",
                  require_arabic: bool = True) -> Document:
    """A Document for an article; the title, when given, is its first line. ``source`` (the
    input it came from) is kept in ``meta["source"]`` for error messages."""
    title = without_surrogates((title or "").strip())
    full = f"{title}\n{text or ''}" if title else (text or "")
    check_text(full, source, require_arabic)
    full = without_surrogates(full)
    doc_id = _clean(id) or hashlib.sha256(full.encode("utf-8")).hexdigest()[:16]
    return Document(id=doc_id, text=full, published=_clean(published),
                    outlet=_clean(outlet), url=_clean(url), title_end=OrigOffset(len(title)),
                    meta={"source": source})


def json_too_deep(line: str, limit: int = MAX_JSON_DEPTH) -> bool:
    """Whether the JSON text nests arrays/objects deeper than ``limit`` (brackets inside
    strings do not count); linear, and cheap for the usual flat record."""
    if line.count("[") + line.count("{") <= limit:
        return False
    depth = 0
    for bracket in _JSON_BRACKET.finditer(_JSON_STRING.sub("", line)):
        depth += 1 if bracket.group() in "[{" else -1
        if depth > limit:
            return True
    return False


def _json_type(value: object) -> str:
    names = {dict: "an object", list: "an array", bool: "a boolean", int: "a number",
             float: "a number", str: "a string"}
    return names.get(type(value), type(value).__name__)


def _checked_fields(record: dict[str, object], source: str) -> dict[str, str | None]:
    """The record's string fields (and its id as a string), or a RecordError naming the
    first field of the wrong type."""
    out: dict[str, str | None] = {}
    for name in STRING_FIELDS:
        value = record.get(name)
        if value is not None and not isinstance(value, str):
            raise RecordError(f"field {name!r} must be a string or null, not "
                              f"{_json_type(value)}", source=source)
        out[name] = value
    doc_id = record.get("id")
    if doc_id is not None and (isinstance(doc_id, bool) or not isinstance(doc_id, (str, int))):
        raise RecordError(f"field 'id' must be a string, an integer or null, not "
                          f"{_json_type(doc_id)}", source=source)
    out["id"] = str(doc_id) if doc_id is not None and doc_id != "" else None
    return out


def document_from_record(record: object, source: str, require_arabic: bool = True) -> Document:
    """A Document from one corpus-format record (id, title, text, published, outlet, url)."""
    if not isinstance(record, dict):
        raise RecordError("record is not a JSON object", source=source)
    text = record.get("text")
    if not isinstance(text, str):
        raise RecordError("record has no 'text' string", source=source)
    f = _checked_fields(record, source)
    return make_document(text, id=f["id"], title=f["title"], published=f["published"],
                         outlet=f["outlet"], url=f["url"], source=source,
                         require_arabic=require_arabic)


def one_line(exc: BaseException, limit: int = 300) -> str:
    """An unexpected exception as ``Type: message`` on one short line."""
    text = " ".join(str(exc).split())
    text = text if len(text) <= limit else text[:limit] + "..."
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__


def _record(line: bytes, where: str, require_arabic: bool) -> Document:
    """The Document of one JSONL line (errors as exceptions)."""
    text = decode(line, where)
    if json_too_deep(text):
        raise RecordError(f"JSON nested deeper than {MAX_JSON_DEPTH} levels", source=where)
    return document_from_record(json.loads(text), where, require_arabic)


def _lines(fh: BinaryIO, first: int = 1) -> Iterator[tuple[int, bytes | None]]:
    """Numbered lines of a binary stream (from ``first``); an over-long line comes as None
    (and is skipped whole)."""
    number = first - 1
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


@dataclass(frozen=True, slots=True)
class RawRecord:
    """One JSONL line read but not parsed yet: what a process pool ships to its workers, so
    that parsing runs there too (:func:`parse_record` turns it into a Document)."""

    line: bytes
    where: str
    require_arabic: bool = True


def parse_record(record: RawRecord) -> Document | Failure:
    """The Document of one JSONL line, or the Failure naming the line and why (one guard per
    record: whatever goes wrong is this line's failure)."""
    where = record.where
    try:
        return _record(record.line, where, record.require_arabic)
    except json.JSONDecodeError as exc:
        return Failure(where, f"invalid JSON ({exc.msg} at column {exc.colno})")
    except InputError as exc:
        return Failure(where, str(exc).removeprefix(f"{where}: "), exc.code)
    except RecursionError:
        return Failure(where, "JSON nested too deeply")
    except Exception as exc:  # noqa: BLE001 - recorded, and the batch goes on
        return Failure(where, f"unexpected error ({one_line(exc)})")


def read_jsonl(fh: BinaryIO, name: str, require_arabic: bool = True, raw: bool = False,
               first_line: int = 1) -> Iterator[Document | Failure | RawRecord]:
    """Documents of a JSONL stream; bad lines come as Failures naming the line (the stream's
    first is ``first_line``: a part of a file). With ``raw``, each non-blank line comes as a
    :class:`RawRecord`, parsed later (in a worker)."""
    for number, line in _lines(fh, first_line):
        where = f"{name}:{number}"
        if line is None:
            yield Failure(where, f"line longer than {MAX_LINE_BYTES:,} bytes")
            continue
        if not line.strip():
            continue
        record = RawRecord(line, where, require_arabic)
        yield record if raw else parse_record(record)


_BOM = b"\xef\xbb\xbf"
SNIFF_BYTES = 4096


def _looks_like_jsonl(head: bytes) -> bool:
    return head.removeprefix(_BOM).lstrip().startswith(b"{")


def read_stream(fh: BinaryIO, name: str, require_arabic: bool = True,
                raw: bool = False) -> Iterator[Document | Failure | RawRecord]:
    """A stream that is either JSONL records (as :class:`RawRecord` with ``raw``) or one
    plain-text article."""
    if not hasattr(fh, "peek"):
        # any binary stream with readinto can be buffered (typeshed asks for a RawIOBase)
        fh = io.BufferedReader(fh)  # type: ignore[type-var]
    head = fh.peek(SNIFF_BYTES)[:SNIFF_BYTES]
    if _looks_like_jsonl(head):
        yield from read_jsonl(fh, name, require_arabic, raw)
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
