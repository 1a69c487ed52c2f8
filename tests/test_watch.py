"""``newsledger watch``: polling feed files and URLs, ingesting only new entries, and
remembering what was taken in the ledger.

The feeds are fictional, written for these tests; entries are analysed by the real
pipeline (the session's shared analyzer), so they are kept few and short.
"""

from __future__ import annotations

import http.server
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from typer.testing import CliRunner

from newsledger import cli
from newsledger.store import Ledger
from newsledger.store.feeds import feed_state
from newsledger.watch import Watcher, feed_key, parse_interval

ITEMS = [
    ("hg-1", "Mon, 03 Mar 2025 08:00:00 GMT", "Ferry fares",
     "Harbor councillor Rosa Lind said on Monday that ferry fares would rise by ten percent in May."),
    ("hg-2", "Tue, 04 Mar 2025 08:00:00 GMT", "Pier closed",
     "The harbor master said the old pier would stay closed until the storm damage is repaired."),
    ("hg-3", "Wed, 05 Mar 2025 08:00:00 GMT", "Night buses",
     "Mayor Ivo Brandt announced that night buses would run to the ferry terminal from April."),
]


def rss(items) -> str:
    entries = "".join(
        f"<item><title>{title}</title><guid>{guid}</guid><pubDate>{when}</pubDate>"
        f"<link>https://gazette.example/{guid}</link><description>{text}</description></item>\n"
        for guid, when, title, text in items)
    return ('<?xml version="1.0" encoding="utf-8"?>\n<rss version="2.0"><channel>'
            f"<title>Harbor Gazette</title><link>https://gazette.example/</link>\n{entries}</channel></rss>\n")


def no_analyzer():
    pytest.fail("the analyzer was loaded although no entry was new")


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return tmp_path / "ledger.db"


def test_parse_interval():
    assert [parse_interval(t) for t in ("30s", "15m", "1h", "90", "1.5m", " 2H ")] == [30, 900, 3600, 90, 90, 7200]
    for bad in ("", "15 minutes", "0s", "-5m", "m"):
        with pytest.raises(ValueError):
            parse_interval(bad)


def test_a_feed_file_polled_twice_ingests_only_the_new_entry(tmp_path: Path, db: Path, analyzer):
    feed = tmp_path / "gazette.rss"
    feed.write_text(rss(ITEMS[:2]), encoding="utf-8")
    with Ledger(db) as ledger:
        watcher = Watcher(ledger, lambda: analyzer)
        first = watcher.poll(str(feed))
        assert (first.error, first.entries, first.new, first.added) == (None, 2, 2, 2)
        assert first.statements >= 2
        unchanged = watcher.poll(str(feed))
        assert unchanged.unchanged and unchanged.added == 0 and unchanged.line().endswith("not modified")
        feed.write_text(rss(ITEMS), encoding="utf-8")
        second = watcher.poll(str(feed))
        assert (second.entries, second.new, second.added) == (3, 1, 1)
        assert ledger.counts()["articles"] == 3
        titles = {a["title"] for a in ledger.articles()}
        assert titles == {"Ferry fares", "Pier closed", "Night buses"}
        stored = next(a for a in ledger.articles() if a["title"] == "Night buses")
        assert ledger.article(stored["id"])["extra"]["entry_id"] == "hg-3"
        state = feed_state(ledger, feed_key(str(feed)))
        assert state["last_error"] is None and state["last_success"] is not None


def test_state_survives_a_new_ledger_and_a_new_process(tmp_path: Path, db: Path, analyzer):
    feed = tmp_path / "gazette.rss"
    feed.write_text(rss(ITEMS[:1]), encoding="utf-8")
    with Ledger(db) as ledger:
        assert Watcher(ledger, lambda: analyzer).poll(str(feed)).added == 1
    # The same content written again (a new modification time): every entry is known, so
    # nothing is analysed, even by a watcher that never saw the feed.
    feed.write_text(rss(ITEMS[:1]), encoding="utf-8")
    with Ledger(db) as reopened:
        again = Watcher(reopened, no_analyzer).poll(str(feed))
        assert (again.error, again.entries, again.new, again.added) == (None, 1, 0, 0)
    newsledger = Path(sys.executable).with_name("newsledger")
    done = subprocess.run([str(newsledger), "watch", str(feed), "--once", "--db", str(db)],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == f"{feed}: not modified" and done.stderr == ""


class FeedServer(http.server.BaseHTTPRequestHandler):
    """Serves ``body`` at /feed.xml with ``etag``; answers 304 to a matching If-None-Match."""

    body = b""
    etag = '"v1"'
    requests: list[dict] = []

    def do_GET(self):  # noqa: N802 - http.server's naming
        type(self).requests.append({"path": self.path, "if_none_match": self.headers.get("If-None-Match")})
        if self.path != "/feed.xml":
            self.send_error(404, "Not Found")
            return
        if self.headers.get("If-None-Match") == self.etag:
            self.send_response(304)
            self.end_headers()
            return
        self.send_response(200)
        self.send_header("Content-Type", "application/rss+xml")
        self.send_header("ETag", self.etag)
        self.send_header("Content-Length", str(len(self.body)))
        self.end_headers()
        self.wfile.write(self.body)

    def log_message(self, *args):  # keep the test output clean
        pass


@pytest.fixture
def server():
    FeedServer.requests = []
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), FeedServer)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def test_a_url_is_fetched_with_its_etag(server: str, db: Path, analyzer):
    url = server + "/feed.xml"
    FeedServer.body, FeedServer.etag = rss(ITEMS[:1]).encode(), '"v1"'
    with Ledger(db) as ledger:
        watcher = Watcher(ledger, lambda: analyzer, timeout=10)
        assert watcher.poll(url).added == 1
        assert watcher.poll(url).unchanged  # 304: nothing parsed
        FeedServer.body, FeedServer.etag = rss(ITEMS[:2]).encode(), '"v2"'
        newer = watcher.poll(url)
        assert (newer.entries, newer.new, newer.added) == (2, 1, 1)
        assert [r["if_none_match"] for r in FeedServer.requests] == [None, '"v1"', '"v1"']
        assert feed_state(ledger, url)["etag"] == '"v2"'
        stored = {a["url"]: a for a in ledger.articles()}
        assert set(stored) == {"https://gazette.example/hg-1", "https://gazette.example/hg-2"}
        missing = watcher.poll(server + "/gone.xml")
        assert missing.error == "HTTP 404 Not Found" and missing.line().endswith("HTTP 404 Not Found")


