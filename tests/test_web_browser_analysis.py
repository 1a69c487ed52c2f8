"""The red-line board in a real headless Chromium (Debian's ``chromium``, driven by Playwright).

The app is served by uvicorn in a background thread on a free port, with writes allowed and
a token, over the ledger ``test_web_analysis.build`` makes (the worked example, a
restatement of Putin's red line and a report of France sending troops to Ukraine, with the
analyses computed). A person opens the board once with ``?token=``, sees Lee's and Putin's
red lines under one trigger, clicks "Confirm" on Putin's possible trigger and sees its
status change; the form carries the CSRF token, and no page breaks the Content-Security-
Policy. Screenshots go to ``test-artifacts/web/``.
"""

from __future__ import annotations


import pytest

from browser_support import ARGS, ARTIFACTS, CHROMIUM, require_chromium, served

from test_web_analysis import EXAMPLE, TOKEN, build, guarded

require_chromium()

sync_api = pytest.importorskip("playwright.sync_api")


@pytest.fixture(scope="module")
def base_url(analyzer, shared_path, tmp_path_factory):
    from newsledger.store import Ledger
    from newsledger.web import create_app

    dbs = build(tmp_path_factory.mktemp("browser-analysis"), analyzer, shared_path(*EXAMPLE))
    ledger = Ledger(dbs["full"])
    app = guarded(create_app(ledger, allow_writes=True, token=TOKEN), TOKEN)
    with served(app) as url:
        yield url
    ledger.close()


@pytest.fixture()
def page():
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=ARGS)
        context = browser.new_context(viewport={"width": 1200, "height": 900})
        opened = context.new_page()
        opened.problems = []
        opened.on("pageerror", lambda error: opened.problems.append(f"page error: {error}"))
        opened.on("console", lambda message: opened.problems.append(f"console: {message.text}")
                  if message.type == "error" else None)
        yield opened
        context.close()
        browser.close()


def _line(page, holder: str):
    return page.locator("article.redline", has=page.locator("header .holder", has_text=holder))


def test_confirm_a_possibly_triggered_red_line(page, base_url):
    response = page.goto(f"{base_url}/redlines?token={TOKEN}")
    assert response is not None and response.status == 200
    assert page.url == f"{base_url}/redlines"  # the token went into a cookie, out of the address
    group = page.locator("section.rl-group", has=page.locator("header .holder", has_text="Vladimir Putin"))
    assert group.count() == 1 and group.locator("header .holder", has_text="Mike Lee").count() == 1
    putin = _line(page, "Vladimir Putin")
    assert putin.locator(".status").first.inner_text() == "possibly-triggered"
    assert "Reuters" in putin.locator(".matches").inner_text()
    assert "2024-03-20" in putin.locator("dl.facts").inner_text()  # restated
    page.screenshot(path=str(ARTIFACTS / "redlines-before.png"), full_page=True)

    putin.locator("button.confirm").click()
    page.wait_for_url("**/redlines#rl-*")
    putin = _line(page, "Vladimir Putin")
    assert putin.locator(".status").first.inner_text() == "confirmed"
    assert "rl-confirmed" in putin.get_attribute("class")
    assert putin.locator(".match .status").inner_text() == "confirmed"
    # Lee's red line, on the same trigger, awaits its own decision.
    assert _line(page, "Mike Lee").locator(".status").first.inner_text() == "possibly-triggered"
    page.screenshot(path=str(ARTIFACTS / "redlines-confirmed.png"), full_page=True)

    page.goto(f"{base_url}/redlines?status=confirmed")
    assert page.locator("article.redline").count() == 1
    assert page.problems == []


def test_analysis_pages_render_cleanly(page, base_url):
    page.goto(f"{base_url}/positions?token={TOKEN}")
    assert page.locator("header.top nav a[aria-current='page']").inner_text() == "Positions"
    assert page.locator("table.positions tbody tr").count() >= 1
    page.locator("table.positions a", has_text="Vladimir Putin").first.click()
    page.wait_for_url("**/actors/*")
    assert page.locator("table.positions .stance").count() >= 1
    page.click("text=timeline")
    page.wait_for_url("**/timeline/*")
    assert page.locator(".chart svg rect").count() >= 1
    page.screenshot(path=str(ARTIFACTS / "timeline.png"), full_page=True)
    page.goto(f"{base_url}/outlets/harbourgazette")
    assert "independent newspaper" in page.locator("table.boilerplate").inner_text()
    page.screenshot(path=str(ARTIFACTS / "outlet-voice.png"), full_page=True)
    assert page.problems == []
