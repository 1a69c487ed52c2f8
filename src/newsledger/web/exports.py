"""Listings as downloads: ``?format=csv`` or ``?format=jsonl`` on any listing endpoint.

Statement records go through :data:`newsledger.output.EXPORTERS` (the same bytes as
``newsledger export``). Other listings (articles, outlets, actors) are written with the
same conventions: JSON lines, or CSV with nested objects as dotted columns and lists as
JSON text (:func:`newsledger.output.flatten`). The export is written to a spooled temporary
file first (memory up to ``SPOOL_BYTES``, then disk), so a query error is a clean 400 and
a large export never sits in memory whole.
"""

from __future__ import annotations

import csv
import io
import json
import tempfile
from enum import Enum
from typing import Any, Callable, Iterable, Iterator, TextIO

from starlette.responses import StreamingResponse

from newsledger.output import EXPORTERS, flatten

SPOOL_BYTES = 8 * 1024 * 1024
CHUNK = 64 * 1024
MEDIA_TYPES = {"csv": "text/csv; charset=utf-8", "jsonl": "application/x-ndjson; charset=utf-8"}


class Format(str, Enum):
    json = "json"
    csv = "csv"
    jsonl = "jsonl"


def _spooled(write: Callable[[TextIO], Any]) -> Any:
    spool = tempfile.SpooledTemporaryFile(max_size=SPOOL_BYTES, mode="w+b")
    try:
        text = io.TextIOWrapper(spool, encoding="utf-8", newline="", write_through=True)
        write(text)
        text.flush()
        text.detach()
        spool.seek(0)
    except BaseException:
        spool.close()
        raise
    return spool


def _chunks(spool: Any) -> Iterator[bytes]:
    try:
        while chunk := spool.read(CHUNK):
            yield chunk
    finally:
        spool.close()


def _response(spool: Any, fmt: str, name: str) -> StreamingResponse:
    extension = "csv" if fmt == "csv" else "jsonl"
    return StreamingResponse(
        _chunks(spool), media_type=MEDIA_TYPES[fmt],
        headers={"content-disposition": f'attachment; filename="{name}.{extension}"'},
    )


def statements_download(records: Iterable[dict[str, Any]], fmt: str, name: str = "statements") -> StreamingResponse:
    """Statement records as a CSV or JSON-lines download (``newsledger export`` format)."""
    exporter = EXPORTERS[fmt]
    return _response(_spooled(lambda stream: exporter(records, stream)), fmt, name)


def write_rows_jsonl(rows: Iterable[dict[str, Any]], stream: TextIO) -> int:
    count = 0
    for row in rows:
        stream.write(json.dumps(row, ensure_ascii=False, default=str) + "\n")
        count += 1
    return count


def write_rows_csv(rows: Iterable[dict[str, Any]], stream: TextIO) -> int:
    """CSV with a column for every (dotted) field any row has, in order of appearance."""
    flat = [flatten(row) for row in rows]
    columns: dict[str, None] = {}
    for row in flat:
        columns.update(dict.fromkeys(row))
    writer = csv.DictWriter(stream, fieldnames=list(columns), restval="")
    if columns:
        writer.writeheader()
    writer.writerows(flat)
    return len(flat)


def rows_download(rows: Iterable[dict[str, Any]], fmt: str, name: str) -> StreamingResponse:
    """Any other listing (articles, outlets, actors) as a CSV or JSON-lines download."""
    writer = write_rows_csv if fmt == "csv" else write_rows_jsonl
    return _response(_spooled(lambda stream: writer(rows, stream)), fmt, name)
