"""Stories in the ledger: which stored articles are copies of one story, and which
statements of those copies are one statement carried by several outlets.

``story_copies``
    one row per linked article: ``story_id`` (the id of the story's earliest copy: by
    published date, undated last, then article id), the MinHash ``signature`` and its
    ``shingles`` count (``analysis.duplicates.Fingerprint.to_bytes()`` and ``.size``), and
    ``settings`` (``Settings.key``: signatures are only compared under the same key).
    An article with no row was never linked (stored before stories, or by code that does
    not link): it is a story of its own.
``story_bands``
    the LSH band keys of each linked article (``analysis.duplicates.band_keys``), so that a
    new article's candidates come from an indexed look-up over everything stored.
``story_statements``
    for the statements of stories with two copies or more: ``group_id``, the id of the
    statement on the earliest copy that carries it (its own id when it is the earliest or
    carried once). Statements without a row are carried by their own article only.

The tables share the ledger's ``MetaData`` (created with the others, and added to older
ledgers when they are opened). Nothing here decides what a copy is: the rows come from
:mod:`newsledger.analysis.stories`, through :func:`linking`, which holds one write
transaction (writers take turns: see ``store.engine.write_transaction``), so two linkers
never interleave.

Reads: :func:`annotate` gives the ``story`` and ``carried_by`` fields that
``Ledger.iter_statements`` adds to the records of linked articles; :func:`counts` the
``stories`` and ``distinct_statements`` counts; :func:`article_story` one article's story.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from datetime import date
from typing import Any

from sqlalchemy import (
    Column,
    Connection,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    Table,
    exists,
    func,
    select,
    update,
)

from newsledger.store import actor_months
from newsledger.store.engine import write_transaction
from newsledger.store.schema import UNDATED, articles, metadata, statements

_IN_CHUNK = 500

story_copies = Table(
    "story_copies",
    metadata,
    Column("article_id", String(64), ForeignKey("articles.id"), primary_key=True),
    Column("story_id", String(64), nullable=False),
    Column("settings", String(80), nullable=False),
    Column("shingles", Integer, nullable=False),
    Column("signature", LargeBinary, nullable=False),
    Index("ix_story_copies_story", "story_id"),
)

story_bands = Table(
    "story_bands",
    metadata,
    Column("band", String(32), primary_key=True),
    Column("article_id", String(64), ForeignKey("articles.id"), primary_key=True),
)

story_statements = Table(
    "story_statements",
    metadata,
    Column("statement_id", String(64), ForeignKey("statements.id"), primary_key=True),
    Column("group_id", String(64), nullable=False),
    Index("ix_story_statements_group", "group_id"),
)


def not_a_later_copy():
    """WHERE clause on ``statements``: the statement is not carried by an earlier copy of
    its story (statements of unlinked articles pass). Counts and analyses that use it
    count a statement carried by 40 outlets once."""
    return ~exists().where(story_statements.c.statement_id == statements.c.id,
                           story_statements.c.group_id != statements.c.id)


def _chunks(values: Iterable[str]) -> Iterator[list[str]]:
    pending = sorted(set(values))
    for start in range(0, len(pending), _IN_CHUNK):
        yield pending[start:start + _IN_CHUNK]


def copy_key(published: date | None, article_id: str) -> tuple[date, str]:
    """The order of copies: published date (undated last), then id, as statements sort."""
    return (published or UNDATED, article_id)


# --------------------------------------------------------------------------- writing


@contextmanager
def linking(ledger: Any) -> Iterator[Connection]:
    """One write transaction for linking, serialised against other writers."""
    with write_transaction(ledger.engine) as connection:
        yield connection


def _linked_under(settings: str):
    """WHERE clause on ``articles``: the article has a ``story_copies`` row under ``settings``.

    Why EXISTS rather than ``id NOT IN (SELECT ...)``: SQLite builds the whole subquery's
    list for NOT IN on every call (all linked articles), EXISTS is one key look-up per row."""
    return exists().where(story_copies.c.article_id == articles.c.id,
                          story_copies.c.settings == settings)


def unlinked(connection: Connection, ids: Iterable[str], settings: str,
             *, with_text: bool = True) -> list[Any]:
    """Stored articles among ``ids`` with no ``story_copies`` row under ``settings``: rows
    of ``id, published`` (and ``text, body_start``), by id."""
    columns = [articles.c.id, articles.c.published]
    if with_text:
        columns += [articles.c.text, articles.c.body_start]
    base = select(*columns).where(~_linked_under(settings))
    found: list[Any] = []
    for chunk in _chunks(i for i in ids if "\x00" not in i):
        found.extend(connection.execute(base.where(articles.c.id.in_(chunk))))
    return sorted(found, key=lambda row: row.id)


def unlinked_ids(connection: Connection, settings: str, *, after: str | None = None,
                 limit: int = _IN_CHUNK) -> list[str]:
    """Up to ``limit`` ids of stored articles with no ``story_copies`` row under
    ``settings``, in id order, after ``after`` (keyset paging through the whole ledger).
    Costs two counts, not a scan, when every article is linked (the usual case)."""
    if after is None:
        total = connection.execute(select(func.count()).select_from(articles)).scalar_one()
        linked = connection.execute(select(func.count()).select_from(story_copies)
                                    .where(story_copies.c.settings == settings)).scalar_one()
        if linked >= total:
            return []
    q = select(articles.c.id).where(~_linked_under(settings))
    if after is not None:
        q = q.where(articles.c.id > after)
    return list(connection.execute(q.order_by(articles.c.id).limit(limit)).scalars())


def band_matches(connection: Connection, bands: Iterable[str], settings: str) -> list[Any]:
    """Stored articles linked under ``settings`` sharing a band key: rows of ``band,
    article_id`` (one per band shared)."""
    q = (select(story_bands.c.band, story_bands.c.article_id)
         .join(story_copies, story_copies.c.article_id == story_bands.c.article_id)
         .where(story_copies.c.settings == settings))
    found: list[Any] = []
    for chunk in _chunks(bands):
        found.extend(connection.execute(q.where(story_bands.c.band.in_(chunk))))
    return found


def signatures(connection: Connection, article_ids: Iterable[str]) -> list[Any]:
    """Linked articles' rows of ``article_id, story_id, published, shingles, signature``."""
    q = (select(story_copies.c.article_id, story_copies.c.story_id, articles.c.published,
                story_copies.c.shingles, story_copies.c.signature)
         .join(articles, articles.c.id == story_copies.c.article_id))
    found: list[Any] = []
    for chunk in _chunks(article_ids):
        found.extend(connection.execute(q.where(story_copies.c.article_id.in_(chunk))))
    return found


