"""The HTML dashboard: pages, labels, SVG charts, highlighting, escaping, /try and errors."""

import re
from html.parser import HTMLParser

import pytest
from api_data import ARTICLES

from rasd.api.dashboard import MAX_TRY_CHARS, highlight

SPAN_KINDS = ("evidence", "trigger", "source", "location", "time")


class Marks(HTMLParser):
    """(class, text) of every ``<mark data-claim>``, nested marks included in their parent's
    text; plus polylines per ``<g class="series">``."""

    def __init__(self):
        super().__init__()
        self.open, self.marks, self.series = [], [], []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "mark":
            self.open.append([a.get("class"), "", "data-claim" in a])
        elif tag == "g" and "series" in (a.get("class") or ""):
            self.series.append(0)
        elif tag == "polyline" and self.series:
            self.series[-1] += 1

    def handle_endtag(self, tag):
        if tag == "mark":
            kind, text, claim = self.open.pop()
            if claim:
                self.marks.append((kind, text))

    def handle_data(self, data):
        for m in self.open:
            m[1] += data


def parse(html):
    p = Marks()
    p.feed(html)
    return p


def html_ok(r, status=200):
    """A page: HTML, right-to-left (the whole page in Arabic; article text in English), CSP."""
    assert r.status_code == status, r.text[:500]
    assert r.headers["content-type"].startswith("text/html")
    assert '<html dir="rtl" lang="ar">' in r.text or '<html dir="ltr" lang="en">' in r.text
    if 'lang="en"' not in r.text[:200]:
        assert '<html dir="rtl" lang="ar">' in r.text
    csp = r.headers["content-security-policy"]
    assert "default-src 'none'" in csp and "script-src 'self'" in csp
    assert "unsafe-inline" not in csp and "unsafe-eval" not in csp
    return r.text


def aleppo_killed(client):
    groups = client.get("/api/groups", params={"type": "killed"}).json()["items"]
    return next(g for g in groups if g["n_sources"] == 3)


@pytest.mark.parametrize("path", ["/", "/try", "/map", "/documents/a1", "/?lang=en"])
def test_pages_are_rtl_html_without_external_requests(client, path):
    text = html_ok(client.get(path))
    if path == "/map":  # only this server's Leaflet and map script, plus a JSON data block
        scripts = re.findall(r"<script[^>]*>", text)
        assert scripts and all('src="/static/' in tag or 'type="application/json"' in tag
                               for tag in scripts)
    else:
        assert "<script" not in text
    assert not re.search(r'(src|href)="(https?:)?//', text.replace(
        'href="https://a.example/1"', ""))  # only the article's own link is external


def test_english_labels(client):
    ar = client.get("/").text
    en = client.get("/?lang=en").text
    assert '<html dir="ltr" lang="en">' in en
    assert ">Groups" in en and "Only where sources disagree" in en
    assert "Only where sources disagree" not in ar
    assert 'href="/groups/' in en and "?lang=en" in en


def test_table_lists_groups_and_links_to_group_page(client):
    text = html_ok(client.get("/"))
    groups = client.get("/api/groups").json()["items"]
    for g in groups:
        assert f'href="/groups/{g["id"]}"' in text
    assert text.count('<svg class="dots"') == len(groups)
    g = aleppo_killed(client)
    row = text[text.index(f'/groups/{g["id"]}'):]
    row = row[:row.index("</tr>")]
    assert row.count("<circle") == 3 and "flag" in row  # three sources disagree


def test_table_filters(client):
    assert client.get("/", params={"disagree": "1"}).text.count('<svg class="dots"') == 1
    assert client.get("/", params={"country": "IQ"}).text.count('<svg class="dots"') == 1
    assert client.get("/", params={"type": "killed", "country": "IQ"}).text.count(
        '<svg class="dots"') == 0
    # a bad value is answered with its reason, next to the form that holds it
    r = client.get("/", params={"type": "kiled"})
    assert r.status_code == 422 and 'class="error"' in r.text
    assert "did you mean &#39;killed&#39;" in r.text
    r = client.get("/map", params={"since": "nope"})
    assert r.status_code == 422 and "since &#39;nope&#39; is not a real date" in r.text
    assert 'value="nope"' in r.text  # shown back in the form


def test_group_page_timeline_and_evidence(client):
    g = aleppo_killed(client)
    text = html_ok(client.get(f"/groups/{g['id']}"))
    p = parse(text)
    assert '<svg id="timeline"' in text
    assert p.series == [1, 1, 1]  # one polyline per source
    for f in g["figures"]:
        assert f'href="/documents/{f["doc_id"]}"' in text
    assert ("evidence", "20 شخصاً قتلوا") in [(k, t) for k, t in p.marks] or \
        "20 شخصاً قتلوا" in text


