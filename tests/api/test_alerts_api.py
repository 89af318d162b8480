"""GET /api/alerts and the dashboard's alerts page over a store with alerts whose claims are
real stored claims."""

from __future__ import annotations

import warnings

import pytest

warnings.filterwarnings("ignore", message=".*httpx.*")
from alerts_data import store_with_alerts  # noqa: E402
from fastapi.testclient import TestClient  # noqa: E402

from rasd.api import create_app  # noqa: E402


@pytest.fixture(scope="module")
def alerts_db(tmp_path_factory):
    return store_with_alerts(tmp_path_factory.mktemp("alerts"))


@pytest.fixture(scope="module")
def client(alerts_db):
    with TestClient(create_app(alerts_db), raise_server_exceptions=False) as c:
        yield c


def test_alerts_newest_first_filtered_and_paginated(client):
    r = client.get("/api/alerts")
    assert r.status_code == 200
    body = r.json()
    assert body["total"] == 3 and [a["id"] for a in body["items"]] == [3, 2, 1]
    first = body["items"][-1]
    assert first["kind"] == "major_incident" and first["figures"][0]["evidence"]
    assert set(first) >= {"group", "figures", "link", "created_at", "deliveries"}
    one = client.get("/api/alerts", params={"kind": "dispute"}).json()
    assert one["total"] == 1 and one["items"][0]["kind"] == "dispute"
    page = client.get("/api/alerts", params={"limit": 1, "offset": 1}).json()
    assert [a["id"] for a in page["items"]] == [2] and page["total"] == 3
    assert client.get("/api/alerts", params={"since": "2999-01-01"}).json()["total"] == 0
    assert client.get("/api/alerts/2").json()["kind"] == "dispute"


@pytest.mark.parametrize("query,status", [("kind=other", 422), ("limit=0", 422),
                                          ("since=0", 422), ("group_id=x", 422)])
def test_bad_parameters_have_the_error_shape(client, query, status):
    r = client.get(f"/api/alerts?{query}")
    assert r.status_code == status
    assert set(r.json()["error"]) == {"code", "message", "status"}


def test_a_missing_alert_is_a_404(client):
    r = client.get("/api/alerts/99")
    assert r.status_code == 404 and r.json()["error"]["code"] == "not_found"


def test_alerts_page_links_each_alert_to_its_group(client):
    html = client.get("/alerts").text
    assert html.index("/alerts/3/group") < html.index("/alerts/1/group")  # newest first
    assert 'href="/alerts"' in html  # in the navigation
    r = client.get("/alerts/3/group", follow_redirects=False)  # fired under an id now gone
    assert r.status_code == 303 and r.headers["location"].startswith("/groups/")
    assert client.get(r.headers["location"]).status_code == 200
    assert client.get("/alerts/77/group").status_code == 404
    assert "new dispute" in client.get("/alerts?kind=dispute&lang=en").text
