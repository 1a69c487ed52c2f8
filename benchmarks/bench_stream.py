#!/usr/bin/env python
"""Memory and throughput over a long stream: ``ingest --workers N`` of 100,000 articles.

    python benchmarks/bench_stream.py [DIR] [--articles 100000] [--workers 2] [--model rules] [--json]

The articles are made up from the sentences of DIR's ``.txt`` files (default: PolNeAR's
dev texts beside the repository): each has 3 to 6 sentences (``--sentences``) dealt from
the shuffled sentences (fixed seed), a title, a URL, an outlet and a date, 500 a day in
date order, as a feed delivers them; a tenth (``--copies``) reprint a recent article
under another dateline, so story linking has wire copies to join, as in real news. They are written to one JSON Lines file, which ``newsledger ingest``
reads as a stream (``--no-analysis``: the analysis stage runs once after a stream, not
per article, and is not what this measures).

Every 2 seconds the script samples the resident memory (``VmRSS``) of the ingest process
and of each of its worker processes, and the number of articles stored. It prints a
table of those samples at each tenth of the stream and, for each process, the largest
resident size in the first and in the last tenth: if memory is flat the two agree.
Nothing passes or fails here (issue 8: memory stays flat over a 100,000-article stream;
at most 1 GB per worker).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import sqlite3
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_pipeline import DEFAULT_DATA  # noqa: E402

SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z“\"])|(?<=[.!?][\"”’])\s+(?=[A-Z“\"])")


def sentences_of(folder: Path) -> list[str]:
    """The sentences of every article in ``folder`` (a rough split: enough to make text)."""
    found = []
    for path in sorted(folder.glob("*.txt")):
        for paragraph in path.read_text(encoding="utf-8").split("\n"):
            found.extend(s.strip() for s in SENTENCE_END.split(paragraph) if len(s.split()) >= 5)
    return found


def write_stream(path: Path, sentences: list[str], count: int, sizes: tuple[int, int] = (3, 6),
                 copies: float = 0.1, per_day: int = 500, seed: int = 7) -> int:
    """Write ``count`` made-up articles as JSON Lines, in date order (``per_day`` a day, as
    a feed delivers them); returns the bytes written.

    An original has ``sizes`` (fewest, most) sentences dealt from the shuffled sentences
    like cards (a sentence comes back only when every other one has been dealt), so two
    originals share a sentence now and then but never most of their text. A share
    ``copies`` of the articles are reprints, by another outlet under its own dateline, of
    one of the last 200 originals: the wire copies that story linking joins."""
    rng = random.Random(seed)
    start = date(2024, 1, 1)
    deck: list[str] = []
    recent: list[str] = []
    with path.open("w", encoding="utf-8") as out:
        for i in range(count):
            if recent and rng.random() < copies:
                body = f"WASHINGTON (Outlet {i % 97}) \u2014 " + rng.choice(recent)
            else:
                body = " ".join(_deal(deck, sentences, rng) for _ in range(rng.randint(*sizes)))
                recent = (recent + [body])[-200:]
            out.write(json.dumps({
                "title": f"Stream article {i}",
                "url": f"https://example.org/stream/{i}",
                "outlet": f"Outlet {i % 97}",
                "date": (start + timedelta(days=i // per_day)).isoformat(),
                "text": body,
            }) + "\n")
    return path.stat().st_size


def _deal(deck: list[str], sentences: list[str], rng: random.Random) -> str:
    if not deck:
        deck.extend(sentences)
        rng.shuffle(deck)
    return deck.pop()


def rss_mib(pid: int) -> float | None:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        return None
    return None


def children(pid: int) -> list[int]:
    """Live child processes of ``pid`` (the ingest workers)."""
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
                found.append(int(entry.name))
    return found


def stored(db: Path) -> int:
    """Articles stored so far (the ledger is read while ingest writes it)."""
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1) as conn:
            return conn.execute("select count(*) from articles").fetchone()[0]
    except sqlite3.Error:
        return 0


def run(stream: Path, db: Path, workers: int, model: str, every: float = 2.0) -> dict:
    cli = Path(sys.executable).with_name("newsledger")  # the venv's console script
    cmd = [str(cli), "ingest", str(stream), "--db", str(db), "--workers", str(workers),
           "--model", model, "--no-analysis"]
    log = db.with_suffix(".log")
    started = time.perf_counter()
    with log.open("w") as err:  # the progress line goes there; a pipe could fill and block
        proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=err, text=True)
        samples = _sample(proc, db, started, every)
    return {"returncode": proc.returncode, "seconds": round(time.perf_counter() - started, 1),
            "stored": stored(db), "samples": samples, "stderr_tail": log.read_text()[-2000:]}


def _sample(proc: subprocess.Popen, db: Path, started: float, every: float) -> list[dict]:
    samples = []
    while proc.poll() is None:
        time.sleep(every)
        rows = {"t": round(time.perf_counter() - started, 1), "stored": stored(db),
                "parent": rss_mib(proc.pid),
                "workers": [r for r in (rss_mib(c) for c in children(proc.pid)) if r is not None]}
        samples.append(rows)
    return samples


def summary(result: dict, articles: int) -> dict:
    samples = [s for s in result["samples"] if s["stored"] > 0]
    if not samples:
        return {}
    tenth = max(1, articles // 10)
    first = [s for s in samples if s["stored"] <= tenth]
    last = [s for s in samples if s["stored"] >= articles - tenth]

    def peak(group, key):
        values = [v for s in group for v in (s[key] if isinstance(s[key], list) else [s[key]]) if v]
        return round(max(values)) if values else None

    steady = [s for s in samples if s["stored"] >= tenth]
    rate = ((steady[-1]["stored"] - steady[0]["stored"]) / (steady[-1]["t"] - steady[0]["t"])
            if len(steady) > 1 and steady[-1]["t"] > steady[0]["t"] else None)
    return {"parent_first_tenth": peak(first, "parent"), "parent_last_tenth": peak(last, "parent"),
            "worker_first_tenth": peak(first, "workers"), "worker_last_tenth": peak(last, "workers"),
            "worker_peak": peak(samples, "workers"), "parent_peak": peak(samples, "parent"),
            "steady_articles_per_s": round(rate, 1) if rate else None}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("folder", nargs="?", default=str(DEFAULT_DATA))
    ap.add_argument("--articles", type=int, default=100_000)
    ap.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    ap.add_argument("--model", default="rules")
    ap.add_argument("--sentences", default="3-6", help="sentences per article, fewest-most (default 3-6)")
    ap.add_argument("--copies", type=float, default=0.1, help="share of articles that reprint a recent one")
    ap.add_argument("--keep", default=None, help="folder to keep the stream and the ledger in")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args(argv)

    work = Path(args.keep or tempfile.mkdtemp(prefix="newsledger-stream-"))
    work.mkdir(parents=True, exist_ok=True)
    stream, db = work / "stream.jsonl", work / "ledger.db"
    if db.exists():
        db.unlink()
    fewest, most = (int(n) for n in args.sentences.split("-"))
    size = write_stream(stream, sentences_of(Path(args.folder)), args.articles, (fewest, most), args.copies)
    result = run(stream, db, args.workers, args.model)
    result.update(articles=args.articles, stream_mib=round(size / 2**20, 1), workers=args.workers,
                  model=args.model, summary=summary(result, args.articles))
    if args.json:
        print(json.dumps(result))
        return 0
    print(f"{args.articles} articles ({result['stream_mib']} MiB of JSON Lines), model {args.model}, "
          f"{args.workers} workers: {result['stored']} stored in {result['seconds']} s, exit {result['returncode']}")
    print(f"{'seconds':>8} {'stored':>8} {'parent MiB':>11}  workers MiB")
    marks = iter(range(0, args.articles + 1, max(1, args.articles // 10)))
    mark = next(marks)
    for s in result["samples"]:
        if s["stored"] >= mark:
            print(f"{s['t']:>8} {s['stored']:>8} {s['parent'] or 0:>11.0f}  {', '.join(f'{w:.0f}' for w in s['workers'])}")
            mark = next(marks, args.articles + 1)
    print("summary:", json.dumps(result["summary"]))
    if result["returncode"]:
        print(result["stderr_tail"], file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