def test_group_page_links_to_article_page(client):
    g = aleppo_killed(client)
    text = client.get(f"/groups/{g['id']}").text
    doc_id = re.search(r'href="/documents/([^"?]+)"', text).group(1)
    assert client.get(f"/documents/{doc_id}").status_code == 200


def test_article_marks_equal_claim_spans(client):
    doc = client.get("/api/documents/a1").json()
    text = html_ok(client.get("/documents/a1"))
    marks = parse(text).marks
    expected = set()
    for c in doc["claims"]:
        for kind in SPAN_KINDS:
            span = (c.get(kind) or {}).get("span")
            if span and span[1] > span[0]:  # an outlet as source has an empty span
                expected.add((kind, doc["text"][span[0]:span[1]]))
    assert expected and expected <= set(marks)


def test_article_text_is_escaped(client):
    text = html_ok(client.get("/documents/a3"))
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in text
    assert "<script>" not in text


def test_highlight_nests_and_drops_crossing_spans():
    claims = [{"evidence": {"span": [0, 6]}, "trigger": {"span": [3, 6]}},
              {"evidence": {"span": [4, 9]}}]  # crosses the first evidence: dropped
    tree = highlight("abcdefghij", claims)
    assert tree[0]["kind"] == "evidence" and tree[0]["children"][1]["kind"] == "trigger"
    assert tree[1:] == ["ghij"]


def test_try_shows_claims(client):
    text = html_ok(client.get("/try"))
    assert 'method="post"' in text
    r = client.post("/try", data={"text": ARTICLES[1]["text"]})
    text = html_ok(r)
    marks = parse(text).marks
    assert any(k == "evidence" and "35" in t for k, t in marks)
    assert 'class="claim"' in text


def test_try_escapes_pasted_html(client):
    text = html_ok(client.post("/try", data={"text": ARTICLES[2]["text"]}))
    assert "<script>alert" not in text and "&lt;script&gt;" in text


def test_try_too_long(client):
    r = client.post("/try", data={"text": "ا" * (MAX_TRY_CHARS + 1)})
    assert r.status_code == 413


def test_try_huge_body_refused(client):
    r = client.post("/try", content=b"text=" + b"a" * 5_000_000,
                    headers={"content-type": "application/x-www-form-urlencoded"})
    assert r.status_code == 413


def test_unknown_group_and_document_are_html_404(client):
    for path in ("/groups/nope", "/documents/nope"):
        html_ok(client.get(path), 404)
    r = client.get("/api/groups/nope")
    assert r.status_code == 404 and r.json()["error"]["code"] == "not_found"
    assert "content-security-policy" not in r.headers


def _map_data(client, **params):
    import json

    text = html_ok(client.get("/map", params=params))
    block = text.split('<script type="application/json" id="map-data">', 1)[1]
    return json.loads(block.split("</script>", 1)[0])


def test_map_places_groups_with_type_size_dispute_and_precision(client):
    data = _map_data(client)
    groups = {g["id"]: g for g in client.get("/api/groups").json()["items"]}
    located = [g for g in groups.values() if g["place"]["lat"] is not None
               and g["place"]["level"] in ("point", "admin1", "country")]
    assert len(data["points"]) == len(located) >= 2
    for _lat, _lon, best, type_, disputed, level, gid, place in data["points"]:
        g = groups[gid]
        assert data["places"][place] == g["place"]["text"]
        assert (best, type_, bool(disputed)) == (g["best"], g["type"], g["disagree"])
        assert level == g["place"]["level"][0]
    assert len(_map_data(client, country="IQ")["points"]) == 1
    assert {p[6] for p in _map_data(client, disagree=1)["points"]} == {
        g["id"] for g in located if g["disagree"]}
    assert data["types"]["killed"] == "قتلى" and data["countries"]


def test_groups_sharing_a_point_are_not_piled():
    from rasd.api.dashboard import unpile

    spots = {unpile(33.5, 36.3, k) for k in range(50)}
    assert len(spots) == 50 and all(abs(lat - 33.5) < 3 and abs(lon - 36.3) < 3
                                    for lat, lon in spots)


def test_static_css(client):
    r = client.get("/static/dashboard.css")
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/css")