def members(connection: Connection, story_ids: Iterable[str]) -> list[Any]:
    """The copies of these stories: rows of ``article_id, story_id, published``."""
    q = (select(story_copies.c.article_id, story_copies.c.story_id, articles.c.published)
         .join(articles, articles.c.id == story_copies.c.article_id))
    found: list[Any] = []
    for chunk in _chunks(story_ids):
        found.extend(connection.execute(q.where(story_copies.c.story_id.in_(chunk))))
    return found


def save_copies(connection: Connection, rows: list[dict[str, Any]], bands: list[dict[str, str]]) -> None:
    """Store newly linked articles (replacing a row of other settings) and their band keys."""
    ids = [row["article_id"] for row in rows]
    for chunk in _chunks(ids):
        # Only articles linked before (under other settings) have rows to replace; asking
        # first keeps the band delete, which has no index by article, off new articles.
        before = list(connection.execute(select(story_copies.c.article_id)
                                         .where(story_copies.c.article_id.in_(chunk))).scalars())
        if before:
            connection.execute(story_bands.delete().where(story_bands.c.article_id.in_(before)))
            connection.execute(story_copies.delete().where(story_copies.c.article_id.in_(before)))
    if rows:
        connection.execute(story_copies.insert(), rows)
    if bands:
        connection.execute(story_bands.insert(), bands)


def move_copies(connection: Connection, story_of: dict[str, str]) -> None:
    """Set the story of already linked articles (when stories merge or an earlier copy came)."""
    by_story: dict[str, list[str]] = {}
    for article_id, story_id in story_of.items():
        by_story.setdefault(story_id, []).append(article_id)
    for story_id, ids in sorted(by_story.items()):
        for chunk in _chunks(ids):
            connection.execute(update(story_copies).where(story_copies.c.article_id.in_(chunk))
                               .values(story_id=story_id))


