"""API edges: strict dates, the extract schema, the extraction time budget (503/504), the
per-client rate limit (429), URL ingestion's address guard, the settings."""

import http.server
import threading
import time
import warnings

import pytest
from api_data import ARTICLES, TOKEN, slow_extract

warnings.filterwarnings("ignore", message=".*httpx.*")
from fastapi.testclient import TestClient  # noqa: E402

from rasd.api import create_app  # noqa: E402
from rasd.api.limits import RateLimiter, parse  # noqa: E402
from rasd.api.settings import Settings, SettingsError  # noqa: E402

AUTH = {"Authorization": f"Bearer {TOKEN}"}


def _error(r, status, code):
    assert r.status_code == status, r.text
    body = r.json()
    assert set(body) == {"error"} and body["error"]["status"] == status
    assert body["error"]["code"] == code, body
    return body["error"]


@pytest.mark.parametrize("path", ["/api/documents", "/api/claims", "/api/groups"])
@pytest.mark.parametrize("value", ["0", "1602000000", "2020-13-01", "2020-10-5", "10/05/2020",
                                   "2020-10-05T00:00:00"])
def test_dates_must_be_iso_dates(client, path, value):
    for name in ("since", "until"):
        err = _error(client.get(path, params={name: value}), 422, "invalid_request")
        assert name in err["message"]


def test_iso_dates_filter(client):
    assert client.get("/api/documents", params={"until": "2020-09-30"}).json()["total"] == 1
    assert client.get("/api/claims", params={"since": "2020-10-01"}).status_code == 200


def test_empty_text_is_refused_by_the_schema(client):
    _error(client.post("/api/extract", json={"text": ""}), 422, "invalid_request")
    schema = client.get("/openapi.json").json()["components"]["schemas"]["ExtractRequest"]
    assert schema["properties"]["text"]["minLength"] == 1
    since = [p for p in client.get("/openapi.json").json()["paths"]["/api/claims"]["get"]
             ["parameters"] if p["name"] == "since"][0]
    assert {"type": "string", "format": "date"} in since["schema"]["anyOf"]


def test_extraction_over_its_budget_is_504_and_the_worker_replaced(fresh_db):
    # a budget a fresh worker meets on a loaded machine (it loads the lexicons first)
    settings = Settings(extract_timeout=4, extract_workers=1, rate_limit="off")
    with TestClient(create_app(fresh_db, settings=settings, extract_fn=slow_extract),
                    raise_server_exceptions=False) as c:
        assert c.post("/api/extract", json={"text": "0"}).json()["doc_id"] == "slept"
        started = time.monotonic()
        err = _error(c.post("/api/extract", json={"text": "30"}), 504, "timeout")
        assert time.monotonic() - started < 6 and "4 s budget" in err["message"]
        r = c.post("/api/extract", json={"text": ARTICLES[0]["text"]})  # a new worker
        assert r.status_code == 200 and r.json()["claims"]
        assert c.get("/api/health").status_code == 200


def test_no_free_worker_is_503(fresh_db, monkeypatch):
    from rasd.api import workers

    monkeypatch.setattr(workers, "QUEUE_WAIT", 0.5)
    settings = Settings(extract_timeout=5, extract_workers=1, rate_limit="off")
    with TestClient(create_app(fresh_db, settings=settings, extract_fn=slow_extract),
                    raise_server_exceptions=False) as c:
        c.post("/api/extract", json={"text": "0"})  # the worker is started
        slow = threading.Thread(target=c.post, args=("/api/extract",),
                                kwargs={"json": {"text": "2"}})
        slow.start()
        time.sleep(0.3)
        r = c.post("/api/extract", json={"text": "0"})
        slow.join()
        err = _error(r, 503, "busy")
        assert "waited 0.5 s" in err["message"] and r.headers["retry-after"] == "5"


