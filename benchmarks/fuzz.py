"""A long fuzz run of the whole pipeline: crashes, invalid spans, fast/exact path differences.

Each case is a random document built from the lexicons' own words (event words, figures, people,
speakers, places, dates), claim-shaped phrases, digit runs (up to thousands of digits), any
Unicode character (surrogates, İ, ß, Σ, ligatures, combining marks, bidi controls), tatweel
titles and publication dates from year 1 to 9999. Every case is run through every stage
(``rasd.pipeline.run`` on a Document built as ``make_document`` builds one, without its input
checks) twice: with ``normalize`` and with the character-by-character ``_normalize_slow``.
It prints:

* ``cases``: documents run;
* ``crashes``: cases where a stage raised;
* ``invalid spans``: cases with a claim field whose span is outside the text or does not read as
  the field's text, or a count above ``MAX_COUNT``;
* ``path differences``: cases whose claims differ between the two normalize paths.

The first few failures are printed with their seed so they can be replayed (``--case N``).

    .venv/bin/python benchmarks/fuzz.py --cases 100000
    .venv/bin/python benchmarks/fuzz.py --case 4711 --verbose
"""

from __future__ import annotations

import argparse
import random
import sys
import time
import traceback
from importlib import resources
from typing import Any

from rasd import pipeline
from rasd.lang.ar import load_yaml
from rasd.model import Document
from rasd.text.normalize import _normalize_slow

SPECIAL = [".", "،", "\n", "\n\n", '"', ":", "؛", "(", ")", "-", "/", "ـ", "ـــ", "İ", "ß", "ẞ",
           "Σ", "ς", "ﻻ", "ﷺ", "ﷲ", "ﬁ", "\u0651", "\u064b", "e\u0301", "\u200f", "\u202b",
           "\ufeff", "\ud800", "\udfff", "١٢٣", "٫", "٬", "\U0001f600", "#", "_", "%", "$"]
DATES = ["0001-01-01", "9999-12-31", "1899-12-31", "1900-01-01", "2099-12-31", "2100-01-01",
         "1924-07-31", "2077-11-17", "2020-10-05", "2018-02-29", "not a date", "", None]


def _strings(node: Any, out: set[str]) -> None:
    if isinstance(node, dict):
        for key, value in node.items():
            _strings(key, out)
            _strings(value, out)
    elif isinstance(node, list):
        for value in node:
            _strings(value, out)
    elif isinstance(node, str) and any("\u0600" <= ch <= "\u06ff" for ch in node):
        out.add(node)


class Generator:
    """Random documents from the lexicons (seeded per case: case N is always the same)."""

    def __init__(self) -> None:
        words: set[str] = set()
        for path in resources.files("rasd.lang.ar").joinpath("data").iterdir():
            if path.name.endswith(".yaml"):
                _strings(load_yaml(path.name), words)
        self.words = sorted(words)
        trig, persons, say = (load_yaml(f) for f in ("triggers.yaml", "persons.yaml",
                                                     "attribution.yaml"))
        self.events = sorted({w for entry in trig.values() for role in ("verb", "masdar", "noun")
                              for w in entry.get(role, [])})
        self.people = sorted(set(persons["plural"] + persons["singular"]))
        self.verbs = say["reporting_verbs"]
        self.heads = say["government_heads"] + say["monitor_heads"] + say["anonymous_heads"]
        dates: set[str] = set()
        _strings(load_yaml("dates.yaml"), dates)
        self.dates = sorted(dates)

    def figure(self, rng: random.Random) -> str:
        roll = rng.random()
        if roll < 0.5:
            return str(rng.randint(0, 1000))
        if roll < 0.7:
            return rng.choice(self.words)
        if roll < 0.95:
            return str(rng.randint(0, 10**rng.randint(1, 25)))
        if roll < 0.975:
            return "".join(rng.choice("0123456789.,") for _ in range(rng.randint(1, 60)))
        return "".join(rng.choice("0123456789") for _ in range(rng.randint(1, 6000)))

    def piece(self, rng: random.Random) -> str:
        roll = rng.random()
        if roll < 0.25:
            parts = [rng.choice(self.events), self.figure(rng), rng.choice(self.people)]
            if rng.random() < 0.5:
                parts = parts[1:] + parts[:1]
            return " ".join(parts)
        if roll < 0.35:
            return f"{rng.choice(self.verbs)} {rng.choice(self.heads)} {rng.choice(['إن', 'أن', ':'])}"
        if roll < 0.45:
            return f"{rng.choice(['', 'في ', 'منذ ', 'قبل '])}{self.figure(rng)} {rng.choice(self.dates)}"
        if roll < 0.7:
            return rng.choice(self.words)
        if roll < 0.85:
            return rng.choice(SPECIAL)
        if roll < 0.95:
            return self.figure(rng)
        return "".join(chr(rng.randint(0, 0x10FFFF)) for _ in range(rng.randint(1, 4)))

    def document(self, case: int) -> Document:
        rng = random.Random(case)
        text = " ".join(self.piece(rng) for _ in range(rng.randint(1, 60)))
        roll = rng.random()
        title = ("" if roll < 0.5 else "ـ" * rng.randint(1, 80) if roll < 0.6
                 else " ".join(self.piece(rng) for _ in range(rng.randint(1, 8)))).strip()
        published = rng.choice(DATES) if rng.random() < 0.5 else (
            f"{rng.randint(1, 9999):04d}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}")
        return Document(id=f"fuzz-{case}", text=f"{title}\n{text}" if title else text,
                        published=published, title_end=len(title))



