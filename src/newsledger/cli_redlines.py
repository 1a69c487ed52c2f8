"""``newsledger redlines``: the red-line board, and a person's verdict on possible triggers.

A thin Typer layer over :mod:`newsledger.analysis.redlines`; ``register(app)`` adds the
``redlines`` group to the main app.

    newsledger redlines [--status S] [--json] [--db DB]
        every red line: holder, trigger, consequence, first stated, restatements, status,
        candidate matches (JSON lines with --json, one red line a line)
    newsledger redlines show ID [--json] [--db DB]
        one red line with its evidence, candidate matches and the rest of its group
    newsledger redlines confirm ID [--event STATEMENT] [--db DB]
    newsledger redlines reject ID [--event STATEMENT] [--db DB]
        record a person's decision on the red line's candidate matches (those awaiting one,
        or the one reported by STATEMENT); ID may be a unique prefix of the red line's id

Each command first brings red lines up to date (``update_redlines``: statements already
parsed are not parsed again), so what is shown is current. Decisions are kept across updates.
"""

from __future__ import annotations

import json
import sys
from typing import Any, Optional

import typer
from rich import box
from rich.markup import escape
from rich.table import Table

from .cli_actors import _console, _open, err

redlines_app = typer.Typer(no_args_is_help=False, invoke_without_command=True,
                           help="Red lines: conditional threats, warnings and commitments, and "
                                "reported events that may have crossed them.")

_STATUS_STYLE = {"open": "", "possibly-triggered": "yellow", "confirmed": "red", "rejected": "dim"}
_DB_HELP = "SQLite file or database URL."
_SHORT_ID = 10  # shown in the table; any unique prefix is accepted back


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, default=str)


def _error(message: str, code: int) -> None:
    err.print(f"[red]error:[/red] {escape(message)}", highlight=False, soft_wrap=True)
    raise typer.Exit(code)


def _update(ledger) -> None:
    """Bring red lines up to date; say so on stderr when something new was found."""
    from .analysis.redlines import update_redlines

    summary = update_redlines(ledger)
    if summary["new_redlines"] or summary["new_matches"]:
        err.print(f"red lines updated: {summary['new_redlines']} new, {summary['new_matches']} new "
                  f"possible triggers ({summary['redlines']} red lines in {summary['groups']} groups)",
                  highlight=False, soft_wrap=True)


@redlines_app.callback()
def redlines_command(
    ctx: typer.Context,
    status: Optional[str] = typer.Option(
        None, "--status", help="Only red lines with this status: open, possibly-triggered, confirmed, rejected."),
    as_json: bool = typer.Option(False, "--json", help="JSON lines, one red line a line."),
    db: str = typer.Option("newsledger.db", "--db", help=_DB_HELP),
) -> None:
    """List red lines (holder, trigger, consequence, dates, status); see also show, confirm, reject."""
    from .analysis.redlines import STATUSES, redline_board

    if ctx.invoked_subcommand is not None:
        return
    if status is not None and status not in STATUSES:
        _error(f"--status {status!r} is not one of {', '.join(STATUSES)}", 2)
    ledger = _open(db)
    try:
        _update(ledger)
        records = redline_board(ledger, status=status)
    finally:
        ledger.close()
    if as_json:
        for record in records:
            sys.stdout.write(_json(record) + "\n")
        return
    _console().print(_board_table(records, status))


@redlines_app.command("show")
def show_command(
    redline_id: str = typer.Argument(..., metavar="ID", help="A red line id (or a unique prefix of one)."),
    as_json: bool = typer.Option(False, "--json", help="The red line as one JSON object."),
    db: str = typer.Option("newsledger.db", "--db", help=_DB_HELP),
) -> None:
    """Show one red line: every statement of it, its candidate matches, its group."""
    from .analysis.redlines import redline

    ledger = _open(db)
    try:
        _update(ledger)
        record = redline(ledger, redline_id)
    finally:
        ledger.close()
    if record is None:
        _error(f"no red line (or more than one) has an id starting with {redline_id!r}", 1)
    if as_json:
        sys.stdout.write(_json(record) + "\n")
        return
    _print_redline(record)


def _decide(redline_id: str, decision: str, event: str | None, db: str) -> None:
    from .analysis.redline_board import RedLineNotFound
    from .analysis.redlines import decide

    ledger = _open(db)
    try:
        _update(ledger)
        record = decide(ledger, redline_id, decision, statement_id=event)
    except (RedLineNotFound, ValueError) as exc:
        _error(str(exc).strip("'\""), 1)
    finally:
        ledger.close()
    decided = [m for m in record["matches"] if m["decision"] == decision]
    sys.stdout.write(f"{record['id']}  {record['holder']['name']}: {record['trigger']}  →  "
                     f"{record['status']} ({len(decided)} of {len(record['matches'])} matches {decision})\n")


