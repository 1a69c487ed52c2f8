"""Crash safety (issue 10, point 1): ``newsledger ingest`` killed with SIGKILL, then run again.

A folder of 1,000 short generated articles (real-looking news sentences with attributions,
varied by index) is ingested once cleanly (``--workers 1``), for reference. Then, into a
second database, ``newsledger ingest`` is started 20 times (five of them with two worker
processes, the others analysing in the main process), and each time its main process is
killed with SIGKILL after a random delay (seeded), drawn from the clean run's real timing: from just before its first commit to a
little past one twentieth of its work, so the kills land while it starts workers, reads,
analyses and writes. After each kill the database must open and pass ``PRAGMA
integrity_check``, hold at least what it held before, and no worker process may outlive its
killed parent for long (an orphan would keep analysing, and hold pipes open, for nothing).
After a last run to completion the database must hold every article exactly once and the
same statements, search rows, mentions and actors as the clean run.

Output goes to files, not pipes, so a full pipe never stalls a run before its kill. The run
time (22 start-ups of the pipeline dominate) is printed, never asserted.
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

ARTICLES = 1000  # 2,000 until 2026-12-03: the same kills, half the CI time
KILLS = 20
SEED = 20251110
BATCH = "16"  # articles per transaction: many commits, so kills also land inside writes
ORPHAN_WAIT = 30.0  # seconds a worker may take to notice its parent is gone (it polls each second)

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
    """Article ``i``: a dated header and an indirect claim; every fourth also a conditional
    quote (short, so 22 runs over 1,000 articles fit in a CI run)."""
    title, name, pronoun, side = PEOPLE[i % len(PEOPLE)]
    topic = TOPICS[(i // 7) % len(TOPICS)]
    place = PLACES[(i // 3) % len(PLACES)]
    cue = CUES[(i // 11) % len(CUES)]
    day = DAYS[i % len(DAYS)]
    published = f"2025-{1 + i % 12:02d}-{1 + (i * 7) % 28:02d}"
    text = (f"date {published} {title} {name} {cue} on {day} in {place} that {topic} would reopen "
            f"within {2 + i % 9} weeks, case {i}.")
    if i % 4 == 0:
        text += f" “If {topic} stays closed, {side} will act alone,” {pronoun} said."
    return text + "\n"


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("crash") / "articles"
    folder.mkdir()
    for i in range(ARTICLES):
        (folder / f"{i:05d}.txt").write_text(article(i), encoding="utf-8")
    return folder


def start_ingest(folder: Path, db: Path, log: Path, workers: int = 1) -> subprocess.Popen:
    """``newsledger ingest`` in a session of its own (its workers share its process group)."""
    command = [sys.executable, "-c", "from newsledger.cli import main; main()", "ingest", str(folder),
               "--db", str(db), "--batch-size", BATCH, "--workers", str(workers),
               # what is stored is under test, not what the tagger finds: the rules are the
               # quickest variant, and the derived analyses are rebuilt anyway
               "--model", "rules", "--no-analysis"]
    env = {**os.environ, "COLUMNS": "200", "NO_COLOR": "1"}
    with log.open("ab") as out:
        return subprocess.Popen(command, stdin=subprocess.DEVNULL, stdout=out, stderr=subprocess.STDOUT,
                                env=env, start_new_session=True)


def group_alive(group: int) -> bool:
    """Whether any process of ``group`` still runs (zombies, dead but not reaped, do not count)."""
    proc = Path("/proc")
    if not proc.is_dir():  # not Linux: ask the kernel (a zombie would count as alive here)
        try:
            os.killpg(group, 0)
        except ProcessLookupError:
            return False
        return True
    for stat in proc.glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[2]) == group and fields[0] != "Z":
            return True
    return False


def kill_group(group: int) -> None:
    try:
        os.killpg(group, signal.SIGKILL)
    except ProcessLookupError:
        pass


def run_to_end(folder: Path, db: Path, log: Path) -> float:
    """Run ingest to completion; its duration, in seconds."""
    began = time.monotonic()
    process = start_ingest(folder, db, log)
    try:
        assert process.wait(timeout=900) == 0, log.read_text(errors="replace")[-3000:]
    finally:
        kill_group(process.pid)
    return time.monotonic() - began


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
    log = tmp_path / "ingest.log"
    # 1. the clean run, timed: when its first batch is committed, and when it ends
    clean = tmp_path / "clean.db"
    began = time.monotonic()
    process = start_ingest(corpus, clean, log)
    first_commit = None
    try:
        while process.poll() is None and time.monotonic() - began < 900:
            if first_commit is None and count(clean) > 0:
                first_commit = time.monotonic() - began
            time.sleep(0.1)
    finally:
        kill_group(process.pid)
    duration = time.monotonic() - began
    assert process.wait() == 0, log.read_text(errors="replace")[-3000:]
    assert count(clean) == ARTICLES
    first_commit = first_commit or duration / 2
    work = duration - first_commit

    # 2. twenty runs into another database, each killed at a random point of its run
    crashed = tmp_path / "crashed.db"
    rng = random.Random(SEED)
    outcomes, orphans = [], []
    for n in range(KILLS):
        delay = rng.uniform(0.8 * first_commit, first_commit + 2.5 * work / KILLS)
        workers = 2 if n % 4 == 1 else 1  # five runs with worker processes
        before = count(crashed)
        process = start_ingest(corpus, crashed, log, workers=workers)
        try:
            process.wait(timeout=delay)
            outcome = "finished"
        except subprocess.TimeoutExpired:
            process.send_signal(signal.SIGKILL)  # the main process only, as an OOM killer would
            process.wait()
            outcome = "killed"
            waited = time.monotonic()
            while group_alive(process.pid) and time.monotonic() - waited < ORPHAN_WAIT:
                time.sleep(0.2)
            if group_alive(process.pid):
                orphans.append(f"run {n} ({workers} workers, killed at {delay:.1f} s)")
        finally:
            kill_group(process.pid)
        if crashed.exists():
            assert integrity(crashed) == "ok", f"corrupt after a kill at {delay:.1f} s"
        after = count(crashed)
        assert after >= before, "a kill lost articles already stored"
        outcomes.append((outcome, workers, round(delay, 1), before, after))
    print(f"\nclean run {duration:.1f} s (first commit at {first_commit:.1f} s); runs: {outcomes}")
    killed_mid_run = [o for o in outcomes if o[0] == "killed" and o[3] < o[4] < ARTICLES]
    assert killed_mid_run, f"no kill landed after some articles were stored: {outcomes}"

    # 3. a last run to completion: everything stored exactly once, as in the clean run
    run_to_end(corpus, crashed, log)
    assert integrity(crashed) == "ok"
    got, expected = snapshot(crashed), snapshot(clean)
    assert len(got["articles"]) == ARTICLES
    assert len({row[0] for row in got["articles"]}) == ARTICLES
    assert len(got["fts"]) == len(got["statements"]), "search index rows duplicated or missing"
    for part in ("articles", "statements", "fts", "mentions", "speakers", "actors"):
        assert got[part] == expected[part], f"{part} differ from the clean run"
    assert not orphans, f"worker processes outlived their killed parent by {ORPHAN_WAIT:.0f} s: {orphans}"
