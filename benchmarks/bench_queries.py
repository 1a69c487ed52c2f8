#!/usr/bin/env python
"""Query latency at scale: load N synthetic statements, then time the ledger's reads.

    python benchmarks/bench_queries.py [--db FILE|URL] [--statements 1000000] [--queries 200] [--json]

The ledger (a SQLite file by default, or ``--db postgresql://...``; its tables are emptied
first) is filled with synthetic rows written in bulk with SQLAlchemy Core: ``--statements``
statements over one fifth as many articles, spoken by ``--actors`` actors whose shares
follow Zipf's law (the most quoted actor has about a tenth of all statements, as in news),
with contents drawn from a 3,000-word vocabulary; red lines for one statement in 500 (three
pieces of evidence and one candidate match each). Rows are what ``Ledger.add`` would store,
except that the statement records are shortened; the counts by actor and month that
``Ledger.add`` keeps are then computed once, as migration 0004 does.

Then, each timed ``--queries`` times on a warm database (after one untimed pass), with
p50/p95/max in milliseconds:

- ``actor_timeline``: ``analysis.timelines.subject_timeline`` for an actor (counts by
  date and act, the 20 latest statements), actors drawn uniformly; and ``top_actor``, the
  same for the most quoted actor (a tenth of the ledger), as the worst case;
- ``actor_by_name``: ``analysis.timelines.timeline`` by name (name resolution included);
- ``search``: ``Ledger.statements(search=two words, limit=50)``, words drawn by frequency;
- ``redline_board``: ``analysis.redline_board.redline_board`` (every red line with its
  status), and ``redline``: one red line in full.

(Until 2026-12-03 each set also ran with a proposed ``canonical_ids`` patched in; that
change is now in ``store/positions.py``, so one set runs.)

It prints figures only; nothing passes or fails on time (the issue's target: actor
timeline p95 <= 50 ms at 1M statements on both backends).
"""

from __future__ import annotations

import argparse
import json
import platform
import random
import statistics
import sys
import time
from datetime import date, datetime, timedelta, timezone
from itertools import accumulate
from typing import Any, Callable

CHUNK = 20_000
START = date(2015, 1, 1)
DAYS = 3650
ACTS = ["claim", "opinion", "threat", "warning", "denial", "demand", "commitment", "proposal",
        "prediction", "report", "question"]


def zipf_weights(n: int) -> list[float]:
    """Cumulative Zipf weights of ``n`` ranks (for ``random.choices(cum_weights=...)``)."""
    return list(accumulate(1.0 / (k + 1) for k in range(n)))


def words(rng: random.Random, n: int) -> list[str]:
    """``n`` made-up lowercase words (distinct)."""
    letters = "abcdefghijklmnopqrstuvwxyz"
    out: set[str] = set()
    while len(out) < n:
        out.add("".join(rng.choice(letters) for _ in range(rng.randint(4, 9))))
    return sorted(out)


