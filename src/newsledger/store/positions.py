"""Issues and positions in the ledger: two tables, filled by :mod:`newsledger.analysis.positions`.

``issues``
    one row per issue (a proposition statements are about, such as "sending troops to
    Ukraine"): an integer ``id``, its readable ``label``, ``vector`` (the sum of its member
    statements' unit embeddings, float32 bytes; the centroid is this sum normalised),
    ``size`` (member count), the first and last effective date of its members, and
    ``updated_at``.
``issue_statements``
    one row per statement the positions stage has seen (its ``statement_id`` is the key, so
    a statement is assigned once): ``issue_id`` (NULL when the statement had no text to
    place), the speaker's ``actor_id`` as stored with the statement (not merged: see
    :func:`canonical_ids`), ``stance`` and ``basis`` (why that stance), ``similarity`` to
    the issue's centroid when assigned, ``text`` (the words that were embedded),
    ``antecedent_id`` (the earlier statement whose words were read with this one, for a
    vague content such as "nothing can be ruled out"), and ``effective_date`` (statement
    date, else the article's published date).

Both tables share the ledger's ``MetaData`` and are also created on first use by
:func:`ensure_position_tables`, so older ledgers gain them without a migration. The store
knows nothing of embeddings or stances: vectors go in and out as bytes, rows as dicts.
"""

from __future__ import annotations

import json
from datetime import date, datetime, timezone
from typing import Any, Iterable

from sqlalchemy import (
    Column, Connection, Date, DateTime, Float, ForeignKey, Index, Integer, LargeBinary, String,
    Table, Text, and_, func, insert, inspect, select, update,
)

from newsledger.store.actors import load_actor_rows
from newsledger.store.engine import write_transaction
from newsledger.store.schema import articles, metadata, statements
from newsledger.store.stories import not_a_later_copy

issues = Table(
    "issues",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("label", Text, nullable=False),
    Column("vector", LargeBinary, nullable=False),
    Column("size", Integer, nullable=False),
    Column("first_date", Date),
    Column("last_date", Date),
    Column("updated_at", DateTime(timezone=True), nullable=False),
)

issue_statements = Table(
    "issue_statements",
    metadata,
    Column("statement_id", String(64), ForeignKey("statements.id"), primary_key=True),
    Column("issue_id", Integer, ForeignKey("issues.id")),
    Column("actor_id", Text),
    Column("stance", String(12), nullable=False),
    Column("basis", Text, nullable=False),
    Column("similarity", Float),
    Column("text", Text, nullable=False),
    Column("antecedent_id", String(64)),
    Column("effective_date", Date),
    Index("ix_issue_statements_issue", "issue_id", "effective_date"),
    Index("ix_issue_statements_actor", "actor_id", "issue_id"),
)

_IN_CHUNK = 500


def ensure_position_tables(ledger: Any) -> None:
    """Create ``issues`` and ``issue_statements`` if the ledger lacks them (idempotent)."""
    with ledger.engine.connect() as connection:
        found = inspect(connection)
        if found.has_table("issues") and found.has_table("issue_statements"):
            return
    with write_transaction(ledger.engine) as connection:
        issues.create(connection, checkfirst=True)
        issue_statements.create(connection, checkfirst=True)


def _unassigned():
    """Statements with no ``issue_statements`` row (a story's later copies never get one:
    a statement carried by many outlets is one position statement)."""
    return and_(~select(issue_statements.c.statement_id).where(
        issue_statements.c.statement_id == statements.c.id).exists(), not_a_later_copy())


def count_unassigned(ledger: Any) -> int:
    """How many stored statements the positions stage has not seen yet."""
    ensure_position_tables(ledger)
    with ledger.engine.connect() as connection:
        return connection.execute(
            select(func.count()).select_from(statements).where(_unassigned())).scalar_one()


def unassigned_articles(connection: Connection, limit: int) -> list[str]:
    """Up to ``limit`` ids of articles holding unassigned statements, oldest first."""
    q = (select(statements.c.article_id, func.min(statements.c.sort_published).label("published"))
         .where(_unassigned()).group_by(statements.c.article_id)
         .order_by("published", statements.c.article_id).limit(limit))
    return [row.article_id for row in connection.execute(q)]


def unassigned_statements(connection: Connection, article_ids: list[str]) -> list[dict[str, Any]]:
    """The unassigned statements of ``article_ids``: ``{"record", "actor_id",
    "effective_date", "article_id", "start"}`` in article order, then text order."""
    found: list[dict[str, Any]] = []
    for begin in range(0, len(article_ids), _IN_CHUNK):
        chunk = article_ids[begin:begin + _IN_CHUNK]
        q = (select(statements.c.record, statements.c.actor_id, statements.c.effective_date,
                    statements.c.article_id, statements.c.content_start)
             .where(statements.c.article_id.in_(chunk), _unassigned())
             .order_by(statements.c.sort_published, statements.c.article_id,
                       statements.c.content_start, statements.c.id))
        found.extend({"record": json.loads(row.record), "actor_id": row.actor_id,
                      "effective_date": row.effective_date, "article_id": row.article_id,
                      "start": row.content_start} for row in connection.execute(q))
    return found


def article_texts(connection: Connection, article_ids: Iterable[str]) -> dict[str, str]:
    """``{article id: stored text}`` (to find paragraph breaks between statements)."""
    wanted = sorted(set(article_ids))
    texts: dict[str, str] = {}
    for begin in range(0, len(wanted), _IN_CHUNK):
        q = select(articles.c.id, articles.c.text).where(articles.c.id.in_(wanted[begin:begin + _IN_CHUNK]))
        texts.update({row.id: row.text for row in connection.execute(q)})
    return texts


