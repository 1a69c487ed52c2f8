"""What every JSON endpoint shares: the listing envelope, query types, and errors.

A listing answers ``{"items": [...], "count": N, "next": CURSOR, "next_url": URL,
"available": true}``; ``?format=csv`` or ``?format=jsonl`` downloads it instead
(:mod:`.exports`). Used by :mod:`.api` and :mod:`.api_analysis`.
"""

from __future__ import annotations

from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import HTTPException, Query, Request

from newsledger.web import features
from newsledger.web.exports import Format, rows_download
from newsledger.web.params import MAX_PAGE, PAGE_SIZE

FormatQ = Annotated[Format, Query(description="json (one page), or csv / jsonl (a download "
                                               "of every matching item unless limit is given).")]
LimitQ = Annotated[int | None, Query(ge=1, le=MAX_PAGE, description=f"Items per page (json: "
                                                                    f"default {PAGE_SIZE}).")]
AfterQ = Annotated[str | None, Query(description="Cursor: the `next` value of the previous page.")]


def ledger_of(request: Request) -> Any:
    return request.app.state.ledger


def bad(exc: ValueError | str) -> HTTPException:
    return HTTPException(status_code=400, detail=str(exc))


def listing(request: Request, items: list[dict[str, Any]], cursor: str | None) -> dict[str, Any]:
    next_url = None
    if cursor is not None:
        query = [(k, v) for k, v in request.query_params.multi_items() if k != "after"]
        next_url = request.url.path + "?" + urlencode(query + [("after", cursor)])
    return {"items": items, "count": len(items), "next": cursor, "next_url": next_url,
            "available": True}


def rows_or_listing(request: Request, items: list[dict[str, Any]], fmt: Format, name: str) -> Any:
    """A whole (unpaged) listing as JSON, or as a download in ``fmt``."""
    if fmt is not Format.json:
        return rows_download(items, fmt.value, name)
    return listing(request, items, None)


def empty(part: str, fmt: Format) -> Any:
    """A part that is not stored: an empty download, or an empty listing saying why."""
    if fmt is not Format.json:
        return rows_download([], fmt.value, part)
    return features.empty_listing(part)