def fill(ledger: Any, n_statements: int, n_actors: int, seed: int = 8) -> dict[str, Any]:
    """Write the synthetic ledger; returns what the queries draw from."""
    from sqlalchemy import delete, insert

    from newsledger.store import search
    from newsledger.store.actors import actors as actors_table
    from newsledger.store.engine import write_transaction
    from newsledger.store.redlines import TABLES as REDLINE_TABLES
    from newsledger.store.redlines import ensure_redline_tables, redline_matches, redline_statements, redlines
    from newsledger.store.schema import articles, metadata, statements
    from newsledger.store.timelines import recount_actor_months

    rng = random.Random(seed)
    drawn = describe(rng, n_statements, n_actors)
    vocabulary, vocab_weights = drawn["vocabulary"], drawn["vocab_weights"]
    actor_ids, names = drawn["actors"], drawn["names"]
    actor_weights = zipf_weights(n_actors)
    now = datetime.now(timezone.utc)
    ensure_redline_tables(ledger)
    with write_transaction(ledger.engine) as connection:  # empty every table first
        for table in [*REDLINE_TABLES, *reversed(metadata.sorted_tables)]:
            connection.execute(delete(table))
        if connection.dialect.name == "sqlite":
            connection.exec_driver_sql(f"DELETE FROM {search.FTS_TABLE}")
        connection.execute(insert(actors_table), [
            {"id": a, "name": nm, "kind": "person", "aliases": "[]", "roles": "[]", "members": "[]",
             "in_kb": False} for a, nm in zip(actor_ids, names)])

    written = 0
    article_no = 0
    redline_rows, evidence_rows, match_rows = [], [], []
    while written < n_statements:
        count = min(CHUNK, n_statements - written)
        article_rows, statement_rows, fts_rows = [], [], []
        speakers = rng.choices(range(n_actors), cum_weights=actor_weights, k=count)
        for i in range(count):
            if i % 5 == 0:
                article_no += 1
                published = START + timedelta(days=rng.randrange(DAYS))
                article_id = f"{article_no:064x}"
                article_rows.append({
                    "id": article_id, "text": "synthetic article " * 10, "body_start": 0,
                    "path": None, "outlet": f"Outlet {article_no % 40}", "outlet_key": f"outlet {article_no % 40}",
                    "url": None, "published": published, "title": None, "text_hash": article_id,
                    "added_at": now, "extra": None})
            k = speakers[i]
            content = " ".join(rng.choices(vocabulary, cum_weights=vocab_weights, k=12))
            act = ACTS[rng.randrange(len(ACTS))]
            sid = f"{written + i:064x}"
            said = published - timedelta(days=rng.randrange(3))
            record = {"id": sid, "article": {"id": article_id, "published": published.isoformat()},
                      "speaker": {"name": names[k], "actor_id": actor_ids[k]}, "cue": "said",
                      "content": content, "act": act, "date": said.isoformat()}
            statement_rows.append({
                "id": sid, "article_id": article_id, "speaker_name": names[k], "speaker_mention": names[k],
                "speaker_kind": "person", "speaker_start": 0, "speaker_end": 5,
                "speaker_key": f"{names[k].casefold()}\x1f{names[k].casefold()}", "actor_id": actor_ids[k],
                "cue": "said", "act": act, "negated": False, "quote": "indirect", "date": said,
                "effective_date": said, "sort_published": published,
                "has_condition": (written + i) % 50 == 0, "content_start": 10 * (i % 5),
                "content_end": 10 * (i % 5) + 9, "content": content, "confidence": 0.9,
                "record": json.dumps(record)})
            fts_rows.append({"statement_id": sid, "content": content, "cue": "said", "speaker": names[k]})
            if (written + i) % 500 == 0:
                _red_line(rng, sid, article_id, said, k, names, actor_ids, content,
                          redline_rows, evidence_rows, match_rows)
        with write_transaction(ledger.engine) as connection:
            connection.execute(insert(articles), article_rows)
            connection.execute(insert(statements), statement_rows)
            search.index_rows(connection, fts_rows)
        written += count
        print(f"\r  {written:,} statements written", end="", file=sys.stderr, flush=True)
    print(file=sys.stderr)
    with write_transaction(ledger.engine) as connection:
        for table, rows in ((redlines, redline_rows), (redline_statements, evidence_rows),
                            (redline_matches, match_rows)):
            for start in range(0, len(rows), CHUNK):
                connection.execute(insert(table), rows[start:start + CHUNK])
        # written in bulk past Ledger.add: count by actor and month as migration 0004 does
        recount_actor_months(connection)
    if ledger.dialect == "postgresql":
        with ledger.engine.connect() as connection:
            connection.execution_options(isolation_level="AUTOCOMMIT").exec_driver_sql("ANALYZE")
    else:
        with ledger.engine.connect() as connection:
            connection.exec_driver_sql("ANALYZE")
    assert drawn["redlines"] == [r["id"] for r in redline_rows]
    return drawn


