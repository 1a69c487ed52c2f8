"""Exposure rules, as plain ASGI middleware (issue 10, point 5).

- ``SecurityHeaders``: every response carries a Content-Security-Policy that allows scripts,
  styles and images from the app only (no inline script, no inline event handler, no inline
  style), plus ``nosniff``, no framing, referrer kept on this site only, same-origin isolation.
- ``ReadOnly``: unless the app was built with writes allowed, any method other than GET,
  HEAD and OPTIONS is refused with 405 before it reaches a route.
- ``TokenGate``: when the app has a token, every request must carry it, as
  ``Authorization: Bearer TOKEN``, an ``X-Newsledger-Token`` header, or the
  ``newsledger_token`` cookie. Opening any page with ``?token=TOKEN`` once sets that cookie
  (HttpOnly, SameSite=Strict) and redirects to the same address without the token.
  Tokens are compared in constant time.
- ``CsrfGuard``: a write (any method but GET, HEAD, OPTIONS) needs the server's token (a
  server without one takes no writes: 403), and, when the token came in the cookie (a
  browser, which would send it on a forged cross-site request too), proof that the request
  comes from the app's own page: an ``Origin`` (else ``Referer``) of the app itself, and a
  CSRF token equal to the ``newsledger_csrf`` cookie, sent as ``X-CSRF-Token`` or as the
  ``csrf_token`` field of a urlencoded form. The CSRF token is a random nonce signed with a
  per-process key (so a cookie planted by another site does not pass); pages put it in
  their forms with ``csrf_input(request)``. A token sent in a header (``Authorization``,
  ``X-Newsledger-Token``) needs no CSRF proof: a browser never adds those by itself.

``protect(app, …)`` stacks all of these in the right order. Which hosts may be named in the ``Host`` header (against DNS rebinding when bound to the
loopback address) is Starlette's ``TrustedHostMiddleware``, set up in :mod:`.app`.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import re
import secrets
from http.cookies import SimpleCookie
from typing import Any, Awaitable, Callable
from urllib.parse import parse_qsl, urlencode, urlsplit

from markupsafe import Markup, escape

Scope = dict[str, Any]
Message = dict[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

CSP = "; ".join([
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "connect-src 'self'",
    "font-src 'self'",
    "form-action 'self'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
])
HEADERS = [
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"same-origin"),  # form POSTs keep their Origin (CSRF check)
    (b"cross-origin-opener-policy", b"same-origin"),
    (b"cross-origin-resource-policy", b"same-origin"),
    (b"permissions-policy", b"camera=(), microphone=(), geolocation=(), interest-cohort=()"),
]
TOKEN_CHARS = re.compile(r"[A-Za-z0-9._~-]{16,256}")
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
TOKEN_COOKIE = "newsledger_token"
TOKEN_HEADER = b"x-newsledger-token"
CSRF_COOKIE = "newsledger_csrf"
CSRF_HEADER = b"x-csrf-token"
CSRF_FIELD = "csrf_token"
MAX_FORM_BYTES = 64 * 1024  # a confirm/reject form is a few fields; more is refused, not read


def check_token(token: str | None) -> str | None:
    """The token, if it is usable (16 to 256 of ``A-Z a-z 0-9 . _ ~ -``); else ValueError."""
    if token is None:
        return None
    if not TOKEN_CHARS.fullmatch(token):
        raise ValueError("the token must be 16 to 256 characters of A-Z, a-z, 0-9, '.', '_', "
                         "'~' or '-' (for example from `openssl rand -hex 24`)")
    return token


class SecurityHeaders:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                present = {name.lower() for name, _ in message.get("headers", [])}
                extra = [(name, value) for name, value in HEADERS if name not in present]
                message["headers"] = list(message.get("headers", [])) + extra
            await send(message)

        await self.app(scope, receive, send_with_headers)


async def _plain(send: Send, status: int, text: str, headers: list[tuple[bytes, bytes]] = ()) -> None:
    body = json.dumps({"detail": text}).encode()
    await send({"type": "http.response.start", "status": status,
                "headers": [(b"content-type", b"application/json"),
                            (b"content-length", str(len(body)).encode()), *headers]})
    await send({"type": "http.response.body", "body": body})


class ReadOnly:
    def __init__(self, app: ASGIApp, allow_writes: bool = False) -> None:
        self.app = app
        self.allow_writes = allow_writes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and not self.allow_writes and scope["method"] not in SAFE_METHODS:
            await _plain(send, 405, "this newsledger server is read-only",
                         [(b"allow", b"GET, HEAD, OPTIONS")])
            return
        await self.app(scope, receive, send)


def _same(candidate: str | bytes | None, expected: bytes | None) -> bool:
    """``candidate == expected``, in constant time; never true for an empty value."""
    if not candidate or not expected:
        return False
    if isinstance(candidate, str):
        candidate = candidate.encode("utf-8", "surrogateescape")
    return hmac.compare_digest(candidate, expected)


def _cookies(scope: Scope) -> dict[str, str]:
    """The request's cookies (a malformed Cookie header carries none)."""
    found: dict[str, str] = {}
    for name, value in scope.get("headers", []):
        if name == b"cookie":
            cookie = SimpleCookie()
            try:
                cookie.load(value.decode("latin-1"))
            except Exception:
                continue
            found.update({key: morsel.value for key, morsel in cookie.items()})
    return found


