"""Injection (issue 10, point 5): every filter of the JSON API, the pages and the CLI, fed
SQL and search-syntax payloads, on SQLite and (when NEWSLEDGER_TEST_POSTGRES_URL is set)
PostgreSQL.

The ledger holds the real articles of ``position_stream`` (Lena Holm, Marko Vidal, … in
"civictimes" and other outlets), ingested by the pipeline. For each filter:

- a real value finds its statements (the filter works, so an empty answer below means
  something);
- the real value with a payload appended (``Holm' OR '1'='1``, ``Holm%``, …) and each payload
  alone find nothing that the real value did not: no payload widens a filter, and the
  substring and exact filters find nothing at all (no stored name holds quotes, ``%`` or
  SQL), where a string pasted into SQL would have matched every row;
- no request answers 500 and no command dies with a traceback: typed parameters (dates,
  acts, kinds, cursors, limits) are refused with 400/422 or one line and exit code 2;
- afterwards every table holds the same rows (no ``DROP`` or ``DELETE`` ran).

Full-text ``search`` takes plain words only (see ``store/search.py``): for it the check is
that every statement found contains every word of the payload.
"""

from __future__ import annotations

import json
import re
import traceback
import warnings
from urllib.parse import quote

import pytest
from sqlalchemy import inspect, text
from typer.testing import CliRunner

from newsledger.cli import app as cli_app
from newsledger.web import create_app
from position_stream import BACKENDS, close, db_argument, stream_ledger

with warnings.catch_warnings():
    warnings.simplefilter("ignore", UserWarning)
    from fastapi.testclient import TestClient

PAYLOADS = [
    "' OR '1'='1", "' OR 1=1 --", '" OR ""="', "') OR ('x'='x", "1 OR 1=1",
    "'; DROP TABLE statements; --", "1; DELETE FROM articles", "x'); DROP TABLE articles; --",
    "' UNION SELECT id, text, NULL, NULL FROM articles --", "%", "_", "%%", "%' --", "\\", "\\%",
    "*", "Holm*", "NEAR(Holm Vidal)", "content:Holm", "\"Holm\" OR \"Vidal\"", "-Holm", "^Holm",
    "\x00", "Holm\x00' OR 1=1", "\u202e' RO 1=1 --", "ʼ OR ʼ1ʼ=ʼ1", "$1", ":speaker", "?", "{0}",
    "%s", "'" * 200, "Holm" + "'" * 5000,
]
WORD = r"[^\W_]+"  # the search index's words: letters and digits ("_" separates, as in FTS5)
REAL = {"speaker": "Holm", "outlet": "civictimes"}  # values that find statements


@pytest.fixture(scope="module", params=BACKENDS)
def ledger(request, tmp_path_factory, analyzer):
    opened = stream_ledger(request.param, tmp_path_factory.mktemp(f"injection-{request.param}"), analyzer)
    yield opened
    close(opened)


@pytest.fixture(scope="module")
def client(ledger):
    with TestClient(create_app(ledger), base_url="http://localhost") as test_client:
        yield test_client


@pytest.fixture(scope="module")
def everything(client) -> dict[str, dict]:
    """Every statement record, by id (the reference the filtered answers are compared to)."""
    items = client.get("/api/statements", params={"limit": 500}).json()["items"]
    assert len(items) >= 5, "the stream gives statements to filter"
    return {item["id"]: item for item in items}


def snapshot(ledger) -> dict[str, int]:
    """Rows in every table (the tables themselves are listed too: a DROP shows)."""
    with ledger.engine.connect() as connection:
        names = sorted(inspect(connection).get_table_names())
        return {name: connection.execute(text(f'SELECT count(*) FROM "{name}"')).scalar_one()
                for name in names if not name.startswith("statements_fts_")}


def ids(response) -> set[str]:
    assert response.status_code == 200, (response.request.url, response.status_code, response.text[:300])
    return {item["id"] for item in response.json()["items"]}


