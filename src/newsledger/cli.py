"""The ``newsledger`` command: a thin Typer layer over the library.

Each command parses its options, calls one library function and prints the
result; no analysis happens here.
"""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path
from typing import Optional

import typer
from rich.console import Console

from . import output
from .model import Problem, dumps_record

app = typer.Typer(add_completion=False, no_args_is_help=True,
                  help="Turn dated news articles into a ledger of who said what, when, where, "
                       "about whom, and on what condition.")
eval_app = typer.Typer(no_args_is_help=True, help="Score newsledger against a gold corpus.")
app.add_typer(eval_app, name="eval")

console = Console()
err = Console(stderr=True)

DB_OPTION = typer.Option("newsledger.db", "--db", help="SQLite file or database URL.")
MODEL_OPTION = typer.Option(None, "--model", help="spaCy pipeline to load (default: en_core_web_sm).")


def _fail(message: str) -> None:
    err.print(f"[red]error:[/red] {message}", highlight=False)
    raise typer.Exit(2)


def _parse_date(value: str | None, option: str) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        _fail(f"{option} {value!r} is not a date (use YYYY-MM-DD)")


def _field_map(fields: list[str]) -> dict[str, str]:
    mapping = {}
    for item in fields:
        ours, sep, theirs = item.partition("=")
        if not sep or not ours or not theirs:
            _fail(f"--field {item!r} must look like text=BODY")
        mapping[ours.strip().lower()] = theirs.strip()
    return mapping


def _analyzer(model: str | None):
    from .nlp.pipeline import Analyzer, ModelNotFound

    try:
        return Analyzer(model)
    except ModelNotFound as exc:
        _fail(str(exc))


def _ledger(db: str, must_exist: bool = False):
    from .store import Ledger

    if must_exist and "://" not in db and not Path(db).exists():
        _fail(f"no ledger at {db} (run `newsledger ingest ARTICLES/ --db {db}` first)")
    try:
        return Ledger(db)
    except Exception as exc:  # a bad URL, a file that is not a database, …
        _fail(f"cannot open ledger {db}: {str(exc).splitlines()[0]}")


def _report_problem(problem: Problem) -> None:
    err.print(f"[yellow]skipped[/yellow] {problem}", highlight=False, soft_wrap=True)


@app.command()
def ingest(
    paths: list[str] = typer.Argument(..., help="Files or folders of articles; - for standard input."),
    db: str = DB_OPTION,
    model: Optional[str] = MODEL_OPTION,
    date_: Optional[str] = typer.Option(None, "--date", help="Date for articles that carry none (YYYY-MM-DD)."),
    field: list[str] = typer.Option([], "--field", help="Map a field for JSONL/CSV, e.g. text=BODY."),
    max_bytes: int = typer.Option(2_000_000, "--max-bytes", help="Largest article accepted, in bytes."),
    batch_size: int = typer.Option(64, "--batch-size", help="Articles per stored transaction."),
) -> None:
    """Read articles, find their statements, and store them in the ledger."""
    from .ingest import ingest as run_ingest

    default_date = _parse_date(date_, "--date")
    mapping = _field_map(field)
    ledger = _ledger(db)
    analyzer = _analyzer(model)
    with output.IngestProgress(console) as progress:
        summary = run_ingest(paths, ledger, analyzer, default_date=default_date, field_map=mapping,
                             max_bytes=max_bytes, batch_size=batch_size,
                             on_problem=_report_problem, on_batch=progress.update)
    console.print(summary.line(), highlight=False)


@app.command()
def statements(
    db: str = DB_OPTION,
    speaker: Optional[str] = typer.Option(None, help="Speaker name or mention (substring)."),
    act: Optional[str] = typer.Option(None, help="Act: claim, threat, warning, denial, …"),
    since: Optional[str] = typer.Option(None, help="From this date (YYYY-MM-DD)."),
    until: Optional[str] = typer.Option(None, help="Up to this date (YYYY-MM-DD)."),
    search: Optional[str] = typer.Option(None, help="Full-text search in content, cue and speaker."),
    outlet: Optional[str] = typer.Option(None, help="Only this outlet."),
    limit: Optional[int] = typer.Option(None, help="At most this many."),
    as_json: bool = typer.Option(False, "--json", help="JSON lines (statement records)."),
) -> None:
    """List the statements in the ledger."""
    ledger = _ledger(db, must_exist=True)
    records = ledger.iter_statements(speaker=speaker, act=act, since=_parse_date(since, "--since"),
                                     until=_parse_date(until, "--until"), search=search,
                                     outlet=outlet, limit=limit)
    if as_json:
        for record in records:
            sys.stdout.write(dumps_record(record) + "\n")
    else:
        console.print(output.statements_table(list(records)))


@app.command()
def show(
    file: str = typer.Argument(..., help="An article file (or - for standard input)."),
    model: Optional[str] = MODEL_OPTION,
    date_: Optional[str] = typer.Option(None, "--date", help="Publication date when the file has none."),
    as_json: bool = typer.Option(False, "--json", help="JSON lines (statement records)."),
) -> None:
    """Analyse one file without a database and print its statements."""
    from .ingest import analyse, default_resolver
    from .sources import read_paths

    items = list(read_paths([file], default_date=_parse_date(date_, "--date")))
    for problem in (i for i in items if isinstance(i, Problem)):
        _report_problem(problem)
    articles = [i for i in items if not isinstance(i, Problem)]
    if not articles:
        raise typer.Exit(1)
    analyzer = _analyzer(model)
    for article, found in analyse(articles, analyzer, default_resolver()):
        records = [s.record(article) for s in found]
        if as_json:
            for record in records:
                sys.stdout.write(dumps_record(record) + "\n")
        else:
            console.print(output.statements_table(records, title=article.path or "-"))


@app.command()
def export(
    db: str = DB_OPTION,
    format_: str = typer.Option("jsonl", "--format", help="jsonl or csv."),
    out: Optional[Path] = typer.Option(None, "--out", help="Write here instead of standard output."),
) -> None:
    """Export every statement record."""
    ledger = _ledger(db, must_exist=True)
    if format_ not in output.EXPORTERS:
        _fail(f"--format {format_!r} is not one of {', '.join(output.EXPORTERS)}")
    stream = out.open("w", encoding="utf-8", newline="") if out else sys.stdout
    try:
        count = output.EXPORTERS[format_](ledger.iter_statements(), stream)
    finally:
        if out:
            stream.close()
    if out:
        err.print(f"{count} statements written to {out}", highlight=False)


@eval_app.command("polnear")
def eval_polnear(
    split_dir: Path = typer.Argument(..., help="A PolNeAR split folder (with text/ and attributions/)."),
    model: Optional[str] = MODEL_OPTION,
    as_json: bool = typer.Option(False, "--json", help="Print the figures as JSON."),
    breakdown: bool = typer.Option(False, "--breakdown", help="Also show recall by cue and quote kind."),
) -> None:
    """Score attribution on PolNeAR: exact-span, token-overlap and attribution-level P/R/F1."""
    from .evaluate import evaluate_polnear, print_report, to_json

    if not (split_dir / "text").is_dir():
        _fail(f"{split_dir} is not a PolNeAR split (no text/ folder)")
    analyzer = _analyzer(model)

    def analyze(articles):
        return analyzer.analyze_texts([a.text for a in articles], [a.published for a in articles])

    scores, details = evaluate_polnear(split_dir, analyze)
    if as_json:
        sys.stdout.write(to_json(scores, details if breakdown else None) + "\n")
    else:
        print_report(scores, details if breakdown else None, console=console)


def main() -> None:  # pragma: no cover - console script entry
    app()
