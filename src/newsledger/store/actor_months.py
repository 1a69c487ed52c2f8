"""Statement counts by actor, month and act, kept up to date as statements are stored.

An actor's timeline by month reads these rows instead of counting the actor's statements:
the most quoted actor of a million-statement ledger has a hundred thousand of them, which
no index counts in tens of milliseconds (see BENCHMARKS.md).

``actor_months (actor_id, month, act, statements)``
    ``month`` is ``year * 12 + month - 1`` of the statement's ``effective_date``, ``0`` for
    a statement with no date. Counted: statements with an actor id that are not a later copy
    of a story (a ``story_statements`` row whose group is another statement), exactly the
    statements :func:`newsledger.store.timelines.act_counts` counts for actors. Rows may
    hold 0 once every statement of theirs became a later copy.

Kept in step, inside the same transactions, by the only two writers of what it counts:
``Ledger.add`` (each statement it inserts: +1) and :func:`newsledger.store.stories.replace_groups`
(a statement that becomes a later copy: -1; one that stops being one: +1). Statements are
never updated or deleted. Migration 0004 fills it from the stored statements
(:func:`newsledger.store.timelines.recount_actor_months`). An older newsledger writing to a ledger upgraded by this one does not
know the table and leaves it behind: that is not supported.
"""

from __future__ import annotations

from collections import Counter
from datetime import date
from typing import Any, Iterable

from sqlalchemy import Column, Connection, Integer, String, Table, Text, delete, func, insert, select, update

from newsledger.store.engine import upserting_insert
from newsledger.store.schema import metadata

actor_months = Table(
    "actor_months",
    metadata,
    Column("actor_id", Text, primary_key=True),
    Column("month", Integer, primary_key=True),
    Column("act", String(40), primary_key=True),
    Column("statements", Integer, nullable=False),
)

Key = tuple[str, int, str]
_CHUNK = 500


def month_number(day: date | None) -> int:
    """``year * 12 + month - 1`` of ``day``; 0 when there is no date."""
    return day.year * 12 + day.month - 1 if day else 0


def month_start(number: int) -> date | None:
    """The first day of the month ``month_number`` gave, or None for 0."""
    return date(number // 12, number % 12 + 1, 1) if number else None


def tally(rows: Iterable[tuple[Any, ...]], sign: int = 1) -> Counter[Key]:
    """``{(actor id, month, act): sign * how many}`` of ``(actor_id, effective_date, act)``
    rows; rows without an actor are not counted."""
    found: Counter[Key] = Counter()
    for actor_id, day, act in rows:
        if actor_id is not None:
            found[(actor_id, month_number(day), act)] += sign
    return found


def shift(connection: Connection, deltas: Counter[Key]) -> None:
    """Add ``deltas`` to the stored counts, in key order (two PostgreSQL writers updating the
    same rows in one order cannot deadlock)."""
    rows = [{"actor_id": a, "month": m, "act": act, "statements": n}
            for (a, m, act), n in sorted(deltas.items()) if n]
    if not rows:
        return
    upsert = _upsert_statement(connection)
    if upsert is not None:
        for start in range(0, len(rows), _CHUNK):
            connection.execute(upsert, rows[start:start + _CHUNK])
        return
    for row in rows:  # other backends: update, else insert
        key = ((actor_months.c.actor_id == row["actor_id"]) & (actor_months.c.month == row["month"])
               & (actor_months.c.act == row["act"]))
        changed = connection.execute(update(actor_months).where(key)
                                     .values(statements=actor_months.c.statements + row["statements"]))
        if changed.rowcount == 0:
            connection.execute(insert(actor_months), [row])


def _upsert_statement(connection: Connection) -> Any:
    stmt = upserting_insert(connection, actor_months)
    if stmt is None:
        return None
    return stmt.on_conflict_do_update(
        index_elements=[actor_months.c.actor_id, actor_months.c.month, actor_months.c.act],
        set_={"statements": actor_months.c.statements + stmt.excluded.statements})


def replace_all(connection: Connection, counts: Counter[Key]) -> None:
    """Forget every stored count and store ``counts`` instead."""
    connection.execute(delete(actor_months))
    shift(connection, counts)


def stored(connection: Connection) -> Counter[Key]:
    """Every stored count above zero."""
    q = select(actor_months).where(actor_months.c.statements != 0)
    return Counter({(r.actor_id, r.month, r.act): r.statements for r in connection.execute(q)})


def month_counts(connection: Connection, actor_ids: list[str]) -> list[tuple[date | None, str, int]]:
    """``(first day of the month or None, act, count)`` over ``actor_ids``, zeros left out."""
    total = func.sum(actor_months.c.statements)
    q = (select(actor_months.c.month, actor_months.c.act, total)
         .where(actor_months.c.actor_id.in_(actor_ids))
         .group_by(actor_months.c.month, actor_months.c.act))
    return [(month_start(m), act, int(n)) for m, act, n in connection.execute(q) if n]


__all__ = ["actor_months", "month_counts", "month_number", "month_start", "replace_all", "shift",
           "stored", "tally"]
