"""Web archives (``.warc``, ``.warc.gz``, ``.arc``, ``.arc.gz``), streamed record by record.

Read: each HTML page in the archive is one article, extracted as ``html.py`` extracts a
saved page. An HTML page is a ``response`` record with a 2xx HTTP status and an HTML
``Content-Type`` (``text/html``, ``application/xhtml+xml``; without a type, a payload
that starts like HTML), or a ``resource`` record with an HTML type. Its transfer and
content encodings (chunked, gzip, brotli when installed) are undone by warcio; its
charset comes from the HTTP ``Content-Type``, else the page. The record's target URI is
the page's URL unless the page names a canonical one. ``extra`` adds ``record`` (the
record's 1-based position in the file), ``offset`` (its byte offset, as in CDX indexes)
and ``archived`` (the ``WARC-Date`` day, when the page was captured: it is *not* taken
as the publication date, which comes from the page, else the caller's default date).

Memory stays bounded: the file is never read whole (warcio reads it in 16 KiB blocks,
one gzip member at a time); a page's payload is read up to ``max_bytes`` (a larger one
is refused alone), and every other payload is skipped in 64 KiB chunks. Only one
finished article is held back, until the next record shows its predecessor was whole.

Problems, each naming the file and the record (``where`` is ``path@OFFSET``, the
message gives the record number and URI): a record whose header cannot be parsed (the
reader then skips to the next record that starts cleanly: the next gzip member, or
the next ``WARC/1.x`` line); a record shorter than its ``Content-Length`` or not
followed by the blank lines that end a record (its page is not read); a file that ends
inside a record (a truncated download or gzip); a page over ``max_bytes``. A file that
is no archive at all, or holds no HTML page, is one Problem; so are, counted once per
file, the HTML pages without article text (section fronts, error pages). A ``.warc.gz``
compressed as one gzip stream instead of one member per record is still read, in order.

Not read: ``revisit`` records (the payload is elsewhere), ``request``, ``metadata``,
``warcinfo``, ``dns`` and ``conversion`` records, non-HTML responses (images, scripts,
PDF, JSON), redirects and errors (3xx-5xx), WARC segmentation (``continuation``
records), digests (not checked), and WACZ packages (unzip them to their WARC files).
"""

from __future__ import annotations

import contextlib
import io
import os
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any, BinaryIO

from newsledger.model import Article, Problem

from .html import decode_html, html_article
from .reading import Options, Refused

CHUNK = 1 << 16
GZIP_MAGIC = b"\x1f\x8b\x08"
WARC_LINE = b"\nWARC/1."
HTML_TYPES = ("text/html", "application/xhtml+xml")
WARC_TYPES = ("warcinfo", "response", "resource", "request", "metadata", "revisit", "conversion",
              "continuation")
SHOWN = 100


@dataclass
class _Tally:
    """What one file held, for the messages at its end."""

    number: int = 0  # records met so far (the 1-based number of the current one)
    pages: int = 0
    empty_pages: int = 0
    first_empty: str = ""


@dataclass
class _Broken:
    offset: int
    reason: str
    whole_gzip: bool = False


def read_warc_file(path: str, options: Options) -> Iterator[Article | Problem]:
    """The HTML pages of one WARC or ARC file, each an article."""
    if os.stat(path).st_size == 0:
        yield Problem(path, "empty file")
        return
    arc = path.lower().endswith((".arc", ".arc.gz"))
    with open(path, "rb") as handle:
        yield from archive_articles(handle, path=path, arc=arc, options=options)


def archive_articles(handle: BinaryIO, *, path: str, arc: bool,
                     options: Options) -> Iterator[Article | Problem]:
    """The articles of an archive in a seekable binary file."""
    tally = _Tally()
    gzipped = handle.read(len(GZIP_MAGIC)) == GZIP_MAGIC
    if gzipped and not arc and _one_gzip_stream(handle):
        yield from _whole_gzip(handle, path=path, arc=arc, tally=tally, options=options)
        yield from _summary(path, tally)
        return
    start, quiet = 0, False  # quiet: a broken record was reported, its restarts fail silently
    while True:
        handle.seek(start)
        read_before = tally.number
        broken = yield from _pass(handle, path=path, arc=arc, tally=tally, options=options)
        if broken is None:
            break
        if broken.whole_gzip:
            yield from _whole_gzip(handle, path=path, arc=arc, tally=tally, options=options)
            break
        start = _next_start(handle, broken.offset + 1, gzipped)
        if tally.number == 0 and start is None:
            yield Problem(path, f"not {'an ARC' if arc else 'a WARC'} archive ({broken.reason}); not read")
            return
        if not quiet or tally.number > read_before:
            tally.number += 1
            then = f"skipped to the next record, at byte {start}" if start is not None else \
                "no record after it can be read"
            yield Problem(f"{path}@{broken.offset}", f"record {tally.number} is broken "
                          f"({broken.reason}); {then}")
        quiet = True
        if start is None:
            break
    yield from _summary(path, tally)


