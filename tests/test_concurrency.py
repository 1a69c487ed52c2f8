"""Concurrency (issue 10, point 4), with real processes: ``newsledger serve`` and
``newsledger ingest`` run as subprocesses, on SQLite (WAL) and, when
NEWSLEDGER_TEST_POSTGRES_URL is set, PostgreSQL (a schema of its own).

- Reads while ingest writes: a server answers every request (status 200, whole JSON, counts
  that never go down) while an ingest adds articles to the same database; at least one read
  must land while the ingest runs and see part of its work.
- Two ingests at once into one database, over overlapping folders (articles 0-59 and
  30-89): both finish, the database passes its integrity check, every article is stored
  once, and the statements, search rows and mentions are those of one ingest of the union
  into a fresh database (speakers may resolve differently, since the articles are met in
  another order, so actors are checked for duplicates only).

Requests go only to 127.0.0.1 and stop after a bounded count or time. Timings are printed,
never asserted.
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from sqlalchemy import text

from newsledger.ingest import ingest
from newsledger.store import Ledger
from position_stream import BACKENDS, close, db_argument, open_ledger
from scale_corpus import article_text

CLI = [sys.executable, "-c", "from newsledger.cli import main; main()"]
ENV = {**os.environ, "COLUMNS": "200", "NO_COLOR": "1"}
MAX_READS = 2000


def write_articles(folder: Path, numbers: range) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for n in numbers:
        (folder / f"article-{n:04d}.txt").write_text(article_text(n), encoding="utf-8")
    return folder


def start(*args: str, log: Path) -> subprocess.Popen:
    with log.open("ab") as out:
        return subprocess.Popen([*CLI, *args], stdin=subprocess.DEVNULL, stdout=out,
                                stderr=subprocess.STDOUT, env=ENV, start_new_session=True)


def stop(process: subprocess.Popen) -> None:
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def get_json(url: str) -> tuple[int, dict]:
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            return response.status, json.loads(response.read())
    except urllib.error.HTTPError as error:
        return error.code, {}


@pytest.fixture(params=BACKENDS)
def backend(request) -> str:
    return request.param


@pytest.fixture
def ledger(backend, tmp_path):
    opened = open_ledger(backend, tmp_path)
    yield opened
    close(opened)


def rows(ledger: Ledger) -> dict[str, list]:
    with ledger.engine.connect() as connection:
        q = lambda sql: sorted(tuple(r) for r in connection.execute(text(sql)))  # noqa: E731
        found = {
            "articles": q("SELECT id, text FROM articles"),
            "statements": q("SELECT id, article_id, cue, content, content_start FROM statements"),
            "mentions": q('SELECT article_id, start, "end", text FROM mentions'),
            "actor_ids": q("SELECT id FROM actors"),
        }
        if ledger.dialect == "sqlite":
            found["search"] = q("SELECT statement_id FROM statements_fts")
            found["integrity"] = [tuple(r) for r in connection.execute(text("PRAGMA integrity_check"))]
        return found


def test_reads_go_on_while_ingest_writes(ledger, tmp_path):
    db, log = db_argument(ledger), tmp_path / "processes.log"
    first = write_articles(tmp_path / "first", range(0, 5))
    more = write_articles(tmp_path / "more", range(5, 125))
    assert subprocess.run([*CLI, "ingest", str(first), "--db", db, "--workers", "1", "--model", "rules", "--no-analysis"], env=ENV,
                          capture_output=True).returncode == 0
    if ledger.dialect == "sqlite":
        with ledger.engine.connect() as connection:
            assert connection.execute(text("PRAGMA journal_mode")).scalar_one() == "wal"
    port = free_port()
    server = start("serve", "--db", db, "--port", str(port), log=log)
    writer = None
    base = f"http://127.0.0.1:{port}"
    try:
        began = time.monotonic()
        while get_json_or_none(f"{base}/api") is None:
            assert server.poll() is None and time.monotonic() - began < 120, log.read_text()
            time.sleep(0.2)
        writer = start("ingest", str(more), "--db", db, "--workers", "1", "--batch-size", "8", "--model", "rules", "--no-analysis", log=log)
        seen, during, failures = [], 0, []
        while len(seen) < MAX_READS:
            running = writer.poll() is None
            status, body = get_json(f"{base}/api")
            listing_status, listing = get_json(f"{base}/api/statements?limit=50&speaker=Voss")
            if status != 200 or listing_status != 200 or "items" not in listing:
                failures.append((status, listing_status))
            else:
                seen.append(body["counts"]["articles"])
                during += running and 5 < seen[-1] < 125
            if not running:
                break
            time.sleep(0.05)
        assert writer.wait(300) == 0, log.read_text()
    finally:
        for process in (writer, server):
            if process is not None:
                stop(process)
    print(f"\n{len(seen)} reads, {during} of them during the ingest, counts {seen[:3]}…{seen[-3:]}")
    assert not failures, failures
    assert seen == sorted(seen), "a read saw fewer articles than an earlier one"
    assert during, "no read landed while the ingest was writing"
    assert ledger.counts()["articles"] == 125


def get_json_or_none(url: str) -> dict | None:
    try:
        status, body = get_json(url)
    except OSError:  # not listening yet
        return None
    return body if status == 200 else None


def test_two_ingests_at_once_neither_corrupt_nor_duplicate(ledger, backend, tmp_path, rules_analyzer):
    # Every table is registered on the schema's metadata (store/__init__.py), so opening a
    # ledger creates them all under the schema lock: no table is left to create on first use.
    db, log = db_argument(ledger), tmp_path / "processes.log"
    left = write_articles(tmp_path / "left", range(0, 60))
    right = write_articles(tmp_path / "right", range(30, 90))
    began = time.monotonic()
    ingests = [start("ingest", str(folder), "--db", db, "--workers", "1", "--batch-size", "4", "--model", "rules", "--no-analysis",
                     log=log)
               for folder in (left, right)]
    try:
        codes = [process.wait(600) for process in ingests]
    finally:
        for process in ingests:
            stop(process)
    print(f"\ntwo ingests at once: {time.monotonic() - began:.1f} s")
    assert codes == [0, 0], log.read_text(errors="replace")[-3000:]

    (tmp_path / "reference").mkdir()
    reference = open_ledger(backend, tmp_path / "reference")
    try:
        union = write_articles(tmp_path / "union", range(0, 90))
        ingest([str(union)], reference, rules_analyzer)
        expected = rows(reference)
    finally:
        close(reference)
    got = rows(ledger)
    assert len(got["articles"]) == 90 and len({a for a, _ in got["articles"]}) == 90
    assert len(got["actor_ids"]) == len(set(got["actor_ids"]))
    for part in ("articles", "statements", "mentions", "search", "integrity"):
        if part in expected:
            assert got[part] == expected[part], f"{part} differ from one ingest of the union"
