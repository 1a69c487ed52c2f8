"""How the command line shows things: ingest progress, statement tables, exports.

Presentation only: every function here takes what the library returns (an
``IngestSummary``, statement records as dicts) and renders or writes it; nothing
is analysed, stored or filtered here.

- ``IngestProgress(console)``: a live progress display while ``ingest`` runs,
  shown only when ``console`` is an interactive terminal (a pipe or a test gets
  nothing until the closing line, so output is never garbled).
- ``statements_table(records)``: a ``rich`` table of statement records.
- ``EXPORTERS``: ``{"jsonl": fn, "csv": fn, "cameo": fn, "plover": fn}``,
  ``fn(records, stream) -> count``; the event-data formats are written by
  :mod:`newsledger.analysis.event_data`.
"""

from __future__ import annotations

import csv
import json
import os
import sys
import time
from collections.abc import Iterable, Iterator
from typing import Any, TextIO

from rich import box
from rich.console import Console
from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn
from rich.table import Table
from rich.text import Text

from .model import Problem, dumps_record

# -- ingest ----------------------------------------------------------------------------------


class IngestProgress:
    """Live progress of an ingest: counts so far and articles per second.

    ``update(summary)`` takes the running ``IngestSummary`` (called after each stored
    batch); ``closing(summary)`` is the one-line summary to print at the end, with the
    elapsed time and rate. Nothing is drawn unless ``console`` is a terminal.
    """

    def __init__(self, console: Console) -> None:
        self.console = console
        self._progress: Progress | None = None
        self._task: Any = None
        self._started = time.monotonic()

    @property
    def live(self) -> bool:
        return self._progress is not None

    def __enter__(self) -> IngestProgress:
        self._started = time.monotonic()
        if self.console.is_terminal and not self.console.is_dumb_terminal:
            self._progress = Progress(
                SpinnerColumn(), BarColumn(bar_width=10), TextColumn("{task.fields[counts]}"),
                TextColumn("[cyan]{task.fields[rate]}"), console=self.console, transient=True)
            self._progress.start()
            self._task = self._progress.add_task("ingest", total=None, counts="reading and analysing…", rate="")
        return self

    def __exit__(self, *exc_info: object) -> None:
        if self._progress is not None:
            self._progress.stop()
            self._progress = None

    def elapsed(self) -> float:
        return max(time.monotonic() - self._started, 1e-9)

    def rate(self, summary: Any) -> float:
        return (summary.added + summary.already_stored) / self.elapsed()

    def update(self, summary: Any) -> None:
        if self._progress is None:
            return
        counts = (f"{summary.read} read · {summary.added} added · "
                  f"{summary.statements} statements · {len(summary.problems)} problems")
        self._progress.update(self._task, counts=counts, rate=f"{self.rate(summary):.1f} articles/s")

    def closing(self, summary: Any) -> Text:
        line = Text(summary.line())
        line.append(f" ({self.elapsed():.1f} s, {self.rate(summary):.1f} articles/s)", style="dim")
        return line


PIPE_WIDTH = 120


def make_console(stderr: bool = False) -> Console:
    """A console for the CLI. Off a terminal (a pipe, a file) rich would wrap at 80
    columns; tables read better at ``PIPE_WIDTH`` unless ``COLUMNS`` says otherwise."""
    stream = sys.stderr if stderr else sys.stdout
    width = None if stream.isatty() or os.environ.get("COLUMNS") else PIPE_WIDTH
    return Console(stderr=stderr, width=width)


def problem_line(problem: Problem) -> Text:
    """``skipped: PATH: MESSAGE`` (or ``note:`` for an article that was still read) as one
    line of plain text (no markup is read in it)."""
    if problem.skipped:
        return _labelled("skipped", "yellow", str(problem))
    return _labelled("note", "cyan", str(problem))


def error_line(message: str) -> Text:
    """``error: MESSAGE`` as one line of plain text."""
    return _labelled("error", "red", message)


def _labelled(label: str, style: str, message: str) -> Text:
    line = Text(f"{label}: ", style=style)
    line.append(" ".join(message.splitlines()))
    return line


# -- statements table ------------------------------------------------------------------------

CONTENT_LIMIT = 220


def shorten(text: str | None, limit: int = CONTENT_LIMIT) -> str:
    """``text`` on one line, cut at a word boundary before ``limit`` characters (with …)."""
    if not text:
        return ""
    flat = " ".join(text.split())
    if len(flat) <= limit:
        return flat
    cut = flat[:limit - 1]
    space = cut.rfind(" ")
    if space > limit * 2 // 3:
        cut = cut[:space]
    return cut.rstrip(" ,;:") + "…"


def _speaker_cell(speaker: dict[str, Any] | None) -> Text:
    speaker = speaker or {}
    name, mention = speaker.get("name"), speaker.get("mention")
    cell = Text(shorten(name or mention, 60) or "—")
    details = [speaker.get("kind") or "unknown"]
    if name and mention and name.casefold() not in mention.casefold():
        details.append(f"“{shorten(mention, 40)}”")  # "he" -> Mike Lee: show the evidence
    cell.append("\n" + ", ".join(details), style="dim")
    return cell