def _pass(handle: Any, *, path: str, arc: bool, tally: _Tally,
          options: Options, skip: int = 0) -> Iterator[Article | Problem]:
    """Read records from the handle's position; returns a ``_Broken`` when one stops it."""
    from warcio.archiveiterator import ArchiveIterator

    iterator = ArchiveIterator(handle, arc2warc=arc)
    if not arc:
        iterator.known_format = "warc"
    pending: Article | None = None
    where = ""
    reported = truncated = False  # about the last record read
    empty_before = tally.empty_pages
    while True:
        errors_before = iterator.err_count
        record, failure = _next(iterator)
        offset = iterator.offset  # where the record just parsed (or failed) starts
        if iterator.err_count > errors_before and where and not reported:
            # the last record ran on past its end: its page may be cut, or hold the next one
            yield Problem(where, f"record {tally.number} does not end where its Content-Length "
                                 "says (a wrong length or damaged bytes); not read")
            pending, tally.empty_pages = None, empty_before
            tally.first_empty = tally.first_empty if empty_before else ""
        if pending is not None:
            yield pending
            pending = None
        if failure is not None:
            return _Broken(offset, failure, whole_gzip="non-chunked gzip" in failure)
        if record is None:
            break
        if skip:
            skip -= 1
            continue
        tally.number += 1
        where, reported = f"{path}@{offset}", False
        empty_before = tally.empty_pages
        for item in _record_items(record, where=where, path=path, offset=offset,
                                  tally=tally, options=options, arc=arc):
            if isinstance(item, Article):
                pending = item
            else:
                reported = True
                yield item
        truncated = getattr(record.raw_stream, "limit", 0) > 0
    if not truncated and _ends_early(handle, iterator.offset):
        yield Problem(f"{path}@{iterator.offset}", f"the file ends inside record {tally.number + 1} "
                      "(a truncated download or gzip); the records before it were read")
    return None


def _ends_early(handle: Any, end: int) -> bool:
    """True when bytes that are no record are left after the last record read."""
    if isinstance(handle, _Gunzip):
        return handle.cut
    handle.seek(end)
    return bool(handle.read(CHUNK).strip())


class _Gunzip:
    """A gzip stream inflated in bounded steps; ``cut`` when it ends before its end marker."""

    def __init__(self, handle: BinaryIO) -> None:
        self.handle, self.cut = handle, False
        self.inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)

    def read(self, size: int = -1) -> bytes:
        size = size if size and size > 0 else CHUNK
        while True:
            if self.inflater.eof:  # a member ended: the next one, if any, starts here
                rest = self.inflater.unused_data or self.handle.read(CHUNK)
                if not rest:
                    return b""
                self.inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
            else:
                rest = self.inflater.unconsumed_tail or self.handle.read(CHUNK)
                if not rest:
                    self.cut = True
                    return b""
            if data := self.inflater.decompress(rest, size):
                return data


def _next(iterator: Any) -> tuple[Any, str | None]:
    """The next record, or ``(None, None)`` at the end, or ``(None, reason)`` when broken."""
    captured = io.StringIO()
    try:
        with contextlib.redirect_stderr(captured):  # warcio prints its warnings
            return next(iterator), None
    except StopIteration:
        return None, None
    except Exception as error:  # noqa: BLE001 - any parse failure of warcio is one bad record
        return None, _one_line(str(error).strip() or type(error).__name__)


def _record_items(record: Any, *, where: str, path: str, offset: int, tally: _Tally,
                  options: Options, arc: bool = False) -> Iterator[Article | Problem]:
    uri = record.rec_headers.get_header("WARC-Target-URI") or ""
    label = f"record {tally.number}" + (f" ({_one_line(uri)})" if uri else "")
    damage = None if arc else _header_damage(record)
    if damage:  # warcio parses a cut header (a truncated download) into a record all the same
        yield Problem(where, f"{label}: its header is cut or damaged ({damage}); not read")
        yield from _skip_rest(record, where, label)
        return
    content_type = _html_type(record)
    if content_type is None:
        yield from _skip_rest(record, where, label)
        return
    try:
        data = _read_payload(record.content_stream(), options.max_bytes)
    except Refused as refusal:
        yield Problem(where, f"{label}: page {refusal}")
        yield from _skip_rest(record, where, label)
        return
    except Exception as error:  # noqa: BLE001 - damaged chunked/gzip payloads
        yield Problem(where, f"{label}: the page cannot be decoded ({_one_line(str(error))}); not read")
        yield from _skip_rest(record, where, label)
        return
    truncated = list(_skip_rest(record, where, label))
    if truncated:
        yield from truncated
        return
    if content_type == "" and not data[:1024].lstrip().lower().startswith((b"<!doctype html", b"<html")):
        return
    tally.pages += 1
    try:
        decoded = decode_html(data, content_type)
    except Refused as refusal:
        yield Problem(where, f"{label}: {refusal}")
        return
    if decoded.note:
        yield Problem(where, f"{label}: {decoded.note}", skipped=False)
    extra: dict[str, Any] = {"record": tally.number, "offset": offset}
    archived = (record.rec_headers.get_header("WARC-Date") or "")[:10]
    if archived:
        extra["archived"] = archived
    for item in html_article(decoded.text, path=path, where=where, url=uri or None,
                             default_date=options.default_date, extra=extra):
        if isinstance(item, Problem) and item.skipped:  # no article text: counted, not listed
            tally.empty_pages += 1
            tally.first_empty = tally.first_empty or f"byte {offset}" + (f" ({_one_line(uri)})" if uri else "")
        else:
            yield item