@redlines_app.command("confirm")
def confirm_command(
    redline_id: str = typer.Argument(..., metavar="ID", help="A red line id (or a unique prefix of one)."),
    event: Optional[str] = typer.Option(None, "--event", help="Only the match reported by this statement id."),
    db: str = typer.Option("newsledger.db", "--db", help=_DB_HELP),
) -> None:
    """Confirm that the red line was crossed by its candidate matches (those awaiting a decision)."""
    _decide(redline_id, "confirmed", event, db)


@redlines_app.command("reject")
def reject_command(
    redline_id: str = typer.Argument(..., metavar="ID", help="A red line id (or a unique prefix of one)."),
    event: Optional[str] = typer.Option(None, "--event", help="Only the match reported by this statement id."),
    db: str = typer.Option("newsledger.db", "--db", help=_DB_HELP),
) -> None:
    """Reject the red line's candidate matches (those awaiting a decision): it was not crossed."""
    _decide(redline_id, "rejected", event, db)


# --------------------------------------------------------------------------- printing

def _status(value: str) -> str:
    style = _STATUS_STYLE.get(value)
    return f"[{style}]{value}[/]" if style else value


def _board_table(records: list[dict[str, Any]], status: str | None) -> Table:
    title = f"{len(records)} red lines" + (f" ({status})" if status else "") + \
        " (stated: first, then restated)"
    table = Table(title=title, box=box.SIMPLE_HEAD)
    for column in ("id", "status", "matches", "holder", "trigger", "consequence", "stated"):
        if column in ("holder", "trigger", "consequence"):
            table.add_column(column, overflow="fold", min_width=12 if column == "holder" else 16)
        else:
            table.add_column(column, no_wrap=True)
    for r in records:
        others = [h for h in r["group_holders"] if h != r["holder"]["name"]]
        trigger = escape(r["trigger"]) + (f"\n[dim]also held by {escape(', '.join(others))}[/]" if others else "")
        matches = f"{r['matches']}" + (f"\n{r['pending']} to decide" if r["pending"] else "")
        stated = "\n".join([r["first_stated"] or "?", *(f"[dim]{d}[/]" for d in r["restated"])])
        table.add_row(r["id"][:_SHORT_ID], _status(r["status"]), matches if r["matches"] else "",
                      escape(r["holder"]["name"]), trigger, escape(r["consequence"] or ""), stated)
    return table


def _print_redline(r: dict[str, Any]) -> None:
    console = _console()
    console.print(f"[bold]{escape(r['holder']['name'])}[/bold]: if {escape(r['condition'] or r['trigger'])} "
                  f"→ {escape(r['consequence'] or '?')}", highlight=False)
    console.print(f"id {r['id']}, status {_status(r['status'])}; trigger: {escape(r['trigger'])}; "
                  f"group: {escape(r['group_trigger'])}", highlight=False)
    statements = Table(title="stated", box=box.SIMPLE_HEAD)
    for column in ("date", "", "outlet", "words"):
        statements.add_column(column, overflow="fold", no_wrap=column != "words")
    for s in r["statements"]:
        condition = (s.get("condition") or {}).get("text")
        words = (s["content"] or "") + (f"  (if {condition})" if condition else "")
        statements.add_row(s["date"] or "", "restated" if s["restatement"] else "first",
                           escape(s["article"].get("outlet") or ""), escape(words))
    console.print(statements)
    if r["matches"]:
        matches = Table(title="possible triggers", box=box.SIMPLE_HEAD)
        for column in ("date", "statement", "similarity", "decision", "reported"):
            matches.add_column(column, overflow="fold", no_wrap=column != "reported")
        for m in r["matches"]:
            matches.add_row(m["date"] or "", m["statement_id"][:12], f"{m['similarity']:.2f}",
                            m["decision"] or "[yellow]to decide[/]",
                            escape(f"{m['speaker'] or '?'}: {m['content'] or ''}"))
        console.print(matches)
    for g in r["group"]:
        console.print(f"same trigger: {escape(g['holder']['name'])} ({g['id']}, {g['status']}): "
                      f"{escape(g['consequence'] or '?')}", highlight=False)


def register(app: typer.Typer) -> None:
    """Add the ``redlines`` group (list, show, confirm, reject) to the ``newsledger`` app."""
    app.add_typer(redlines_app, name="redlines")


__all__ = ["confirm_command", "redlines_app", "redlines_command", "register", "reject_command", "show_command"]
