"""What ``newsledger watch`` remembers between polls, so that it survives restarts.

``feeds``
    one row per watched feed, keyed by ``feed`` (the URL as given, or a file's absolute
    path): ``last_poll`` (UTC time of the last attempt), ``last_success`` (of the last poll
    that was read and stored), ``etag`` and ``modified`` (the ``ETag`` / ``Last-Modified``
    of the last successful fetch, sent back so an unchanged feed costs one short request;
    for a file, its modification time and size), ``last_error`` (one line, or NULL).
``feed_entries``
    one row per entry already taken from a feed: ``(feed, entry)`` where ``entry`` is the
    entry's id (``<guid>``/``<id>``), else its link, else the article id; ``article_id``
    and ``seen_at``.

The tables share the ledger's ``MetaData`` (created when a ledger is opened). Nothing
here fetches or parses: that is :mod:`newsledger.watch`.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime, timezone
from typing import Any

from sqlalchemy import Column, DateTime, String, Table, Text, select, update

from newsledger.store.engine import insert_ignore, write_transaction
from newsledger.store.schema import metadata

_IN_CHUNK = 500

feeds = Table(
    "feeds",
    metadata,
    Column("feed", String(2000), primary_key=True),
    Column("last_poll", DateTime(timezone=True)),
    Column("last_success", DateTime(timezone=True)),
    Column("etag", Text),
    Column("modified", Text),
    Column("last_error", Text),
)

feed_entries = Table(
    "feed_entries",
    metadata,
    Column("feed", String(2000), primary_key=True),
    Column("entry", String(2000), primary_key=True),
    Column("article_id", String(64)),
    Column("seen_at", DateTime(timezone=True), nullable=False),
)


def feed_state(ledger: Any, feed: str) -> dict[str, Any] | None:
    """The ``feeds`` row of ``feed`` as a dict, or None when it was never polled."""
    with ledger.engine.connect() as connection:
        row = connection.execute(select(feeds).where(feeds.c.feed == feed)).first()
    return dict(row._mapping) if row is not None else None


def seen_entries(ledger: Any, feed: str, entries: Iterable[str]) -> set[str]:
    """Which of ``entries`` were already taken from ``feed``."""
    pending = sorted(set(entries))
    found: set[str] = set()
    with ledger.engine.connect() as connection:
        for start in range(0, len(pending), _IN_CHUNK):
            chunk = pending[start:start + _IN_CHUNK]
            found.update(connection.execute(select(feed_entries.c.entry).where(
                feed_entries.c.feed == feed, feed_entries.c.entry.in_(chunk))).scalars())
    return found


def record_poll(ledger: Any, feed: str, *, error: str | None = None, etag: str | None = None,
                modified: str | None = None, entries: Iterable[tuple[str, str | None]] = (),
                now: datetime | None = None) -> None:
    """Remember one poll of ``feed``, in one transaction. A failed poll (``error``) keeps
    the previous ``etag``/``modified`` and success time; a successful one replaces them and
    marks ``entries`` (``(entry, article id)`` pairs) as taken."""
    now = now or datetime.now(timezone.utc)
    values: dict[str, Any] = {"last_poll": now, "last_error": error}
    if error is None:
        values.update(last_success=now, etag=etag, modified=modified)
    with write_transaction(ledger.engine) as connection:
        connection.execute(insert_ignore(connection, feeds), [{"feed": feed}])
        connection.execute(update(feeds).where(feeds.c.feed == feed).values(**values))
        rows = [{"feed": feed, "entry": entry, "article_id": article_id, "seen_at": now}
                for entry, article_id in dict(entries).items()]
        if rows:
            connection.execute(insert_ignore(connection, feed_entries), rows)


__all__ = ["feed_entries", "feed_state", "feeds", "record_poll", "seen_entries"]