def load_issues(connection: Connection) -> list[dict[str, Any]]:
    """Every issue row as a dict (``vector`` as bytes), by id."""
    return [dict(row._mapping) for row in connection.execute(select(issues).order_by(issues.c.id))]


def add_issue(connection: Connection, row: dict[str, Any]) -> int:
    """Insert an issue (``label``, ``vector``, ``size``, dates); returns its new id."""
    values = {**row, "updated_at": datetime.now(timezone.utc)}
    return int(connection.execute(insert(issues).values(**values)).inserted_primary_key[0])


def save_issue(connection: Connection, issue_id: int, values: dict[str, Any]) -> None:
    """Update an issue's columns (vector, size, dates, label)."""
    connection.execute(update(issues).where(issues.c.id == issue_id)
                       .values(**values, updated_at=datetime.now(timezone.utc)))


def add_assignments(connection: Connection, rows: list[dict[str, Any]]) -> None:
    """Insert ``issue_statements`` rows (one per statement)."""
    if rows:
        connection.execute(insert(issue_statements), rows)


def central_texts(connection: Connection, issue_id: int, limit: int) -> list[str]:
    """The embedded texts of an issue's members read alone (no antecedent), most similar
    to the centroid first, at most ``limit``; the label is chosen among them."""
    q = (select(issue_statements.c.text).where(issue_statements.c.issue_id == issue_id,
                                               issue_statements.c.antecedent_id.is_(None))
         .order_by(issue_statements.c.similarity.desc(), issue_statements.c.statement_id).limit(limit))
    return [text for (text,) in connection.execute(q)]


def canonical_ids(ledger: Any) -> dict[str, str]:
    """``{actor id: canonical id}`` for actors merged into another (others map to themselves
    implicitly: look up with ``.get(i, i)``). Reads only the merged actors (indexed): a
    chain of merges passes through nothing else."""
    from newsledger.store.actors import actors

    q = select(actors.c.id, actors.c.merged_into).where(actors.c.merged_into.is_not(None),
                                                         actors.c.merged_into != "")
    with ledger.engine.connect() as connection:
        merged = dict(connection.execute(q).all())
    out: dict[str, str] = {}
    for actor_id in merged:
        seen, current = set(), actor_id
        while current in merged and current not in seen:
            seen.add(current)
            current = merged[current]
        if current != actor_id:
            out[actor_id] = current
    return out


def actor_names(ledger: Any) -> dict[str, str]:
    """``{actor id: canonical name}`` from the actors table."""
    return {r["id"]: r["name"] for r in load_actor_rows(ledger)}


def issue_listing(ledger: Any) -> list[dict[str, Any]]:
    """One dict per issue: id, label, statements, actors (distinct actor ids with a
    statement on it, not merged), first and last date; by id."""
    ensure_position_tables(ledger)
    q = (select(issues.c.id, issues.c.label, issues.c.size, issues.c.first_date, issues.c.last_date,
                func.count(func.distinct(issue_statements.c.actor_id)).label("actors"))
         .select_from(issues.outerjoin(issue_statements, issue_statements.c.issue_id == issues.c.id))
         .group_by(issues.c.id, issues.c.label, issues.c.size, issues.c.first_date, issues.c.last_date)
         .order_by(issues.c.id))
    with ledger.engine.connect() as connection:
        return [{"id": row.id, "label": row.label, "statements": row.size, "actors": row.actors,
                 "first": _iso(row.first_date), "last": _iso(row.last_date)}
                for row in connection.execute(q)]


def position_rows(ledger: Any, actor_ids: Iterable[str] | None = None,
                  issue_id: int | None = None) -> list[dict[str, Any]]:
    """Assigned statements that have an actor, with their record: ``{"actor_id", "issue_id",
    "issue_label", "stance", "basis", "similarity", "antecedent_id", "effective_date",
    "record"}``, oldest first (effective date, undated last; then ledger order)."""
    ensure_position_tables(ledger)
    q = (select(issue_statements.c.actor_id, issue_statements.c.issue_id, issues.c.label,
                issue_statements.c.stance, issue_statements.c.basis, issue_statements.c.similarity,
                issue_statements.c.antecedent_id, issue_statements.c.effective_date, statements.c.record)
         .join(statements, statements.c.id == issue_statements.c.statement_id)
         .join(issues, issues.c.id == issue_statements.c.issue_id)
         .where(issue_statements.c.actor_id.is_not(None))
         .order_by(issue_statements.c.effective_date.is_(None), issue_statements.c.effective_date,
                   statements.c.sort_published, statements.c.article_id, statements.c.content_start,
                   statements.c.id))
    if issue_id is not None:
        q = q.where(issue_statements.c.issue_id == issue_id)
    if actor_ids is not None:
        wanted = sorted({i for i in actor_ids if "\x00" not in i})
        if not wanted:
            return []
        q = q.where(issue_statements.c.actor_id.in_(wanted))
    with ledger.engine.connect() as connection:
        return [{"actor_id": row.actor_id, "issue_id": row.issue_id, "issue_label": row.label,
                 "stance": row.stance, "basis": row.basis, "similarity": row.similarity,
                 "antecedent_id": row.antecedent_id, "effective_date": row.effective_date,
                 "record": json.loads(row.record)} for row in connection.execute(q)]


def _iso(value: date | None) -> str | None:
    return value.isoformat() if value else None


__all__ = [
    "actor_names", "add_assignments", "add_issue", "article_texts", "canonical_ids", "central_texts",
    "count_unassigned", "ensure_position_tables", "issue_listing", "issue_statements", "issues",
    "load_issues", "position_rows", "save_issue", "unassigned_articles",
    "unassigned_statements",
]
