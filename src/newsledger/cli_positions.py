"""``newsledger positions`` and ``newsledger timeline NAME``: stances on issues, and activity
over time.

A thin Typer layer over :mod:`newsledger.analysis.positions` and
:mod:`newsledger.analysis.timelines`; ``register(app)`` adds both commands.

    newsledger positions [--actor A] [--issue I] [--changes] [--json] [--db DB]
        each actor's current stance on each issue (or, with --changes, every change of
        position with the two statements as evidence)
    newsledger timeline NAME [--by month|week|day] [--kind actor|issue|outlet] [--json] [--db DB]
        statement counts by act per period (for an outlet, its own-voice assertions too),
        and the latest statements

Both first place statements that are not in an issue yet (``update_positions``, which is
idempotent): issues are derived data, like a search index, kept current when read. The
timeline of an outlet likewise first processes articles not yet read for outlet voice.
"""

from __future__ import annotations

import json
import sys
from typing import Any, Optional

import typer
from rich import box
from rich.table import Table
from rich.text import Text

from .cli_outlet import _fail, _open
from .output import make_console

_STANCE_STYLE = {"for": "green", "against": "red", "conditional": "yellow", "neutral": "dim"}


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, default=str)


def _update(ledger) -> None:
    """Place new statements in issues; say so on stderr when there were any."""
    from .analysis.positions import update_positions
    from .store.positions import count_unassigned

    if count_unassigned(ledger):
        summary = update_positions(ledger)
        make_console(stderr=True).print(f"positions updated: {summary}", highlight=False, soft_wrap=True,
                                        markup=False)


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}{'' if n == 1 else 's'}"


def _issue(issue: dict[str, Any]) -> Text:
    """An issue as ``id  label`` (the label is never read as markup)."""
    return Text(f"{issue['id']}  {issue['label']}")


def _stance(value: str) -> str:
    return f"[{_STANCE_STYLE.get(value, '')}]{value}[/]"


def _said(e: dict[str, Any]) -> str:
    """One statement as evidence: date, cue and words (markup escaped)."""
    from rich.markup import escape

    return escape(f"{e['date'] or '?'}  {e['cue']}: {e['content']}")


def positions_command(
    actor: Optional[str] = typer.Option(None, "--actor", help="Only this actor (name, alias or id)."),
    issue: Optional[str] = typer.Option(None, "--issue", help="Only this issue (its number or label words)."),
    changes: bool = typer.Option(False, "--changes", help="List changes of position with their evidence."),
    as_json: bool = typer.Option(False, "--json", help="JSON lines, one record a line."),
    db: str = typer.Option("newsledger.db", "--db", help="SQLite file or database URL."),
) -> None:
    """Each actor's stance on each issue (for, against, conditional, neutral), or its changes."""
    from .analysis.positions import find_issues, position_changes, positions
    from .store.actors import find_actor

    ledger = _open(db)
    try:
        _update(ledger)
        if actor is not None and find_actor(ledger, actor) is None:
            _fail(f"no actor called {actor!r} in {db}")
        if issue is not None:
            found = find_issues(ledger, issue)
            if len(found) != 1:
                what = "no issue" if not found else f"{len(found)} issues match"
                shown = "" if not found else ": " + "; ".join(f"{i['id']} {i['label']}" for i in found[:5])
                _fail(f"{what} {issue!r}{shown}")
        records = (position_changes if changes else positions)(ledger, actor=actor, issue=issue)
    finally:
        ledger.close()
    if as_json:
        for record in records:
            sys.stdout.write(_json(record) + "\n")
        return
    console = make_console()
    console.print(_changes_table(records) if changes else _positions_table(records))


def _positions_table(records: list[dict[str, Any]]) -> Table:
    table = Table(title=_count(len(records), "position"), box=box.SIMPLE_HEAD)
    for column in ("issue", "actor", "stance", "since", "n", "changes", "latest statement"):
        short = column in ("stance", "since", "n", "changes")
        table.add_column(column, no_wrap=short, overflow="fold")
    for r in records:
        stated = [h for h in r["history"] if h["stance"] != "neutral"] or r["history"]
        table.add_row(_issue(r["issue"]), Text(r["actor"]["name"]), _stance(r["stance"]),
                      r["since"] or "", str(r["statements"]), str(r["changes"]) if r["changes"] else "",
                      _said(stated[-1]))
    return table


