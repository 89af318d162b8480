"""The gazetteer's countries by ISO 3166 alpha-2 code: Arabic and English names and a
representative point (read from ``geo/data/gazetteer.tsv`` once per process)."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import lru_cache

from rasd.errors import DataError
from rasd.geo.tsv import open_data


@dataclass(frozen=True, slots=True)
class Country:
    code: str
    name_ar: str
    name_en: str
    lat: float | None
    lon: float | None


_COLUMNS = ("kind", "country", "name_ar", "name_en", "lat", "lon")
_TSV_NAME = "gazetteer.tsv"


def _country_rows() -> list[dict[str, str]]:
    """The rows of the gazetteer's countries, in file order; a DataError naming the file and
    the line when a column is missing."""
    try:
        with open_data(_TSV_NAME) as fh:
            reader = csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE)
            rows = []
            for row in reader:
                if None in row.values() or any(c not in row for c in _COLUMNS):
                    raise DataError(f"line {reader.line_num}: a column of {', '.join(_COLUMNS)} "
                                    "is missing", source=_TSV_NAME)
                if row["kind"] == "country" and row["country"]:
                    rows.append(row)
    except OSError as exc:
        raise DataError(f"unreadable gazetteer ({exc!r}); run scripts/build_gazetteer.py",
                        source=_TSV_NAME) from exc
    return rows


@lru_cache(maxsize=1)
def countries() -> dict[str, Country]:
    """Every country of the gazetteer by code (its first row when it has several names)."""
    out: dict[str, Country] = {}
    for row in _country_rows():
        if row["country"] not in out:
            out[row["country"]] = Country(row["country"], row["name_ar"], row["name_en"],
                                          _float(row["lat"]), _float(row["lon"]))
    return out


@lru_cache(maxsize=1)
def country_names() -> dict[str, list[str]]:
    """Every Arabic and English name of each country (all its rows), by code."""
    out: dict[str, list[str]] = {}
    for row in _country_rows():
        out.setdefault(row["country"], []).extend((row["name_ar"], row["name_en"]))
    return out


def _float(text: str) -> float | None:
    try:
        return float(text)
    except ValueError:
        return None
