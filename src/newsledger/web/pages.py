"""The HTML pages (Jinja2, rendered on the server; templates in ``templates/``).

``/`` and ``/search`` search statements; ``/articles`` and ``/articles/{id}`` show articles
with their attributions marked; ``/actors`` and ``/actors/{id}`` (with the actor's positions),
``/outlets`` and ``/docs`` (the API reference) are here; ``/redlines``, ``/positions``,
``/timeline/{name}`` and ``/outlets/{name}`` are in :mod:`.pages_analysis`. Pages show what
the ledger stores and say how to produce what it does not. Every template is autoescaped; marked-up article text comes from
:mod:`.highlight`, which escapes each piece itself.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import quote

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse

from newsledger.store import views
from newsledger.web import analysis_data, features, pages_analysis
from newsledger.web.charts import act_chart
from newsledger.web.data import article_page, counts_by_act_and_month, statement_page, with_evidence
from newsledger.web.highlight import render
from newsledger.web.params import from_form, page_limit
from newsledger.web.render import error_page
from newsledger.web.render import render as _render

router = APIRouter(include_in_schema=False, default_response_class=HTMLResponse)


def _ledger(request: Request) -> Any:
    return request.app.state.ledger


@router.get("/")
@router.get("/search")
def search_page(request: Request) -> HTMLResponse:
    params = request.query_params
    filters = from_form(params)
    errors = filters.errors
    limit = page_limit(params.get("limit"), errors)
    after = params.get("after") or None
    ledger = _ledger(request)
    results, cursor = [], None
    if not errors:
        try:
            records, cursor = statement_page(ledger, filters, limit, after)
            results = with_evidence(ledger, records, filters.words)
        except ValueError as exc:
            errors.append(str(exc))
    context = {
        "section": "search", "filters": filters, "errors": errors, "results": results,
        "next_query": filters.query_string(limit=params.get("limit") or None, after=cursor) if cursor else None,
        "download_query": filters.query_string(),
        "outlets": views.outlet_names(ledger),
        "counts": ledger.counts(), "first_page": after is None,
    }
    return _render(request, "search.html", context, 400 if errors else 200)


@router.get("/articles")
def articles_page(request: Request) -> HTMLResponse:
    errors: list[str] = []
    limit = page_limit(request.query_params.get("limit"), errors)
    after = request.query_params.get("after") or None
    outlet = request.query_params.get("outlet") or None
    items, cursor = [], None
    if not errors:
        try:
            items, cursor = article_page(_ledger(request), limit, after, outlet)
        except ValueError as exc:
            errors.append(str(exc))
    next_query = None
    if cursor:
        pairs = [("outlet", outlet), ("limit", request.query_params.get("limit")), ("after", cursor)]
        next_query = "&".join(f"{k}={quote(v, safe='')}" for k, v in pairs if v)
    return _render(request, "articles.html", {
        "section": "articles", "articles": items, "errors": errors, "outlet": outlet,
        "next_query": next_query,
    }, 400 if errors else 200)


@router.get("/articles/{article_id}")
def article_view(request: Request, article_id: str) -> HTMLResponse:
    ledger = _ledger(request)
    article = ledger.article(article_id)
    if article is None:
        return error_page(request, 404, "No article has this id.")
    records = ledger.statements(article_id=article_id)
    return _render(request, "article.html", {
        "section": "articles", "article": article, "statements": records,
        "marked": render(article["text"], records),
    })


@router.get("/statements/{statement_id}")
def statement_view(request: Request, statement_id: str):
    record = views.statement(_ledger(request), statement_id)
    if record is None:
        return error_page(request, 404, "No statement has this id.")
    article_id = quote((record.get("article") or {}).get("id") or "", safe="")
    return RedirectResponse(f"/articles/{article_id}#t-{quote(statement_id, safe='')}", status_code=303)


@router.get("/actors")
def actors_page(request: Request) -> HTMLResponse:
    available = features.actors_available()
    actors = features.list_actors(_ledger(request)) if available else []
    return _render(request, "actors.html", {"section": "actors", "available": available,
                                            "actors": actors})


@router.get("/actors/{actor}")
def actor_page(request: Request, actor: str) -> HTMLResponse:
    if not features.actors_available():
        return _render(request, "actor.html", {"section": "actors", "available": False,
                                               "profile": None})
    ledger = _ledger(request)
    profile = features.actor_profile(ledger, actor)
    if profile is None:
        return error_page(request, 404, "No actor has this id or name.")
    records = profile.get("statement_records") or []
    return _render(request, "actor.html", {
        "section": "actors", "available": True, "profile": profile,
        "chart": act_chart(counts_by_act_and_month(records)),
        "results": with_evidence(ledger, records[:200]), "total": len(records),
        "positions": analysis_data.actor_positions(ledger, profile["id"]),
    })


@router.get("/outlets")
def outlets_page(request: Request) -> HTMLResponse:
    return _render(request, "outlets.html", {"section": "outlets",
                                             "outlets": views.outlets(_ledger(request))})


@router.get("/docs")
def docs_page(request: Request) -> HTMLResponse:
    schema = request.app.openapi()
    operations = []
    for path, methods in schema.get("paths", {}).items():
        for method, operation in methods.items():
            operations.append({
                "method": method.upper(), "path": path, "summary": operation.get("summary", ""),
                "description": operation.get("description", ""),
                "tags": operation.get("tags", []),
                "parameters": [_parameter(p, schema) for p in operation.get("parameters", [])],
            })
    return _render(request, "docs.html", {"section": "docs", "schema": schema,
                                          "operations": operations})


def _parameter(parameter: dict[str, Any], document: dict[str, Any]) -> dict[str, Any]:
    schema = parameter.get("schema", {})
    options = schema.get("anyOf") or [schema]
    types, choices = [], []
    components = document.get("components", {}).get("schemas", {})
    for option in options:
        if "$ref" in option:
            option = components.get(option["$ref"].rsplit("/", 1)[-1], {})
        if option.get("type") and option.get("type") != "null":
            types.append(option["type"] + (f" ({option['format']})" if option.get("format") else ""))
        choices += option.get("enum", [])
    return {"name": parameter.get("name"), "in": parameter.get("in"),
            "required": parameter.get("required", False), "type": " or ".join(types) or "string",
            "default": schema.get("default"), "description": parameter.get("description", ""),
            "choices": choices}


# Red lines, positions, timelines and an outlet's voice: the analysis pages.
router.include_router(pages_analysis.router)
