"""The web app's JSON API and pages through FastAPI's TestClient.

The ledger is built once for the module from fictional articles written for these tests
(one of them hostile: markup and script inside the text and the title), ingested with the
real pipeline; the spaCy pipeline is shared module-wide. Assertions about what the
pipeline found are derived from the ledger itself where they can be, so they hold while
the pipeline improves. Exposure rules and ``newsledger serve`` are in test_web_security.py,
the real browser in test_web_browser.py.
"""

from __future__ import annotations

import csv
import io
import json
import re
import warnings
from pathlib import Path
from urllib.parse import quote

import pytest

from newsledger import output
from newsledger.ingest import ingest
from newsledger.nlp.pipeline import Analyzer
from newsledger.store import Ledger
from newsledger.web import create_app, features

with warnings.catch_warnings():  # starlette's notice that it prefers httpx2 over httpx
    warnings.simplefilter("ignore", UserWarning)
    from fastapi.testclient import TestClient

ARTICLES = [
    {"title": "Valdoria draws a red line over the Brenn dam", "outlet": "Harbor Gazette",
     "url": "https://gazette.example/valdoria-dam", "date": "2031-04-02",
     "text": "Valdorian Prime Minister Ilse Marten warned on Tuesday that her government would "
             "close the northern border if Ostmark diverts the Brenn river. \u201cIf they touch "
             "the dam, we will cut every supply line,\u201d Marten said.\n\nOstmark's foreign "
             "minister, Tomas Reyl, denied that any diversion was planned. The ministry said the "
             "project was purely agricultural."},
    {"title": "Ostmark rules out talks", "outlet": "Northern Ledger",
     "url": "https://ledger.example/ostmark-talks", "date": "2031-04-09",
     "text": "Tomas Reyl ruled out new talks with Valdoria until the border reopens. \u201cWe will "
             "not negotiate under threat,\u201d he told reporters in Ostgrad.\n\nAnalysts said the "
             "dispute could drag on for months."},
    {"title": "Hostile <script>alert('title')</script> headline", "outlet": "harbor gazette",
     "url": "javascript:alert('url')", "date": "2031-04-10",
     "text": "Council spokesperson Mara Voss said that <script>alert('xss')</script> was found on "
             "the portal. \u201cThe image <img src=x onerror=alert(1)> broke the page,\u201d Voss "
             "said on Wednesday.\n\nThe council said it would fix the site."},
]
UNDATED = "The harbor master said the old pier would stay closed for the winter.\n"
HOSTILE_SCRIPT = "<script>alert('xss')</script>"
HOSTILE_IMG = "<img src=x onerror=alert(1)>"
CONTRACT_KEYS = {
    "id", "article", "speaker", "source_span", "cue", "cue_span", "content", "content_span",
    "quote", "date", "date_basis", "venue", "act", "negated", "condition", "consequence",
    "targets", "confidence",
}
PAGES = ["/", "/search", "/search?search=dam", "/articles", "/actors", "/redlines", "/outlets",
         "/outlets/Harbor%20Gazette", "/docs"]
LOCAL = "http://localhost"


def build_ledger(folder: Path, analyzer: Analyzer) -> Path:
    """The test ledger: the fictional articles (JSON lines) and one undated text file."""
    folder.mkdir(parents=True, exist_ok=True)
    feed = folder / "articles.jsonl"
    feed.write_text("".join(json.dumps(a) + "\n" for a in ARTICLES), encoding="utf-8")
    (folder / "pier.txt").write_text(UNDATED, encoding="utf-8")
    db = folder / "ledger.db"
    with Ledger(db) as ledger:
        summary = ingest([str(feed), str(folder / "pier.txt")], ledger, analyzer)
    assert summary.added == 4 and summary.statements >= 8, summary.line()
    return db


@pytest.fixture(scope="module")
def analyzer() -> Analyzer:
    return Analyzer()


@pytest.fixture(scope="module")
def db(tmp_path_factory, analyzer) -> Path:
    return build_ledger(tmp_path_factory.mktemp("web"), analyzer)


@pytest.fixture(scope="module")
def ledger(db):
    with Ledger(db) as opened:
        yield opened


