"""Writing and reading documents, claims, sources, runs and failures (SQLite and PostgreSQL)."""

from __future__ import annotations

import datetime as dt
import threading
from itertools import islice

import pytest
from store_factories import REAL_TEXTS, numbered_claims, numbered_document, vague_claim

import rasd
from rasd.model import Claim
from rasd.store import StoreError, claim_ids, content_hash, rows


def _real_docs():
    return [rasd.run(rasd.make_document(text, id=id_, published=pub, outlet="Test"))
            for id_, text, pub in REAL_TEXTS]


def _json(claims):
    return [c.to_json() for c in claims]


def test_adding_a_document_twice_is_a_no_op(store):
    doc = numbered_document(1)
    assert store.add_document(doc) is True
    assert store.add_document(doc) is False
    assert store.has_document(doc.id) and not store.has_document("doc-9999")
    # the same text under another id is the same document
    assert store.add_document(doc.with_(id="another-id")) is False
    assert not store.has_document("another-id")
    assert store.document_id_for_text(doc.text) == doc.id
    assert store.counts()["documents"] == 1
    back = store.get_document(doc.id)
    assert (back.text, back.published, back.outlet, back.url, back.title_end) == \
        (doc.text, doc.published, doc.outlet, doc.url, doc.title_end)
    assert back.meta == {"language": "ar", "content_hash": content_hash(doc.text)}
    assert store.get_document("nope") is None


def test_claims_round_trip_exactly(store):
    docs = _real_docs() + [numbered_document(2)]
    docs[-1] = docs[-1].with_(claims=(*numbered_claims(docs[-1], 2), vague_claim(docs[-1])))
    assert all(d.claims for d in docs)
    for doc in docs:
        assert store.save(doc) is True
    for doc in docs:
        assert _json(store.claims(doc_id=doc.id)) == _json(doc.claims)
    everything = [c for d in sorted(docs, key=lambda d: d.id) for c in d.claims]
    assert _json(store.claims()) == _json(everything)


def test_saving_again_leaves_claims_alone_unless_replace(store):
    doc = numbered_document(5)
    claims = numbered_claims(doc, 5)
    assert store.save(doc, claims) is True
    assert store.save(doc, claims[:1]) is False
    assert _json(store.claims(doc_id=doc.id)) == _json(claims)
    assert store.save(doc, claims[:1], replace=True) is False
    assert _json(store.claims(doc_id=doc.id)) == _json(claims[:1])
    # a record whose text changed under the same id is updated only with replace=True
    edited = numbered_document(6).with_(id=doc.id)
    assert store.save(edited, [], replace=True) is False
    assert store.get_document(doc.id).text == edited.text
    assert list(store.claims(doc_id=doc.id)) == []


def test_save_is_atomic(store, monkeypatch):
    doc = numbered_document(2)
    claims = numbered_claims(doc, 2)
    real = rows.claim_row
    made = []

    def fail_on_second(claim, **kw):  # the document row is already written by then
        made.append(claim)
        if len(made) == 2:
            raise RuntimeError("disk on fire")
        return real(claim, **kw)

    monkeypatch.setattr(rows, "claim_row", fail_on_second)
    with pytest.raises(RuntimeError):
        store.save(doc, claims)
    assert not store.has_document(doc.id)
    assert store.counts()["documents"] == 0 and store.counts()["claims"] == 0
    monkeypatch.undo()
    assert store.save(doc, claims) is True  # and the same save works afterwards
    assert len(list(store.claims(doc_id=doc.id))) == 3


def test_replace_claims(store):
    doc = numbered_document(2)
    old = numbered_claims(doc, 2)
    store.save(doc, old)
    ids = store.claim_ids(doc.id)
    assert ids == claim_ids(old) and len(set(ids)) == 3
    # the same claims with a new confidence (an upgrade) keep their ids
    newer = [Claim.from_json({**c.to_json(), "confidence": 0.95}) for c in old]
    assert store.replace_claims(doc.id, newer) == 3
    assert store.claim_ids(doc.id) == ids
    assert {c.confidence for c in store.claims(doc_id=doc.id)} == {0.95}
    assert store.replace_claims(doc.id, old[:1]) == 1
    assert _json(store.claims(doc_id=doc.id)) == _json(old[:1])
    assert store.counts()["claims"] == 1


def test_replace_claims_is_atomic(store, monkeypatch):
    doc = numbered_document(2)
    old = numbered_claims(doc, 2)
    store.save(doc, old)

    def broken(claim, **kw):  # runs after the old claims were deleted
        raise RuntimeError("interrupted")

    monkeypatch.setattr(rows, "claim_row", broken)
    with pytest.raises(RuntimeError):
        store.replace_claims(doc.id, old[:1])
    monkeypatch.undo()
    assert _json(store.claims(doc_id=doc.id)) == _json(old)


