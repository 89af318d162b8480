"""Loading of the Arabic data files under ``lang/ar/data/`` (YAML and one-entry-per-line lists).

A loader reads its file with :func:`load_data`, a :class:`~rasd.lang.ar.schema.Section` whose
accessors check each entry's type and normalize word lists (:func:`normalized_words`, the one
normalization of lexicon entries), so that a linguist can write natural Arabic and a mistake is
reported with the file and the entry.
"""

from __future__ import annotations

from functools import cache, lru_cache
from importlib import resources
from typing import Any

import yaml

from rasd.lang.ar.schema import Section, normalized, normalized_words

__all__ = ["Section", "data_path", "load_data", "load_lines", "load_yaml", "normalized",
           "normalized_words", "singular_persons"]

_PACKAGE = "rasd.lang.ar"


def data_path(name: str) -> Any:
    """Traversable path of a data file under ``lang/ar/data``."""
    return resources.files(_PACKAGE).joinpath("data", name)


@cache
def load_yaml(name: str) -> Any:
    """Parsed content of ``lang/ar/data/<name>`` (cached)."""
    with data_path(name).open("r", encoding="utf-8") as fh:
        return yaml.load(fh, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))


def load_data(name: str) -> Section:
    """``lang/ar/data/<name>`` as a checked :class:`Section` (its parse is cached)."""
    return Section.of(load_yaml(name), name)


@cache
def load_lines(name: str) -> tuple[str, ...]:
    """Non-empty, non-comment lines of a list file (cached)."""
    with data_path(name).open("r", encoding="utf-8") as fh:
        return tuple(
            line.strip() for line in fh if line.strip() and not line.lstrip().startswith("#")
        )


@lru_cache(maxsize=1)
def singular_persons() -> tuple[str, ...]:
    """The singular person nouns of ``persons.yaml`` with their derived feminine forms (its
    ``feminine`` rule: "مسعف" -> مسعفة), as written."""
    data = load_data("persons.yaml")
    fem = data.section("feminine")
    words, suffix = data.strings("singular"), fem.text("suffix")
    skip, not_after = set(fem.strings("except")), tuple(fem.strings("not_after"))
    derived = [w + suffix for w in words
               if " " not in w and w not in skip and not w.endswith(not_after)]
    return tuple(dict.fromkeys(words + derived))
