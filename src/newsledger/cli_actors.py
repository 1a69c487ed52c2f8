"""``newsledger actors`` and ``newsledger actor NAME``: who speaks in the ledger.

A thin Typer layer over :mod:`newsledger.store.actors` (``list_actors``,
``actor_profile``); ``register(app)`` adds both commands to the main app.

    newsledger actors [--kind person] [--json] [--db FILE]
        one record per actor: id, name, kind, role, country, organization,
        aliases, statements (count), first and last statement date
    newsledger actor "Jens Stoltenberg" [--json] [--db FILE]
        the actor's profile: roles over time and statements over time
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any, Optional

import typer
from rich import box
from rich.console import Console
from rich.table import Table

from .model import SPEAKER_KINDS
from .output import make_console

err = Console(stderr=True)


def _console() -> Console:
    return make_console()  # made per command, so the terminal width (COLUMNS) is read then

_LIST_FIELDS = ("id", "name", "kind", "role", "country", "organization", "aliases", "statements",
                "first", "last")


def _open(db: str):
    from .output import error_line
    from .store import Ledger

    def fail(message: str) -> None:
        err.print(error_line(message), soft_wrap=True)
        raise typer.Exit(2)

    if "://" not in db and not Path(db).exists():
        fail(f"no ledger at {db} (run `newsledger ingest ARTICLES/ --db {db}` first)")
    try:
        return Ledger(db)
    except Exception as exc:  # a bad URL, a file that is not a database, …
        fail(f"cannot open ledger {db}: {str(exc).splitlines()[0]}")


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, default=str)


def actors_command(
    kind: Optional[str] = typer.Option(None, "--kind", help="Only this kind: " + ", ".join(SPEAKER_KINDS) + "."),
    as_json: bool = typer.Option(False, "--json", help="JSON lines, one actor a line."),
    db: str = typer.Option("newsledger.db", "--db", help="SQLite file or database URL."),
) -> None:
    """List the actors in the ledger, most statements first."""
    from .store.actors import list_actors

    if kind is not None and kind not in SPEAKER_KINDS:
        err.print(f"[red]error:[/red] --kind {kind!r} is not one of {', '.join(SPEAKER_KINDS)}", highlight=False)
        raise typer.Exit(2)
    ledger = _open(db)
    try:
        records = list_actors(ledger, kind=kind)
    finally:
        ledger.close()
    if as_json:
        for record in records:
            sys.stdout.write(_json({k: record.get(k) for k in _LIST_FIELDS}) + "\n")
        return
    console = _console()
    table = Table(title=f"{len(records)} actors", box=box.SIMPLE_HEAD)
    for column in ("name", "kind", "role", "country", "organization", "statements", "first", "last"):
        short = column in ("name", "kind", "country", "statements", "first", "last")
        table.add_column("n" if column == "statements" else column, no_wrap=short,
                         overflow="ellipsis" if short else "fold")
    for r in records:
        table.add_row(r["name"], r["kind"], r["role"] or "", r["country"] or "", r["organization"] or "",
                      str(r["statements"]), r["first"] or "", r["last"] or "")
    console.print(table)


def actor_command(
    name: str = typer.Argument(..., help="The actor's name, an alias, or its id."),
    as_json: bool = typer.Option(False, "--json", help="The profile as one JSON object."),
    db: str = typer.Option("newsledger.db", "--db", help="SQLite file or database URL."),
) -> None:
    """Show one actor: profile, roles over time, statements over time."""
    from .output import statements_table
    from .store.actors import actor_profile

    ledger = _open(db)
    try:
        profile = actor_profile(ledger, name)
    finally:
        ledger.close()
    if profile is None:
        err.print(f"[red]error:[/red] no actor called {name!r} in {db}", highlight=False)
        raise typer.Exit(1)
    if as_json:
        sys.stdout.write(_json(profile) + "\n")
        return
    console = _console()
    console.print(f"[bold]{profile['name']}[/bold]  ({profile['kind']}, {profile['id']})", highlight=False)
    current = ", ".join(x for x in (profile.get("role"), profile.get("organization"), profile.get("country")) if x)
    if current:
        console.print(f"latest role: {current}", highlight=False)
    if profile.get("aliases"):
        console.print("also written: " + "; ".join(profile["aliases"]), highlight=False)
    if profile.get("members"):
        console.print("members: " + ", ".join(m.get("name") or "?" for m in profile["members"]), highlight=False)
    console.print(f"{profile['statements']} statements, {profile.get('first') or '?'} to {profile.get('last') or '?'}",
                  highlight=False)
    if profile.get("roles"):
        roles = Table(title="roles")
        for column in ("title", "country", "organization", "from", "until", "source"):
            roles.add_column(column)
        for r in profile["roles"]:
            roles.add_row(r.get("title") or "", r.get("country") or "", r.get("organization") or "",
                          r.get("from") or r.get("seen_from") or "", r.get("until") or r.get("seen_until") or "",
                          r.get("source") or "")
        console.print(roles)
    console.print(statements_table(profile["statement_records"], title="statements over time"))


def register(app: typer.Typer) -> None:
    """Add ``actors`` and ``actor`` to the ``newsledger`` app."""
    app.command("actors")(actors_command)
    app.command("actor")(actor_command)


__all__ = ["actor_command", "actors_command", "register"]
