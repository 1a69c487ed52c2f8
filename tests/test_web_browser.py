"""End to end in a real headless Chromium (Debian's ``chromium``, driven by Playwright).

The app is served by uvicorn in a background thread on a free port, over the ledger that
``test_web_api.build_ledger`` makes from the fictional articles. Each test looks at what a
person sees; screenshots are kept under ``test-artifacts/web/`` (gitignored). Every page
is also checked for script errors and Content-Security-Policy violations, so an inline
script or handler slipped into a template fails here.
"""

from __future__ import annotations


import pytest

from browser_support import ARGS, ARTIFACTS, CHROMIUM, require_chromium, served

from test_web_api import HOSTILE_IMG, HOSTILE_SCRIPT, build_ledger

require_chromium()

sync_api = pytest.importorskip("playwright.sync_api")


@pytest.fixture(scope="module")
def base_url(tmp_path_factory):
    from newsledger.nlp.pipeline import Analyzer
    from newsledger.store import Ledger
    from newsledger.web import create_app

    db = build_ledger(tmp_path_factory.mktemp("browser"), Analyzer())
    ledger = Ledger(db)
    with served(create_app(ledger)) as url:
        yield url
    ledger.close()


@pytest.fixture(scope="module")
def browser():
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    with sync_api.sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=ARGS)
        yield chromium
        chromium.close()


@pytest.fixture()
def page(browser):
    """A fresh page that records script errors, console errors (CSP reports) and dialogs."""
    context = browser.new_context(viewport={"width": 1200, "height": 900})
    opened = context.new_page()
    opened.problems = []
    opened.dialogs = []
    opened.on("pageerror", lambda error: opened.problems.append(f"page error: {error}"))
    opened.on("console", lambda message: opened.problems.append(f"console: {message.text}")
              if message.type == "error" else None)

    def on_dialog(dialog):
        opened.dialogs.append(dialog.message)
        dialog.dismiss()

    opened.on("dialog", on_dialog)
    yield opened
    context.close()


def shot(page, name: str) -> None:
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)


def open_ok(page, url: str) -> None:
    response = page.goto(url)
    assert response is not None and response.status == 200, url
    assert "script-src 'self'" in response.headers["content-security-policy"]


def test_each_page_loads(page, base_url):
    pages = {"search": "/search", "articles": "/articles", "actors": "/actors",
             "redlines": "/redlines", "outlets": "/outlets", "docs": "/docs"}
    for name, path in pages.items():
        open_ok(page, base_url + path)
        assert page.locator("h1").first.is_visible()
        assert page.locator("header.top nav a[aria-current='page']").count() == 1
        shot(page, f"page-{name}")
    open_ok(page, base_url + "/outlets")
    page.locator("table.list a").first.click()
    assert "Outlet voice is not built yet" in page.inner_text("main")
    shot(page, "page-outlet")
    assert page.problems == [] and page.dialogs == []


def test_search_then_article_shows_the_attributions(page, base_url):
    open_ok(page, base_url + "/search")
    page.fill("#q", "dam")
    page.check("input[name=conditional]")
    page.click("form.search button[type=submit]")
    page.wait_for_url("**/search?*")
    results = page.locator(".result")
    assert results.count() >= 1
    first = results.first
    assert "Ilse Marten" in first.inner_text()
    assert first.locator(".hl-match").first.inner_text().lower() == "dam"
    shot(page, "search-results")

    first.locator("a.to-article").click()
    page.wait_for_url("**/articles/*")
    assert page.inner_text("h1") == "Valdoria draws a red line over the Brenn dam"
    text = page.locator("#article-text")
    sources = [s.strip() for s in text.locator(".hl-source").all_inner_texts()]
    cues = [c.strip() for c in text.locator(".hl-cue").all_inner_texts()]
    assert any("Ilse Marten" in s for s in sources) and "Marten" in sources
    assert "warned" in cues and "said" in cues
    assert any("supply line" in c for c in text.locator(".hl-content").all_inner_texts())
    assert text.locator(".hl-condition").count() >= 1
    colours = {role: text.locator(f".hl-{role}:not(.hl-cue):not(.hl-source)" if role == "content"
                                  else f".hl-{role}").first.evaluate(
                   "el => getComputedStyle(el).backgroundColor") for role in ("source", "cue", "content")}
    assert len(set(colours.values())) == 3, colours  # three distinct colours

    source = text.locator(".hl-source", has_text="Ilse Marten").first
    source.hover()
    tip = page.locator("#tip")
    tip.wait_for(state="visible")
    card = tip.inner_text()
    # "her government would close the northern border if …": her own side's act, a threat
    assert "Ilse Marten" in card and "threat" in card and "2031-04-01" in card
    assert "if Ostmark diverts the Brenn river" in card
    assert text.locator(".hl.active").count() >= 3  # the whole attribution lights up
    shot(page, "article")
    assert page.problems == [] and page.dialogs == []


def test_hostile_article_renders_as_text(page, base_url):
    open_ok(page, base_url + "/articles")
    page.locator("a", has_text="Hostile").click()
    page.wait_for_url("**/articles/*")
    heading = page.inner_text("h1")
    assert heading == "Hostile <script>alert('title')</script> headline"
    shown = page.inner_text("#article-text")
    assert HOSTILE_SCRIPT in shown and HOSTILE_IMG in shown
    assert page.locator("#article-text script, #article-text img, main img").count() == 0
    assert page.locator(".statement .content", has_text=HOSTILE_SCRIPT).count() == 1
    assert page.locator("a[href^='javascript:']").count() == 0
    page.wait_for_timeout(300)  # an onerror would have fired by now
    shot(page, "article-hostile")
    assert page.dialogs == [] and page.problems == []

    open_ok(page, base_url + "/search?search=portal")
    assert HOSTILE_SCRIPT in page.inner_text(".result .evidence")
    assert page.dialogs == []


def test_csp_blocks_inline_script(page, base_url):
    open_ok(page, base_url + "/search")
    ran = page.evaluate("""() => {
        const s = document.createElement('script');
        s.textContent = 'window.__inline_ran = true';
        document.body.appendChild(s);
        return window.__inline_ran === true;
    }""")
    assert ran is False
    assert any("Content Security Policy" in p for p in page.problems)


def test_click_through_article_actor_red_lines(page, base_url):
    open_ok(page, base_url + "/search?speaker=marten")
    page.locator("a.to-article").first.click()
    page.wait_for_url("**/articles/*")
    actor_links = page.locator(".statement a", has_text="actor")
    if actor_links.count():
        actor_links.first.click()
        page.wait_for_url("**/actors/*")
        heading = page.inner_text("h1")
        assert heading in ("Ilse Marten", "Actor")
        main = page.inner_text("main")
        assert "Positions are not built yet" in main or "not built yet" in main
        if heading == "Ilse Marten":
            assert page.locator(".chart svg rect").count() >= 1
        shot(page, "actor")
    page.click("header.top nav >> text=Red lines")
    page.wait_for_url("**/redlines")
    assert "Red lines are not built yet" in page.inner_text(".empty-state")
    page.click("text=See the conditional statements")
    page.wait_for_url("**/search?conditional=true")
    assert page.locator(".result .badge-if").count() == page.locator(".result").count() >= 1
    shot(page, "redlines-to-conditional")
    assert page.problems == [] and page.dialogs == []
