"""``Ledger``: the store's public face, the only thing the CLI, web and analysis call.

Writes: ``add(results)`` stores analysed articles and their statements in ONE transaction per
call. The whole ``results`` iterable is read and turned into rows first (so a failing
analysis or a malformed statement stores nothing), then the rows are written; any error
while writing rolls the whole call back and leaves what was stored before intact.
Idempotent: an article whose id is already stored (or that comes twice in one call) is
skipped with all its statements; a statement whose id is already stored is skipped.
On SQLite the write transaction starts with ``BEGIN IMMEDIATE``, so concurrent writers
queue (up to the busy timeout) instead of failing halfway. Pass articles in batches (say a
few hundred per call): a call's rows are held in memory until written.

Reads return plain dicts: statement records exactly as stored (the JSON text parsed, key
order kept, so export is byte-stable), and article records (``Article.record()`` fields)
with a ``statements`` count. Stories (:mod:`.stories`, linked by
``newsledger.analysis.stories.link_stories`` after ``add``): statement listings give a
statement carried by several copies of a story once, on its earliest copy, unless
``copies=True``; records of linked articles gain two fields after the stored ones,
``story`` (``{"id", "copies", "outlets"}``) and ``carried_by`` (``[{"outlet",
"published", "article_id", "statement_id"}]``, every copy carrying the statement, in
ledger order); records of articles never linked are returned exactly as stored. Nothing is cached in the ``Ledger`` object; two ``Ledger``
objects (or processes) on one SQLite file see each other's committed writes.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, datetime, timezone
from os import PathLike
from typing import Any, Iterable, Iterator

from sqlalchemy import Column, Connection, func, select
from sqlalchemy.engine import URL

from newsledger.model import Article, Statement
from newsledger.store import actor_months
from newsledger.store import feeds as _feeds  # noqa: F401  (registers the watch tables)
from newsledger.store import query
from newsledger.store import search as fulltext
from newsledger.store import stories
from newsledger.store.engine import insert_ignore, make_engine, to_url, write_transaction
from newsledger.store.rows import PreparedArticle, prepare
from newsledger.store.schema import (
    SCHEMA_VERSION,
    articles,
    check_version,
    mentions,
    missing_parts,
    statements,
    stored_version,
    upgrade,
)

_IN_CHUNK = 500          # ids per IN (...) list: well under every backend's parameter limit
_STREAM_BATCH = 1000     # rows fetched at a time by iter_statements


@dataclass(frozen=True)
class AddSummary:
    """What one ``Ledger.add`` call stored.

    ``articles_skipped``: articles already stored, or repeated within the call.
    ``statements_skipped``: statements of newly added articles whose id was already stored
    (or repeated); statements of skipped articles are not counted anywhere.
    """

    articles_added: int = 0
    articles_skipped: int = 0
    statements_added: int = 0
    statements_skipped: int = 0

    def __str__(self) -> str:
        return (
            f"{self.articles_added} articles added, {self.articles_skipped} already stored, "
            f"{self.statements_added} statements added"
        )


class Ledger:
    """The ledger database: a SQLite file path, or any SQLAlchemy URL.

    Creates the schema if it is missing; refuses a database with a newer schema version.
    """

    def __init__(self, target: str | PathLike[str] | URL = "newsledger.db", *,
                 timeout: float = 30.0) -> None:
        self.url = to_url(target)
        self.engine = make_engine(self.url, timeout=timeout)
        self.dialect = self.engine.dialect.name
        self._ensure_schema()

    def _ensure_schema(self) -> None:
        with self.engine.connect() as connection:
            version = stored_version(connection)
            complete = version == SCHEMA_VERSION and not missing_parts(connection)
        check_version(version)
        if complete:
            return  # the usual case: opening takes no write lock
        with write_transaction(self.engine) as connection:
            upgrade(connection)  # re-checks under the write lock

    # -- writing --------------------------------------------------------------------------

    def add(self, results: Iterable[tuple[Article, list[Statement]]]) -> AddSummary:
        """Store analysed articles and their statements, all in one transaction."""
        now = datetime.now(timezone.utc)
        prepared = []
        for article, found in results:
            item = prepare(article, list(found), now=now)
            item.row["extra"] = _extra_json(article.extra)
            prepared.append(item)
        if not prepared:
            return AddSummary()
        with write_transaction(self.engine) as connection:
            return self._write(connection, prepared)

    def _write(self, connection: Connection, prepared: list[PreparedArticle]) -> AddSummary:
        seen_articles = _existing(connection, articles.c.id, {p.id for p in prepared})
        new_articles: list[PreparedArticle] = []
        for item in prepared:
            if item.id not in seen_articles:
                seen_articles.add(item.id)
                new_articles.append(item)
        candidates = {s.id for item in new_articles for s in item.statements}
        seen_statements = _existing(connection, statements.c.id, candidates)
        statement_rows, search_rows, mention_rows = [], [], []
        statements_skipped = 0
        for item in new_articles:
            spans: set[tuple[int, int]] = set()
            for prepared_statement in item.statements:
                if prepared_statement.id in seen_statements:
                    statements_skipped += 1
                    continue
                seen_statements.add(prepared_statement.id)
                statement_rows.append(prepared_statement.row)
                search_rows.append(prepared_statement.search)
                mention = prepared_statement.mention
                if mention is not None and (mention["start"], mention["end"]) not in spans:
                    spans.add((mention["start"], mention["end"]))
                    mention_rows.append(mention)
        if new_articles:
            connection.execute(insert_ignore(connection, articles), [a.row for a in new_articles])
        if statement_rows:
            inserted = _insert_statements(connection, statement_rows)
            fulltext.index_rows(connection, [r for r in search_rows if r["statement_id"] in inserted])
            actor_months.shift(connection, actor_months.tally(
                (r["actor_id"], r["effective_date"], r["act"]) for r in statement_rows if r["id"] in inserted))
        if mention_rows:
            connection.execute(insert_ignore(connection, mentions), mention_rows)
        return AddSummary(
            articles_added=len(new_articles),
            articles_skipped=len(prepared) - len(new_articles),
            statements_added=len(statement_rows),
            statements_skipped=statements_skipped,
        )

    # -- reading --------------------------------------------------------------------------

    def has_article(self, article_id: str) -> bool:
        if "\x00" in article_id:  # never stored; PostgreSQL refuses NUL in parameters
            return False
        with self.engine.connect() as connection:
            found = connection.execute(
                select(articles.c.id).where(articles.c.id == article_id)
            ).first()
        return found is not None

    def statements(self, speaker: str | None = None, act: str | None = None,
                   since: date | str | None = None, until: date | str | None = None,
                   search: str | None = None, outlet: str | None = None,
                   article_id: str | None = None, conditional: bool | None = None,
                   limit: int | None = None, after: str | None = None, *,
                   actor_id: str | None = None, copies: bool = False) -> list[dict[str, Any]]:
        """Statement records passing the filters (see :mod:`newsledger.store.query`), in
        ledger order; ``after`` is a statement id: only statements after it are returned.
        A statement carried by several copies of a story comes once, on the earliest copy
        passing the filters; ``copies=True`` gives every copy.
        Raises ``ValueError`` for an unknown ``after`` id or a malformed date."""
        return list(self.iter_statements(
            speaker=speaker, act=act, since=since, until=until, search=search, outlet=outlet,
            article_id=article_id, conditional=conditional, limit=limit, after=after,
            actor_id=actor_id, copies=copies,
        ))

    def iter_statements(self, speaker: str | None = None, act: str | None = None,
                        since: date | str | None = None, until: date | str | None = None,
                        search: str | None = None, outlet: str | None = None,
                        article_id: str | None = None, conditional: bool | None = None,
                        limit: int | None = None, after: str | None = None, *,
                        actor_id: str | None = None, copies: bool = False) -> Iterator[dict[str, Any]]:
        """Like ``statements()`` but streaming, from one consistent snapshot; the database
        connection is held until the iterator is exhausted or closed."""
        filters = query.Filters(
            speaker=speaker, actor_id=actor_id, act=act, since=since, until=until,
            search=search, outlet=outlet, article_id=article_id, conditional=conditional,
        )
        query.where(self.dialect, filters)  # validate dates now, not on first next()
        if limit is not None and limit < 0:
            raise ValueError(f"limit must be 0 or more, not {limit}")
        return self._iter_records(filters, limit, after, copies)

    def _iter_records(self, filters: query.Filters, limit: int | None,
                      after: str | None, copies: bool) -> Iterator[dict[str, Any]]:
        with self.engine.connect() as connection:
            after_key = None
            if after is not None:
                row = connection.execute(query.cursor_key(after)).first()
                if row is None:
                    raise ValueError(f"after: no stored statement has id {after!r}")
                after_key = tuple(row)
            select_records = query.records(self.dialect, filters, after_key=after_key,
                                           limit=limit, copies=copies)
            result = connection.execution_options(yield_per=_STREAM_BATCH).execute(select_records)
            for rows in result.partitions():
                yield from stories.annotate(connection, rows)

    def articles(self, limit: int | None = None, outlet: str | None = None) -> list[dict[str, Any]]:
        """Article records with a ``statements`` count, ordered by published date (undated
        last), then id; ``outlet`` is case-insensitive exact."""
        q = select(*_ARTICLE_FIELDS, _statement_count()).order_by(
            articles.c.published.is_(None), articles.c.published, articles.c.id
        )
        if outlet:
            if "\x00" in outlet:
                return []
            q = q.where(articles.c.outlet_key == outlet.casefold())
        if limit is not None:
            q = q.limit(limit)
        with self.engine.connect() as connection:
            return [_article_record(row) for row in connection.execute(q)]

    def article(self, article_id: str) -> dict[str, Any] | None:
        """One article record with ``statements`` count, ``body_start``, ``text``,
        ``extra`` (``Article.extra`` as stored; ``{}`` when there was none) and ``story``
        (``{"id", "copies", "outlets"}``, or None when the article was never linked)."""
        if "\x00" in article_id:
            return None
        q = select(*_ARTICLE_FIELDS, _statement_count(), articles.c.body_start,
                   articles.c.text, articles.c.extra).where(articles.c.id == article_id)
        with self.engine.connect() as connection:
            row = connection.execute(q).first()
            story = stories.article_story(connection, article_id) if row is not None else None
        if row is None:
            return None
        record = _article_record(row)
        record["body_start"] = row.body_start
        record["text"] = row.text
        record["extra"] = json.loads(row.extra) if row.extra else {}
        record["story"] = story
        return record

    def counts(self) -> dict[str, int]:
        """Rows stored: ``articles``, ``statements`` (every copy), ``mentions``; once any
        article was linked into stories, also ``stories`` (an unlinked article is a story
        of its own) and ``distinct_statements`` (each carried statement once)."""
        with self.engine.connect() as connection:
            found = {
                name: connection.execute(select(func.count()).select_from(table)).scalar_one()
                for name, table in (("articles", articles), ("statements", statements),
                                    ("mentions", mentions))
            }
            found.update(stories.counts(connection))
        return found

    # -- lifetime -------------------------------------------------------------------------

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Ledger:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"Ledger({self.url.render_as_string(hide_password=True)!r})"


_ARTICLE_FIELDS = (
    articles.c.id, articles.c.path, articles.c.outlet, articles.c.url,
    articles.c.published, articles.c.title,
)


def _statement_count():
    return (
        select(func.count())
        .select_from(statements)
        .where(statements.c.article_id == articles.c.id)
        .scalar_subquery()
        .label("statements")
    )


def _article_record(row: Any) -> dict[str, Any]:
    """The ``Article.record()`` dict (same keys, same order) plus the statement count."""
    return {
        "id": row.id,
        "path": row.path,
        "outlet": row.outlet,
        "url": row.url,
        "published": row.published.isoformat() if row.published else None,
        "title": row.title,
        "statements": row.statements,
    }


def _extra_json(extra: dict[str, Any] | None) -> str | None:
    """``Article.extra`` as JSON text with sorted keys (NULL when empty); values JSON
    cannot hold (a date) are stored as their ``str``."""
    if not extra:
        return None
    return json.dumps(extra, ensure_ascii=False, sort_keys=True, default=str)


def _insert_statements(connection: Connection, rows: list[dict[str, Any]]) -> set[str]:
    """Insert statement rows, skipping ids already stored; the ids this call inserted (two
    PostgreSQL writers may race to insert one statement: only the one that did counts it)."""
    statement = insert_ignore(connection, statements)
    if connection.dialect.insert_executemany_returning:
        return set(connection.execute(statement.returning(statements.c.id), rows).scalars())
    connection.execute(statement, rows)
    return {r["id"] for r in rows}


def _existing(connection: Connection, column: Column, ids: set[str]) -> set[str]:
    """Which of ``ids`` are stored in ``column`` (queried in chunks)."""
    found: set[str] = set()
    pending = sorted(ids)
    for start in range(0, len(pending), _IN_CHUNK):
        chunk = pending[start:start + _IN_CHUNK]
        found.update(connection.execute(select(column).where(column.in_(chunk))).scalars())
    return found
