"""Alerts fired by ``rasd watch``: ``GET /api/alerts`` (JSON, paginated) and the dashboard's
``/alerts`` page (newest first, each linking to its group).

A group's id may change when claims join it (``docs/reconcile.md``), so the page links each
alert to ``/alerts/{id}/group``, which finds the group that now holds the alert's claims in the
current snapshot and redirects there.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from pydantic import BeforeValidator

from rasd.api import dashboard
from rasd.api.errors import ApiError, SafeJSONResponse
from rasd.api.snapshot import Snapshot
from rasd.model import EVENT_TYPES
from rasd.store.watch import StoredAlert, WatchStore

MAX_LIMIT = 500
PAGE = 50  #: alerts per dashboard page
Kind = Literal["dispute", "toll_jump", "major_incident"]
# the OpenAPI schema lists the event types; mypy cannot read a Literal built from a tuple
EventType = Literal[EVENT_TYPES]  # type: ignore[valid-type]
_GROUP_ID = r"^[0-9a-f]{16}$"
_ERRORS: dict[int | str, dict[str, Any]] = {
    s: {"description": d, "content": {"application/json": {"example": {
        "error": {"code": c, "message": "...", "status": s}}}}}
    for s, c, d in ((400, "bad_input", "Bad input"), (404, "not_found", "Not found"),
                    (422, "invalid_request", "Invalid parameters"))}


def _iso_date(value: object) -> object:
    """Only ``YYYY-MM-DD`` strings (as the other endpoints: no timestamps)."""
    if isinstance(value, dt.date) or (isinstance(value, str) and len(value) == 10
                                      and value[4] == value[7] == "-"):
        return value
    raise ValueError("must be an ISO date, YYYY-MM-DD")


IsoDate = Annotated[dt.date, BeforeValidator(_iso_date)]


def _since(day: dt.date | None) -> dt.datetime | None:
    return dt.datetime.combine(day, dt.time(), dt.UTC) if day else None


def current_group(snap: Snapshot, alert: StoredAlert) -> str | None:
    """The id of the group that holds the alert's claims now (the id it fired with, when that
    group still exists and no claim says otherwise)."""
    wanted = [c for c in [alert.payload.get("lead_claim"), *alert.payload.get("new_claims", [])]
              if c]
    if wanted:
        for g in snap.groups:
            if any(r.claim_id in wanted for r in g.members):
                return g.id
    return alert.group_id if alert.group_id in snap.group_index else None


def api_router() -> APIRouter:
    r = APIRouter()

    @r.get("/api/alerts", tags=["alerts"], responses=_ERRORS)
    def list_alerts(request: Request, kind: Kind | None = None,
                    type: EventType | None = None,
                    group_id: str | None = Query(None, pattern=_GROUP_ID,
                                                 description="the group's id when it fired"),
                    since: IsoDate | None = Query(None, description="fired on or after this "
                                                                    "day (YYYY-MM-DD)"),
                    limit: int = Query(50, ge=1, le=MAX_LIMIT, description="items per page"),
                    offset: int = Query(0, ge=0, le=10**9, description="items skipped")
                    ) -> SafeJSONResponse:
        """Alerts fired by ``rasd watch`` (new disputes, toll jumps, major incidents), newest
        first: each with its group, the figures side by side with their sources, articles
        and evidence, and its deliveries per channel."""
        state = WatchStore(request.app.state.store)
        found, total = state.alerts(kind=kind, type=type, group_id=group_id,
                                    since=_since(since), limit=limit, offset=offset)
        return SafeJSONResponse({"items": [a.to_json() for a in found], "total": total,
                                 "limit": limit, "offset": offset})

    @r.get("/api/alerts/{alert_id}", tags=["alerts"], responses=_ERRORS)
    def get_alert(request: Request, alert_id: int) -> SafeJSONResponse:
        """One alert."""
        found = WatchStore(request.app.state.store).alert(alert_id) \
            if 0 < alert_id < 2**62 else None
        if found is None:
            raise ApiError(404, f"no alert {alert_id}")
        return SafeJSONResponse(found.to_json())

    return r


def page_router() -> APIRouter:
    r = APIRouter(include_in_schema=False)

    @r.get("/alerts", response_class=HTMLResponse)
    def alerts_page(request: Request) -> HTMLResponse:
        p = request.query_params
        kind = p.get("kind") if p.get("kind") in ("dispute", "toll_jump", "major_incident") \
            else None
        try:
            offset = max(0, min(int(p.get("offset", 0)), 10**9))
        except ValueError:
            offset = 0
        found, total = WatchStore(request.app.state.store).alerts(kind=kind, limit=PAGE,
                                                                  offset=offset)
        amp = "&lang=en" if dashboard.lang_of(request) == "en" else ""
        kq = f"&kind={kind}" if kind else ""
        return dashboard.render(
            request, "alerts.html", alerts=[a.to_json() for a in found], total=total,
            kind=kind, offset=offset,
            prev=f"offset={max(0, offset - PAGE)}{kq}{amp}" if offset else None,
            next=f"offset={offset + PAGE}{kq}{amp}" if offset + PAGE < total else None)

    @r.get("/alerts/{alert_id}/group")
    def alert_group(request: Request, alert_id: int) -> Response:
        store = request.app.state.store
        found = WatchStore(store).alert(alert_id) if 0 < alert_id < 2**62 else None
        if found is None:
            return dashboard.not_found(request, f"alert {alert_id}")
        group = current_group(request.app.state.cache.get(), found)
        if group is None:
            return dashboard.not_found(request, found.group_id)
        q = "?lang=en" if dashboard.lang_of(request) == "en" else ""
        return RedirectResponse(f"/groups/{group}{q}", status_code=303)

    return r
