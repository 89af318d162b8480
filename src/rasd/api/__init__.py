"""The REST API over a rasd store (FastAPI; run with uvicorn).

>>> from rasd.api import create_app, serve
>>> app = create_app("rasd.db")                         # doctest: +SKIP
>>> serve("rasd.db", port=8000)                         # doctest: +SKIP

``serve`` listens on 127.0.0.1 unless another ``host`` is given; the write token comes from
``token`` or else the ``RASD_API_TOKEN`` environment variable (none: writes are disabled); the
other settings (``RASD_ALLOW_PRIVATE``, ``RASD_RATE_LIMIT``, ``RASD_EXTRACT_TIMEOUT``,
``RASD_EXTRACT_WORKERS``) are read from the environment too (:mod:`rasd.api.settings`).
"""

from __future__ import annotations

import os

from rasd.api.app import create_app

__all__ = ["create_app", "serve"]

TOKEN_ENV = "RASD_API_TOKEN"


def serve(db: str | None = None, host: str = "127.0.0.1", port: int = 8000,
          token: str | None = None, *, log_level: str = "info") -> None:
    """Run the API with uvicorn until interrupted."""
    import uvicorn

    token = token or os.environ.get(TOKEN_ENV) or None
    app = create_app(db, token=token, warm=True)
    uvicorn.run(app, host=host, port=port, log_level=log_level, server_header=False)
