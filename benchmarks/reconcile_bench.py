"""Scale of :func:`rasd.reconcile.reconcile_stream` on synthetic claims, one core.

Generates N seeded ClaimRecords lazily, partition by partition (event type, country): 5,000
places in a country > province > town hierarchy (20 countries, 10 provinces each, towns with
coordinates), two years of dates, the 11 event types, a few hundred sources of every kind
relayed by 40 outlets, hedged / ranged / vague figures, toll updates over the following days,
and a share of province-level, country-level, unlocated and undated claims. Streamed (the
default), the records are generated twice (once per pass of reconcile_stream) and never held;
the time of one generation, measured alone first, is taken off per pass. ``--held`` measures
what :func:`rasd.reconcile.reconcile` costs with every record in a list and every group
returned. Each size runs in a fresh subprocess of this script so its peak RSS is its own; the
script prints generation time, reconcile wall and CPU time (CPU time is the robust figure on a
shared machine), groups, peak RSS and the time ratios.

    taskset -c 0 .venv/bin/python benchmarks/reconcile_bench.py            # 500k and 1M
    taskset -c 0 .venv/bin/python benchmarks/reconcile_bench.py --sizes 20000 40000 --json
    taskset -c 0 .venv/bin/python benchmarks/reconcile_bench.py --sizes 1000000 --held
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import subprocess
import sys
import time
from collections.abc import Iterable, Iterator
from datetime import date, timedelta
from typing import Any

from rasd.model import EVENT_TYPES, Claim, Count, Location, Mention, Span, TimeRef
from rasd.reconcile import ClaimRecord, Group, reconcile, reconcile_stream

MIB = 1024 * 1024
N_COUNTRIES, N_PROVINCES, N_PLACES = 20, 10, 5_000
N_SOURCES, N_OUTLETS, DAYS = 300, 40, 730
KINDS = ("monitor", "international", "government", "military", "armed_group", "media",
         "official", "anonymous", "person", "organization")
CATEGORIES = ("civilians", "children", "fighters", "soldiers")
VAGUE = ("several", "tens", "hundreds")


def peak_rss_mib() -> float:
    """Peak resident set size of this process (ru_maxrss: KiB on Linux, bytes on macOS)."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return round(peak / MIB if sys.platform == "darwin" else peak / 1024, 1)


