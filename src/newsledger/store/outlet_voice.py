"""Outlet voice in the ledger: what each article says in its own voice, and recurring paragraphs.

Tables (sharing the ledger's ``MetaData``; created on first use by
:func:`ensure_outlet_voice_tables`, so older ledgers gain them without a migration):

``outlet_voice_articles``
    one row per article already processed (its presence is what makes processing
    idempotent): outlet key, published date, how many sentences, own-voice assertions and
    indexed paragraphs it has, the fingerprint settings key, and when it was processed.
``outlet_voice_assertions``
    one row per own-voice sentence, keyed by (article id, start): ``end``, the outlet (as
    written and case-folded), published date, the start of its paragraph, and ``text``, which
    is exactly ``articles.text[start:end]``.
``outlet_voice_paragraphs``
    one row per fingerprinted paragraph of an article that has an outlet: id
    (``"<article id>:<start>"``), offsets, outlet key, date, ``own_voice`` (no attribution
    touches it), its MinHash ``signature`` (bytes) and ``group_id``: the smallest paragraph id
    of its group of near-duplicates within the outlet (its own id while it has none).
``outlet_voice_bands``
    the LSH band keys of each paragraph, per outlet, so that candidates come from an indexed
    look-up instead of comparing every pair.

The store knows nothing of sentences or MinHash: the analysis stage
(:mod:`newsledger.analysis.outlet_voice`) prepares the rows and decides which paragraphs are
near-duplicates; :func:`voice_writer` gives it one write transaction to do that in.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from datetime import datetime, timezone
from typing import Any

from sqlalchemy import (
    Boolean,
    Column,
    Connection,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    Table,
    Text,
    and_,
    func,
    inspect,
    insert,
    or_,
    select,
    update,
)

from newsledger.store.engine import write_transaction
from newsledger.store.schema import articles, metadata, statements

_IN_CHUNK = 500

voice_articles = Table(
    "outlet_voice_articles",
    metadata,
    Column("article_id", String(64), ForeignKey("articles.id"), primary_key=True),
    Column("outlet_key", Text),
    Column("published", Date),
    Column("sentences", Integer, nullable=False),
    Column("assertions", Integer, nullable=False),
    Column("paragraphs", Integer, nullable=False),
    Column("settings", String(100), nullable=False),
    Column("processed_at", DateTime(timezone=True), nullable=False),
    Index("ix_outlet_voice_articles_outlet", "outlet_key"),
)

voice_assertions = Table(
    "outlet_voice_assertions",
    metadata,
    Column("article_id", String(64), ForeignKey("articles.id"), primary_key=True),
    Column("start", Integer, primary_key=True),
    Column("end", Integer, nullable=False),
    Column("outlet", Text),
    Column("outlet_key", Text),
    Column("published", Date),
    Column("paragraph_start", Integer, nullable=False),
    Column("text", Text, nullable=False),
    Index("ix_outlet_voice_assertions_outlet", "outlet_key", "published"),
)

voice_paragraphs = Table(
    "outlet_voice_paragraphs",
    metadata,
    Column("id", String(100), primary_key=True),
    Column("article_id", String(64), ForeignKey("articles.id"), nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("outlet_key", Text, nullable=False),
    Column("published", Date),
    Column("own_voice", Boolean, nullable=False),
    Column("signature", LargeBinary, nullable=False),
    Column("group_id", String(100), nullable=False),
    Index("ix_outlet_voice_paragraphs_group", "outlet_key", "group_id"),
    Index("ix_outlet_voice_paragraphs_article", "article_id", "start"),
)

voice_bands = Table(
    "outlet_voice_bands",
    metadata,
    Column("outlet_key", Text, primary_key=True),
    Column("key", String(40), primary_key=True),
    Column("paragraph_id", String(100), primary_key=True),
)

TABLES = (voice_articles, voice_assertions, voice_paragraphs, voice_bands)


def ensure_outlet_voice_tables(ledger: Any) -> None:
    """Create the outlet-voice tables the ledger lacks (idempotent)."""
    with ledger.engine.connect() as connection:
        existing = inspect(connection)
        if all(existing.has_table(t.name) for t in TABLES):
            return
    with write_transaction(ledger.engine) as connection:
        for table in TABLES:
            table.create(connection, checkfirst=True)


# --------------------------------------------------------------------------- writing

def pending_articles(ledger: Any, *, after: str | None = None, limit: int = 200) -> list[dict[str, Any]]:
    """Up to ``limit`` stored articles not yet processed, by id (after the id ``after``):
    ``id, text, body_start, outlet, outlet_key, published`` and ``statements``, the stored
    statement records of the article (as stored, parsed)."""
    ensure_outlet_voice_tables(ledger)
    done = select(voice_articles.c.article_id).where(voice_articles.c.article_id == articles.c.id)
    q = (select(articles.c.id, articles.c.text, articles.c.body_start, articles.c.outlet,
                articles.c.outlet_key, articles.c.published)
         .where(~done.exists()).order_by(articles.c.id).limit(limit))
    if after is not None:
        q = q.where(articles.c.id > after)
    with ledger.engine.connect() as connection:
        found = [dict(row._mapping) for row in connection.execute(q)]
        records = _statement_records(connection, [a["id"] for a in found])
    for article in found:
        article["statements"] = records.get(article["id"], [])
    return found


def _statement_records(connection: Connection, ids: list[str]) -> dict[str, list[dict[str, Any]]]:
    out: dict[str, list[dict[str, Any]]] = {}
    for start in range(0, len(ids), _IN_CHUNK):
        chunk = ids[start:start + _IN_CHUNK]
        q = select(statements.c.article_id, statements.c.record).where(statements.c.article_id.in_(chunk))
        for article_id, record in connection.execute(q):
            out.setdefault(article_id, []).append(json.loads(record))
    return out


class VoiceWriter:
    """The reads and writes of one outlet-voice write transaction (see :func:`voice_writer`)."""

    def __init__(self, connection: Connection) -> None:
        self.connection = connection

    def processed(self, article_ids: Iterable[str]) -> set[str]:
        """Which of ``article_ids`` are processed already (by another writer, say)."""
        column = voice_articles.c.article_id
        return self._chunked(lambda chunk: select(column).where(column.in_(chunk)), article_ids)

    def add(self, articles_rows: list[dict[str, Any]], assertions: list[dict[str, Any]],
            paragraphs: list[dict[str, Any]], bands: list[dict[str, Any]]) -> None:
        """Insert the rows of newly processed articles (``processed_at`` is set here)."""
        now = datetime.now(timezone.utc)
        for table, rows in ((voice_articles, [{**r, "processed_at": now} for r in articles_rows]),
                            (voice_assertions, assertions), (voice_paragraphs, paragraphs),
                            (voice_bands, bands)):
            if rows:
                self.connection.execute(insert(table), rows)

    def candidates(self, outlet_key: str, keys: Iterable[str]) -> dict[str, set[str]]:
        """``{band key: paragraph ids}`` of the outlet's paragraphs sharing any of ``keys``."""
        found: dict[str, set[str]] = {}
        pending = sorted(set(keys))
        for start in range(0, len(pending), _IN_CHUNK):
            chunk = pending[start:start + _IN_CHUNK]
            q = select(voice_bands.c.key, voice_bands.c.paragraph_id).where(
                voice_bands.c.outlet_key == outlet_key, voice_bands.c.key.in_(chunk))
            for key, paragraph_id in self.connection.execute(q):
                found.setdefault(key, set()).add(paragraph_id)
        return found

    def paragraphs(self, ids: Iterable[str]) -> dict[str, dict[str, Any]]:
        """``{id: {"signature": bytes, "group_id": str}}`` for the stored paragraphs in ``ids``."""
        out: dict[str, dict[str, Any]] = {}
        pending = sorted(set(ids))
        for start in range(0, len(pending), _IN_CHUNK):
            chunk = pending[start:start + _IN_CHUNK]
            q = select(voice_paragraphs.c.id, voice_paragraphs.c.signature,
                       voice_paragraphs.c.group_id).where(voice_paragraphs.c.id.in_(chunk))
            for row in self.connection.execute(q):
                out[row.id] = {"signature": bytes(row.signature), "group_id": row.group_id}
        return out

    def regroup(self, outlet_key: str, renamed: dict[str, str]) -> None:
        """Move every paragraph of group ``old`` to group ``new``, for each ``old: new``."""
        by_new: dict[str, list[str]] = {}
        for old, new in renamed.items():
            if old != new:
                by_new.setdefault(new, []).append(old)
        for new, olds in by_new.items():
            for start in range(0, len(olds), _IN_CHUNK):
                self.connection.execute(
                    update(voice_paragraphs)
                    .where(voice_paragraphs.c.outlet_key == outlet_key,
                           voice_paragraphs.c.group_id.in_(olds[start:start + _IN_CHUNK]))
                    .values(group_id=new))

    def _chunked(self, query, values: Iterable[str]) -> set[str]:
        found: set[str] = set()
        pending = sorted(set(values))
        for start in range(0, len(pending), _IN_CHUNK):
            found.update(self.connection.execute(query(pending[start:start + _IN_CHUNK])).scalars())
        return found