def words_in(record: dict, payload: str) -> bool:
    """Every plain word of ``payload`` is a word of the record's content, cue or speaker."""
    speaker = (record.get("speaker") or {})
    haystack = " ".join(str(v) for v in (record.get("content"), record.get("cue"), speaker.get("name"),
                                          speaker.get("mention")) if v)
    found = {w.casefold() for w in re.findall(WORD, haystack)}
    return all(w.casefold() in found for w in re.findall(WORD, payload))


# -- the JSON API ------------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["speaker", "outlet"])
def test_api_substring_and_exact_filters(client, ledger, everything, name):
    before = snapshot(ledger)
    found = ids(client.get("/api/statements", params={name: REAL[name], "limit": 500}))
    assert found, f"{name}={REAL[name]} finds statements"
    widened = [value for payload in PAYLOADS for value in (payload, REAL[name] + payload)
               if not (name == "speaker" and "\x00" in value)  # see the next test
               and ids(client.get("/api/statements", params={name: value, "limit": 500}))]
    assert not widened
    assert snapshot(ledger) == before


def test_api_speaker_of_nul_only_finds_nothing(client):
    assert not ids(client.get("/api/statements", params={"speaker": "\x00"}))


@pytest.mark.parametrize("name", ["actor_id", "article_id"])
def test_api_id_filters(client, ledger, everything, name):
    before = snapshot(ledger)
    record = next(r for r in everything.values() if (r.get("speaker") or {}).get("actor_id") or name == "article_id")
    real = record["speaker"]["actor_id"] if name == "actor_id" else record["article"]["id"]
    assert record["id"] in ids(client.get("/api/statements", params={name: real, "limit": 500}))
    widened = [value for payload in PAYLOADS for value in (payload, real + payload)
               if ids(client.get("/api/statements", params={name: value}))]
    assert not widened
    assert snapshot(ledger) == before


def test_api_search_takes_plain_words_only(client, ledger, everything):
    before = snapshot(ledger)
    assert ids(client.get("/api/statements", params={"search": "retirement age"}))
    for payload in PAYLOADS + ["retirement' OR '1'='1", "retirement OR pension", "retirement -age"]:
        found = ids(client.get("/api/statements", params={"search": payload, "limit": 500}))
        assert all(words_in(everything[i], payload) for i in found), payload
        assert len(found) < len(everything) or not re.findall(r"\w+", payload), payload
    assert snapshot(ledger) == before


@pytest.mark.parametrize("name, expected", [("act", 422), ("since", 422), ("until", 422),
                                            ("conditional", 422), ("limit", 422), ("format", 422),
                                            ("after", 400)])
def test_api_typed_filters_refuse_payloads(client, ledger, name, expected):
    before = snapshot(ledger)
    for payload in PAYLOADS:
        if name == "after" and "\x00" in payload:
            continue  # see test_cursor_with_nul_is_refused
        response = client.get("/api/statements", params={name: payload})
        if name == "after" and response.status_code == 200:  # an unknown cursor may list nothing
            assert not response.json()["items"], payload
            continue
        assert response.status_code == expected, (name, payload, response.status_code, response.text[:200])
        assert response.json()["detail"]
    assert snapshot(ledger) == before


def test_cursor_with_nul_is_refused(client, ledger):
    for path in ("/api/statements", "/search"):
        response = client.get(path, params={"after": "Holm\x00' OR 1=1"})
        assert response.status_code in (200, 400), (path, response.status_code)


