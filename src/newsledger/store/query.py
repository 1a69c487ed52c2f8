"""Statement filters and their order, as SQLAlchemy Core selects (every value bound).

Order of statements: article published date (undated articles last), article id, content
start, then statement id (so the order is total and a statement id works as a paging
cursor). Filters, all combined with AND:

- ``speaker``: case-insensitive substring of the resolved speaker name or the mention text
  (compared on the stored case-folded ``speaker_key``, LIKE wildcards escaped);
- ``actor_id``: exact;
- ``act``: exact;
- ``since`` / ``until``: inclusive bounds on the statement date, or the article's published
  date when the statement has none (statements with neither never match a date bound);
  a ``date`` or an ISO ``YYYY-MM-DD`` string;
- ``search``: plain words, see :mod:`newsledger.store.search`;
- ``outlet``: case-insensitive exact;
- ``article_id``: exact;
- ``conditional``: True = only statements with a condition, False = only without.

``None`` means "no filter"; so does an empty ``speaker``, ``search`` or ``outlet`` (as a
blank web form field sends). The exact filters compare the empty string like any value.

Copies (see :mod:`newsledger.store.stories`): by default a statement carried by several
copies of one story is given once, on the earliest copy (in the order above) that passes
the filters: so ``outlet="Keswin Post"`` gives that outlet's own copy, and no filter gives
the earliest copy. ``copies=True`` gives every copy. Statements that are in no group
(unlinked articles, single copies) are always given.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import ColumnElement, Select, exists, false, literal, or_, select, tuple_

from newsledger.store import search as fulltext
from newsledger.store.rows import SPEAKER_KEY_SEPARATOR, fold
from newsledger.store.schema import articles, statements
from newsledger.store.stories import story_statements

ORDER = (
    statements.c.sort_published,
    statements.c.article_id,
    statements.c.content_start,
    statements.c.id,
)


@dataclass(frozen=True)
class Filters:
    speaker: str | None = None
    actor_id: str | None = None
    act: str | None = None
    since: date | str | None = None
    until: date | str | None = None
    search: str | None = None
    outlet: str | None = None
    article_id: str | None = None
    conditional: bool | None = None


def _date(value: date | str | None, name: str) -> date | None:
    if value is None or isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value))
    except ValueError:
        raise ValueError(f"{name} must be a date or YYYY-MM-DD, not {value!r}") from None


def _exact(column: ColumnElement[Any], value: str) -> ColumnElement[bool]:
    # No stored value contains NUL, and PostgreSQL refuses NUL in a string parameter.
    return false() if "\x00" in value else column == value


def where(dialect_name: str, filters: Filters) -> list[ColumnElement[bool]]:
    s, a = statements.c, articles.c
    clauses: list[ColumnElement[bool]] = []
    if filters.speaker:
        needle = fold(filters.speaker)
        for unsearchable in (SPEAKER_KEY_SEPARATOR, "\x00"):
            needle = needle.replace(unsearchable, "")
        # A filter of nothing but unsearchable characters finds nothing (not everything).
        clauses.append(s.speaker_key.contains(needle, autoescape=True) if needle else false())
    if filters.actor_id is not None:
        clauses.append(_exact(s.actor_id, filters.actor_id))
    if filters.act is not None:
        clauses.append(_exact(s.act, filters.act))
    since = _date(filters.since, "since")
    if since is not None:
        clauses.append(s.effective_date >= since)
    until = _date(filters.until, "until")
    if until is not None:
        clauses.append(s.effective_date <= until)
    if filters.search and filters.search.strip():
        clauses.append(fulltext.matches(dialect_name, filters.search, statements))
    if filters.outlet:
        clauses.append(_exact(a.outlet_key, fold(filters.outlet)))
    if filters.article_id is not None:
        clauses.append(_exact(s.article_id, filters.article_id))
    if filters.conditional is not None:
        clauses.append(s.has_condition.is_(bool(filters.conditional)))
    return clauses


def cursor_key(statement_id: str) -> Select:
    """The ordering key of one statement, for ``after=`` paging."""
    return select(*ORDER).where(_exact(statements.c.id, statement_id))


def _passing(dialect_name: str, filters: Filters) -> Select:
    """``SELECT id`` of the statements passing ``filters``, never correlated to an outer
    query (the search clause names the ``statements`` table, which must be this one)."""
    query = select(statements.c.id)
    if filters.outlet:
        query = query.select_from(statements.join(articles, statements.c.article_id == articles.c.id))
    return query.where(*where(dialect_name, filters)).correlate(None)


def _first_passing_copy(dialect_name: str, filters: Filters) -> ColumnElement[bool]:
    """No earlier statement of the same group passes the filters (or there is no group)."""
    group, earlier = story_statements.alias("other_copy"), statements.alias("earlier")
    key = (earlier.c.sort_published, earlier.c.article_id, earlier.c.content_start, earlier.c.id)
    found = (select(literal(1))
             .select_from(group.join(earlier, earlier.c.id == group.c.statement_id))
             .where(group.c.group_id == story_statements.c.group_id,
                    tuple_(*key) < tuple_(*ORDER)))
    if where(dialect_name, filters):
        found = found.where(earlier.c.id.in_(_passing(dialect_name, filters)))
    return or_(story_statements.c.group_id.is_(None), ~exists(found))


def records(dialect_name: str, filters: Filters, *, after_key: tuple[Any, ...] | None = None,
            limit: int | None = None, copies: bool = False) -> Select:
    """``SELECT record, id, article_id, group_id`` for the statements that pass
    ``filters``, in ledger order; each carried statement once unless ``copies``."""
    query = select(statements.c.record, statements.c.id, statements.c.article_id,
                   story_statements.c.group_id)
    joined = statements
    if filters.outlet:
        joined = joined.join(articles, statements.c.article_id == articles.c.id)
    query = query.select_from(joined.outerjoin(
        story_statements, story_statements.c.statement_id == statements.c.id))
    clauses = where(dialect_name, filters)
    if not copies:
        clauses.append(_first_passing_copy(dialect_name, filters))
    if after_key is not None:
        bound = (literal(value, column.type) for value, column in zip(after_key, ORDER))
        clauses.append(tuple_(*ORDER) > tuple_(*bound))
    if clauses:
        query = query.where(*clauses)
    query = query.order_by(*ORDER)
    if limit is not None:
        query = query.limit(limit)
    return query
