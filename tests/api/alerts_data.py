"""A store of the API test articles with three alerts on their reconciled groups (one fired
under a group id that no longer exists)."""

from pathlib import Path

from api_data import ARTICLES, write_corpus

from rasd.corpus import claim_records, ingest
from rasd.reconcile import reconcile
from rasd.store import Store
from rasd.store.watch import WatchStore
from rasd.watch.alerts import Candidate, add_sentences, payload


def store_with_alerts(tmp: Path) -> str:
    db = str(tmp / "alerts.db")
    ingest([str(write_corpus(tmp / "articles.jsonl", ARTICLES))], db)
    with Store.open(db) as store:
        groups = reconcile(claim_records(store))
        state = WatchStore(store)
        found = [Candidate(kind, kind, g, f"{kind} · {g.type}",
                           payload(g, None, {r.claim_id for r in g.members}))
                 for kind, g in zip(["major_incident", "dispute", "toll_jump"], groups)]
        add_sentences(store, found)
        for c in found:
            state.add_alert(c.kind, c.cause, "0123456789abcdef" if c.kind == "toll_jump"
                            else c.group.id, c.group.type, c.summary, c.payload, c.claim_ids)
    return db
