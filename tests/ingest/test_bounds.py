"""Bounded readers on hostile inputs: a gzip bomb in a WARC, over-long header lines, a
10,000-item feed whose pages never answer, oversized files."""

from __future__ import annotations

import io
import json
import re
import socket
import struct
import subprocess
import sys
import threading
import time
import zlib
from pathlib import Path

import pytest

from rasd.ingest import web
from rasd.ingest.fetch import MAX_BYTES, FetchOptions
from rasd.ingest.readers import read_inputs
from rasd.ingest.records import Failure
from rasd.model import Document

PAGE = ("<html><head><meta charset='utf-8'><title>مقتل 12 شخصاً في هجوم</title></head><body>"
        "<article><p>قالت الشرطة إن 12 شخصاً قتلوا في هجوم على سوق المدينة أمس الأحد، وأضافت "
        "أن 30 آخرين أصيبوا بجروح ونقلوا إلى المستشفيات القريبة.</p></article></body></html>"
        ).encode()
MiB = 1 << 20


def _gzip_member(prefix: bytes, fill: bytes = b"", repeat: int = 0, suffix: bytes = b"") -> bytes:
    """One gzip member of ``prefix + fill * repeat + suffix``, built in time linear in its
    *compressed* size: ``fill`` is deflated once after a full flush (which resets the
    dictionary) and its compressed block repeated."""
    c = zlib.compressobj(9, zlib.DEFLATED, -15)
    head = c.compress(prefix) + c.flush(zlib.Z_FULL_FLUSH)
    block = (c.compress(fill) + c.flush(zlib.Z_FULL_FLUSH)) if repeat else b""
    tail = c.compress(suffix) + c.flush()
    crc = zlib.crc32(prefix)
    for _ in range(repeat):
        crc = zlib.crc32(fill, crc)
    crc = zlib.crc32(suffix, crc)
    size = len(prefix) + len(fill) * repeat + len(suffix)
    return (b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\xff" + head + block * repeat + tail
            + struct.pack("<II", crc & 0xFFFFFFFF, size & 0xFFFFFFFF))


def _response(uri: str, body_len: int, ctype: str = "text/html; charset=utf-8") -> bytes:
    """The WARC and HTTP headers of a response record with a body of ``body_len`` bytes."""
    http = (f"HTTP/1.1 200 OK\r\nContent-Type: {ctype}\r\nContent-Length: {body_len}\r\n\r\n"
            ).encode()
    return (f"WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: {uri}\r\n"
            f"WARC-Record-ID: <urn:uuid:{abs(hash(uri)):032x}>\r\n"
            "WARC-Date: 2020-10-05T00:00:00Z\r\nContent-Type: application/http; msgtype=response\r\n"
            f"Content-Length: {len(http) + body_len}\r\n\r\n").encode() + http


def _record(uri: str, body: bytes) -> bytes:
    return _gzip_member(_response(uri, len(body)) + body + b"\r\n\r\n")


def _bomb_warc(path: Path, mib: int = 900) -> None:
    """A .warc.gz: a page, then an HTML record whose body inflates to ``mib`` MiB of spaces
    (about 1 MB on disk for 900 MiB), then another page."""
    bomb = _gzip_member(_response("http://bomb.test/", mib * MiB), b" " * MiB, mib, b"\r\n\r\n")
    path.write_bytes(_record("http://ok.test/1", PAGE) + bomb + _record("http://ok.test/2", PAGE))


