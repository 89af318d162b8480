"""The server's settings, from the environment (``rasd serve``) or given to ``create_app``.

* ``RASD_ALLOW_PRIVATE=1`` — ``POST /api/ingest {"url": ...}`` may fetch loopback, private and
  link-local addresses (refused by default, against server-side request forgery);
* ``RASD_RATE_LIMIT`` — requests per client to each of ``POST /api/extract``, ``/api/ingest``
  and ``/try``: ``N/second``, ``N/minute``, ``N/hour`` or ``off`` (default ``60/minute``);
* ``RASD_EXTRACT_TIMEOUT`` — seconds one extraction may take, waiting included (default 30);
* ``RASD_EXTRACT_WORKERS`` — extraction processes (default 2).
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass

from rasd.api import limits
from rasd.errors import RasdError
from rasd.ingest.fetch import allow_private_from_env


class SettingsError(RasdError):
    """A server setting (environment variable) with a value that cannot be used."""

    code = "bad_setting"


@dataclass(frozen=True)
class Settings:
    """See the module docstring."""

    allow_private: bool = False
    rate_limit: str = limits.DEFAULT
    extract_timeout: float = 30.0
    extract_workers: int = 2

    def __post_init__(self) -> None:
        try:
            limits.parse(self.rate_limit)
        except ValueError as exc:
            raise SettingsError(str(exc)) from None
        if not 0 < self.extract_timeout <= 3600:
            raise SettingsError(f"extract timeout must be 0-3600 s, not {self.extract_timeout}")
        if not 1 <= self.extract_workers <= 64:
            raise SettingsError(f"extract workers must be 1-64, not {self.extract_workers}")

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None) -> Settings:
        env = os.environ if env is None else env
        try:
            return cls(
                allow_private=allow_private_from_env(env),
                rate_limit=env.get("RASD_RATE_LIMIT", limits.DEFAULT),
                extract_timeout=float(env.get("RASD_EXTRACT_TIMEOUT", cls.extract_timeout)),
                extract_workers=int(env.get("RASD_EXTRACT_WORKERS", cls.extract_workers)))
        except ValueError as exc:
            raise SettingsError(f"bad setting in the environment: {exc}") from None
