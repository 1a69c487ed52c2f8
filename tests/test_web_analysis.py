"""The web app's analysis parts: red lines, positions, timelines, outlet voice (API and pages).

The ledger is the worked example (Lee's and Putin's red lines on NATO troops in Ukraine)
plus two dated articles written here, from one outlet: one restates Putin's red line, one
reports an event that may cross it (France sending troops to Ukraine); both end with the
outlet's closing paragraph (boilerplate) and one holds a sentence in the outlet's own
voice. Everything is ingested by the real pipeline, then ``update_redlines``,
``update_positions`` and ``update_outlet_voice`` run, as the CLI would: the web app only
reads. A copy taken before the updates checks what the app says when nothing is stored,
and that its GETs write nothing. Writes (confirm/reject) go through the app's security
middleware: token and CSRF token when allowed, refused otherwise.
"""

from __future__ import annotations

import csv
import io
import json
import re
import shutil
import warnings
from pathlib import Path

import pytest
from sqlalchemy import inspect

from newsledger.analysis.outlet_voice import update_outlet_voice
from newsledger.analysis.positions import position_changes, positions, update_positions
from newsledger.analysis.redlines import update_redlines
from newsledger.ingest import ingest
from newsledger.store import Ledger
from newsledger.web import create_app
from newsledger.web.security import CsrfGuard
from position_stream import POSTGRES_URL, close, open_ledger

with warnings.catch_warnings():  # starlette's notice that it prefers httpx2 over httpx
    warnings.simplefilter("ignore", UserWarning)
    from fastapi.testclient import TestClient

EXAMPLE = ("data", "examples", "2024-03-10-nato-red-line.txt")
CLOSING = ("The Harbour Gazette is an independent newspaper funded by its readers. Subscribe today "
           "to support our reporting from Europe and beyond.")
OWN_VOICE = "Heavy fighting continued along the front line near Avdiivka throughout the weekend."
# Files are OUTLET_DATE_slug.txt: the sources stage reads the outlet and the date from the name.
ARTICLES = {
    "harbourgazette_2024-03-20_restated.txt":
        "date 2024-03-20\n\nVladimir Putin again warned of catastrophic consequences if NATO troops "
        f"were deployed to Ukraine.\n\n{OWN_VOICE}\n\n{CLOSING}\n",
    "harbourgazette_2024-04-10_troops.txt":
        "date 2024-04-10\n\nReuters reported that France had sent troops to Ukraine to train Ukrainian "
        f"soldiers.\n\nFrench officials said the soldiers would stay for six months.\n\n{CLOSING}\n",
}
OUTLET = "harbourgazette"
LOCAL = "http://localhost"
TOKEN = "web-analysis-token-1234"


def client_for(app) -> TestClient:
    return TestClient(app, base_url=LOCAL)


def guarded(app, token: str | None):
    """The app with the CSRF guard of ``security.protect``, innermost as ``protect`` puts it.

    ``create_app`` is to stack ``protect()`` (a change asked of web/app.py); until it does,
    the guard is added here exactly where ``protect`` adds it, and never twice."""
    from starlette.middleware import Middleware

    if not any(m.cls is CsrfGuard for m in app.user_middleware):
        app.user_middleware.append(Middleware(CsrfGuard, token=token))
    return app


def build(folder: Path, analyzer, example: Path) -> dict[str, Path]:
    """``bare``: the articles ingested only; ``full``: ingested, then the analyses computed."""
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in ARTICLES.items():
        (folder / name).write_text(text, encoding="utf-8")
    full = folder / "full.db"
    with Ledger(full) as ledger:
        ingest([str(example)] + [str(folder / n) for n in sorted(ARTICLES)], ledger, analyzer)
    bare = folder / "bare.db"
    shutil.copy(full, bare)
    with Ledger(full) as ledger:
        update_redlines(ledger)
        update_positions(ledger)
        update_outlet_voice(ledger)
    return {"bare": bare, "full": full}


@pytest.fixture(scope="module")
def dbs(analyzer, shared_path, tmp_path_factory) -> dict[str, Path]:
    return build(tmp_path_factory.mktemp("web-analysis"), analyzer, shared_path(*EXAMPLE))


@pytest.fixture(scope="module")
def client(dbs):
    with client_for(create_app(dbs["full"])) as c:
        yield c


