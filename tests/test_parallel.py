"""``ingest --workers N`` and ``--ray``: spread analysis gives the ledger a single process gives.

The pools' mechanics (order, bounded read-ahead, errors, a worker that dies) are checked
with a stand-in pipeline whose workers start at once; the end-to-end checks spawn real
workers, each loading spaCy (seconds each), so they run as few times as possible: one
2-worker ingest shared by the comparison and problem-report tests, one interrupted run,
and on a local Ray cluster (started once for the module) one ingest into a ledger and one
into Parquet shards loaded afterwards. Every end-to-end check compares the export byte for
byte with one single-process run of the same corpus.
"""

from __future__ import annotations

import io
import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from contextlib import closing
from pathlib import Path

import pytest
from typer.testing import CliRunner

from conftest import in_ci
from newsledger import cli
from newsledger.cluster import RayPool
from newsledger.ingest import ingest
from newsledger.model import Article
from newsledger.output import write_jsonl
from newsledger.parallel import WorkerError, WorkerPool, hold_interrupts
from newsledger.store import Ledger

from scale_corpus import EchoSpec, article_text, write_corpus

runner = CliRunner()
CONSOLE_SCRIPT = Path(sys.executable).with_name("newsledger")
DEADLINE = 600  # seconds: only so that a hung run fails instead of hanging the suite


def export(db: Path) -> str:
    with Ledger(db) as ledger:
        stream = io.StringIO()
        write_jsonl(ledger.iter_statements(), stream)
    return stream.getvalue()


def single_process_export(folder: Path, db: Path, analyzer) -> str:
    with Ledger(db) as ledger:
        ingest([str(folder)], ledger, analyzer, workers=1)
    return export(db)


def ok(result) -> None:
    assert result.exit_code == 0, (result.stdout, result.stderr, result.exception)


@pytest.fixture(autouse=True)
def shared_analyzer(monkeypatch, analyzer):
    """The CLI's in-process analysis uses the session's pipeline (workers load their own)."""
    monkeypatch.setattr(cli, "_analyzer", lambda model, components=None: analyzer)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    folder = write_corpus(tmp_path_factory.mktemp("corpus") / "articles")
    (folder / "zz-broken.json").write_text('{"text": "Half a record', encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def expected(corpus: Path, tmp_path_factory, analyzer) -> str:
    """The export of one single-process ingest of ``corpus``: what every other run must give."""
    records = single_process_export(corpus, tmp_path_factory.mktemp("one") / "one.db", analyzer)
    assert len(records.splitlines()) > 100
    return records


@pytest.fixture(scope="module")
def two_workers(corpus: Path, tmp_path_factory):
    """One ``ingest --workers 2`` through the CLI: (result, database)."""
    db = tmp_path_factory.mktemp("workers") / "ledger.db"
    result = runner.invoke(cli.app, ["ingest", str(corpus), "--db", str(db), "--workers", "2",
                                     "--batch-size", "5"])
    return result, db


# -- the pool itself (stand-in pipeline) ------------------------------------------------------


def articles(n: int, special: dict[int, str] | None = None) -> list[Article]:
    special = special or {}
    return [Article(text=special.get(i, f"article {i}")) for i in range(n)]


def test_pool_keeps_input_order():
    items = articles(40)
    with WorkerPool(2, EchoSpec(), chunk_size=3) as pool:
        results = list(pool.analyze_articles(items))
    assert [a.text for a, _ in results] == [a.text for a in items]
    assert [s[0].content for _, s in results] == [a.text for a in items]
    assert f"pid {os.getpid()}" not in {s[0].cue for _, s in results}  # done by the workers


def test_pool_reads_its_input_only_as_fast_as_it_is_consumed():
    pulled = []

    def stream():
        for i in range(10_000):
            pulled.append(i)
            yield Article(text=f"article {i}")

    with WorkerPool(2, EchoSpec(), chunk_size=4, max_in_flight=3) as pool:
        results = pool.analyze_articles(stream())
        for _ in range(10):
            next(results)
        results.close()
    # 10 consumed, at most 3 chunks of 4 in flight beyond the one being read from
    assert len(pulled) <= 10 + 4 * 4


def test_pool_reports_a_failing_article():
    with pytest.raises(WorkerError, match="boom"):
        with WorkerPool(2, EchoSpec(), chunk_size=2) as pool:
            list(pool.analyze_articles(articles(12, {7: "boom"})))


def test_pool_reports_a_worker_that_dies():
    with pytest.raises(WorkerError, match="stopped unexpectedly"):
        with WorkerPool(2, EchoSpec(), chunk_size=2) as pool:
            list(pool.analyze_articles(articles(12, {5: "exit"})))


def test_hold_interrupts_finishes_the_block_first():
    finished = False
    with pytest.raises(KeyboardInterrupt):
        with hold_interrupts():
            os.kill(os.getpid(), signal.SIGINT)
            finished = True
    assert finished


# -- end to end with real workers ----------------------------------------------------------------


def test_two_workers_export_the_same_ledger_as_one(two_workers, expected: str):
    result, db = two_workers
    ok(result)
    assert result.stdout.startswith("32 articles read, 32 added, 0 already stored, 1 skipped")
    assert export(db) == expected  # byte for byte


def test_a_corrupt_file_is_reported_and_skipped_with_workers(two_workers, corpus: Path):
    result, db = two_workers
    problems = [line for line in result.stderr.splitlines() if line.startswith("skipped:")]
    assert len(problems) == 1 and "zz-broken.json" in problems[0]
    with Ledger(db) as ledger:
        assert ledger.counts()["articles"] == 32


def _group_alive(pgid: int) -> list[int]:
    """Processes still in the process group ``pgid``."""
    alive = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[2]) == pgid and fields[0] != "Z":
                alive.append(int(entry.name))
    return alive