def _header(scope: Scope, wanted: bytes) -> bytes | None:
    """The last value of one request header (names are lower case in ASGI)."""
    values = [value for name, value in scope.get("headers", []) if name == wanted]
    return values[-1] if values else None


def token_carrier(scope: Scope, token: bytes | None) -> str | None:
    """How the request carries ``token``: "header" (``Authorization: Bearer`` or
    ``X-Newsledger-Token``), "cookie", or None when it does not carry it."""
    for name, value in scope.get("headers", []):
        if name == b"authorization" and value[:7].lower() == b"bearer " and _same(value[7:].strip(), token):
            return "header"
        if name == TOKEN_HEADER and _same(value.strip(), token):
            return "header"
    return "cookie" if _same(_cookies(scope).get(TOKEN_COOKIE), token) else None


class TokenGate:
    def __init__(self, app: ASGIApp, token: str | None) -> None:
        self.app = app
        self.token = token.encode() if token else None

    def _matches(self, candidate: str | bytes | None) -> bool:
        return _same(candidate, self.token)

    def _carried(self, scope: Scope) -> bool:
        return token_carrier(scope, self.token) is not None

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or self.token is None or self._carried(scope):
            await self.app(scope, receive, send)
            return
        query = parse_qsl(scope.get("query_string", b"").decode("latin-1"), keep_blank_values=True)
        given = [value for name, value in query if name == "token"]
        if given and self._matches(given[-1]):
            rest = urlencode([(name, value) for name, value in query if name != "token"])
            path = scope.get("raw_path") or scope["path"].encode("utf-8")
            location = scope.get("root_path", "").encode("utf-8") + path + (
                b"?" + rest.encode("latin-1") if rest else b"")
            cookie = (f"{TOKEN_COOKIE}={given[-1]}; Path=/; HttpOnly; SameSite=Strict").encode(
                "latin-1", "replace")
            await send({"type": "http.response.start", "status": 303,
                        "headers": [(b"location", location),
                                    (b"set-cookie", cookie), (b"content-length", b"0")]})
            await send({"type": "http.response.body", "body": b""})
            return
        await _plain(send, 401, "this newsledger server needs its token: open any page once "
                                "with ?token=TOKEN, or send Authorization: Bearer TOKEN",
                     [(b"www-authenticate", b'Bearer realm="newsledger"')])


# -- CSRF ---------------------------------------------------------------------------------------


def csrf_token(request: Any) -> str:
    """The CSRF token for forms on the page ``request`` renders (set by ``CsrfGuard``)."""
    return request.scope.get("state", {}).get(CSRF_FIELD, "")


def csrf_input(request: Any) -> Markup:
    """A hidden form field carrying the CSRF token (a Jinja global for POST forms)."""
    return Markup('<input type="hidden" name="%s" value="%s">') % (CSRF_FIELD, escape(csrf_token(request)))


