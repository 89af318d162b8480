"""Alert rules over watch cycles: a major incident, an agreeing update (nothing), a toll jump,
a dispute — each delivered exactly once to each channel; deduplicated across restarts and when
a new claim changes the group's id."""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import json

from feedserver import Receiver

from rasd.corpus import ingest
from rasd.ingest.fetch import FetchOptions
from rasd.store import Store
from rasd.store.watch import WatchStore
from rasd.watch import alerts
from rasd.watch.channels import JsonlLog, Webhook, deliver
from rasd.watch.cycle import Watcher, WatchOptions

EVERY = dt.timedelta(minutes=10)
OPTIONS = WatchOptions(every=EVERY, fetch=FetchOptions(allow_private=True, timeout=1))
MINISTRY = "قالت وزارة الصحة السورية إن 12 شخصا قتلوا أمس في قصف استهدف سوقا شعبيا في مدينة حلب."
CIVIL = "قال الدفاع المدني إن 12 شخصا قتلوا أمس في قصف استهدف سوقا شعبيا في مدينة حلب."
UPDATE = ("قالت وزارة الصحة السورية إن حصيلة القتلى في قصف السوق الشعبي في مدينة حلب أمس "
          "ارتفعت إلى 30 قتيلا.")
OBSERVATORY = ("قال المرصد السوري لحقوق الإنسان إن 40 شخصا قتلوا أمس في قصف استهدف سوقا شعبيا "
               "في مدينة حلب.")
SMALL = "قالت الشرطة إن 3 أشخاص قتلوا أمس في انفجار في مدينة حمص."


def test_each_alert_once_to_each_channel_none_for_agreeing_updates(server, tmp_path, db_url):
    clock = [dt.datetime(2026, 1, 1, tzinfo=dt.UTC)]
    log = tmp_path / "alerts.jsonl"
    secret = "s3cret-key"
    steps = [("ministry", MINISTRY, "2025-10-06", ["major_incident"]),
             ("small", SMALL, "2025-10-06", []),             # 3 killed: not major
             ("civil", CIVIL, "2025-10-06", []),             # agrees: nothing
             ("update", UPDATE, "2025-10-07", ["toll_jump"]),  # 12 -> 30
             ("observatory", OBSERVATORY, "2025-10-06", ["dispute"])]  # 40 vs 12 and 30
    with Receiver(fail=1) as hook, Store.open(db_url) as store:
        channels = [JsonlLog(log), Webhook(hook.url, secret=secret)]
        watcher = Watcher(store, [server.url("/feeds/one")], OPTIONS, clock=lambda: clock[0],
                          alerts=alerts.check,
                          deliver=lambda s: deliver(s, channels, retry_delay=0.01))
        fired = []
        for name, text, date, expected in steps:
            server.add_page(name, text, date=date, title="خبر")
            server.add_item("one", name)
            report = watcher.cycle()
            kinds = [WatchStore(store).alert(i).kind for i in report.alerts]
            assert sorted(kinds) == expected, (name, kinds)
            fired += report.alerts
            clock[0] += EVERY
        watcher.cycle()  # nothing new: nothing fired, nothing sent again
        found, total = WatchStore(store).alerts()
    assert total == len(fired) == 3
    lines = [json.loads(x) for x in log.read_text(encoding="utf-8").splitlines()]
    assert sorted(x["id"] for x in lines) == sorted(fired)
    assert sorted(json.loads(body)["id"] for _, body in hook.posts) == sorted(fired)
    assert hook.calls == 4  # the first POST failed (500) and was retried
    for headers, body in hook.posts:
        expected = "sha256=" + hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()
        assert headers["X-Rasd-Signature"] == expected
    first = next(a for a in found if a.kind == "major_incident")
    assert [(d.channel, d.attempts, d.delivered_at is not None) for d in first.deliveries] == \
        [("jsonl", 1, True), ("webhook", 2, True)]
    dispute = next(a for a in found if a.kind == "dispute")
    by_source = {f["source"]: f for f in dispute.payload["figures"]}
    assert by_source["المرصد السوري لحقوق الإنسان"]["figure"] == "40"
    assert by_source["المرصد السوري لحقوق الإنسان"]["new"] is True
    assert "40 شخصا قتلوا" in by_source["المرصد السوري لحقوق الإنسان"]["evidence"]
    assert by_source["المرصد السوري لحقوق الإنسان"]["sentence"] == OBSERVATORY  # whole sentence
    assert by_source["وزارة الصحة السورية"]["url"].endswith("/pages/update")
    assert dispute.payload["group"]["disagree"] and dispute.payload["link"].startswith("/groups/")
    jump = next(a for a in found if a.kind == "toll_jump")
    assert (jump.payload["previous"]["best"], jump.payload["group"]["best"]) == (12, 30)


def _corpus(path, records):
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records),
                    encoding="utf-8")
    return str(path)


def test_alerts_are_not_repeated_after_a_crash_nor_when_the_group_id_changes(tmp_path,
                                                                              monkeypatch, db_url):
    db = db_url
    with Store.open(db) as store:
        WatchStore(store).check_all_stored()  # the baseline of an empty store
    ingest([_corpus(tmp_path / "b.jsonl", [{"id": "b-ministry", "text": MINISTRY,
                                            "published": "2025-10-06"}])], db)
    # killed after the alerts were recorded, before the documents were marked looked-at
    monkeypatch.setattr(WatchStore, "mark_checked", lambda self, ids: None)
    with Store.open(db) as store:
        first = alerts.check(store)
        group_before = WatchStore(store).alert(first[0]).group_id
    monkeypatch.undo()
    assert len(first) == 1
    # meanwhile another article joins the group and leads it (its id sorts first): new id
    ingest([_corpus(tmp_path / "a.jsonl", [{"id": "a-civil", "text": CIVIL,
                                            "published": "2025-10-06"}])], db)
    with Store.open(db) as store:
        records = list(alerts.claim_records(store))
        (group,) = alerts.reconcile(records)
        assert group.id != group_before and group.n_claims == 2
        assert alerts.check(store) == []  # the same major incident: not fired again
        assert WatchStore(store).unchecked() == []
        assert WatchStore(store).alerts()[1] == 1


def test_a_new_source_disputing_an_already_disputed_group(tmp_path, db_url):
    db = db_url
    with Store.open(db) as store:
        WatchStore(store).check_all_stored()
    fired = []
    medical = "قال مصدر طبي إن 25 شخصا قتلوا أمس في قصف استهدف سوقا شعبيا في مدينة حلب."
    for doc_id, text in [("m", MINISTRY), ("o", OBSERVATORY), ("x", medical)]:
        ingest([_corpus(tmp_path / f"{doc_id}.jsonl", [{"id": doc_id, "text": text,
                                                        "published": "2025-10-06"}])], db)
        with Store.open(db) as store:
            state = WatchStore(store)
            fired.append([(state.alert(i).kind, state.alert(i).cause)
                          for i in alerts.check(store)])
    assert fired[0] == [("major_incident", "major")]
    assert fired[1] == [("dispute", "became")]  # 12 -> 40 came with the dispute: no jump alert
    assert len(fired[2]) == 1 and fired[2][0][0] == "dispute"
    assert fired[2][0][1].startswith("source:")  # 25 leaves out the previous best (40)