@contextmanager
def voice_writer(ledger: Any) -> Iterator[VoiceWriter]:
    """One write transaction for outlet-voice rows, committed on success.

    Writers are serialised (``store.engine.write_transaction``), so two processes updating at once neither store an article twice nor
    miss each other's paragraphs when grouping.
    """
    ensure_outlet_voice_tables(ledger)
    with write_transaction(ledger.engine) as connection:
        yield VoiceWriter(connection)


# --------------------------------------------------------------------------- reading

def find_outlet(ledger: Any, name: str) -> dict[str, Any] | None:
    """The outlet called ``name`` (case-insensitive): ``{"key", "name", "articles", "first",
    "last"}`` with the most frequent spelling as ``name``; None when no article has it."""
    if not name or "\x00" in name:
        return None
    key = name.casefold()
    q = (select(articles.c.outlet, func.count(), func.min(articles.c.published),
                func.max(articles.c.published))
         .where(articles.c.outlet_key == key).group_by(articles.c.outlet))
    with ledger.engine.connect() as connection:
        rows = list(connection.execute(q))
    if not rows:
        return None
    spelled = sorted(rows, key=lambda r: (-r[1], r[0]))[0][0]
    firsts = [r[2] for r in rows if r[2]]
    lasts = [r[3] for r in rows if r[3]]
    return {"key": key, "name": spelled, "articles": sum(r[1] for r in rows),
            "first": min(firsts) if firsts else None, "last": max(lasts) if lasts else None}