# What the statement grouping compares, read from columns (no JSON record is parsed).
_COMPARED = (statements.c.id, statements.c.article_id, statements.c.content, statements.c.negated,
             statements.c.speaker_name, statements.c.actor_id)


def copies_with_statements(connection: Connection, article_ids: Iterable[str]) -> list[tuple[Any, list[Any]]]:
    """Each article (a row of ``id, published``) with its statements as rows of ``id,
    article_id, content, negated, speaker_name, actor_id``, in content order; articles in
    copy order."""
    found: list[tuple[Any, list[Any]]] = []
    for chunk in _chunks(article_ids):
        rows = connection.execute(select(articles.c.id, articles.c.published)
                                  .where(articles.c.id.in_(chunk))).all()
        of: dict[str, list[Any]] = {row.id: [] for row in rows}
        q = (select(*_COMPARED).where(statements.c.article_id.in_(chunk))
             .order_by(statements.c.article_id, statements.c.content_start, statements.c.id))
        for row in connection.execute(q):
            of[row.article_id].append(row)
        found.extend((row, of[row.id]) for row in rows)
    return sorted(found, key=lambda item: copy_key(item[0].published, item[0].id))


def story_groups(connection: Connection, article_ids: Iterable[str]) -> list[Any]:
    """The stored groups of these articles' statements: rows of ``statement_id, group_id,
    article_id``, by article and then in content order (no record is read)."""
    q = (select(story_statements.c.statement_id, story_statements.c.group_id, statements.c.article_id,
                statements.c.content_start)
         .join(statements, statements.c.id == story_statements.c.statement_id))
    found: list[Any] = []
    for chunk in _chunks(article_ids):
        found.extend(connection.execute(q.where(statements.c.article_id.in_(chunk))))
    return sorted(found, key=lambda row: (row.article_id, row.content_start, row.statement_id))


def compared_statements(connection: Connection, statement_ids: Iterable[str]) -> list[Any]:
    """These statements as rows of ``id, article_id, content, negated, speaker_name,
    actor_id``, in ledger order (published, article id, content start, id)."""
    q = select(*_COMPARED, statements.c.sort_published, statements.c.content_start)
    rows: list[Any] = []
    for chunk in _chunks(statement_ids):
        rows.extend(connection.execute(q.where(statements.c.id.in_(chunk))))
    rows.sort(key=lambda r: (r.sort_published, r.article_id, r.content_start, r.id))
    return rows


def replace_groups(connection: Connection, article_ids: Iterable[str],
                   groups: dict[str, str]) -> None:
    """Forget the statement groups of these articles' statements, then store ``groups``
    (``{statement id: group id}``, statements of these articles), keeping the counts by
    actor and month in step (a later copy of a story is not counted there)."""
    changes: Counter = Counter()
    for chunk in _chunks(article_ids):
        q = (select(statements.c.id, statements.c.actor_id, statements.c.effective_date, statements.c.act,
                    story_statements.c.group_id)
             .select_from(statements.outerjoin(story_statements, story_statements.c.statement_id == statements.c.id))
             .where(statements.c.article_id.in_(chunk), statements.c.actor_id.is_not(None)))
        for statement_id, actor_id, day, act, old_group in connection.execute(q):
            was_copy = old_group is not None and old_group != statement_id
            is_copy = groups.get(statement_id, statement_id) != statement_id
            if was_copy != is_copy:
                changes[(actor_id, actor_months.month_number(day), act)] += 1 if was_copy else -1
        ids = select(statements.c.id).where(statements.c.article_id.in_(chunk))
        connection.execute(story_statements.delete().where(story_statements.c.statement_id.in_(ids)))
    actor_months.shift(connection, changes)
    if groups:
        connection.execute(story_statements.insert(),
                           [{"statement_id": s, "group_id": g} for s, g in sorted(groups.items())])


# --------------------------------------------------------------------------- reading


def _stories(connection: Connection, story_ids: Iterable[str]) -> dict[str, dict[str, Any]]:
    """``{story id: {"id", "copies", "outlets"}}``; outlets once each, in copy order."""
    q = (select(story_copies.c.story_id, articles.c.id, articles.c.outlet, articles.c.published)
         .join(articles, articles.c.id == story_copies.c.article_id))
    rows: list[Any] = []
    for chunk in _chunks(story_ids):
        rows.extend(connection.execute(q.where(story_copies.c.story_id.in_(chunk))))
    rows.sort(key=lambda row: (row.story_id, copy_key(row.published, row.id)))
    found: dict[str, dict[str, Any]] = {}
    for row in rows:
        story = found.setdefault(row.story_id, {"id": row.story_id, "copies": 0, "outlets": []})
        story["copies"] += 1
        if row.outlet and row.outlet not in story["outlets"]:
            story["outlets"].append(row.outlet)
    return found


