"""Rendering a page: one template with the context every page shares.

Every page gets ``section`` (the navigation entry to mark), ``writable`` (the app takes
writes, so write forms may be shown) and ``csrf_field`` (the hidden CSRF input for POST
forms, from :func:`newsledger.web.security.csrf_input`; empty when the CSRF guard is not
installed, in which case writes are refused anyway).
"""

from __future__ import annotations

from typing import Any

from fastapi import Request
from fastapi.responses import HTMLResponse

from newsledger.web.security import csrf_input


def render(request: Request, name: str, context: dict[str, Any], status: int = 200) -> HTMLResponse:
    context.setdefault("section", "")
    context.setdefault("writable", bool(request.app.state.allow_writes))
    context.setdefault("csrf_field", csrf_input(request))
    return request.app.state.templates.TemplateResponse(request, name, context, status_code=status)


def error_page(request: Request, status: int, message: str) -> HTMLResponse:
    return render(request, "error.html", {"status": status, "message": message}, status)
