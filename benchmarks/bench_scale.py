#!/usr/bin/env python
"""Scaling of ``ingest --workers N``: throughput from 1 to N workers, peak memory per worker.

    python benchmarks/bench_scale.py [DIR] [--workers 1,2] [--limit N] [--model fast] [--json]

DIR is a folder of .txt articles (default: PolNeAR's dev texts). For each worker count,
a fresh process runs ``newsledger.ingest.ingest`` over the folder into a new SQLite ledger
(read, analyse, resolve speakers, store: the whole of ``ingest``) and reports articles per
second, wall time from the first article read to the last batch stored (pipeline loading
included, as a user waits for it), the steady rate (articles stored between the first and
the last stored batch, over the time between them: loading excluded, which is what the
throughput of a long stream tends to), and peak resident memory: of the one process for 1
worker, and of each worker process (sampled from /proc every 0.2 s; ``VmHWM``, the
kernel's high-water mark) plus the parent for more. Runs are one after the other, each
with a cold pipeline; the speed-up is each count's articles/s over one worker's.

It prints figures only; nothing passes or fails on time (the issue's targets: 2 workers
at least 1.8x one worker on a 2-core machine; at most 1 GB peak per worker).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_pipeline import DEFAULT_DATA, peak_rss_mib  # noqa: E402


def _children_hwm(parent: int) -> dict[int, float]:
    """Peak RSS (MiB) of each live child process of ``parent``, from /proc."""
    found: dict[int, float] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            status = (entry / "status").read_text()
        except OSError:
            continue
        fields = dict(line.split(":", 1) for line in status.splitlines() if ":" in line)
        if int(fields.get("PPid", "0").strip() or 0) == parent and "VmHWM" in fields:
            found[int(entry.name)] = int(fields["VmHWM"].split()[0]) / 1024
    return found


class PeakSampler(threading.Thread):
    """Keeps the highest VmHWM seen for every child of this process while running."""

    def __init__(self) -> None:
        super().__init__(daemon=True)
        self.peaks: dict[int, float] = {}
        self._done = threading.Event()

    def run(self) -> None:
        me = os.getpid()
        while not self._done.wait(0.2):
            for pid, mib in _children_hwm(me).items():
                self.peaks[pid] = max(mib, self.peaks.get(pid, 0.0))

    def stop(self) -> dict[int, float]:
        self._done.set()
        self.join()
        return self.peaks


BATCH = 16  # articles per stored batch: small enough to time the steady rate between batches


def one_run(folder: str, workers: int, model: str | None, limit: int | None) -> dict:
    """Ingest ``folder`` with ``workers`` in this process; the figures as a dict."""
    from newsledger.ingest import ingest
    from newsledger.store import Ledger

    paths = sorted(str(p) for p in Path(folder).glob("*.txt"))[: limit or None]
    with tempfile.TemporaryDirectory() as tmp:
        sampler = PeakSampler()
        sampler.start()
        batches: list[tuple[float, int]] = []  # (time, articles stored so far) after each batch
        start = time.perf_counter()
        with Ledger(Path(tmp) / "ledger.db") as ledger:
            summary = ingest(paths, ledger, None, workers=workers, model=model, batch_size=BATCH,
                             on_batch=lambda s: batches.append((time.perf_counter(), s.added)))
        seconds = time.perf_counter() - start
        workers_peak = sampler.stop()
    (first_t, first_n), (last_t, last_n) = batches[0], batches[-1]
    steady = (last_n - first_n) / (last_t - first_t) if last_t > first_t else None
    return {"workers": workers, "articles": summary.added, "statements": summary.statements,
            "seconds": seconds, "articles_per_s": summary.added / seconds, "steady_articles_per_s": steady,
            "parent_peak_mib": peak_rss_mib(),
            "worker_peaks_mib": sorted(workers_peak.values(), reverse=True)[:workers] if workers > 1 else []}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("folder", nargs="?", default=str(DEFAULT_DATA))
    ap.add_argument("--workers", default="1,2", help="worker counts to run, comma-separated")
    ap.add_argument("--limit", type=int, default=None, help="only the first N articles")
    ap.add_argument("--model", default=None, help="attribution variant or spaCy model (default: the default variant)")
    ap.add_argument("--tagger-threads", type=int, default=None,
                    help="ONNX Runtime threads of the accurate tagger in every process "
                         "(NEWSLEDGER_TAGGER_THREADS; default: one worker takes every core, N workers share them)")
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--one", type=int, default=None, help=argparse.SUPPRESS)  # a child run
    args = ap.parse_args(argv)
    if not Path(args.folder).is_dir():
        sys.exit(f"bench_scale: {args.folder} is not a folder of .txt articles")
    if args.one is not None:
        print(json.dumps(one_run(args.folder, args.one, args.model, args.limit)))
        return 0

    runs = []
    for workers in [int(w) for w in args.workers.split(",")]:
        command = [sys.executable, __file__, args.folder, "--one", str(workers)]
        command += ["--limit", str(args.limit)] if args.limit else []
        command += ["--model", args.model] if args.model else []
        env = dict(os.environ)
        if args.tagger_threads is not None:
            env["NEWSLEDGER_TAGGER_THREADS"] = str(args.tagger_threads)
        done = subprocess.run(command, capture_output=True, text=True, check=True, env=env)
        runs.append(json.loads(done.stdout.strip().splitlines()[-1]))
    base, steady_base = runs[0]["articles_per_s"], runs[0]["steady_articles_per_s"]
    for run in runs:
        run["speedup"] = run["articles_per_s"] / base
        steady = run["steady_articles_per_s"]
        run["steady_speedup"] = steady / steady_base if steady and steady_base else None
    report = {"data": args.folder, "model": args.model or "default", "tagger_threads": args.tagger_threads, "cpus": len(os.sched_getaffinity(0)),
              "load_average": os.getloadavg(), "python": platform.python_version(), "runs": runs}
    if args.json:
        print(json.dumps(report, indent=2))
        return 0
    threads = f"tagger threads {args.tagger_threads}; " if args.tagger_threads is not None else ""
    print(f"{runs[0]['articles']} articles from {args.folder}; model {report['model']}; {threads}"
          f"{report['cpus']} CPUs, load average {report['load_average'][0]:.1f} at the end")
    print(f"{'workers':>7} {'seconds':>8} {'art/s':>7} {'speed-up':>8} {'steady art/s':>12} {'steady':>7} "
          f"{'parent MiB':>10}  worker peaks MiB")
    for run in runs:
        peaks = ", ".join(f"{m:.0f}" for m in run["worker_peaks_mib"]) or "-"
        steady = run["steady_articles_per_s"]
        print(f"{run['workers']:>7} {run['seconds']:>8.1f} {run['articles_per_s']:>7.2f} "
              f"{run['speedup']:>7.2f}x {steady or 0:>12.2f} {run['steady_speedup'] or 0:>6.2f}x "
              f"{run['parent_peak_mib']:>10.0f}  {peaks}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