def outlet_counts(ledger: Any, outlet_key: str) -> dict[str, int]:
    """Statements of the outlet's articles, processed articles, and own-voice assertions."""
    ensure_outlet_voice_tables(ledger)
    counted = {
        "statements": select(func.count()).select_from(statements.join(articles))
        .where(articles.c.outlet_key == outlet_key),
        "processed": select(func.count()).select_from(voice_articles)
        .where(voice_articles.c.outlet_key == outlet_key),
        "assertions": select(func.count()).select_from(voice_assertions)
        .where(voice_assertions.c.outlet_key == outlet_key),
    }
    with ledger.engine.connect() as connection:
        return {name: connection.execute(q).scalar_one() for name, q in counted.items()}


def _recurring_groups(outlet_key: str, min_articles: int):
    """The group ids of the outlet whose paragraphs come from at least ``min_articles`` articles."""
    return (select(voice_paragraphs.c.group_id)
            .where(voice_paragraphs.c.outlet_key == outlet_key)
            .group_by(voice_paragraphs.c.group_id)
            .having(func.count(voice_paragraphs.c.article_id.distinct()) >= min_articles))


def recurring_paragraphs(ledger: Any, outlet_key: str, min_articles: int = 2) -> list[dict[str, Any]]:
    """Every paragraph of the outlet's recurring groups: ``id, group_id, article_id, start,
    end, published, own_voice, text`` (``text`` is ``articles.text[start:end]``), ordered by
    group, then date (undated last), article id and start."""
    ensure_outlet_voice_tables(ledger)
    p = voice_paragraphs.c
    length = p.end - p.start
    q = (select(p.id, p.group_id, p.article_id, p.start, p.end, p.published, p.own_voice,
                func.substr(articles.c.text, p.start + 1, length).label("text"))
         .join_from(voice_paragraphs, articles, articles.c.id == p.article_id)
         .where(p.outlet_key == outlet_key, p.group_id.in_(_recurring_groups(outlet_key, min_articles)))
         .order_by(p.group_id, p.published.is_(None), p.published, p.article_id, p.start))
    with ledger.engine.connect() as connection:
        return [dict(row._mapping) for row in connection.execute(q)]


def assertions(ledger: Any, *, article_id: str | None = None, outlet_key: str | None = None,
               exclude_recurring: int | None = None, limit: int | None = None) -> list[dict[str, Any]]:
    """Own-voice sentences with their article's ``title`` and ``url``, newest first (undated
    last), then by article and offset. ``exclude_recurring=n`` leaves out sentences in
    paragraphs that recur in ``n`` or more of the outlet's articles (needs ``outlet_key``)."""
    ensure_outlet_voice_tables(ledger)
    a = voice_assertions.c
    q = (select(a.article_id, a.start, a.end, a.text, a.outlet, a.published, a.paragraph_start,
                articles.c.title, articles.c.url)
         .join_from(voice_assertions, articles, articles.c.id == a.article_id)
         .order_by(a.published.is_(None), a.published.desc(), a.article_id, a.start))
    if article_id is not None:
        q = q.where(a.article_id == article_id)
    if outlet_key is not None:
        q = q.where(a.outlet_key == outlet_key)
        if exclude_recurring:
            p = voice_paragraphs.c
            q = q.outerjoin(voice_paragraphs, and_(p.article_id == a.article_id, p.start == a.paragraph_start))
            q = q.where(or_(p.group_id.is_(None),
                            p.group_id.not_in(_recurring_groups(outlet_key, exclude_recurring))))
    if limit is not None:
        q = q.limit(limit)
    with ledger.engine.connect() as connection:
        return [dict(row._mapping) for row in connection.execute(q)]


__all__ = ["VoiceWriter", "assertions", "ensure_outlet_voice_tables", "find_outlet", "outlet_counts",
           "pending_articles", "recurring_paragraphs", "voice_articles", "voice_assertions",
           "voice_bands", "voice_paragraphs", "voice_writer"]