class World:
    """The shared things claims are drawn from: places, sources, outlets, days and counts
    (shared between claims, as an interning loader would)."""

    def __init__(self, seed: int) -> None:
        rnd = random.Random(seed)
        self.countries = [f"C{c:02d}" for c in range(N_COUNTRIES)]
        provinces = [(cc, f"{cc}-{p}", 20 + rnd.random() * 20, 30 + rnd.random() * 20)
                     for cc in self.countries for p in range(N_PROVINCES)]
        self.towns: dict[str, list[Location]] = {cc: [] for cc in self.countries}
        for t in range(N_PLACES - len(provinces) - len(self.countries)):
            cc, code, lat, lon = provinces[t % len(provinces)]
            self.towns[cc].append(Location(f"town{t}", Span(0, 6), f"Town {t}", cc,
                                           round(lat + rnd.uniform(-1, 1), 4),
                                           round(lon + rnd.uniform(-1, 1), 4),
                                           rnd.choice((1, 1, 1, 2)), code))
        self.provinces = {code: Location(f"prov {code}", Span(0, 8), f"Province {code}", cc,
                                         lat, lon, 3, code) for cc, code, lat, lon in provinces}
        self.country_locs = {cc: Location(cc, Span(0, 3), None, cc, None, None, 3)
                             for cc in self.countries}
        self.sources = [Mention(f"source {s}", Span(0, 8), KINDS[s % len(KINDS)],
                                id=f"src{s}" if s % 3 == 0 else None) for s in range(N_SOURCES)]
        self.outlet_voice = Mention("outlet", Span(0, 0), "outlet")
        self.outlets = [f"outlet{o}.example" for o in range(N_OUTLETS)]
        self.vias = [Mention(f"agency {v}", Span(0, 6), "media") for v in range(10)]
        day0 = date(2022, 1, 1)
        self.days = [(day0 + timedelta(d)).isoformat() for d in range(DAYS + 10)]
        self.times = {(d, p): TimeRef("t", Span(0, 1), self.days[d], p)
                      for d in range(DAYS + 10) for p in ("day", "week")}
        self.counts: dict[tuple[Any, ...], Count] = {}
        self.doc = 0

    def count(self, rnd: random.Random, value: int) -> Count:
        """A hedged, ranged, vague or plain figure near ``value``."""
        roll = rnd.random()
        if roll < 0.08:
            key: tuple[Any, ...] = ("v", VAGUE[min(2, len(str(value)) - 1)])
        elif roll < 0.13:
            key = ("r", max(0, value - 3), value + 3)
        elif roll < 0.35:
            key = ("q", value, rnd.choice(("about", "at_least", "at_least", "up_to")))
        else:
            key = ("q", value, None)
        got = self.counts.get(key)
        if got is None:
            got = self.counts[key] = (Count(vague=key[1]) if key[0] == "v" else
                                      Count(min=key[1], max=key[2]) if key[0] == "r" else
                                      Count(value=key[1], qualifier=key[2]))
        return got

    def incident(self, rnd: random.Random, etype: str, towns: list[Location] | None,
                 quota: int) -> Iterator[ClaimRecord]:
        """Up to ``quota`` claims (1-8) about one incident in one of ``towns`` (None: claims
        with no place, each on its own)."""
        town = rnd.choice(towns) if towns else None
        day = rnd.randrange(DAYS)
        truth = int(rnd.paretovariate(1.2) * 3)
        cat = rnd.choice(CATEGORIES) if rnd.random() < 0.4 else None
        subject = Mention("subject", Span(0, 7), None, category=cat) if cat or rnd.random() < .5 \
            else None
        for _ in range(min(quota, rnd.randint(1, 8) if town else 1)):
            roll = rnd.random()
            loc: Location | None = town
            if town is not None and roll < 0.08:
                loc = self.provinces[town.admin1 or ""]
            elif town is not None and roll < 0.11:
                loc = self.country_locs[town.country or ""]
            lag = min(int(rnd.expovariate(0.8)), 9)
            when = None if rnd.random() < 0.01 else \
                self.times[(day, "week" if roll > 0.97 else "day")]
            if rnd.random() < 0.25:
                source, outlet_ok = self.outlet_voice, True
            else:
                source, outlet_ok = self.sources[rnd.randrange(N_SOURCES)], False
            figure = max(1, int(truth * rnd.uniform(0.7, 1.3)) + lag * rnd.randint(0, 2))
            self.doc += 1
            doc = self.doc
            claim = Claim(f"doc{doc:08d}", etype, self.count(rnd, figure), source,
                          Span(doc % 500, doc % 500 + 60), subject,
                          (rnd.choice(self.vias),) if not outlet_ok and rnd.random() < 0.2
                          else (), loc, when)
            pub = self.days[day + lag] if rnd.random() < 0.995 else None
            yield ClaimRecord(claim, rnd.choice(self.outlets), pub)


def synthetic(n: int, seed: int = 7) -> Iterator[ClaimRecord]:
    """``n`` seeded records, generated lazily partition by partition (event type, then
    country; 1 % have no place): incidents reported by 1-8 claims from several sources and
    outlets. Place, source, outlet, date and count objects are shared between claims (as an
    interning loader would); each claim, its evidence span and its record are its own objects.
    """
    world = World(seed)
    parts = [(t, cc) for t in EVENT_TYPES for cc in [""] + world.countries]
    weights = [1 if cc == "" else 99 / N_COUNTRIES for _t, cc in parts]
    total = sum(weights)
    quotas = [int(n * w / total) for w in weights]
    for k in range(n - sum(quotas)):
        quotas[k % len(quotas)] += 1
    for (etype, cc), quota in zip(parts, quotas):
        rnd = random.Random(f"{seed}:{etype}:{cc}")
        towns = world.towns[cc] if cc else None
        while quota > 0:
            for rec in world.incident(rnd, etype, towns, quota):
                quota -= 1
                yield rec