def _stored(db: Path) -> int:
    """Articles stored so far, read without ever writing: opening a ``Ledger`` here could
    create the schema, and so wait for the write lock behind the ingest's batches."""
    if not db.exists():
        return 0
    try:
        with closing(sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1)) as connection:
            return connection.execute("SELECT count(*) FROM articles").fetchone()[0]
    except sqlite3.Error:  # the schema is being created right now
        return 0


def _default_sigint() -> None:
    signal.signal(signal.SIGINT, signal.SIG_DFL)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads process groups from /proc")
def test_ctrl_c_keeps_finished_batches_and_a_rerun_completes(tmp_path: Path, analyzer):
    folder = tmp_path / "many"
    folder.mkdir()
    for n in range(160):  # enough work that Ctrl-C lands mid-run
        (folder / f"report-{n:03d}.txt").write_text(article_text(n), encoding="utf-8")
    db = tmp_path / "ledger.db"
    command = [str(CONSOLE_SCRIPT), "ingest", str(folder), "--db", str(db), "--workers", "2",
               "--batch-size", "4"]
    # A session of its own: SIGINT to the group is what Ctrl-C in a terminal sends. SIGINT is
    # reset to its default in the child because a shell without job control starts background
    # commands (`.ci/run &` in a script) with SIGINT ignored, and that would be inherited.
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                               text=True, start_new_session=True,
                               preexec_fn=_default_sigint)
    deadline = time.monotonic() + DEADLINE
    while _stored(db) < 8 and process.poll() is None and time.monotonic() < deadline:
        time.sleep(0.2)
    os.killpg(process.pid, signal.SIGINT)
    stdout, stderr = process.communicate(timeout=DEADLINE)
    assert process.returncode == 130, (stdout, stderr)
    assert "interrupted; the batches stored before are kept" in stderr
    assert "Traceback" not in stderr
    while _group_alive(process.pid) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert _group_alive(process.pid) == []  # the workers went with it
    kept = _stored(db)
    assert 8 <= kept < 160

    rerun = runner.invoke(cli.app, ["ingest", str(folder), "--db", str(db), "--workers", "1"])
    assert rerun.exit_code == 0, (rerun.stdout, rerun.stderr, rerun.exception)
    assert rerun.stdout.startswith(f"160 articles read, {160 - kept} added, {kept} already stored")
    records = export(db)
    ids = [json.loads(line)["id"] for line in records.splitlines()]
    assert len(ids) == len(set(ids))
    assert records == single_process_export(folder, tmp_path / "one.db", analyzer)


