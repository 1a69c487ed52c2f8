"""The sources stage: read files and standard input into ``Article``s.

``read_paths`` is the one entry point. It reads plain text (``text.py``), JSON Lines
and JSON (``jsonl.py``), CSV and TSV (``delimited.py``), saved web pages (``html.py``),
RSS and Atom feeds (``feeds.py``), WARC and ARC web archives (``warc.py``) and standard
input (``stdin.py``), walking folders as ``walk.py`` says; bytes become text as
``encoding.py`` says, and records become articles as ``records.py`` says.

It yields, in a stable order, an ``Article`` for each article read and a
``Problem(where, message)`` for each file, line or record that could not be read
(``where`` is the path, ``path:LINE`` for one record, ``path:N`` for a feed's Nth
entry, ``path@OFFSET`` for a web-archive record at that byte). It never raises for bad
input: the rest of the batch goes on. A Problem is also yielded, just before the
article, for an article that was kept with a caveat: a guessed encoding, invalid
UTF-8 bytes replaced with U+FFFD, a date that is not a date.

Limits: no file, line or record over ``max_bytes`` (default 2 MB) is read (each reader
checks the size first, or reads line by line, so an oversized input is never held whole);
an article whose text is over ``max_chars`` characters (default 1,000,000, what the
language pipeline takes at once) is refused with a Problem too, after it was read.

An article read without an outlet takes the agency its dateline credits ("SEOUL, March 2
(Reuters) -"), as ``Article.credit``, shown as its outlet (``datelines.py``).

Not done here: language (the ``nlp`` stage), storage, de-duplication of articles
(the store identifies articles by their content).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable, Iterator
from datetime import date
from typing import BinaryIO, TextIO

from newsledger.model import Article, Problem

from .datelines import credited_agency
from .delimited import read_delimited_file
from .feeds import read_feed_file
from .html import read_html_file
from .jsonl import read_json_file, read_jsonl_file
from .reading import Options
from .records import FIELDS, resolve_field_map
from .stdin import read_stdin
from .text import read_text_file
from .walk import FORMATS, files_to_read
from .warc import read_warc_file

__all__ = ["FIELDS", "FORMATS", "MAX_BYTES", "MAX_CHARS", "read_paths"]

MAX_BYTES = 2_000_000
MAX_CHARS = 1_000_000  # spaCy's default nlp.max_length: a longer text stops its parser

READERS = {
    "text": read_text_file,
    "jsonl": read_jsonl_file,
    "json": read_json_file,
    "csv": lambda path, options: read_delimited_file(path, options, tabs=False),
    "tsv": lambda path, options: read_delimited_file(path, options, tabs=True),
    "html": read_html_file,
    "feed": read_feed_file,
    "warc": read_warc_file,
}


def read_paths(paths: Iterable[str], *, default_date: date | None = None,
               field_map: dict[str, str] | None = None, max_bytes: int = MAX_BYTES,
               stdin: TextIO | BinaryIO | None = None,
               max_chars: int = MAX_CHARS) -> Iterator[Article | Problem]:
    """Each article in ``paths`` (files, folders, ``-`` for ``stdin``), and each Problem."""
    if isinstance(paths, (str, bytes, os.PathLike)):  # one path, not its characters
        paths = [paths]
    resolved, problems = resolve_field_map(field_map)
    yield from problems
    options = Options(default_date=default_date, field_map=resolved, max_bytes=max_bytes)
    for item in files_to_read(os.fsdecode(path) for path in paths):
        if isinstance(item, Problem):
            yield item
        else:
            yield from _within(_read_one(*item, options=options, stdin=stdin), max_chars)


def _within(items: Iterator[Article | Problem], max_chars: int) -> Iterator[Article | Problem]:
    """``items``, with each article over ``max_chars`` characters replaced by a Problem, and
    each article read without an outlet given the agency its dateline credits, if any."""
    for item in items:
        if isinstance(item, Article) and item.outlet is None and len(item.text) <= max_chars:
            item.credit = credited_agency(item.text, item.body_start)
        if isinstance(item, Article) and len(item.text) > max_chars:
            record = item.extra.get("record") if isinstance(item.extra, dict) else None
            where = f"{item.path}:{record}" if record is not None else (item.path or "-")
            yield Problem(where, f"article is {len(item.text)} characters, over the "
                                 f"{max_chars}-character limit of the analysis (refused)")
        else:
            yield item


def _read_one(path: str, file_format: str, *, options: Options,
              stdin: TextIO | BinaryIO | None) -> Iterator[Article | Problem]:
    try:
        if file_format == "stdin":
            yield from _read_stdin(stdin, options)
        else:
            yield from READERS[file_format](path, options)
    except OSError as error:  # unreadable, vanished, a disk error: this file only
        yield Problem(path, f"cannot read: {error.strerror or error}")


def _read_stdin(stdin: TextIO | BinaryIO | None, options: Options) -> Iterator[Article | Problem]:
    stream = stdin if stdin is not None else getattr(sys.stdin, "buffer", sys.stdin)
    if stream is None:
        yield Problem("-", "no standard input")
        return
    yield from read_stdin(stream, options)
