"""Child process of the SIGKILL test: save documents 0..N-1 with their claims into a store.

Usage: ``store_sigkill_child.py DB N [PAUSE]``. Prints ``begin I`` before each save and
``saved I NEW`` after it, then ``done NEW``. With PAUSE, the save of document PAUSE stops inside
its transaction — its document row written, its claim rows being built — prints ``inside
PAUSE`` and waits there to be killed.
"""

from __future__ import annotations

import sys
import time

from rasd.store import Store, rows
from store_factories import numbered_claims, numbered_document


def main(db: str, n: int, pause: int | None) -> None:
    claim_row = rows.claim_row

    def pausing_claim_row(claim, **kw):
        if pause is not None and claim.doc_id == f"doc-{pause:04d}":
            print(f"inside {pause}", flush=True)
            time.sleep(60)
        return claim_row(claim, **kw)

    rows.claim_row = pausing_claim_row
    new = 0
    with Store.open(db) as store:
        run_id = store.start_run("sigkill-test", "0.1.0")
        for i in range(n):
            doc = numbered_document(i)
            print(f"begin {i}", flush=True)
            added = store.save(doc, numbered_claims(doc, i), run_id=run_id)
            new += added
            print(f"saved {i} {int(added)}", flush=True)
        store.finish_run(run_id, documents=new, claims=0, failures=0)
    print(f"done {new}", flush=True)


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]), int(sys.argv[3]) if len(sys.argv) > 3 else None)
