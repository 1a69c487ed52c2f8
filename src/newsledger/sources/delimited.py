"""CSV (``.csv``) and TSV (``.tsv``) files: one row is one article.

Read:

- the first non-blank row is the header; column names are matched as in
  ``records.py`` (case-insensitively; ``field_map`` renames one of our fields);
- the delimiter: a tab for ``.tsv``; for ``.csv`` the most frequent of comma,
  semicolon and tab in the header line (a comma when tied);
- quoted fields may span lines; the text of a field is kept exactly, ``\\r\\n`` included;
- the file in bounded chunks, line by line, never whole, so its size is not limited;
  a line over ``max_bytes`` is refused alone. Each line is decoded on its own (UTF-8,
  else the encoding guessed for the file, see ``encoding.LineDecoder``).

Reported: a file without a text column gives one Problem naming the columns it has,
and no row is read; a header without rows gives ``no rows after the header``; a row
with empty text gives a Problem ``path:LINE``; a row the ``csv`` module cannot parse
gives a Problem and the rest of the file is skipped. ``LINE`` (also
``extra["record"]``) is the line on which the row starts, the header being line 1.
Blank rows are skipped silently; a short row counts its missing cells as empty. As
in spreadsheets, quoting is lenient: a quote left open runs on to the end of the
file (within the field size limit).

Side effect: the ``csv`` module's process-wide field size limit is raised to
``max_bytes`` when it is lower (it is never lowered).

Not read: UTF-16 files (such as Excel's "Unicode text"; save them as UTF-8), files
whose lines end with a bare carriage return, and more than one header row.
"""

from __future__ import annotations

import csv
import itertools
from collections.abc import Iterator

from newsledger.model import Article, Problem

from .encoding import LineDecoder, WholeFileRefused
from .reading import LongLine, Options, Refused, bounded_lines, chunks_of
from .records import find_key, names_for, no_text_message, record_article

DELIMITERS = ",;\t"


def read_delimited_file(path: str, options: Options, *, tabs: bool) -> Iterator[Article | Problem]:
    """The articles of one CSV file, or of one TSV file when ``tabs``."""
    if csv.field_size_limit() < options.max_bytes:
        csv.field_size_limit(options.max_bytes)
    with open(path, "rb") as handle:
        lines = DecodedLines(bounded_lines(chunks_of(handle), options.max_bytes), path, options)
        yield from _read_rows(lines, path, options, tabs=tabs)


class DecodedLines:
    """Decoded lines for ``csv.reader``; Problems wait in ``problems``, ``number`` counts."""

    def __init__(self, lines: Iterator[bytes | LongLine], path: str, options: Options) -> None:
        self._lines = lines
        self._path = path
        self._max_bytes = options.max_bytes
        self._decoder = LineDecoder()
        self.number = 0
        self.problems: list[Problem] = []
        self.refused = False  # the whole file, at its first line
        self.row_start: int | None = None  # the first line given since ``start_row``

    def __iter__(self) -> DecodedLines:
        return self

    def __next__(self) -> str:
        while True:
            line = next(self._lines)
            self.number += 1
            text = self._decode(line)
            if text is not None:
                self.row_start = self.row_start or self.number
                return text

    def _decode(self, line: bytes | LongLine) -> str | None:
        where = f"{self._path}:{self.number}"
        if isinstance(line, LongLine):
            self.problems.append(Problem(where, line.message(self._max_bytes)))
            return None
        try:
            decoded = self._decoder.decode(line)
        except WholeFileRefused as refusal:
            self.problems.append(Problem(self._path, str(refusal)))
            self.refused = True
            self._lines = iter(())
            return None
        except Refused as refusal:
            self.problems.append(Problem(where, str(refusal)))
            return None
        if decoded.note:
            self.problems.append(Problem(where, decoded.note, skipped=False))
        return decoded.text

    def first_text_line(self) -> str | None:
        """The first line with something in it; the blank lines before it are dropped."""
        for text in self:
            if text.strip():
                return text
        return None

    def start_row(self) -> None:
        self.row_start = None

    def take_problems(self) -> list[Problem]:
        taken, self.problems = self.problems, []
        return taken


def _read_rows(lines: DecodedLines, path: str, options: Options, *,
               tabs: bool) -> Iterator[Article | Problem]:
    first = lines.first_text_line()
    yield from lines.take_problems()
    if lines.refused:
        return
    if first is None:
        yield Problem(path, "empty file")
        return
    delimiter = "\t" if tabs else choose_delimiter(first)
    reader = csv.reader(itertools.chain([first], lines), delimiter=delimiter)
    try:
        columns = [name.strip() for name in next(reader)]
    except csv.Error as error:
        yield from lines.take_problems()
        yield Problem(path, f"header is not valid CSV: {csv_error_reason(error)}; file skipped")
        return
    yield from lines.take_problems()
    text_names = names_for("text", options.field_map)
    if find_key(columns, text_names) is None:
        yield Problem(path, no_text_message("column", text_names, columns))
        return
    yield from _row_articles(reader, lines, columns, path, options)


def _row_articles(reader, lines: DecodedLines, columns: list[str], path: str,
                  options: Options) -> Iterator[Article | Problem]:
    rows = 0
    while True:
        lines.start_row()
        try:
            row = next(reader, None)
        except csv.Error as error:
            yield from lines.take_problems()
            start = lines.row_start or lines.number
            reason = csv_error_reason(error)
            yield Problem(f"{path}:{start}", f"row is not valid CSV: {reason}; rest of file skipped")
            return
        yield from lines.take_problems()
        if row is None:
            break
        if not any(cell.strip() for cell in row):
            continue
        start = lines.row_start
        rows += 1
        cells = row + [""] * (len(columns) - len(row))
        yield from record_article(dict(zip(columns, cells)), path=path, where=f"{path}:{start}",
                                  number=start, options=options)
    if rows == 0:
        yield Problem(path, "no rows after the header")


def choose_delimiter(header_line: str) -> str:
    """The most frequent of comma, semicolon and tab in the header line; comma when tied."""
    return max(DELIMITERS, key=lambda d: (header_line.count(d), d == ","))


def csv_error_reason(error: csv.Error) -> str:
    """The csv module's complaint, in the user's terms."""
    if "new-line character" in str(error):
        return "a bare carriage return in an unquoted field (old Mac line ends are not read)"
    return str(error)
