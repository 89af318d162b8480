"""Storage of documents, claims, sources, runs and failures — the only place that writes SQL.

SQLite by default (one file, WAL, foreign keys, busy timeout), PostgreSQL through the same
interface when ``--db`` is a ``postgresql://`` URL. The schema is migrated on open
(:mod:`rasd.store.migrations`), except when opened ``readonly`` (nothing written at all).

>>> from rasd.store import Store
>>> with Store.open("rasd.db") as store:                      # doctest: +SKIP
...     run_id = store.start_run("extract corpus.jsonl", rasd.__version__)
...     store.save(rasd.run(doc), run_id=run_id)              # document + claims, atomically
...     for claim in store.claims(type="killed", country="SY"):
...         print(claim.to_json())
"""

from rasd.store.engine import DEFAULT_DB, StoreError, resolve_url
from rasd.store.rows import DocumentInfo, Run, StoredFailure, claim_ids, claim_key, content_hash
from rasd.store.store import Store

__all__ = [
    "DEFAULT_DB", "DocumentInfo", "Run", "Store", "StoreError", "StoredFailure", "claim_ids",
    "claim_key", "content_hash", "resolve_url",
]
