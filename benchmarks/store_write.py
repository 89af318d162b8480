"""Write rate of the store alone: documents and claims per second through
``Store.save_prepared`` (batches of 100, rows built beforehand as a worker builds them), into a
fresh SQLite file and, with ``--pg URL``, PostgreSQL (its rasd tables dropped first).

    .venv/bin/python benchmarks/store_write.py --articles 1000 --pg postgresql://...
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from itertools import islice
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from scale import CORPUS, reset_postgres  # noqa: E402


def prepared(n: int) -> list:
    from rasd.ingest.records import Document, read_jsonl
    from rasd.jobs import claim_rows

    with CORPUS.open("rb") as fh:
        docs = [d for d in islice(read_jsonl(fh, str(CORPUS)), n) if isinstance(d, Document)]
    return [claim_rows(d) for d in docs]


def write_rate(db: str, rows: list) -> dict[str, float]:
    from rasd.store import Store

    with Store.open(db) as store:
        run_id = store.start_run("bench")
        t0 = time.perf_counter()
        for k in range(0, len(rows), 100):
            store.save_prepared(rows[k:k + 100], run_id)
        wall = time.perf_counter() - t0
    claims = sum(len(p.claims) for p in rows)
    return {"documents": len(rows), "claims": claims, "wall_s": round(wall, 2),
            "documents_per_s": round(len(rows) / wall), "claims_per_s": round(claims / wall)}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--articles", type=int, default=1000)
    ap.add_argument("--pg", default=None)
    args = ap.parse_args()
    rows = prepared(args.articles)
    with tempfile.TemporaryDirectory() as folder:
        print("sqlite", write_rate(str(Path(folder) / "w.db"), rows))
    if args.pg:
        reset_postgres(args.pg)
        print("postgresql", write_rate(args.pg, rows))


if __name__ == "__main__":
    main()