def _changes_table(records: list[dict[str, Any]]) -> Table:
    table = Table(title=_count(len(records), "change") + " of position", box=box.SIMPLE_HEAD)
    for column in ("actor", "issue", "change", "before", "after"):
        table.add_column(column, no_wrap=column == "change", overflow="fold")
    for r in records:
        table.add_row(Text(r["actor"]["name"]), _issue(r["issue"]),
                      f"{_stance(r['from'])} → {_stance(r['to'])}", _said(r["before"]), _said(r["after"]))
    return table


def timeline_command(
    name: str = typer.Argument(..., help="An actor, an issue (number or label words) or an outlet."),
    by: str = typer.Option("month", "--by", help="Period: month, week or day."),
    kind: Optional[str] = typer.Option(None, "--kind", help="Look NAME up only among: actor, issue, outlet."),
    limit: int = typer.Option(10, "--limit", min=0, help="How many of the latest statements to show."),
    as_json: bool = typer.Option(False, "--json", help="The timeline as one JSON object."),
    db: str = typer.Option("newsledger.db", "--db", help="SQLite file or database URL."),
) -> None:
    """Statements of an actor, issue or outlet over time, counted by act, with the latest."""
    from .analysis.outlet_voice import update_outlet_voice
    from .analysis.timelines import KINDS, PERIODS, NameLookupError, resolve, subject_timeline

    if by not in PERIODS:
        _fail(f"--by {by!r} is not one of {', '.join(PERIODS)}", 2)
    if kind is not None and kind not in KINDS:
        _fail(f"--kind {kind!r} is not one of {', '.join(KINDS)}", 2)
    ledger = _open(db)
    try:
        if kind in (None, "issue"):
            _update(ledger)  # issue names are looked up too
        subject = resolve(ledger, name, kind)
        if subject["kind"] == "outlet":
            update_outlet_voice(ledger)  # its own-voice assertions are counted too
        result = subject_timeline(ledger, subject, by=by, limit=limit)
    except NameLookupError as exc:
        _fail(str(exc))
    finally:
        ledger.close()
    if as_json:
        sys.stdout.write(_json(result) + "\n")
        return
    _print_timeline(result)


def _print_timeline(t: dict[str, Any]) -> None:
    from .output import statements_table

    console = make_console()
    span = f"{t['first']} to {t['last']}" if t["first"] else "no dated statements"
    undated = f", {t['undated']} undated" if t["undated"] else ""
    if "own_voice" in t:
        undated += f"; {t['own_voice']} own-voice assertions"
    header = Text(t["name"], style="bold")
    header.append(f"  ({t['kind']}, {t['id']}): {t['total']} statements, {span}{undated}")
    console.print(header, highlight=False)
    acts = list(t["acts"])
    voiced = "own_voice" in t  # an outlet: its unattributed sentences, beside the statements
    table = Table(title=f"statements by act, per {t['by']}", box=box.SIMPLE_HEAD)
    table.add_column(t["by"], no_wrap=True)
    for act in acts:
        table.add_column(act, justify="right")
    table.add_column("total", justify="right")
    if voiced:
        table.add_column("own voice", justify="right")
    for p in t["periods"]:
        extra = [str(p["own_voice"])] if voiced else []
        table.add_row(p["period"], *(str(p["acts"].get(a, "")) for a in acts), str(p["total"]), *extra)
    console.print(table)
    if t["statements"]:
        console.print(statements_table(t["statements"], title="latest statements"))


def register(app: typer.Typer) -> None:
    """Add ``positions`` and ``timeline`` to the ``newsledger`` app."""
    app.command("positions")(positions_command)
    app.command("timeline")(timeline_command)


__all__ = ["positions_command", "register", "timeline_command"]
