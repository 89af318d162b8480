"""Scaling of the pipeline on adversarial inputs: time per KB must stay flat as inputs double.

Each input is a short pattern repeated to 10, 20, 40 and 80 KB (UTF-8) and run through the whole
pipeline (``rasd.pipeline.run``) in this process. For each it prints the seconds, the time per KB
and the ratio of the 80 KB time per KB to the 10 KB one (target: at most 1.5), then the time of a
200,000-character input. Patterns:

* ``figure-trigger``: "قتل 5 " repeated, one sentence of figures and event words;
* ``figure-trigger-noun``: "قتل 5 أشخاص " repeated;
* ``giant sentence``: an attributed claim with a place and a date, joined by "و" without a full
  stop, so the whole input is one sentence;
* ``10,000 figures``: "5 و" repeated (10,000 figures at 40 KB), after one event word;
* ``sentences``: "قال المرصد إن 5 أشخاص قتلوا أمس في حلب." repeated, many short sentences.

``--unbounded`` lifts the per-sentence budget of :mod:`rasd.extractor.claims` (sentences over
it are skipped), to time the linking itself on sentences far beyond real news.

    taskset -c 1 .venv/bin/python benchmarks/adversarial.py
    taskset -c 1 .venv/bin/python benchmarks/adversarial.py --unbounded --sizes 10 20 40 80
"""

from __future__ import annotations

import argparse
import time

PATTERNS = {
    "figure-trigger": "قتل 5 ",
    "figure-trigger-noun": "قتل 5 أشخاص ",
    "giant sentence": "قال المرصد إن 12 شخصا قتلوا أمس في حلب و",
    "10,000 figures": "5 و",
    "sentences": "قال المرصد إن 5 أشخاص قتلوا أمس في حلب. ",
}
LEAD = {"10,000 figures": "قتل "}  # an event word before the run of figures


def text_of(name: str, kb: float) -> str:
    """Pattern ``name`` repeated to ``kb`` kilobytes of UTF-8."""
    unit = PATTERNS[name]
    return LEAD.get(name, "") + unit * max(1, int(kb * 1000 / len(unit.encode("utf-8"))))


def seconds(text: str) -> tuple[float, int]:
    """Wall seconds of the whole pipeline on ``text`` and its number of claims."""
    from rasd.model import Document
    from rasd.pipeline import run

    t0 = time.perf_counter()
    doc = run(Document(id="adversarial", text=text, published="2020-10-05"))
    return time.perf_counter() - t0, len(doc.claims)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", type=float, nargs="+", default=[10, 20, 40, 80], help="KB")
    ap.add_argument("--unbounded", action="store_true",
                    help="lift the per-sentence budget (time the linking on huge sentences)")
    ap.add_argument("--chars", type=int, default=200_000, help="size of the one long input")
    args = ap.parse_args()
    from rasd.extractor import claims

    if args.unbounded:
        claims.MAX_SENTENCE_CHARS = claims.MAX_SENTENCE_FIGURES = 10**12
    seconds(PATTERNS["sentences"] * 3)  # load lexicons, gazetteer
    print(f"budget: {'none' if args.unbounded else 'as shipped'} (sentence <= "
          f"{claims.MAX_SENTENCE_CHARS:,} characters, <= {claims.MAX_SENTENCE_FIGURES:,} figures)")
    print(f"{'input':22s} " + " ".join(f"{kb:>7g}KB" for kb in args.sizes)
          + "   (ms per KB; claims)   ratio")
    worst = 0.0
    for name in PATTERNS:
        per_kb, row = [], []
        for kb in args.sizes:
            s, n = seconds(text_of(name, kb))
            per_kb.append(1000 * s / kb)
            row.append(f"{per_kb[-1]:9.1f}")
            last_claims = n
        ratio = per_kb[-1] / per_kb[0]
        worst = max(worst, ratio)
        print(f"{name:22s} " + " ".join(row) + f"   ({last_claims} claims)   {ratio:5.2f}x")
    print(f"worst ratio {args.sizes[-1]:g}KB/{args.sizes[0]:g}KB per KB: {worst:.2f}x")
    for name in ("figure-trigger-noun", "sentences"):
        text = (LEAD.get(name, "") + PATTERNS[name] * args.chars)[:args.chars]
        s, n = seconds(text)
        print(f"{args.chars:,} characters ({name}): {s:.2f} s, {n} claims")


if __name__ == "__main__":
    main()
