"""What the extractor does on the whole corpus: a guard against fitting the dev set.

Runs the pipeline over every article of a corpus-format JSONL (default
``../shared/corpus/articles.jsonl``) and prints: claims per type, the share of claims with each
source kind, the most frequent unresolved places (a claim location without a gazetteer name),
and the figures rejected as implausible for their event (``Document.rejected``). ``--write FILE``
saves the claims (one JSON per line, with the evidence text) so that a later run can be compared
with ``--diff FILE``: claims added and removed per type (a claim is its document, type and count),
and a random sample of the changes (``--seed``, ``--sample``) to read by hand.

    .venv/bin/python benchmarks/corpus_check.py --write /tmp/before.jsonl
    .venv/bin/python benchmarks/corpus_check.py --diff /tmp/before.jsonl --sample 20 --seed 7
    .venv/bin/python benchmarks/corpus_check.py --skip-ids ../shared/eval/dev.jsonl
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
DEFAULT_INPUT = REPO.parent / "shared" / "corpus" / "articles.jsonl"


def claim_rows(path: Path, skip: set[str]) -> Iterator[tuple[dict[str, Any], list[dict[str, Any]]]]:
    """(claim row, rejected rows) per article of ``path`` whose id is not in ``skip``; a claim
    row is the claim's JSON plus its evidence text."""
    from rasd.ingest.records import Failure, read_jsonl
    from rasd.pipeline import run

    with path.open("rb") as fh:
        for item in read_jsonl(fh, str(path)):
            if isinstance(item, Failure) or item.id in skip:
                continue
            doc = run(item)
            rows = []
            for claim in doc.claims:
                row = claim.to_json()
                ev = claim.evidence
                row["evidence"]["text"] = doc.text[ev.start:ev.end]
                rows.append(row)
            rejected = [{"doc_id": doc.id, "type": claim.type, "count": claim.count.to_json(),
                         "evidence": doc.text[claim.evidence.start:claim.evidence.end],
                         "why": why} for claim, why in doc.rejected]
            yield {"id": doc.id, "claims": rows}, rejected


def row_key(row: dict[str, Any]) -> tuple[str, str, str]:
    """What identifies a claim between two runs: document, type and count (a claim whose
    evidence span merely grew or shrank is no change)."""
    return row["doc_id"], row["type"], json.dumps(row["count"], sort_keys=True)


def show_summary(claims: list[dict[str, Any]], rejected: list[dict[str, Any]], articles: int,
                 top: int) -> None:
    print(f"articles {articles:,}, claims {len(claims):,}")
    print("\nclaims per type")
    for etype, n in Counter(c["type"] for c in claims).most_common():
        print(f"  {etype:10s} {n:6,}")
    print("\nsource kinds (share of claims)")
    for kind, n in Counter(c["source"].get("kind") or "?" for c in claims).most_common():
        print(f"  {kind:12s} {n:6,}  {n / max(1, len(claims)):.1%}")
    located = [c for c in claims if c.get("location")]
    unresolved = Counter(c["location"]["text"] for c in located if not c["location"].get("name"))
    print(f"\nlocations: {len(located):,} claims located, {sum(unresolved.values()):,} unresolved "
          f"({len(unresolved):,} distinct); most frequent:")
    for text, n in unresolved.most_common(top):
        print(f"  {n:4d}  {text}")
    print(f"\nrejected as implausible: {len(rejected):,}")
    for r in rejected[:top]:
        print("  " + json.dumps(r, ensure_ascii=False))


def show_diff(old: list[dict[str, Any]], new: list[dict[str, Any]], sample: int,
              seed: int) -> None:
    old_keys = Counter(row_key(r) for r in old)
    new_keys = Counter(row_key(r) for r in new)
    added = new_keys - old_keys
    removed = old_keys - new_keys
    print(f"\ndiff: {sum(added.values()):,} added, {sum(removed.values()):,} removed")
    types = sorted({k[1] for k in added} | {k[1] for k in removed})
    for etype in types:
        a = sum(n for k, n in added.items() if k[1] == etype)
        r = sum(n for k, n in removed.items() if k[1] == etype)
        print(f"  {etype:10s} +{a:<5d} -{r}")
    evidence = {row_key(r): r["evidence"]["text"] for r in old}
    evidence.update({row_key(r): r["evidence"]["text"] for r in new})
    changes = [("+", k) for k in sorted(added)] + [("-", k) for k in sorted(removed)]
    rng = random.Random(seed)
    picked = sorted(rng.sample(changes, min(sample, len(changes))), key=lambda c: c[1])
    print(f"\nsample of {len(picked)} changes (seed {seed})")
    for sign, key in picked:
        doc_id, etype, count = key
        print(f"  {sign} {doc_id} {etype} {count} | {evidence[key]}")


def read_rows(path: Path) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def gold_ids(paths: list[Path]) -> set[str]:
    out: set[str] = set()
    for p in paths:
        out |= {str(r["id"]) for r in read_rows(p)}
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("input", nargs="?", type=Path, default=DEFAULT_INPUT)
    ap.add_argument("--write", type=Path, help="write the claims (JSONL) to this file")
    ap.add_argument("--diff", type=Path, help="compare with the claims of an earlier --write")
    ap.add_argument("--sample", type=int, default=20, help="changes to print with --diff")
    ap.add_argument("--seed", type=int, default=1, help="seed of the sample of changes")
    ap.add_argument("--top", type=int, default=20, help="rows of the place / rejected lists")
    ap.add_argument("--skip-ids", type=Path, nargs="*", default=[],
                    help="gold files whose article ids are left out (e.g. the dev files)")
    args = ap.parse_args()
    if not args.input.is_file():
        ap.error(f"no such file: {args.input}")
    skip = gold_ids(args.skip_ids)
    claims: list[dict[str, Any]] = []
    rejected: list[dict[str, Any]] = []
    articles = 0
    for doc, rej in claim_rows(args.input, skip):
        articles += 1
        claims.extend(doc["claims"])
        rejected.extend(rej)
    show_summary(claims, rejected, articles, args.top)
    if args.write:
        with args.write.open("w", encoding="utf-8") as fh:
            for row in claims:
                fh.write(json.dumps(row, ensure_ascii=False) + "\n")
        print(f"\nwrote {len(claims):,} claims to {args.write}", file=sys.stderr)
    if args.diff:
        show_diff(read_rows(args.diff), claims, args.sample, args.seed)


if __name__ == "__main__":
    main()
