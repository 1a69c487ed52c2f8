"""Crash safety (issue 10, point 1): ``newsledger ingest`` killed with SIGKILL, then run again.

A folder of 2,000 short generated articles (real-looking news sentences with attributions,
varied by index) is ingested once cleanly, for reference. Then, into a second database,
``newsledger ingest`` is started 20 times and each time killed with SIGKILL after a random
delay (seeded), drawn from the clean run's real timing: from just before its first commit to
a little past one twentieth of its work, so the kills land while it reads, analyses and
writes. After each kill the database must open and pass ``PRAGMA integrity_check``; after a
last run to completion it must hold every article exactly once and the same statements,
mentions and actors as the clean run.

Takes about two to three minutes (20 start-ups of the pipeline dominate); the timings are
printed, never asserted.
"""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

ARTICLES = 2000
KILLS = 20
SEED = 20251110
BATCH = "16"  # articles per transaction: many commits, so kills also land inside writes

PEOPLE = [("Defence Minister", "Kadri Tamsalu", "she", "Estonia"),
          ("Foreign Minister", "Aino Rautio", "she", "Finland"),
          ("Senator", "Mike Lee", "he", "Utah"),
          ("Prime Minister", "Petteri Orpo", "he", "Finland"),
          ("Commissioner", "Piet Vermeulen", "he", "the European Union"),
          ("Ambassador", "Grigory Lanskoi", "he", "Russia"),
          ("NATO spokeswoman", "Hanne Dahlberg", "she", "NATO"),
          ("Economy Minister", "Ilse Varga", "she", "Hungary"),
          ("Port director", "Tobias Wren", "he", "the port authority"),
          ("Union leader", "Marta Quillon", "she", "the dockers' union")]
TOPICS = ["the undersea cable", "the new port levy", "the fishing quota", "the border crossing",
          "the grain corridor", "the pipeline inspection", "the naval exercise", "the rail link",
          "the ferry timetable", "the tanker ban", "the power interconnector"]
PLACES = ["Tallinn", "Helsinki", "Riga", "Brussels", "Vilnius", "Oslo", "Gdansk", "Stockholm", "Kiel"]
CUES = ["said", "told reporters", "warned", "insisted", "said in a statement"]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]


def article(i: int) -> str:
    """Article ``i``: a dated header, an indirect claim, a direct quote, and a denial."""
    title, name, pronoun, side = PEOPLE[i % len(PEOPLE)]
    topic = TOPICS[(i // 7) % len(TOPICS)]
    place = PLACES[(i // 3) % len(PLACES)]
    cue = CUES[(i // 11) % len(CUES)]
    day = DAYS[i % len(DAYS)]
    weeks = 2 + i % 9
    published = f"2025-{1 + i % 12:02d}-{1 + (i * 7) % 28:02d}"
    quote = (f"“If {topic} stays closed, {side} will act alone,” {pronoun} said."
             if i % 4 == 0 else
             f"“We will not accept another delay on {topic},” {pronoun} said.")
    return (f"date {published} {title} {name} {cue} on {day} in {place} that {topic} would reopen "
            f"within {weeks} weeks, case {i}. {quote} Officials in {place} denied that the talks "
            f"had failed.\n")


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("crash") / "articles"
    folder.mkdir()
    for i in range(ARTICLES):
        (folder / f"{i:05d}.txt").write_text(article(i), encoding="utf-8")
    return folder


def start_ingest(folder: Path, db: Path) -> subprocess.Popen:
    command = [sys.executable, "-c", "from newsledger.cli import main; main()",
               "ingest", str(folder), "--db", str(db), "--batch-size", BATCH]
    env = {**os.environ, "COLUMNS": "200", "NO_COLOR": "1"}
    return subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)


def count(db: Path, table: str = "articles") -> int:
    if not db.exists():
        return 0
    with sqlite3.connect(db, timeout=30) as connection:
        try:
            return connection.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
        except sqlite3.OperationalError:  # killed before the schema was created
            return 0


def integrity(db: Path) -> str:
    with sqlite3.connect(db, timeout=30) as connection:
        return "; ".join(row[0] for row in connection.execute("PRAGMA integrity_check"))


def snapshot(db: Path) -> dict:
    """What must be equal between the clean run and the crashed one."""
    with sqlite3.connect(db, timeout=30) as connection:
        q = lambda sql: connection.execute(sql).fetchall()  # noqa: E731
        return {
            "articles": sorted(q("SELECT id, text, published FROM articles")),
            "statements": sorted(q("SELECT id, article_id, cue, content, content_start FROM statements")),
            "fts": sorted(q("SELECT statement_id FROM statements_fts")),
            "mentions": sorted(q('SELECT article_id, start, "end", text FROM mentions')),
            "speakers": sorted(q("SELECT id, speaker_name, actor_id FROM statements")),
            "actors": sorted(q("SELECT id, name, kind FROM actors")),
        }


def test_ingest_survives_sigkill_at_20_points(corpus, tmp_path):
    # 1. the clean run, timed: when its first batch is committed, and when it ends
    clean = tmp_path / "clean.db"
    began = time.monotonic()
    process = start_ingest(corpus, clean)
    first_commit = None
    while process.poll() is None:
        if first_commit is None and count(clean) > 0:
            first_commit = time.monotonic() - began
        time.sleep(0.1)
    duration = time.monotonic() - began
    out, err = process.communicate()
    assert process.returncode == 0, err.decode()
    assert count(clean) == ARTICLES, out.decode()
    first_commit = first_commit or duration / 2
    work = duration - first_commit

    # 2. twenty runs into another database, each killed at a random point of its run
    crashed = tmp_path / "crashed.db"
    rng = random.Random(SEED)
    outcomes = []
    for _ in range(KILLS):
        delay = rng.uniform(0.8 * first_commit, first_commit + 2.5 * work / KILLS)
        before = count(crashed)
        process = start_ingest(corpus, crashed)
        try:
            process.wait(timeout=delay)
            outcome = "finished"
        except subprocess.TimeoutExpired:
            process.send_signal(signal.SIGKILL)
            process.wait()
            outcome = "killed"
        process.communicate()
        if crashed.exists():
            assert integrity(crashed) == "ok", f"corrupt after a kill at {delay:.1f} s"
        after = count(crashed)
        assert after >= before, "a kill lost articles already stored"
        outcomes.append((outcome, round(delay, 1), before, after))
    print(f"\nclean run {duration:.1f} s (first commit at {first_commit:.1f} s); runs: {outcomes}")
    killed_mid_run = [o for o in outcomes if o[0] == "killed" and o[2] < o[3] < ARTICLES]
    assert killed_mid_run, f"no kill landed after some articles were stored: {outcomes}"

    # 3. a last run to completion: everything stored exactly once, as in the clean run
    process = start_ingest(corpus, crashed)
    out, err = process.communicate(timeout=600)
    assert process.returncode == 0, err.decode()
    assert integrity(crashed) == "ok"
    got, expected = snapshot(crashed), snapshot(clean)
    assert len(got["articles"]) == ARTICLES
    assert len({row[0] for row in got["articles"]}) == ARTICLES
    assert len(got["fts"]) == len(got["statements"]), "search index rows duplicated or missing"
    for part in ("articles", "statements", "fts", "mentions", "speakers", "actors"):
        assert got[part] == expected[part], f"{part} differ from the clean run"
