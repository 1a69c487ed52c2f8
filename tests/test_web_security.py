"""The web app's exposure rules and its pieces, without the language pipeline (fast).

Read-only methods, the loopback ``Host`` check, the token gate, security headers on every
kind of response, ``newsledger serve`` (refusing to expose a ledger without a token), and
the escaping highlighter that puts article text on a page. Runs on an empty ledger.
Writes (confirm/reject) and their CSRF protection are tested on a small app with one form
behind the same ``protect`` stack, since the ledger app has no write route yet.
"""

from __future__ import annotations

import re
import warnings

from urllib.parse import parse_qsl

import pytest
import typer
from fastapi import FastAPI, Request
from fastapi.responses import HTMLResponse
from typer.testing import CliRunner

from newsledger.store import Ledger
from newsledger.web import create_app
from newsledger.web.highlight import evidence, render, snippet_bounds
from newsledger.web.security import csrf_input, protect

with warnings.catch_warnings():  # starlette's notice that it prefers httpx2 over httpx
    warnings.simplefilter("ignore", UserWarning)
    from fastapi.testclient import TestClient

LOCAL = "http://localhost"


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    path = tmp_path_factory.mktemp("web-security") / "ledger.db"
    Ledger(path).close()
    return path


@pytest.fixture(scope="module")
def ledger(db):
    with Ledger(db) as opened:
        yield opened


@pytest.fixture(scope="module")
def client(ledger):
    with TestClient(create_app(ledger), base_url=LOCAL) as test_client:
        yield test_client


# -- exposure --------------------------------------------------------------------------------


def test_security_headers_on_every_response(client):
    for path in ("/search", "/api", "/api/statements?format=csv", "/static/style.css",
                 "/static/app.js", "/nope", "/api/nope", "/docs", "/openapi.json"):
        headers = client.get(path).headers
        assert "script-src 'self'" in headers["content-security-policy"], path
        assert "unsafe-inline" not in headers["content-security-policy"]
        assert headers["x-content-type-options"] == "nosniff"
        assert headers["referrer-policy"] == "same-origin"


def test_read_only(client):
    for method in ("POST", "PUT", "PATCH", "DELETE"):
        response = client.request(method, "/api/statements")
        assert response.status_code == 405 and "read-only" in response.text


def test_only_loopback_host_names_by_default(ledger):
    with TestClient(create_app(ledger), base_url="http://attacker.example") as foreign:
        assert foreign.get("/api").status_code == 400
    with TestClient(create_app(ledger), base_url="http://127.0.0.1:8000") as local:
        assert local.get("/api").status_code == 200


def test_token_gate(ledger):
    token = "t0ken-for-the-tests-only"
    app = create_app(ledger, token=token, trusted_hosts=["*"])
    with TestClient(app, base_url="http://newsroom.example") as remote:
        assert remote.get("/api").status_code == 401
        assert remote.get("/static/style.css").status_code == 401
        assert remote.get("/api", headers={"authorization": "Bearer wrong-token-wrong-token"}).status_code == 401
        assert remote.get("/api", headers={"authorization": f"Bearer {token}"}).status_code == 200
        assert remote.get("/api", headers={"x-newsledger-token": token}).status_code == 200
        opened = remote.get(f"/search?search=dam&token={token}", follow_redirects=False)
        assert opened.status_code == 303 and opened.headers["location"] == "/search?search=dam"
        assert "HttpOnly" in opened.headers["set-cookie"] and "SameSite=Strict" in opened.headers["set-cookie"]
        assert remote.get("/search?search=dam").status_code == 200  # the cookie now carries it
    for bad in ("short", "has space in it!!!!!", "x" * 300):
        with pytest.raises(ValueError):
            create_app(ledger, token=bad)


# -- pieces ----------------------------------------------------------------------------------


def test_render_escapes_and_nests():
    text = "<b>Ann</b> said “x & y” & more."
    record = {"id": "s1", "source_span": [0, 10], "cue_span": [11, 15], "content_span": [16, 23],
              "condition": {"text": "x", "span": [17, 18]}, "act": "claim", "date": "2031-01-01",
              "speaker": {"name": "Ann <i>"}}
    html = str(render(text, [record]))
    assert "<b>" not in html and "&lt;b&gt;Ann&lt;/b&gt;" in html and "&amp; more." in html
    assert 'class="hl hl-content hl-condition"' in html and 'title="Ann &lt;i&gt; — claim — 2031-01-01 — if x"' in html
    assert html.startswith('<a class="anchor" id="t-s1"></a>')
    assert re.sub(r"<[^>]+>", "", html) == str(render(text, []))