@pytest.fixture(scope="module")
def client(ledger):
    with TestClient(create_app(ledger), base_url=LOCAL) as test_client:
        yield test_client


@pytest.fixture(scope="module")
def everything(ledger) -> list[dict]:
    return ledger.statements()


def hostile_article(ledger) -> dict:
    return next(a for a in ledger.articles() if "Hostile" in (a["title"] or ""))


def assert_no_inline_code(html: str) -> None:
    """What the CSP forbids must not be in our templates: inline scripts, event handlers,
    inline styles, javascript: links, and nothing loaded from elsewhere."""
    for tag in re.findall(r"<script\b[^>]*>", html, re.I):
        assert re.search(r'\bsrc="/static/', tag), tag
    assert not re.search(r"<[a-z][^>]*\son[a-z]+\s*=", html, re.I)
    assert not re.search(r"<[a-z][^>]*\sstyle\s*=", html, re.I)
    assert "javascript:" not in html.lower().replace("javascript:alert(&#39;url&#39;)", "")
    assert not re.search(r'(?:src|href)="(?:https?:)?//(?!gazette\.example|ledger\.example)', html)


# -- the API ---------------------------------------------------------------------------------


def test_overview(client, ledger):
    body = client.get("/api").json()
    assert body["counts"] == ledger.counts()
    assert body["read_only"] is True
    assert body["parts"]["statements"] and not body["parts"]["redlines"]


def test_statements_are_contract_records(client, everything):
    body = client.get("/api/statements", params={"limit": 1000}).json()
    assert body["items"] == everything and body["count"] == len(everything)
    assert body["next"] is None and body["available"] is True
    for record in body["items"]:
        assert CONTRACT_KEYS <= set(record)


