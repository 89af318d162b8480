"""Read endpoints: documents, claims, sources, groups — filters, pagination, sorting."""

import pytest


def test_health(client):
    body = client.get("/api/health").json()
    assert body["status"] == "ok" and body["counts"]["documents"] == 4 and body["writes"]


def test_documents_list_filters_pagination_sorting(client):
    body = client.get("/api/documents").json()
    assert body["total"] == 4 and body["limit"] == 50 and body["offset"] == 0
    assert [d["id"] for d in body["items"]] == ["a1", "a2", "a3", "b1"]  # id order
    assert "text" not in body["items"][0] and body["items"][0]["title"].startswith("مقتل")
    assert body["items"][0]["n_claims"] >= 2

    outlet = client.get("/api/documents", params={"outlet": "Outlet A"}).json()
    assert [d["id"] for d in outlet["items"]] == ["a1", "b1"]
    dated = client.get("/api/documents", params={"since": "2020-10-05",
                                                "until": "2020-10-05"}).json()
    assert {d["id"] for d in dated["items"]} == {"a1", "a3"}

    newest = client.get("/api/documents", params={"sort": "-published"}).json()["items"]
    assert newest[0]["id"] == "a2" and newest[-1]["id"] == "b1"
    oldest = client.get("/api/documents", params={"sort": "published"}).json()["items"]
    assert oldest[0]["id"] == "b1"

    p = client.get("/api/documents", params={"limit": 2, "offset": 1}).json()
    assert p["total"] == 4 and [d["id"] for d in p["items"]] == ["a2", "a3"]
    assert (p["limit"], p["offset"]) == (2, 1)
    assert client.get("/api/documents", params={"offset": 10}).json()["items"] == []


def test_document_has_text_and_claims(client):
    doc = client.get("/api/documents/a1").json()
    assert doc["outlet"] == "Outlet A" and doc["url"] == "https://a.example/1"
    assert "20 شخصاً" in doc["text"]
    types = {c["type"] for c in doc["claims"]}
    assert {"killed", "arrested"} <= types
    assert all(c["doc_id"] == "a1" and len(c["id"]) == 32 for c in doc["claims"])


def test_claims_filters(client):
    everything = client.get("/api/claims").json()
    assert everything["total"] >= 5
    killed = client.get("/api/claims", params={"type": "killed"}).json()["items"]
    assert {c["doc_id"] for c in killed} == {"a1", "a2", "a3"}
    assert all(c["type"] == "killed" for c in killed)
    assert killed[0]["document"]["outlet"] == "Outlet A"

    iraq = client.get("/api/claims", params={"country": "IQ"}).json()["items"]
    assert [c["doc_id"] for c in iraq] == ["b1"]
    assert client.get("/api/claims", params={"country": "iq"}).json()["total"] == 1
    sohr = client.get("/api/claims", params={"source": "sohr"}).json()["items"]
    assert [c["count"]["value"] for c in sohr] == [20]
    by_text = client.get("/api/claims", params={"source": "الدفاع المدني"}).json()["items"]
    assert [c["count"]["value"] for c in by_text] == [28]
    outlet_b = client.get("/api/claims", params={"outlet": "Outlet B"}).json()["items"]
    assert {c["doc_id"] for c in outlet_b} == {"a2"}
    place = client.get("/api/claims", params={"place": "Mosul"}).json()["items"]
    assert [c["doc_id"] for c in place] == ["b1"]
    place_ar = client.get("/api/claims", params={"place": "الموصل"}).json()["items"]
    assert [c["doc_id"] for c in place_ar] == ["b1"]
    dated = client.get("/api/claims", params={"since": "2020-10-01"}).json()["items"]
    assert "b1" not in {c["doc_id"] for c in dated} and dated
    assert client.get("/api/claims", params={"until": "2020-09-01"}).json()["total"] == 0
    assert client.get("/api/claims", params={"doc_id": "a2"}).json()["total"] == 1


def test_claims_sorting_and_pagination(client):
    by_count = client.get("/api/claims", params={"sort": "-count"}).json()["items"]
    values = [c["count"]["value"] for c in by_count]
    assert values == sorted(values, reverse=True) and values[0] == 300
    asc = client.get("/api/claims", params={"sort": "count"}).json()["items"]
    assert asc[0]["count"]["value"] == 5
    by_date = client.get("/api/claims", params={"sort": "date"}).json()["items"]
    assert by_date[0]["doc_id"] == "b1"
    by_conf = client.get("/api/claims", params={"sort": "-confidence"}).json()["items"]
    confs = [c["confidence"] for c in by_conf]
    assert confs == sorted(confs, reverse=True)
    first = client.get("/api/claims", params={"sort": "-count", "limit": 1}).json()
    second = client.get("/api/claims", params={"sort": "-count", "limit": 1,
                                               "offset": 1}).json()
    assert [first["items"][0]["id"], second["items"][0]["id"]] == [by_count[0]["id"],
                                                                    by_count[1]["id"]]


