"""RSS and Atom feeds (``.xml``, ``.rss``, ``.atom``) saved as files, read with feedparser.

One feed entry (an RSS ``<item>``, an Atom ``<entry>``) is one article. Read, per entry:

- the text: the entry's full content (Atom ``<content>``, RSS ``<content:encoded>``)
  when present, else its summary (RSS ``<description>``, Atom ``<summary>``). HTML is
  turned into text (``html.fragment_text``: one block per paragraph, blocks separated
  by a blank line, scripts and styles left out); plain text is kept as written, only
  stripped. ``extra["content"]`` says which was used: ``"full"`` or ``"summary"`` (a
  summary is often only the first lines of the story; some RSS feeds do put the whole
  story in ``<description>``, which cannot be told apart and is flagged ``"summary"``);
- ``title`` (tags removed from an HTML title), ``url`` (the entry's ``http(s)`` link),
  ``outlet`` (the entry's ``<source>`` title, as aggregators give it, else the feed's
  title), ``published`` (``<pubDate>``, ``<published>``, else ``<updated>`` /
  ``<dc:date>``; the date as written, no time-zone conversion), else the caller's
  default date;
- ``extra``: ``format`` (``feed``), ``record`` (the entry's 1-based position, also in
  ``where`` as ``path:N``), ``entry_id`` (``<guid>``/``<id>``, for telling new entries
  from seen ones), ``feed`` (the feed's title and link), ``author``.

Problems: a file that is no feed (not XML, or XML that is neither RSS nor Atom) is one
Problem, nothing read. A feed that is not well-formed XML but from which feedparser's
lenient parser still recovers entries is read, with one note (``skipped=False``) naming
the XML error and its line: its entries may be incomplete, and those left without text
(debris of the damage) are counted in that note. In a sound feed, an entry without text
(a title only) is one Problem ``path:N``; a feed without entries is one Problem.

Feeds by URL are fetched by :mod:`newsledger.watch` (``newsledger watch``), which hands
the bytes to :func:`feed_articles` with the URL as ``path``. Not read: the linked pages
behind entries (ingest those as HTML), enclosures (podcasts, images), media RSS,
comments feeds, and feeds over ``max_bytes`` (the whole file is parsed).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date
from typing import Any

from newsledger.model import Article, Problem

from .dates import parse_date
from .html import fragment_text
from .reading import Options, Refused, read_whole

HTML_TYPES = ("text/html", "application/xhtml+xml", "html", "xhtml")
TEXT_TYPES = HTML_TYPES + ("text/plain", "text", "")
TAG = re.compile(r"<[^>]*>")


def read_feed_file(path: str, options: Options) -> Iterator[Article | Problem]:
    """The entries of one RSS or Atom file, each an article."""
    try:
        data = read_whole(path, options.max_bytes)
    except Refused as refusal:
        yield Problem(path, str(refusal))
        return
    yield from feed_articles(data, path=path, options=options)


def feed_articles(data: bytes, *, path: str, options: Options) -> Iterator[Article | Problem]:
    """The articles of a feed given as bytes (read whole)."""
    import feedparser

    try:
        parsed = feedparser.parse(data, sanitize_html=True, resolve_relative_uris=False)
    except (UnicodeError, ValueError, LookupError) as exc:  # e.g. a damaged encoding= name
        yield Problem(path, f"not an RSS or Atom feed: its encoding cannot be read "
                            f"({type(exc).__name__}); not read")
        return
    error = parsed.get("bozo_exception") if parsed.get("bozo") else None
    entries = list(parsed.entries)
    # feedparser puts an XML declaration line before a document that has none
    shift = 0 if data.removeprefix(b"\xef\xbb\xbf").startswith(b"<?xml") else 1
    if not parsed.version and not entries:
        reason = f": not valid XML ({_xml_error(error, shift)})" if error is not None else ""
        yield Problem(path, f"not an RSS or Atom feed{reason}; not read")
        return
    lenient = error is not None and not isinstance(error, feedparser.CharacterEncodingOverride)
    if error is not None and not lenient:
        yield Problem(path, f"feed encoding: {error}", skipped=False)
    if lenient:  # a broken feed: entries without text are likely its debris, counted here
        empty = sum(1 for entry in entries if not entry_text(entry)[0])
        recovered = _count(len(entries) - empty, "entry", "entries")
        lost = f" ({_count(empty, 'entry', 'entries')} without text not read)" if empty else ""
        yield Problem(path, f"not valid XML ({_xml_error(error, shift)}); {recovered} recovered by "
                            f"a lenient parser{lost}, check them", skipped=False)
    if not entries:
        yield Problem(path, "feed has no entries")
        return
    feed = parsed.feed
    feed_info = {key: _plain(feed.get(key)) for key in ("title", "link") if _plain(feed.get(key))}
    for number, entry in enumerate(entries, start=1):
        yield from _entry_article(entry, number=number, path=path, feed_info=feed_info,
                                  options=options, quiet=lenient)


def _entry_article(entry: Any, *, number: int, path: str, feed_info: dict[str, str],
                   options: Options, quiet: bool = False) -> Iterator[Article | Problem]:
    where = f"{path}:{number}"
    text, kind = entry_text(entry)
    title = _title(entry)
    if not text:
        if quiet:
            return
        shown = f" ('{title[:60]}')" if title else ""
        yield Problem(where, f"entry {number}{shown} has no text, only a title or a link (not read)")
        return
    published, problem = _published(entry, where, options.default_date)
    if problem:
        yield problem
    extra: dict[str, Any] = {"format": "feed", "record": number, "content": kind}
    if entry.get("id"):
        extra["entry_id"] = str(entry.get("id"))
    if feed_info:
        extra["feed"] = dict(feed_info)
    if _plain(entry.get("author")):
        extra["author"] = _plain(entry.get("author"))
    yield Article(text=text, path=path, outlet=_outlet(entry, feed_info), url=_link(entry),
                  published=published, title=title, extra=extra)


def entry_text(entry: Any) -> tuple[str, str]:
    """``(text, "full")`` from the entry's content, else ``(text, "summary")``, else ``("", "")``."""
    contents = [c for c in entry.get("content") or [] if _type(c) in TEXT_TYPES and c.get("value")]
    if contents:
        texts = [_as_text(c.get("value"), _type(c)) for c in contents]
        best = max(texts, key=len)
        if best:
            return best, "full"
    summary = entry.get("summary")
    if summary:
        detail = entry.get("summary_detail") or {}
        text = _as_text(summary, _type(detail))
        if text:
            return text, "summary"
    return "", ""