def test_render_survives_bad_spans():
    records = [{"id": "a", "source_span": [5, 2], "cue_span": None, "content_span": [[0, 3], ["x", 4]]},
               {"id": "b", "content_span": [0, 10_000]}, {"id": "c", "content_span": [[1, 2], [1, 2]]}]
    html = str(render("hello world", records))
    assert re.sub(r"<[^>]+>", "", html) == "hello world"


def test_evidence_is_the_sentence():
    text = "First one. Then Ann said it rains. Last one."
    record = {"id": "s", "source_span": [16, 19], "cue_span": [20, 24], "content_span": [25, 33]}
    assert snippet_bounds(text, 16, 33) == (11, 34)
    shown = re.sub(r"<[^>]+>", "", str(evidence(text, record, ["rains"])))
    assert shown == "… Then Ann said it rains. …"
    assert 'hl-match' in str(evidence(text, record, ["RAINS"]))


# -- newsledger serve ------------------------------------------------------------------------


@pytest.fixture()
def serve_app():
    from newsledger import cli_web

    app = typer.Typer()
    app.command("noop")(lambda: None)
    cli_web.register(app)
    return app


def test_serve_refuses_exposure_without_token(serve_app, db, monkeypatch):
    monkeypatch.delenv("NEWSLEDGER_TOKEN", raising=False)
    result = CliRunner().invoke(serve_app, ["serve", "--db", str(db), "--host", "0.0.0.0"])
    assert result.exit_code == 2 and "token" in result.output
    result = CliRunner().invoke(serve_app, ["serve", "--db", str(db), "--token", "short"])
    assert result.exit_code == 2
    result = CliRunner().invoke(serve_app, ["serve", "--db", str(db.parent / "missing.db")])
    assert result.exit_code == 1 and "no ledger" in result.output


def test_serve_runs_uvicorn(serve_app, db, monkeypatch):
    import uvicorn

    calls = []
    monkeypatch.setattr(uvicorn, "run", lambda app, **kw: calls.append((app, kw)))
    monkeypatch.delenv("NEWSLEDGER_TOKEN", raising=False)
    result = CliRunner().invoke(serve_app, ["serve", "--db", str(db), "--port", "8123"])
    assert result.exit_code == 0, result.output
    app, options = calls[0]
    assert options["host"] == "127.0.0.1" and options["port"] == 8123
    with TestClient(app, base_url=LOCAL) as served:
        assert served.get("/api").json()["counts"]["articles"] == 0
    monkeypatch.setenv("NEWSLEDGER_TOKEN", "a-long-enough-token-1234")
    result = CliRunner().invoke(serve_app, ["serve", "--db", str(db), "--host", "0.0.0.0"])
    assert result.exit_code == 0, result.output
    with TestClient(calls[1][0], base_url="http://box.example") as remote:
        assert remote.get("/api").status_code == 401
        assert remote.get("/api", headers={"authorization": "Bearer a-long-enough-token-1234"}).status_code == 200


def test_token_kept_out_of_the_access_log():
    import logging

    from newsledger.cli_web import RedactToken

    record = logging.LogRecord("uvicorn.access", logging.INFO, __file__, 1, '%s - "%s %s"',
                               ("127.0.0.1", "GET", "/search?q=x&token=secret-secret-1234&a=1"), None)
    assert RedactToken().filter(record)
    assert record.getMessage() == '127.0.0.1 - "GET /search?q=x&token=***&a=1"'


# -- writes: the token and CSRF (the mechanism, on a generic app with one form) ---------------

WRITE_TOKEN = "write-token-for-the-tests"


def write_app(*, token: str | None = WRITE_TOKEN, allow_writes: bool = True):
    """A small app behind ``protect``: a page with a confirm form, and the POST it sends."""
    app = FastAPI()
    confirmed: list[str] = []

    @app.get("/review", response_class=HTMLResponse)
    def review(request: Request) -> str:
        return f'<form method="post" action="/confirm">{csrf_input(request)}<button>Confirm</button></form>'

    @app.post("/confirm")
    async def confirm(request: Request) -> dict:
        item = dict(parse_qsl((await request.body()).decode())).get("item", "red-line-1")
        confirmed.append(item)
        return {"confirmed": item}

    protect(app, token=token, allow_writes=allow_writes, trusted_hosts=["*"])
    app.state.confirmed = confirmed
    return app


def form_token(client) -> str:
    page = client.get("/review").text
    return re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)