def test_api_paths_stay_json(client):
    """Only the dashboard's pages (and /docs, served from the package) are HTML: /api/ errors
    keep the JSON shape."""
    for url in ("/redoc", "/api/", "/api/nope"):
        r = client.get(url)
        assert r.status_code == 404 and r.headers["content-type"].startswith("application/json")
        assert r.json()["error"]["status"] == 404


def test_english_page_keeps_article_text_rtl(client):
    text = html_ok(client.get("/documents/a1?lang=en"))
    assert '<div class="text" dir="rtl" lang="ar">' in text and "Extracted claims" in text


def test_pages_render_vague_and_range_figures(tmp_path):
    """Every group and article page renders when figures are vague words or ranges."""
    from api_data import write_corpus
    from fastapi.testclient import TestClient

    from rasd.api import create_app
    from rasd.corpus import ingest

    articles = [
        {"id": "v1", "outlet": "A", "published": "2020-10-05",
         "text": "قتل عشرات المدنيين أمس الأحد في قصف على مدينة حلب، بحسب ناشطين."},
        {"id": "v2", "outlet": "B", "published": "2020-10-05",
         "text": "قال مسؤول إن ما بين 40 و50 مدنياً قتلوا أمس الأحد في قصف على مدينة حلب."},
    ]
    db = str(tmp_path / "v.db")
    ingest([str(write_corpus(tmp_path / "v.jsonl", articles))], db)
    with TestClient(create_app(db), raise_server_exceptions=True) as client:
        groups = client.get("/api/groups").json()["items"]
        assert groups
        for g in groups:
            page = client.get(f"/groups/{g['id']}")
            assert page.status_code == 200 and "<svg" in page.text
        for doc_id in ("v1", "v2"):
            assert client.get(f"/documents/{doc_id}").status_code == 200


def test_try_names_the_articles_own_voice_in_words(client):
    text = html_ok(client.post("/try", data={"text": "قتل 7 أشخاص في قصف على مدينة حلب أمس."}))
    assert "__" not in text and "المقال نفسه" in text
    text = html_ok(client.post("/try?lang=en", data={"text": "قتل 7 أشخاص في قصف على مدينة حلب أمس."}))
    assert "the article itself" in text


def _row_ids(text):
    return re.findall(r'<tr(?: class="disagree")?>\s*<td><a href="/groups/([0-9a-f]+)', text)


def test_table_opens_on_disputes_and_sorts_by_its_columns(client):
    api = client.get("/api/groups", params={"sort": "-disputes"}).json()["items"]
    text = html_ok(client.get("/"))
    assert _row_ids(text) == [g["id"] for g in api]
    assert api[0]["disagree"] and api[0]["n_sources"] >= 2
    for key in ("date", "n_sources", "spread", "best"):
        assert f'href="/?sort=-{key}"' in text  # each sortable heading, descending first
        by_api = client.get("/api/groups", params={"sort": f"-{key}"}).json()["items"]
        sorted_page = html_ok(client.get("/", params={"sort": f"-{key}"}))
        assert _row_ids(sorted_page) == [g["id"] for g in by_api]
        assert f'href="/?sort={key}"' in sorted_page  # the same heading now sorts ascending
    r = client.get("/", params={"sort": "colour"})
    assert r.status_code == 422 and "unknown sort &#39;colour&#39;" in r.text


def test_table_rows_say_one_source_and_where_the_pager_is(client):
    text = html_ok(client.get("/", params={"lang": "en"}))
    single = [g for g in client.get("/api/groups").json()["items"] if g["n_sources"] == 1]
    assert single and text.count(">one source<") == len(single)
    total = client.get("/api/groups").json()["total"]
    assert f'Rows <bdi dir="ltr">1–{total}</bdi> of <bdi dir="ltr">{total}</bdi>' in text
    assert "page <bdi dir=\"ltr\">1/1</bdi>" in text


def test_table_filters_by_source_outlet_min_sources_and_period(client):
    def rows(**params):
        return len(_row_ids(html_ok(client.get("/", params=params))))

    everything = rows()
    assert rows(min_sources=3) == 1 and rows(period="event") <= everything
    assert rows(outlet="nobody") == 0 and rows(source="nobody") == 0
    assert rows(min_sources=3, period="undated") == 0


