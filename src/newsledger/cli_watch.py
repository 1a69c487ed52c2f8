"""``newsledger watch FEED...``: poll RSS/Atom feeds and ingest only new entries.

    newsledger watch https://example.org/feed.xml saved/wire.rss [--every 15m] [--once] [--db FILE]

A thin Typer layer over :class:`newsledger.watch.Watcher`: one line per feed and poll on
standard output ("3 entries, 1 new, 1 added, 4 statements" or "not modified"); a feed
that fails, and each entry that could not be read, is one line on standard error and the
other feeds go on. Ctrl-C stops between two steps; a batch being stored is rolled back
and its entries are taken at the next start. ``register(app)`` adds the command.
"""

from __future__ import annotations

from typing import Optional

import typer


def watch(
    feeds: list[str] = typer.Argument(..., help="RSS or Atom feeds: files or http(s) URLs."),
    every: str = typer.Option("15m", "--every", help="Time between polls: 30s, 15m, 1h."),
    once: bool = typer.Option(False, "--once", help="Poll each feed once, then stop."),
    db: str = typer.Option("newsledger.db", "--db", help="SQLite file or database URL."),
    model: Optional[str] = typer.Option(None, "--model", help="spaCy pipeline to load (default: en_core_web_sm)."),
    max_bytes: int = typer.Option(2_000_000, "--max-bytes", min=1, help="Largest feed accepted, in bytes."),
    timeout: float = typer.Option(30.0, "--timeout", min=1, help="Seconds to wait for a feed URL."),
) -> None:
    """Poll feeds and ingest the entries not seen before (state kept in the ledger)."""
    from . import cli, output
    from .watch import Watcher, parse_interval

    try:
        seconds = parse_interval(every)
    except ValueError as error:
        cli._fail(f"--every {error}")
    ledger = cli._ledger(db)

    def report(result) -> None:
        if result.error:
            cli.err.print(output.error_line(result.line()), soft_wrap=True)
            return
        for problem in result.problems:
            cli._report_problem(problem)
        cli.console.print(result.line(), highlight=False, soft_wrap=True)

    watcher = Watcher(ledger, lambda: cli._analyzer(model), max_bytes=max_bytes, timeout=timeout)
    try:
        watcher.run(feeds, seconds, once=once, on_result=report)
    except KeyboardInterrupt:
        cli.err.print("stopped", highlight=False)
    finally:
        ledger.close()


def register(app: typer.Typer) -> None:
    """Add ``watch`` to the ``newsledger`` app."""
    app.command("watch")(watch)
