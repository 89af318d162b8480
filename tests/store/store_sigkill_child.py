"""Child process of the store's process tests: save documents 0..N-1 with their claims.

Usage: ``store_sigkill_child.py DB N [--pause I] [--reverse] [--wait FILE]``. Prints ``ready``
once the store is open, ``begin I`` before each save and ``saved I NEW`` after it, then
``done NEW``. ``--pause I`` stops the save of document I inside its transaction — its document
row written, its claim rows being built — prints ``inside I`` and waits there to be killed.
``--wait FILE`` waits for FILE to exist before saving (a start line for several children);
``--reverse`` saves from N-1 down to 0.
"""

from __future__ import annotations

import argparse
import os
import time

from store_factories import numbered_claims, numbered_document

from rasd.store import Store, rows


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("db")
    ap.add_argument("n", type=int)
    ap.add_argument("--pause", type=int)
    ap.add_argument("--reverse", action="store_true")
    ap.add_argument("--wait")
    args = ap.parse_args()
    claim_row = rows.claim_row

    def pausing_claim_row(claim, **kw):
        if claim.doc_id == f"doc-{args.pause:04d}":
            print(f"inside {args.pause}", flush=True)
            time.sleep(60)
        return claim_row(claim, **kw)

    if args.pause is not None:
        rows.claim_row = pausing_claim_row
    order = range(args.n - 1, -1, -1) if args.reverse else range(args.n)
    new = 0
    with Store.open(args.db) as store:
        run_id = store.start_run("process-test", "0.1.0")
        print("ready", flush=True)
        while args.wait and not os.path.exists(args.wait):
            time.sleep(0.005)
        for i in order:
            doc = numbered_document(i)
            print(f"begin {i}", flush=True)
            added = store.save(doc, numbered_claims(doc, i), run_id=run_id)
            new += added
            print(f"saved {i} {int(added)}", flush=True)
        store.finish_run(run_id, documents=new, claims=0, failures=0)
    print(f"done {new}", flush=True)


if __name__ == "__main__":
    main()