@pytest.fixture()
def writable_db(dbs, tmp_path) -> Path:
    """A copy of the full ledger that a test may write decisions into."""
    copy = tmp_path / "writable.db"
    shutil.copy(dbs["full"], copy)
    return copy


def _board(client, **params) -> dict[str, dict]:
    body = client.get("/api/redlines", params=params).json()
    assert body["available"] is True and body["count"] == len(body["items"])
    return {line["holder"]["name"]: line for line in body["items"]}


def _tables(db: Path | Ledger) -> set[str]:
    if isinstance(db, Ledger):
        with db.engine.connect() as connection:
            return set(inspect(connection).get_table_names())
    with Ledger(db) as ledger:
        return _tables(ledger)


# --------------------------------------------------------------------------- nothing stored

def test_nothing_stored_says_how_to_produce_it_and_writes_nothing(dbs):
    before = _tables(dbs["bare"])
    with client_for(create_app(dbs["bare"])) as client:
        parts = client.get("/api").json()["parts"]
        assert not parts["redlines"] and not parts["positions"] and not parts["outlet_voice"]
        for path, command in (("/api/redlines", "newsledger redlines"), ("/api/positions", "newsledger positions"),
                              ("/api/issues", "newsledger positions")):
            body = client.get(path).json()
            assert body["available"] is False and body["items"] == [] and command in body["message"]
            assert client.get(path, params={"format": "csv"}).text == ""
        voice = client.get(f"/api/outlets/{OUTLET}").json()["voice"]
        assert voice["available"] is False and "newsledger outlet" in voice["message"]
        assert client.get("/api/redlines/0d1b").status_code == 404
        for path, command in (("/redlines", "newsledger redlines"), ("/positions", "newsledger positions"),
                              (f"/outlets/{OUTLET}", "newsledger outlet"),
                              ("/actors/Vladimir%20Putin", "newsledger positions")):
            page = client.get(path)
            assert page.status_code == 200 and command in page.text, path
        # Actor and outlet timelines need nothing stored; issue timelines need positions.
        putin = client.get("/api/timelines", params={"name": "Vladimir Putin"}).json()
        assert putin["kind"] == "actor" and putin["total"] >= 2 and "own_voice" not in putin
        outlet = client.get("/api/timelines", params={"name": OUTLET}).json()
        assert outlet["kind"] == "outlet" and "own_voice" not in outlet
        assert client.get("/timeline/harbourgazette").status_code == 200
        issue = client.get("/api/timelines", params={"name": "1", "kind": "issue"})
        assert issue.status_code == 404 and "newsledger positions" in issue.json()["detail"]
    assert _tables(dbs["bare"]) == before  # no GET created a table


# --------------------------------------------------------------------------- red lines

def test_redlines_grouped_by_trigger_with_evidence(client):
    board = _board(client)
    lee, putin = board["Mike Lee"], board["Vladimir Putin"]
    assert lee["group_id"] == putin["group_id"] and lee["id"] != putin["id"]
    assert set(lee["group_holders"]) == set(putin["group_holders"]) >= {"Mike Lee", "Vladimir Putin"}
    for line in (lee, putin):
        assert "troops" in line["group_trigger"] and "Ukraine" in line["group_trigger"]
        # France sending troops, reported on 2024-04-10, may cross both lines.
        assert line["status"] == "possibly-triggered" and line["pending"] == 1
        (event,) = line["matches"]
        assert event["speaker"] == "Reuters" and "France had sent troops to Ukraine" in event["content"]
        assert event["date"] == "2024-04-10" and event["decision"] is None and event["similarity"] > 0
    assert putin["consequence"] == "tragic consequences" and putin["first_stated"] == "2024-03-10"
    assert putin["restated"] == ["2024-03-20"] and putin["statement_count"] == 2
    first, again = putin["statements"]
    assert (first["restatement"], again["restatement"]) == (False, True)
    assert "catastrophic consequences" in again["content"] and again["article"]["outlet"] == OUTLET
    assert lee["restated"] == [] and "withdraw from NATO" in lee["consequence"]
    assert all(not s["restatement"] for s in lee["statements"])
    # The evidence leads to the statements: each id is a statement of the ledger.
    for s in putin["statements"] + putin["matches"]:
        assert client.get(f"/api/statements/{s['statement_id']}").json()["article"]["id"] == s["article"]["id"]