def measure(n: int, window: int, held: bool, alone: bool = True) -> dict[str, Any]:
    """Reconcile ``n`` generated records in this process: streamed (the records generated
    twice, once per pass; the generation time, measured ``alone`` first, is taken off), or
    ``held`` (all records in a list, then :func:`reconcile`, which returns every group)."""
    t0, c0 = time.perf_counter(), time.process_time()
    generated = sum(1 for _ in synthetic(n)) if alone else n
    gen_s, gen_cpu = time.perf_counter() - t0, time.process_time() - c0
    rss_gen = peak_rss_mib()
    t1, c1 = time.perf_counter(), time.process_time()
    if held:
        records = list(synthetic(n))
        t1, c1, passes = time.perf_counter(), time.process_time(), 0
        rss_gen = peak_rss_mib()
        groups: Iterable[Group] = reconcile(records, window_days=window)
    else:
        groups, passes = reconcile_stream(lambda: synthetic(n), window_days=window), 2
    found = multi = disagree = claims = 0
    for g in groups:
        found += 1
        multi += g.n_sources > 1
        disagree += g.disagree
        claims += g.n_claims
    wall = time.perf_counter() - t1 - passes * gen_s
    cpu = time.process_time() - c1 - passes * gen_cpu
    assert claims == generated == n, (claims, generated, n)  # every claim in one group
    mode = "held" if held else "stream" if alone else "stream, generation included"
    return {"claims": n, "mode": mode, "generate_s": round(gen_s, 2),
            "reconcile_s": round(wall, 2), "reconcile_cpu_s": round(cpu, 2), "groups": found,
            "multi_source": multi, "disagree": disagree, "rss_after_generate_mib": rss_gen,
            "peak_rss_mib": peak_rss_mib()}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[500_000, 1_000_000])
    ap.add_argument("--window", type=int, default=3)
    ap.add_argument("--one", type=int, help=argparse.SUPPRESS)  # run one size in this process
    ap.add_argument("--held", action="store_true",
                    help="hold every record and group (reconcile()) instead of streaming")
    ap.add_argument("--with-generation", action="store_true",
                    help="streamed: skip the generation-only run and report times that include "
                         "generating the records twice (cheaper at 10M)")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    if args.one:
        print(json.dumps(measure(args.one, args.window, args.held, not args.with_generation)))
        return
    results = []
    for n in args.sizes:
        proc = subprocess.run([sys.executable, __file__, "--one", str(n), "--window",
                               str(args.window)] + ["--held"] * args.held
                              + ["--with-generation"] * args.with_generation,
                              capture_output=True, text=True, check=True)
        results.append(json.loads(proc.stdout.strip().splitlines()[-1]))
        if not args.json:
            print(" ".join(f"{k}={v}" for k, v in results[-1].items()), flush=True)
    ratio = cpu_ratio = None
    if len(results) >= 2:
        first, last = results[0], results[-1]
        ratio = round(last["reconcile_s"] / max(first["reconcile_s"], 1e-9), 2)
        cpu_ratio = round(last["reconcile_cpu_s"] / max(first["reconcile_cpu_s"], 1e-9), 2)
    if args.json:
        print(json.dumps({"runs": results, "time_ratio": ratio, "cpu_ratio": cpu_ratio}))
    elif ratio is not None:
        print(f"time ratio {results[-1]['claims']}/{results[0]['claims']} claims: wall {ratio}, "
              f"cpu {cpu_ratio}")


if __name__ == "__main__":
    main()
