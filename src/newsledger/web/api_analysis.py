"""The analysis part of the JSON API: red lines, positions, issues, timelines, outlet voice.

Mounted under ``/api`` by :mod:`.api`. Everything is read from what the ledger stores
(``newsledger redlines``, ``positions``, ``outlet NAME`` and ingest compute it); a part not
stored answers an empty listing with ``"available": false`` and a ``message`` saying what
to run. Listings take ``format=csv`` or ``format=jsonl`` like the others (nested lists go
into CSV as JSON text).

The only writes are ``POST /api/redlines/{id}/confirm`` and ``/reject``. The middleware of
:mod:`.security` decides who may write: the app must allow writes (else 405), the request
must carry the server's token, and a browser (token in the cookie) must send the CSRF token
too (else 403). These routes refuse as well (403) when that CSRF guard is not installed.
"""

from __future__ import annotations

from enum import Enum
from typing import Annotated, Any

from fastapi import APIRouter, HTTPException, Query, Request

from newsledger.analysis.timelines import KINDS, PERIODS, NameLookupError
from newsledger.store import views
from newsledger.web import analysis_data as data
from newsledger.web.exports import Format
from newsledger.web.listing import FormatQ, bad, empty, ledger_of, rows_or_listing
from newsledger.web.security import CSRF_FIELD

router = APIRouter()

Status = Enum("Status", {s.replace("-", "_"): s for s in data.STATUSES}, type=str)
Action = Enum("Action", {a: a for a in data.DECISIONS}, type=str)
SubjectKind = Enum("SubjectKind", {k: k for k in KINDS}, type=str)
Period = Enum("Period", {p: p for p in PERIODS}, type=str)


def _not_found(message: str) -> HTTPException:
    return HTTPException(status_code=404, detail=message)


# --------------------------------------------------------------------------- red lines

@router.get("/redlines", summary="Red lines", tags=["analysis"])
def list_redlines(request: Request,
                  status: Annotated[Status | None, Query(description="Only red lines with this status.")] = None,
                  format: FormatQ = Format.json) -> Any:
    """Every stored red line, oldest first: holder, trigger (and the group's trigger: red
    lines of several holders on one trigger share ``group_id``), condition, consequence,
    status (open, possibly-triggered, confirmed, rejected), first stated, restatement dates,
    ``statements`` (evidence) and ``matches`` (reported events that may cross it, with
    similarity and decision)."""
    try:
        items = data.redlines(ledger_of(request), status.value if status else None)
    except data.NotStored:
        return empty("redlines", format)
    return rows_or_listing(request, items, format, "redlines")


@router.get("/redlines/{redline_id}", summary="One red line", tags=["analysis"])
def get_redline(request: Request, redline_id: str) -> dict[str, Any]:
    """One red line (its id, or a unique prefix) with all its evidence, its candidate
    matches and the other red lines of its group."""
    try:
        found = data.one_redline(ledger_of(request), redline_id)
    except data.NotStored as exc:
        raise _not_found(str(exc)) from None
    if found is None:
        raise _not_found("no red line has this id (or several start with it)")
    return found


@router.post("/redlines/{redline_id}/{action}", summary="Confirm or reject a red line's match",
             tags=["analysis"])
def decide_redline(request: Request, redline_id: str, action: Action,
                   event: Annotated[str | None, Query(description="The id of the reported event "
                                                                  "(a statement) to decide on; default: "
                                                                  "every match awaiting a decision.")] = None,
                   ) -> dict[str, Any]:
    """Record a person's verdict on the red line's candidate matches: ``confirm`` (the event
    crossed the line) or ``reject``. Needs a server started with writes allowed and its
    token (see the security notes of this module). Answers the red line as it is now."""
    ensure_writable(request)
    try:
        return data.decide_redline(ledger_of(request), redline_id, action.value, event)
    except (data.NotStored, LookupError) as exc:
        raise _not_found(str(exc)) from None
    except ValueError as exc:
        raise bad(exc) from None