def test_redline_filters_detail_and_downloads(client):
    board = _board(client)
    assert _board(client, status="possibly-triggered").keys() == board.keys()
    assert _board(client, status="open") == {}
    assert client.get("/api/redlines", params={"status": "maybe"}).status_code == 422
    rows = list(csv.DictReader(io.StringIO(client.get("/api/redlines", params={"format": "csv"}).text)))
    assert sorted(r["holder.name"] for r in rows) == sorted(board)
    assert {r["status"] for r in rows} == {"possibly-triggered"}
    lines = client.get("/api/redlines", params={"format": "jsonl"}).text.splitlines()
    assert {json.loads(line)["id"] for line in lines} == {r["id"] for r in board.values()}
    putin = board["Vladimir Putin"]
    detail = client.get(f"/api/redlines/{putin['id'][:8]}").json()
    assert detail["id"] == putin["id"] and [g["holder"]["name"] for g in detail["group"]] == ["Mike Lee"]
    assert client.get("/api/redlines/ffffffffffff").status_code == 404


def test_redlines_page_groups_by_trigger(client):
    page = client.get("/redlines").text
    groups = re.findall(r'<section class="rl-group"', page)
    lines = re.findall(r'<article class="redline rl-([\w-]+)" id="rl-(\w+)"', page)
    board = _board(client)
    assert len(groups) == len({line["group_id"] for line in board.values()})
    assert {rid for _, rid in lines} == {line["id"] for line in board.values()}
    assert "Mike Lee" in page and "Vladimir Putin" in page and "2024-03-20" in page
    assert "Reuters" in page and "/statements/" in page and "/articles/" in page
    assert 'method="post"' not in page and "decide-form" not in page  # read-only: no confirm/reject
    assert "Nothing to show" in client.get("/redlines?status=confirmed").text
    assert client.get("/redlines?status=maybe").status_code == 400


# --------------------------------------------------------------------------- writes

def _browser(app) -> tuple[TestClient, str]:
    """A client that opened the board once with ?token= (as a person does): token cookie
    set; returns it and the page's CSRF token."""
    browser = client_for(app)
    page = browser.get("/redlines", params={"token": TOKEN})
    assert page.status_code == 200
    return browser, re.search(r'name="csrf_token" value="([^"]+)"', page.text).group(1)


def test_confirm_and_reject_with_token_and_csrf(writable_db):
    app = guarded(create_app(writable_db, allow_writes=True, token=TOKEN), TOKEN)
    browser, csrf = _browser(app)
    with browser:
        board = _board(browser)
        putin, lee = board["Vladimir Putin"], board["Mike Lee"]
        page = browser.get("/redlines").text
        assert page.count('class="decide-form"') == 2 * 2  # confirm and reject per possible trigger
        form = {"event": putin["matches"][0]["statement_id"], "status": "", "csrf_token": csrf}
        # A forged form: the token cookie rides along, the CSRF token does not.
        forged = browser.post(f"/redlines/{putin['id']}/confirm", data={"event": form["event"]})
        assert forged.status_code == 403
        done = browser.post(f"/redlines/{putin['id']}/confirm", data=form, headers={"origin": LOCAL},
                            follow_redirects=False)
        assert done.status_code == 303 and done.headers["location"] == f"/redlines#rl-{putin['id']}"
        assert _board(browser)["Vladimir Putin"]["status"] == "confirmed"
        # A script with the token in a header needs no CSRF token (the JSON API).
        browser.cookies.clear()
        rejected = browser.post(f"/api/redlines/{lee['id']}/reject", headers={"authorization": f"Bearer {TOKEN}"})
        assert rejected.status_code == 200 and rejected.json()["status"] == "rejected"
        assert rejected.json()["matches"][0]["decision"] == "rejected"
        assert browser.post(f"/api/redlines/{lee['id']}/reject").status_code == 401
        missing = browser.post("/api/redlines/ffffffffffff/confirm", headers={"authorization": f"Bearer {TOKEN}"})
        assert missing.status_code == 404
    statuses = {name: line["status"] for name, line in _board(client_for(create_app(writable_db))).items()}
    assert statuses == {"Vladimir Putin": "confirmed", "Mike Lee": "rejected"}


