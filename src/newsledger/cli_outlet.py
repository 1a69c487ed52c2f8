"""``newsledger outlet NAME``: what an outlet says in its own voice, and what it repeats.

A thin Typer layer over :mod:`newsledger.analysis.outlet_voice`; ``register(app)`` adds the
command to the main app.

    newsledger outlet "Harbour Herald" [--db FILE] [--json] [--recent 10]
        articles and statements of the outlet, its own-voice assertions (sentences outside
        every attribution), the paragraphs it repeats across articles (how often, what share
        of its articles, first and last date), and its newest own-voice assertions

Articles stored but not yet processed for outlet voice are processed first (idempotent), so
the report is up to date after any ingest. Errors (no ledger, unknown outlet) are one line
on standard error, exit code 1.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import typer
from rich import box
from rich.table import Table
from rich.text import Text

from .output import error_line, make_console, shorten


def _fail(message: str, code: int = 1) -> None:
    """``error: MESSAGE`` as one line on standard error (never read as markup), then exit."""
    make_console(stderr=True).print(error_line(message), soft_wrap=True)
    raise typer.Exit(code)


def _open(db: str):
    from .store import Ledger

    if "://" not in db and not Path(db).exists():
        _fail(f"no ledger at {db} (run `newsledger ingest ARTICLES/ --db {db}` first)")
    try:
        return Ledger(db)
    except Exception as exc:  # a bad URL, a file that is not a database, ...
        _fail(f"cannot open ledger {db}: {str(exc).splitlines()[0]}")


def outlet_command(
    name: str = typer.Argument(..., help="The outlet's name, as in the articles (any letter case)."),
    as_json: bool = typer.Option(False, "--json", help="The report as one JSON object."),
    recent: int = typer.Option(10, "--recent", min=0, help="How many recent own-voice assertions to show."),
    db: str = typer.Option("newsledger.db", "--db", help="SQLite file or database URL."),
) -> None:
    """Show an outlet's own voice: its unattributed assertions and its recurring paragraphs."""
    from .analysis.outlet_voice import outlet_report, update_outlet_voice

    ledger = _open(db)
    try:
        update_outlet_voice(ledger)
        report = outlet_report(ledger, name, recent=recent)
    finally:
        ledger.close()
    if report is None:
        _fail(f"no outlet called {name!r} in {db}")
    if as_json:
        sys.stdout.write(json.dumps(report, ensure_ascii=False) + "\n")
        return
    _print(report)


def _print(report: dict[str, Any]) -> None:
    console = make_console()
    console.print(Text(report["outlet"], style="bold"))
    console.print(f"{report['articles']} articles ({report['first'] or '?'} to {report['last'] or '?'}), "
                  f"{report['statements']} attributed statements, {report['assertions']} own-voice "
                  f"assertions in {report['processed']} processed articles", highlight=False)
    count = len(report["boilerplate"])
    groups = Table(title=f"{count} recurring paragraph{'' if count == 1 else 's'}", title_justify="left",
                   box=box.SIMPLE_HEAD, show_lines=True, pad_edge=False)
    for column in ("articles", "share", "first", "last", "own voice"):
        groups.add_column(column, no_wrap=True)
    groups.add_column("paragraph", ratio=1, overflow="fold")
    for g in report["boilerplate"]:
        share = f"{g['share']:.0%}" if g["share"] is not None else ""
        groups.add_row(str(g["count"]), share, g["first"] or "", g["last"] or "",
                       "yes" if g["own_voice"] else "no", Text(shorten(g["sample"])))
    console.print(groups)
    latest = Table(title="recent own-voice assertions", title_justify="left", box=box.SIMPLE_HEAD,
                   show_lines=True, pad_edge=False)
    latest.add_column("date", no_wrap=True, min_width=10)
    latest.add_column("assertion", ratio=1, overflow="fold")
    latest.add_column("article", max_width=30, overflow="fold")
    for a in report["recent"]:
        article = a["article"]
        where = f"{shorten(article['title'] or article['id'], 60)}\n{a['span'][0]}-{a['span'][1]}"
        latest.add_row(a["date"] or "—", Text(shorten(a["text"])), Text(where, style="dim"))
    console.print(latest)


def register(app: typer.Typer) -> None:
    """Add ``outlet`` to the ``newsledger`` app."""
    app.command("outlet")(outlet_command)


__all__ = ["outlet_command", "register"]
