#!/usr/bin/env python
"""Time the full newsledger pipeline against bare spaCy on the same texts, in one run.

    python benchmarks/bench_pipeline.py [DIR] [--limit N] [--repeats 5] [--variants rules,fast,accurate] [--json]

DIR is a folder of .txt articles; by default PolNeAR's dev texts in
../shared/data/polnear/dev/text beside the repository.

"bare" is the stock spaCy model the pipeline is built on (``Analyzer().base_model_name``,
en_core_web_sm, loaded with ``spacy.load``); "tuned" is that model as newsledger runs it
(``build_pipeline(components=())``: its tokenizer guard, cached attribute ruler and cached
lemmatizer, which give the same annotations) without newsledger's components, so that ``variant ÷ tuned``
is what those components cost; "full" is newsledger's whole pipeline
(``Analyzer(model).analyze_texts``: the same model plus every newsledger component,
turning each text into Statements), once per attribution variant named in
``--variants`` (default: the default variant only; ``--model`` names one spaCy model or
variant instead). All run in this one process, pinned to one CPU core, with
BLAS/OpenMP/torch limited to one thread. After an untimed warm-up of each, the runs
alternate (bare, each variant, bare, ...); the best and the median of each are reported,
as tokens per second, with each variant's ratio to bare (median; best in brackets) and
the process's peak resident memory. It prints figures only: nothing here passes or fails
on time (the issue's targets: at most 1.3, and at most 1.15 for the fast variant).
"""

from __future__ import annotations

import os