def test_writes_need_the_token_and_a_csrf_token_from_the_page():
    app = write_app()
    with TestClient(app, base_url=LOCAL) as browser:
        issued = browser.get(f"/review?token={WRITE_TOKEN}").headers["set-cookie"]  # after the redirect
        assert "newsledger_csrf=" in issued and "HttpOnly" in issued and "SameSite=Strict" in issued
        browser.cookies.clear()
        assert browser.post("/confirm", data={"item": "a"}).status_code == 401  # no token at all
        browser.get(f"/review?token={WRITE_TOKEN}")  # the token now rides in the cookie
        csrf = form_token(browser)
        # a forged form (from another site): the cookie goes along, the CSRF token does not
        assert browser.post("/confirm", data={"item": "forged"}).status_code == 403
        wrong = browser.post("/confirm", data={"item": "forged", "csrf_token": csrf[::-1]})
        assert wrong.status_code == 403 and "CSRF" in wrong.json()["detail"]
        cross = browser.post("/confirm", data={"item": "forged", "csrf_token": csrf},
                             headers={"origin": "https://attacker.example"})
        assert cross.status_code == 403 and "cross-site" in cross.json()["detail"]
        # the app's own form: the field, or the header a script sends
        ok = browser.post("/confirm", data={"item": "b", "csrf_token": csrf}, headers={"origin": LOCAL})
        assert ok.status_code == 200 and ok.json() == {"confirmed": "b"}
        assert browser.post("/confirm", data={"item": "c"}, headers={"x-csrf-token": csrf}).status_code == 200
    assert app.state.confirmed == ["b", "c"]


def test_csrf_token_is_signed_by_the_server():
    """A cookie planted by someone else (any value, same in cookie and form) is no proof."""
    app = write_app()
    with TestClient(app, base_url=LOCAL) as browser:
        browser.get(f"/review?token={WRITE_TOKEN}")
        browser.cookies.set("newsledger_csrf", "planted.0123456789abcdef0123456789abcdef")
        assert browser.post("/confirm", data={"csrf_token": "planted.0123456789abcdef0123456789abcdef"}
                            ).status_code == 403
    assert app.state.confirmed == []


def test_writes_with_the_token_in_a_header_need_no_csrf_token():
    """A browser never adds Authorization by itself: a script or curl with the token is no CSRF."""
    app = write_app()
    with TestClient(app, base_url=LOCAL) as client:
        assert client.post("/confirm", headers={"authorization": f"Bearer {WRITE_TOKEN}"}).status_code == 200
        assert client.post("/confirm", headers={"x-newsledger-token": WRITE_TOKEN}).status_code == 200
        assert client.post("/confirm", headers={"authorization": "Bearer not-the-token-at-all"}).status_code == 401


def test_no_writes_without_allow_writes_or_without_a_token():
    with TestClient(write_app(allow_writes=False), base_url=LOCAL) as client:
        assert client.post("/confirm", headers={"authorization": f"Bearer {WRITE_TOKEN}"}).status_code == 405
    app = write_app(token=None)
    with TestClient(app, base_url=LOCAL) as client:
        csrf = form_token(client)
        refused = client.post("/confirm", data={"csrf_token": csrf})
        assert refused.status_code == 403 and "token" in refused.json()["detail"]
        assert client.get("/review").status_code == 200  # reads need none
    assert app.state.confirmed == []


def test_oversized_form_is_refused_unread():
    with TestClient(write_app(), base_url=LOCAL) as browser:
        browser.get(f"/review?token={WRITE_TOKEN}")
        response = browser.post("/confirm", data={"item": "x" * 200_000, "csrf_token": form_token(browser)})
        assert response.status_code == 403 and "over" in response.json()["detail"]


def test_serve_allow_writes_needs_a_token(serve_app, db, monkeypatch):
    import uvicorn

    monkeypatch.delenv("NEWSLEDGER_TOKEN", raising=False)
    result = CliRunner().invoke(serve_app, ["serve", "--db", str(db), "--allow-writes"])
    assert result.exit_code == 2 and "--allow-writes needs a token" in result.output
    calls = []
    monkeypatch.setattr(uvicorn, "run", lambda app, **kw: calls.append(app))
    result = CliRunner().invoke(serve_app, ["serve", "--db", str(db), "--allow-writes", "--token", WRITE_TOKEN])
    assert result.exit_code == 0 and "writes allowed" in result.output
    with TestClient(calls[0], base_url=LOCAL) as client:
        assert client.get("/api", headers={"authorization": f"Bearer {WRITE_TOKEN}"}).json()["read_only"] is False
