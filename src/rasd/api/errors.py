"""One JSON error shape for every error the API answers, and the safe JSON response.

Every error body is ``{"error": {"code": "...", "message": "...", "status": N}}``: HTTP errors
(404, 405, 401, 403, 413, 429, 503, 504), validation errors (422), rasd's own :class:`~rasd.errors.RasdError`
(400, or 500 for a database failure; 422 ``invalid_filter`` for a filter value
:mod:`rasd.filters` refuses) and any unexpected exception (500, no details leaked).
"""

from __future__ import annotations

import json
import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.responses import JSONResponse
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from rasd.errors import RasdError
from rasd.filters import FilterError
from rasd.store import StoreError

log = logging.getLogger("rasd.api")

#: default error codes by HTTP status
CODES = {400: "bad_request", 401: "unauthorized", 403: "forbidden", 404: "not_found",
         405: "method_not_allowed", 413: "payload_too_large", 422: "invalid_request",
         429: "rate_limited", 500: "internal_error", 503: "busy", 504: "timeout"}

#: characters escaped in every JSON body so that no response can be read as HTML
_HTML_SAFE = str.maketrans({"<": "\\u003c", ">": "\\u003e", "&": "\\u0026"})


class SafeJSONResponse(JSONResponse):
    """UTF-8 JSON with ``<``, ``>`` and ``&`` escaped (the parsed value is unchanged)."""

    def render(self, content: Any) -> bytes:
        text = json.dumps(content, ensure_ascii=False, allow_nan=False, separators=(",", ":"))
        return text.translate(_HTML_SAFE).encode("utf-8")


class ApiError(StarletteHTTPException):
    """An HTTP error with a stable machine-readable ``code``."""

    def __init__(self, status: int, message: str, code: str | None = None,
                 headers: dict[str, str] | None = None) -> None:
        super().__init__(status_code=status, detail=message, headers=headers)
        self.code = code or CODES.get(status, "error")


def error_body(status: int, code: str, message: str) -> dict[str, Any]:
    """The error shape."""
    return {"error": {"code": code, "message": message, "status": status}}


def error_response(status: int, code: str, message: str,
                   headers: dict[str, str] | None = None) -> SafeJSONResponse:
    return SafeJSONResponse(error_body(status, code, message), status_code=status,
                            headers=headers)


def _validation_message(exc: RequestValidationError) -> str:
    parts = []
    for err in exc.errors()[:5]:
        where = ".".join(str(x) for x in err.get("loc", ()))
        parts.append(f"{where}: {err.get('msg', 'invalid')}" if where else str(err.get("msg")))
    return "; ".join(parts) or "invalid request"


def install_handlers(app: FastAPI) -> None:
    """Register the handlers that give every error the one shape."""

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException) -> SafeJSONResponse:
        code = getattr(exc, "code", None) or CODES.get(exc.status_code, "error")
        message = exc.detail if isinstance(exc.detail, str) else CODES.get(exc.status_code, "")
        return error_response(exc.status_code, code, message, getattr(exc, "headers", None))

    @app.exception_handler(RequestValidationError)
    async def _invalid(request: Request, exc: RequestValidationError) -> SafeJSONResponse:
        return error_response(422, "invalid_request", _validation_message(exc))

    @app.exception_handler(FilterError)
    async def _filter(request: Request, exc: FilterError) -> SafeJSONResponse:
        return error_response(422, exc.code, str(exc))

    @app.exception_handler(RasdError)
    async def _rasd(request: Request, exc: RasdError) -> SafeJSONResponse:
        if isinstance(exc, StoreError):
            log.error("store error on %s: %s", request.url.path, exc)
            return error_response(500, exc.code, "the database could not answer")
        return error_response(400, exc.code, str(exc))

    @app.exception_handler(Exception)
    async def _unexpected(request: Request, exc: Exception) -> SafeJSONResponse:
        log.exception("unexpected error on %s", request.url.path)
        return error_response(500, "internal_error", "internal server error")


class BodyLimit:
    """ASGI middleware: 413 (error shape) for a request body over the limit of its path.

    A declared ``Content-Length`` over the limit is refused before the body is read; a body
    without one (chunked) is counted as it arrives and refused once it passes the limit.
    """

    def __init__(self, app: ASGIApp, limits: dict[str, int], default: int) -> None:
        self.app = app
        self.limits = limits
        self.default = default

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        limit = self.limits.get(scope["path"], self.default)
        declared = dict(scope.get("headers") or ()).get(b"content-length")
        if declared is not None:
            try:
                too_big = int(declared) > limit
            except ValueError:
                too_big = False
            if too_big:
                await error_response(413, "payload_too_large",
                                     f"request body larger than {limit:,} bytes")(scope, receive,
                                                                                  send)
                return
        seen = 0

        async def counted() -> Message:
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > limit:
                    raise ApiError(413, f"request body larger than {limit:,} bytes")
            return message

        await self.app(scope, counted, send)


class SecurityHeaders:
    """ASGI middleware: ``nosniff``, no framing and no caching of API answers; a strict
    Content-Security-Policy on HTML responses."""

    HEADERS = [(b"x-content-type-options", b"nosniff"), (b"x-frame-options", b"DENY"),
               (b"referrer-policy", b"no-referrer"), (b"cache-control", b"no-store")]
    #: HTML pages (the dashboard): own stylesheets and scripts only (the map's Leaflet and the
    #: /docs Swagger UI are served from the package), requests (the schema /docs reads) and
    #: forms to this origin only
    HTML_CSP = (b"default-src 'none'; style-src 'self'; script-src 'self'; img-src 'self' data:; "
                b"connect-src 'self'; form-action 'self'; base-uri 'none'; "
                b"frame-ancestors 'none'")

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                if any(k.lower() == b"content-type" and v.startswith(b"text/html")
                       for k, v in headers):
                    headers.append((b"content-security-policy", self.HTML_CSP))
                message["headers"] = headers + self.HEADERS
            await send(message)

        await self.app(scope, receive, with_headers)
