"""The gazetteer's countries by ISO 3166 alpha-2 code: Arabic and English names and a
representative point (read from ``geo/data/gazetteer.tsv`` once per process)."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import lru_cache

from rasd.geo.tsv import open_data


@dataclass(frozen=True, slots=True)
class Country:
    code: str
    name_ar: str
    name_en: str
    lat: float | None
    lon: float | None


@lru_cache(maxsize=1)
def countries() -> dict[str, Country]:
    """Every country of the gazetteer by code (its first row when it has several names)."""
    out: dict[str, Country] = {}
    with open_data("gazetteer.tsv") as fh:
        for row in csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE):
            if row["kind"] == "country" and row["country"] and row["country"] not in out:
                out[row["country"]] = Country(row["country"], row["name_ar"], row["name_en"],
                                              _float(row["lat"]), _float(row["lon"]))
    return out


@lru_cache(maxsize=1)
def country_names() -> dict[str, list[str]]:
    """Every Arabic and English name of each country (all its rows), by code."""
    out: dict[str, list[str]] = {}
    with open_data("gazetteer.tsv") as fh:
        for row in csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE):
            if row["kind"] == "country" and row["country"]:
                out.setdefault(row["country"], []).extend((row["name_ar"], row["name_en"]))
    return out


def _float(text: str) -> float | None:
    try:
        return float(text)
    except ValueError:
        return None
