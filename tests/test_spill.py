"""Lines put in key order through a spill file, run by run."""

import random

from rasd import spill
from rasd.spill import in_order


def test_runs_are_merged_in_key_order(monkeypatch):
    monkeypatch.setattr(spill, "CHUNK", 7)  # lines cut across reads
    rnd = random.Random(5)
    runs = [sorted((f"{rnd.randrange(50):02d}", f"id{r}-{k}") for k in range(rnd.randrange(30)))
            for r in range(6)]
    keyed = [((day, ident), f'{{"line": "{day} {ident} \\u0642"}}') for run in runs
             for day, ident in run]
    got = list(in_order(keyed))
    assert got == [line for _key, line in sorted(keyed, key=lambda kl: kl[0])]
    assert list(in_order([])) == []