def _header_damage(record: Any) -> str | None:
    """What is wrong with a WARC record's header, when its type or length cannot be right."""
    kind = record.rec_headers.get_header("WARC-Type")
    if kind not in WARC_TYPES:
        return f"WARC-Type {_one_line(repr(kind))} is no record type" if kind else "no WARC-Type"
    length = (record.rec_headers.get_header("Content-Length") or "").strip()
    if not length.isdigit():
        return f"Content-Length {_one_line(repr(length))} is no number" if length else "no Content-Length"
    return None


def _html_type(record: Any) -> str | None:
    """The record's HTML content type ("" when it has none), or None when it is no page."""
    if record.rec_type == "response" and record.http_headers is not None:
        status = record.http_headers.get_statuscode() or ""
        if not status.startswith("2"):
            return None
        content_type = record.http_headers.get_header("Content-Type")
    elif record.rec_type == "resource":
        content_type = record.rec_headers.get_header("Content-Type")
    else:
        return None
    if not content_type:
        return ""
    media = content_type.split(";")[0].strip().lower()
    return content_type if media in HTML_TYPES else None


def _read_payload(stream: Any, max_bytes: int) -> bytes:
    data = bytearray()
    while len(data) <= max_bytes:
        chunk = stream.read(min(CHUNK, max_bytes + 1 - len(data)))
        if not chunk:
            return bytes(data)
        data += chunk
    raise Refused(f"is over the {max_bytes}-byte limit (refused)")


def _skip_rest(record: Any, where: str, label: str) -> Iterator[Problem]:
    """Read past the rest of the record; a Problem when it is shorter than it says."""
    raw = record.raw_stream
    while raw.read(CHUNK):
        pass
    missing = getattr(raw, "limit", 0)
    if missing > 0:
        yield Problem(where, f"{label} is truncated: {missing} of its {record.length} bytes are "
                             "missing; not read")


def _next_start(handle: BinaryIO, after: int, gzipped: bool) -> int | None:
    """The byte offset of the next place a record may start, at or after ``after``."""
    marker = GZIP_MAGIC if gzipped else WARC_LINE
    handle.seek(max(0, after - (0 if gzipped else 1)))
    position = handle.tell()
    tail = b""
    while chunk := handle.read(CHUNK):
        window = tail + chunk
        found = window.find(marker)
        if found >= 0:
            start = position - len(tail) + found
            return start if gzipped else start + 1
        tail = window[-(len(marker) - 1):]
        position += len(chunk)
    return None


def _whole_gzip(handle: BinaryIO, *, path: str, arc: bool, tally: _Tally,
                options: Options) -> Iterator[Article | Problem]:
    """A ``.warc.gz`` that is one gzip stream: read it again through gzip, past the records read."""
    handle.seek(0)
    stream = _Gunzip(handle)
    broken = yield from _pass(stream, path=path, arc=arc, tally=tally, options=options,
                              skip=tally.number)
    if broken is not None and stream.cut:
        yield Problem(path, f"the file ends inside record {tally.number + 1} (a truncated download "
                            "or gzip); the records before it were read")
    elif broken is not None:
        yield Problem(f"{path}@{broken.offset}", f"record {tally.number + 1} is broken "
                      f"({broken.reason}; the offset counts uncompressed bytes); the rest is not read")


def _one_gzip_stream(handle: BinaryIO) -> bool:
    """True when the first gzip member holds more than one WARC record (not one per record)."""
    handle.seek(0)
    inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
    tail = b""
    try:
        while not inflater.eof:
            rest = inflater.unconsumed_tail or handle.read(CHUNK)
            if not rest:
                return False
            window = tail + inflater.decompress(rest, CHUNK)
            if window.find(WARC_LINE, 1 if not tail else 0) >= 0:
                return True
            tail = window[-len(WARC_LINE):]
    except zlib.error:
        return False
    return False


def _summary(path: str, tally: _Tally) -> Iterator[Problem]:
    if tally.empty_pages:
        pages = "page has" if tally.empty_pages == 1 else "pages have"
        yield Problem(path, f"{tally.empty_pages} HTML {pages} no article text (section fronts, "
                            f"error pages; not read), the first at {tally.first_empty}")
    if tally.pages == 0:
        records = "record" if tally.number == 1 else "records"
        yield Problem(path, f"no HTML pages among its {tally.number} {records}; nothing read")


def _one_line(text: str) -> str:
    """One printable line: binary garbage is cut off where it starts."""
    text = " ".join(text.split())
    binary = next((i for i, char in enumerate(text) if not char.isprintable()), None)
    if binary is not None:
        text = text[:binary].rstrip(" :,'\"[") + " <binary>"
    return text if len(text) <= SHOWN else text[:SHOWN - 3] + "..."