# Before numpy/thinc/torch are imported: one thread for every math library.
for _var in ("OMP_NUM_THREADS", "MKL_NUM_THREADS", "OPENBLAS_NUM_THREADS", "TORCH_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

import argparse
import gc
import json
import platform
import statistics
import sys
import time
from pathlib import Path

DEFAULT_DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "polnear" / "dev" / "text"
TARGET_RATIO = 1.3


def one_core() -> str:
    """Pin this process (and any child) to one CPU and keep torch, if loaded, to one thread."""
    pinned = "not pinned"
    if hasattr(os, "sched_setaffinity"):
        cpu = min(os.sched_getaffinity(0))
        os.sched_setaffinity(0, {cpu})
        pinned = f"cpu {cpu}"
    if "torch" in sys.modules:
        torch = sys.modules["torch"]
        torch.set_num_threads(1)
        try:
            torch.set_num_interop_threads(1)
        except RuntimeError:  # already set once parallel work has started
            pass
    return pinned


def read_texts(folder: str, limit: int | None = None) -> list[tuple[Path, str]]:
    """The folder's .txt files in name order, read exactly (no newline translation)."""
    if not Path(folder).is_dir():
        sys.exit(f"bench_pipeline: {folder} is not a folder (PolNeAR dev texts are expected in "
                 f"../shared/data/polnear/dev/text beside the repository; or pass a folder of .txt files)")
    paths = sorted(Path(folder).glob("*.txt"))[: limit or None]
    if not paths:
        sys.exit(f"bench_pipeline: no .txt files in {folder}")
    return [(p, p.read_text(encoding="utf-8", errors="replace")) for p in paths]


CPU_SECONDS: dict[int, float] = {}  # id of a timed result: the process CPU time it took


def timed(run) -> tuple[float, object]:
    """Wall seconds of ``run()`` and its result; its CPU seconds go to ``CPU_SECONDS``."""
    gc.collect()
    start, cpu = time.perf_counter(), time.process_time()
    result = run()
    CPU_SECONDS[id(result)] = time.process_time() - cpu
    return time.perf_counter() - start, result


def peak_rss_mib() -> float | None:
    try:
        import resource
    except ImportError:  # Windows
        return None
    kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # KiB on Linux, bytes on macOS
    return kib / (1024 * 1024) if sys.platform == "darwin" else kib / 1024


def load_analyzer(model: str | None):
    try:
        from newsledger.nlp.pipeline import Analyzer
    except ImportError as exc:
        sys.exit(
            "bench_pipeline: newsledger's pipeline is not available "
            f"(`from newsledger.nlp.pipeline import Analyzer` failed: {exc}). "
            "Install the project (`pip install -e .`) and make sure src/newsledger/nlp/pipeline.py exists."
        )
    return Analyzer(model)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("folder", nargs="?", default=None,
                    help=f"folder of .txt articles (default: PolNeAR dev, {DEFAULT_DATA})")
    ap.add_argument("--data", default=None, help="the same as FOLDER")
    ap.add_argument("--limit", type=int, default=None, help="use only the first N articles")
    ap.add_argument("--repeats", type=int, default=5, help="timed runs of each pipeline (default 5)")
    ap.add_argument("--warmup", type=int, default=5, help="texts for the untimed warm-up (default 5)")
    ap.add_argument("--batch-size", type=int, default=32)
    ap.add_argument("--model", default=None, help="one spaCy model or variant to time (default: the pipeline's choice)")
    ap.add_argument("--variants", default=None, help="comma-separated attribution variants to time, e.g. rules,fast,accurate")
    ap.add_argument("--json", action="store_true", help="print one JSON object instead of a table")
    args = ap.parse_args(argv)
    if args.repeats < 1:
        ap.error("--repeats must be at least 1")
    args.data = str(args.folder or args.data or DEFAULT_DATA)

    import spacy

    texts = [t for _, t in read_texts(args.data, args.limit)]
    names = [args.model] if args.model else [v.strip() for v in (args.variants or "").split(",") if v.strip()]
    analyzers = {name or "full": load_analyzer(name) for name in (names or [None])}
    first = next(iter(analyzers.values()))
    bare = spacy.load(first.base_model_name)  # the same model, stock components only
    from newsledger.nlp.pipeline import build_pipeline

    tuned, _ = build_pipeline(first.base_model_name, components=())  # as newsledger runs spaCy
    pinned = one_core()

    def run_bare(batch):
        return list(bare.pipe(batch, batch_size=args.batch_size))

    def run_full(analyzer, batch):
        return list(analyzer.analyze_texts(batch, batch_size=args.batch_size))

    def run_tuned(batch):
        return list(tuned.pipe(batch, batch_size=args.batch_size))

    run_bare(texts[: args.warmup])
    run_tuned(texts[: args.warmup])
    for analyzer in analyzers.values():
        run_full(analyzer, texts[: args.warmup])

    times: dict[str, list[float]] = {"bare": [], "tuned": [], **{name: [] for name in analyzers}}
    cpu: dict[str, list[float]] = {name: [] for name in times}
    tokens, statements = 0, {}
    for _ in range(args.repeats):
        seconds, docs = timed(lambda: run_bare(texts))
        times["bare"].append(seconds)
        cpu["bare"].append(CPU_SECONDS.pop(id(docs)))
        tokens = sum(len(doc) for doc in docs)
        del docs
        seconds, docs = timed(lambda: run_tuned(texts))
        times["tuned"].append(seconds)
        cpu["tuned"].append(CPU_SECONDS.pop(id(docs)))
        del docs
        for name, analyzer in analyzers.items():
            seconds, results = timed(lambda: run_full(analyzer, texts))
            times[name].append(seconds)
            cpu[name].append(CPU_SECONDS.pop(id(results)))
            statements[name] = sum(len(r) for r in results)
            del results

    def paired(name: str) -> dict:
        """Each run's time over the bare run just before it (drift in the machine's speed
        over the minutes of a benchmark cancels out), median over the runs; wall and CPU."""
        return {"ratio_paired": statistics.median(v / b for v, b in zip(times[name], times["bare"])),
                "ratio_cpu_paired": statistics.median(v / b for v, b in zip(cpu[name], cpu["bare"])),
                "cpu_runs": cpu[name]}

    median = {name: statistics.median(runs) for name, runs in times.items()}
    best = {name: min(runs) for name, runs in times.items()}
    report = {
        "data": str(args.data),
        "texts": len(texts),
        "tokens": tokens,
        "model": first.base_model_name,
        "spacy": spacy.__version__,
        "python": platform.python_version(),
        "cpu": pinned,
        "batch_size": args.batch_size,
        "repeats": args.repeats,
        "bare": figures(times["bare"], tokens),
        "tuned": {**figures(times["tuned"], tokens), "ratio": median["tuned"] / median["bare"],
                  "ratio_best": best["tuned"] / best["bare"], **paired("tuned")},
        "variants": {
            name: {**figures(times[name], tokens), "statements": statements[name],
                   "ratio": median[name] / median["bare"], "ratio_best": best[name] / best["bare"],
                   **paired(name),
                   "over_tuned": median[name] / median["tuned"],
                   "components": list(analyzer.nlp.pipe_names)}
            for name, analyzer in analyzers.items()},
        "target_ratio": TARGET_RATIO,
        "peak_rss_mib": peak_rss_mib(),
    }
    if args.json:
        print(json.dumps(report, indent=2))
    else:
        print(render(report))
    return 0


def figures(runs: list[float], tokens: int) -> dict:
    median, best = statistics.median(runs), min(runs)
    return {
        "seconds": median,  # the median run
        "best_seconds": best,
        "tokens_per_s": tokens / median,
        "best_tokens_per_s": tokens / best,
        "runs": runs,
    }


def render(r: dict) -> str:
    lines = [
        f"{r['texts']} texts, {r['tokens']} tokens from {r['data']}",
        f"model {r['model']} (spaCy {r['spacy']}, Python {r['python']}), {r['cpu']}, "
        f"batch {r['batch_size']}, {r['repeats']} runs each",
        "",
        f"{'pipeline':<10} {'median s':>9} {'tokens/s':>10} {'best s':>9} {'tokens/s':>10} {'ratio':>7}"
        f" {'paired':>7} {'CPU':>7}",
    ]
    rows = [("bare", r["bare"]), ("tuned", r["tuned"]), *r["variants"].items()]
    for name, f in rows:
        ratios = [f"{f[k]:.2f}x" if k in f else "" for k in ("ratio", "ratio_paired", "ratio_cpu_paired")]
        lines.append(f"{name:<10} {f['seconds']:>9.3f} {f['tokens_per_s']:>10.0f} "
                     f"{f['best_seconds']:>9.3f} {f['best_tokens_per_s']:>10.0f} "
                     + " ".join(f"{x:>7}" for x in ratios))
    lines.append("")
    lines.append("ratio: median ÷ bare's median; paired: median of each run ÷ the bare run before it; "
                 "CPU: the same with process CPU time")
    lines.append("")
    lines.append(f"tuned: the same spaCy model as newsledger runs it, without newsledger's components "
                 f"(long-run tokenizer guard, cached attribute ruler and lemmatizer): {r['tuned']['ratio']:.2f}x bare")
    for name, f in r["variants"].items():
        lines.append(f"{name}: {f['ratio']:.2f}x bare (median), {f['ratio_best']:.2f}x (best), "
                     f"{f['over_tuned']:.2f}x tuned; "
                     f"{f['statements']} statements; {' > '.join(f['components'])}")
    rss = r["peak_rss_mib"]
    lines.append(f"peak RSS (every pipeline loaded): {rss:.0f} MiB" if rss is not None else "peak RSS: n/a")
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main())