def _carriers(connection: Connection, group_ids: Iterable[str]) -> dict[str, list[dict[str, Any]]]:
    """``{group id: carried_by list}``, each in ledger order."""
    q = (select(story_statements.c.group_id, statements.c.id, statements.c.article_id,
                statements.c.sort_published, statements.c.content_start,
                articles.c.outlet, articles.c.published)
         .join(statements, statements.c.id == story_statements.c.statement_id)
         .join(articles, articles.c.id == statements.c.article_id))
    rows: list[Any] = []
    for chunk in _chunks(group_ids):
        rows.extend(connection.execute(q.where(story_statements.c.group_id.in_(chunk))))
    rows.sort(key=lambda r: (r.group_id, r.sort_published, r.article_id, r.content_start, r.id))
    found: dict[str, list[dict[str, Any]]] = {}
    for row in rows:
        found.setdefault(row.group_id, []).append(_carrier(
            row.outlet, row.published.isoformat() if row.published else None, row.article_id, row.id))
    return found


def _carrier(outlet: str | None, published: str | None, article_id: str, statement_id: str) -> dict[str, Any]:
    return {"outlet": outlet, "published": published, "article_id": article_id,
            "statement_id": statement_id}


def annotate(connection: Connection, rows: list[Any]) -> list[dict[str, Any]]:
    """The records of ``rows`` (``record, id, article_id, group_id``), parsed; those of
    linked articles get ``story`` and ``carried_by`` appended (other keys untouched)."""
    records = [json.loads(row.record) for row in rows]
    story_of: dict[str, str] = {}
    for chunk in _chunks(row.article_id for row in rows):
        q = select(story_copies.c.article_id, story_copies.c.story_id).where(
            story_copies.c.article_id.in_(chunk))
        story_of.update(dict(connection.execute(q).all()))
    if not story_of:
        return records
    stories = _stories(connection, story_of.values())
    carriers = _carriers(connection, {row.group_id for row in rows if row.group_id is not None})
    for row, record in zip(rows, records):
        story_id = story_of.get(row.article_id)
        if story_id is None:
            continue
        record["story"] = stories[story_id]
        article = record["article"]
        record["carried_by"] = carriers.get(row.group_id) or [
            _carrier(article["outlet"], article["published"], row.article_id, row.id)]
    return records


def article_story(connection: Connection, article_id: str) -> dict[str, Any] | None:
    """The story of a linked article (``{"id", "copies", "outlets"}``), else None."""
    story_id = connection.execute(select(story_copies.c.story_id).where(
        story_copies.c.article_id == article_id)).scalar_one_or_none()
    return None if story_id is None else _stories(connection, [story_id])[story_id]


def counts(connection: Connection) -> dict[str, int]:
    """``stories`` (unlinked articles count one each) and ``distinct_statements`` (each
    carried statement once), or ``{}`` when no article was ever linked."""
    linked = connection.execute(select(func.count()).select_from(story_copies)).scalar_one()
    if not linked:
        return {}
    stories = connection.execute(select(func.count(func.distinct(story_copies.c.story_id)))).scalar_one()
    total = connection.execute(select(func.count()).select_from(articles)).scalar_one()
    repeats = connection.execute(
        select(func.count()).select_from(story_statements)
        .where(story_statements.c.group_id != story_statements.c.statement_id)).scalar_one()
    statement_total = connection.execute(select(func.count()).select_from(statements)).scalar_one()
    return {"stories": int(stories) + int(total) - int(linked),
            "distinct_statements": int(statement_total) - int(repeats)}


__all__ = ["annotate", "article_story", "band_matches", "copies_with_statements", "copy_key",
           "compared_statements", "counts", "linking", "members", "move_copies", "replace_groups",
           "save_copies", "signatures", "story_bands", "story_copies", "story_groups",
           "story_statements", "unlinked",
           "unlinked_ids"]
