"""HTML, feeds, WARC, URLs, encodings and language: against local files and a local server."""

import gzip
import http.server
import io
import threading
from pathlib import Path

import pytest

from rasd.errors import InputError
from rasd.ingest.readers import read_inputs
from rasd.ingest.records import Failure
from rasd.ingest.text import decode, detect_language, strip_boilerplate
from rasd.ingest.web import FetchOptions, client, document_from_html

LOCAL = FetchOptions(allow_private=True)  # the test server is on 127.0.0.1
BODY = ("قالت الشرطة إن 12 شخصاً قتلوا في هجوم على سوق المدينة أمس الأحد. "
        "وأضافت أن 30 آخرين أصيبوا بجروح ونقلوا إلى المستشفيات القريبة من موقع الهجوم.")
PAGE = f"""<!DOCTYPE html><html lang="ar" dir="rtl"><head><meta charset="utf-8">
<title>مقتل 12 شخصاً في هجوم على سوق</title>
<meta property="article:published_time" content="2020-10-05T08:00:00+00:00"></head>
<body><nav><a href="/">الرئيسية</a> <a href="/sport">رياضة</a></nav>
<article><h1>مقتل 12 شخصاً في هجوم على سوق</h1><p>{BODY}</p>
<p>{BODY}</p></article>
<aside><h3>مقالات ذات صلة</h3><ul><li><a href="/x">مقتل 99 شخصاً في مكان آخر</a></li></ul></aside>
<footer>زر الذهاب إلى الأعلى</footer></body></html>"""


def test_html_page_gives_title_body_and_date_without_furniture():
    doc = document_from_html(PAGE.encode("utf-8"), url="http://127.0.0.1/a")
    assert doc.text.startswith("مقتل 12 شخصاً")
    assert "12 شخصاً قتلوا" in doc.text
    assert "مقالات ذات صلة" not in doc.text and "99" not in doc.text
    assert "الرئيسية" not in doc.text and "زر الذهاب" not in doc.text
    assert doc.published and doc.published.startswith("2020-10-05")


def test_plain_text_trailers_are_stripped():
    text = BODY + "\nمقالات ذات صلة\nمقتل 99 شخصاً في مكان آخر\nزر الذهاب إلى الأعلى"
    assert strip_boilerplate(text) == BODY


@pytest.mark.parametrize("encoding", ["cp1256", "iso8859_6"])
def test_arabic_code_pages_are_detected(encoding):
    text = "قالت الشرطة إن عشرة أشخاص قتلوا في الهجوم على السوق المركزي للمدينة"
    assert decode(text.encode(encoding), "x") == text


def test_declared_charset_wins():
    html = '<html><head><meta charset="windows-1256"></head><body>قتل عشرة</body></html>'
    assert "قتل عشرة" in decode(html.encode("cp1256"), "x")


def test_language_detection():
    assert detect_language(BODY) == "ar"
    assert detect_language("The police said twelve people were killed in the attack.") == "en"
    assert detect_language("   ") == "und"


def _warc(path: Path) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with path.open("wb") as out:
        writer = WARCWriter(out, gzip=True)
        for i, payload in enumerate([PAGE.encode("utf-8"), b"%PDF-1.4 binary"]):
            ctype = "text/html; charset=utf-8" if i == 0 else "application/pdf"
            headers = StatusAndHeaders("200 OK", [("Content-Type", ctype)], protocol="HTTP/1.0")
            record = writer.create_warc_record(f"http://example.test/{i}", "response",
                                               payload=io.BytesIO(payload), http_headers=headers)
            writer.write_record(record)


def test_warc_html_records_become_documents(tmp_path):
    path = tmp_path / "crawl.warc.gz"
    _warc(path)
    items = list(read_inputs([str(path)]))
    docs = [i for i in items if not isinstance(i, Failure)]
    assert len(docs) == 1 and docs[0].url == "http://example.test/0"


def test_corrupt_warc_is_one_failure(tmp_path):
    path = tmp_path / "bad.warc.gz"
    path.write_bytes(gzip.compress(b"not a warc at all"))
    items = list(read_inputs([str(path)]))
    assert len(items) == 1 and isinstance(items[0], Failure)


