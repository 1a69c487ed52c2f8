"""Full-text search over statements: content, cue and speaker name.

User input is treated as plain words, never as query syntax: it is split into runs of word
characters (``\\w+``, Unicode-aware) and every statement containing all those words matches
(AND, any order, no stemming, case- and, on SQLite, accent-insensitive). Quotes, ``-``, ``*``,
``NEAR``, ``AND``/``OR``/``NOT`` and parentheses therefore never reach the query parser as
operators; input without any word matches nothing. Values always travel as bound
parameters.

Dialect code paths, kept apart here:

SQLite
    an FTS5 virtual table ``statements_fts(statement_id UNINDEXED, content, cue, speaker)``
    (tokenizer ``unicode61 remove_diacritics 2``), filled by :func:`index_rows` inside the
    same transaction as the statement rows, so it is always in step with ``statements``.
    Each word is passed to ``MATCH`` as a double-quoted FTS5 string.
PostgreSQL
    no extra table: a GIN expression index on
    ``to_tsvector('simple', content || ' ' || cue || ' ' || speaker_name)`` and
    ``@@ plainto_tsquery('simple', words)`` at query time (the search tests run against a
    real server when ``NEWSLEDGER_TEST_POSTGRES_URL`` is set, as in ``.ci/run``).
Other backends
    a case-insensitive ``LIKE`` per word on content, cue and speaker name (slow, portable).

What is indexed: only those three fields of each stored statement; not article text or titles.
"""

from __future__ import annotations

import re
from typing import Any, Iterable

from sqlalchemy import (
    ColumnElement,
    Connection,
    Table,
    and_,
    column,
    false,
    func,
    literal_column,
    or_,
    select,
    table,
    text,
)

FTS_TABLE = "statements_fts"
_WORD = re.compile(r"\w+")

# The PostgreSQL document expression: the same expression in the index and in queries so
# the planner can use the index. Constant SQL, no user input.
_PG_CONFIG = "'simple'::regconfig"


def _pg_document(prefix: str) -> str:
    """``to_tsvector`` of content, cue and speaker name; ``prefix`` qualifies the columns
    (empty in the index definition, ``"statements."`` in queries that join articles)."""
    return (
        f"to_tsvector({_PG_CONFIG}, coalesce({prefix}content, '') || ' ' || "
        f"coalesce({prefix}cue, '') || ' ' || coalesce({prefix}speaker_name, ''))"
    )


def words(query: str) -> list[str]:
    """The plain words of a user's query, in order."""
    return _WORD.findall(query)


def create_index(connection: Connection) -> None:
    """Create the search index for this backend if it is missing."""
    name = connection.dialect.name
    if name == "sqlite":
        connection.exec_driver_sql(
            f"CREATE VIRTUAL TABLE IF NOT EXISTS {FTS_TABLE} USING fts5("
            "statement_id UNINDEXED, content, cue, speaker, "
            "tokenize = 'unicode61 remove_diacritics 2')"
        )
    elif name == "postgresql":
        connection.exec_driver_sql(
            f"CREATE INDEX IF NOT EXISTS ix_statements_search ON statements "
            f"USING gin (({_pg_document('')}))"
        )


def index_rows(connection: Connection, rows: Iterable[dict[str, Any]]) -> None:
    """Add statements to the search index (SQLite only; PostgreSQL indexes by itself).

    Each row: ``{"statement_id", "content", "cue", "speaker"}``.
    """
    rows = list(rows)
    if not rows or connection.dialect.name != "sqlite":
        return
    connection.execute(
        text(
            f"INSERT INTO {FTS_TABLE} (statement_id, content, cue, speaker) "
            "VALUES (:statement_id, :content, :cue, :speaker)"
        ),
        rows,
    )


def matches(dialect_name: str, query: str, statements: Table) -> ColumnElement[bool]:
    """A WHERE clause: the statement contains every word of ``query``."""
    terms = words(query)
    if not terms:
        return false()
    if dialect_name == "sqlite":
        fts_query = " ".join(f'"{term}"' for term in terms)  # \w+ never contains '"'
        hits = (
            select(column("statement_id"))
            .select_from(table(FTS_TABLE))
            .where(text(f"{FTS_TABLE} MATCH :fts_query").bindparams(fts_query=fts_query))
        )
        return statements.c.id.in_(hits)
    if dialect_name == "postgresql":
        tsquery = func.plainto_tsquery(literal_column(_PG_CONFIG), " ".join(terms))
        return literal_column(_pg_document("statements.")).op("@@")(tsquery)
    fields = (statements.c.content, statements.c.cue, statements.c.speaker_name)
    return and_(
        *(or_(*(func.lower(f).contains(term.lower(), autoescape=True) for f in fields))
          for term in terms)
    )
