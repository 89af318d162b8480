"""The REST API over a rasd store (FastAPI; run with uvicorn).

>>> from rasd.api import create_app, serve
>>> app = create_app("rasd.db")                         # doctest: +SKIP
>>> serve("rasd.db", port=8000)                         # doctest: +SKIP

``serve`` listens on 127.0.0.1 unless another ``host`` is given; the write token comes from
``token`` or else the settings' ``api_token`` (``RASD_API_TOKEN``; none: writes are disabled);
the settings (:class:`rasd.settings.Settings`) are read from the environment unless given.
"""

from __future__ import annotations

from rasd.api.app import create_app
from rasd.settings import Settings

__all__ = ["create_app", "serve"]

def serve(db: str | None = None, host: str = "127.0.0.1", port: int = 8000,
          token: str | None = None, *, log_level: str = "info",
          settings: Settings | None = None) -> None:
    """Run the API with uvicorn until interrupted."""
    import uvicorn

    settings = settings or Settings.from_env()
    app = create_app(db, token=token or settings.api_token, warm=True, settings=settings)
    uvicorn.run(app, host=host, port=port, log_level=log_level, server_header=False)