class _Handler(http.server.BaseHTTPRequestHandler):
    routes: dict[str, tuple[int, str, bytes]] = {}

    def do_GET(self):  # noqa: N802
        status, ctype, body = self.routes.get(self.path, (404, "text/plain", b"missing"))
        if status == 302:
            self.send_response(302)
            self.send_header("Location", body.decode())
            self.end_headers()
            return
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture()
def server():
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    base = f"http://127.0.0.1:{httpd.server_address[1]}"
    feed = f"""<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>
<title>Test Outlet</title><item><title>a</title><link>{base}/a</link></item>
<item><title>b</title><link>{base}/missing</link></item></channel></rss>""".encode()
    _Handler.routes = {
        "/a": (200, "text/html; charset=utf-8", PAGE.encode("utf-8")),
        "/old": (302, "", b"/a"),
        "/feed": (200, "application/rss+xml", feed),
        "/big": (200, "text/html", b"x" * 6_000_000),
    }
    yield base
    httpd.shutdown()


def test_url_is_fetched_and_extracted(server):
    items = list(read_inputs([f"{server}/old"], fetch=LOCAL))
    assert len(items) == 1 and not isinstance(items[0], Failure)
    assert items[0].url == f"{server}/a"


def test_feed_items_are_fetched_and_bad_items_reported(server):
    items = list(read_inputs([f"{server}/feed"], fetch=LOCAL))
    docs = [i for i in items if not isinstance(i, Failure)]
    fails = [i for i in items if isinstance(i, Failure)]
    assert len(docs) == 1 and docs[0].outlet == "Test Outlet"
    assert len(fails) == 1 and "404" in fails[0].reason


def test_http_errors_and_size_limit_are_failures(server):
    items = list(read_inputs([f"{server}/missing", f"{server}/big"], fetch=LOCAL))
    assert [isinstance(i, Failure) for i in items] == [True, True]
    assert "404" in items[0].reason and "larger than" in items[1].reason


def test_client_sends_a_user_agent():
    assert client().headers["User-Agent"].startswith("rasd/")


def test_html_file_and_folder(tmp_path):
    (tmp_path / "a.html").write_text(PAGE, encoding="utf-8")
    (tmp_path / "b.txt").write_text(BODY, encoding="utf-8")
    items = list(read_inputs([str(tmp_path)]))
    assert len(items) == 2 and not any(isinstance(i, Failure) for i in items)


def test_random_high_bytes_are_refused_not_stored_as_arabic(tmp_path):
    import random

    rng = random.Random(11)
    junk = bytes(rng.randrange(0x80, 0x100) for _ in range(5000))
    (tmp_path / "junk.txt").write_bytes(junk)
    (failure,) = read_inputs([str(tmp_path / "junk.txt")])
    assert isinstance(failure, Failure) and failure.source.endswith("junk.txt")
    assert failure.reason == ("not plausible text in UTF-8, cp1256 or ISO-8859-6 (garbled or "
                              "binary bytes)")
    declared = b'<html><head><meta charset="windows-1256"></head><body>' + junk + b"</body>"
    with pytest.raises(InputError, match="declared encoding windows-1256"):
        decode(declared, "page.html")
    for n in (8, 40, 300):  # short junk too
        with pytest.raises(InputError, match="not plausible"):
            decode(bytes(rng.randrange(0x80, 0x100) for _ in range(n)), "x")


# --- the address guard (SSRF) --------------------------------------------------------------------

@pytest.mark.parametrize("address, kind", [
    ("127.0.0.1", "loopback"), ("127.8.9.10", "loopback"), ("::1", "loopback"),
    ("::ffff:127.0.0.1", "loopback"), ("10.1.2.3", "private"), ("192.168.0.1", "private"),
    ("172.16.5.4", "private"), ("fc00::1", "private"), ("169.254.169.254", "link-local"),
    ("fe80::1", "link-local"), ("0.0.0.0", "unspecified"), ("224.0.0.1", "multicast"),
    ("100.64.0.1", "non-public"), ("8.8.8.8", None), ("2001:4860:4860::8888", None)])
