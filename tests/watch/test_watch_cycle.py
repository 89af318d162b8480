"""Watch cycles against a local feed server: conditional requests, items seen once (across
restarts), back-off of failing sources while the others go on, page retries."""

from __future__ import annotations

import datetime as dt

import pytest

from rasd.errors import InputError
from rasd.ingest.fetch import FetchOptions
from rasd.store import Store
from rasd.store.watch import WatchStore
from rasd.watch.cycle import Watcher, WatchOptions
from rasd.watch.poll import backoff
from rasd.watch.sources import read_sources

EVERY = dt.timedelta(minutes=10)
OPTIONS = WatchOptions(every=EVERY, fetch=FetchOptions(allow_private=True, timeout=0.5))
TEXT = "قالت الشرطة إن {n} أشخاص قتلوا أمس في انفجار سيارة مفخخة في مدينة {city}."
CITIES = ["حلب", "حمص", "الموصل", "عدن", "تعز", "درعا", "إدلب", "البصرة"]


class Clock:
    def __init__(self) -> None:
        self.now = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)

    def __call__(self) -> dt.datetime:
        return self.now

    def tick(self, by: dt.timedelta = EVERY) -> None:
        self.now += by


def _page(server, name: str, n: int = 3, city: int = 0, feed: str = "one") -> None:
    server.add_page(name, TEXT.format(n=n, city=CITIES[city % len(CITIES)]), title="خبر")
    server.add_item(feed, name)


def _pages_fetched(server) -> dict[str, int]:
    return {p: n for p, n in server.hits.items() if p.startswith("/pages/")}


def test_new_items_stored_once_and_a_304_fetches_nothing(server, db_url):
    db, clock = db_url, Clock()
    for i in range(2):
        _page(server, f"p{i}", city=i)
    feed = server.url("/feeds/one")
    with Store.open(db) as store:
        watcher = Watcher(store, [feed], OPTIONS, clock=clock)
        first = watcher.cycle()
        assert (first.items, first.summary.new) == (2, 2)
        clock.tick()
        second = watcher.cycle()
        assert second.unchanged == 1 and second.items == 0
        assert server.not_modified["/feeds/one"] == 1
    assert _pages_fetched(server) == {"/pages/p0": 1, "/pages/p1": 1}
    _page(server, "p2", city=2)
    clock.tick()
    with Store.open(db) as store:  # a restart: what was seen is still seen
        third = Watcher(store, [feed], OPTIONS, clock=clock).cycle()
        assert (third.items, third.summary.new) == (1, 1)
        assert store.counts()["documents"] == 3
        assert WatchStore(store).item_counts() == {"stored": 3}
        runs = store.runs()
    assert _pages_fetched(server) == {"/pages/p0": 1, "/pages/p1": 1, "/pages/p2": 1}
    assert [r.status for r in runs] == ["finished"] * 3 and runs[0].command.startswith("watch ")


def test_failing_sources_back_off_and_the_others_go_on(server, tmp_path):
    server.slow_seconds = 2.0
    clock = Clock()
    bad = ["/error", "/broken", "/slow", "/missing"]
    with Store.open(str(tmp_path / "w.db")) as store:
        watcher = Watcher(store, [server.url(p) for p in ["/feeds/one"] + bad], OPTIONS,
                          clock=clock)
        stored = []
        for cycle in range(8):
            _page(server, f"p{cycle}", city=cycle)
            report = watcher.cycle()
            stored.append(report.summary.new)
            clock.tick()
        state = {f.url.removeprefix(server.base): f for f in WatchStore(store).feeds()}
    assert stored == [1] * 8  # the good feed's new item, every cycle
    # failures 1, 2, 3 wait 1, 2, 4 intervals: polled at cycles 0, 1, 3 and 7
    assert {p: server.hits[p] for p in ["/error", "/broken", "/missing"]} == \
        {"/error": 4, "/broken": 4, "/missing": 4}
    assert state["/error"].failures == 4 and state["/error"].last_error == "HTTP 500"
    assert "not a readable feed" in state["/broken"].last_error
    assert "ReadTimeout" in state["/slow"].last_error
    assert state["/feeds/one"].failures == 0 and state["/feeds/one"].last_success is not None
    assert state["/error"].next_poll == clock.now - EVERY + 8 * EVERY


def test_backoff_doubles_up_to_the_cap():
    cap = dt.timedelta(hours=1)
    assert [backoff(n, EVERY, cap) for n in range(6)] == [
        EVERY, EVERY, 2 * EVERY, 4 * EVERY, cap, cap]


def test_a_page_that_fails_is_tried_again_then_given_up(server, tmp_path):
    clock = Clock()
    server.add_item("one", "nowhere")  # 404
    _page(server, "ok")
    with Store.open(str(tmp_path / "w.db")) as store:
        watcher = Watcher(store, [server.url("/feeds/one")], OPTIONS, clock=clock)
        reports = []
        for _ in range(4):
            reports.append(watcher.cycle())
            clock.tick()
        counts = WatchStore(store).item_counts()
        failures = [f.reason for f in store.failures()]
    # tried again although the feed is unchanged (304), three times in all
    assert [r.item_failures for r in reports] == [1, 1, 1, 0]
    assert server.hits["/pages/nowhere"] == 3 and server.not_modified["/feeds/one"] == 3
    assert counts == {"given_up": 1, "stored": 1} and failures == ["HTTP 404"] * 3


def test_a_page_url_is_one_item(server, tmp_path):
    url = server.add_page("solo", TEXT.format(n=4, city="حلب"), title="خبر")
    with Store.open(str(tmp_path / "w.db")) as store:
        watcher = Watcher(store, [url], OPTIONS, clock=Clock())
        assert watcher.cycle().summary.new == 1
        watcher.clock.tick()
        assert watcher.cycle().items == 0
    assert server.hits["/pages/solo"] == 2  # polled twice, stored once


def test_private_addresses_are_refused_unless_allowed(server, tmp_path):
    with Store.open(str(tmp_path / "w.db")) as store:
        watcher = Watcher(store, [server.url("/feeds/one")], WatchOptions(), clock=Clock())
        report = watcher.cycle()
    assert "loopback" in report.failed[0].last_error and not server.hits


def test_source_lists(tmp_path):
    listing = tmp_path / "feeds.txt"
    listing.write_text("# Arabic feeds\nhttp://a.test/rss  # main\n\nhttps://b.test/x#top\n"
                       "http://a.test/rss\n", encoding="utf-8")
    assert read_sources([str(listing), "http://c.test/"]) == [
        "http://a.test/rss", "https://b.test/x#top", "http://c.test/"]
    listing.write_text("ftp://nope\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"feeds.txt:1: not an http\(s\) URL"):
        read_sources([str(listing)])
    with pytest.raises(InputError, match="missing.txt: cannot read"):
        read_sources([str(tmp_path / "missing.txt")])


def test_the_first_watch_of_a_store_takes_what_is_there_as_known(server, tmp_path):
    db = str(tmp_path / "w.db")
    with Store.open(db) as store:
        from rasd.model import Document

        store.save(Document(text=TEXT.format(n=30, city="حلب"), id="old"))
        Watcher(store, [server.url("/feeds/one")], OPTIONS, clock=Clock()).cycle()
        assert WatchStore(store).unchecked() == []
        store.save(Document(text=TEXT.format(n=40, city="حمص"), id="new"))
        Watcher(store, [server.url("/feeds/one")], OPTIONS, clock=Clock())  # not the first
        assert WatchStore(store).unchecked() == ["new"]
