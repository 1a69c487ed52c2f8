"""Watching feeds: poll RSS/Atom feeds (files or http(s) URLs) and ingest only new entries.

This is the library behind ``newsledger watch``. One poll of one feed:

1. fetch it: a URL with ``urllib`` (a timeout, at most ``max_bytes``, and the ``ETag`` /
   ``Last-Modified`` of the last successful poll sent back, so an unchanged feed answers
   ``304 Not Modified`` and nothing is parsed); a file is re-read only when its
   modification time or size changed;
2. parse it with :func:`newsledger.sources.feeds.feed_articles` (one article per entry,
   full text or summary as that module says);
3. keep the entries not taken before (an entry is its ``<guid>``/``<id>``, else its link,
   else the article id), skip those whose article is already stored, analyse the rest
   (:func:`newsledger.ingest.analyse`, speakers resolved against the ledger's actors),
   store them in batches with :func:`newsledger.ingest.store`, which links each batch
   into stories (:func:`newsledger.analysis.stories.link_stories`) as ``ingest`` does;
4. remember the poll in the ledger (:mod:`newsledger.store.feeds`): time, ETag, the
   entries taken. Entries are marked only after they are stored, so an interrupted poll
   is redone, never lost; a restarted watcher carries on where it stopped.

A feed that cannot be fetched or is not a feed gives a :class:`PollResult` with
``error`` set (one line) and the other feeds go on. Not done: following a feed's
redirects to a new address permanently, authentication, the pages behind the entries,
deleting entries that left the feed, and polling feeds in parallel (one after the other).
"""

from __future__ import annotations

import os
import re
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterable
from contextlib import closing
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from . import __version__
from .analysis.stories import link_stories
from .ingest import IngestSummary, analyse, ledger_resolver, store
from .model import Article, Problem
from .sources.feeds import feed_articles
from .sources.reading import Options, Refused, read_whole
from .store import Ledger
from .store import feeds as state

USER_AGENT = f"newsledger/{__version__} (feed watcher)"
_INTERVAL = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([smh]?)\s*$", re.IGNORECASE)
_UNITS = {"": 1, "s": 1, "m": 60, "h": 3600}


def parse_interval(text: str) -> float:
    """Seconds in ``"30s"``, ``"15m"``, ``"1h"`` (a bare number is seconds); ``ValueError``
    for anything else or for zero."""
    found = _INTERVAL.match(text or "")
    if not found or float(found.group(1)) <= 0:
        raise ValueError(f"{text!r} is not an interval like 30s, 15m or 1h")
    return float(found.group(1)) * _UNITS[found.group(2).lower()]


def is_url(feed: str) -> bool:
    return feed.lower().startswith(("http://", "https://"))


def feed_key(feed: str) -> str:
    """How a feed is named in the ledger: the URL as given, a file's absolute path."""
    return feed if is_url(feed) else os.path.abspath(feed)


@dataclass
class Fetched:
    """The bytes of a feed (None when unchanged since the last poll) and its validators."""

    data: bytes | None
    etag: str | None = None
    modified: str | None = None


class FetchError(Exception):
    """A feed that could not be fetched; ``str(error)`` is the one-line reason."""


def fetch(feed: str, *, etag: str | None = None, modified: str | None = None,
          max_bytes: int = 2_000_000, timeout: float = 30.0) -> Fetched:
    """Fetch a feed file or URL; ``data`` is None when it has not changed."""
    if not is_url(feed):
        return _fetch_file(feed, modified, max_bytes)
    request = urllib.request.Request(feed, headers={"User-Agent": USER_AGENT})
    if etag:
        request.add_header("If-None-Match", etag)
    if modified:
        request.add_header("If-Modified-Since", modified)
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            data = response.read(max_bytes + 1)
            headers = response.headers
    except urllib.error.HTTPError as error:
        if error.code == 304:
            return Fetched(None, etag, modified)
        raise FetchError(f"HTTP {error.code} {error.reason}") from None
    except (urllib.error.URLError, OSError) as error:
        reason = getattr(error, "reason", None) or error
        raise FetchError(f"cannot fetch: {reason}") from None
    if len(data) > max_bytes:
        raise FetchError(f"feed is over the {max_bytes}-byte limit (refused)")
    return Fetched(data, headers.get("ETag"), headers.get("Last-Modified"))


def _fetch_file(path: str, modified: str | None, max_bytes: int) -> Fetched:
    try:
        info = os.stat(path)
        stamp = f"{info.st_mtime_ns}:{info.st_size}"  # a file's own "Last-Modified"
        if stamp == modified:
            return Fetched(None, None, modified)
        return Fetched(read_whole(path, max_bytes), None, stamp)
    except Refused as refusal:
        raise FetchError(str(refusal)) from None
    except OSError as error:
        raise FetchError(f"cannot read: {error.strerror or error}") from None


