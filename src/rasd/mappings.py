"""Coding of claims into ACLED event/sub-event types and PLOVER events/modes.

The table lives in ``rasd/data/mappings.yaml`` and is documented in ``docs/mappings.md``; the
Arabic munition words that refine strikes (air strike vs shelling vs IED ...) live in
``lang/ar/data/munitions.yaml``. Precedence: the trigger's munition class (for types that use
it), then the subject category, then the type's default.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

import yaml

from rasd.lang.ar import load_data
from rasd.model import EVENT_TYPES
from rasd.text.normalize import normalize_string
from rasd.text.tokens import tokenize

__all__ = ["EventCoding", "code_claim", "munition_class", "all_codings", "categories"]

_FIELDS = ("acled_event_type", "acled_sub_event_type", "plover_event", "plover_mode")


@dataclass(frozen=True, slots=True)
class EventCoding:
    """ACLED and PLOVER coding of one claim; ``None`` where no mapping makes sense."""

    acled_event_type: str | None
    acled_sub_event_type: str | None
    fatalities: bool            # whether the count is an ACLED fatality figure
    plover_event: str | None
    plover_mode: str | None


@dataclass(frozen=True, slots=True)
class _Type:
    fatalities: bool
    munitions: bool
    default: tuple[str | None, ...]
    by_category: dict[str, tuple[str | None, ...]]


@dataclass(frozen=True, slots=True)
class _Table:
    categories: tuple[str, ...]
    aliases: dict[str, str]
    precedence: tuple[str, ...]
    munitions: dict[str, tuple[str | None, ...]]
    types: dict[str, _Type]


def _row(data: dict[str, Any], acled: dict[str, list[str]], plover: dict[str, list[str]],
         where: str) -> tuple[str | None, ...]:
    """The four coding fields of a YAML row, checked against the vocabularies."""
    unknown = set(data) - set(_FIELDS) - {"categories"}
    if unknown:
        raise ValueError(f"mappings.yaml {where}: unknown fields {sorted(unknown)}")
    event, sub, p_event, p_mode = (data.get(f) for f in _FIELDS)
    if event is not None and event not in acled:
        raise ValueError(f"mappings.yaml {where}: unknown ACLED event type {event!r}")
    if sub is not None and (event is None or sub not in acled[event]):
        raise ValueError(f"mappings.yaml {where}: {sub!r} is not a sub-event type of {event!r}")
    if p_event is not None and p_event not in plover:
        raise ValueError(f"mappings.yaml {where}: unknown PLOVER event {p_event!r}")
    if p_mode is not None and (p_event is None or p_mode not in plover[p_event]):
        raise ValueError(f"mappings.yaml {where}: {p_mode!r} is not a mode of {p_event!r}")
    return event, sub, p_event, p_mode


@lru_cache(maxsize=1)
def _table() -> _Table:
    path = resources.files("rasd").joinpath("data", "mappings.yaml")
    with path.open("r", encoding="utf-8") as fh:
        data = yaml.safe_load(fh)
    acled, plover = data["acled"], data["plover"]
    cats = tuple(data["categories"])
    aliases = {k: v for k, v in data.get("aliases", {}).items()}
    for alias, target in aliases.items():
        if target not in cats:
            raise ValueError(f"mappings.yaml: alias {alias!r} -> unknown category {target!r}")
    munitions = {name: _row(row, acled, plover, f"munition class {name}")
                 for name, row in data["munition_classes"].items()}
    precedence = tuple(data["munition_precedence"])
    if set(precedence) != set(munitions):
        raise ValueError("mappings.yaml: munition_precedence must list every munition class")
    raw = data["types"]
    if set(raw) != set(EVENT_TYPES):
        raise ValueError(f"mappings.yaml: types differ from EVENT_TYPES: "
                         f"{sorted(set(raw) ^ set(EVENT_TYPES))}")
    types: dict[str, _Type] = {}
    for name, spec in raw.items():
        base = raw[spec["same_as"]] if "same_as" in spec else spec
        by_category: dict[str, tuple[str | None, ...]] = {}
        for i, row in enumerate(base.get("by_category") or ()):
            coded = _row(row, acled, plover, f"{name} row {i}")
            for cat in row["categories"]:
                if cat not in cats:
                    raise ValueError(f"mappings.yaml {name}: unknown category {cat!r}")
                by_category.setdefault(cat, coded)
        types[name] = _Type(bool(spec["fatalities"]), bool(base.get("munitions", False)),
                            _row(base.get("default") or {}, acled, plover, f"{name} default"),
                            by_category)
    return _Table(cats, aliases, precedence, munitions, types)


@lru_cache(maxsize=1)
def _munition_words() -> tuple[dict[str, set[str]], tuple[tuple[str, tuple[str, ...]], ...]]:
    """Normalized munition words (word -> classes) and phrases (class, words)."""
    words: dict[str, set[str]] = {}
    phrases: list[tuple[str, tuple[str, ...]]] = []
    data = load_data("munitions.yaml")
    for cls in data.keys_of(_table().munitions):
        spec = data.section(cls)
        for word in spec.words("words", []):
            words.setdefault(word, set()).add(cls)
        for phrase in spec.words("phrases", []):
            phrases.append((cls, tuple(phrase.split())))
    return words, tuple(phrases)


@lru_cache(maxsize=4096)
def munition_class(trigger_text: str | None) -> str | None:
    """Munition class of a trigger word or phrase ("غارات" -> air, "قذائف" -> shelling), or None."""
    if not trigger_text:
        return None
    words, phrases = _munition_words()
    toks = tokenize(normalize_string(trigger_text))
    hits: set[str] = set()
    for tok in toks:
        for stem in tok.stems:
            hits |= words.get(stem, set())
    for cls, phrase in phrases:
        for i in range(len(toks) - len(phrase) + 1):
            if all(w in toks[i + j].stems for j, w in enumerate(phrase)):
                hits.add(cls)
                break
    return next((cls for cls in _table().precedence if cls in hits), None)


def categories() -> tuple[str, ...]:
    """The subject categories the table is written for."""
    return _table().categories


def _coding(event_type: str, category: str | None, munition: str | None) -> EventCoding:
    table = _table()
    spec = table.types.get(event_type)
    if spec is None:
        raise ValueError(f"unknown event type {event_type!r} (expected one of {EVENT_TYPES})")
    if munition is not None and spec.munitions:
        fields = table.munitions[munition]
    else:
        cat = table.aliases.get(category, category) if category else None
        fields = spec.by_category.get(cat, spec.default) if cat else spec.default
    event, sub, p_event, p_mode = fields
    return EventCoding(event, sub, spec.fatalities, p_event, p_mode)


def code_claim(event_type: str, subject_category: str | None = None,
               trigger_text: str | None = None) -> EventCoding:
    """ACLED/PLOVER coding of a claim from its type, subject category and trigger word.

    ``code_claim("strikes", None, "غارات")`` is Explosions/Remote violence / Air/drone strike;
    ``code_claim("killed", "civilians")`` is Violence against civilians / Attack. Unknown
    categories fall back to the type's default; an unknown type raises ``ValueError``.
    """
    munition = munition_class(trigger_text) if trigger_text else None
    return _coding(event_type, subject_category, munition)


def all_codings() -> list[tuple[str, str | None, str | None, EventCoding]]:
    """Every (type, category, munition class, coding) the table defines, for docs and exports.

    Rows with a munition class are listed only for types that use munitions; the category of
    those rows is None since the munition class overrides it.
    """
    table = _table()
    rows: list[tuple[str, str | None, str | None, EventCoding]] = []
    for name in EVENT_TYPES:
        for cat in (*table.categories, None):
            rows.append((name, cat, None, _coding(name, cat, None)))
        if table.types[name].munitions:
            for cls in table.precedence:
                rows.append((name, None, cls, _coding(name, None, cls)))
    return rows
