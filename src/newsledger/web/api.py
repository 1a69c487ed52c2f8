"""The JSON API under ``/api`` (documented at ``/docs``, schema at ``/openapi.json``).

Listings answer ``{"items": [...], "count": N, "next": CURSOR, "next_url": URL,
"available": true}``; pass ``after=CURSOR`` for the next page. Statement items are
statement records (the export contract of DESIGN.md). Every listing also downloads as
``?format=csv`` or ``?format=jsonl`` (all matching items unless ``limit`` is given).
Parts the ledger does not hold yet (red lines, positions, outlet voice are computed by the
CLI and ingest, never by the web app) answer an empty listing with ``"available": false``
and a ``message`` saying how to produce them. The analysis endpoints are in
:mod:`.api_analysis`.
"""

from __future__ import annotations

from datetime import date
from enum import Enum
from typing import Annotated, Any

from fastapi import APIRouter, HTTPException, Query, Request

from newsledger.model import ACTS, SPEAKER_KINDS
from newsledger.store import views
from newsledger.web import api_analysis, features
from newsledger.web.data import article_page, statement_page
from newsledger.web.exports import Format, rows_download, statements_download
from newsledger.web.listing import AfterQ, FormatQ, LimitQ
from newsledger.web.listing import bad as _bad
from newsledger.web.listing import empty as _empty
from newsledger.web.listing import ledger_of as _ledger
from newsledger.web.listing import listing as _listing
from newsledger.web.params import PAGE_SIZE, StatementFilters

router = APIRouter(prefix="/api")

Act = Enum("Act", {act: act for act in ACTS}, type=str)
Kind = Enum("Kind", {kind: kind for kind in SPEAKER_KINDS}, type=str)


@router.get("", summary="What this ledger holds", tags=["ledger"])
def overview(request: Request) -> dict[str, Any]:
    """Counts of articles, statements and speaker mentions, and which parts the ledger holds."""
    return {
        "counts": _ledger(request).counts(),
        "read_only": not request.app.state.allow_writes,
        "parts": {"statements": True, "articles": True, "outlets": True,
                  "actors": features.actors_available(),
                  "redlines": features.stored(_ledger(request), "redlines"),
                  "positions": features.stored(_ledger(request), "positions"),
                  "timelines": True,
                  "outlet_voice": features.stored(_ledger(request), "outlet_voice")},
    }


@router.get("/statements", summary="Search and list statements", tags=["statements"])
def list_statements(
    request: Request,
    search: Annotated[str | None, Query(description="Plain words; every word must occur in the "
                                                    "content, cue or speaker name.")] = None,
    speaker: Annotated[str | None, Query(description="Speaker name or mention (any part, any case).")] = None,
    actor_id: Annotated[str | None, Query(description="Exact actor id (person:mike-lee).")] = None,
    act: Annotated[Act | None, Query(description="Speech act.")] = None,
    outlet: Annotated[str | None, Query(description="Outlet (any case).")] = None,
    since: Annotated[date | None, Query(description="From this date (statement date, else "
                                                    "publication date).")] = None,
    until: Annotated[date | None, Query(description="Up to this date, inclusive.")] = None,
    article_id: Annotated[str | None, Query(description="Only this article's statements.")] = None,
    conditional: Annotated[bool | None, Query(description="true: only conditional statements; "
                                                          "false: only unconditional.")] = None,
    after: AfterQ = None, limit: LimitQ = None, format: FormatQ = Format.json,
) -> Any:
    """Statements passing every filter given, oldest article first (the CLI's order)."""
    filters = StatementFilters(speaker=speaker, actor_id=actor_id, act=act.value if act else None,
                               outlet=outlet, since=since, until=until, search=search,
                               article_id=article_id, conditional=conditional)
    return _statements(request, filters, after, limit, format, "statements")