def test_api_other_listings_and_path_parameters(client, ledger):
    before = snapshot(ledger)
    assert ids(client.get("/api/articles", params={"outlet": "civictimes"}))
    for payload in PAYLOADS:
        assert not ids(client.get("/api/articles", params={"outlet": payload})), payload
        assert client.get("/api/articles", params={"after": payload}).status_code in (200, 400)
        assert client.get("/api/actors", params={"kind": payload}).status_code == 422
        for path in ("/api/statements/", "/api/articles/", "/api/outlets/", "/api/actors/",
                     "/statements/", "/articles/", "/outlets/", "/actors/"):
            response = client.get(path + quote(payload, safe=""))
            assert response.status_code in (200, 404), (path, payload, response.status_code)
            if response.status_code == 200 and path == "/api/outlets/":
                assert not response.json().get("statements"), payload
    assert snapshot(ledger) == before


def test_pages_filters(client, ledger):
    before = snapshot(ledger)
    for payload in PAYLOADS:
        for params in ({"search": payload}, {"speaker": payload}, {"outlet": payload},
                       {"act": payload}, {"since": payload}, {"after": payload}, {"limit": payload}):
            if "after" in params and "\x00" in payload:
                continue  # see test_cursor_with_nul_is_refused
            for path in ("/search", "/articles"):
                response = client.get(path, params=params)
                assert response.status_code in (200, 400, 422), (path, params, response.status_code)
                if response.status_code == 200 and "speaker" in params and payload != "\x00":
                    assert "Lena Holm" not in response.text, payload
    assert snapshot(ledger) == before


# -- the command line --------------------------------------------------------------------------


def run(*args: str):
    result = CliRunner().invoke(cli_app, list(args))
    assert result.exception is None or isinstance(result.exception, SystemExit), \
        (args, "".join(traceback.format_exception(result.exception)))
    return result


def cli_ids(result) -> set[str]:
    assert result.exit_code == 0, result.output
    return {json.loads(line)["id"] for line in result.stdout.splitlines() if line.strip()}


@pytest.mark.parametrize("name", ["speaker", "outlet", "search"])
def test_cli_statement_filters(ledger, everything, name):
    before, db = snapshot(ledger), db_argument(ledger)
    real = REAL.get(name, "retirement")
    assert cli_ids(run("statements", "--db", db, "--json", f"--{name}", real))
    for payload in PAYLOADS:
        if "\x00" in payload:  # no command line can carry a NUL byte
            continue
        for value in (payload, real + payload):
            found = cli_ids(run("statements", "--db", db, "--json", f"--{name}", value))
            if name == "search":
                assert all(words_in(everything[i], value) for i in found), value
            else:
                assert not found, value
    assert snapshot(ledger) == before


@pytest.mark.parametrize("option", ["--act", "--since", "--until"])
def test_cli_typed_filters_refuse_payloads(ledger, option):
    before, db = snapshot(ledger), db_argument(ledger)
    for payload in PAYLOADS:
        if "\x00" in payload:
            continue
        result = run("statements", "--db", db, "--json", option, payload)
        assert result.exit_code != 0 and not result.stdout.strip(), (option, payload, result.output)
    assert snapshot(ledger) == before


@pytest.mark.parametrize("command", [("actor",), ("outlet",), ("timeline",), ("actors", "--kind"),
                                     ("positions", "--actor"), ("positions", "--issue"),
                                     ("redlines", "show")])
def test_other_commands_take_payloads_as_plain_values(ledger, command):
    """Names and ids looked up by the other commands: an answer or one line, never a crash,
    nothing changed (commands that bring their analysis up to date may add rows of their
    own, so only the articles, statements and mentions are compared)."""
    db = db_argument(ledger)
    kept = {k: v for k, v in snapshot(ledger).items() if k in ("articles", "statements", "mentions", "actors")}
    for payload in PAYLOADS[:12] + ["%", "_", "*"]:
        result = run(*command, payload, "--db", db)
        assert result.exit_code in (0, 1, 2), (command, payload, result.exit_code, result.output)
        assert "Traceback" not in result.output
        assert "Lena Holm" not in result.stdout, (command, payload)
    now = {k: v for k, v in snapshot(ledger).items() if k in kept}
    assert now == kept
