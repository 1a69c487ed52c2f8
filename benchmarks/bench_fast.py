#!/usr/bin/env python
"""Time the fast attribution variant against bare spaCy on the same texts, in one run.

    python benchmarks/bench_fast.py [DIR] [--limit N] [--repeats 3] [--json]

DIR is a folder of .txt articles (default: PolNeAR dev texts). Pipelines, all built in
this one process, pinned to one CPU core with every math library on one thread:

- ``bare``: the stock spaCy model (en_core_web_sm), ``nlp.pipe``;
- ``attribution``: the same model plus the attribution stage of ``--model fast``
  (``build_pipeline(components=["attribution"], variant="fast")``: the rules component,
  whose sure statements the tagger keeps, then ``newsledger_fast_attribution``);
- ``tagger``: the model plus ``newsledger_fast_attribution`` alone (no rules);
- ``full``: newsledger's whole pipeline with ``--model fast`` (``Analyzer(model="fast")``),
  and ``full_rules``, the whole pipeline with the rules (the reference).

After an untimed warm-up the runs alternate; medians (and bests) of wall time are reported
with the ratios to ``bare``, and the medians of this process's CPU time (the fairer
figure when other jobs share the core). The bounds for the fast variant: 1.3x (issue 5), 1.15x
in one process (issue 8); this script prints
figures only and never fails on time.
"""

from __future__ import annotations

import os

for _var in ("OMP_NUM_THREADS", "MKL_NUM_THREADS", "OPENBLAS_NUM_THREADS", "TORCH_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_pipeline import DEFAULT_DATA, TARGET_RATIO, one_core, peak_rss_mib, read_texts, timed  # noqa: E402


def pipelines(batch_size: int) -> dict:
    """name -> function running that pipeline over a list of texts."""
    import spacy

    import newsledger.nlp.learned.fast  # noqa: F401  (registers the factory)
    from newsledger.nlp.pipeline import Analyzer, build_pipeline

    full = Analyzer(model="fast")
    rules = Analyzer(model="rules")
    bare = spacy.load(full.base_model_name)
    attribution, _ = build_pipeline(components=["attribution"], variant="fast")
    tagger = spacy.load(full.base_model_name)
    tagger.add_pipe("newsledger_fast_attribution", config={"keep_rules": False})
    return {
        "bare": lambda texts: list(bare.pipe(texts, batch_size=batch_size)),
        "tagger": lambda texts: list(tagger.pipe(texts, batch_size=batch_size)),
        "attribution": lambda texts: list(attribution.pipe(texts, batch_size=batch_size)),
        "full": lambda texts: list(full.analyze_texts(texts, batch_size=batch_size)),
        "full_rules": lambda texts: list(rules.analyze_texts(texts, batch_size=batch_size)),
    }, {"model": full.base_model_name, "full": list(full.nlp.pipe_names),
        "attribution": list(attribution.pipe_names)}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("folder", nargs="?", default=None, help=f"folder of .txt articles (default {DEFAULT_DATA})")
    ap.add_argument("--limit", type=int, default=None, help="use only the first N articles")
    ap.add_argument("--repeats", type=int, default=3)
    ap.add_argument("--batch-size", type=int, default=32)
    ap.add_argument("--only", default="", help="comma-separated pipelines to time (default: all)")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args(argv)
    texts = [t for _, t in read_texts(str(args.folder or DEFAULT_DATA), args.limit)]
    runs, info = pipelines(args.batch_size)
    if args.only:
        runs = {k: v for k, v in runs.items() if k == "bare" or k in args.only.split(",")}
    pinned = one_core()
    for run in runs.values():
        run(texts[:3])
    times: dict[str, list[float]] = {name: [] for name in runs}
    cpu: dict[str, list[float]] = {name: [] for name in runs}
    tokens = 0
    for _ in range(args.repeats):
        for name, run in runs.items():
            started = time.process_time()
            seconds, out = timed(lambda: run(texts))
            cpu[name].append(time.process_time() - started)
            times[name].append(seconds)
            if name == "bare":
                tokens = sum(len(doc) for doc in out)
            del out
    median = {k: statistics.median(v) for k, v in times.items()}
    # CPU time of this process: what the ratio is when other jobs share the core
    cpu_median = {k: statistics.median(v) for k, v in cpu.items()}
    report = {
        "texts": len(texts), "tokens": tokens, "cpu": pinned, "repeats": args.repeats, **info,
        "seconds": median, "best_seconds": {k: min(v) for k, v in times.items()},
        "ratio_to_bare": {k: round(v / median["bare"], 3) for k, v in median.items()},
        "cpu_seconds": cpu_median,
        "cpu_ratio_to_bare": {k: round(v / cpu_median["bare"], 3) for k, v in cpu_median.items()},
        "target_ratio": TARGET_RATIO, "peak_rss_mib": peak_rss_mib(),
    }
    if args.json:
        print(json.dumps(report, indent=2))
    else:
        print(f"{len(texts)} texts, {tokens} tokens, {pinned}, {args.repeats} runs each "
              "(median wall s, ratio to bare; median CPU s, ratio to bare)")
        for name in runs:
            print(f"  {name:<12} {median[name]:8.2f} s  {report['ratio_to_bare'][name]:.3f}x"
                  f"  {cpu_median[name]:8.2f} s  {report['cpu_ratio_to_bare'][name]:.3f}x")
        print(f"target <= {TARGET_RATIO}x; full pipeline: {' > '.join(info['full'])}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
