"""Exposure rules, as plain ASGI middleware (issue 10, point 5).

- ``SecurityHeaders``: every response carries a Content-Security-Policy that allows scripts,
  styles and images from the app only (no inline script, no inline event handler, no inline
  style), plus ``nosniff``, no framing, no referrer, same-origin isolation.
- ``ReadOnly``: unless the app was built with writes allowed, any method other than GET,
  HEAD and OPTIONS is refused with 405 before it reaches a route.
- ``TokenGate``: when the app has a token, every request must carry it, as
  ``Authorization: Bearer TOKEN``, an ``X-Newsledger-Token`` header, or the
  ``newsledger_token`` cookie. Opening any page with ``?token=TOKEN`` once sets that cookie
  (HttpOnly, SameSite=Strict) and redirects to the same address without the token.
  Tokens are compared in constant time.

Which hosts may be named in the ``Host`` header (against DNS rebinding when bound to the
loopback address) is Starlette's ``TrustedHostMiddleware``, set up in :mod:`.app`.
"""

from __future__ import annotations

import hmac
import json
import re
from http.cookies import SimpleCookie
from typing import Any, Awaitable, Callable
from urllib.parse import parse_qsl, urlencode

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
    (b"referrer-policy", b"no-referrer"),
    (b"cross-origin-opener-policy", b"same-origin"),
    (b"cross-origin-resource-policy", b"same-origin"),
    (b"permissions-policy", b"camera=(), microphone=(), geolocation=(), interest-cohort=()"),
]
TOKEN_CHARS = re.compile(r"[A-Za-z0-9._~-]{16,256}")
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
TOKEN_COOKIE = "newsledger_token"
TOKEN_HEADER = b"x-newsledger-token"


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


class TokenGate:
    def __init__(self, app: ASGIApp, token: str | None) -> None:
        self.app = app
        self.token = token.encode() if token else None

    def _matches(self, candidate: str | bytes | None) -> bool:
        if not candidate or self.token is None:
            return False
        if isinstance(candidate, str):
            candidate = candidate.encode("utf-8", "surrogateescape")
        return hmac.compare_digest(candidate, self.token)

    def _carried(self, scope: Scope) -> bool:
        for name, value in scope.get("headers", []):
            if name == b"authorization" and value[:7].lower() == b"bearer ":
                if self._matches(value[7:].strip()):
                    return True
            elif name == TOKEN_HEADER and self._matches(value.strip()):
                return True
            elif name == b"cookie":
                cookie = SimpleCookie()
                try:
                    cookie.load(value.decode("latin-1"))
                except Exception:  # a malformed Cookie header carries no token
                    continue
                if TOKEN_COOKIE in cookie and self._matches(cookie[TOKEN_COOKIE].value):
                    return True
        return False

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
