"""A per-client rate limit for the endpoints that cost (extraction, writes): token buckets.

``RASD_RATE_LIMIT`` (or ``create_app(rate_limit=...)``) is ``N/second``, ``N/minute`` or
``N/hour`` — N requests per period per client and endpoint, in bursts of up to N — or ``off``.
A request over the limit is answered 429 with ``Retry-After``. Clients are told apart by their
address (``request.client``; behind a reverse proxy, let uvicorn read ``X-Forwarded-For`` from
it, or limit at the proxy). Written here rather than taken from slowapi: one in-process bucket
per client and endpoint is a few lines, where slowapi brings two packages, decorators that
need a ``request`` argument on every endpoint and an error shape of its own.
"""

from __future__ import annotations

import threading
import time
from collections import OrderedDict

from rasd.settings import RATE_LIMIT_DEFAULT, parse_rate_limit

DEFAULT = RATE_LIMIT_DEFAULT
MAX_CLIENTS = 10_000  #: buckets kept (least recently used dropped first)
parse = parse_rate_limit  #: the rate limit's grammar (:func:`rasd.settings.parse_rate_limit`)


class RateLimiter:
    """``rate`` requests per ``per`` seconds for each key, refilled continuously."""

    def __init__(self, rate: int, per: float, max_keys: int = MAX_CLIENTS) -> None:
        self.rate, self.per, self.max_keys = rate, per, max_keys
        self._buckets: OrderedDict[str, tuple[float, float]] = OrderedDict()
        self._lock = threading.Lock()

    @property
    def text(self) -> str:
        unit = {1.0: "second", 60.0: "minute", 3600.0: "hour"}.get(self.per, f"{self.per:g} s")
        return f"{self.rate} per {unit}"

    def wait(self, key: str) -> float:
        """Take one request for ``key``: 0 when allowed, else the seconds until it would be."""
        now = time.monotonic()
        with self._lock:
            tokens, then = self._buckets.pop(key, (float(self.rate), now))
            tokens = min(float(self.rate), tokens + (now - then) * self.rate / self.per)
            allowed = tokens >= 1.0
            self._buckets[key] = (tokens - 1.0 if allowed else tokens, now)
            while len(self._buckets) > self.max_keys:
                self._buckets.popitem(last=False)
        return 0.0 if allowed else (1.0 - tokens) * self.per / self.rate