def ensure_writable(request: Request) -> None:
    """403 unless the app allows writes and the CSRF guard of :mod:`.security` ran."""
    if not request.app.state.allow_writes:
        raise HTTPException(status_code=403, detail="this newsledger server is read-only")
    if CSRF_FIELD not in request.scope.get("state", {}):
        raise HTTPException(status_code=403, detail="writes are refused: this app runs without the "
                                                    "CSRF guard of newsledger.web.security.protect")


# --------------------------------------------------------------------------- positions

@router.get("/positions", summary="Positions of actors on issues", tags=["analysis"])
def list_positions(
    request: Request,
    actor: Annotated[str | None, Query(description="Only this actor (name, alias or id).")] = None,
    issue: Annotated[str | None, Query(description="Only this issue (its id or label words).")] = None,
    changes: Annotated[bool, Query(description="true: the changes of position (before and after, "
                                               "with evidence) instead of the positions.")] = False,
    format: FormatQ = Format.json,
) -> Any:
    """Each actor's stance (for, against, conditional, neutral) on each issue, since when,
    how many statements, how many changes, and its history as evidence; by issue, then actor."""
    try:
        items = data.positions(ledger_of(request), actor, issue, changes)
    except data.NotStored:
        return empty("positions", format)
    except LookupError as exc:
        raise _not_found(str(exc)) from None
    except ValueError as exc:
        raise bad(exc) from None
    return rows_or_listing(request, items, format, "position-changes" if changes else "positions")


@router.get("/issues", summary="Issues", tags=["analysis"])
def list_issues(request: Request, format: FormatQ = Format.json) -> Any:
    """Every issue statements were placed in: id, label, statements, actors, first, last."""
    try:
        items = data.issues(ledger_of(request))
    except data.NotStored:
        return empty("positions", format)
    return rows_or_listing(request, items, format, "issues")


def actor_positions(ledger: Any, actor_id: str) -> dict[str, Any]:
    """The ``positions`` part of ``GET /api/actors/{actor}``."""
    return data.actor_positions(ledger, actor_id)


# --------------------------------------------------------------------------- timelines

@router.get("/timelines", summary="A timeline", tags=["analysis"])
def get_timeline(
    request: Request,
    name: Annotated[str, Query(description="An actor (name, alias or id), an issue (id or label "
                                           "words) or an outlet.")],
    kind: Annotated[SubjectKind | None, Query(description="Look the name up only among these.")] = None,
    by: Annotated[Period, Query(description="Period of the counts.")] = Period.month,
    limit: Annotated[int, Query(ge=0, le=1000, description="How many of the latest statements.")] = 20,
) -> dict[str, Any]:
    """Statements of one actor, issue or outlet counted by act per period (periods without
    gaps), with the latest statements; an outlet's also counts its own-voice assertions
    when outlet voice is stored. 404 for an unknown name, 400 for an ambiguous one."""
    try:
        return data.timeline(ledger_of(request), name, kind.value if kind else None, by.value, limit)
    except data.NotStored as exc:
        raise _not_found(str(exc)) from None
    except NameLookupError as exc:
        status = 404 if str(exc).startswith("no ") else 400
        raise HTTPException(status_code=status, detail=str(exc)) from None


# --------------------------------------------------------------------------- outlets

@router.get("/outlets/{name}", summary="One outlet", tags=["outlets"])
def get_outlet(
    request: Request, name: str,
    assertions: Annotated[int, Query(ge=0, le=1000, description="How many recent own-voice "
                                                                "assertions.")] = 20,
) -> dict[str, Any]:
    """The outlet's counts and articles, and its ``voice``: boilerplate (paragraphs recurring
    in two or more of its articles, with counts, share and first/last date) and its own
    assertions (sentences outside every attribution, newest first) when outlet voice is
    stored (else ``voice.available`` is false, with a message)."""
    ledger = ledger_of(request)
    found = next((o for o in views.outlets(ledger) if (o["name"] or "").casefold() == name.casefold()), None)
    if found is None:
        raise _not_found("no article names this outlet")
    return {"outlet": found, "articles": ledger.articles(outlet=name),
            "voice": data.outlet_voice(ledger, found["name"], recent=assertions)}
