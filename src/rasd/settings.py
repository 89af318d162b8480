"""Every setting rasd takes from the environment, in one frozen :class:`Settings` read once at
the edge (the command line, ``rasd serve``, a program using the Python API) and passed down.

=========================  ===============================================================
``RASD_SOURCES``           a YAML file of extra known sources merged over the bundled
                           ``sources.yaml`` (see :mod:`rasd.extractor.sources`)
``RASD_API_TOKEN``         the token that enables ``POST /api/ingest`` (none: disabled)
``RASD_ALLOW_PRIVATE``     ``1``/``true``/``yes``/``on``: URL ingestion through the API and
                           ``rasd watch`` may fetch loopback, private and link-local addresses
``RASD_RATE_LIMIT``        requests per client to extract/ingest/try: ``N/second``,
                           ``N/minute``, ``N/hour`` or ``off`` (default ``60/minute``)
``RASD_EXTRACT_TIMEOUT``   seconds one API extraction may take, waiting included (default 30)
``RASD_EXTRACT_WORKERS``   API extraction processes (default 2)
=========================  ===============================================================

The pipeline's stages stay functions of the document: :func:`rasd.pipeline.run` makes the
settings it is given the :func:`active` ones for the run (a context variable, so threads and
nested runs keep theirs), and the lexicon loaders read the sources file from there. Worker
processes get the settings as an argument of their job (:mod:`rasd.jobs`), not from their
environment. The secrets of alert channels stay in ``rasd watch``'s own configuration, which
names the variables that hold them.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Any, TypeVar

from rasd.errors import RasdError

T = TypeVar("T")
RATE_LIMIT_DEFAULT = "60/minute"
_TRUE = ("1", "true", "yes", "on")
_PERIODS = {"second": 1.0, "minute": 60.0, "hour": 3600.0}
_RATE = re.compile(r"^\s*(\d+)\s*/\s*(second|minute|hour)s?\s*$")


def parse_rate_limit(spec: str) -> tuple[int, float] | None:
    """``"60/minute"`` → ``(60, 60.0)``; ``"off"``/``"0"`` → None; a ValueError otherwise."""
    if spec.strip().lower() in ("off", "0", "none", ""):
        return None
    match = _RATE.match(spec.lower())
    if not match or int(match.group(1)) < 1:
        raise ValueError(f"bad rate limit {spec!r}: give N/second, N/minute, N/hour or off")
    return int(match.group(1)), _PERIODS[match.group(2)]


class SettingsError(RasdError):
    """A setting (environment variable) with a value that cannot be used."""

    code = "bad_setting"


@dataclass(frozen=True, slots=True)
class Settings:
    """See the module docstring; the defaults are those of an empty environment."""

    sources_file: str | None = None
    api_token: str | None = None
    allow_private: bool = False
    rate_limit: str = RATE_LIMIT_DEFAULT
    extract_timeout: float = 30.0
    extract_workers: int = 2

    def __post_init__(self) -> None:
        try:
            parse_rate_limit(self.rate_limit)
        except ValueError as exc:
            raise SettingsError(str(exc)) from None
        if not 0 < self.extract_timeout <= 3600:
            raise SettingsError(f"extract timeout must be 0-3600 s, not {self.extract_timeout}")
        if not 1 <= self.extract_workers <= 64:
            raise SettingsError(f"extract workers must be 1-64, not {self.extract_workers}")

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None) -> Settings:
        """The settings of ``env`` (default: this process's environment)."""
        env = os.environ if env is None else env
        try:
            return cls(
                sources_file=env.get("RASD_SOURCES") or None,
                api_token=env.get("RASD_API_TOKEN") or None,
                allow_private=env.get("RASD_ALLOW_PRIVATE", "").strip().lower() in _TRUE,
                rate_limit=env.get("RASD_RATE_LIMIT", RATE_LIMIT_DEFAULT),
                extract_timeout=float(env.get("RASD_EXTRACT_TIMEOUT", 30.0)),
                extract_workers=int(env.get("RASD_EXTRACT_WORKERS", 2)))
        except ValueError as exc:
            raise SettingsError(f"bad setting in the environment: {exc}") from None


DEFAULTS = Settings()
_ACTIVE: ContextVar[Settings] = ContextVar("rasd_settings", default=DEFAULTS)


def active() -> Settings:
    """The settings of the pipeline run in progress (:data:`DEFAULTS` outside of one)."""
    return _ACTIVE.get()


@contextmanager
def activated(settings: Settings | None) -> Iterator[Settings]:
    """Make ``settings`` the :func:`active` ones inside the ``with`` block (None: leave the
    active ones as they are)."""
    if settings is None:
        yield _ACTIVE.get()
        return
    token = _ACTIVE.set(settings)
    try:
        yield settings
    finally:
        _ACTIVE.reset(token)


def run_with(settings: Settings, fn: Callable[..., T], *args: Any) -> T:
    """``fn(*args)`` with ``settings`` active: what a worker process runs, so that it takes its
    settings from its job, not from its environment (``partial(run_with, settings, fn)`` is
    picklable when ``fn`` is a module-level function)."""
    with activated(settings):
        return fn(*args)