def test_address_kinds(address, kind):
    import ipaddress

    from rasd.ingest.fetch import address_kind

    assert address_kind(ipaddress.ip_address(address)) == kind


def test_loopback_urls_are_refused_unless_allowed(server):
    port = server.rsplit(":", 1)[1]
    for url in (f"{server}/a", f"http://localhost:{port}/a", f"http://[::1]:{port}/a"):
        (failure,) = read_inputs([url])
        assert isinstance(failure, Failure) and failure.code == "blocked_address", failure
        assert failure.source == url and "--allow-private" in failure.reason
        assert "loopback address" in failure.reason
    (doc,) = read_inputs([f"{server}/a"], fetch=LOCAL)
    assert not isinstance(doc, Failure)


def test_feed_items_on_private_addresses_are_refused(server, tmp_path):
    feed = tmp_path / "f.rss"
    feed.write_text(f'<rss version="2.0"><channel><title>T</title><item><link>{server}/a</link>'
                    "</item></channel></rss>", encoding="utf-8")
    (failure,) = read_inputs([str(feed)])
    assert failure.code == "blocked_address" and failure.source == f"{server}/a"


def test_redirects_are_checked_too(server, monkeypatch):
    from rasd.ingest import fetch

    real = fetch.address_kind
    monkeypatch.setattr(fetch, "address_kind",  # this test's server counts as public
                        lambda ip: None if str(ip) == "127.0.0.1" else real(ip))
    port = server.rsplit(":", 1)[1]
    _Handler.routes["/away"] = (302, "", f"http://127.0.0.2:{port}/a".encode())
    (ok,) = read_inputs([f"{server}/old"])
    assert not isinstance(ok, Failure)
    (failure,) = read_inputs([f"{server}/away"])
    assert failure.code == "blocked_address" and failure.source == f"{server}/away"
    assert failure.reason.startswith("refused: 127.0.0.2 is a loopback address")


def test_unresolvable_host_is_a_failure(monkeypatch):
    import socket

    def no_dns(*args, **kwargs):
        raise socket.gaierror(-2, "Name or service not known")

    monkeypatch.setattr(socket, "getaddrinfo", no_dns)
    (failure,) = read_inputs(["http://nowhere.invalid/a"])
    assert isinstance(failure, Failure) and "cannot resolve host 'nowhere.invalid'" in failure.reason


def test_allow_private_from_env():
    from rasd.settings import Settings

    for value, allowed in (("1", True), ("yes", True), ("0", False), ("", False)):
        assert Settings.from_env({"RASD_ALLOW_PRIVATE": value}).allow_private is allowed


def test_a_warc_and_a_feed_sharing_pages_count_what_is_stored(server, tmp_path):
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    from rasd.corpus import ingest
    from rasd.store import Store

    pages = {f"/p{i}": PAGE.replace("12 شخصاً", f"{12 + i} شخصاً") for i in range(3)}
    items = "".join(f"<item><title>t</title><link>{server}{p}</link></item>" for p in pages)
    _Handler.routes.update({p: (200, "text/html; charset=utf-8", h.encode("utf-8"))
                            for p, h in pages.items()})
    _Handler.routes["/feed3"] = (200, "application/rss+xml", (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>T</title>'
        f"{items}</channel></rss>").encode())
    warc = tmp_path / "same.warc.gz"
    with warc.open("wb") as out:
        writer = WARCWriter(out, gzip=True)
        for p, html in pages.items():
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")],
                                       protocol="HTTP/1.0")
            writer.write_record(writer.create_warc_record(
                server + p, "response", payload=io.BytesIO(html.encode("utf-8")),
                http_headers=headers))
    db = str(tmp_path / "s.db")
    summary = ingest([str(warc), f"{server}/feed3"], db, fetch=LOCAL)
    with Store.open(db) as store:
        counts = store.counts()
    assert (summary.read, summary.new, summary.already_stored) == (6, 3, 3)
    assert summary.claims == counts["claims"] > 0 and counts["documents"] == 3
