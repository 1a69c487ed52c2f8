"""Shared pieces of every reader: the options, the refusal, and bounded reads.

What is read here: raw bytes, never more than ``max_bytes`` (plus one byte, to tell
"exactly at the limit" from "over it") at a time.

- ``read_whole(path, max_bytes)`` reads one file whole, after checking its size with
  ``os.stat`` first, so a file over the limit is refused without being read.
- ``bounded_lines(chunks, max_bytes)`` splits a stream of byte chunks into lines
  (on ``\\n``; a ``\\r\\n`` ending stays on the line) and never holds more than
  ``max_bytes`` of one line: a longer line is reported by its size and skipped.

What is not done here: decoding (``encoding.py``) and parsing (the format modules).
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from typing import BinaryIO

CHUNK_SIZE = 1 << 16


class Refused(Exception):
    """A file, line or record that cannot be read; ``str(error)`` is the Problem message."""


@dataclass(frozen=True)
class Options:
    """What ``read_paths`` was asked for, passed unchanged to every reader."""

    default_date: date | None = None
    field_map: dict[str, str] = field(default_factory=dict)
    max_bytes: int = 2_000_000


@dataclass(frozen=True)
class LongLine:
    """A line over the limit: only its size was kept."""

    size: int

    def message(self, max_bytes: int) -> str:
        return f"line is {self.size} bytes, over the {max_bytes}-byte limit (refused)"


def read_whole(path: str, max_bytes: int) -> bytes:
    """The bytes of ``path``, or ``Refused`` when it is empty or over ``max_bytes``."""
    size = os.stat(path).st_size
    if size > max_bytes:
        raise Refused(too_big(size, max_bytes))
    with open(path, "rb") as handle:
        data = handle.read(max_bytes + 1)
    if len(data) > max_bytes:  # the file grew after the stat
        raise Refused(too_big(len(data), max_bytes))
    if not data.strip():
        raise Refused("empty file")
    return data


def too_big(size: int, max_bytes: int) -> str:
    return f"file is {size} bytes, over the {max_bytes}-byte limit (refused)"


def chunks_of(stream: BinaryIO) -> Iterator[bytes]:
    """The stream in chunks of at most ``CHUNK_SIZE`` bytes."""
    while chunk := stream.read(CHUNK_SIZE):
        yield chunk


def bounded_lines(chunks: Iterable[bytes], max_bytes: int) -> Iterator[bytes | LongLine]:
    """Each line with its ending, or a ``LongLine`` for a line over ``max_bytes``."""
    pending = bytearray()
    overflow = 0  # bytes of the current line already dropped because it is too long
    for chunk in chunks:
        start = 0
        while (newline := chunk.find(b"\n", start)) >= 0:
            piece = chunk[start:newline + 1]
            start = newline + 1
            if overflow or len(pending) + len(piece) > max_bytes:
                yield LongLine(overflow + len(pending) + len(piece))
            else:
                yield bytes(pending + piece)
            pending.clear()
            overflow = 0
        rest = chunk[start:]
        if overflow or len(pending) + len(rest) > max_bytes:
            overflow += len(pending) + len(rest)
            pending.clear()
        else:
            pending += rest
    if overflow:
        yield LongLine(overflow)
    elif pending:
        yield bytes(pending)
