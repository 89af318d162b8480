"""The REST API: JSON endpoints under ``/api/``, the OpenAPI schema at ``/openapi.json``.

Read endpoints are open; ``POST /api/ingest`` needs ``Authorization: Bearer <token>`` with the
token the operator configured (401 without it or with a wrong one; 403 when the server has no
token, i.e. writes are disabled). Lists answer ``{"items", "total", "limit", "offset"}``; every
error answers ``{"error": {"code", "message", "status"}}`` (see :mod:`rasd.api.errors`).
Extraction runs in worker processes within a time budget (503 busy / 504 too slow,
:mod:`rasd.api.workers`); extraction and writes are rate-limited per client (429,
:mod:`rasd.api.limits`); URL ingestion refuses non-public addresses unless allowed
(:mod:`rasd.api.settings`).
"""

from __future__ import annotations

import hmac
import io
import json
import math
import threading
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from functools import partial
from typing import Annotated, Any, Literal

from fastapi import Depends, FastAPI, Path, Query, Request
from fastapi.middleware.gzip import GZipMiddleware
from fastapi.staticfiles import StaticFiles
from pydantic import BaseModel, Field

from rasd import filters
from rasd.api import alerts, dashboard, limits, queries
from rasd.api.errors import ApiError, BodyLimit, SafeJSONResponse, SecurityHeaders, install_handlers
from rasd.api.snapshot import SnapshotCache
from rasd.api.workers import ExtractWorkers, Job, extract_job
from rasd.corpus import ingest
from rasd.filters import GROUP_PERIODS
from rasd.ingest.fetch import FetchOptions
from rasd.model import EVENT_TYPES
from rasd.settings import Settings, run_with
from rasd.store import Store
from rasd.version import __version__

MAX_EXTRACT_CHARS = 200_000     #: longest text POST /api/extract accepts (characters)
MAX_EXTRACT_BYTES = 2_000_000   #: its request body (bytes)
MAX_BODY_BYTES = 20_000_000     #: any other request body (bytes)
MAX_INGEST_RECORDS = 1_000      #: records per POST /api/ingest
MAX_LIMIT = 500



TypeParam = Annotated[str | None, Query(description="event type", json_schema_extra={
    "anyOf": [{"type": "string", "enum": list(EVENT_TYPES)}, {"type": "null"}]})]
CountryParam = Annotated[str | None, Query(description="ISO 3166 alpha-2 code (any case) or a "
                                                       "country's Arabic or English name")]
PeriodParam = Annotated[str | None, Query(description="the group's period", json_schema_extra={
    "anyOf": [{"type": "string", "enum": list(GROUP_PERIODS)}, {"type": "null"}]})]


def _date(description: str) -> Any:
    return Query(None, description=f"{description} (YYYY-MM-DD)", json_schema_extra={
        "anyOf": [{"type": "string", "format": "date"}, {"type": "null"}]})


def _error_doc(status: int, code: str, description: str) -> dict[str, Any]:
    return {"description": description, "content": {"application/json": {"example": {
        "error": {"code": code, "message": "...", "status": status}}}}}


ERRORS: dict[int | str, dict[str, Any]] = {
    s: _error_doc(s, c, d)
    for s, c, d in ((400, "bad_input", "Bad input"), (404, "not_found", "Not found"),
                    (422, "invalid_request", "Invalid parameters, or a filter value that "
                                             "means nothing (code invalid_filter)"))
}
LIMITED: dict[int | str, dict[str, Any]] = {
    429: _error_doc(429, "rate_limited", "Too many requests from this client")}
BUDGETED: dict[int | str, dict[str, Any]] = {
            413: _error_doc(413, "payload_too_large", "Text too long"),
            503: _error_doc(503, "busy", "Every extraction worker is busy"),
            504: _error_doc(504, "timeout", "Extraction took longer than its time budget")}