def test_writes_refused_unless_allowed(writable_db):
    with client_for(create_app(writable_db, token=TOKEN)) as client:
        headers = {"authorization": f"Bearer {TOKEN}"}  # this server wants its token on reads too
        lee = _board_with(client, headers)["Mike Lee"]
        assert client.post(f"/api/redlines/{lee['id']}/confirm", headers=headers).status_code == 405
        assert 'method="post"' not in client.get("/redlines", headers=headers).text
    app = guarded(create_app(writable_db, allow_writes=True), None)  # writes allowed, but no token
    with client_for(app) as client:
        refused = client.post(f"/api/redlines/{lee['id']}/confirm")
        assert refused.status_code == 403 and "token" in refused.json()["detail"]
    unguarded = create_app(writable_db, allow_writes=True)
    unguarded.user_middleware = [m for m in unguarded.user_middleware if m.cls is not CsrfGuard]
    with client_for(unguarded) as client:  # no CSRF guard stacked: the route itself refuses
        assert client.post(f"/api/redlines/{lee['id']}/confirm").status_code == 403
    with client_for(create_app(writable_db)) as client:
        assert _board(client)["Mike Lee"]["status"] == "possibly-triggered"


def _board_with(client, headers) -> dict[str, dict]:
    body = client.get("/api/redlines", headers=headers).json()
    return {line["holder"]["name"]: line for line in body["items"]}


# --------------------------------------------------------------------------- positions

def test_positions_api_reads_what_is_stored(client, dbs):
    with Ledger(dbs["full"]) as ledger:
        expected = json.loads(json.dumps(positions(ledger, actor="Vladimir Putin"), default=str))
        expected_changes = json.loads(json.dumps(position_changes(ledger), default=str))
    body = client.get("/api/positions", params={"actor": "Vladimir Putin"}).json()
    assert body["available"] is True and body["items"] == expected
    troops = [p for p in body["items"] if "troops" in p["issue"]["label"]]
    assert len(troops) == 1 and troops[0]["stance"] == "conditional" and troops[0]["statements"] == 2
    assert [h["date"] for h in troops[0]["history"]] == ["2024-03-10", "2024-03-20"]
    assert client.get("/api/positions", params={"changes": "true"}).json()["items"] == expected_changes
    issue = troops[0]["issue"]["id"]
    on_issue = client.get("/api/positions", params={"issue": str(issue)}).json()["items"]
    assert {p["issue"]["id"] for p in on_issue} == {issue} and len(on_issue) >= 2
    assert client.get("/api/positions", params={"actor": "Nobody Atall"}).status_code == 404
    assert client.get("/api/positions", params={"issue": "9999"}).status_code == 404
    issues = client.get("/api/issues").json()["items"]
    assert issue in {i["id"] for i in issues} and all(i["label"] for i in issues)
    rows = list(csv.DictReader(io.StringIO(client.get("/api/positions", params={"format": "csv"}).text)))
    assert rows and {"actor.name", "issue.label", "stance", "history"} <= set(rows[0])


def test_positions_pages(client):
    page = client.get("/positions").text
    assert "Positions by issue" in page and "Vladimir Putin" in page and "stance-conditional" in page
    profile = client.get("/actors/Vladimir%20Putin").text
    section = profile.split("<h2>Positions</h2>", 1)[1].split("<h2>", 1)[0]
    assert "troops" in section and "conditional" in section and "not built yet" not in section
    assert client.get("/positions?issue=no-such-issue-words").status_code == 400


# --------------------------------------------------------------------------- timelines

