"""Nationality adjectives -> ISO 3166 alpha-2 country codes ("الروسي" -> RU).

The data file ``lang/ar/data/nationalities.yaml`` lists, per country, the base masculine
adjective, irregular (broken) plurals and the country's names; the regular forms are generated
here: feminine (ة), sound plurals (ون, ين, ات), duals and the accusative alef. Everything is
normalized with :func:`rasd.text.normalize.normalize_string`, so lookups ignore diacritics and
hamza/ta-marbuta spelling, and proclitics are stripped with :func:`rasd.text.tokens.stems`
("والروسية", "للأمريكيين").

Only *adjectives* resolve: a country name is not one ("روسيا" -> None). The masculine accusative
("سورياً") normalizes to the country name ("سوريا") and is therefore not recognized either; an
accusative that spells no listed name ("عراقياً") is. Ethnic and communal adjectives (Kurdish,
Turkmen, Yazidi, ...) map to no country: :func:`country_of` returns None for them and
:func:`ethnicity_of` gives their id ("الأكراد" -> "kurdish").

Compound adjectives ("الكوري الجنوبي", "جنوب سوداني") are keys with a space in
:func:`nationality_forms`; :func:`country_of` takes single words only.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from types import MappingProxyType

from rasd.errors import DataError
from rasd.lang.ar import load_data
from rasd.text.normalize import normalize_string
from rasd.text.tokens import stems

_DATA = "nationalities.yaml"
NISBA = normalize_string("\u064a")  # the nisba ending ya


@dataclass(frozen=True)
class NationalityTables:
    """Compiled data: adjective forms, ethnic forms, country names and English names."""

    forms: Mapping[str, str]        # normalized adjective form -> ISO2
    ethnic: Mapping[str, str]       # normalized ethnic adjective form -> ethnicity id
    names: Mapping[str, str]        # normalized country name / capital -> ISO2
    english: Mapping[str, str]      # ISO2 -> English country name


def _inflect(base: str, suffixes: Iterable[str], accusative: str,
             names: frozenset[str]) -> list[str]:
    """Regular forms of a (possibly compound) nisba adjective; every word ending in the nisba
    ya takes the suffix ("كوري جنوبي" -> "كورية جنوبية"). The accusative is left out when it
    spells a listed country or capital name."""
    words = base.split()

    def with_suffix(suf: str) -> str:
        return " ".join(w + suf if w.endswith(NISBA) else w for w in words)

    out = [base] + [with_suffix(s) for s in suffixes]
    acc = with_suffix(accusative)
    if acc not in names:
        out.append(acc)
    return out


def _put(table: dict[str, str], form: str, value: str, what: str) -> None:
    old = table.setdefault(form, value)
    if old != value:
        raise DataError(f"{what} form {form!r} claimed by both {old} and {value}", source=_DATA)


@lru_cache(maxsize=1)
def tables() -> NationalityTables:
    """The compiled nationality tables (cached)."""
    data = load_data(_DATA)
    suffixes = data.words("suffixes")
    accusative = data.word("accusative")
    countries = data.sections("countries")
    names: dict[str, str] = {}
    english: dict[str, str] = {}
    for entry in countries:
        iso = entry.text("iso").upper()
        english[iso] = entry.text("name", iso)
        for name in entry.words("names", []):
            _put(names, name, iso, "country name")
    name_set = frozenset(names)
    forms: dict[str, str] = {}
    for entry in countries:
        iso = entry.text("iso").upper()
        if entry.raw("forms", None):
            generated = entry.words("forms")
        else:
            generated = [f for base in entry.words("adjectives", [])
                         for f in _inflect(base, suffixes, accusative, name_set)]
            generated += entry.words("plurals", [])
        for form in generated:
            _put(forms, form, iso, "nationality")
    ethnic: dict[str, str] = {}
    for entry in data.sections("ethnic", []):
        eid = entry.text("id")
        generated = [f for base in entry.words("adjectives", [])
                     for f in _inflect(base, suffixes, accusative, name_set)]
        for form in generated + entry.words("plurals", []):
            if form in forms:
                raise DataError(f"ethnic form {form!r} is also a nationality", source=_DATA)
            _put(ethnic, form, eid, "ethnic")
    return NationalityTables(MappingProxyType(forms), MappingProxyType(ethnic),
                             MappingProxyType(names), MappingProxyType(english))


def _lookup(word: str, table: Mapping[str, str]) -> str | None:
    norm = normalize_string(word).strip()
    if not norm or " " in norm:
        return None
    for stem in stems(norm):
        hit = table.get(stem)
        if hit is not None:
            return hit
    return None


@lru_cache(maxsize=16384)
def country_of(word: str) -> str | None:
    """ISO2 code of a nationality adjective in any form ("الروسية", "للأمريكيين", "أتراك"), or
    None (country names, ethnic adjectives, unknown words)."""
    return _lookup(word, tables().forms)


@lru_cache(maxsize=4096)
def ethnicity_of(word: str) -> str | None:
    """Id of an ethnic or communal adjective ("الأكراد" -> "kurdish"), or None."""
    return _lookup(word, tables().ethnic)


def nationality_forms() -> dict[str, str]:
    """Every normalized adjective form (compounds joined by one space) -> ISO2."""
    return dict(tables().forms)


def country_names() -> dict[str, str]:
    """Normalized country names and capitals (metonyms, not adjectives) -> ISO2."""
    return dict(tables().names)


def names_a_country(word: str) -> bool:
    """Whether a normalized word is a country's name or capital, standing for its government
    ("إيران", "موسكو")."""
    return word in tables().names


def country_name(iso: str) -> str | None:
    """English name of a country code listed in the data ("RU" -> "Russia")."""
    return tables().english.get(iso.upper())
