"""Timeline queries: statement counts by date and act, and the latest statements, for one
actor (a set of actor ids), one issue, or one outlet.

Counts are grouped by ``effective_date`` (the statement date, else the article's published
date) and ``act`` in SQL, portable between SQLite and PostgreSQL; bucketing into months,
weeks or days is left to :mod:`newsledger.analysis.timelines`. Statements with no date at
all are counted with the date ``None``. Issues come from :mod:`newsledger.store.positions`
(statements not yet placed in an issue are in no issue timeline). An outlet's own-voice
assertions come from :mod:`newsledger.store.outlet_voice` (articles not processed for outlet
voice yet add none).
"""

from __future__ import annotations

import json
from collections import Counter
from datetime import date
from typing import Any, Iterable

from sqlalchemy import Connection, func, select

from newsledger.store import actor_months

from newsledger.store.outlet_voice import ensure_outlet_voice_tables, voice_assertions
from newsledger.store.positions import ensure_position_tables, issue_statements
from newsledger.store.schema import articles, statements
from newsledger.store.stories import not_a_later_copy, story_statements


def _actor_id_list(actor_ids: Iterable[str]) -> list[str]:
    """The ids, sorted, without any holding NUL (no id does; a database may reject one)."""
    return sorted({i for i in actor_ids if "\x00" not in i})


def _conditions(issue_id: int | None, outlet: str | None) -> list:
    """WHERE clauses for an issue or an outlet (every value bound); actors have their own
    queries (``_act_counts_of_actors``, ``_latest_of_actors``)."""
    if issue_id is not None:
        return [statements.c.id.in_(select(issue_statements.c.statement_id)
                                    .where(issue_statements.c.issue_id == issue_id))]
    if outlet is not None:
        key = outlet.casefold() if "\x00" not in outlet else ""
        return [statements.c.article_id.in_(select(articles.c.id).where(articles.c.outlet_key == key))]
    raise ValueError("a timeline needs actor_ids, issue_id or outlet")


def act_counts(ledger: Any, *, actor_ids: Iterable[str] | None = None, issue_id: int | None = None,
               outlet: str | None = None) -> list[tuple[date | None, str, int]]:
    """``(effective date, act, count)`` for the subject's statements, by date then act."""
    if actor_ids is not None:
        return _act_counts_of_actors(ledger, actor_ids)
    if issue_id is not None:
        ensure_position_tables(ledger)
    q = (select(statements.c.effective_date, statements.c.act, func.count())
         .where(*_conditions(issue_id, outlet))
         .group_by(statements.c.effective_date, statements.c.act)
         .order_by(statements.c.effective_date, statements.c.act))
    with ledger.engine.connect() as connection:
        return [(row[0], row[1], int(row[2])) for row in connection.execute(q)]


def _act_counts_of_actors(ledger: Any, actor_ids: Iterable[str]) -> list[tuple[date | None, str, int]]:
    """``act_counts`` for actors (see :func:`_day_counts`)."""
    counts: Counter[tuple[date | None, str]] = Counter()
    with ledger.engine.connect() as connection:
        for (_, day, act), n in _day_counts(connection, statements.c.actor_id.in_(_actor_id_list(actor_ids))).items():
            counts[(day, act)] += n
    kept = [(day, act, n) for (day, act), n in counts.items() if n > 0]
    return sorted(kept, key=lambda row: (row[0] is None, row[0] or date.min, row[1]))


def _day_counts(connection: Connection, where: Any) -> Counter[tuple[str, date | None, str]]:
    """``{(actor id, effective date, act): count}`` of the statements passing ``where``, later
    copies of a story left out: every statement counted from ``ix_statements_actor_date``
    alone, minus the later copies (``story_statements`` rows whose group is another
    statement; one row per statement at most). Equal to counting with ``not_a_later_copy()``,
    which probes the table once per statement: seconds for an actor with a hundred thousand."""
    keys = (statements.c.actor_id, statements.c.effective_date, statements.c.act)
    everything = select(*keys, func.count()).where(where).group_by(*keys)
    copies = (select(*keys, func.count())
              .select_from(statements.join(story_statements, story_statements.c.statement_id == statements.c.id))
              .where(where, story_statements.c.group_id != statements.c.id)
              .group_by(*keys))
    counts: Counter[tuple[str, date | None, str]] = Counter()
    for actor_id, day, act, n in connection.execute(everything):
        counts[(actor_id, day, act)] += int(n)
    for actor_id, day, act, n in connection.execute(copies):
        counts[(actor_id, day, act)] -= int(n)
    return counts


def recount_actor_months(connection: Connection) -> None:
    """Count every stored statement into ``actor_months`` again (migration 0004)."""
    months: Counter = Counter()
    for (actor_id, day, act), n in _day_counts(connection, statements.c.actor_id.is_not(None)).items():
        months[(actor_id, actor_months.month_number(day), act)] += n
    actor_months.replace_all(connection, months)