def test_sources(client):
    body = client.get("/api/sources").json()
    ids = {s["id"]: s for s in body["items"]}
    assert {"sohr", "white-helmets", "un"} <= set(ids)
    assert ids["sohr"]["n_claims"] == 1 and ids["sohr"]["types"] == {"killed": 1}
    assert ids["sohr"]["outlets"] == {"Outlet A": 1}
    assert [s["id"] for s in client.get("/api/sources", params={"q": "sohr"}).json()["items"]] \
        == ["sohr"]
    assert client.get("/api/sources", params={"limit": 1}).json()["total"] == body["total"]


def _aleppo(client, **params):
    items = client.get("/api/groups", params={"type": "killed", **params}).json()["items"]
    return [g for g in items if g["place"]["name"] == "Aleppo"]


def test_groups_side_by_side_and_filters(client):
    body = client.get("/api/groups").json()
    assert body["total"] >= 3
    (aleppo,) = _aleppo(client)
    assert aleppo["disagree"] and aleppo["n_sources"] == 3
    assert sorted(f["count"]["value"] for f in aleppo["figures"]) == [20, 28, 35]

    disagree = client.get("/api/groups", params={"disagree": "true"}).json()["items"]
    assert [g["id"] for g in disagree] == [aleppo["id"]]
    several = client.get("/api/groups", params={"min_sources": 2}).json()["items"]
    assert [g["id"] for g in several] == [aleppo["id"]]
    assert client.get("/api/groups", params={"country": "IQ"}).json()["items"][0]["type"] \
        == "displaced"
    assert [g["id"] for g in client.get("/api/groups", params={"place": "Aleppo",
                                                               "type": "killed"}).json()["items"]] \
        == [aleppo["id"]]
    assert aleppo["id"] in {g["id"] for g in client.get(
        "/api/groups", params={"source": "sohr"}).json()["items"]}
    assert client.get("/api/groups", params={"since": "2020-10-01", "type": "displaced"}
                      ).json()["total"] == 0
    assert client.get("/api/groups", params={"until": "2020-10-01", "type": "displaced"}
                      ).json()["total"] == 1
    assert client.get("/api/groups", params={"outlet": "Outlet C"}).json()["items"][0]["id"] \
        == aleppo["id"]


def test_groups_sorting_pagination_and_one_group(client):
    by_sources = client.get("/api/groups", params={"sort": "-n_sources"}).json()["items"]
    assert by_sources[0]["n_sources"] == 3
    best = [g["best"] for g in client.get("/api/groups", params={"sort": "-best"}).json()["items"]]
    assert best == sorted(best, reverse=True)
    dates = [g["date_from"] for g in client.get("/api/groups",
                                                params={"sort": "date"}).json()["items"]]
    known = [d for d in dates if d]
    assert known == sorted(known) and dates[:len(known)] == known  # undated last
    p = client.get("/api/groups", params={"limit": 1, "offset": 1}).json()
    assert len(p["items"]) == 1 and p["total"] >= 3

    gid = by_sources[0]["id"]
    assert client.get(f"/api/groups/{gid}").json() == by_sources[0]


@pytest.mark.parametrize("url", ["/api/groups/nope", "/api/documents/nope", "/api/nothing"])
def test_404_shape(client, url):
    r = client.get(url)
    assert r.status_code == 404
    assert r.headers["content-type"].startswith("application/json")
    err = r.json()["error"]
    assert set(r.json()) == {"error"} and set(err) == {"code", "message", "status"}
    assert err["status"] == 404 and err["code"] == "not_found"


@pytest.mark.parametrize("params", [{"limit": 501}, {"limit": 0}, {"offset": -1},
                                    {"sort": "nope"}, {"since": "yesterday"},
                                    {"type": "eaten"}, {"country": "SYR"},
                                    {"min_sources": 0}])
def test_422_shape(client, params):
    r = client.get("/api/groups", params=params)
    assert r.status_code == 422
    err = r.json()["error"]
    assert err["code"] in ("invalid_request", "invalid_filter") and err["status"] == 422
    assert err["message"]


def test_405_shape(client):
    r = client.delete("/api/groups")
    assert r.status_code == 405 and r.json()["error"]["code"] == "method_not_allowed"


def test_filters_are_checked_as_the_cli_checks_them(client):
    from rasd.filters import FilterError, check

    for params in ({"type": "kiled"}, {"country": "Syra"}, {"since": "2020-13-45"},
                   {"since": "2020-10-06", "until": "2020-10-01"}, {"period": "evnt"}):
        err = client.get("/api/groups", params=params).json()["error"]
        with pytest.raises(FilterError) as cli:
            check(**params)
        assert (err["status"], err["message"], err["code"]) == (422, str(cli.value),
                                                                 cli.value.code)
    by_code = client.get("/api/groups", params={"country": "sy"}).json()
    assert by_code["total"] > 0
    for name in ("Syria", "سوريا", "SY"):
        assert client.get("/api/groups", params={"country": name}).json() == by_code
