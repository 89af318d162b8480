"""Print a deterministic sample of dev-set claims with their resolved dates, for a hand check.

Runs the pipeline (``rasd.pipeline.run`` over ``rasd.ingest.records.document_from_record``) on
the dev-set articles (ids in ``../shared/eval/dev.jsonl``, texts in
``../shared/corpus/articles.jsonl``, both relative to the repo root), keeps the predicted claims
that match a gold claim (one-to-one, greedily, as ``rasd.evaluate.score_article`` does), sorts
them by (doc id, evidence start) and takes every k-th (k = matched // n, starting at k // 2), so
the sample spreads over the whole dev set. For each it prints: doc id, publication date, claim
type and count, the whole sentence holding the claim (original text), the time expression taken
(``claim.time.text``; empty when the publication date was used), and the resolved date and
precision. ``docs/dates_check.md`` records the hand judgement of this sample.

    .venv/bin/python benchmarks/dates_sample.py            # the 50-claim sample
    .venv/bin/python benchmarks/dates_sample.py --context 1 # plus one sentence either side
    .venv/bin/python benchmarks/dates_sample.py --json      # one JSON object per line
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
DEV = REPO.parent / "shared" / "eval" / "dev.jsonl"
ARTICLES = REPO.parent / "shared" / "corpus" / "articles.jsonl"


def matched_claims(gold_path: Path, articles_path: Path) -> list[dict[str, Any]]:
    """Every predicted claim of the dev articles that matches a gold claim, with its context."""
    from rasd.evaluate import compatible, location_matches, source_matches
    from rasd.ingest.records import document_from_record
    from rasd.pipeline import run

    gold = {}
    with gold_path.open(encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                rec = json.loads(line)
                gold[str(rec["id"])] = rec
    out: list[dict[str, Any]] = []
    with articles_path.open(encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            if not line.strip():
                continue
            rec = json.loads(line)
            if str(rec.get("id")) not in gold:
                continue
            doc = run(document_from_record(rec, f"{articles_path}:{n}"))
            predicted = list(doc.claims)
            free = list(range(len(predicted)))
            for g in gold[doc.id]["claims"]:  # the matching of score_article
                cands = [i for i in free if compatible(predicted[i], g)]
                if not cands:
                    continue
                cands.sort(key=lambda i: (not source_matches(predicted[i], g["source"]),
                                          not location_matches(predicted[i], g["location"]), i))
                free.remove(cands[0])
                out.append(_row(doc, predicted[cands[0]], g))
    out.sort(key=lambda r: (r["id"], r["evidence_start"]))
    return out


def _row(doc: Any, claim: Any, gold: dict[str, Any]) -> dict[str, Any]:
    spans = [doc.span(s, e) for s, e in doc.sentences]
    si = next((k for k, sp in enumerate(spans) if sp.start <= claim.evidence.start < sp.end),
              max(0, len([sp for sp in spans if sp.start <= claim.evidence.start]) - 1))
    sentence = lambda k: " ".join(doc.text[spans[k].start:spans[k].end].split())  # noqa: E731
    t = claim.time
    return {
        "id": doc.id, "published": doc.published, "type": claim.type,
        "count": claim.count.to_json(), "mixed": claim.mixed,
        "evidence_start": claim.evidence.start,
        "evidence": doc.text[claim.evidence.start:claim.evidence.end],
        "gold_evidence": gold.get("evidence"),
        "sentence_index": si, "sentence": sentence(si),
        "before": [sentence(k) for k in range(max(0, si - 3), si)],
        "after": [sentence(k) for k in range(si + 1, min(len(spans), si + 4))],
        "title": doc.text[:doc.title_end],
        "time_text": t.text if t else None,
        "date": t.date if t else None, "precision": t.precision if t else None,
    }


def sample(rows: list[dict[str, Any]], n: int) -> list[dict[str, Any]]:
    """Every k-th row (k = len // n, from k // 2): n rows spread evenly over the sorted list."""
    if len(rows) <= n:
        return rows
    k = len(rows) // n
    return [rows[k // 2 + i * k] for i in range(n)]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("-n", type=int, default=50, help="sample size (default 50)")
    ap.add_argument("--gold", type=Path, default=DEV)
    ap.add_argument("--articles", type=Path, default=ARTICLES)
    ap.add_argument("--context", type=int, default=0,
                    help="also print up to N (<= 3) sentences before and after")
    ap.add_argument("--json", action="store_true", help="one JSON object per line")
    args = ap.parse_args(argv)
    rows = matched_claims(args.gold, args.articles)
    picked = sample(rows, args.n)
    print(f"# {len(rows)} matched claims, {len(picked)} sampled from "
          f"{len({r['id'] for r in picked})} articles", file=sys.stderr)
    for i, r in enumerate(picked, 1):
        if args.json:
            print(json.dumps({"n": i, **r}, ensure_ascii=False))
            continue
        count = json.dumps(r["count"], ensure_ascii=False)
        print(f"[{i:02d}] {r['id']}  published={r['published']}  "
              f"{r['type']}{' (mixed)' if r['mixed'] else ''} {count}")
        if args.context:
            for s in r["before"][-args.context:]:
                print(f"     < {s}")
        print(f"     S: {r['sentence']}")
        if args.context:
            for s in r["after"][:args.context]:
                print(f"     > {s}")
        print(f"     evidence: {r['evidence']}")
        print(f"     time: {r['time_text']!r} -> {r['date']} ({r['precision']})")
        print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