def _as_text(value: str, kind: str) -> str:
    if kind in HTML_TYPES or (not kind and TAG.search(value)):
        return fragment_text(value)
    return value.strip()


def _type(detail: Any) -> str:
    return str((detail or {}).get("type") or "").lower()


def _title(entry: Any) -> str | None:
    title = entry.get("title")
    if not title:
        return None
    if _type(entry.get("title_detail")) in HTML_TYPES:
        title = fragment_text(title)
    return " ".join(title.split()) or None


def _link(entry: Any) -> str | None:
    link = entry.get("link")
    if isinstance(link, str) and link.strip().lower().startswith(("http://", "https://")):
        return link.strip()
    return None


def _outlet(entry: Any, feed_info: dict[str, str]) -> str | None:
    source = entry.get("source") or {}
    return _plain(source.get("title")) or feed_info.get("title")


def _published(entry: Any, where: str, default: date | None) -> tuple[date | None, Problem | None]:
    for key in ("published", "updated", "created"):
        value = entry.get(key)
        if not value:
            continue
        try:
            return parse_date(value) or default, None
        except ValueError:
            stored = f"stored with the default date {default.isoformat()}" if default else "stored without a date"
            return default, Problem(where, f"date '{value[:60]}' is not a date; {stored}", skipped=False)
    return default, None


def _count(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


def _xml_error(error: Exception | None, shift: int = 0) -> str:
    message = getattr(error, "getMessage", lambda: str(error))()
    message = re.sub(r"^not well-formed \((.*)\)$", r"\1", message)
    line = getattr(error, "getLineNumber", lambda: None)()
    column = getattr(error, "getColumnNumber", lambda: None)()
    where = f" at line {max(1, line - shift)}, column {column}" if line is not None else ""
    return f"{message}{where}"


def _plain(value: Any) -> str | None:
    if not isinstance(value, str):
        return None
    return " ".join(TAG.sub(" ", value).split()) or None