def test_replace_claims_refuses_unknown_documents_and_stray_claims(store):
    doc, other = numbered_document(1), numbered_document(2)
    with pytest.raises(StoreError, match="not stored"):
        store.replace_claims(doc.id, numbered_claims(doc, 1))
    store.save(doc, numbered_claims(doc, 1))
    with pytest.raises(StoreError, match="given for"):
        store.replace_claims(doc.id, numbered_claims(other, 2))
    assert len(list(store.claims(doc_id=doc.id))) == 2


def test_identical_claims_get_distinct_stable_ids(store):
    doc = numbered_document(0)
    claim = numbered_claims(doc, 0)[0]
    assert store.save(doc, [claim, claim, claim])
    ids = store.claim_ids(doc.id)
    assert len(set(ids)) == 3 and ids == claim_ids([claim, claim, claim])
    store.replace_claims(doc.id, [claim, claim, claim])
    assert store.claim_ids(doc.id) == ids


def test_runs_and_failures_are_recorded(store):
    before = dt.datetime.now(dt.UTC) - dt.timedelta(seconds=5)
    run_id = store.start_run("extract corpus.jsonl", "0.1.0")
    store.add_failure(run_id, "corpus.jsonl:7", "invalid JSON (Expecting value at column 1)",
                      "bad_record")
    store.add_failure(None, "page.html", "not Arabic text")
    store.finish_run(run_id, documents=10, claims=30, failures=1)
    other = store.start_run("extract more", "0.2.0")
    runs = store.runs()
    assert [(r.id, r.command, r.extractor_version, r.status) for r in runs] == [
        (run_id, "extract corpus.jsonl", "0.1.0", "finished"),
        (other, "extract more", "0.2.0", "running")]
    assert (runs[0].documents, runs[0].claims, runs[0].failures) == (10, 30, 1)
    assert runs[0].started_at >= before and runs[0].finished_at >= runs[0].started_at
    assert runs[1].finished_at is None
    got = [(f.run_id, f.source, f.code) for f in store.failures()]
    assert got == [(run_id, "corpus.jsonl:7", "bad_record"), (None, "page.html", "bad_input")]
    assert [f.reason for f in store.failures(run_id)] == [
        "invalid JSON (Expecting value at column 1)"]
    assert store.counts()["failures"] == 2 and store.counts()["runs"] == 2


def test_re_extraction_after_an_upgrade(store):
    old_run = store.start_run("extract", "0.1.0")
    for i in range(6):
        doc = numbered_document(i)
        store.save(doc, numbered_claims(doc, i)[:1], run_id=old_run)
    new_run = store.start_run("re-extract", "0.2.0")
    redone = 0
    for doc in store.documents(outdated="0.2.0", chunk=2):  # a write while the read streams
        store.replace_claims(doc.id, numbered_claims(doc, int(doc.id[-4:])), run_id=new_run)
        redone += 1
    assert redone == 6
    assert list(store.documents(outdated="0.2.0")) == []
    assert store.counts()["claims"] == sum(len(numbered_claims(numbered_document(i), i))
                                           for i in range(6))


def test_sources_are_upserted(store):
    doc = numbered_document(3)
    store.save(doc, [*numbered_claims(doc, 3), vague_claim(doc)])
    doc2 = numbered_document(4)
    store.save(doc2, numbered_claims(doc2, 4))
    assert store.counts()["sources"] == 2  # sohr (source) and sana (via)
    assert len(list(store.claims(source_id="sohr"))) == 3
    assert list(store.claims(source_id="sana")) == []  # only the claim's own source counts


def test_filters(store):
    docs = [numbered_document(i) for i in range(9)]
    for i, doc in enumerate(docs):
        store.save(doc, numbered_claims(doc, i))
    every = [c for i, d in enumerate(docs) for c in numbered_claims(d, i)]

    def expect(pred):
        return _json(c for c in every if pred(c))

    assert _json(store.claims(type="killed")) == expect(lambda c: c.type == "killed")
    assert _json(store.claims(type=["injured", "arrested"])) == \
        expect(lambda c: c.type in ("injured", "arrested"))
    assert _json(store.claims(country="IQ")) == expect(lambda c: c.location.country == "IQ")
    assert _json(store.claims(since="2020-10-03", until=dt.date(2020, 10, 5))) == \
        expect(lambda c: "2020-10-03" <= c.time.date <= "2020-10-05")
    assert _json(store.claims(type="killed", country="SY", doc_id=["doc-0000", "doc-0003"])) \
        == expect(lambda c: c.type == "killed" and c.doc_id in ("doc-0000", "doc-0003"))
    assert list(store.claims(country="FR")) == []
    assert [d.id for d in store.documents(since="2020-10-02", until="2020-10-04")] == \
        ["doc-0001", "doc-0002", "doc-0003"]
    assert len(list(store.documents(outlet="Test Outlet", language="ar"))) == 9
    assert list(store.documents(language=["en", "fr"])) == []
    pairs = list(store.claims_with_documents(type="injured", country="PS"))
    assert _json(c for c, _ in pairs) == \
        expect(lambda c: c.type == "injured" and c.location.country == "PS")
    assert [(i.id, i.outlet, i.published, i.url, i.language) for _, i in pairs] == [
        (d.id, d.outlet, d.published, d.url, "ar") for d in docs[2::3]]


