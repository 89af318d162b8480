"""The watch tables: feeds, seen items, checked documents, alerts deduplicated by claims,
deliveries per channel (SQLite, and PostgreSQL when configured)."""

from __future__ import annotations

import datetime as dt

import sqlalchemy as sa

from rasd.model import Document
from rasd.store import Store, schema
from rasd.store.watch import FeedState, WatchStore, item_key


def test_feed_state_round_trips(store):
    ws = WatchStore(store)
    assert ws.feed("http://x/feed").failures == 0 and ws.feeds() == []
    when = dt.datetime(2026, 1, 2, 3, 4, tzinfo=dt.UTC)
    ws.save_feed(FeedState("http://x/feed", etag='"v1"', last_modified="Mon, 01 Jan 2026",
                           last_polled=when, last_success=when, next_poll=when))
    ws.save_feed(FeedState("http://x/feed", etag='"v1"', last_polled=when, failures=2,
                           next_poll=when, last_error="HTTP 500"))
    got = ws.feed("http://x/feed")
    assert (got.etag, got.failures, got.last_error, got.last_success) == ('"v1"', 2, "HTTP 500",
                                                                         None)
    assert got.next_poll == when and [f.url for f in ws.feeds()] == ["http://x/feed"]


def test_items_count_attempts(store):
    ws = WatchStore(store)
    key = item_key(None, "http://x/a")
    assert key == item_key("http://x/a", "other") and len(key) == 64
    ws.mark_item(key, "http://x/feed", "http://x/a", "failed", error="HTTP 503")
    ws.mark_item(key, "http://x/feed", "http://x/a", "stored", doc_id="d1")
    assert ws.items([key, "nope"]) == {key: ("stored", 2)}
    assert ws.item_counts() == {"stored": 1}


def test_checked_documents_baseline_and_marks(store):
    ws = WatchStore(store)
    for n in range(3):
        store.save(Document(text=f"نص رقم {n}", id=f"d{n}"))
    assert ws.check_all_stored() == 3 and ws.unchecked() == []
    store.save(Document(text="نص جديد", id="d9"))
    assert ws.unchecked() == ["d9"]
    ws.mark_checked(["d9", "d9"])
    assert ws.unchecked() == [] and ws.check_all_stored() == 0


def test_an_alert_sharing_a_claim_with_one_of_its_kind_and_cause_is_a_repeat(store):
    ws = WatchStore(store)
    first = ws.add_alert("dispute", "became", "g1", "killed", "s", {"a": 1}, ["c1", "c2"])
    assert first is not None
    # the group gained a claim and changed id: still the same alert
    assert ws.add_alert("dispute", "became", "g2", "killed", "s", {}, ["c2", "c3"]) is None
    # another cause in the same group, or the same cause in another group: new alerts
    assert ws.add_alert("toll_jump", "best:30", "g2", "killed", "s", {}, ["c2", "c3"])
    assert ws.add_alert("dispute", "became", "g7", "killed", "s", {}, ["c7"])
    found, total = ws.alerts()
    assert total == 3 and [a.kind for a in found] == ["dispute", "toll_jump", "dispute"]
    assert ws.alerts(kind="dispute", limit=1)[0][0].group_id == "g7"
    assert ws.alert(first).payload == {"a": 1}


def test_deliveries_per_channel(store):
    ws = WatchStore(store)
    a = ws.add_alert("major_incident", "major", "g", "killed", "s", {}, ["c"])
    b = ws.add_alert("major_incident", "major", "h", "killed", "s", {}, ["d"])
    ws.record_delivery(a, "webhook", ok=False, error="HTTP 500")
    assert [x.id for x in ws.undelivered("webhook", max_attempts=2)] == [a, b]
    ws.record_delivery(a, "webhook", ok=False, error="HTTP 500")
    assert [x.id for x in ws.undelivered("webhook", max_attempts=2)] == [b]  # gave up on a
    ws.record_delivery(b, "webhook", ok=True)
    assert ws.undelivered("webhook", max_attempts=2) == []
    assert [x.id for x in ws.undelivered("email", max_attempts=2)] == [a, b]
    got = ws.alert(a).deliveries
    assert (got[0].channel, got[0].attempts, got[0].delivered_at) == ("webhook", 2, None)


def test_a_schema_2_database_gains_the_watch_tables(tmp_path):
    path = str(tmp_path / "old.db")
    Store.open(path).close()
    engine = sa.create_engine(f"sqlite:///{path}")
    with engine.begin() as conn:
        for table in reversed(schema.WATCH_TABLES):
            table.drop(conn)
        conn.execute(schema.schema_migrations.delete().where(
            schema.schema_migrations.c.version == 3))
    engine.dispose()
    with Store.open(path, readonly=True) as ro:
        assert WatchStore(ro).alerts() == ([], 0)  # read as it is: no alerts
    with Store.open(path) as store:
        assert store.schema_version == 3
        assert WatchStore(store).add_alert("dispute", "became", "g", "killed", "s", {}, ["c"])
