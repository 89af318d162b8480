"""Draw flagged (disputed) groups at random from a store, for a hand check of the flags.

Prints, for each sampled group, its summary and every member claim with its source, figure,
article date and evidence sentence, so a reader can judge "real dispute" or "artifact (cause)".

    .venv/bin/rasd ingest ../shared/corpus/articles.jsonl --db corpus.db
    .venv/bin/python scripts/sample_disputes.py --db corpus.db --n 40 --seed 2026 > sample.txt
"""

from __future__ import annotations

import argparse
import random
import re

from rasd.corpus import groups as find_groups
from rasd.store import Store

_SENTENCE_END = re.compile(r"[.!?\u061f\n]")
CONTEXT = 220  #: characters of the sentence kept on each side of the evidence


def sentence(text: str, start: int, end: int) -> str:
    """The sentence around ``[start, end)`` (cut to CONTEXT characters each side)."""
    lo = max((m.end() for m in _SENTENCE_END.finditer(text, max(0, start - CONTEXT), start)),
             default=max(0, start - CONTEXT))
    hi_match = _SENTENCE_END.search(text, end, end + CONTEXT)
    hi = hi_match.end() if hi_match else min(len(text), end + CONTEXT)
    return " ".join(text[lo:hi].split())


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--db", required=True)
    ap.add_argument("--n", type=int, default=40)
    ap.add_argument("--seed", type=int, default=2026)
    args = ap.parse_args()
    flagged = sorted((g for g in find_groups(args.db) if g.disagree), key=lambda g: g.id)
    sample = random.Random(args.seed).sample(flagged, min(args.n, len(flagged)))
    with Store.open(args.db) as store:
        for k, g in enumerate(sample, 1):
            where = g.place.name or g.place.text or g.place.country or "?"
            print(f"## {k}. group {g.id} · {g.type}{' (mixed)' if g.mixed else ''} · {where} "
                  f"({g.place.level}) · {g.period} {g.date_from}..{g.date_to} · "
                  f"{g.n_sources} sources, {g.n_claims} claims")
            print(f"reason: {g.reason}")
            for rec in sorted(g.members, key=lambda r: (r.published or "", r.claim.doc_id)):
                c = rec.claim
                doc = store.get_document(c.doc_id)
                text = sentence(doc.text, c.evidence.start, c.evidence.end) if doc else ""
                print(f"- {c.doc_id} · {rec.outlet} · {(rec.published or '')[:10]} · "
                      f"{c.source.kind}: {c.source.text} · {c.count.to_json()} · "
                      f"time {c.time.date if c.time else None} ({c.time.precision if c.time else '-'})")
                print(f"    {text}")
            print()


if __name__ == "__main__":
    main()