def test_cursor_paging_walks_everything_once(client, everything):
    seen, url, pages = [], "/api/statements?limit=3", 0
    while url:
        body = client.get(url).json()
        assert len(body["items"]) <= 3
        seen += [r["id"] for r in body["items"]]
        url = body["next_url"]
        assert (body["next"] is None) == (url is None)
        pages += 1
    assert seen == [r["id"] for r in everything]
    assert pages == -(-len(everything) // 3)


def test_paging_keeps_filters(client, ledger):
    wanted = [r["id"] for r in ledger.statements(outlet="harbor gazette")]
    first = client.get("/api/statements", params={"outlet": "HARBOR GAZETTE", "limit": 2}).json()
    second = client.get(first["next_url"]).json()
    assert [r["id"] for r in first["items"] + second["items"]] == wanted[:4]


@pytest.mark.parametrize("params, keep", [
    ({"speaker": "marten"}, lambda r: "marten" in ((r["speaker"]["name"] or "") + (r["speaker"]["mention"] or "")).lower()),
    ({"outlet": "Northern Ledger"}, lambda r: r["article"]["outlet"] == "Northern Ledger"),
    ({"since": "2031-04-09"}, lambda r: (r["date"] or r["article"]["published"] or "") >= "2031-04-09"),
    ({"until": "2031-04-02"}, lambda r: "" < (r["date"] or r["article"]["published"] or "") <= "2031-04-02"),
    ({"conditional": "true"}, lambda r: r["condition"] is not None),
    ({"conditional": "false"}, lambda r: r["condition"] is None),
])
def test_filters_match_the_records(client, everything, params, keep):
    got = client.get("/api/statements", params={**params, "limit": 1000}).json()["items"]
    assert [r["id"] for r in got] == [r["id"] for r in everything if keep(r)]
    assert got, f"the fictional articles should give a statement for {params}"


def test_act_actor_and_article_filters(client, everything):
    for act in {r["act"] for r in everything}:
        got = client.get("/api/statements", params={"act": act}).json()["items"]
        assert got and all(r["act"] == act for r in got)
    actor_id = next(r["speaker"]["actor_id"] for r in everything if r["speaker"]["actor_id"])
    got = client.get("/api/statements", params={"actor_id": actor_id}).json()["items"]
    assert got and all(r["speaker"]["actor_id"] == actor_id for r in got)
    article_id = everything[0]["article"]["id"]
    got = client.get("/api/statements", params={"article_id": article_id}).json()["items"]
    assert got == [r for r in everything if r["article"]["id"] == article_id]


def test_full_text_search(client):
    got = client.get("/api/statements", params={"search": "dam supply"}).json()["items"]
    assert got and all("dam" in r["content"] and "supply" in r["content"] for r in got)
    assert client.get("/api/statements", params={"search": "SUPPLY dam"}).json()["items"] == got
    assert client.get("/api/statements", params={"search": "dam zeppelin"}).json()["items"] == []


@pytest.mark.parametrize("params, status", [
    ({"since": "2031-02-30"}, 422), ({"until": "yesterday"}, 422), ({"act": "shout"}, 422),
    ({"limit": 0}, 422), ({"limit": 100000}, 422), ({"conditional": "maybe"}, 422),
    ({"format": "xml"}, 422), ({"after": "no-such-statement"}, 400),
])
def test_bad_parameters_are_clear_errors(client, params, status):
    response = client.get("/api/statements", params=params)
    assert response.status_code == status
    assert response.json()["detail"]


def test_single_statement(client, everything):
    record = everything[-1]
    assert client.get(f"/api/statements/{record['id']}").json() == record
    assert client.get("/api/statements/nope").status_code == 404


def test_articles_listing_paging_and_detail(client, ledger, everything):
    articles = ledger.articles()
    body = client.get("/api/articles").json()
    assert body["items"] == articles and body["items"][-1]["published"] is None  # undated last
    first = client.get("/api/articles", params={"limit": 3}).json()
    rest = client.get(first["next_url"]).json()
    assert first["items"] + rest["items"] == articles and rest["next"] is None
    assert client.get("/api/articles", params={"outlet": "harbor GAZETTE"}).json()["count"] == 2
    assert client.get("/api/articles", params={"after": "nope"}).status_code == 400
    article = articles[0]
    detail = client.get(f"/api/articles/{article['id']}").json()
    assert detail["article"]["text"].startswith("Valdorian Prime Minister")
    assert detail["statements"] == [r for r in everything if r["article"]["id"] == article["id"]]
    listing = client.get(f"/api/articles/{article['id']}/statements", params={"limit": 2}).json()
    assert listing["items"] == detail["statements"][:2]
    assert client.get("/api/articles/nope").status_code == 404
    assert client.get("/api/articles/nope/statements").status_code == 404


def test_downloads_are_the_export_format(client, ledger):
    jsonl = client.get("/api/statements", params={"format": "jsonl"})
    expected = io.StringIO()
    output.write_jsonl(ledger.iter_statements(), expected)
    assert jsonl.text == expected.getvalue()
    assert jsonl.headers["content-type"].startswith("application/x-ndjson")
    assert 'filename="statements.jsonl"' in jsonl.headers["content-disposition"]
    table = client.get("/api/statements", params={"format": "csv", "act": "denial"})
    rows = list(csv.DictReader(io.StringIO(table.text)))
    assert table.text.split("\r\n", 1)[0].split(",")[:3] == output.CSV_COLUMNS[:3]
    assert rows and all(row["act"] == "denial" for row in rows)
    limited = client.get("/api/statements", params={"format": "jsonl", "limit": 2}).text
    assert limited.count("\n") == 2


def test_other_listings_download(client, ledger):
    rows = list(csv.DictReader(io.StringIO(client.get("/api/articles?format=csv").text)))
    assert [r["id"] for r in rows] == [a["id"] for a in ledger.articles()]
    outlets = [json.loads(line) for line in client.get("/api/outlets?format=jsonl").text.splitlines()]
    assert {o["name"].casefold() for o in outlets} == {"harbor gazette", "northern ledger"}
    assert next(o for o in outlets if o["name"].casefold() == "harbor gazette")["articles"] == 2
    article = ledger.articles()[0]
    per_article = client.get(f"/api/articles/{article['id']}/statements?format=csv")
    assert per_article.status_code == 200 and per_article.text.count("\n") == article["statements"] + 1


@pytest.mark.parametrize("part", ["redlines", "positions"])
def test_parts_not_built_are_empty_states(client, part):
    body = client.get(f"/api/{part}").json()
    assert body["items"] == [] and body["available"] is False and "not built yet" in body["message"]
    for fmt in ("csv", "jsonl"):
        response = client.get(f"/api/{part}", params={"format": fmt})
        assert response.status_code == 200 and response.text == ""


def test_outlet_detail(client):
    body = client.get("/api/outlets/HARBOR gazette").json()
    assert body["outlet"]["articles"] == 2 and len(body["articles"]) == 2
    assert body["voice"]["available"] is False
    assert client.get("/api/outlets/Nobody").status_code == 404


def test_actors_when_built(client, everything):
    if not features.actors_available():
        pytest.skip("the actors stage does not import here")
    body = client.get("/api/actors").json()
    names = {a["name"] for a in body["items"]}
    assert "Ilse Marten" in names
    marten = next(a for a in body["items"] if a["name"] == "Ilse Marten")
    profile = client.get(f"/api/actors/{marten['id']}").json()
    assert profile["available"] and profile["actor"]["name"] == "Ilse Marten"
    assert profile["positions"]["available"] is False
    assert client.get("/api/actors/nobody-at-all").status_code == 404
    assert client.get("/api/actors?kind=person&format=csv").status_code == 200


def test_actors_missing_is_an_empty_state(client, monkeypatch):
    monkeypatch.setattr(features, "list_actors", None)
    monkeypatch.setattr(features, "actor_profile", None)
    body = client.get("/api/actors").json()
    assert body["available"] is False and "not built yet" in body["message"]
    assert client.get("/api/actors/anyone").json()["available"] is False
    for path in ("/actors", "/actors/anyone"):
        page = client.get(path)
        assert page.status_code == 200 and "not built yet" in page.text


def test_openapi_and_docs(client):
    schema = client.get("/openapi.json").json()
    for path in ("/api/statements", "/api/statements/{statement_id}", "/api/articles",
                 "/api/articles/{article_id}", "/api/redlines", "/api/actors", "/api/outlets"):
        assert path in schema["paths"]
    params = {p["name"] for p in schema["paths"]["/api/statements"]["get"]["parameters"]}
    assert {"search", "speaker", "actor_id", "act", "outlet", "since", "until", "conditional",
            "after", "limit", "format"} <= params
    docs = client.get("/docs").text
    assert "/api/statements" in docs and "threat" in docs  # the act choices are listed
    assert "cdn" not in docs.lower()


# -- injection: every filter takes hostile text as plain values --------------------------------

HOSTILE_VALUES = ["' OR 1=1 --", '"; DROP TABLE statements; --', "%", "_", "\\", "*",
                  'NEAR(dam supply)', '"dam zeppelin', "dam OR zeppelin", "dam -zeppelin",
                  "\x00", "ʼ؜\u200b̈"]


@pytest.mark.parametrize("name", ["search", "speaker", "actor_id", "outlet", "article_id", "after"])
def test_injection_in_every_text_filter(client, ledger, name):
    before = ledger.counts()
    for value in HOSTILE_VALUES:
        response = client.get("/api/statements", params={name: value})
        assert response.status_code in (200, 400), (name, value, response.text)
        if response.status_code == 200 and not (name == "speaker" and value == "\x00"):
            # (the store drops NUL from a speaker needle, so "\x00" alone filters nothing)
            assert response.json()["items"] == [], (name, value)
        page = client.get("/search", params={name: value})
        assert page.status_code in (200, 400)
    if name == "search":  # query syntax is plain words: quotes and operators are not special
        plain = client.get("/api/statements", params={"search": "dam"}).json()["items"]
        assert plain and client.get("/api/statements", params={"search": '"dam*'}).json()["items"] == plain
    for value in HOSTILE_VALUES:
        for path in ("/api/articles", "/articles"):
            assert client.get(path, params={"outlet": value}).status_code in (200, 400)
        assert client.get(f"/api/statements/{quote(value, safe='')}").status_code == 404
    assert ledger.counts() == before


# -- pages -----------------------------------------------------------------------------------


@pytest.mark.parametrize("path", PAGES)
def test_pages_load_with_security_headers(client, path):
    response = client.get(path)
    assert response.status_code == 200 and response.headers["content-type"].startswith("text/html")
    csp = response.headers["content-security-policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp and "default-src 'none'" in csp
    assert response.headers["x-content-type-options"] == "nosniff"
    assert response.headers["x-frame-options"] == "DENY"
    assert_no_inline_code(response.text)


def test_every_article_and_actor_page_is_clean(client, ledger):
    for article in ledger.articles():
        page = client.get(f"/articles/{article['id']}")
        assert page.status_code == 200
        assert_no_inline_code(page.text)
    for path in ("/api/statements", "/static/style.css", "/static/app.js", "/nope", "/articles/nope"):
        assert "content-security-policy" in client.get(path).headers


def test_article_page_marks_source_cue_content(client, ledger):
    article = ledger.articles()[0]
    html = client.get(f"/articles/{article['id']}").text
    for role in ("source", "cue", "content", "condition"):
        assert f"hl-{role}" in html
    assert re.search(r'class="hl hl-source"[^>]*title="Ilse Marten — \w+', html)
    statements = ledger.statements(article_id=article["id"])
    for record in statements:
        assert f'id="t-{record["id"]}"' in html and f'id="st-{record["id"]}"' in html


def test_hostile_text_is_escaped_everywhere(client, ledger):
    article = hostile_article(ledger)
    pages = [client.get(f"/articles/{article['id']}").text,
             client.get("/search", params={"search": "portal"}).text,
             client.get("/search", params={"search": "image page"}).text,
             client.get("/articles").text, client.get("/outlets/harbor%20gazette").text]
    for html in pages:
        assert "<script>alert" not in html and "<img src=x" not in html
        assert_no_inline_code(html)
    article_html, search_html = pages[0], pages[1]
    assert "&lt;script&gt;alert(&#39;xss&#39;)&lt;/script&gt;" in article_html
    assert "&lt;img src=x onerror=alert(1)&gt;" in article_html
    assert "Hostile &lt;script&gt;alert(&#39;title&#39;)&lt;/script&gt; headline" in article_html
    assert "&lt;script&gt;alert(&#39;xss&#39;)&lt;/script&gt;" in search_html
    assert 'href="javascript:' not in article_html  # a javascript: url is shown, not linked


def test_search_page_filters_and_errors(client, ledger):
    html = client.get("/search", params={"search": "dam", "conditional": "true",
                                         "outlet": "Harbor Gazette", "act": "", "since": ""}).text
    assert 'class="result"' in html and "hl-match" in html
    assert "/api/statements?outlet=Harbor+Gazette&amp;search=dam&amp;conditional=true&amp;format=csv" in html
    bad = client.get("/search", params={"since": "2031-13-01", "act": "shout"})
    assert bad.status_code == 400
    assert "is not a date" in bad.text and "is not one of" in bad.text
    assert client.get("/search", params={"after": "nope"}).status_code == 400
    paged = client.get("/search", params={"limit": 2}).text
    assert paged.count('class="result"') == 2 and 'rel="next"' in paged


def test_statement_link_redirects_to_its_place(client, everything):
    record = everything[0]
    response = client.get(f"/statements/{record['id']}", follow_redirects=False)
    assert response.status_code == 303
    assert response.headers["location"] == f"/articles/{record['article']['id']}#t-{record['id']}"
    assert client.get("/statements/nope").status_code == 404


def test_empty_states_never_error(client):
    assert "Red lines are not built yet" in client.get("/redlines").text
    outlet = client.get("/outlets/Northern%20Ledger").text
    assert "Outlet voice is not built yet" in outlet and "Ostmark rules out talks" in outlet


def test_empty_ledger(tmp_path):
    with TestClient(create_app(tmp_path / "empty.db"), base_url=LOCAL) as empty:
        for path in PAGES[:-2] + ["/outlets"]:
            assert empty.get(path).status_code == 200, path
        assert "An empty ledger" in empty.get("/search").text
        assert empty.get("/api/statements").json()["items"] == []
