"""JSON Lines (``.jsonl``, ``.ndjson``) and JSON documents (``.json``).

JSON Lines: one JSON object per line is one article (fields as in ``records.py``).
The file is read in bounded chunks, never whole, so its size is not limited; one
line over ``max_bytes`` is refused on its own. Each line is decoded on its own (UTF-8,
else the encoding guessed for the file, see ``encoding.LineDecoder``). Blank lines are
skipped silently. A line that is not JSON, not an object, or has no text gives one
Problem ``path:LINE`` and the next line goes on. ``extra["record"]`` is the line number.

JSON document: the whole file (at most ``max_bytes``) is one JSON value: an array of
objects (one article each; ``path:N`` and ``extra["record"]`` are the 1-based
position) or one object (one article, ``record`` 1). Anything else is one Problem.

Not read: JSON nested deeper than Python's recursion limit, objects nested inside
objects (``{"article": {...}}``), and compressed files.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import Any

from newsledger.model import Article, Problem

from .encoding import LineDecoder, WholeFileRefused, decode_bytes, read_decoded
from .reading import LongLine, Options, Refused, bounded_lines, chunks_of
from .records import record_article


def read_jsonl_file(path: str, options: Options) -> Iterator[Article | Problem]:
    """The articles of one JSON Lines file."""
    with open(path, "rb") as handle:
        yield from read_jsonl_chunks(chunks_of(handle), path=path, options=options)


def read_jsonl_chunks(chunks: Iterable[bytes], *, path: str,
                      options: Options) -> Iterator[Article | Problem]:
    """The articles of JSON Lines arriving in byte chunks (a file or standard input)."""
    decoder = LineDecoder()
    seen_any = False
    for number, line in enumerate(bounded_lines(chunks, options.max_bytes), start=1):
        where = f"{path}:{number}"
        if isinstance(line, LongLine):
            seen_any = True
            yield Problem(where, line.message(options.max_bytes))
            continue
        try:
            decoded = decoder.decode(line)
        except WholeFileRefused as refusal:
            yield Problem(path, str(refusal))
            return
        except Refused as refusal:
            seen_any = True
            yield Problem(where, str(refusal))
            continue
        if decoded.note:
            yield Problem(where, decoded.note, skipped=False)
        if not decoded.text.strip():
            continue
        seen_any = True
        yield from _line_article(decoded.text, path=path, where=where, number=number,
                                 options=options)
    if not seen_any:
        yield Problem(path, "empty file")


def _line_article(text: str, *, path: str, where: str, number: int,
                  options: Options) -> Iterator[Article | Problem]:
    try:
        record = json.loads(text)
    except ValueError as error:  # json.JSONDecodeError, or an integer too long
        yield Problem(where, f"line is not valid JSON: {_reason(error)}")
        return
    except RecursionError:
        yield Problem(where, "line is not valid JSON: nested too deeply")
        return
    if not isinstance(record, dict):
        yield Problem(where, f"line is {json_kind(record)}, not an object")
        return
    yield from record_article(record, path=path, where=where, number=number, options=options)


def read_json_file(path: str, options: Options) -> Iterator[Article | Problem]:
    """The articles of one JSON document: an array of objects, or one object."""
    decoded, problems = read_decoded(path, options)
    yield from problems
    if decoded is None:
        return
    try:
        document = json.loads(decoded.text)
    except ValueError as error:
        yield Problem(path, f"file is not valid JSON: {_reason(error)}")
        return
    except RecursionError:
        yield Problem(path, "file is not valid JSON: nested too deeply")
        return
    yield from _document_articles(document, path=path, options=options)


def _document_articles(document: Any, *, path: str, options: Options) -> Iterator[Article | Problem]:
    if isinstance(document, dict):
        yield from record_article(document, path=path, where=path, number=1, options=options)
        return
    if not isinstance(document, list):
        yield Problem(path, f"file is {json_kind(document)}, not an array of objects or an object")
        return
    if not document:
        yield Problem(path, "empty file (an empty array)")
    for number, item in enumerate(document, start=1):
        where = f"{path}:{number}"
        if isinstance(item, dict):
            yield from record_article(item, path=path, where=where, number=number, options=options)
        else:
            yield Problem(where, f"item {number} is {json_kind(item)}, not an object")


def _reason(error: ValueError) -> str:
    if isinstance(error, json.JSONDecodeError):
        return f"{error.msg} (column {error.colno})"
    return str(error)


def json_kind(value: Any) -> str:
    """How a JSON value is called: ``an array``, ``a string``, ``null``..."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true or false"
    names = {list: "an array", dict: "an object", str: "a string", int: "a number", float: "a number"}
    return names.get(type(value), "a value")