def test_timelines(client):
    putin = client.get("/api/timelines", params={"name": "Vladimir Putin"}).json()
    said = client.get("/api/statements", params={"actor_id": putin["id"], "limit": 1000}).json()["items"]
    assert putin["kind"] == "actor" and putin["total"] == len(said) >= 3
    march = next(p for p in putin["periods"] if p["period"] == "2024-03")
    assert march["acts"].get("warning") == 2
    assert {s["id"] for s in putin["statements"]} == {s["id"] for s in said}  # fewer than the limit
    dates = [s.get("date") or s["article"]["published"] for s in putin["statements"]]
    assert dates == sorted(dates, reverse=True)  # newest first
    weekly = client.get("/api/timelines", params={"name": "Vladimir Putin", "by": "week"}).json()
    assert weekly["by"] == "week" and sum(p["total"] for p in weekly["periods"]) == putin["total"]
    outlet = client.get("/api/timelines", params={"name": OUTLET}).json()
    voice = client.get(f"/api/outlets/{OUTLET}").json()["voice"]
    assert outlet["kind"] == "outlet" and outlet["own_voice"] == voice["assertion_count"] >= 1
    assert [p["period"] for p in outlet["periods"]] == ["2024-03", "2024-04"]
    assert client.get("/api/timelines", params={"name": "Nobody Atall"}).status_code == 404
    assert client.get("/api/timelines").status_code == 422
    assert client.get("/api/timelines", params={"name": "Putin", "by": "year"}).status_code == 422
    page = client.get("/timeline/Vladimir%20Putin").text
    assert page.count('<rect class="act-') >= 1 and "Latest statements" in page and "2024-03" in page
    assert client.get("/timeline/Nobody%20Atall").status_code == 404


# --------------------------------------------------------------------------- outlet voice

def test_outlet_voice(client):
    body = client.get(f"/api/outlets/{OUTLET}").json()
    voice = body["voice"]
    assert voice["available"] is True and voice["processed"] == body["outlet"]["articles"] == 2
    (closing,) = voice["boilerplate"]
    assert closing["sample"] == CLOSING and closing["count"] == 2 and closing["share"] == 1.0
    assert (closing["first"], closing["last"]) == ("2024-03-20", "2024-04-10")
    assert set(closing["article_ids"]) == {a["id"] for a in body["articles"]}
    own = [a for a in voice["assertions"] if a["text"] == OWN_VOICE]
    assert len(own) == 1 and own[0]["date"] == "2024-03-20"
    article = client.get(f"/api/articles/{own[0]['article']['id']}").json()["article"]
    start, end = own[0]["span"]
    assert article["text"][start:end] == OWN_VOICE
    page = client.get(f"/outlets/{OUTLET}").text
    assert "Boilerplate" in page and "independent newspaper" in page and OWN_VOICE in page
    assert "not built yet" not in page


# --------------------------------------------------------------------------- PostgreSQL

@pytest.mark.skipif(not POSTGRES_URL, reason="NEWSLEDGER_TEST_POSTGRES_URL is not set")
def test_on_postgresql(analyzer, shared_path, tmp_path):
    """The same reads and a decision on a PostgreSQL ledger (a schema of its own)."""
    for name, text in ARTICLES.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    ledger = open_ledger("postgresql", tmp_path)
    try:
        ingest([str(shared_path(*EXAMPLE))] + [str(tmp_path / n) for n in sorted(ARTICLES)], ledger, analyzer)
        before = _tables(ledger)
        with client_for(create_app(ledger)) as client:
            assert client.get("/api/redlines").json()["available"] is False
            assert client.get("/redlines").status_code == client.get("/positions").status_code == 200
        assert _tables(ledger) == before
        update_redlines(ledger)
        update_positions(ledger)
        update_outlet_voice(ledger)
        app = guarded(create_app(ledger, allow_writes=True, token=TOKEN), TOKEN)
        headers = {"authorization": f"Bearer {TOKEN}"}
        with client_for(app) as client:
            board = _board_with(client, headers)
            lee, putin = board["Mike Lee"], board["Vladimir Putin"]
            assert lee["group_id"] == putin["group_id"] and putin["restated"] == ["2024-03-20"]
            done = client.post(f"/api/redlines/{putin['id']}/confirm", headers=headers)
            assert done.status_code == 200 and done.json()["status"] == "confirmed"
            assert _board_with(client, headers)["Vladimir Putin"]["status"] == "confirmed"
            assert client.get("/api/positions", params={"actor": "Vladimir Putin"}, headers=headers).json()["items"]
            voice = client.get(f"/api/outlets/{OUTLET}", headers=headers).json()["voice"]
            assert voice["available"] and voice["boilerplate"][0]["count"] == 2
            for path in ("/redlines", "/positions", f"/outlets/{OUTLET}", "/timeline/Vladimir%20Putin"):
                assert client.get(path, headers=headers).status_code == 200, path
    finally:
        close(ledger)
