"""Is the extractor's output unchanged? A byte-level check over a whole corpus.

Runs the pipeline over every article of a corpus-format JSONL (default
``../shared/corpus/articles.jsonl``) and writes one line per article: its id, every claim's JSON,
the claims rejected as implausible (with the reason) and the warnings, as canonical JSON (sorted
keys). ``--write FILE`` saves that dump; ``--against FILE`` makes a new dump and compares it with
FILE: it prints both sha256 digests and, when they differ, the first articles that differ, and
exits 1. Make the reference dump on the commit before a change that must not alter the output
(a speed-up), then check the changed code against it:

    .venv/bin/python benchmarks/identical.py --write /tmp/before.jsonl      # before the change
    .venv/bin/python benchmarks/identical.py --against /tmp/before.jsonl    # after it
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
import time
from collections.abc import Iterator
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DEFAULT_INPUT = REPO.parent / "shared" / "corpus" / "articles.jsonl"


def dump_lines(path: Path) -> Iterator[str]:
    """One canonical JSON line per article of ``path`` (a record that fails to read is a line
    naming the failure, so a change in reading shows too)."""
    from rasd.ingest.records import Failure, read_jsonl
    from rasd.pipeline import run

    with path.open("rb") as fh:
        for item in read_jsonl(fh, str(path)):
            if isinstance(item, Failure):
                yield json.dumps({"failure": str(item)}, ensure_ascii=False, sort_keys=True)
                continue
            doc = run(item)
            row = {"id": doc.id,
                   "claims": [c.to_json() for c in doc.claims],
                   "rejected": [[c.to_json(), why] for c, why in doc.rejected],
                   "warnings": list(doc.warnings)}
            yield json.dumps(row, ensure_ascii=False, sort_keys=True)


def write_dump(corpus: Path, out: Path) -> tuple[str, int, int]:
    """Write the dump of ``corpus`` to ``out``; return its sha256, articles and claims."""
    digest = hashlib.sha256()
    articles = 0
    with out.open("w", encoding="utf-8") as fh:
        for line in dump_lines(corpus):
            fh.write(line + "\n")
            digest.update((line + "\n").encode("utf-8"))
            articles += 1
    return digest.hexdigest(), articles, count_claims(out)


def count_claims(dump: Path) -> int:
    """Claims in a dump file."""
    with dump.open(encoding="utf-8") as fh:
        return sum(len(json.loads(line).get("claims", ())) for line in fh)


def sha256_of(path: Path) -> str:
    """sha256 of a file's bytes."""
    return hashlib.sha256(path.read_bytes()).hexdigest()


def first_differences(a: Path, b: Path, limit: int = 5) -> list[str]:
    """Ids (or line numbers) of the first articles whose lines differ between two dumps."""
    out: list[str] = []
    with a.open(encoding="utf-8") as fa, b.open(encoding="utf-8") as fb:
        for n, (la, lb) in enumerate(zip(fa, fb), 1):
            if la != lb:
                out.append(str(json.loads(la).get("id", f"line {n}")))
                if len(out) >= limit:
                    break
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("input", nargs="?", type=Path, default=DEFAULT_INPUT,
                    help=f"corpus-format JSONL (default: {DEFAULT_INPUT})")
    group = ap.add_mutually_exclusive_group(required=True)
    group.add_argument("--write", type=Path, metavar="FILE", help="write the reference dump")
    group.add_argument("--against", type=Path, metavar="FILE",
                       help="dump again (next to FILE, as FILE.new) and compare with FILE")
    args = ap.parse_args()
    if not args.input.is_file():
        ap.error(f"no such file: {args.input}")
    if args.against is not None and not args.against.is_file():
        ap.error(f"no such reference dump: {args.against}")

    out = args.write or args.against.with_name(args.against.name + ".new")
    t0 = time.perf_counter()
    digest, articles, claims = write_dump(args.input, out)
    print(f"{out}: {articles:,} articles, {claims:,} claims, sha256 {digest} "
          f"({time.perf_counter() - t0:.1f} s)")
    if args.against is None:
        return
    reference = sha256_of(args.against)
    print(f"{args.against}: sha256 {reference}")
    if reference == digest:
        print("identical")
        return
    print("DIFFERENT; first articles that differ: "
          + ", ".join(first_differences(args.against, out)), file=sys.stderr)
    sys.exit(1)


if __name__ == "__main__":
    main()
