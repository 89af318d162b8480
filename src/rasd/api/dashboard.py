"""The dashboard: server-rendered HTML pages (Jinja2, right-to-left, no script) over the API's
snapshot.

* ``/`` — the reconciled groups, each source's figure as a dot on the row's scale;
* ``/groups/{id}`` — one group: a timeline of each source's figures and their evidence;
* ``/documents/{id}`` — an article with every claim's spans highlighted;
* ``/try`` — paste an article and see its claims (nothing is stored);
* ``/map`` — the groups on country borders (Natural Earth via world-atlas, built by
  ``scripts/build_borders.py``), coloured by type, sized by best figure, ringed when disputed;
* ``/docs`` — the REST API's reference (Swagger UI, vendored by ``scripts/vendor_swagger_ui.sh``).

Labels come from ``templates/labels.json`` (``?lang=en`` for English). Every piece of article
text is escaped by Jinja's autoescape: the highlighting is a tree of text pieces and spans built
here and rendered by a template macro, never HTML assembled in Python.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import math
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlencode

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response
from jinja2 import Environment, FileSystemLoader, select_autoescape
from starlette.concurrency import run_in_threadpool

from rasd.api import queries
from rasd.export import WRITERS, member_rows
from rasd.filters import GROUP_PERIODS, FilterError, Filters, check, iso_date
from rasd.geo.countries import countries
from rasd.model import EVENT_TYPES

HERE = Path(__file__).parent
TEMPLATES = HERE / "templates"
STATIC = HERE / "static"
MAX_TRY_CHARS = 200_000            #: longest pasted text (as /api/extract)
MAX_TRY_BYTES = 12 * MAX_TRY_CHARS  #: its form body (percent-encoded UTF-8: up to 12 bytes/char)
PAGE = 50                           #: groups per page of the table
SPAN_KINDS = ("evidence", "trigger", "source", "location", "time")  #: highlighted, outer first

LABELS: dict[str, dict[str, str]] = json.loads((TEMPLATES / "labels.json").read_text("utf-8"))
env = Environment(loader=FileSystemLoader(str(TEMPLATES)),
                  autoescape=select_autoescape(["html", "svg"], default_for_string=True),
                  trim_blocks=True, lstrip_blocks=True)


# --- helpers ---------------------------------------------------------------------------------

def lang_of(request: Request) -> str:
    return "en" if request.query_params.get("lang") == "en" else "ar"


def render(request: Request, name: str, status: int = 200, **ctx: Any) -> HTMLResponse:
    lang = lang_of(request)
    t = LABELS[lang]
    html = env.get_template(name).render(
        t=t, lang=lang, dir="rtl" if lang == "ar" else "ltr",
        q=("?lang=en" if lang == "en" else ""), amp=("&lang=en" if lang == "en" else ""),
        path=request.url.path, **ctx)
    return HTMLResponse(html, status_code=status)


def not_found(request: Request, what: str) -> HTMLResponse:
    return render(request, "error.html", 404, code=404, message=what)


def _value(count: dict[str, Any] | None) -> float | None:
    """A figure's number: its value, else the middle of its range."""
    if not count:
        return None
    if count.get("value") is not None:
        return float(count["value"])
    lo, hi = count.get("low"), count.get("high")
    if lo is not None and hi is not None:
        return (lo + hi) / 2
    return lo if lo is not None else hi