# The child's peak RSS: the kernel's high-water mark of its own memory (VmHWM, Linux) where
# there is one — getrusage's ru_maxrss survives fork+exec and so also counts the parent's
# (pytest's) RSS at fork: 322 MB for a child whose VmHWM is 127 MB, late in the full suite.
PEAK_RSS = """
import json, resource, sys
from rasd.ingest.readers import read_inputs
items = [[type(i).__name__, str(i) if type(i).__name__ == "Failure" else i.url]
         for i in read_inputs([sys.argv[1]])]
try:
    status = open("/proc/self/status").read().split("VmHWM:")[1]
    peak = int(status.split()[0]) / 1024
except (OSError, IndexError):
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({"items": items, "peak_mb": peak,
                  "ru_maxrss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""


def test_gzip_bomb_warc_stays_small_and_is_one_line_failures(tmp_path):
    path = tmp_path / "bomb.warc.gz"
    _bomb_warc(path)
    assert path.stat().st_size < 1_100_000
    started = time.monotonic()
    out = subprocess.run([sys.executable, "-c", PEAK_RSS, str(path)], capture_output=True,
                         text=True, timeout=120, check=True).stdout
    seconds = time.monotonic() - started
    result = json.loads(out)
    print(f"gzip bomb WARC ({path.stat().st_size:,} bytes -> 900 MiB): peak RSS "
          f"{result['peak_mb']:.0f} MB (ru_maxrss {result['ru_maxrss_mb']:.0f} MB), "
          f"{seconds:.1f} s")
    assert result["peak_mb"] <= 300
    kinds = [k for k, _ in result["items"]]
    assert kinds == ["Document", "Failure", "Failure"], result["items"]
    record, archive = (text for _, text in result["items"][1:])
    assert record == (f"http://bomb.test/: record body larger than {MAX_BYTES:,} bytes; "
                      "skipped")
    assert archive.startswith(f"{path}: a record decompresses to more than ")
    assert "\n" not in record + archive


def test_oversized_html_record_is_skipped_and_the_archive_goes_on(tmp_path, monkeypatch):
    monkeypatch.setattr(web, "MAX_BYTES", 1000)
    path = tmp_path / "big.warc.gz"
    path.write_bytes(_record("http://ok.test/1", PAGE + b" " * 2000)
                     + _record("http://ok.test/2", PAGE))
    big, page = read_inputs([str(path)])
    assert isinstance(big, Failure) and big.code == "too_large"
    assert isinstance(page, Document) and page.url == "http://ok.test/2"


@pytest.mark.parametrize("gzipped", [True, False])
def test_header_line_bomb_is_one_failure(tmp_path, monkeypatch, gzipped):
    monkeypatch.setattr(web, "MAX_RECORD_BYTES", 5 * MiB)
    head = b"WARC/1.0\r\nWARC-Type: response\r\nX-Junk: "
    member = (_gzip_member(head, b"a" * MiB, 50, b"\r\n\r\n") if gzipped
              else head + b"a" * 50 * MiB + b"\r\n\r\n")
    path = tmp_path / ("junk.warc.gz" if gzipped else "junk.warc")
    path.write_bytes(_record("http://ok.test/1", PAGE) if gzipped else b"")
    with path.open("ab") as fh:
        fh.write(member)
    items = list(read_inputs([str(path)]))
    assert isinstance(items[-1], Failure) and items[-1].source == str(path)
    assert "more than 5,242,880 bytes" in items[-1].reason


def test_oversized_html_and_feed_files_are_refused_unread(tmp_path):
    for name in ("big.html", "big.rss"):
        (tmp_path / name).write_bytes(b"<rss>" + b" " * (MAX_BYTES + 1))
        (failure,) = read_inputs([str(tmp_path / name)])
        assert failure.reason == f"file larger than {MAX_BYTES:,} bytes"


# --- feeds -------------------------------------------------------------------------------------

@pytest.fixture()
def silent_port():
    """A local listener that accepts connections and never answers."""
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    sock.listen(512)
    sock.settimeout(0.1)
    held: list[socket.socket] = []
    stop = threading.Event()

    def accept() -> None:
        while not stop.is_set():
            try:
                held.append(sock.accept()[0])
            except (TimeoutError, OSError):
                continue

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    yield sock.getsockname()[1]
    stop.set()
    thread.join()
    for conn in held:
        conn.close()
    sock.close()


def _feed(path: Path, port: int, n: int) -> Path:
    items = "".join(f"<item><title>{i}</title><link>http://127.0.0.1:{port}/{i}</link></item>"
                    for i in range(n))
    path.write_text(f'<?xml version="1.0"?><rss version="2.0"><channel><title>T</title>{items}'
                    "</channel></rss>", encoding="utf-8")
    return path


def test_ten_thousand_silent_items_end_at_the_deadline(tmp_path, silent_port):
    feed = _feed(tmp_path / "big.rss", silent_port, 10_000)
    lines: list[str] = []
    options = FetchOptions(allow_private=True, max_items=10_000, deadline=3, workers=8,
                           progress=lines.append)
    started = time.monotonic()
    items = list(read_inputs([str(feed)], fetch=options))
    seconds = time.monotonic() - started
    print(f"10,000-item feed on a silent listener, deadline 3 s: {seconds:.1f} s, "
          f"{len(items)} items out, progress lines: {len(lines)}")
    assert seconds < 3 + 5  # the feed's parsing, then the deadline
    last = items[-1]
    assert isinstance(last, Failure) and last.code == "deadline"
    assert last.reason.startswith("deadline of 3 s passed: ")
    assert last.reason.endswith(" of 10,000 items not read")
    assert len(items) < 100  # no line per unread item
    assert lines and all("feed items read" in line for line in lines)


def test_item_cap(tmp_path, silent_port):
    feed = _feed(tmp_path / "big.rss", silent_port, 40)
    items = list(read_inputs([str(feed)], fetch=FetchOptions(allow_private=True, max_items=5,
                                                             deadline=1, workers=5)))
    cap = items[0]
    assert isinstance(cap, Failure) and cap.code == "item_cap"
    assert cap.reason == "40 items; only the first 5 are read (the item cap)"
    # only the 5 capped items were tried; on a loaded machine one may fail on its own (a
    # refused connection) before the deadline, so 4 or 5 of them are left unread
    assert re.fullmatch(r"deadline of 1 s passed: [45] of 5 items not read", items[-1].reason)
    assert len(items) <= 1 + 1 + 5


def test_feed_items_of_a_stream_are_read_concurrently(tmp_path):
    """Eight items on a server that answers each after 1 s: about 1 s with 8 workers."""
    import http.server

    class Slow(http.server.BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802
            time.sleep(1)
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(PAGE)))
            self.end_headers()
            self.wfile.write(PAGE)

        def log_message(self, *args):
            pass

    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Slow)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        feed = _feed(tmp_path / "slow.rss", httpd.server_address[1], 8)
        started = time.monotonic()
        items = list(read_inputs([str(feed)], fetch=FetchOptions(allow_private=True)))
        seconds = time.monotonic() - started
    finally:
        httpd.shutdown()
    assert len(items) == 8 and all(isinstance(i, Document) for i in items), items
    assert seconds < 4, seconds


def test_unreadable_bytes_in_a_record_stream_do_not_stop_it():
    from rasd.ingest.web import read_warc

    items = list(read_warc(io.BytesIO(_record("http://ok.test/1", PAGE) + b"\x00garbage"),
                           "mixed.warc.gz"))
    assert isinstance(items[0], Document) and isinstance(items[-1], Failure)


def test_cli_ingest_of_a_silent_feed_ends_at_its_deadline_with_progress(tmp_path, silent_port):
    from click.testing import CliRunner

    from rasd.cli import main

    feed = _feed(tmp_path / "big.rss", silent_port, 10_000)
    started = time.monotonic()
    result = CliRunner().invoke(main, ["ingest", str(feed), "--db", str(tmp_path / "t.db"),
                                       "--allow-private", "--max-items", "10000",
                                       "--deadline", "2.5"])
    seconds = time.monotonic() - started
    assert seconds < 2.5 + 6, seconds
    assert "feed items read" in result.stderr  # the progress line
    assert "deadline of 2.5 s passed" in result.stderr and "Traceback" not in result.output
    refused = CliRunner().invoke(main, ["ingest", f"http://127.0.0.1:{silent_port}/x",
                                        "--db", str(tmp_path / "t.db")])
    assert refused.exit_code == 1 and "loopback address" in refused.stderr
