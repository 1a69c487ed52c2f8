"""Refresh the measured parts of README.md from real runs (quick start, a record, PolNeAR dev).

Run from the repository root with the package installed and ../shared beside it::

    python scripts/update_readme.py [--bench]

Each part sits between ``<!-- NAME:start -->`` and ``<!-- NAME:end -->`` markers.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


def run(*args: str, cwd: Path = ROOT) -> str:
    env = dict(os.environ, COLUMNS="100")
    return subprocess.run(args, cwd=cwd, env=env, check=True, capture_output=True, text=True).stdout


def fenced(text: str, lang: str = "text") -> str:
    return f"```{lang}\n{text.rstrip()}\n```"


def replace(readme: str, name: str, body: str) -> str:
    pattern = re.compile(rf"(<!-- {name}:start -->\n).*?(<!-- {name}:end -->)", re.S)
    return pattern.sub(lambda m: m.group(1) + body + "\n" + m.group(2), readme)


def quickstart() -> str:
    with tempfile.TemporaryDirectory() as tmp:
        db = str(Path(tmp) / "newsledger.db")
        out = run("newsledger", "ingest", "examples/", "--db", db)
        out += run("newsledger", "statements", "--db", db)
    return fenced(f"$ newsledger ingest examples/ && newsledger statements\n{out}")


def record_example() -> str:
    path = SHARED / "data" / "examples" / "2024-03-10-nato-red-line.txt"
    for line in run("newsledger", "show", str(path), "--json").splitlines():
        record = json.loads(line)
        if record["speaker"]["mention"] == "he" and record["quote"] == "direct":
            record["article"]["path"] = "2024-03-10-nato-red-line.txt"
            return fenced(json.dumps(record, indent=2, ensure_ascii=False), "json")
    raise SystemExit("the worked example's direct quote by 'he' was not found")


def eval_table() -> str:
    figures = json.loads(run("newsledger", "eval", "polnear", str(SHARED / "data/polnear/dev"), "--json"))["scores"]
    rows = ["| figure | P | R | F1 |", "| --- | ---: | ---: | ---: |"]
    for role in ("source", "cue", "content"):
        for kind in ("exact", "overlap"):
            d = figures[role][kind]
            rows.append(f"| {role} {'exact' if kind == 'exact' else 'token overlap'} "
                        f"| {d['p']:.1f} | {d['r']:.1f} | {d['f1']:.1f} |")
    for key, label in (("attribution", "attribution (content covers half)"),
                       ("attribution_with_source", "attribution + source")):
        d = figures[key]
        rows.append(f"| **{label}** | {d['p']:.1f} | {d['r']:.1f} | **{d['f1']:.1f}** |")
    return "\n".join(rows)


def bench() -> str:
    out = run(sys.executable, "benchmarks/bench_pipeline.py")
    return fenced(out)


def main() -> None:
    readme_path = ROOT / "README.md"
    readme = readme_path.read_text(encoding="utf-8")
    readme = replace(readme, "quickstart-output", quickstart())
    readme = replace(readme, "record-example", record_example())
    readme = replace(readme, "eval-table", eval_table())
    if "--bench" in sys.argv:
        readme = replace(readme, "bench", bench())
    readme_path.write_text(readme, encoding="utf-8")


if __name__ == "__main__":
    main()