def _date(text: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(text[:10]) if text else None
    except ValueError:
        return None


def highlight(text: str, claims: Iterable[dict[str, Any]]) -> list[Any]:
    """``text`` as a tree of plain pieces (str) and spans (``{"kind", "claim", "children"}``).

    Spans are nested when one contains another; a span crossing an earlier one is dropped
    (its claim is still listed beside the text). Identical spans are kept once per kind."""
    spans: dict[tuple[int, int, str], int] = {}
    for n, c in enumerate(claims):
        for kind in SPAN_KINDS:
            span = (c.get(kind) or {}).get("span")
            if span and 0 <= span[0] < span[1] <= len(text):
                spans.setdefault((span[0], span[1], kind), n)
    order = sorted(spans, key=lambda s: (s[0], -s[1], SPAN_KINDS.index(s[2])))
    root: dict[str, Any] = {"start": 0, "end": len(text), "children": []}
    stack = [root]
    for start, end, kind in order:
        while stack[-1] is not root and stack[-1]["end"] <= start:
            stack.pop()
        parent = stack[-1]
        if end > parent["end"]:
            continue  # crosses the enclosing span
        prev = parent["children"][-1] if parent["children"] else None
        if isinstance(prev, dict) and prev["end"] > start:
            continue  # crosses a sibling
        node = {"start": start, "end": end, "kind": kind, "claim": spans[(start, end, kind)],
                "children": []}
        parent["children"].append(node)
        stack.append(node)

    def fill(node: dict[str, Any]) -> list[Any]:
        out: list[Any] = []
        pos = node["start"]
        for child in node["children"]:
            if child["start"] > pos:
                out.append(text[pos:child["start"]])
            out.append({"kind": child["kind"], "claim": child["claim"], "children": fill(child)})
            pos = child["end"]
        if pos < node["end"]:
            out.append(text[pos:node["end"]])
        return out

    return fill(root)


def sentence(text: str, start: int, end: int) -> tuple[str, str, str]:
    """The sentence around ``text[start:end]``, as (before, span, after)."""
    stops = ".!?\n\u061f\u06d4"
    lo = max((text.rfind(ch, 0, start) for ch in stops), default=-1) + 1
    his = [i for i in (text.find(ch, end) for ch in stops) if i != -1]
    hi = min(his) + 1 if his else len(text)
    return text[lo:start].lstrip(), text[start:end], text[end:hi]


#: a dispute's reason as reconciliation writes it (docs/exports.md): "X (93) vs Y (72): 1.29x"
_REASON = re.compile(r"^(?P<a>.+) \((?P<fa>[^()]*)\) vs (?P<b>.+) \((?P<fb>[^()]*)\)"
                     r"(?::\s*(?P<x>[0-9.]+)x)?$")
_HEDGED = re.compile(r"^(?P<q>about|at least|at most|up to) (?P<n>\d+)$")


def reason_parts(reason: str | None) -> dict[str, Any] | None:
    """The two sources and figures of a dispute's reason, each figure as ``{"n", "q"}`` (a
    number or range and its hedge as a qualifier code) so that pages can word it in their
    language; None when the reason has another shape (it is then shown as it is)."""
    m = _REASON.match(reason or "")
    if not m:
        return None

    def figure(text: str) -> dict[str, str | None]:
        """``{"n": "1,000" | "10-15", "q": "at_least" | None, "vague": "tens" | None}``."""
        h = _HEDGED.match(text)
        n, q = (h["n"], h["q"].replace(" ", "_")) if h else (text, None)
        if n.isdigit():
            n = f"{int(n):,}"
        vague = n if n.replace("_", "").isalpha() else None
        return {"n": n, "q": q, "vague": vague}

    return {"a": m["a"], "fa": figure(m["fa"]), "b": m["b"], "fb": figure(m["fb"]),
            "x": m["x"]}


env.globals["reason_parts"] = reason_parts
#: JSON in pages (the map's data): Arabic as UTF-8, not \u escapes (Jinja still escapes <>&')
env.policies["json.dumps_kwargs"] = {"sort_keys": True, "ensure_ascii": False,
                                     "separators": (",", ":")}


# --- SVG geometry ----------------------------------------------------------------------------

@dataclass(frozen=True)
class LogScale:
    """One log10 scale for the figures of every row of a table: whole powers of ten at
    both ends, so that "1 vs 12" and "3 vs 3,000,000" look as different as they are."""

    lo: int      #: exponent of the left end
    hi: int      #: exponent of the right end
    width: int = 180
    pad: int = 8

    @classmethod
    def over(cls, values: Iterable[float], width: int = 180) -> LogScale:
        logs = [math.log10(max(v, 1.0)) for v in values]
        if not logs:
            return cls(0, 1, width)
        lo, hi = math.floor(min(logs)), math.ceil(max(logs))
        return cls(lo, max(hi, lo + 1), width)

    def x(self, value: float) -> float:
        share = (math.log10(max(value, 1.0)) - self.lo) / (self.hi - self.lo)
        return round(self.pad + share * (self.width - 2 * self.pad), 1)

    def ticks(self) -> list[dict[str, Any]]:
        """A tick at every power of ten (every other one past four decades)."""
        step = 1 if self.hi - self.lo <= 4 else 2 if self.hi - self.lo <= 8 else 3
        return [{"x": self.x(10.0 ** e), "label": _short(10 ** e)}
                for e in range(self.lo, self.hi + 1, step)]


def _short(n: int) -> str:
    """1, 10, 100, 1k, 10k, 100k, 1M ... (tick labels that fit 30 pixels)."""
    for size, suffix in ((10 ** 9, "G"), (10 ** 6, "M"), (10 ** 3, "k")):
        if n >= size:
            return f"{n // size}{suffix}"
    return str(n)


def figure_values(group: dict[str, Any]) -> list[float]:
    """Every number a row's dot strip shows: each source's figure, the group's low and high."""
    vals = [v for v in (_value(f["count"]) for f in group["figures"]) if v is not None]
    return vals + [float(v) for v in (group.get("low"), group.get("high")) if v is not None]


def dots(group: dict[str, Any], scale: LogScale | None = None) -> dict[str, Any]:
    """Each source's figure as an x on ``scale`` (by default the row's own), coloured by the
    source's credibility tier; the low..high range as a bar."""
    scale = scale or LogScale.over(figure_values(group))
    figs = [(f["source"]["text"], f["source"].get("tier", 1), _value(f["count"]))
            for f in group["figures"]]
    low, high = group.get("low"), group.get("high")
    return {"width": scale.width,
            "range": (scale.x(low), scale.x(high)) if low is not None and high is not None
            else None,
            "points": [{"x": scale.x(v), "source": s, "tier": tier, "value": v}
                       for s, tier, v in figs if v is not None]}


def _nice_step(rough: float) -> float:
    """The 1, 2 or 5 times a power of ten nearest above ``rough`` (axis tick spacing)."""
    if rough <= 0:
        return 1.0
    power = 10 ** math.floor(math.log10(rough))
    return next(m * power for m in (1, 2, 5, 10) if m * power >= rough)


LOG_SPAN = 20  #: figures spanning this ratio or more are drawn on a log axis


def timeline(group: dict[str, Any], width: int = 640, height: int = 280) -> dict[str, Any]:
    """Each source's update chain as a polyline (x = report date, y = figure), coloured by
    the source's tier; a log axis when the figures span :data:`LOG_SPAN` times or more, and
    up to six date ticks."""
    left, right, top, bottom = 56, 24, 16, 40
    series = []
    for n, f in enumerate(group["figures"]):
        pts = [(d, v) for d, v in ((_date(c.get("date")), _value(c.get("count")))
                                   for c in f.get("chain") or [])
               if d is not None and v is not None]
        if not pts:
            pts = [(d, v) for d, v in [(_date(f.get("date")), _value(f["count"]))]
                   if d is not None and v is not None]
        series.append({"n": n, "source": f["source"]["text"],
                       "tier": f["source"].get("tier", 1), "raw": sorted(pts)})
    days = [d for s in series for d, _ in s["raw"]]
    vals = [v for s in series for _, v in s["raw"]]
    if not days:
        return {"width": width, "height": height, "series": [], "xticks": [], "yticks": []}
    d0, d1 = min(days), max(days)
    if d0 == d1:
        d0, d1 = d0 - dt.timedelta(days=1), d1 + dt.timedelta(days=1)
    pw, ph = width - left - right, height - top - bottom
    log = max(vals) >= LOG_SPAN * max(min(vals), 1.0)
    if log:
        decades = LogScale.over(vals)
        lo_e, hi_e = decades.lo, decades.hi

        def py(v: float) -> float:
            share = (math.log10(max(v, 1.0)) - lo_e) / (hi_e - lo_e)
            return round(top + ph - share * ph, 1)

        yticks = [{"y": py(10.0 ** e), "label": _short(10 ** e)} for e in range(lo_e, hi_e + 1)]
    else:
        step_v = _nice_step(max(vals) / 4)
        vmax = step_v * math.ceil(max(vals) * 1.05 / step_v)

        def py(v: float) -> float:
            return round(top + ph - v / vmax * ph, 1)

        yticks = [{"y": py(k * step_v), "label": f"{k * step_v:,g}"}
                  for k in range(round(vmax / step_v) + 1)]

    def px(d: dt.date) -> float:
        return round(left + (d - d0).days / (d1 - d0).days * pw, 1)

    for s in series:
        s["pts"] = [{"x": px(d), "y": py(v), "date": d.isoformat(), "value": v}
                    for d, v in s["raw"]]
        s["points"] = " ".join(f"{p['x']},{p['y']}" for p in s["pts"])
    span = (d1 - d0).days
    step = max(1, -(-span // 5))
    ticks = [d0 + dt.timedelta(days=k) for k in range(0, span + 1, step)]
    if ticks[-1] != d1:  # the last day labelled, in place of a tick too close to it
        ticks = ticks[:-1] + [d1] if (d1 - ticks[-1]).days * 4 < step * 3 else ticks + [d1]
    xticks = [{"x": px(d), "label": d.isoformat(),
               "anchor": "start" if d == d0 else "end" if d == d1 else "middle"} for d in ticks]
    return {"width": width, "height": height, "left": left, "right": width - right,
            "top": top, "bottom": height - bottom, "series": series, "xticks": xticks,
            "yticks": yticks, "log": log,
            "tiers": sorted({s["tier"] for s in series if s["raw"]})}


# --- filters ---------------------------------------------------------------------------------

FILTER_KEYS = ("type", "country", "place", "since", "until", "source", "outlet", "period",
               "min_sources", "disagree")


def form_values(request: Request) -> dict[str, str]:
    """The filter values as given in the query string (shown back in the form)."""
    p = request.query_params
    return {k: (p.get(k) or "").strip()[:200] for k in FILTER_KEYS if (p.get(k) or "").strip()}


def filters(request: Request) -> tuple[Filters, str | None]:
    """The table's and the map's filters from the query string (:func:`rasd.filters.check`),
    and the message of a bad value (the filters are then none)."""
    v = form_values(request)
    try:
        return check(type=v.get("type"), country=v.get("country"), place=v.get("place"),
                     since=v.get("since"), until=v.get("until"), source=v.get("source"),
                     outlet=v.get("outlet"), period=v.get("period"),
                     disagree=v.get("disagree") in ("1", "true", "on"),
                     min_sources=v.get("min_sources")), None
    except FilterError as exc:
        return Filters(), str(exc)


#: the table's sortable columns and the group sort (rasd.api.queries.GROUP_SORTS) of each
TABLE_SORTS = {"disputes": "disputes", "date": "date", "n_sources": "sources",
               "spread": "spread", "best": "best"}
DEFAULT_SORT = "-disputes"
DOWNLOADS = {"csv": "text/csv; charset=utf-8", "jsonl": "application/x-ndjson; charset=utf-8"}


def table_sort(request: Request) -> tuple[str, str | None]:
    """The table's order from the query string, and the message of an unknown one (the
    order is then the default)."""
    sort = request.query_params.get("sort") or DEFAULT_SORT
    if sort.lstrip("-") in TABLE_SORTS:
        return sort, None
    return DEFAULT_SORT, (f"unknown sort {sort!r}; known: " + ", ".join(sorted(TABLE_SORTS))
                          + " (with - for descending)")


def _sort_links(values: dict[str, str], lang: str, current: str) -> dict[str, dict[str, Any]]:
    """For each sortable column: the query string that sorts by it (descending first, then
    ascending when it is already the descending order) and its arrow when it is the order."""
    links = {}
    for key in TABLE_SORTS:
        desc = f"-{key}"
        target = key if current == desc else desc
        arrow = "▼" if current == desc else "▲" if current == key else ""
        links[key] = {"href": "/?" + query_string({**values, "sort": target}, lang),
                      "arrow": arrow}
    return links


def query_string(values: dict[str, str], lang: str, **extra: Any) -> str:
    items = dict(values)
    if lang == "en":
        items["lang"] = "en"
    items.update({k: str(v) for k, v in extra.items() if v})
    return urlencode(items)


# --- routes ----------------------------------------------------------------------------------

def router() -> APIRouter:
    r = APIRouter(include_in_schema=False)

    @r.get("/", response_class=HTMLResponse)
    def index(request: Request) -> HTMLResponse:
        snap = request.app.state.cache.get()
        f, error = filters(request)
        v = form_values(request)
        sort, bad_sort = table_sort(request)
        error = error or bad_sort
        found = [] if error else queries.groups(snap, f, sort=sort)
        try:
            offset = max(0, int(request.query_params.get("offset", 0)))
        except ValueError:
            offset = 0
        offset = min(offset, max(0, (len(found) - 1) // PAGE * PAGE))
        shown = [snap.group_json(g) for g in found[offset:offset + PAGE]]
        scale = LogScale.over(x for g in shown for x in figure_values(g))
        rows = [{"g": g, "dots": dots(g, scale)} for g in shown]
        lang = lang_of(request)
        sorts = _sort_links(v, lang, sort)
        keep = {**v, "sort": sort} if sort != DEFAULT_SORT else v
        if sort != DEFAULT_SORT:
            sorts["disputes"]["href"] = "/?" + query_string(v, lang)
        return render(request, "index.html", 422 if error else 200, rows=rows,
                      total=len(found), f=v, error=error, types=EVENT_TYPES,
                      periods=GROUP_PERIODS, offset=offset, page=PAGE, scale=scale,
                      sort=sort, sorts=sorts, here=query_string(keep, "ar"),
                      first=offset + 1 if found else 0, last=offset + len(rows),
                      page_no=offset // PAGE + 1, pages=max(1, -(-len(found) // PAGE)),
                      prev=query_string(keep, lang, offset=max(0, offset - PAGE))
                      if offset else None,
                      next=query_string(keep, lang, offset=offset + PAGE)
                      if offset + PAGE < len(found) else None)

    @r.get("/groups/{group_id}", response_class=HTMLResponse)
    def group_page(request: Request, group_id: str) -> HTMLResponse:
        snap = request.app.state.cache.get()
        group = snap.group_index.get(group_id)
        if group is None:
            return not_found(request, group_id)
        g = snap.group_json(group)
        store = request.app.state.store
        texts: dict[str, str | None] = {}
        evidence = []
        for f in g["figures"]:
            doc_id = f.get("doc_id")
            if doc_id not in texts:
                doc = store.get_document(doc_id) if doc_id else None
                texts[doc_id] = doc.text if doc else None
            text, span = texts[doc_id], f.get("evidence")
            evidence.append({"f": f, "sentence": sentence(text, *span) if text and span
                             else None})
        related = {k: [snap.group_json(snap.group_index[i]) for i in g[k]
                       if i in snap.group_index] for k in ("parts", "part_of")}
        return render(request, "group.html", g=g, chart=timeline(g), evidence=evidence,
                      related=related)

    @r.get("/documents/{doc_id:path}", response_class=HTMLResponse)
    def document_page(request: Request, doc_id: str) -> HTMLResponse:
        store = request.app.state.store
        doc = store.get_document(doc_id)
        if doc is None:
            return not_found(request, doc_id)
        group_of = request.app.state.cache.get().group_of_claim
        claims = [{"id": i, "group": group_of.get(i), **c.to_json()}
                  for i, c in zip(store.claim_ids(doc_id), store.claims(doc_id=doc_id))]
        return render(request, "document.html", doc=doc,
                      title=doc.text[:doc.title_end] if doc.title_end else doc_id,
                      tree=highlight(doc.text, claims), claims=claims)

    @r.get("/try", response_class=HTMLResponse)
    def try_form(request: Request) -> HTMLResponse:
        return render(request, "try.html", text="", outlet=None, published=None, claims=None,
                      tree=None, error=None, max_chars=MAX_TRY_CHARS)

    @r.post("/try", response_class=HTMLResponse)
    async def try_post(request: Request) -> HTMLResponse:
        request.app.state.rate_limited(request)
        body = parse_qs((await request.body()).decode("utf-8", errors="replace"))
        text = (body.get("text") or [""])[0]
        outlet = (body.get("outlet") or [""])[0].strip()[:200] or None
        published = (body.get("published") or [""])[0].strip() or None
        if len(text) > MAX_TRY_CHARS:
            return render(request, "error.html", 413, code=413,
                          message=f"{len(text):,} > {MAX_TRY_CHARS:,}")
        form: dict[str, Any] = {"text": text, "outlet": outlet, "published": published}
        try:
            day = iso_date("published", published)
        except FilterError as exc:
            return render(request, "try.html", 422, **form, claims=None, tree=None,
                          error=str(exc), max_chars=MAX_TRY_CHARS)
        claims = tree = None
        if text.strip():
            job = {"text": text, "outlet": outlet,
                   "published": day.isoformat() if day else None}
            found = await run_in_threadpool(request.app.state.workers.run, job)
            claims = found["claims"]
            tree = highlight(found["text"], claims)
        return render(request, "try.html", **form, claims=claims, tree=tree, error=None,
                      max_chars=MAX_TRY_CHARS)

    @r.get("/download.{fmt}")
    def download(request: Request, fmt: str) -> Response:
        """The claims of the groups the table shows under its filters (every page), as CSV or
        JSON Lines with their group and provenance (docs/exports.md)."""
        if fmt not in DOWNLOADS:
            return not_found(request, f"download.{fmt}")
        f, error = filters(request)
        if error:
            return render(request, "error.html", 422, code=422, message=error)
        snap = request.app.state.cache.get()
        sort, _ = table_sort(request)
        found = queries.groups(snap, f, sort=sort)
        titles = request.app.state.store.titles(
            rec.claim.doc_id for g in found for rec in g.members)
        out = io.StringIO()
        if fmt == "csv":
            out.write("\ufeff")  # as the csv export: spreadsheets then read UTF-8 Arabic
        WRITERS[fmt](member_rows(found, titles), out)
        return Response(out.getvalue(), media_type=DOWNLOADS[fmt], headers={
            "content-disposition": f'attachment; filename="rasd-claims.{fmt}"'})

    @r.get("/docs", response_class=HTMLResponse)
    def api_docs(request: Request) -> HTMLResponse:
        """The REST API's reference: Swagger UI (vendored) over /openapi.json."""
        return HTMLResponse(env.get_template("docs.html").render())

    @r.get("/map", response_class=HTMLResponse)
    def map_page(request: Request) -> HTMLResponse:
        snap = request.app.state.cache.get()
        f, error = filters(request)
        found = [] if error else queries.groups(snap, f, sort="-best")
        lang = lang_of(request)
        points, places = map_points(found, lang)
        labels = LABELS[lang]
        data = {"points": points, "places": places, "countries": country_labels(found, lang),
                "types": {ty: labels.get("t_" + ty, ty) for ty in EVENT_TYPES},
                "words": {k: labels[k] for k in ("disagreement", "best", "sources", "town",
                                                 "province", "country_level", "one_source")},
                "lang": lang}
        return render(request, "map.html", 422 if error else 200, f=form_values(request),
                      error=error, types=EVENT_TYPES, periods=GROUP_PERIODS,
                      n=len(points), total=len(found), data=data)

    return r


LEVEL_CODES = {"point": "p", "admin1": "a", "country": "c"}  #: how precise a group's place is
PILE_STEP = 0.12   #: degrees between groups drawn around one shared point (a centroid)
PILE_MAX = 3.0     #: farthest (degrees) a group is drawn from its point


def map_points(groups: Iterable[Any], lang: str) -> tuple[list[list[Any]], list[str]]:
    """The groups with coordinates as compact rows ``[lat, lon, best, type, disputed, level,
    id, place]`` (``place``: an index into the place names, the second list); groups on one
    point (a country's or a province's centroid, one town) are laid on a small sunflower
    spiral around it instead of on top of each other."""
    rows = []
    names: dict[str, int] = {}
    seen: dict[tuple[float, float], int] = {}
    for g in groups:
        p = g.place
        if p.lat is None or p.lon is None or p.level not in LEVEL_CODES:
            continue
        k = seen.get((p.lat, p.lon), 0)
        seen[(p.lat, p.lon)] = k + 1
        lat, lon = unpile(p.lat, p.lon, k)
        name = (p.name if lang == "en" and p.name else p.text) or ""
        rows.append([lat, lon, g.best, g.type, int(g.disagree), LEVEL_CODES[p.level], g.id,
                     names.setdefault(name, len(names))])
    return rows, list(names)


def unpile(lat: float, lon: float, k: int) -> tuple[float, float]:
    """The ``k``-th place around a shared point: the point itself, then a sunflower spiral
    (golden angle) whose area grows with ``k``."""
    if k == 0:
        return lat, lon
    r = min(PILE_STEP * math.sqrt(k), PILE_MAX)
    a = k * 2.399963
    return round(lat + r * math.sin(a), 3), round(lon + r * math.cos(a), 3)


def country_labels(groups: Iterable[Any], lang: str, top: int = 12) -> list[list[Any]]:
    """Names of the ``top`` countries with the most groups, at their gazetteer points."""
    counts: dict[str, int] = {}
    for g in groups:
        if g.place.country:
            counts[g.place.country] = counts.get(g.place.country, 0) + 1
    known = countries()
    out = []
    for code, _ in sorted(counts.items(), key=lambda kv: -kv[1])[:top]:
        c = known.get(code)
        if c and c.lat is not None and c.lon is not None:
            out.append([c.lat, c.lon, c.name_en if lang == "en" else c.name_ar])
    return out