def exact_run(doc: Document) -> Document:
    """The pipeline on the character-by-character normalization."""
    norm, n2o = _normalize_slow(doc.text)
    prepared = doc.with_(norm=norm, n2o=n2o, tokens=pipeline.tokenize(norm),
                         sentences=pipeline.sentences(norm), paragraphs=pipeline.paragraphs(norm))
    return pipeline.run(prepared, pipeline.STAGES[1:])


def check(gen: Generator, case: int) -> tuple[tuple[str, str] | None, int]:
    """(kind of failure, detail) of one case or None, and its number of claims."""
    doc = gen.document(case)
    try:
        fast = pipeline.run(doc)
        exact = exact_run(doc)
    except Exception as exc:  # a crash is what this run counts
        where = traceback.extract_tb(exc.__traceback__)[-1]
        return ("crash", "".join(traceback.format_exception_only(exc)).strip()
                + f" at {where.filename.split('/src/')[-1]}:{where.lineno}"), 0
    errors = pipeline.span_errors(fast)
    if errors:
        return ("invalid span", "; ".join(errors[:3])), len(fast.claims)
    if fast.claims != exact.claims:
        return ("path difference", f"{len(fast.claims)} vs {len(exact.claims)} claims"), 0
    return None, len(fast.claims)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--cases", type=int, default=100_000)
    ap.add_argument("--start", type=int, default=0, help="first case number (the seed)")
    ap.add_argument("--case", type=int, default=None, help="replay one case")
    ap.add_argument("--verbose", action="store_true", help="print the replayed document")
    ap.add_argument("--show", type=int, default=10, help="failures printed in full")
    args = ap.parse_args()
    gen = Generator()
    if args.case is not None:
        if args.verbose:
            doc = gen.document(args.case)
            print(repr(doc.text[:2000]), repr(doc.published), doc.title_end)
        print(check(gen, args.case)[0] or "ok")
        return
    counts = {"crash": 0, "invalid span": 0, "path difference": 0}
    claims = with_claims = shown = 0
    t0 = time.perf_counter()
    for n, case in enumerate(range(args.start, args.start + args.cases), 1):
        failure, found = check(gen, case)
        claims += found
        with_claims += found > 0
        if failure is not None:
            counts[failure[0]] += 1
            if shown < args.show:
                shown += 1
                print(f"case {case}: {failure[0]}: {failure[1]}", flush=True)
        if n % 10_000 == 0:
            print(f"... {n:,} cases, {time.perf_counter() - t0:.0f} s, {counts}", file=sys.stderr,
                  flush=True)
    print(f"cases            {args.cases:,} (seeds {args.start}..{args.start + args.cases - 1})")
    print(f"claims           {claims:,} (from {with_claims:,} cases)")
    print(f"crashes          {counts['crash']}")
    print(f"invalid spans    {counts['invalid span']}")
    print(f"path differences {counts['path difference']}")
    print(f"wall             {time.perf_counter() - t0:.0f} s")


if __name__ == "__main__":
    main()
