"""Opening the generated data files of ``rasd/geo/data`` for the csv module."""

from __future__ import annotations

import io
from importlib import resources


def open_data(name: str) -> io.TextIOWrapper:
    """The data file ``name`` of ``rasd/geo/data`` as UTF-8 text with newlines left to the csv
    reader (``newline=""``); FileNotFoundError when it is missing."""
    raw = resources.files("rasd.geo").joinpath("data", name).open("rb")
    return io.TextIOWrapper(raw, encoding="utf-8", newline="")
