"""The web stage: a FastAPI app with a JSON API and server-rendered pages over a ledger.

    from newsledger.web import create_app
    app = create_app("newsledger.db")

``newsledger serve`` (:mod:`newsledger.cli_web`) runs it with uvicorn. The app holds no
business logic: it reads through :class:`newsledger.store.Ledger` and presents.
"""

from newsledger.web.app import create_app

__all__ = ["create_app"]