def test_stored_claims_by_partition(store):
    docs = [numbered_document(i) for i in range(9)]
    for i, doc in enumerate(docs):
        store.save(doc, numbered_claims(doc, i) + [vague_claim(doc)] * (i % 4 == 0))
    plain = [(sc.claim.doc_id, sc.seq) for sc in store.stored_claims()]
    got = list(store.stored_claims(by_partition=True))
    keys = [(sc.claim.type, sc.claim.location.country if sc.claim.location else "")
            for sc in got]
    runs = [k for n, k in enumerate(keys) if n == 0 or k != keys[n - 1]]
    assert len(runs) == len(set(runs)) > 3 and ("displaced", "") in runs  # each contiguous
    for key in runs:  # within a partition, the plain order
        mine = [(sc.claim.doc_id, sc.seq) for sc, k in zip(got, keys) if k == key]
        assert mine == [p for p in plain if p in set(mine)]
    assert sorted(plain) == sorted((sc.claim.doc_id, sc.seq) for sc in got)


def test_reads_are_streamed(store):
    store.save_many(((d, numbered_claims(d, i)) for i, d in
                     ((i, numbered_document(i)) for i in range(300))), batch_size=64)
    total = store.counts()["claims"]
    assert total == 600
    stream = store.claims(chunk=50)
    first = list(islice(stream, 10))  # lazily: a generator, not a list
    assert len(first) == 10
    store.save(numbered_document(1000), numbered_claims(numbered_document(1000), 1000))
    rest = list(stream)  # one snapshot: the claim saved meanwhile is not in this stream
    assert len(first) + len(rest) == total
    assert len({(c.doc_id, c.type) for c in first + rest}) == total
    docs = store.documents(chunk=7)
    assert next(docs).id == "doc-0000"
    docs.close()  # an abandoned stream gives its connection back


def test_save_many_counts_new_documents(store):
    docs = [numbered_document(i) for i in range(10)]
    docs = [d.with_(claims=tuple(numbered_claims(d, i))) for i, d in enumerate(docs)]
    assert store.save_many(docs[:4], batch_size=3) == 4
    assert store.save_many(docs, batch_size=3) == 6
    assert store.counts()["documents"] == 10


def test_stored_checks_a_batch_by_id_and_by_text(store):
    docs = [numbered_document(i) for i in range(6)]
    assert store.stored([]) == []
    store.save_many(docs[:3])
    same_text = docs[1].with_(id="another-id")
    assert store.stored([*docs, same_text]) == [True, True, True, False, False, False, True]


def test_save_prepared_writes_a_batch_and_counts_only_what_it_inserted(store):
    run = store.start_run("test")
    docs = [numbered_document(i) for i in range(5)]
    claims = [numbered_claims(d, i) for i, d in enumerate(docs)]
    prepared = [rows.prepare(d, c) for d, c in zip(docs, claims)]
    assert store.save_prepared(prepared[:2], run) == [True, True]
    twice = rows.prepare(docs[3], claims[3])
    again = [prepared[1], *prepared[2:], twice]  # one stored, one twice in the batch
    assert store.save_prepared(again, run) == [False, True, True, True, False]
    assert _json(store.claims()) == _json([c for cs in claims for c in cs])
    assert {d.id: d.meta["language"] for d in store.documents()} == {d.id: "ar" for d in docs}
    with pytest.raises(StoreError, match="given for"):
        store.save_prepared([rows.prepare(numbered_document(9), claims[0])], run)
    assert store.counts()["documents"] == 5


def test_threads_share_a_store(store):
    docs = [numbered_document(i) for i in range(40)]
    added = []

    def work(offset: int) -> None:
        for i in range(40):  # every thread saves every document, in a different order
            j = (i + offset) % 40
            added.append(store.save(docs[j], numbered_claims(docs[j], j)))

    threads = [threading.Thread(target=work, args=(k * 10,)) for k in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sum(added) == 40 and len(added) == 160
    assert store.counts()["documents"] == 40
    assert store.counts()["claims"] == sum(len(numbered_claims(d, i)) for i, d in enumerate(docs))
