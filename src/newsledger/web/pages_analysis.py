"""The analysis pages: ``/redlines``, ``/positions``, ``/timeline/{name}``, ``/outlets/{name}``.

They show what the ledger stores (:mod:`.analysis_data`) and say how to produce what it
does not; no GET computes anything. The one write is the confirm/reject form of
``/redlines`` (``POST /redlines/{id}/confirm`` or ``/reject``), shown only when the app
allows writes; the security middleware checks the token and the form's CSRF field before
the route runs, and the route answers with a redirect back to the board (303), so a reload
does not post again.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import parse_qsl, quote, urlencode

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import HTMLResponse, RedirectResponse

from newsledger.analysis.timelines import KINDS, PERIODS, NameLookupError
from newsledger.store import views
from newsledger.web import analysis_data as data
from newsledger.web.api_analysis import ensure_writable
from newsledger.web.charts import act_chart
from newsledger.web.data import with_evidence
from newsledger.web.render import error_page, render

router = APIRouter(include_in_schema=False, default_response_class=HTMLResponse)
MAX_FORM = 64 * 1024


def _ledger(request: Request) -> Any:
    return request.app.state.ledger


def _blank(value: str | None) -> str | None:
    return (value or "").strip() or None


# --------------------------------------------------------------------------- red lines

@router.get("/redlines")
def redlines_page(request: Request) -> HTMLResponse:
    status = _blank(request.query_params.get("status"))
    errors: list[str] = []
    if status is not None and status not in data.STATUSES:
        errors.append(f"status {status!r} is not one of {', '.join(data.STATUSES)}")
        status = None
    context: dict[str, Any] = {"section": "redlines", "stored": True, "status": status, "errors": errors,
                               "statuses": data.STATUSES, "groups": [], "counts": {}}
    try:
        everything = data.redlines(_ledger(request))
    except data.NotStored:
        context["stored"] = False
        return render(request, "redlines.html", context)
    shown = [line for line in everything if status is None or line["status"] == status]
    context.update(groups=data.groups(shown), shown=len(shown), total=len(everything),
                   counts={s: sum(line["status"] == s for line in everything) for s in data.STATUSES})
    return render(request, "redlines.html", context, 400 if errors else 200)


@router.post("/redlines/{redline_id}/{action}")
async def decide_page(request: Request, redline_id: str, action: str):
    """The board's confirm/reject form: record the decision, then back to the board."""
    if action not in data.DECISIONS:
        return error_page(request, 404, "The action is confirm or reject.")
    try:
        ensure_writable(request)
    except HTTPException as exc:
        return error_page(request, exc.status_code, str(exc.detail))
    form = await _form(request)
    if form is None:
        return error_page(request, 413, "The form is too large.")
    try:
        decided = data.decide_redline(_ledger(request), redline_id, action, _blank(form.get("event")))
    except (data.NotStored, LookupError) as exc:
        return error_page(request, 404, str(exc))
    except ValueError as exc:
        return error_page(request, 400, str(exc))
    status = _blank(form.get("status"))
    query = "?" + urlencode({"status": status}) if status in data.STATUSES else ""
    return RedirectResponse(f"/redlines{query}#rl-{quote(decided['id'], safe='')}", status_code=303)


async def _form(request: Request) -> dict[str, str] | None:
    """The urlencoded form fields (the last value of each); None when over ``MAX_FORM``."""
    declared = request.headers.get("content-length", "0")
    if declared.isdigit() and int(declared) > MAX_FORM:
        return None
    body = await request.body()
    if len(body) > MAX_FORM:
        return None
    return dict(parse_qsl(body.decode("utf-8", "replace")))


# --------------------------------------------------------------------------- positions

@router.get("/positions")
def positions_page(request: Request) -> HTMLResponse:
    ledger = _ledger(request)
    actor = _blank(request.query_params.get("actor"))
    issue = _blank(request.query_params.get("issue"))
    context: dict[str, Any] = {"section": "positions", "stored": True, "actor": actor, "issue": issue,
                               "errors": [], "positions": [], "changes": [], "issues": []}
    try:
        context["issues"] = data.issues(ledger)
        context["positions"] = data.positions(ledger, actor, issue)
        context["changes"] = data.positions(ledger, actor, issue, changes=True)
    except data.NotStored:
        context["stored"] = False
    except (LookupError, ValueError) as exc:
        context["errors"].append(str(exc))
    return render(request, "positions.html", context, 400 if context["errors"] else 200)


# --------------------------------------------------------------------------- timelines

@router.get("/timeline/{name}")
def timeline_page(request: Request, name: str) -> HTMLResponse:
    kind = _blank(request.query_params.get("kind"))
    by = _blank(request.query_params.get("by")) or "month"
    if kind is not None and kind not in KINDS:
        return error_page(request, 400, f"kind is one of {', '.join(KINDS)}.")
    if by not in PERIODS:
        return error_page(request, 400, f"by is one of {', '.join(PERIODS)}.")
    ledger = _ledger(request)
    try:
        result = data.timeline(ledger, name, kind, by, limit=50)
    except data.NotStored as exc:
        return error_page(request, 404, str(exc))
    except NameLookupError as exc:
        return error_page(request, 404 if str(exc).startswith("no ") else 400, str(exc))
    return render(request, "timeline.html", {
        "section": {"actor": "actors", "outlet": "outlets", "issue": "positions"}[result["kind"]],
        "timeline": result, "kind": kind, "by": by, "name": name, "periods": PERIODS,
        "chart": act_chart(data.chart_counts(result)),
        "results": with_evidence(ledger, result["statements"]),
    })


# --------------------------------------------------------------------------- outlets

@router.get("/outlets/{name}")
def outlet_page(request: Request, name: str) -> HTMLResponse:
    ledger = _ledger(request)
    found = next((o for o in views.outlets(ledger) if (o["name"] or "").casefold() == name.casefold()), None)
    if found is None:
        return error_page(request, 404, "No article names this outlet.")
    articles = ledger.articles(outlet=name, limit=200)
    return render(request, "outlet.html", {
        "section": "outlets", "outlet": found, "articles": articles,
        "titles": {a["id"]: a.get("title") or a.get("path") or a["id"] for a in articles},
        "voice": data.outlet_voice(ledger, found["name"], recent=20),
    })
