"""POST /api/extract and /api/ingest, the token, the error shape, the schema, no HTML."""

import json
import warnings

from api_data import ARTICLES, TOKEN, write_corpus

warnings.filterwarnings("ignore", message=".*httpx.*")
from fastapi.testclient import TestClient  # noqa: E402

from rasd.api import create_app  # noqa: E402
from rasd.api.app import MAX_EXTRACT_CHARS  # noqa: E402

NEW = {"id": "n1", "outlet": "Outlet D", "published": "2020-10-07",
       "title": "مقتل 12 شخصاً في حماة",
       "text": "قال المرصد السوري لحقوق الإنسان إن 12 شخصاً قتلوا أمس الثلاثاء في قصف على "
               "مدينة حماة."}


def _error(r, status, code=None):
    assert r.status_code == status, r.text
    body = r.json()
    assert set(body) == {"error"} and set(body["error"]) == {"code", "message", "status"}
    assert body["error"]["status"] == status
    if code:
        assert body["error"]["code"] == code
    return body["error"]


def test_extract_returns_claims(client):
    r = client.post("/api/extract", json={"text": ARTICLES[0]["text"],
                                          "title": ARTICLES[0]["title"],
                                          "published": "2020-10-05", "outlet": "Outlet A"})
    assert r.status_code == 200
    claims = r.json()["claims"]
    killed = [c for c in claims if c["type"] == "killed"]
    assert killed and killed[0]["count"]["value"] == 20
    assert killed[0]["source"]["id"] == "sohr" and killed[0]["time"]["date"] == "2020-10-04"


def test_extract_size_limit_413(client):
    huge = "قتل شخص في حلب. " * (MAX_EXTRACT_CHARS // 10)
    _error(client.post("/api/extract", json={"text": huge}), 413, "payload_too_large")
    raw = b'{"text": "' + b"a" * 3_000_000 + b'"}'
    _error(client.post("/api/extract", content=raw,
                       headers={"content-type": "application/json"}), 413)


def test_extract_bad_input_400_and_422(client):
    _error(client.post("/api/extract", json={"text": "Just an English sentence here."}), 400)
    _error(client.post("/api/extract", json={"title": "no text"}), 422, "invalid_request")
    _error(client.post("/api/extract", content=b"{not json",
                       headers={"content-type": "application/json"}), 422)


def test_ingest_needs_the_token(fresh_db):
    with TestClient(create_app(fresh_db, token=TOKEN), raise_server_exceptions=False) as c:
        _error(c.post("/api/ingest", json=[NEW]), 401, "unauthorized")
        r = c.post("/api/ingest", json=[NEW], headers={"Authorization": "Bearer wrong"})
        assert _error(r, 401) and r.headers["www-authenticate"] == "Bearer"
        _error(c.post("/api/ingest", json=[NEW], headers={"Authorization": TOKEN}), 401)
        assert c.get("/api/documents").json()["total"] == 2


def test_ingest_disabled_without_configured_token(fresh_db):
    with TestClient(create_app(fresh_db), raise_server_exceptions=False) as c:
        _error(c.post("/api/ingest", json=[NEW], headers={"Authorization": "Bearer x"}), 403,
               "writes_disabled")


def test_ingest_with_token_stores_and_refreshes(fresh_db):
    auth = {"Authorization": f"Bearer {TOKEN}"}
    with TestClient(create_app(fresh_db, token=TOKEN), raise_server_exceptions=False) as c:
        before = c.get("/api/groups", params={"type": "killed"}).json()["total"]
        r = c.post("/api/ingest", json=[NEW, ARTICLES[0]], headers=auth)
        assert r.status_code == 200, r.text
        s = r.json()
        assert (s["new"], s["already_stored"], s["failures"]) == (1, 1, [])
        assert s["claims"] >= 1
        docs = c.get("/api/documents").json()
        assert docs["total"] == 3 and "n1" in {d["id"] for d in docs["items"]}
        assert c.get("/api/documents/n1").json()["claims"][0]["count"]["value"] == 12
        assert c.get("/api/groups", params={"type": "killed"}).json()["total"] == before + 1
        _error(c.post("/api/ingest", json={"url": "file:///etc/passwd"}, headers=auth), 422)
        _error(c.post("/api/ingest", json=[], headers=auth), 400)
        bad = c.post("/api/ingest", json=[{"id": "x", "text": "   "}], headers=auth).json()
        assert bad["new"] == 0 and bad["failures"]


def test_store_changed_behind_the_api_is_noticed(fresh_db, tmp_path):
    from rasd.corpus import ingest

    with TestClient(create_app(fresh_db, check_every=0), raise_server_exceptions=False) as c:
        assert c.get("/api/claims").json()["total"] >= 1
        ingest([str(write_corpus(tmp_path / "more.jsonl", [NEW]))], fresh_db)
        assert "n1" in {d["id"] for d in c.get("/api/documents").json()["items"]}


def test_script_comes_back_as_data(client):
    r = client.get("/api/documents/a3")
    assert r.headers["content-type"].startswith("application/json")
    assert r.headers["x-content-type-options"] == "nosniff"
    assert b"<script>" not in r.content and b"\\u003cscript\\u003e" in r.content
    assert "<script>alert(1)</script>" in r.json()["text"]
    r = client.post("/api/extract", json={"text": ARTICLES[2]["text"]})
    assert b"<" not in r.content


def test_no_html_anywhere(client):
    for url in ("/redoc", "/api/"):  # "/" is the dashboard, "/docs" its API reference (HTML)
        r = client.get(url)
        assert r.status_code == 404 and r.headers["content-type"].startswith("application/json")


def test_openapi_schema_lists_the_endpoints(client):
    r = client.get("/openapi.json")
    assert r.status_code == 200
    paths = r.json()["paths"]
    for p in ("/api/documents", "/api/documents/{doc_id}", "/api/claims", "/api/sources",
              "/api/groups", "/api/groups/{group_id}", "/api/extract", "/api/ingest",
              "/api/health"):
        assert p in paths, p
    params = {p["name"] for p in paths["/api/groups"]["get"]["parameters"]}
    assert {"type", "country", "place", "since", "until", "source", "disagree", "min_sources",
            "sort", "limit", "offset"} <= params
    json.dumps(r.json())


def test_500_shape(fresh_db, monkeypatch):
    from rasd.api import errors

    logged: list[tuple] = []  # kept here, so a passing run prints no traceback
    monkeypatch.setattr(errors.log, "exception", lambda *args: logged.append(args))
    app = create_app(fresh_db)
    with TestClient(app, raise_server_exceptions=False) as c:
        def boom():
            raise RuntimeError("secret detail")
        monkeypatch.setattr(app.state.cache, "get", boom)
        err = _error(c.get("/api/groups"), 500, "internal_error")
        assert "secret" not in err["message"]
    assert logged == [("unexpected error on %s", "/api/groups")]  # the server log has it


def test_extract_own_voice_without_outlet_is_empty_not_a_placeholder(client):
    r = client.post("/api/extract", json={"text": "قتل 7 أشخاص في قصف على مدينة حلب أمس."})
    assert r.status_code == 200 and "__" not in r.text
    own = [c for c in r.json()["claims"] if c["source"]["kind"] == "outlet"]
    assert own and own[0]["source"]["text"] == ""
