"""The app factory: ``create_app(ledger)`` builds the FastAPI app over one ledger.

    from newsledger.web import create_app
    app = create_app("ledger.db")                     # read-only, loopback hosts only
    app = create_app(ledger, token="…", trusted_hosts=["*"])   # what `serve --host 0.0.0.0` does

Routes: the JSON API under ``/api`` (:mod:`.api`), the pages (:mod:`.pages`), our own
assets under ``/static`` and an API reference at ``/docs`` rendered on the server from the
OpenAPI schema (``/openapi.json``), so nothing is loaded from elsewhere and the app works
offline. Middleware, outermost first: security headers, trusted ``Host`` names, the token
gate (when a token is set), read-only (unless writes are allowed); see :mod:`.security`.
"""

from __future__ import annotations

from contextlib import asynccontextmanager
from os import PathLike
from pathlib import Path
from typing import Any, Iterable
from urllib.parse import quote, urlparse

import jinja2
from fastapi import FastAPI, Request
from fastapi.exception_handlers import http_exception_handler
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.staticfiles import StaticFiles
from starlette.templating import Jinja2Templates

from newsledger import __version__ as VERSION
from newsledger.model import ACTS
from newsledger.store import Ledger
from newsledger.web import api, pages
from newsledger.web.features import NOT_BUILT
from newsledger.web.security import check_token, protect

HERE = Path(__file__).resolve().parent
TEMPLATES = HERE / "templates"
STATIC = HERE / "static"
LOOPBACK_HOSTS = ("localhost", "127.0.0.1", "::1", "[::1]")

DESCRIPTION = (
    "Who said what, when, about whom, and on what condition: the statements of a newsledger "
    "ledger. Listings page by cursor (pass a page's next value as after=) and download as "
    "format=csv or format=jsonl. The server is read-only."
)


def safe_url(value: Any) -> str | None:
    """``value`` if it is an http(s) address (safe in an ``href``), else None."""
    if not isinstance(value, str):
        return None
    try:
        scheme = urlparse(value.strip()).scheme.lower()
    except ValueError:
        return None
    return value.strip() if scheme in ("http", "https") else None


def segment(value: Any) -> str:
    """A value as one URL path segment (every reserved character escaped)."""
    return quote(str(value), safe="")


def make_templates() -> Jinja2Templates:
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(TEMPLATES), autoescape=True,
                             trim_blocks=True, lstrip_blocks=True)
    env.filters["segment"] = segment
    env.filters["safe_url"] = safe_url
    env.globals.update(ACTS=ACTS, NOT_BUILT=NOT_BUILT, VERSION=VERSION)
    return Jinja2Templates(env=env)


def create_app(ledger: Ledger | str | PathLike[str], *, allow_writes: bool = False,
               token: str | None = None,
               trusted_hosts: Iterable[str] | None = LOOPBACK_HOSTS) -> FastAPI:
    """The web app over ``ledger`` (a ``Ledger``, or a path/URL the app opens and closes).

    ``token``: every request must carry it (see :mod:`.security`). ``trusted_hosts``: the
    names the ``Host`` header may carry (default: the loopback names; ``["*"]`` or None for
    any). ``allow_writes``: let methods other than GET/HEAD/OPTIONS through (there are no
    write routes yet).
    """
    token = check_token(token)
    owned = not isinstance(ledger, Ledger)
    store = Ledger(ledger) if owned else ledger

    @asynccontextmanager
    async def lifespan(_app: FastAPI):
        yield
        if owned:
            store.close()

    app = FastAPI(title="newsledger", version=VERSION, description=DESCRIPTION,
                  docs_url=None, redoc_url=None, openapi_url="/openapi.json", lifespan=lifespan)
    app.state.ledger = store
    app.state.allow_writes = allow_writes
    app.state.templates = make_templates()
    app.include_router(api.router)
    app.include_router(pages.router)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")

    @app.exception_handler(StarletteHTTPException)
    async def _http_error(request: Request, exc: StarletteHTTPException):
        if request.url.path.startswith(("/api", "/openapi", "/static")):
            return await http_exception_handler(request, exc)
        return pages.error_page(request, exc.status_code, str(exc.detail))

    protect(app, token=token, allow_writes=allow_writes,
            trusted_hosts=list(trusted_hosts) if trusted_hosts is not None else None)
    return app