def _date_cell(record: dict[str, Any]) -> Text:
    if record.get("date"):
        basis = record.get("date_basis")
        return Text(record["date"], style="dim" if basis == "publication" else "")
    if record.get("date_period"):  # "in 1998": the period, not the publication day
        return Text(record["date_period"])
    published = (record.get("article") or {}).get("published")
    return Text(published or "—", style="dim")


def _act_cell(record: dict[str, Any]) -> Text:
    cell = Text(record.get("act") or "")
    if record.get("negated"):
        cell.append("\nnegated", style="dim")
    return cell


def statements_table(records: Iterable[dict[str, Any]], title: str | None = None) -> Table:
    """A table of statement records: date, speaker (and kind), act, cue, content, condition."""
    table = Table(title=title, title_justify="left", box=box.SIMPLE_HEAD, show_lines=True,
                  pad_edge=False, collapse_padding=True)
    table.add_column("date", no_wrap=True, min_width=10)
    table.add_column("speaker", max_width=18, overflow="fold")
    table.add_column("act", max_width=10, overflow="fold")
    table.add_column("cue", max_width=12, overflow="fold")
    table.add_column("content", ratio=1, overflow="fold")
    table.add_column("if", justify="center", no_wrap=True)
    count = 0
    for record in records:
        count += 1
        table.add_row(_date_cell(record), _speaker_cell(record.get("speaker")), _act_cell(record),
                      Text(shorten(record.get("cue"), 40)), _content_cell(record),
                      Text("if", style="bold magenta") if record.get("condition") else Text(""))
    table.caption = f"{count} statement{'' if count == 1 else 's'}"
    table.caption_justify = "left"
    return table


def _content_cell(record: dict[str, Any]) -> Text:
    """The content, and how many outlets carried it when a story had several copies."""
    cell = Text(shorten(record.get("content")))
    outlets = {c.get("outlet") or "(no outlet)" for c in record.get("carried_by") or ()}
    if len(outlets) > 1:
        cell.append(f"\ncarried by {len(outlets)} outlets", style="dim")
    return cell


# -- exports ---------------------------------------------------------------------------------

#: The CSV columns, in order: the contract fields of ../shared/DESIGN.md, nested ones dotted.
CSV_COLUMNS = [
    "id",
    "article.id", "article.path", "article.outlet", "article.url", "article.published",
    "article.title",
    "speaker.mention", "speaker.span", "speaker.name", "speaker.actor_id", "speaker.kind",
    "speaker.role", "speaker.country", "speaker.organization",
    "source_span", "cue", "cue_span", "content", "content_span", "quote",
    "date", "date_basis", "date_period", "venue", "act", "negated",
    "condition.text", "condition.span", "consequence.text", "consequence.span",
    "targets", "confidence",
]
_NESTED = {"article", "speaker", "condition", "consequence"}


def flatten(record: dict[str, Any], prefix: str = "") -> dict[str, str]:
    """One CSV row: nested objects as dotted columns, lists (spans, targets) as JSON text."""
    row: dict[str, str] = {}
    for key, value in record.items():
        name = f"{prefix}{key}"
        if isinstance(value, dict):
            row.update(flatten(value, f"{name}."))
        elif value is None and not prefix and key in _NESTED:
            continue  # a null condition: its dotted columns stay empty
        else:
            row[name] = _cell(value)
    return row


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (list, tuple, dict)):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def write_jsonl(records: Iterable[dict[str, Any]], stream: TextIO) -> int:
    """One JSON object per line (``model.dumps_record``); returns how many."""
    count = 0
    for record in records:
        stream.write(dumps_record(record) + "\n")
        count += 1
    return count


def write_csv(records: Iterable[dict[str, Any]], stream: TextIO) -> int:
    """A header row (the contract columns, then any other field of the first record) and
    one row per record; returns how many records. Fields that only later records have
    are not written (the header is written before them)."""
    rows: Iterator[dict[str, str]] = (flatten(r) for r in records)
    first = next(rows, None)
    columns = list(CSV_COLUMNS)
    if first is not None:
        columns += [name for name in first if name not in CSV_COLUMNS]
    writer = csv.DictWriter(stream, fieldnames=columns, extrasaction="ignore", restval="")
    writer.writeheader()
    if first is None:
        return 0
    writer.writerow(first)
    count = 1
    for row in rows:
        writer.writerow(row)
        count += 1
    return count


def write_cameo(records: Iterable[dict[str, Any]], stream: TextIO) -> int:
    """GDELT-style CAMEO event rows, tab-separated (:mod:`newsledger.analysis.event_data`)."""
    from .analysis.event_data import write_cameo as write

    return write(records, stream)


def write_plover(records: Iterable[dict[str, Any]], stream: TextIO) -> int:
    """POLECAT-style PLOVER event rows, tab-separated (:mod:`newsledger.analysis.event_data`)."""
    from .analysis.event_data import write_plover as write

    return write(records, stream)


EXPORTERS = {"jsonl": write_jsonl, "csv": write_csv, "cameo": write_cameo, "plover": write_plover}


def timex_table(records: list[dict]) -> Table:
    """Time expressions (``newsledger dates``): offsets, words, TIMEX3 type and value."""
    table = Table(caption=f"{len(records)} time expressions", show_lines=False)
    for name in ("span", "text", "type", "value"):
        table.add_column(name)
    for r in records:
        table.add_row(f"{r['span'][0]}-{r['span'][1]}", Text(r["text"]), r["type"], Text(r["value"]))
    return table
