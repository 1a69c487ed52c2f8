"""Small read-only views over the ledger for the web layer (no writes, every value bound).

- ``statement(ledger, id)``: one statement record, or None.
- ``article_texts(ledger, ids)``: ``{article id: text}`` for the given ids (to show evidence).
- ``articles_page(ledger, limit=, after=, outlet=)``: article records in ``Ledger.articles``
  order (published date, undated last, then id), after the article id ``after``.
- ``outlet_names(ledger)``: the distinct outlet names, sorted (cheap: for a form's choices).
- ``outlets(ledger)``: one record per outlet (case-insensitive): name, articles,
  statements, first and last published date; most articles first.

These complement :class:`newsledger.store.Ledger` and return the same plain dicts.
"""

from __future__ import annotations

import json
from typing import Any, Iterable

from sqlalchemy import func, literal, select, tuple_

from newsledger.store import stories
from newsledger.store.ledger import _ARTICLE_FIELDS, _article_record, _statement_count
from newsledger.store.schema import UNDATED, articles, statements

_IN_CHUNK = 500


def _clean(value: str | None) -> str | None:
    """None for values no stored row can have (PostgreSQL refuses NUL in parameters)."""
    if value is None or "\x00" in value:
        return None
    return value


def statement(ledger: Any, statement_id: str) -> dict[str, Any] | None:
    """The statement record with this id as the listings give it (with ``story`` and
    ``carried_by`` when its article is linked into a story), or None."""
    if _clean(statement_id) is None:
        return None
    q = (select(statements.c.record, statements.c.id, statements.c.article_id,
                stories.story_statements.c.group_id)
         .select_from(statements.outerjoin(stories.story_statements,
                                           stories.story_statements.c.statement_id == statements.c.id))
         .where(statements.c.id == statement_id))
    with ledger.engine.connect() as connection:
        rows = connection.execute(q).all()
        return stories.annotate(connection, rows)[0] if rows else None


def article_texts(ledger: Any, ids: Iterable[str]) -> dict[str, str]:
    """The stored text of each article in ``ids`` that exists."""
    wanted = sorted({i for i in ids if _clean(i) is not None})
    found: dict[str, str] = {}
    with ledger.engine.connect() as connection:
        for start in range(0, len(wanted), _IN_CHUNK):
            chunk = wanted[start:start + _IN_CHUNK]
            q = select(articles.c.id, articles.c.text).where(articles.c.id.in_(chunk))
            found.update({row.id: row.text for row in connection.execute(q)})
    return found


def _article_key():
    return (func.coalesce(articles.c.published, literal(UNDATED, articles.c.published.type)),
            articles.c.id)


def articles_page(ledger: Any, *, limit: int | None = None, after: str | None = None,
                  outlet: str | None = None) -> list[dict[str, Any]]:
    """Article records with a ``statements`` count, in ledger order, after the article
    ``after`` (an id). Raises ``ValueError`` when ``after`` is no stored article."""
    key = _article_key()
    q = select(*_ARTICLE_FIELDS, _statement_count()).order_by(*key)
    if outlet:
        if _clean(outlet) is None:
            return []
        q = q.where(articles.c.outlet_key == outlet.casefold())
    if limit is not None:
        if limit < 0:
            raise ValueError(f"limit must be 0 or more, not {limit}")
        q = q.limit(limit)
    with ledger.engine.connect() as connection:
        if after is not None:
            row = None
            if _clean(after) is not None:
                row = connection.execute(select(*key).where(articles.c.id == after)).first()
            if row is None:
                raise ValueError(f"after: no stored article has id {after!r}")
            bound = (literal(value, column.type) for value, column in zip(tuple(row), key))
            q = q.where(tuple_(*key) > tuple_(*bound))
        return [_article_record(row) for row in connection.execute(q)]


def outlet_names(ledger: Any) -> list[str]:
    """The distinct outlets named by articles (one spelling per case-folded name), sorted."""
    q = (select(func.min(articles.c.outlet)).where(articles.c.outlet_key.is_not(None))
         .group_by(articles.c.outlet_key))
    with ledger.engine.connect() as connection:
        names = [name for (name,) in connection.execute(q)]
    return sorted(names, key=str.casefold)


def outlets(ledger: Any) -> list[dict[str, Any]]:
    """Every outlet named by an article: ``{"name", "articles", "statements", "first",
    "last"}``; outlets differing only in case are one. Most articles first, then name."""
    per_article = (
        select(articles.c.outlet_key, articles.c.outlet, articles.c.published,
               _statement_count())
        .where(articles.c.outlet_key.is_not(None))
        .subquery()
    )
    q = (
        select(per_article.c.outlet_key, func.min(per_article.c.outlet).label("name"),
               func.count().label("articles"),
               func.coalesce(func.sum(per_article.c.statements), 0).label("statements"),
               func.min(per_article.c.published).label("first"),
               func.max(per_article.c.published).label("last"))
        .group_by(per_article.c.outlet_key)
    )
    with ledger.engine.connect() as connection:
        rows = list(connection.execute(q))
    result = [{
        "name": row.name,
        "articles": int(row.articles),
        "statements": int(row.statements),
        "first": row.first.isoformat() if row.first else None,
        "last": row.last.isoformat() if row.last else None,
    } for row in rows]
    result.sort(key=lambda r: (-r["articles"], (r["name"] or "").casefold()))
    return result


__all__ = ["article_texts", "articles_page", "outlet_names", "outlets", "statement"]
