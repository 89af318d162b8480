"""A local HTTP server of feeds and pages for the watch tests (127.0.0.1, a free port): feeds
that gain items between cycles, with ETag / Last-Modified and 304s, a feed that is too slow,
one that answers 500, one of malformed XML; every request is counted."""

from __future__ import annotations

import hashlib
import http.server
import threading
import time
from collections import Counter
from collections.abc import Iterator
from email.utils import formatdate

ARTICLE = """<!DOCTYPE html><html lang="ar" dir="rtl"><head><meta charset="utf-8">
<title>{title}</title>
<meta property="article:published_time" content="{date}T08:00:00+00:00"></head>
<body><article><h1>{title}</h1><p>{body}</p></article></body></html>"""


class FeedServer:
    """Routes: ``/feeds/<name>`` (RSS of the items added with :meth:`add_item`),
    ``/pages/<name>`` (HTML pages added with :meth:`add_page`), ``/slow`` (never answers in
    time), ``/error`` (500), ``/broken`` (malformed XML)."""

    def __init__(self) -> None:
        self.items: dict[str, list[tuple[str, str]]] = {}  # feed -> [(guid, page name)]
        self.pages: dict[str, bytes] = {}
        self.hits: Counter[str] = Counter()
        self.not_modified: Counter[str] = Counter()
        self.page_delay = 0.0
        self.slow_seconds = 3.0
        self.lock = threading.Lock()
        server = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802
                server.handle(self)

            def log_message(self, *args: object) -> None:
                pass

        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.base = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def __enter__(self) -> FeedServer:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()

    def url(self, path: str) -> str:
        return self.base + path

    def add_page(self, name: str, body: str, date: str = "2025-10-05",
                 title: str | None = None) -> str:
        html = ARTICLE.format(title=title or body[:40], date=date, body=body)
        self.pages[name] = html.encode("utf-8")
        return self.url(f"/pages/{name}")

    def add_item(self, feed: str, page: str, guid: str | None = None) -> None:
        with self.lock:
            self.items.setdefault(feed, []).append((guid or f"guid-{page}", page))

    def feed_body(self, feed: str) -> bytes:
        entries = "".join(f"<item><title>{p}</title><guid>{g}</guid>"
                          f"<link>{self.url('/pages/' + p)}</link></item>"
                          for g, p in self.items.get(feed, []))
        return (f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
                f"<title>Outlet {feed}</title>{entries}</channel></rss>").encode()

    def handle(self, h: http.server.BaseHTTPRequestHandler) -> None:
        path = h.path
        with self.lock:
            self.hits[path] += 1
        if path == "/slow":
            time.sleep(self.slow_seconds)
            return self.send(h, 200, "application/rss+xml", self.feed_body("none"))
        if path == "/error":
            return self.send(h, 500, "text/plain", b"boom")
        if path == "/broken":
            return self.send(h, 200, "application/rss+xml", b"<rss><channel><item><title>x")
        if path.startswith("/feeds/"):
            with self.lock:
                body = self.feed_body(path.removeprefix("/feeds/"))
            etag = '"' + hashlib.sha256(body).hexdigest()[:16] + '"'
            modified = formatdate(1_700_000_000 + len(body), usegmt=True)
            if h.headers.get("If-None-Match") == etag:
                with self.lock:
                    self.not_modified[path] += 1
                h.send_response(304)
                h.send_header("ETag", etag)
                h.end_headers()
                return None
            return self.send(h, 200, "application/rss+xml", body,
                             {"ETag": etag, "Last-Modified": modified})
        if path.startswith("/pages/"):
            time.sleep(self.page_delay)
            page = self.pages.get(path.removeprefix("/pages/"))
            if page is not None:
                return self.send(h, 200, "text/html; charset=utf-8", page)
        return self.send(h, 404, "text/plain", b"missing")

    @staticmethod
    def send(h: http.server.BaseHTTPRequestHandler, status: int, ctype: str, body: bytes,
             headers: dict[str, str] | None = None) -> None:
        try:
            h.send_response(status)
            h.send_header("Content-Type", ctype)
            h.send_header("Content-Length", str(len(body)))
            for k, v in (headers or {}).items():
                h.send_header(k, v)
            h.end_headers()
            h.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):
            pass


def page_hits(server: FeedServer) -> Iterator[tuple[str, int]]:
    return ((p, n) for p, n in server.hits.items() if p.startswith("/pages/"))


class Receiver:
    """A local webhook receiver: records every POST (headers and body); the first ``fail``
    requests answer 500."""

    def __init__(self, fail: int = 0) -> None:
        self.posts: list[tuple[dict[str, str], bytes]] = []
        self.fail = fail
        self.calls = 0
        receiver = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_POST(self) -> None:  # noqa: N802
                body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
                receiver.calls += 1
                status = 500 if receiver.calls <= receiver.fail else 204
                if status == 204:
                    receiver.posts.append((dict(self.headers), body))
                self.send_response(status)
                self.send_header("Content-Length", "0")
                self.end_headers()

            def log_message(self, *args: object) -> None:
                pass

        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}/hook"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def __enter__(self) -> Receiver:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()