def _statements(request: Request, filters: StatementFilters, after: str | None,
                limit: int | None, fmt: Format, name: str) -> Any:
    ledger = _ledger(request)
    try:
        if fmt is not Format.json:
            records = ledger.iter_statements(**filters.store_kwargs(), limit=limit, after=after)
            return statements_download(records, fmt.value, name)
        items, cursor = statement_page(ledger, filters, limit or PAGE_SIZE, after)
    except ValueError as exc:
        raise _bad(exc) from None
    return _listing(request, items, cursor)


@router.get("/statements/{statement_id}", summary="One statement", tags=["statements"])
def get_statement(request: Request, statement_id: str) -> dict[str, Any]:
    """The statement record with this id."""
    record = views.statement(_ledger(request), statement_id)
    if record is None:
        raise HTTPException(status_code=404, detail="no statement has this id")
    return record


@router.get("/articles", summary="List articles", tags=["articles"])
def list_articles(
    request: Request,
    outlet: Annotated[str | None, Query(description="Only this outlet (any case).")] = None,
    after: AfterQ = None, limit: LimitQ = None, format: FormatQ = Format.json,
) -> Any:
    """Articles with their statement counts, by publication date (undated last)."""
    ledger = _ledger(request)
    try:
        if format is not Format.json:
            rows = views.articles_page(ledger, limit=limit, after=after, outlet=outlet)
            return rows_download(rows, format.value, "articles")
        items, cursor = article_page(ledger, limit or PAGE_SIZE, after, outlet)
    except ValueError as exc:
        raise _bad(exc) from None
    return _listing(request, items, cursor)


def _article(request: Request, article_id: str) -> dict[str, Any]:
    article = _ledger(request).article(article_id)
    if article is None:
        raise HTTPException(status_code=404, detail="no article has this id")
    return article


@router.get("/articles/{article_id}", summary="One article with its statements", tags=["articles"])
def get_article(request: Request, article_id: str) -> dict[str, Any]:
    """The article (metadata, ``text``, ``body_start``) and all its statement records."""
    article = _article(request, article_id)
    return {"article": article, "statements": _ledger(request).statements(article_id=article_id)}


@router.get("/articles/{article_id}/statements", summary="An article's statements", tags=["articles"])
def get_article_statements(request: Request, article_id: str, after: AfterQ = None,
                           limit: LimitQ = None, format: FormatQ = Format.json) -> Any:
    """The statements of one article, in text order; a listing like ``/api/statements``."""
    _article(request, article_id)
    return _statements(request, StatementFilters(article_id=article_id), after, limit, format,
                       f"statements-{article_id}")


@router.get("/outlets", summary="List outlets", tags=["outlets"])
def list_outlets(request: Request, format: FormatQ = Format.json) -> Any:
    """Every outlet named by an article, with article and statement counts."""
    items = views.outlets(_ledger(request))
    if format is not Format.json:
        return rows_download(items, format.value, "outlets")
    return _listing(request, items, None)


@router.get("/actors", summary="List actors", tags=["actors"])
def list_actors(request: Request,
                kind: Annotated[Kind | None, Query(description="Only this kind of actor.")] = None,
                format: FormatQ = Format.json) -> Any:
    """Actors with statements, most statements first (when the actors stage is built)."""
    if not features.actors_available():
        return _empty("actors", format)
    items = features.list_actors(_ledger(request), kind=kind.value if kind else None)
    if format is not Format.json:
        return rows_download(items, format.value, "actors")
    return _listing(request, items, None)


@router.get("/actors/{actor}", summary="One actor's profile", tags=["actors"])
def get_actor(request: Request, actor: str) -> dict[str, Any]:
    """The actor (an id, name or alias): roles over time, statements over time, and its
    positions on issues with their changes (when positions are stored)."""
    if not features.actors_available():
        return {"actor": None, "available": False, "message": features.NOT_BUILT["actors"]}
    profile = features.actor_profile(_ledger(request), actor)
    if profile is None:
        raise HTTPException(status_code=404, detail="no actor has this id or name")
    return {"actor": profile, "available": True,
            "positions": api_analysis.actor_positions(_ledger(request), profile["id"])}


# Red lines, positions, timelines, issues and an outlet's voice: the analysis endpoints.
router.include_router(api_analysis.router)
