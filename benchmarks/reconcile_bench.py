"""Scale of :func:`rasd.reconcile.reconcile` on synthetic claims, one core.

Generates N seeded ClaimRecords: 5,000 places in a country > province > town hierarchy (20
countries, 10 provinces each, towns with coordinates), two years of dates, the 11 event types, a
few hundred sources of every kind relayed by 40 outlets, hedged / ranged / vague figures, toll
updates over the following days, and a share of province-level, country-level, unlocated and
undated claims. Each size runs in a fresh subprocess of this script so its peak RSS is its own;
the script prints generation time, reconcile wall and CPU time (CPU time is the robust figure on
a shared machine), groups, peak RSS and the time ratios.

    taskset -c 0 .venv/bin/python benchmarks/reconcile_bench.py            # 500k and 1M
    taskset -c 0 .venv/bin/python benchmarks/reconcile_bench.py --sizes 20000 40000 --json
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import subprocess
import sys
import time
from datetime import date, timedelta
from typing import Any

from rasd.model import EVENT_TYPES, Claim, Count, Location, Mention, Span, TimeRef
from rasd.reconcile import ClaimRecord, reconcile

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


def synthetic(n: int, seed: int = 7) -> list[ClaimRecord]:
    """``n`` seeded records: incidents reported by 1-8 claims from several sources and outlets.

    Place, source, outlet, date and count objects are shared between claims (as an interning
    loader would); each claim, its evidence span and its record are its own objects.
    """
    rnd = random.Random(seed)
    countries = [f"C{c:02d}" for c in range(N_COUNTRIES)]
    provinces = [(cc, f"{cc}-{p}", 20 + rnd.random() * 20, 30 + rnd.random() * 20)
                 for cc in countries for p in range(N_PROVINCES)]
    towns = []
    for t in range(N_PLACES - len(provinces) - len(countries)):
        cc, code, lat, lon = provinces[t % len(provinces)]
        towns.append(Location(f"town{t}", Span(0, 6), f"Town {t}", cc,
                              round(lat + rnd.uniform(-1, 1), 4),
                              round(lon + rnd.uniform(-1, 1), 4), rnd.choice((1, 1, 1, 2)), code))
    province_locs = {code: Location(f"prov {code}", Span(0, 8), f"Province {code}", cc, lat, lon,
                                    3, code) for cc, code, lat, lon in provinces}
    country_locs = {cc: Location(cc, Span(0, 3), None, cc, None, None, 3) for cc in countries}
    sources = [Mention(f"source {s}", Span(0, 8), KINDS[s % len(KINDS)],
                       id=f"src{s}" if s % 3 == 0 else None) for s in range(N_SOURCES)]
    outlet_voice = Mention("outlet", Span(0, 0), "outlet")
    outlets = [f"outlet{o}.example" for o in range(N_OUTLETS)]
    vias = [Mention(f"agency {v}", Span(0, 6), "media") for v in range(10)]
    day0 = date(2022, 1, 1)
    days = [(day0 + timedelta(d)).isoformat() for d in range(DAYS + 10)]
    times = {(d, p): TimeRef("t", Span(0, 1), days[d], p) for d in range(DAYS + 10)
             for p in ("day", "week")}
    counts: dict[tuple[Any, ...], Count] = {}

    def count(value: int) -> Count:
        roll = rnd.random()
        if roll < 0.08:
            key: tuple[Any, ...] = ("v", VAGUE[min(2, len(str(value)) - 1)])
        elif roll < 0.13:
            key = ("r", max(0, value - 3), value + 3)
        elif roll < 0.35:
            key = ("q", value, rnd.choice(("about", "at_least", "at_least", "up_to")))
        else:
            key = ("q", value, None)
        got = counts.get(key)
        if got is None:
            got = counts[key] = (Count(vague=key[1]) if key[0] == "v" else
                                 Count(min=key[1], max=key[2]) if key[0] == "r" else
                                 Count(value=key[1], qualifier=key[2]))
        return got

    out: list[ClaimRecord] = []
    doc = 0
    while len(out) < n:
        town = rnd.choice(towns)
        etype = rnd.choice(EVENT_TYPES)
        day = rnd.randrange(DAYS)
        truth = int(rnd.paretovariate(1.2) * 3)
        cat = rnd.choice(CATEGORIES) if rnd.random() < 0.4 else None
        subject = Mention("subject", Span(0, 7), None, category=cat) if cat or rnd.random() < .5 \
            else None
        for _ in range(rnd.randint(1, 8)):
            roll = rnd.random()
            loc: Location | None = town
            if roll < 0.08:
                loc = province_locs[town.admin1 or ""]
            elif roll < 0.11:
                loc = country_locs[town.country or ""]
            elif roll < 0.12:
                loc = None
            lag = min(int(rnd.expovariate(0.8)), 9)
            when = None if rnd.random() < 0.01 else times[(day, "week" if roll > 0.97 else "day")]
            if rnd.random() < 0.25:
                source, outlet_ok = outlet_voice, True
            else:
                source, outlet_ok = sources[rnd.randrange(N_SOURCES)], False
            figure = max(1, int(truth * rnd.uniform(0.7, 1.3)) + lag * rnd.randint(0, 2))
            doc += 1
            claim = Claim(f"doc{doc:08d}", etype, count(figure), source,
                          Span(doc % 500, doc % 500 + 60), subject,
                          (rnd.choice(vias),) if not outlet_ok and rnd.random() < 0.2 else (),
                          loc, when)
            pub = days[day + lag] if rnd.random() < 0.995 else None
            out.append(ClaimRecord(claim, rnd.choice(outlets), pub))
            if len(out) >= n:
                break
    return out


def measure(n: int, window: int) -> dict[str, Any]:
    """Generate ``n`` records and reconcile them in this process."""
    t0 = time.perf_counter()
    records = synthetic(n)
    gen_s = time.perf_counter() - t0
    rss_gen = peak_rss_mib()
    t1, c1 = time.perf_counter(), time.process_time()
    groups = reconcile(records, window_days=window)
    wall, cpu = time.perf_counter() - t1, time.process_time() - c1
    return {"claims": n, "generate_s": round(gen_s, 2), "reconcile_s": round(wall, 2),
            "reconcile_cpu_s": round(cpu, 2),
            "groups": len(groups), "multi_source": sum(g.n_sources > 1 for g in groups),
            "disagree": sum(g.disagree for g in groups), "rss_after_generate_mib": rss_gen,
            "peak_rss_mib": peak_rss_mib()}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[500_000, 1_000_000])
    ap.add_argument("--window", type=int, default=3)
    ap.add_argument("--one", type=int, help=argparse.SUPPRESS)  # run one size in this process
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    if args.one:
        print(json.dumps(measure(args.one, args.window)))
        return
    results = []
    for n in args.sizes:
        proc = subprocess.run([sys.executable, __file__, "--one", str(n), "--window",
                               str(args.window)], capture_output=True, text=True, check=True)
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
