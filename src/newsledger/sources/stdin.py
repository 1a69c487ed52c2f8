"""Standard input, named by the path ``-``: JSON Lines, or one plain-text article.

Sniffed from the first character that is not whitespace (after an optional UTF-8
byte-order mark):

- ``{``: JSON Lines, read as ``jsonl.py`` reads a file (in bounded chunks, one line
  over ``max_bytes`` refused alone); Problems name ``-:LINE``;
- anything else: one plain-text article, read as ``text.py`` reads a file (the
  ``date`` header is recognised; there is no file name, so no date or outlet from
  one; the default date applies). At most ``max_bytes`` are read: longer input is
  refused, ``-: input is over N bytes (refused)``.

Articles from standard input have ``path == "-"``. Empty input (or only whitespace)
gives ``Problem("-", "empty input")``.

The stream may be binary (``sys.stdin.buffer``, the default) or text (``io.StringIO``,
``sys.stdin``). Text is encoded back to UTF-8 and then read as bytes, so both read the
same, except that a text stream may already have turned ``\\r\\n`` into ``\\n``: pass
a binary stream to keep line endings exactly.
"""

from __future__ import annotations

import codecs
import itertools
from collections.abc import Iterator
from typing import BinaryIO, TextIO

from newsledger.model import Article, Problem

from .encoding import decode_bytes
from .jsonl import read_jsonl_chunks
from .reading import CHUNK_SIZE, Options, Refused
from .text import text_article

STDIN = "-"


def read_stdin(stream: TextIO | BinaryIO, options: Options) -> Iterator[Article | Problem]:
    """The articles on standard input: JSON Lines, or one plain-text article."""
    chunks = byte_chunks(stream)
    head = _read_head(chunks, options.max_bytes)
    if not _after_space(head) and len(head) <= options.max_bytes:
        yield Problem(STDIN, "empty input")
    elif _after_space(head).startswith(b"{"):
        yield from read_jsonl_chunks(itertools.chain([head], chunks), path=STDIN, options=options)
    else:
        yield from _text_input(head, chunks, options)


def byte_chunks(stream: TextIO | BinaryIO) -> Iterator[bytes]:
    """The stream in chunks of bytes, whether it gives bytes or text."""
    while chunk := stream.read(CHUNK_SIZE):
        yield _as_bytes(chunk)


def _as_bytes(chunk: str | bytes) -> bytes:
    if isinstance(chunk, bytes):
        return chunk
    try:  # gives back the bytes that a surrogateescape text stream could not decode
        return chunk.encode("utf-8", "surrogateescape")
    except UnicodeEncodeError:
        return chunk.encode("utf-8", "surrogatepass")


def _read_head(chunks: Iterator[bytes], max_bytes: int) -> bytes:
    """The first chunks, up to the first byte that is not whitespace (or the limit)."""
    head = bytearray()
    for chunk in chunks:
        head += chunk
        if _after_space(bytes(head)) or len(head) > max_bytes:
            break
    return bytes(head)


def _after_space(data: bytes) -> bytes:
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8):]
    return data.lstrip()


def _text_input(head: bytes, chunks: Iterator[bytes], options: Options) -> Iterator[Article | Problem]:
    data = bytearray(head)
    for chunk in chunks:
        data += chunk
        if len(data) > options.max_bytes:
            break
    if len(data) > options.max_bytes:
        yield Problem(STDIN, f"input is over {options.max_bytes} bytes (refused)")
        return
    try:
        decoded = decode_bytes(bytes(data))
    except Refused as refusal:
        yield Problem(STDIN, str(refusal).replace("binary file", "binary input"))
        return
    if decoded.note:
        yield Problem(STDIN, decoded.note)
    yield from text_article(decoded.text, path=STDIN, where=STDIN,
                            default_date=options.default_date)