def test_rate_limit_per_client_and_endpoint(fresh_db):
    settings = Settings(rate_limit="3/minute")
    with TestClient(create_app(fresh_db, token=TOKEN, settings=settings),
                    raise_server_exceptions=False) as c:
        for _ in range(3):
            assert c.post("/api/extract", json={"text": "x"}).status_code == 400
        r = c.post("/api/extract", json={"text": "x"})
        err = _error(r, 429, "rate_limited")
        assert "at most 3 per minute" in err["message"]
        assert 1 <= int(r.headers["retry-after"]) <= 20
        assert c.post("/api/ingest", json=[{"text": "x"}], headers=AUTH).status_code == 200
        for _ in range(3):
            c.post("/api/ingest", json=[{"text": "x"}], headers=AUTH)
        _error(c.post("/api/ingest", json=[{"text": "x"}], headers=AUTH), 429, "rate_limited")
        for _ in range(3):
            c.post("/try", data={"text": "x"})
        _error(c.post("/try", data={"text": "x"}), 429, "rate_limited")
        for _ in range(10):  # reads are not limited
            assert c.get("/api/claims").status_code == 200


def test_token_bucket_refills():
    limiter = RateLimiter(2, 1.0)
    assert [limiter.wait("a"), limiter.wait("a")] == [0.0, 0.0]
    assert 0 < limiter.wait("a") <= 0.5
    assert limiter.wait("b") == 0.0  # another client
    time.sleep(0.6)
    assert limiter.wait("a") == 0.0
    small = RateLimiter(1, 60.0, max_keys=2)
    for key in "abc":
        small.wait(key)
    assert len(small._buckets) == 2  # the oldest client forgotten


@pytest.mark.parametrize("spec, parsed", [("60/minute", (60, 60.0)), ("5/second", (5, 1.0)),
                                          (" 100 / hours ", (100, 3600.0)), ("off", None),
                                          ("0", None)])
def test_parse_rate_limit(spec, parsed):
    assert parse(spec) == parsed


def test_bad_settings_are_one_line_errors():
    for env in ({"RASD_RATE_LIMIT": "fast"}, {"RASD_EXTRACT_TIMEOUT": "soon"},
                {"RASD_EXTRACT_WORKERS": "0"}, {"RASD_RATE_LIMIT": "0/minute x"}):
        with pytest.raises(SettingsError) as info:
            Settings.from_env(env)
        assert "\n" not in str(info.value)
    s = Settings.from_env({"RASD_ALLOW_PRIVATE": "1", "RASD_RATE_LIMIT": "10/second",
                           "RASD_EXTRACT_TIMEOUT": "5", "RASD_EXTRACT_WORKERS": "3"})
    assert s == Settings(allow_private=True, rate_limit="10/second", extract_timeout=5,
                         extract_workers=3)


@pytest.fixture()
def page_server():
    body = ("<html><head><meta charset='utf-8'><title>مقتل 12 شخصاً في حماة</title></head>"
            "<body><article><p>قال المرصد السوري لحقوق الإنسان إن 12 شخصاً قتلوا أمس في قصف "
            "على مدينة حماة، وأصيب 20 آخرون بجروح.</p></article></body></html>").encode()

    class Page(http.server.BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Page)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}/page"
    httpd.shutdown()


def test_url_ingestion_refuses_private_addresses_unless_allowed(fresh_db, page_server,
                                                                monkeypatch):
    monkeypatch.delenv("RASD_ALLOW_PRIVATE", raising=False)
    with TestClient(create_app(fresh_db, token=TOKEN), raise_server_exceptions=False) as c:
        s = c.post("/api/ingest", json={"url": page_server}, headers=AUTH).json()
        assert s["new"] == 0 and s["failures"][0]["code"] == "blocked_address"
        assert "loopback address" in s["failures"][0]["reason"]
    monkeypatch.setenv("RASD_ALLOW_PRIVATE", "1")  # what `rasd serve` reads
    with TestClient(create_app(fresh_db, token=TOKEN), raise_server_exceptions=False) as c:
        s = c.post("/api/ingest", json={"url": page_server}, headers=AUTH).json()
        assert s["new"] == 1 and not s["failures"], s
