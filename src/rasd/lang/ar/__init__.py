"""Loading of the Arabic data files under ``lang/ar/data/`` (YAML and one-entry-per-line lists).

Entries are returned as written; callers normalize them with
:func:`rasd.text.normalize.normalize_string` so that a linguist can write natural Arabic.
"""

from __future__ import annotations

from functools import cache, lru_cache
from importlib import resources
from typing import Any

import yaml

_PACKAGE = "rasd.lang.ar"


def data_path(name: str) -> Any:
    """Traversable path of a data file under ``lang/ar/data``."""
    return resources.files(_PACKAGE).joinpath("data", name)


@cache
def load_yaml(name: str) -> Any:
    """Parsed content of ``lang/ar/data/<name>`` (cached)."""
    with data_path(name).open("r", encoding="utf-8") as fh:
        return yaml.load(fh, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))


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
    data = load_yaml("persons.yaml")
    fem = data["feminine"]
    words = [str(w) for w in data["singular"]]
    skip = set(fem["except"])
    derived = [w + fem["suffix"] for w in words
               if " " not in w and w not in skip and not w.endswith(tuple(fem["not_after"]))]
    return tuple(dict.fromkeys(words + derived))
