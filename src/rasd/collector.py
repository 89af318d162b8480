"""Pausing Python's cyclic garbage collector around work that builds many long-lived objects
and forms no cycles (loading the lexicons and gazetteer; reconciling millions of claims)."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

__all__ = ["collector_paused"]


@contextmanager
def collector_paused(pause: bool = True) -> Iterator[None]:
    """The cyclic collector off for the block when ``pause`` (and it was on), on again after."""
    paused = pause and gc.isenabled()
    if paused:
        gc.disable()
    try:
        yield
    finally:
        if paused:
            gc.enable()