# -- a local Ray cluster ------------------------------------------------------------------------


@pytest.fixture(scope="module")
def ray_cluster():
    """A Ray cluster on this machine (2 CPUs) for the module; this process is its driver.

    ``--ray auto`` then uses this connection. The tests folder is on the workers' path so
    that actors can load the stand-in pipeline."""
    if in_ci():  # CI installs the scale extra: a missing Ray is a failure there
        import ray
    else:
        ray = pytest.importorskip("ray")
    pytest.importorskip("pyarrow")
    tests = str(Path(__file__).resolve().parent)
    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False,
             object_store_memory=100 * 1024 * 1024,
             runtime_env={"env_vars": {"PYTHONPATH": tests}})
    yield ray
    ray.shutdown()


def test_ray_pool_keeps_input_order_and_reports_a_failing_article(ray_cluster):
    items = articles(30)
    with RayPool("auto", EchoSpec(), actors=2, chunk_size=4) as pool:
        results = list(pool.analyze_articles(items))
    assert [s[0].content for _, s in results] == [a.text for a in items]
    assert len({s[0].cue for _, s in results}) == 2  # both actors took chunks
    with pytest.raises(WorkerError, match="boom"):
        with RayPool("auto", EchoSpec(), actors=2, chunk_size=2) as pool:
            list(pool.analyze_articles(articles(12, {7: "boom"})))
    assert ray_cluster.is_initialized()  # a connection it did not open is left open


def test_ray_ingest_exports_the_same_ledger_as_one_process(ray_cluster, corpus: Path, tmp_path: Path,
                                                          expected: str):
    db = tmp_path / "ray.db"
    result = runner.invoke(cli.app, ["ingest", str(corpus), "--db", str(db), "--ray", "auto",
                                     "--workers", "2", "--batch-size", "5"])
    ok(result)
    assert result.stdout.startswith("32 articles read, 32 added, 0 already stored, 1 skipped")
    assert export(db) == expected


def test_shards_written_on_ray_load_into_the_same_ledger(ray_cluster, corpus: Path, tmp_path: Path,
                                                        expected: str):
    shards, db = tmp_path / "shards", tmp_path / "loaded.db"
    ingest_shards = ["ingest", str(corpus), "--shards", str(shards), "--ray", "auto",
                     "--workers", "1", "--batch-size", "6"]
    ok(runner.invoke(cli.app, ingest_shards))
    assert len(list(shards.glob("part-*.parquet"))) == 6  # 32 articles, 6 a shard
    assert not db.exists()  # shards only: no ledger written
    again = runner.invoke(cli.app, ingest_shards)  # a re-run skips what the shards hold
    ok(again)
    assert again.stdout.startswith("32 articles read, 0 added, 32 already stored")

    loaded = runner.invoke(cli.app, ["load", str(shards), "--db", str(db), "--batch-size", "7"])
    ok(loaded)
    assert loaded.stdout.startswith("32 articles read, 32 added, 0 already stored")
    assert export(db) == expected  # speakers resolved at load time, in the same order
    reloaded = runner.invoke(cli.app, ["load", str(shards), "--db", str(db)])
    ok(reloaded)
    assert reloaded.stdout.startswith("32 articles read, 0 added, 32 already stored")


def test_load_reports_a_folder_that_is_not_shards(tmp_path: Path):
    result = runner.invoke(cli.app, ["load", str(tmp_path / "nowhere"), "--db", str(tmp_path / "x.db")])
    assert result.exit_code == 1
    assert "is not a folder of shards" in result.stderr
