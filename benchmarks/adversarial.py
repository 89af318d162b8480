"""Scaling of the pipeline on adversarial inputs: time per KB must stay flat as inputs double.

Each input is a short pattern repeated to 10, 20, 40 and 80 KB (UTF-8) and run through the whole
pipeline (``rasd.pipeline.run``) in this process. For each it prints the CPU time per KB of this
process (``time.process_time``: the pipeline is single-threaded, and other jobs on a shared
machine do not blur it as they blur wall time) and the ratio of the 80 KB time per KB to the
10 KB one (target: at most 1.5), then the wall time of two 200,000-character inputs. Patterns:

* ``figure-trigger``: "قتل 5 " repeated, one sentence of figures and event words;
* ``figure-trigger-noun``: "قتل 5 أشخاص " repeated;
* ``giant sentence``: an attributed claim with a place and a date, joined by "و" without a full
  stop, so the whole input is one sentence;
* ``10,000 figures``: "5 و" repeated (10,000 figures at 40 KB), after one event word;
* ``sentences``: "قال المرصد إن 5 أشخاص قتلوا أمس في حلب." repeated, many short sentences;
* ``distinct figures``: the same with figures 2, 3, 4 ...: one claim per sentence.

``--unbounded`` lifts the per-sentence budget of :mod:`rasd.extractor.drafting` (sentences over
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
    "distinct figures": "قال المرصد إن {i} أشخاص قتلوا أمس في حلب. ",
}
LEAD = {"10,000 figures": "قتل "}  # an event word before the run of figures


def text_of(name: str, kb: float) -> str:
    """Pattern ``name`` repeated to ``kb`` kilobytes of UTF-8 (``{i}``: 2, 3, 4 ...)."""
    unit, size = PATTERNS[name], int(kb * 1000)
    if "{i}" not in unit:
        return LEAD.get(name, "") + unit * max(1, size // len(unit.encode("utf-8")))
    parts, used, i = [], 0, 2
    while used < size:
        parts.append(unit.format(i=i))
        used += len(parts[-1].encode("utf-8"))
        i += 1
    return "".join(parts)


def seconds(text: str, clock=time.process_time) -> tuple[float, int]:
    """Seconds (CPU of this process by default) of the whole pipeline on ``text``, and its
    number of claims."""
    from rasd.model import Document
    from rasd.pipeline import run

    t0 = clock()
    doc = run(Document(id="adversarial", text=text, published="2020-10-05"))
    return clock() - t0, len(doc.claims)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", type=float, nargs="+", default=[10, 20, 40, 80], help="KB")
    ap.add_argument("--unbounded", action="store_true",
                    help="lift the per-sentence budget (time the linking on huge sentences)")
    ap.add_argument("--chars", type=int, default=200_000, help="size of the one long input")
    args = ap.parse_args()
    from rasd.extractor import drafting

    if args.unbounded:
        drafting.MAX_SENTENCE_CHARS = drafting.MAX_SENTENCE_FIGURES = 10**12
    seconds(PATTERNS["sentences"] * 3)  # load lexicons, gazetteer
    print(f"budget: {'none' if args.unbounded else 'as shipped'} (sentence <= "
          f"{drafting.MAX_SENTENCE_CHARS:,} characters, <= {drafting.MAX_SENTENCE_FIGURES:,} figures)")
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
    for name in ("figure-trigger-noun", "distinct figures"):
        text = text_of(name, args.chars * 2 / 1000)[:args.chars]
        s, n = seconds(text, time.perf_counter)
        print(f"{args.chars:,} characters ({name}): {s:.2f} s wall, {n} claims")


if __name__ == "__main__":
    main()