def describe(rng: random.Random, n_statements: int, n_actors: int) -> dict[str, Any]:
    """What the queries draw from (actors, vocabulary, red line ids): the first draws of
    ``fill``'s generator, so a ledger filled before can be queried again (``--reuse``)."""
    vocabulary = words(rng, 3000)
    return {"vocabulary": vocabulary, "vocab_weights": zipf_weights(len(vocabulary)),
            "actors": [f"person:synthetic-{k:05d}" for k in range(n_actors)],
            "names": [f"Speaker {w.capitalize()} {k}" for k, w in enumerate(words(rng, n_actors))],
            "redlines": [f"{n:040x}" for n in range(len(range(0, n_statements, 500)))],
            "articles": max(1, n_statements // 5)}


def _red_line(rng, sid, article_id, said, k, names, actor_ids, content, lines, evidence, matches) -> None:
    line_id = f"{len(lines):040x}"
    evidence_record = {"statement_id": sid, "article_id": article_id, "date": said.isoformat(),
                       "content": content, "condition": {"text": "if " + content[:40]},
                       "speaker": names[k]}
    lines.append({"id": line_id, "group_id": line_id, "holder_id": actor_ids[k], "holder_name": names[k],
                  "holder_kind": "person", "trigger_key": content[:30], "trigger_text": content[:40],
                  "trigger": json.dumps({"text": content[:40]}), "group_trigger": content[:40],
                  "consequence": content[40:80], "negative": False, "first_date": said,
                  "last_date": said + timedelta(days=30), "statement_count": 3})
    for n in range(3):
        evidence.append({"redline_id": line_id, "statement_id": f"{sid[:-2]}{n:02x}", "article_id": article_id,
                         "date": said + timedelta(days=15 * n), "restatement": n > 0,
                         "evidence": json.dumps(evidence_record)})
    matches.append({"redline_id": line_id, "statement_id": f"{sid[:-2]}ff", "article_id": article_id,
                    "date": said + timedelta(days=40), "similarity": rng.random(),
                    "evidence": json.dumps(evidence_record)})


def timed(run: Callable[[], Any], n: int) -> dict[str, float]:
    """Wall time, and this process's CPU time (on SQLite the whole query's work, so a
    figure a busy machine does not inflate; on PostgreSQL only the client's part)."""
    run()  # untimed: caches warm, statements prepared
    ms, cpu = [], []
    for _ in range(n):
        start, start_cpu = time.perf_counter(), time.process_time()
        run()
        ms.append((time.perf_counter() - start) * 1000)
        cpu.append((time.process_time() - start_cpu) * 1000)
    return {**percentiles(ms, ""), **percentiles(cpu, "cpu_"), "runs": n}


def percentiles(values: list[float], prefix: str) -> dict[str, float]:
    values = sorted(values)
    return {f"{prefix}p50_ms": statistics.median(values),
            f"{prefix}p95_ms": values[min(len(values) - 1, int(0.95 * len(values)))],
            f"{prefix}max_ms": values[-1]}


def queries(ledger: Any, drawn: dict[str, Any], n: int, seed: int = 9) -> dict[str, dict[str, float]]:
    from newsledger.analysis.redline_board import redline, redline_board
    from newsledger.analysis.timelines import subject_timeline, timeline

    rng = random.Random(seed)
    actors, names = drawn["actors"], drawn["names"]

    def actor_timeline() -> Any:
        k = rng.randrange(len(actors))
        return subject_timeline(ledger, {"kind": "actor", "id": actors[k], "name": names[k]})

    def top_actor() -> Any:
        return subject_timeline(ledger, {"kind": "actor", "id": actors[0], "name": names[0]})

    def by_name() -> Any:
        k = rng.randrange(len(actors))
        return timeline(ledger, names[k], kind="actor")

    def search() -> Any:
        two = rng.choices(drawn["vocabulary"], cum_weights=drawn["vocab_weights"], k=2)
        return ledger.statements(search=" ".join(two), limit=50)

    lines = drawn["redlines"]
    few = max(5, n // 10)  # the whole board and name resolution read whole tables: fewer runs
    return {
        "actor_timeline": timed(actor_timeline, n),
        "top_actor": timed(top_actor, 5),
        "actor_by_name": timed(by_name, few),
        "search": timed(search, n),
        "redline_board": timed(lambda: redline_board(ledger), few),
        "redline": timed(lambda: redline(ledger, lines[rng.randrange(len(lines))]), few),
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--db", default="bench-queries.db", help="SQLite file or database URL (emptied first)")
    ap.add_argument("--statements", type=int, default=1_000_000)
    ap.add_argument("--actors", type=int, default=5000)
    ap.add_argument("--queries", type=int, default=200, help="timed runs of each query")
    ap.add_argument("--reuse", action="store_true",
                    help="query a ledger this script filled before with the same sizes (no load)")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args(argv)

    from newsledger.store import Ledger

    ledger = Ledger(args.db)
    start = time.perf_counter()
    if args.reuse:
        drawn, load_s = describe(random.Random(8), args.statements, args.actors), None
    else:
        drawn = fill(ledger, args.statements, args.actors)
        load_s = time.perf_counter() - start
    figures = queries(ledger, drawn, args.queries)
    report = {"backend": ledger.dialect, "statements": args.statements, "articles": drawn["articles"],
              "actors": args.actors, "redlines": len(drawn["redlines"]), "load_seconds": load_s,
              "python": platform.python_version(), "queries": figures}
    ledger.close()
    if args.json:
        print(json.dumps(report, indent=2))
        return 0
    loaded = f"loaded in {load_s:.0f} s" if load_s is not None else "loaded before"
    print(f"{report['backend']}: {args.statements:,} statements, {drawn['articles']:,} articles, "
          f"{args.actors:,} actors, {len(drawn['redlines']):,} red lines; {loaded}")
    for title, results in (("queries", figures),):
        print(f"\n{title}\n{'query':<16} {'p50 ms':>8} {'p95 ms':>8} {'max ms':>8} "
              f"{'cpu p50':>8} {'cpu p95':>8} {'runs':>5}")
        for name, f in results.items():
            print(f"{name:<16} {f['p50_ms']:>8.1f} {f['p95_ms']:>8.1f} {f['max_ms']:>8.1f} "
                  f"{f['cpu_p50_ms']:>8.1f} {f['cpu_p95_ms']:>8.1f} {f['runs']:>5}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