def actor_month_counts(ledger: Any, actor_ids: Iterable[str]) -> list[tuple[date | None, str, int]]:
    """``act_counts`` for actors with each date replaced by its month's first day, read from
    the counts kept by month (:mod:`newsledger.store.actor_months`): as fast for an actor with
    a hundred thousand statements as for one with ten."""
    with ledger.engine.connect() as connection:
        found = actor_months.month_counts(connection, _actor_id_list(actor_ids))
    return sorted(found, key=lambda row: (row[0] is None, row[0] or date.min, row[1]))


def actor_date_range(ledger: Any, actor_ids: Iterable[str]) -> tuple[date | None, date | None]:
    """The first and the last statement date of the actors, later copies left out; each
    found by walking ``ix_statements_actor_date`` from one end."""
    ends: list[date] = []
    with ledger.engine.connect() as connection:
        for actor_id in _actor_id_list(actor_ids):
            for order in (statements.c.effective_date, statements.c.effective_date.desc()):
                q = (select(statements.c.effective_date)
                     .where(statements.c.actor_id == actor_id, statements.c.effective_date.is_not(None),
                            not_a_later_copy()).order_by(order).limit(1))
                ends.extend(connection.execute(q).scalars())
    return (min(ends), max(ends)) if ends else (None, None)


def own_voice_counts(ledger: Any, outlet: str) -> list[tuple[date | None, int]]:
    """``(published date, count)`` of the outlet's own-voice assertions (case ignored), by date."""
    ensure_outlet_voice_tables(ledger)
    key = outlet.casefold() if "\x00" not in outlet else ""
    q = (select(voice_assertions.c.published, func.count()).where(voice_assertions.c.outlet_key == key)
         .group_by(voice_assertions.c.published).order_by(voice_assertions.c.published))
    with ledger.engine.connect() as connection:
        return [(row[0], int(row[1])) for row in connection.execute(q)]


def latest_statements(ledger: Any, *, actor_ids: Iterable[str] | None = None, issue_id: int | None = None,
                      outlet: str | None = None, limit: int = 20) -> list[dict[str, Any]]:
    """The subject's statement records, newest first (undated last), at most ``limit``."""
    limit = max(0, limit)
    if actor_ids is not None:
        return _latest_of_actors(ledger, actor_ids, limit)
    if issue_id is not None:
        ensure_position_tables(ledger)
    q = select(statements.c.record).where(*_conditions(issue_id, outlet)).order_by(*_NEWEST_FIRST)
    with ledger.engine.connect() as connection:
        return [json.loads(record) for (record,) in connection.execute(q.limit(limit))]


# The ledger's order, newest first: by statement date (undated last), then as the ledger lists.
_NEWEST_FIRST = (statements.c.effective_date.is_(None), statements.c.effective_date.desc(),
                 statements.c.sort_published.desc(), statements.c.article_id, statements.c.content_start.desc(),
                 statements.c.id)


def _latest_of_actors(ledger: Any, actor_ids: Iterable[str], limit: int) -> list[dict[str, Any]]:
    """``latest_statements`` for actors, one actor id and one of dated/undated at a time.

    Each query then walks ``ix_statements_actor_date`` from its newest date and stops
    after ``limit`` rows: the most quoted actor of a million statements answers as fast as
    any. (One query over every id, with undated statements last, sorts all of them.)
    """
    found: list[tuple[tuple, str]] = []
    columns = (statements.c.record, statements.c.effective_date, statements.c.sort_published,
               statements.c.article_id, statements.c.content_start, statements.c.id)
    ids = _actor_id_list(actor_ids)
    with ledger.engine.connect() as connection:
        for dated in (True, False):
            date_test = statements.c.effective_date.isnot(None) if dated else statements.c.effective_date.is_(None)
            for actor_id in ids:
                q = (select(*columns).where(statements.c.actor_id == actor_id, date_test, not_a_later_copy())
                     .order_by(*_NEWEST_FIRST[1:]).limit(limit))
                found += [(_newest_first_key(row), row[0]) for row in connection.execute(q)]
            if len(found) >= limit:
                break
    found.sort(key=lambda pair: pair[0])
    return [json.loads(record) for _, record in found[:limit]]


def _newest_first_key(row: Any) -> tuple:
    """``_NEWEST_FIRST`` as a Python sort key, for rows of several queries."""
    effective, published, article_id, content_start, statement_id = row[1:]
    return (effective is None, -(effective.toordinal() if effective else 0), -published.toordinal(),
            article_id, -content_start, statement_id)


__all__ = ["act_counts", "actor_date_range", "actor_month_counts", "latest_statements", "own_voice_counts",
           "recount_actor_months"]