def test_dot_strips_share_one_log_scale():
    from rasd.api.dashboard import LogScale, dots

    scale = LogScale.over([1, 12, 3, 3_000_000])
    assert (scale.lo, scale.hi) == (0, 7)
    assert [t["label"] for t in scale.ticks()] == ["1", "100", "10k", "1M"]
    group = {"figures": [{"source": {"text": "a", "tier": 0}, "count": {"value": 1}},
                         {"source": {"text": "b", "tier": 2}, "count": {"value": 12}}],
             "low": 1, "high": 12}
    xs = [p["x"] for p in dots(group, scale)["points"]]
    # 1 vs 12 is about one decade of seven: a seventh of the strip, not all of it
    assert xs[0] == scale.x(1) and 0.13 < (xs[1] - xs[0]) / (scale.width - 2 * scale.pad) < 0.16
    assert [p["tier"] for p in dots(group, scale)["points"]] == [0, 2]


def test_download_what_i_see(client):
    import csv
    import io
    import json

    page = html_ok(client.get("/", params={"min_sources": 3}))
    assert 'href="/download.csv?min_sources=3"' in page
    shown = _row_ids(page)
    r = client.get("/download.csv", params={"min_sources": 3})
    assert r.status_code == 200 and "attachment" in r.headers["content-disposition"]
    rows = list(csv.DictReader(io.StringIO(r.text.lstrip("\ufeff"))))
    assert rows and {row["group_id"] for row in rows} == set(shown)
    assert all(row["outlet"] and row["published"] and row["evidence"] for row in rows)
    lines = [json.loads(x) for x in client.get("/download.jsonl",
                                               params={"min_sources": 3}).text.splitlines()]
    assert [x["claim_id"] for x in lines] == [row["claim_id"] for row in rows]
    assert client.get("/download.csv", params={"type": "kiled"}).status_code == 422
    assert client.get("/download.xlsx").status_code == 404


def test_claim_cards_link_to_their_group_and_the_group_page_draws_tiers(client):
    g = aleppo_killed(client)
    doc_id = g["figures"][0]["doc_id"]
    text = html_ok(client.get(f"/documents/{doc_id}"))
    assert f'href="/groups/{g["id"]}"' in text
    page = html_ok(client.get(f"/groups/{g['id']}"))
    tiers = {f["source"]["tier"] for f in g["figures"]}
    assert all(f'class="series tier{n}"' in page for n in tiers)
    assert "at_least" not in page and "(about)" not in page  # qualifiers are translated


def test_timeline_goes_log_when_figures_span_orders_of_magnitude():
    from rasd.api.dashboard import timeline

    def group(*values):
        return {"figures": [{"source": {"text": f"s{i}", "tier": i % 3}, "count": {"value": v},
                             "date": f"2018-05-{i + 1:02d}", "chain": []}
                            for i, v in enumerate(values)]}

    flat = timeline(group(20, 150))
    steep = timeline(group(2, 150, 2000))
    assert not flat["log"] and steep["log"]
    ys = {p["value"]: p["y"] for s in steep["series"] for p in s["pts"]}
    # on the log axis 2 -> 150 is more than half of 2 -> 2000 (linear: under a tenth)
    assert (ys[2] - ys[150]) / (ys[2] - ys[2000]) > 0.6
    assert [t["label"] for t in steep["xticks"]][0] == "2018-05-01"
    assert steep["xticks"][-1]["anchor"] == "end" and len(steep["xticks"]) >= 3


def test_try_reads_the_publication_date_and_outlet(client):
    text = "قتل 7 أشخاص في قصف على مدينة حلب أمس."
    r = client.post("/try", data={"text": text, "published": "2020-10-05",
                                  "outlet": "Test Outlet", "lang": "en"})
    page = html_ok(r)
    assert "2020-10-04" in page  # "أمس" resolved against the publication date
    assert "Test Outlet" in page  # the article's own figure is the outlet's
    bad = client.post("/try", data={"text": text, "published": "2020-13-45"})
    assert bad.status_code == 422 and "published &#39;2020-13-45&#39; is not a real date" in bad.text


def test_a_dispute_reason_is_worded_in_the_page_language():
    from rasd.api.dashboard import reason_parts

    r = reason_parts("المرصد السوري (at least 1000) vs وزارة الصحة (tens): 1.98x")
    assert (r["a"], r["fa"], r["b"], r["fb"]["vague"], r["x"]) == (
        "المرصد السوري", {"n": "1,000", "q": "at_least", "vague": None}, "وزارة الصحة",
        "tens", "1.98")
    assert reason_parts("X (10-15) vs Y (2)")["fa"] == {"n": "10-15", "q": None, "vague": None}
    assert reason_parts("something else") is None


def test_arabic_pages_show_no_raw_values(client):
    g = aleppo_killed(client)
    for path in ("/", f"/groups/{g['id']}"):
        text = html_ok(client.get(path))
        assert " vs " not in text and "at_least" not in text and "(about" not in text