class CsrfGuard:
    """Writes need the server's token, and a CSRF proof when it came in the cookie (see above).

    Every response to a request without a valid ``newsledger_csrf`` cookie sets one
    (HttpOnly, SameSite=Strict); the value is in ``scope["state"]["csrf_token"]`` for the
    page to put in its forms. Not done: per-form or one-time tokens (the token lives as long
    as the server process), and multipart forms (send the token as ``X-CSRF-Token``).
    """

    def __init__(self, app: ASGIApp, token: str | None) -> None:
        self.app = app
        self.token = token.encode() if token else None
        self.key = secrets.token_bytes(32)  # per process: a restart issues new CSRF tokens

    def _sign(self, nonce: str) -> str:
        return hmac.new(self.key, nonce.encode(), hashlib.sha256).hexdigest()[:32]

    def _valid(self, value: str | None) -> bool:
        nonce, _, signature = (value or "").partition(".")
        return bool(nonce) and _same(signature, self._sign(nonce).encode())

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        cookie = _cookies(scope).get(CSRF_COOKIE)
        fresh = None if self._valid(cookie) else self._new()
        scope.setdefault("state", {})[CSRF_FIELD] = fresh or cookie
        if scope["method"] not in SAFE_METHODS:
            refusal, receive = await self._refusal(scope, receive, cookie if fresh is None else None)
            if refusal:
                await _plain(send, 403, refusal)
                return
        await self.app(scope, receive, self._setting_cookie(send, fresh))

    def _new(self) -> str:
        nonce = secrets.token_urlsafe(24)
        return f"{nonce}.{self._sign(nonce)}"

    @staticmethod
    def _setting_cookie(send: Send, fresh: str | None) -> Send:
        if fresh is None:
            return send

        async def send_with_cookie(message: Message) -> None:
            if message["type"] == "http.response.start":
                cookie = f"{CSRF_COOKIE}={fresh}; Path=/; HttpOnly; SameSite=Strict".encode()
                message["headers"] = [*message.get("headers", []), (b"set-cookie", cookie)]
            await send(message)

        return send_with_cookie

    async def _refusal(self, scope: Scope, receive: Receive,
                       cookie: str | None) -> tuple[str | None, Receive]:
        """Why this write is refused (None: it is not), and the ``receive`` to go on with
        (the form's body, when it was read here to find its CSRF field)."""
        carrier = token_carrier(scope, self.token)
        if self.token is None:
            return ("writes need the server's token: start it with --token or NEWSLEDGER_TOKEN "
                    "(and --allow-writes)"), receive
        if carrier == "header":
            return None, receive
        if carrier is None:
            return "this write needs the server's token", receive
        if not _same_origin(scope):
            return "cross-site write refused (Origin or Referer is not this server)", receive
        sent = _header(scope, CSRF_HEADER)
        if sent is None and _is_form(scope):
            body, receive = await _read_body(receive, MAX_FORM_BYTES)
            if body is None:
                return f"form over {MAX_FORM_BYTES} bytes refused", receive
            sent = dict(parse_qsl(body.decode("latin-1"))).get(CSRF_FIELD, "").encode("latin-1")
        if cookie is None or not _same(sent, cookie.encode()):
            return ("missing or wrong CSRF token (reload the page, or send the server's token as "
                    "Authorization: Bearer TOKEN)"), receive
        return None, receive


def _same_origin(scope: Scope) -> bool:
    """True when ``Origin`` (else ``Referer``) names this server, or neither is sent
    (a browser sends ``Origin`` on every cross-site POST; the CSRF token covers the rest)."""
    host = (_header(scope, b"host") or b"").decode("latin-1").lower()
    origin = _header(scope, b"origin") or _header(scope, b"referer")
    if origin is None:
        return True
    try:
        parts = urlsplit(origin.decode("latin-1"))
    except ValueError:
        return False
    return parts.scheme in ("http", "https") and parts.netloc.lower() == host


def _is_form(scope: Scope) -> bool:
    kind = (_header(scope, b"content-type") or b"").split(b";")[0].strip().lower()
    return kind == b"application/x-www-form-urlencoded"


async def _read_body(receive: Receive, limit: int) -> tuple[bytes | None, Receive]:
    """The request body (None when over ``limit``), and a ``receive`` that replays it."""
    chunks, size, more = [], 0, True
    while more:
        message = await receive()
        if message["type"] != "http.request":  # the client went away
            return None, receive
        chunks.append(message.get("body", b""))
        size += len(chunks[-1])
        if size > limit:
            return None, receive
        more = message.get("more_body", False)
    body, replayed = b"".join(chunks), False

    async def replay() -> Message:
        nonlocal replayed
        if not replayed:
            replayed = True
            return {"type": "http.request", "body": body, "more_body": False}
        return await receive()

    return body, replay


def protect(app: Any, *, token: str | None, allow_writes: bool,
            trusted_hosts: list[str] | None) -> None:
    """Add every exposure rule to a Starlette/FastAPI ``app``, outermost first: security
    headers, trusted ``Host`` names (None or ``["*"]``: any), the token gate, read-only
    (unless ``allow_writes``), and the write/CSRF guard."""
    from starlette.middleware.trustedhost import TrustedHostMiddleware

    app.add_middleware(CsrfGuard, token=token)
    app.add_middleware(ReadOnly, allow_writes=allow_writes)
    app.add_middleware(TokenGate, token=token)
    app.add_middleware(TrustedHostMiddleware, allowed_hosts=list(trusted_hosts or ["*"]))
    app.add_middleware(SecurityHeaders)