def window(limit: int = Query(50, ge=1, le=MAX_LIMIT, description="items per page"),
           offset: int = Query(0, ge=0, description="items skipped")) -> queries.Window:
    return queries.Window(limit, offset)


class ExtractRequest(BaseModel):
    """One article to extract claims from (nothing is stored)."""

    text: str = Field(..., min_length=1,
                      description=f"article body, at most {MAX_EXTRACT_CHARS:,} characters")
    title: str | None = None
    published: str | None = Field(None, description="ISO date of publication")
    outlet: str | None = None


class Record(BaseModel):
    """An article in the corpus format."""

    text: str
    id: str | None = None
    title: str | None = None
    published: str | None = None
    outlet: str | None = None
    url: str | None = None


class UrlInput(BaseModel):
    """A page or RSS/Atom feed to fetch and ingest."""

    url: str = Field(..., pattern=r"^https?://", max_length=2000)


def _json(content: Any) -> SafeJSONResponse:
    """Answer ``content`` as is (no response-model validation: the dicts are built here)."""
    return SafeJSONResponse(content)


def create_app(db: str | None, *, token: str | None = None, warm: bool = False,
               check_every: float = 1.0, settings: Settings | None = None,
               extract_fn: Callable[[Job], dict[str, Any]] = extract_job) -> FastAPI:
    """The API over the store at ``db`` (see :meth:`rasd.store.Store.open`).

    ``token`` enables ``POST /api/ingest``; ``warm`` builds the snapshot of the store at
    start-up (in the background) instead of on the first request; ``check_every`` is how often
    (seconds) the snapshot is checked against the store's row counts; ``settings`` default to
    the environment's (:meth:`Settings.from_env`); ``extract_fn`` is what extraction workers
    run (a module-level function; tests give a slow one).

    The app reads through a read-only store (nothing written: no WAL switch, no migration);
    with a token, the database is first created or migrated for the writes to come."""
    if token:
        Store.open(db).close()
    settings = settings or Settings.from_env()
    store = Store.open(db, readonly=True)
    cache = SnapshotCache(store, check_every=check_every)
    write_lock = threading.Lock()
    workers = ExtractWorkers(settings.extract_workers, settings.extract_timeout,
                             partial(run_with, settings, extract_fn))
    bucket = limits.parse(settings.rate_limit)
    limiter = limits.RateLimiter(*bucket) if bucket else None
    fetch = FetchOptions(allow_private=settings.allow_private)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        if warm:
            threading.Thread(target=cache.get, name="rasd-warm", daemon=True).start()
        yield
        workers.close()
        store.close()

    app = FastAPI(title="rasd", version=__version__, lifespan=lifespan,
                  description="Attributed casualty claims from Arabic news: documents, claims, "
                              "sources and reconciled groups.",
                  docs_url=None, redoc_url=None, default_response_class=SafeJSONResponse)
    install_handlers(app)
    app.add_middleware(BodyLimit, limits={"/api/extract": MAX_EXTRACT_BYTES,
                                          "/try": dashboard.MAX_TRY_BYTES},
                       default=MAX_BODY_BYTES)
    app.add_middleware(SecurityHeaders)
    app.add_middleware(GZipMiddleware, minimum_size=1024)  # pages, JSON and the map's data
    app.state.store, app.state.cache, app.state.workers = store, cache, workers

    def rate_limited(request: Request) -> None:
        """429 when this client has used up its requests to this endpoint."""
        if limiter is None:
            return
        client = request.client.host if request.client else "?"
        wait = limiter.wait(f"{client} {request.method} {request.url.path}")
        if wait:
            seconds = str(math.ceil(wait))
            raise ApiError(429, f"too many requests: at most {limiter.text} per client; retry "
                                f"in {seconds} s", "rate_limited",
                           headers={"Retry-After": seconds})

    app.state.rate_limited = rate_limited

    def require_token(request: Request) -> None:
        if not token:
            raise ApiError(403, "writes are disabled: the server has no token configured",
                           "writes_disabled")
        scheme, _, given = request.headers.get("authorization", "").partition(" ")
        if scheme.lower() != "bearer" or not hmac.compare_digest(given.strip().encode(),
                                                                 token.encode()):
            raise ApiError(401, "a valid bearer token is required", "unauthorized",
                           headers={"WWW-Authenticate": "Bearer"})

    @app.get("/api/health", tags=["meta"])
    def health() -> SafeJSONResponse:
        """Liveness, version and row counts."""
        return _json({"status": "ok", "version": __version__, "dialect": store.dialect,
                "counts": store.counts(), "writes": bool(token)})

    @app.get("/api/documents", tags=["documents"], responses=ERRORS)
    def list_documents(outlet: str | None = None, since: str | None = _date("published from"),
                       until: str | None = _date("published until"),
                       language: str | None = None,
                       sort: Literal["published", "-published", "id"] = "id",
                       w: queries.Window = Depends(window)) -> SafeJSONResponse:
        """Stored documents (metadata and title, no text), filtered by outlet, language and
        publication date (inclusive)."""
        f = filters.check(since=since, until=until)
        found = queries.documents(cache.get(), outlet=outlet, since=f.since, until=f.until,
                                  language=language, sort=sort)
        return _json(queries.page(found, w, lambda d: d.to_json()))

    @app.get("/api/documents/{doc_id:path}", tags=["documents"], responses=ERRORS)
    def get_document(doc_id: str = Path(...)) -> SafeJSONResponse:
        """One document: its text and its claims (read from the store, not the snapshot)."""
        doc = store.get_document(doc_id)
        if doc is None:
            raise ApiError(404, f"no document {doc_id!r}")
        claims = list(store.claims(doc_id=doc_id))
        ids = store.claim_ids(doc_id)
        return _json({"id": doc.id, "title": doc.text[:doc.title_end] if doc.title_end else None,
                "published": doc.published, "outlet": doc.outlet, "url": doc.url,
                "language": doc.meta.get("language"), "text": doc.text,
                "claims": [{"id": i, **c.to_json()} for i, c in zip(ids, claims)]})

    @app.get("/api/claims", tags=["claims"], responses=ERRORS)
    def list_claims(type: TypeParam = None, country: CountryParam = None,
                    since: str | None = _date("event date from"),
                    until: str | None = _date("event date to"),
                    source: str | None = Query(None, description="source id, or part of its "
                                                                  "text or name"),
                    outlet: str | None = None,
                    place: str | None = Query(None, description="the place's Arabic or "
                                                                "English name, whole words"),
                    doc_id: str | None = None,
                    sort: Literal["date", "-date", "confidence", "-confidence", "count",
                                  "-count"] | None = None,
                    w: queries.Window = Depends(window)) -> SafeJSONResponse:
        """Stored claims with their ids and articles' metadata (default order: by document,
        then as extracted)."""
        f = filters.check(type=type, country=country, since=since, until=until,
                          source=source, outlet=outlet, place=place)
        found = queries.claims(cache.get(), f, doc_id=doc_id, sort=sort)
        return _json(queries.page(found, w, lambda c: c.to_json()))

    @app.get("/api/sources", tags=["sources"], responses=ERRORS)
    def list_sources(kind: str | None = None, country: CountryParam = None,
                     q: str | None = Query(None, description="part of the id or name"),
                     w: queries.Window = Depends(window)) -> SafeJSONResponse:
        """Canonical sources with their claim and document counts (most claims first)."""
        found = queries.sources(cache.get(), kind=kind, country=filters.country_code(country),
                                q=q)
        return _json(queries.page(found, w, lambda s: s))

    @app.get("/api/groups", tags=["groups"], responses=ERRORS)
    def list_groups(type: TypeParam = None, country: CountryParam = None,
                    place: str | None = Query(None, description="the place's Arabic or "
                                                                "English name, whole words"),
                    since: str | None = _date("the group's period ends on or after"),
                    until: str | None = _date("the group's period starts on or before"),
                    source: str | None = None, outlet: str | None = None,
                    period: PeriodParam = None,
                    disagree: bool = Query(False, description="only groups whose sources "
                                                              "disagree"),
                    min_sources: int = Query(1, ge=1),
                    sort: Literal["n_sources", "-n_sources", "date", "-date", "best", "-best",
                                  "n_claims", "-n_claims", "spread", "-spread", "disputes",
                                  "-disputes"] | None = None,
                    w: queries.Window = Depends(window)) -> SafeJSONResponse:
        """Reconciled groups: one real-world quantity and every source's figure for it
        (default order: first day, type, place; ``-spread``: widest disputes first;
        ``-disputes``: disputes first, then by number of sources, the most recent first)."""
        f = filters.check(type=type, country=country, place=place, since=since, until=until,
                          source=source, outlet=outlet, period=period, disagree=disagree,
                          min_sources=min_sources)
        snap = cache.get()
        found = queries.groups(snap, f, sort=sort)
        return _json(queries.page(found, w, snap.group_json))

    @app.get("/api/groups/{group_id}", tags=["groups"], responses=ERRORS)
    def get_group(group_id: str) -> SafeJSONResponse:
        """One reconciled group."""
        snap = cache.get()
        group = snap.group_index.get(group_id)
        if group is None:
            raise ApiError(404, f"no group {group_id!r}")
        return _json(snap.group_json(group))

    @app.post("/api/extract", tags=["extract"], dependencies=[Depends(rate_limited)],
              responses={**ERRORS, **LIMITED, **BUDGETED})
    def extract(body: ExtractRequest) -> SafeJSONResponse:
        """Claims of one article (nothing is stored), extracted within the server's time
        budget."""
        if len(body.text) > MAX_EXTRACT_CHARS:
            raise ApiError(413, f"text too long ({len(body.text):,} characters; limit "
                                f"{MAX_EXTRACT_CHARS:,})")
        found = workers.run(body.model_dump())
        return _json({"doc_id": found["doc_id"], "claims": found["claims"]})

    @app.post("/api/ingest", tags=["ingest"],
              dependencies=[Depends(rate_limited), Depends(require_token)],
              responses={**ERRORS, **LIMITED, 401: _error_doc(401, "unauthorized",
                                                                 "No or wrong token"),
                         403: _error_doc(403, "writes_disabled", "Writes disabled")})
    def ingest_(body: list[Record] | UrlInput) -> SafeJSONResponse:
        """Store articles (a list of corpus-format records, or ``{"url": ...}`` of a page or
        feed) with their claims; already stored ones are skipped."""
        if isinstance(body, UrlInput):
            inputs, stdin = [body.url], None
        else:
            if not body:
                raise ApiError(400, "no records", "bad_input")
            if len(body) > MAX_INGEST_RECORDS:
                raise ApiError(413, f"more than {MAX_INGEST_RECORDS:,} records")
            lines = (json.dumps(r.model_dump(exclude_none=True), ensure_ascii=False)
                     for r in body)
            inputs, stdin = ["-"], io.BytesIO(("\n".join(lines) + "\n").encode("utf-8"))
        with write_lock:
            try:
                summary = ingest(inputs, db, stdin=stdin, fetch=fetch)
            finally:
                cache.invalidate()
        return _json({"run_id": summary.run_id, "read": summary.read, "new": summary.new,
                "already_stored": summary.already_stored, "not_arabic": summary.not_arabic,
                "claims": summary.claims,
                "failures": [{"source": f.source, "reason": f.reason, "code": f.code}
                             for f in summary.failures]})

    app.include_router(alerts.api_router())
    app.include_router(alerts.page_router())
    app.include_router(dashboard.router())
    app.mount("/static", StaticFiles(directory=dashboard.STATIC), name="static")
    return app