@dataclass
class PollResult:
    """One poll of one feed."""

    feed: str
    entries: int = 0          # articles read from the feed (0 when unchanged)
    new: int = 0              # of those, entries not taken before
    added: int = 0            # articles stored
    statements: int = 0
    unchanged: bool = False   # 304 Not Modified, or the file did not change
    error: str | None = None  # why the poll failed, one line
    problems: list[Problem] = field(default_factory=list)  # entries not read, notes

    def line(self) -> str:
        if self.error:
            return f"{self.feed}: {self.error}"
        if self.unchanged:
            return f"{self.feed}: not modified"
        return (f"{self.feed}: {self.entries} entries, {self.new} new, {self.added} added, "
                f"{self.statements} statements")


class Watcher:
    """Polls feeds into one ledger. ``analyzer`` is called once, on the first new entry
    (loading spaCy takes seconds; an unchanged feed never needs it)."""

    def __init__(self, ledger: Ledger, analyzer: Callable[[], Any], *, max_bytes: int = 2_000_000,
                 timeout: float = 30.0, default_date: date | None = None, batch_size: int = 32) -> None:
        self.ledger = ledger
        self._make_analyzer = analyzer
        self._analyzer: Any = None
        self.options = Options(default_date=default_date, max_bytes=max_bytes)
        self.timeout = timeout
        self.batch_size = batch_size

    def poll(self, feed: str) -> PollResult:
        """Poll one feed; never raises for a bad feed (see ``PollResult.error``)."""
        key = feed_key(feed)
        known = state.feed_state(self.ledger, key) or {}
        result = PollResult(feed)
        try:
            fetched = fetch(feed, etag=known.get("etag"), modified=known.get("modified"),
                            max_bytes=self.options.max_bytes, timeout=self.timeout)
            if fetched.data is None:
                result.unchanged = True
                state.record_poll(self.ledger, key, etag=fetched.etag, modified=fetched.modified)
                return result
            taken = self._ingest(key, feed, fetched.data, result)
        except FetchError as error:
            result.error = str(error)
        except Exception as error:  # noqa: BLE001 - one feed's failure must not stop the others
            result.error = f"{type(error).__name__}: {error}"
        if result.error is not None:
            state.record_poll(self.ledger, key, error=result.error)
            return result
        state.record_poll(self.ledger, key, etag=fetched.etag, modified=fetched.modified, entries=taken)
        return result

    def _ingest(self, key: str, feed: str, data: bytes, result: PollResult) -> list[tuple[str, str]]:
        """Store the feed's new entries; returns the ``(entry, article id)`` pairs taken."""
        found: list[tuple[str, Article]] = []
        for item in feed_articles(data, path=feed, options=self.options):
            if isinstance(item, Problem):
                if item.skipped and item.where == feed:  # the whole feed is unreadable
                    raise FetchError(item.message)
                result.problems.append(item)
            else:
                found.append((entry_key(item), item))
        result.entries = len(found)
        seen = state.seen_entries(self.ledger, key, [entry for entry, _ in found])
        fresh = list({entry: article for entry, article in found if entry not in seen}.items())
        result.new = len(fresh)
        todo = [article for _, article in fresh if not self.ledger.has_article(article.id)]
        if todo:
            self._store(todo, result)
        # Entries stored by a poll that was stopped before it could mark them: linked now
        # if that poll had no time to (linking what is linked is a no-op).
        stored_before = {article.id for _, article in fresh} - {article.id for article in todo}
        if stored_before:
            link_stories(self.ledger, sorted(stored_before))
        return [(entry, article.id) for entry, article in fresh]

    def _store(self, articles: list[Article], result: PollResult) -> None:
        """Analyse and store ``articles`` as ``ingest`` does: batches written whole (a
        Ctrl-C waits for the batch) and linked into stories as they are stored."""
        if self._analyzer is None:
            self._analyzer = self._make_analyzer()
        resolver, flush = ledger_resolver(self.ledger)
        summary = IngestSummary()
        with closing(analyse(articles, self._analyzer, resolver)) as results:
            store(results, self.ledger, summary, batch_size=self.batch_size, flush=flush)
        result.added += summary.added
        result.statements += summary.statements

    def run(self, feeds: Iterable[str], every: float, *, once: bool = False,
            stop: threading.Event | None = None,
            on_result: Callable[[PollResult], None] | None = None) -> None:
        """Poll every feed, then again every ``every`` seconds (counted from the start of
        a round) until ``stop`` is set, or once. ``KeyboardInterrupt`` is not caught: a
        batch being stored is rolled back whole, and its entries are taken next time."""
        feeds = list(feeds)
        stop = stop or threading.Event()
        while not stop.is_set():
            started = time.monotonic()
            for feed in feeds:
                result = self.poll(feed)
                if on_result is not None:
                    on_result(result)
                if stop.is_set():
                    return
            if once or stop.wait(max(0.0, every - (time.monotonic() - started))):
                return


def entry_key(article: Article) -> str:
    """What identifies a feed entry across polls: its id, else its link, else its article id."""
    return str(article.extra.get("entry_id") or article.url or article.id)


__all__ = ["FetchError", "Fetched", "PollResult", "Watcher", "entry_key", "feed_key", "fetch",
           "is_url", "parse_interval"]
