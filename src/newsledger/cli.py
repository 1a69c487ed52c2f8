"""The ``newsledger`` command: a thin Typer layer over the library.

Each command parses its options, calls one library function and prints the
result (through :mod:`newsledger.output`); no analysis happens here.

Errors are one line on standard error. Exit codes: 0 done (problems with single
input files are reported, one line each, and the rest of the batch goes on);
1 the job could not be done (no ledger, nothing readable, a database error);
2 a usage error (a bad option value).
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Iterable
from datetime import date
from pathlib import Path
from typing import Optional

import typer
from rich.console import Console
from rich.text import Text

from . import output
from .model import ACTS, Problem, dumps_record

app = typer.Typer(add_completion=False, no_args_is_help=True, pretty_exceptions_show_locals=False,
                  help="Turn dated news articles into a ledger of who said what, when, where, "
                       "about whom, and on what condition.")
eval_app = typer.Typer(no_args_is_help=True, help="Score newsledger against a gold corpus.")
app.add_typer(eval_app, name="eval")

console = output.make_console()
err = output.make_console(stderr=True)

DB_OPTION = typer.Option("newsledger.db", "--db", help="SQLite file or database URL.")
MODEL_OPTION = typer.Option(
    None, "--model", help="Attribution model: accurate (default) or fast (learned, shipped in the "
                          "package), or rules; any other name is a spaCy pipeline to load instead of "
                          "en_core_web_sm.")
DATE_HELP = "Date for articles that carry none (YYYY-MM-DD)."
FIELD_HELP = "Map a field for JSONL/CSV, e.g. text=BODY (repeatable)."
MAX_BYTES_HELP = "Largest article, web page, feed file, or JSONL/CSV line accepted, in bytes."


def _fail(message: str, code: int = 2) -> None:
    err.print(output.error_line(message), soft_wrap=True)
    raise typer.Exit(code)


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
        if not sep or not ours.strip() or not theirs.strip():
            _fail(f"--field {item!r} must look like text=BODY")
        mapping[ours.strip().lower()] = theirs.strip()
    return mapping


def _analyzer(model: str | None, components: list[str] | None = None):
    from .nlp.pipeline import Analyzer, ModelNotFound

    try:
        return Analyzer(model, components=components)
    except ModelNotFound as exc:
        _fail(str(exc), code=1)


def _ledger(db: str, must_exist: bool = False):
    from .store import Ledger

    if must_exist and "://" not in db and not Path(db).exists():
        _fail(f"no ledger at {db} (run `newsledger ingest ARTICLES/ --db {db}` first)", code=1)
    try:
        return Ledger(db)
    except Exception as exc:  # a bad URL, a file that is not a database, a newer schema…
        _fail(f"cannot open ledger {db}: {_first_line(exc)}", code=1)


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__


def _report_problem(problem: Problem) -> None:
    err.print(output.problem_line(problem), soft_wrap=True)


def _write_lines(lines: Iterable[str]) -> None:
    """Lines to standard output; a reader that stops early (``| head``) is not an error."""
    try:
        for line in lines:
            sys.stdout.write(line + "\n")
        sys.stdout.flush()
    except BrokenPipeError:
        _quiet_stdout()


def _quiet_stdout() -> None:
    # Python flushes stdout again at exit; point it at devnull so that flush is silent.
    try:
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    except (OSError, ValueError):  # not a real file (a test runner's buffer)
        pass


@app.command()
def ingest(
    paths: list[str] = typer.Argument(..., help="Files or folders of articles; - for standard input."),
    db: str = DB_OPTION,
    model: Optional[str] = MODEL_OPTION,
    date_: Optional[str] = typer.Option(None, "--date", help=DATE_HELP),
    field: list[str] = typer.Option([], "--field", help=FIELD_HELP),
    max_bytes: int = typer.Option(2_000_000, "--max-bytes", min=1, help=MAX_BYTES_HELP),
    batch_size: int = typer.Option(64, "--batch-size", min=1, help="Articles per stored transaction."),
    workers: Optional[int] = typer.Option(
        None, "--workers", min=1,
        help="Processes analysing articles (default: all cores); 1 analyses in this process. "
             "With --ray: Ray actors (default: one per cluster CPU)."),
    ray: Optional[str] = typer.Option(
        None, "--ray", metavar="ADDRESS",
        help="Analyse on a Ray cluster: HOST:PORT, auto (the cluster this machine is in) "
             "or local (a Ray started for this run)."),
    shards: Optional[Path] = typer.Option(
        None, "--shards", help="Write Parquet shards to this folder instead of the ledger "
                               "(import them with `newsledger load`)."),
    max_statements: int = typer.Option(
        1000, "--max-statements", min=1,
        help="Most statements one article may hold; an article with more is refused."),
    analysis: bool = typer.Option(
        True, "--analysis/--no-analysis",
        help="After storing, bring red lines, positions and outlet voice up to date "
             "(the analysis commands also do it when they run)."),
) -> None:
    """Read articles, find their statements, and store them in the ledger."""
    from sqlalchemy.exc import SQLAlchemyError

    from .cli_scale import analysis_pool, ingest_target
    from .ingest import ingest as run_ingest
    from .nlp.pipeline import ModelNotFound
    from .parallel import WorkerError, default_workers

    default_date = _parse_date(date_, "--date")
    mapping = _field_map(field)
    target = ingest_target(db, shards)
    progress = output.IngestProgress(err)
    try:
        with progress, analysis_pool(ray, model, workers) as pool:
            summary = run_ingest(paths, target, pool or (lambda: _analyzer(model)),
                                 workers=workers or default_workers(), model=model,
                                 default_date=default_date, field_map=mapping, max_bytes=max_bytes,
                                 batch_size=batch_size, max_statements=max_statements,
                                 on_problem=_report_problem, on_batch=progress.update)
        if analysis and summary.added and shards is None:
            _refresh_analysis(target)
    except KeyboardInterrupt:
        _fail("interrupted; the batches stored before are kept", code=130)
    except SQLAlchemyError as exc:
        _fail(f"ledger {db}: {_first_line(exc)}; the batches stored before are kept", code=1)
    except ModelNotFound as exc:
        _fail(str(exc), code=1)
    except WorkerError as exc:
        _fail(f"{_first_line(exc)}; the batches stored before are kept", code=1)
    finally:
        target.close()
    console.print(progress.closing(summary), highlight=False, soft_wrap=True)
    if summary.read == 0 and summary.problems:
        raise typer.Exit(1)


def _refresh_analysis(ledger) -> None:
    from .analysis.refresh import refresh

    refresh(ledger)  # quietly: the closing line stays the one line a run prints


@app.command()
def statements(
    db: str = DB_OPTION,
    speaker: Optional[str] = typer.Option(None, help="Speaker name or mention (substring)."),
    act: Optional[str] = typer.Option(None, help=f"One of: {', '.join(ACTS)}."),
    since: Optional[str] = typer.Option(None, help="From this date (YYYY-MM-DD)."),
    until: Optional[str] = typer.Option(None, help="Up to this date (YYYY-MM-DD)."),
    search: Optional[str] = typer.Option(None, help="Full-text search in content, cue and speaker."),
    outlet: Optional[str] = typer.Option(None, help="Only this outlet."),
    limit: Optional[int] = typer.Option(None, min=0, help="At most this many."),
    as_json: bool = typer.Option(False, "--json", help="JSON lines (statement records)."),
    copies: bool = typer.Option(False, "--copies", help="Every copy of a statement that several "
                                "outlets carried (default: once, on its earliest copy)."),
) -> None:
    """List the statements in the ledger (oldest first)."""
    if act is not None and act not in ACTS:
        _fail(f"--act {act!r} is not one of {', '.join(ACTS)}")
    start, end = _parse_date(since, "--since"), _parse_date(until, "--until")
    ledger = _ledger(db, must_exist=True)
    try:
        records = ledger.iter_statements(speaker=speaker, act=act, since=start, until=end,
                                         search=search, outlet=outlet, limit=limit,
                                         copies=copies)
        if as_json:
            _write_lines(dumps_record(record) for record in records)
        else:
            console.print(output.statements_table(records))
    finally:
        ledger.close()


def _read_articles(file: str, date_: str | None, field: list[str], max_bytes: int) -> list:
    """The articles of one file (problems reported); exits 1 when there are none."""
    from .sources import read_paths

    items = read_paths([file], default_date=_parse_date(date_, "--date"),
                       field_map=_field_map(field), max_bytes=max_bytes)
    articles = []
    for item in items:
        if isinstance(item, Problem):
            _report_problem(item)
        else:
            articles.append(item)
    if not articles:
        raise typer.Exit(1)
    return articles


@app.command()
def dates(
    file: str = typer.Argument(..., help="An article file (or - for standard input)."),
    model: Optional[str] = MODEL_OPTION,
    date_: Optional[str] = typer.Option(None, "--date", help=DATE_HELP),
    field: list[str] = typer.Option([], "--field", help=FIELD_HELP),
    max_bytes: int = typer.Option(2_000_000, "--max-bytes", min=1, help=MAX_BYTES_HELP),
    as_json: bool = typer.Option(False, "--json", help="JSON lines: file, span, text, type, value."),
) -> None:
    """List the time expressions of one file with their TIMEX3 values."""
    articles = _read_articles(file, date_, field, max_bytes)
    analyzer = _analyzer(model, components=["timex"])
    for article in articles:
        records = [{"file": article.path or "-", "span": list(t.span), "text": t.text,
                    "type": t.type, "value": t.value} for t in analyzer.time_expressions(article)]
        if as_json:
            _write_lines(json.dumps(r, ensure_ascii=False) for r in records)
        else:
            console.print(output.timex_table(records))


@app.command()
def show(
    file: str = typer.Argument(..., help="An article file (or - for standard input)."),
    model: Optional[str] = MODEL_OPTION,
    date_: Optional[str] = typer.Option(None, "--date", help=DATE_HELP),
    field: list[str] = typer.Option([], "--field", help=FIELD_HELP),
    max_bytes: int = typer.Option(2_000_000, "--max-bytes", min=1, help=MAX_BYTES_HELP),
    as_json: bool = typer.Option(False, "--json", help="JSON lines (statement records)."),
) -> None:
    """Analyse one file without a database and print its statements."""
    from .ingest import analyse, default_resolver

    articles = _read_articles(file, date_, field, max_bytes)
    analyzer = _analyzer(model)
    for article, found in analyse(articles, analyzer, default_resolver()):
        records = [s.record(article) for s in found]
        if as_json:
            _write_lines(dumps_record(record) for record in records)
        else:
            title = article.path or "-"
            if "record" in article.extra:
                title += f":{article.extra['record']}"
            console.print(Text(title, style="bold"), soft_wrap=True)
            console.print(output.statements_table(records))


@app.command()
def export(
    db: str = DB_OPTION,
    format_: str = typer.Option("jsonl", "--format", help="jsonl, csv, cameo (GDELT-style event rows, "
                                "tab-separated) or plover (POLECAT-style event rows, tab-separated)."),
    out: Optional[Path] = typer.Option(None, "--out", help="Write here instead of standard output."),
) -> None:
    """Export every statement record (the contract of DESIGN.md) as JSON lines or CSV."""
    if format_ not in output.EXPORTERS:
        _fail(f"--format {format_!r} is not one of {', '.join(output.EXPORTERS)}")
    ledger = _ledger(db, must_exist=True)
    try:
        if out is None:
            try:
                output.EXPORTERS[format_](ledger.iter_statements(), sys.stdout)
                sys.stdout.flush()
            except BrokenPipeError:
                _quiet_stdout()
            return
        try:
            stream = out.open("w", encoding="utf-8", newline="")
        except OSError as exc:
            _fail(f"cannot write {out}: {exc.strerror or exc}", code=1)
        with stream:
            count = output.EXPORTERS[format_](ledger.iter_statements(), stream)
        err.print(f"{count} statements written to {out}", highlight=False, soft_wrap=True)
    finally:
        ledger.close()


@eval_app.command("polnear")
def eval_polnear(
    split_dir: Path = typer.Argument(..., help="A PolNeAR split folder (with text/ and attributions/)."),
    model: Optional[str] = MODEL_OPTION,
    as_json: bool = typer.Option(False, "--json", help="Print the figures as JSON."),
    breakdown: bool = typer.Option(False, "--breakdown", help="Also show recall by cue and quote kind."),
) -> None:
    """Score attribution on PolNeAR: exact-span, token-overlap and attribution-level P/R/F1."""
    from .evaluate import evaluate_polnear, print_report, to_json

    if not (split_dir / "text").is_dir() or not (split_dir / "attributions").is_dir():
        _fail(f"{split_dir} is not a PolNeAR split (it needs text/ and attributions/ folders)")
    if not any((split_dir / "attributions").glob("*.ann")):
        _fail(f"{split_dir} has no annotated articles (no .ann file in attributions/)", code=1)
    analyzer = _analyzer(model)

    def analyze(articles):
        return analyzer.analyze_texts([a.text for a in articles], [a.published for a in articles])

    scores, details = evaluate_polnear(split_dir, analyze)
    if as_json:
        _write_lines([to_json(scores, details if breakdown else None)])
    else:
        print_report(scores, details if breakdown else None, console=console)


from .cli_actors import register as _register_actors  # noqa: E402  (commands on the same app)

_register_actors(app)
from .cli_web import register as _register_web  # noqa: E402

_register_web(app)
from .cli_train import register as _register_train  # noqa: E402

_register_train(app)
from .cli_redlines import register as _register_redlines  # noqa: E402

_register_redlines(app)
from .cli_positions import register as _register_positions  # noqa: E402

_register_positions(app)
from .cli_outlet import register as _register_outlet  # noqa: E402

_register_outlet(app)
from .cli_watch import register as _register_watch  # noqa: E402

_register_watch(app)
from .cli_scale import register as _register_scale  # noqa: E402

_register_scale(app)


def main() -> None:  # pragma: no cover - console script entry
    app()
