"""``newsledger serve``: the web app and JSON API over a ledger (uvicorn).

    newsledger serve --db ledger.db [--host 127.0.0.1] [--port 8000] [--token TOKEN] [--allow-writes]

Exposure rules (issue 10): the server binds 127.0.0.1 unless told otherwise, and then
answers only requests that name a loopback host (no DNS rebinding). Binding any other
address needs a token (``--token`` or the ``NEWSLEDGER_TOKEN`` environment variable), and
every request must then carry it; a token given for a loopback address is required too.
The app is read-only unless started with ``--allow-writes``, which needs a token as well:
writes (confirm/reject) must carry it, and a browser's writes a CSRF token too (see
:mod:`newsledger.web.security`). ``register(app)`` adds the command to the main Typer app.
"""

from __future__ import annotations

import ipaddress
import logging
import re
from pathlib import Path
from typing import Optional

import typer
from rich.console import Console

err = Console(stderr=True)

LOOPBACK_NAMES = ("localhost",)
_TOKEN_IN_QUERY = re.compile(r"([?&]token=)[^&\s]*")


class RedactToken(logging.Filter):
    """Keep a ``?token=…`` out of uvicorn's access log."""

    def filter(self, record: logging.LogRecord) -> bool:
        if isinstance(record.args, tuple):
            record.args = tuple(_TOKEN_IN_QUERY.sub(r"\1***", a) if isinstance(a, str) else a
                                for a in record.args)
        return True


def is_loopback(host: str) -> bool:
    if host.lower() in LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def _fail(message: str, code: int) -> None:
    err.print(f"[red]error:[/red] {message}", highlight=False, markup=True, soft_wrap=True)
    raise typer.Exit(code)


def serve(
    db: str = typer.Option("newsledger.db", "--db", help="SQLite file or database URL."),
    host: str = typer.Option("127.0.0.1", "--host", help="Address to bind (loopback unless a token is set)."),
    port: int = typer.Option(8000, "--port", min=0, max=65535, help="Port to listen on."),
    token: Optional[str] = typer.Option(None, "--token", envvar="NEWSLEDGER_TOKEN", show_envvar=True,
                                        help="Require this token on every request (needed for a "
                                             "non-loopback --host and for --allow-writes)."),
    allow_writes: bool = typer.Option(False, "--allow-writes",
                                      help="Accept writes (confirm/reject); needs --token."),
) -> None:
    """Serve the ledger: search, articles with their attributions, and a JSON API (/docs)."""
    from rich.markup import escape

    from .web.security import check_token

    loopback = is_loopback(host)
    if not loopback and not token:
        _fail(f"--host {escape(host)} is not a loopback address: set a token with --token or "
              "NEWSLEDGER_TOKEN (every request must then carry it)", 2)
    if allow_writes and not token:
        _fail("--allow-writes needs a token (--token or NEWSLEDGER_TOKEN): every write must "
              "carry it", 2)
    try:
        check_token(token)
    except ValueError as exc:
        _fail(f"--token: {exc}", 2)
    if "://" not in db and not Path(db).exists():
        _fail(f"no ledger at {escape(db)} (run `newsledger ingest ARTICLES/ --db {escape(db)}` first)", 1)

    import uvicorn

    from .store import Ledger
    from .web import create_app

    try:
        ledger = Ledger(db)
    except Exception as exc:  # a bad URL, a file that is not a database, a newer schema…
        _fail(f"cannot open ledger {escape(db)}: {escape(str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__)}", 1)
    trusted = None if not loopback else ["localhost", "127.0.0.1", "::1", "[::1]", host]
    app = create_app(ledger, token=token, trusted_hosts=trusted, allow_writes=allow_writes)
    shown = f"[{host}]" if ":" in host else host
    err.print(f"serving {escape(db)} at http://{shown}:{port}/ ({'writes allowed' if allow_writes else 'read-only'}"
              f"{', token required' if token else ''}); Ctrl+C stops", highlight=False, soft_wrap=True)
    logging.getLogger("uvicorn.access").addFilter(RedactToken())
    try:
        uvicorn.run(app, host=host, port=port, server_header=False, proxy_headers=False,
                    log_level="info")
    finally:
        ledger.close()


def register(app: typer.Typer) -> None:
    """Add ``serve`` to the main ``newsledger`` app."""
    app.command("serve")(serve)