def test_a_feed_that_is_not_xml_is_one_line_and_the_others_go_on(tmp_path: Path, db: Path, analyzer,
                                                                   monkeypatch):
    broken = tmp_path / "broken.xml"
    broken.write_text("This is a note, not a feed { at all }", encoding="utf-8")
    good = tmp_path / "good.rss"
    good.write_text(rss(ITEMS[2:]), encoding="utf-8")
    missing = tmp_path / "missing.rss"
    monkeypatch.setattr(cli, "_analyzer", lambda model, components=None: analyzer)
    result = CliRunner().invoke(cli.app, ["watch", str(broken), str(missing), str(good),
                                          "--once", "--db", str(db)])
    assert result.exit_code == 0, (result.stdout, result.stderr)
    errors = result.stderr.strip().splitlines()
    assert len(errors) == 2
    assert str(broken) in errors[0] and "not an RSS or Atom feed" in errors[0]
    assert str(missing) in errors[1] and "cannot read" in errors[1]
    assert result.stdout.strip().startswith(f"{good}: 1 entries, 1 new, 1 added, ")
    with Ledger(db) as ledger:
        assert ledger.counts()["articles"] == 1
        assert feed_state(ledger, feed_key(str(broken)))["last_error"].startswith("not an RSS or Atom feed")


def test_bad_interval_is_a_usage_error(tmp_path: Path, db: Path):
    result = CliRunner().invoke(cli.app, ["watch", str(tmp_path / "x.rss"), "--every", "soon", "--db", str(db)])
    assert result.exit_code == 2 and "--every" in result.stderr


def test_run_polls_every_interval_until_stopped(tmp_path: Path, db: Path):
    broken = tmp_path / "broken.rss"
    broken.write_text("<rss version='2.0'><channel><title>Cut", encoding="utf-8")
    stop, results = threading.Event(), []

    def collect(result):
        results.append(result)
        if len(results) == 3:
            stop.set()

    with Ledger(db) as ledger:
        runner = threading.Thread(target=Watcher(ledger, no_analyzer).run,
                                  args=([str(broken)], 0.05), kwargs={"stop": stop, "on_result": collect})
        runner.start()
        runner.join(timeout=30)
        assert not runner.is_alive()
        assert len(results) == 3 and all(r.error for r in results)
        once: list = []
        Watcher(ledger, no_analyzer).run([str(broken)], 3600, once=True, on_result=once.append)
        assert len(once) == 1


def test_a_poll_stopped_after_storing_is_finished_by_the_next_start(tmp_path: Path, db: Path, analyzer,
                                                                     monkeypatch):
    """Killed after the entries were stored but before they were linked and marked: the
    restarted watcher analyses nothing again, links them and marks them taken."""
    feed = tmp_path / "gazette.rss"
    feed.write_text(rss(ITEMS[:2]), encoding="utf-8")

    def killed(*args, **kwargs):
        raise KeyboardInterrupt

    with Ledger(db) as ledger, monkeypatch.context() as patch:
        patch.setattr("newsledger.ingest.link_stories", killed)
        with pytest.raises(KeyboardInterrupt):
            Watcher(ledger, lambda: analyzer).poll(str(feed))
        assert ledger.counts()["articles"] == 2 and "stories" not in ledger.counts()
        assert feed_state(ledger, feed_key(str(feed))) is None  # the poll was never recorded
    with Ledger(db) as reopened:
        watcher = Watcher(reopened, no_analyzer)
        again = watcher.poll(str(feed))
        assert (again.error, again.entries, again.new, again.added) == (None, 2, 2, 0)
        assert reopened.counts()["stories"] == 2
        assert all(a["story"] for a in map(reopened.article, (a["id"] for a in reopened.articles())))
        assert watcher.poll(str(feed)).unchanged


def test_one_story_in_two_feeds_is_one_story_carried_by_both(tmp_path: Path, db: Path, analyzer):
    gazette, island = tmp_path / "gazette.rss", tmp_path / "island.rss"
    gazette.write_text(rss(ITEMS[:1]), encoding="utf-8")
    island.write_text(rss([("ip-7", "Tue, 04 Mar 2025 06:00:00 GMT", "Fares up", ITEMS[0][3])])
                      .replace("Harbor Gazette", "Island Post"), encoding="utf-8")
    with Ledger(db) as ledger:
        watcher = Watcher(ledger, lambda: analyzer)
        assert [watcher.poll(str(f)).added for f in (gazette, island)] == [1, 1]
        counts = ledger.counts()
        assert (counts["articles"], counts["stories"]) == (2, 1)
        [record] = ledger.statements(search="ferry fares")
        assert record["story"]["outlets"] == ["Harbor Gazette", "Island Post"]
        assert [(c["outlet"], c["published"]) for c in record["carried_by"]] == [
            ("Harbor Gazette", "2025-03-03"), ("Island Post", "2025-03-04")]
